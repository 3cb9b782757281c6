import { ApiError } from './errors.js';

/**
 * A compact form of an OpenAPI schema, generated from `api/openapi.yaml` into `schemas.gen.ts`:
 * just enough to reject a payload that would break an element. Properties not listed are allowed, and an enum is
 * checked for its type only, so that a newer server may add fields and values without breaking older widgets (the
 * elements show a value they do not know neutrally).
 */
export interface CompactSchema {
  /** JSON types allowed; 'integer' is a number with no fraction. */
  t?: readonly ('string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null')[];
  /** The only allowed values (a `const`; enums are open, see above). */
  e?: readonly unknown[];
  /** Required property names. */
  r?: readonly string[];
  /** Property schemas. */
  p?: Readonly<Record<string, CompactSchema | (() => CompactSchema)>>;
  /** Schema of array items. */
  i?: CompactSchema | (() => CompactSchema);
  /** Schema of every value of a map-like object. */
  v?: CompactSchema | (() => CompactSchema);
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

function check(value: unknown, schema: CompactSchema, path: string): string | undefined {
  const actual = typeOf(value);
  if (schema.t) {
    const ok = schema.t.some((t) =>
      t === 'integer' ? Number.isInteger(value) : t === 'number' ? actual === 'number' && Number.isFinite(value) : t === actual,
    );
    if (!ok) return `${path || '(root)'}: expected ${schema.t.join(' or ')}, got ${actual}`;
  }
  if (schema.e && !schema.e.includes(value)) return `${path}: unexpected value ${JSON.stringify(value)}`;
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.r ?? []) if (!(key in obj)) return `${join(path, key)}: missing`;
    for (const [key, sub] of Object.entries(schema.p ?? {})) {
      if (key in obj) {
        const problem = check(obj[key], resolve(sub), join(path, key));
        if (problem) return problem;
      }
    }
    if (schema.v) {
      const sub = resolve(schema.v);
      for (const [key, item] of Object.entries(obj)) {
        const problem = check(item, sub, join(path, key));
        if (problem) return problem;
      }
    }
  }
  if (actual === 'array' && schema.i) {
    const sub = resolve(schema.i);
    const list = value as unknown[];
    for (let n = 0; n < list.length; n++) {
      const problem = check(list[n], sub, `${path}[${n}]`);
      if (problem) return problem;
    }
  }
  return undefined;
}

const resolve = (s: CompactSchema | (() => CompactSchema)): CompactSchema => (typeof s === 'function' ? s() : s);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Returns `value` typed as `T` when it fits `schema`; otherwise throws an `invalid-payload` ApiError naming the field. */
export function validate<T>(value: unknown, schema: CompactSchema): T {
  const problem = check(value, schema, '');
  if (problem) {
    const field = problem.slice(0, problem.indexOf(':'));
    throw new ApiError('invalid-payload', `Malformed API response at ${problem}`, { field });
  }
  return value as T;
}
