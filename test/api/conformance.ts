/**
 * Runs the API contract against any server:
 *   npm run conformance -- https://your-backend.example
 * Mutating checks use fresh case ids and idempotency keys, so it is safe to repeat against a shared backend.
 */
import { runContract } from './contract.ts';

const target = process.argv[2];
if (!target || !/^https?:\/\//.test(target)) {
  console.error('usage: npm run conformance -- <base URL, e.g. http://localhost:8787>');
  process.exit(2);
}
// Every path of the API starts with /api/v1 at the origin (see servers in api/openapi.yaml).
runContract(new URL(target).origin, {
  patchTimeoutMs: Number(process.env.ZW_PATCH_TIMEOUT_MS ?? 35_000),
});
