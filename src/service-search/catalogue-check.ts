import type { CompactSchema } from '../core/api/validate.js';

/**
 * The API contract's check of a payload (the rules of core/api/validate.ts, which the page's requests use), for the
 * search worker: it reports the first broken field as text instead of throwing an ApiError, because the worker must
 * load nothing the page's main bundle holds — Rollup, for one, leaves ApiError in the entry chunk, and that chunk
 * (Lit, the element definitions) cannot run in a worker. The page turns the text back into an ApiError.
 *
 * Returns `undefined` when `value` fits, else `"field.path: what is wrong"`.
 */
export function problemWith(value: unknown, schema: CompactSchema, path = ''): string | undefined {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (schema.t) {
    const ok = schema.t.some((t) =>
      t === 'integer'
        ? Number.isInteger(value)
        : t === 'number'
          ? actual === 'number' && Number.isFinite(value)
          : t === actual,
    );
    if (!ok) return `${path || '(root)'}: expected ${schema.t.join(' or ')}, got ${actual}`;
  }
  if (schema.e && !schema.e.includes(value)) return `${path}: unexpected value ${JSON.stringify(value)}`;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const resolve = (s: CompactSchema | (() => CompactSchema)) => (typeof s === 'function' ? s() : s);
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.r ?? []) if (!(key in obj)) return `${at(key)}: missing`;
    for (const [key, sub] of Object.entries(schema.p ?? {})) {
      const problem = key in obj ? problemWith(obj[key], resolve(sub), at(key)) : undefined;
      if (problem) return problem;
    }
    if (schema.v) {
      const sub = resolve(schema.v);
      for (const [key, item] of Object.entries(obj)) {
        const problem = problemWith(item, sub, at(key));
        if (problem) return problem;
      }
    }
  }
  if (actual === 'array' && schema.i) {
    const sub = resolve(schema.i);
    const list = value as unknown[];
    for (let n = 0; n < list.length; n++) {
      const problem = problemWith(list[n], sub, `${path}[${n}]`);
      if (problem) return problem;
    }
  }
  return undefined;
}
