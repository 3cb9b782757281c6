import { Lazy } from '../lazy.js';
import { ApiError } from './errors.js';
import type { CompactSchema } from './validate.js';

/** A schema of the spec by its name (`'HallSnapshot'`), or a schema itself. */
export type SchemaRef = CompactSchema | keyof typeof import('./schemas.gen.js');

/** Returns a payload typed as `T` when it fits, or throws an `invalid-payload` ApiError naming the field. */
export type PayloadCheck = <T>(value: unknown) => T;

/**
 * The checker travels with the schemas, fetched with the first request that asks for a check: the module then
 * arrives while the server answers, and an element's first download carries neither.
 */
const checks = new Lazy(() => import('./checks.js'));

/** The check for `ref`; a checks module that cannot be fetched is a network failure (and retried as one). */
export async function checkFor(ref: SchemaRef): Promise<PayloadCheck> {
  let m: Awaited<ReturnType<typeof checks.load>>;
  try {
    m = await checks.load();
  } catch {
    throw new ApiError('network', 'Could not load the payload checks');
  }
  const schema = typeof ref === 'string' ? m.schemas[ref] : ref;
  return <T>(value: unknown) => m.validate<T>(value, schema);
}
