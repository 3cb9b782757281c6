import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * api/openapi.yaml, loaded once. Every validator (requests here, responses in the contract tests) is compiled
 * from the schemas in it by JSON pointer, so the spec stays the one description of each payload.
 */
export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const SPEC_ID = 'urn:zhengwu-widgets:openapi';

type Json = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface SpecParameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required: boolean;
  /** JSON pointer (within the spec) of the parameter's schema. */
  schemaPointer: string;
  schema: Json;
}

export interface SpecOperation {
  path: string;
  method: HttpMethod;
  pointer: string;
  parameters: SpecParameter[];
  /** Pointer of the application/json request body schema, when the operation takes one. */
  bodyPointer: string | null;
  bodyRequired: boolean;
}

export class ApiSpec {
  readonly doc: Json;
  readonly version: string;
  private readonly strictAjv: Ajv2020;
  private readonly coercingAjv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: Json) {
    this.doc = doc;
    this.version = String((doc.info as Json | undefined)?.version ?? '0.0.0');
    this.strictAjv = makeAjv(doc, false);
    this.coercingAjv = makeAjv(doc, true);
  }

  static load(path = DEFAULT_SPEC_PATH): ApiSpec {
    return new ApiSpec(parse(readFileSync(path, 'utf8')) as Json);
  }

  /** Spec paths may be written with or without the /api/v1 prefix; both are accepted. */
  private pathItem(path: string): { key: string; item: Json } | null {
    const paths = (this.doc.paths ?? {}) as Record<string, Json>;
    for (const key of [path, `/api/v1${path}`]) if (paths[key]) return { key, item: paths[key] };
    return null;
  }

  hasOperation(path: string, method: HttpMethod): boolean {
    return Boolean(this.pathItem(path)?.item[method]);
  }

  operation(path: string, method: HttpMethod): SpecOperation {
    const found = this.pathItem(path);
    const op = found?.item[method] as Json | undefined;
    if (!found || !op) throw new Error(`api/openapi.yaml has no operation ${method.toUpperCase()} ${path}`);
    const opPointer = `/paths/${escapePointer(found.key)}/${method}`;
    const parameters: SpecParameter[] = [];
    const seen = new Set<string>();
    // Operation-level parameters override path-level ones with the same name and location.
    const lists: [unknown, string][] = [
      [op.parameters, `${opPointer}/parameters`],
      [found.item.parameters, `/paths/${escapePointer(found.key)}/parameters`],
    ];
    for (const [list, listPointer] of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((raw, i) => {
        const { value, pointer } = this.deref(raw as Json, `${listPointer}/${i}`);
        const key = `${String(value.in)}:${String(value.name).toLowerCase()}`;
        if (seen.has(key)) return;
        seen.add(key);
        parameters.push({
          name: String(value.name),
          in: value.in as SpecParameter['in'],
          required: value.required === true,
          schemaPointer: `${pointer}/schema`,
          schema: (value.schema ?? {}) as Json,
        });
      });
    }
    let bodyPointer: string | null = null;
    let bodyRequired = false;
    if (op.requestBody) {
      const { value, pointer } = this.deref(op.requestBody as Json, `${opPointer}/requestBody`);
      const content = (value.content ?? {}) as Json;
      if (content['application/json']) bodyPointer = `${pointer}/content/application~1json/schema`;
      bodyRequired = value.required === true;
    }
    return { path, method, pointer: opPointer, parameters, bodyPointer, bodyRequired };
  }

  /** Follows OpenAPI `$ref`s (parameters, responses, request bodies) to the object they name. */
  deref(value: Json, pointer: string): { value: Json; pointer: string } {
    let current = value;
    let at = pointer;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops += 1) {
      const ref = current.$ref as string;
      if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
      at = ref.slice(1);
      current = this.at(at) as Json;
    }
    return { value: current, pointer: at };
  }

  at(pointer: string): unknown {
    let node: unknown = this.doc;
    for (const part of pointer.split('/').slice(1)) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Json)[unescapePointer(part)];
    }
    return node;
  }

  /** A validator for the schema at `pointer`; `coerce` turns query-string text into the declared types. */
  validator(pointer: string, coerce = false): ValidateFunction {
    const key = `${coerce ? 'c' : 's'}${pointer}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const ajv = coerce ? this.coercingAjv : this.strictAjv;
      fn = ajv.compile({ $ref: `${SPEC_ID}#${pointerToFragment(pointer)}` });
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** One object schema over a set of parameters, each property a $ref to the parameter's own schema. */
  parameterValidator(op: SpecOperation, location: SpecParameter['in']): ValidateFunction {
    const key = `p${op.pointer}:${location}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const params = op.parameters.filter((p) => p.in === location);
      const name = (p: SpecParameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
      fn = this.coercingAjv.compile({
        type: 'object',
        properties: Object.fromEntries(
          params.map((p) => [name(p), { $ref: `${SPEC_ID}#${pointerToFragment(p.schemaPointer)}` }]),
        ),
        required: params.filter((p) => p.required).map(name),
      });
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** The schema pointer of a documented response body, or null when the spec documents none. */
  responsePointer(path: string, method: HttpMethod, status: number, contentType: string): string | null {
    const op = this.operation(path, method);
    const responses = (this.at(`${op.pointer}/responses`) ?? {}) as Json;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k]);
    if (!statusKey) return null;
    const { value, pointer } = this.deref(responses[statusKey] as Json, `${op.pointer}/responses/${statusKey}`);
    const content = (value.content ?? {}) as Json;
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!content[mediaType]) return null;
    return `${pointer}/content/${escapePointer(mediaType)}/schema`;
  }

  documentedStatuses(path: string, method: HttpMethod): string[] {
    const op = this.operation(path, method);
    return Object.keys((this.at(`${op.pointer}/responses`) ?? {}) as Json);
  }
}

function makeAjv(doc: Json, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // OpenAPI adds annotation keywords (example, discriminator, xml …) that are not JSON Schema.
    strict: false,
    validateFormats: true,
    ...(coerce ? { coerceTypes: 'array' as const, useDefaults: true } : {}),
  });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  return ajv;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerToFragment(pointer: string): string {
  return pointer
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

export type { ErrorObject };
