/**
 * Generates the browser's view of the API from `api/openapi.yaml`, the one source of truth:
 *   src/core/api/types.gen.ts   — TypeScript types (openapi-typescript) plus a short alias per schema;
 *   src/core/api/schemas.gen.ts — compact runtime schemas for `validate()`, one export per schema so that each
 *                                 element bundles only the schemas it reads. An `enum` is checked for its type
 *                                 only: a value added by a newer server is kept (the elements show it neutrally)
 *                                 rather than failing the whole payload; a `const` is checked exactly.
 * `--check` regenerates in memory and fails when the committed files differ (the spec and the code drifted).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const specPath = `${root}api/openapi.yaml`;
const outTypes = `${root}src/core/api/types.gen.ts`;
const outSchemas = `${root}src/core/api/schemas.gen.ts`;
const banner = '// Generated from api/openapi.yaml by `npm run gen:api`. Do not edit: change the spec and regenerate.\n';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

const spec = parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, Schema> } };
const schemas = spec.components.schemas;
const refName = (ref: string) => ref.split('/').pop()!;

/** The JSON type of a value, as a schema names it. */
const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

/** The compact form of one schema as TypeScript source; references become thunks so order and cycles do not matter. */
function compact(s: Schema): string {
  if (s.$ref) return `() => ${refName(s.$ref)}`;
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    // The spec uses unions only as "X or null"; anything richer is accepted as is rather than guessed at.
    const nonNull = variants.filter((v) => v.type !== 'null');
    if (nonNull.length === 1 && variants.length === 2) {
      // A referenced schema may be declared further down: read it when validating, not at module load.
      const only = nonNull[0];
      return only.$ref ? `() => nullable(${refName(only.$ref)})` : `/* @__PURE__ */ nullable(${compact(only)})`;
    }
    return '{}';
  }
  if (s.allOf?.length === 1) return compact(s.allOf[0]);
  const parts: string[] = [];
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  // An enum without a declared type still has one: that of its values.
  if (!types.length && s.enum) types.push(...new Set(s.enum.map(jsonType)));
  if (types.length) parts.push(`t: ${JSON.stringify(types)}`);
  // The values of an enum are open to additions (see the header); a const is not.
  if (s.const !== undefined) parts.push(`e: ${JSON.stringify([s.const])}`);
  if (s.required?.length) parts.push(`r: ${JSON.stringify(s.required)}`);
  if (s.properties) {
    const props = Object.entries(s.properties).map(([k, v]) => `${JSON.stringify(k)}: ${compact(v)}`);
    parts.push(`p: { ${props.join(', ')} }`);
  }
  if (s.items) parts.push(`i: ${compact(s.items)}`);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    parts.push(`v: ${compact(s.additionalProperties)}`);
  }
  return `{ ${parts.join(', ')} }`;
}

function schemaModule(): string {
  const lines = [
    banner,
    "import type { CompactSchema } from './validate.js';\n",
    'type Lazy = CompactSchema | (() => CompactSchema);',
    'const nullable = (s: Lazy): CompactSchema => {',
    "  const base = typeof s === 'function' ? s() : s;",
    "  return base.t ? { ...base, t: [...base.t, 'null'] } : base;",
    '};\n',
  ];
  for (const [name, s] of Object.entries(schemas)) {
    lines.push(`export const ${name}: CompactSchema = ${compact(s)};`);
  }
  return lines.join('\n') + '\n';
}

async function typesModule(): Promise<string> {
  const ast = await openapiTS(new URL(`file://${specPath}`), { alphabetize: false, exportType: false });
  const aliases = Object.keys(schemas).map((n) => `export type ${n} = components['schemas']['${n}'];`);
  return `${banner}/* eslint-disable */\n${astToString(ast)}\n${aliases.join('\n')}\n`;
}

const check = process.argv.includes('--check');
const outputs: [string, string][] = [
  [outTypes, await typesModule()],
  [outSchemas, schemaModule()],
];
let drift = false;
for (const [file, text] of outputs) {
  if (!check) {
    writeFileSync(file, text);
    continue;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* missing counts as drift */
  }
  if (current !== text) {
    console.error(`${file.slice(root.length)} is out of date with api/openapi.yaml: run \`npm run gen:api\` and commit.`);
    drift = true;
  }
}
if (drift) process.exit(1);
console.log(check ? 'API types and schemas match api/openapi.yaml.' : 'Generated API types and schemas.');
