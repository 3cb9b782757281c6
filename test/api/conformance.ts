/**
 * Runs the API contract against any server:
 *   npm run conformance -- https://your-backend.example
 * Mutating checks use fresh case ids and idempotency keys, so it is safe to repeat against a shared backend.
 * Case ids are signed as the reference server checks them (docs/decisions/048-rating-case-ids.md), with the first
 * of ZW_CASE_ID_SECRETS, else the development secret; a server that does not verify case ids takes them as they are.
 */
import { DEV_CASE_ID_SECRET, parseSecrets, signCaseId } from '../../api/server/ratings/case-ids.ts';
import { runContract } from './contract.ts';

const target = process.argv[2];
if (!target || !/^https?:\/\//.test(target)) {
  console.error('usage: npm run conformance -- <base URL, e.g. http://localhost:8787>');
  process.exit(2);
}
const secret = parseSecrets(process.env.ZW_CASE_ID_SECRETS)[0] ?? DEV_CASE_ID_SECRET;
// Every path of the API starts with /api/v1 at the origin (see servers in api/openapi.yaml).
runContract(new URL(target).origin, {
  patchTimeoutMs: Number(process.env.ZW_PATCH_TIMEOUT_MS ?? 35_000),
  caseId: (caseNumber) => signCaseId(caseNumber, secret),
});
