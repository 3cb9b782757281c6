import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.ts';
import { listen } from './http/node-server.ts';
import { parseTrustProxy } from './http/client-ip.ts';
import { DEFAULT_LIMITS, type Limits } from './http/limits.ts';
import { parseSecrets } from './ratings/case-ids.ts';
import { parseDayOverrides } from './ratings/working-days.ts';
import { parseDataKeys } from './personal-data.ts';
import { createLogger } from './log.ts';
import type { IdentityProvider } from './auth/tokens.ts';

/**
 * The reference API on its own: `npm run api`. Configured by the environment:
 * - PORT (default 8787), HOST (default 0.0.0.0);
 * - DATABASE_URL for PostgreSQL, otherwise PGlite persisted under ZW_DATA_DIR (default .data/pglite);
 * - ZW_CASE_ID_SECRETS: the secrets that sign case ids, comma-separated, the signing one first (at least 16
 *   characters each; see docs/decisions/048-rating-case-ids.md). Without it the published development secret is
 *   used, which protects nothing. ZW_ACCEPT_UNSIGNED_CASE_IDS=1 takes bare case numbers (development only);
 * - ZW_TRUST_PROXY: behind a reverse proxy, the number of proxies, or their addresses and CIDR blocks
 *   (comma-separated), whose X-Forwarded-For entries are trusted;
 * - ZW_SHARED_NETWORKS: addresses and CIDR blocks many residents share (the halls' guest Wi-Fi), exempt from the
 *   per-address limits on online take; ZW_LIMITS: other limits, `takesPerMinute=20,takeShare=0.05` (see
 *   http/limits.ts);
 * - ZW_OIDC_ISSUER and ZW_OIDC_AUDIENCE: the district's identity provider (OpenID Connect) that signs staff tokens,
 *   and the audience they are issued for; ZW_OIDC_ROLES_CLAIM (default `roles`) and ZW_OIDC_HALLS_CLAIM (default
 *   `halls`) name the claims that list a staff member's roles and halls. Without an issuer the server runs its
 *   DEVELOPMENT issuer (any role to anyone who asks), and refuses to start when NODE_ENV=production;
 * - ZW_DATA_KEY: the key (32 bytes, base64 or hex; comma-separated while one is replaced, the first seals) that
 *   encrypts residents' personal data at rest (docs/decisions/055-personal-data.md); without it the published
 *   development key is used, which protects nothing. ZW_PERSONAL_DATA_DAYS: days a phone number left for a 回访 is
 *   kept after the rating (default 60);
 * - ZW_FOLLOW_UP_WORKING_DAYS: working days a 差评 is given to be rectified (5 to 15, default 10), counted on the
 *   official calendar, corrected or extended by ZW_WORKDAY_OVERRIDES (`2027-10-01:off,2027-09-26:on`);
 *   ZW_DEFAULT_VERDICT_DAYS: days after closing after which a resident's missing verdict on the fix counts as 基本满意
 *   (unset: never); ZW_PROVINCE_URL and ZW_PROVINCE_TOKEN: the provincial 好差评 platform each rating is pushed to
 *   (docs/rating-desk.md);
 * - ZW_LOG_LEVEL (default info): JSON log lines on stdout; ZW_SHUTDOWN_SECONDS (default 10): how long a stopping
 *   replica waits for requests in flight; ZW_DB_POOL (default 10): PostgreSQL connections per replica;
 * - ZW_SIMULATOR_SPEED, ZW_ALWAYS_OPEN=1 for demos; ZW_STAFFED_HALLS: hall ids (comma-separated) run by their staff
 *   through the operator API or fed by their own queuing system, not simulated (docs/hall-operations.md).
 */
const env = process.env;
const port = Number(env.PORT ?? 8787);
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : resolve(env.ZW_DATA_DIR ?? '.data/pglite');
if (dataDir) mkdirSync(dataDir, { recursive: true });

function parseLimits(value: string | undefined): Partial<Limits> {
  const limits: Record<string, unknown> = {};
  for (const pair of (value ?? '').split(',').filter((p) => p.trim())) {
    const [name = '', raw = ''] = pair.split('=').map((s) => s.trim());
    if (!(name in DEFAULT_LIMITS) || name === 'sharedNetworks' || !Number.isFinite(Number(raw)) || raw === '') {
      throw new Error(`ZW_LIMITS: cannot set "${pair}" (names: ${Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'sharedNetworks').join(', ')})`);
    }
    limits[name] = Number(raw);
  }
  const shared = (env.ZW_SHARED_NETWORKS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { ...limits, ...(shared.length ? { sharedNetworks: shared } : {}) };
}

const caseIdSecrets = parseSecrets(env.ZW_CASE_ID_SECRETS);
const acceptUnsignedCaseIds = env.ZW_ACCEPT_UNSIGNED_CASE_IDS === '1';
const warn = (lines: string[]) => console.warn(['', '!'.repeat(100), ...lines.map((l) => `!! ${l}`), '!'.repeat(100), ''].join('\n'));
if (!caseIdSecrets.length) {
  warn([
    'ZW_CASE_ID_SECRETS is not set: case ids are checked against the PUBLISHED DEVELOPMENT SECRET.',
    'Anyone can sign any case number with it and rate a case before its resident. Set a secret of your own.',
  ]);
}
if (acceptUnsignedCaseIds) warn(['ZW_ACCEPT_UNSIGNED_CASE_IDS=1: anyone can rate any case number. Development only.']);

const dataKeys = parseDataKeys(env.ZW_DATA_KEY);
if (!dataKeys.length) {
  if (env.NODE_ENV === 'production') {
    console.error('NODE_ENV=production and ZW_DATA_KEY is not set: residents\' phone numbers would be encrypted with the published development key.');
    process.exit(1);
  }
  warn([
    "ZW_DATA_KEY is not set: residents' phone numbers are encrypted with the PUBLISHED DEVELOPMENT KEY, which protects nothing.",
    'Make a key with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"',
  ]);
}
const personalDataDays = env.ZW_PERSONAL_DATA_DAYS === undefined ? undefined : Number(env.ZW_PERSONAL_DATA_DAYS);
if (personalDataDays !== undefined && !(personalDataDays > 0)) {
  console.error(`ZW_PERSONAL_DATA_DAYS must be a positive number of days, not "${env.ZW_PERSONAL_DATA_DAYS}".`);
  process.exit(1);
}

const optionalNumber = (name: string): number | undefined => {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    console.error(`${name} must be a number, not "${text}".`);
    process.exit(1);
  }
  return n;
};
const ratingDesk = {
  workingDays: optionalNumber('ZW_FOLLOW_UP_WORKING_DAYS'),
  defaultVerdictDays: optionalNumber('ZW_DEFAULT_VERDICT_DAYS') ?? null,
  workdayOverrides: parseDayOverrides(env.ZW_WORKDAY_OVERRIDES),
};
const provinceUrl = env.ZW_PROVINCE_URL?.trim();
const provincialPush = provinceUrl ? { url: provinceUrl, ...(env.ZW_PROVINCE_TOKEN ? { token: env.ZW_PROVINCE_TOKEN } : {}) } : undefined;

function identityProvider(): IdentityProvider | undefined {
  const issuer = env.ZW_OIDC_ISSUER?.trim();
  if (!issuer) {
    if (env.NODE_ENV === 'production') {
      console.error('NODE_ENV=production and ZW_OIDC_ISSUER is not set: staff could not sign in, and the development issuer is not for production.');
      process.exit(1);
    }
    warn([
      'ZW_OIDC_ISSUER is not set: staff sign in with the DEVELOPMENT ISSUER, which gives ANY ROLE TO ANYONE who asks',
      '(POST /api/v1/dev-issuer/token, or: tsx api/server/auth/dev-token.ts --role hall-admin --hall guangan-zwzx).',
      "Set ZW_OIDC_ISSUER and ZW_OIDC_AUDIENCE to the district's identity provider.",
    ]);
    return undefined;
  }
  const audience = env.ZW_OIDC_AUDIENCE?.trim();
  if (!audience) {
    console.error('ZW_OIDC_ISSUER is set without ZW_OIDC_AUDIENCE: tokens issued for any application would be accepted.');
    process.exit(1);
  }
  return {
    issuer,
    audience,
    ...(env.ZW_OIDC_ROLES_CLAIM ? { rolesClaim: env.ZW_OIDC_ROLES_CLAIM } : {}),
    ...(env.ZW_OIDC_HALLS_CLAIM ? { hallsClaim: env.ZW_OIDC_HALLS_CLAIM } : {}),
  };
}

const log = createLogger({ level: env.ZW_LOG_LEVEL ?? 'info' });
const reference = await createApp({
  databaseUrl,
  dataDir,
  simulatorSpeed: Number(env.ZW_SIMULATOR_SPEED ?? 1),
  alwaysOpen: env.ZW_ALWAYS_OPEN === '1',
  staffedHalls: (env.ZW_STAFFED_HALLS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  trustProxy: parseTrustProxy(env.ZW_TRUST_PROXY),
  limits: parseLimits(env.ZW_LIMITS),
  caseIdSecrets,
  acceptUnsignedCaseIds,
  identityProvider: identityProvider(),
  dataKeys,
  personalDataDays,
  ratingDesk,
  provincialPush,
  logger: log,
  processMetrics: true,
});

// Even requests that Node's parser or the adapter refuse (malformed, headers too large) get a problem document.
const server = listen(
  reference.app,
  port,
  env.HOST ?? '0.0.0.0',
  (info) => {
    const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
    log.info(
      { port: info.port, url: `http://${host}:${info.port}/api/v1/health`, storage: databaseUrl ? 'postgres' : 'pglite', ...(dataDir ? { dataDir } : {}) },
      'zhengwu-widgets reference API listening',
    );
  },
  log,
);

/** Seconds a stopping replica waits for requests in flight before it exits anyway (ZW_SHUTDOWN_SECONDS). */
const shutdownSeconds = Number(env.ZW_SHUTDOWN_SECONDS ?? 10);

let stopping = false;
/**
 * SIGTERM (a deploy, a scale-down) or SIGINT: stop taking connections, tell readiness, end the event streams so their
 * clients reconnect — through the load balancer, to another replica — let requests in flight finish, then release
 * the database and exit.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: no new connections, ending event streams');
  const closed = new Promise<void>((done) => server.close(() => done()));
  reference.drain();
  // A connection whose stream just ended is idle now: close it, so the client reconnects elsewhere at once.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  idle.unref();
  const timeout = setTimeout(() => {
    log.warn({ seconds: shutdownSeconds }, 'stopping: requests still in flight; exiting anyway');
    process.exit(0);
  }, shutdownSeconds * 1000);
  timeout.unref();
  await closed;
  await reference.close();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
