import { createHmac, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * Signed case ids (see docs/decisions/048-rating-case-ids.md). The system that handles a case (办件系统) gives the
 * resident the case number with a signature of it: `<case number>.<signature>`, where the signature is the first
 * 128 bits of HMAC-SHA256 over `zw-case:v1:<case number>` with a secret it shares with the rating server, in
 * base64url (22 characters). Only someone who was handed a case can rate it, so nobody can rate another resident's
 * case first and lock them out. Case numbers are stored and compared without the signature.
 */

/**
 * The secret of the demo, Storybook and tests. Published here, so it protects nothing: a district sets its own
 * (ZW_CASE_ID_SECRETS) and the server says so loudly when it runs with this one.
 */
export const DEV_CASE_ID_SECRET = 'zhengwu-widgets-dev-only-case-id-secret';

const SIGNATURE_LENGTH = 22;

export interface CaseIdPolicy {
  /** Secrets whose signatures are accepted; the first one signs. More than one while a secret is being replaced. */
  secrets: readonly string[];
  /** Accept case numbers without a signature (development only: anyone may then rate any case number). */
  acceptUnsigned: boolean;
}

function signature(caseNumber: string, secret: string): string {
  return createHmac('sha256', secret).update(`zw-case:v1:${caseNumber}`).digest().subarray(0, 16).toString('base64url');
}

/** `<case number>.<signature>`: what the issuing system puts in the resident's link, QR code or rating pad. */
export function signCaseId(caseNumber: string, secret: string): string {
  return `${caseNumber}.${signature(caseNumber, secret)}`;
}

/** The case number of a case id, signed or not. */
export function caseNumberOf(caseId: string): string {
  const dot = caseId.indexOf('.');
  return dot < 0 ? caseId : caseId.slice(0, dot);
}

/** The case number when the case id is acceptable under the policy, otherwise null. */
export function verifyCaseId(caseId: string, policy: CaseIdPolicy): string | null {
  const dot = caseId.indexOf('.');
  if (dot < 0) return policy.acceptUnsigned ? caseId : null;
  const caseNumber = caseId.slice(0, dot);
  const given = Buffer.from(caseId.slice(dot + 1));
  if (given.length !== SIGNATURE_LENGTH) return null;
  for (const secret of policy.secrets) {
    if (timingSafeEqual(given, Buffer.from(signature(caseNumber, secret)))) return caseNumber;
  }
  return null;
}

/** ZW_CASE_ID_SECRETS: comma-separated, the signing secret first. */
export function parseSecrets(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// `tsx api/server/ratings/case-ids.ts <case number>…` prints signed case ids (with ZW_CASE_ID_SECRETS, else the dev secret).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const secret = parseSecrets(process.env.ZW_CASE_ID_SECRETS)[0] ?? DEV_CASE_ID_SECRET;
  const numbers = process.argv.slice(2);
  if (!numbers.length) console.error('usage: tsx api/server/ratings/case-ids.ts <case number>…');
  for (const n of numbers) console.log(signCaseId(n, secret));
}
