import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_SPEC_PATH } from '../spec.ts';

/**
 * schemas/national-rating-record.schema.json, the JSON Schema of one national rating record that ships in the
 * package for a district's own checks, is made from `NationalRatingRecord` in api/openapi.yaml (the one definition):
 * its references resolved in place, OpenAPI's `example` turned into JSON Schema's `examples`.
 * `tsx api/server/reporting/record-schema.ts` writes it; the reporting test fails when it differs from the spec.
 */
export const RECORD_SCHEMA_PATH = fileURLToPath(
  new URL('../../../schemas/national-rating-record.schema.json', import.meta.url),
);
export const RECORD_SCHEMA_ID = 'urn:zhengwu-widgets:schema:national-rating-record:v1';

type Json = Record<string, unknown>;

function inline(node: unknown, schemas: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, schemas));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const { $ref, ...siblings } = obj;
    const target = inline(schemas[($ref as string).split('/').pop()!], schemas) as Json;
    // A description or example next to a $ref speaks for this use of the schema: it wins.
    return { ...target, ...(inline(siblings, schemas) as Json) };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'example') out.examples = [value];
    else out[key] = inline(value, schemas);
  }
  return out;
}

export function recordSchema(specPath = DEFAULT_SPEC_PATH): Json {
  const doc = parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, Json> } };
  const schemas = doc.components.schemas;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: RECORD_SCHEMA_ID,
    title: '好差评 national rating record (评价记录)',
    ...(inline(schemas.NationalRatingRecord, schemas) as Json),
  };
}

export const recordSchemaText = (specPath?: string): string => `${JSON.stringify(recordSchema(specPath), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RECORD_SCHEMA_PATH, recordSchemaText());
  console.log(`wrote ${RECORD_SCHEMA_PATH}`);
}
