import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { cors } from 'hono/cors';
import { DevIssuer } from './auth/dev-issuer.ts';
import { TokenVerifier, type IdentityProvider } from './auth/tokens.ts';
import type { AppContext } from './context.ts';
import { openDb, type Db } from './db.ts';
import { createLogger, type Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { isClientGone } from './http/client-error.ts';
import type { TrustProxy } from './http/client-ip.ts';
import { DEFAULT_LIMITS, Limiters, type Limits } from './http/limits.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { HALLS } from './queue/halls.ts';
import { OnlineTickets } from './queue/online-tickets.ts';
import { HALL_CHANNEL, type QueueLogLimits } from './queue/shared-hall.ts';
import { QueueSimulator } from './queue/simulator.ts';
import { DEV_CASE_ID_SECRET, type CaseIdPolicy } from './ratings/case-ids.ts';
import { PersonalData } from './personal-data.ts';
import { DEFAULT_WORKING_DAYS, RatingCases } from './ratings/cases.ts';
import { DEFAULT_PERSONAL_DATA_DAYS, RatingStore } from './ratings/store.ts';
import { WorkingCalendar, type DayOverrides } from './ratings/working-days.ts';
import { ProvincialPush, type ProvincialPushOptions } from './reporting/provincial-push.ts';
import { healthRoutes } from './routes/health.ts';
import { queueRoutes } from './routes/queue.ts';
import { ratingDeskRoutes } from './routes/rating-desk.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { reportingRoutes } from './routes/reporting.ts';
import { devIssuerRoutes } from './routes/dev-issuer.ts';
import { serviceRoutes } from './routes/services.ts';
import { staffRoutes } from './routes/staff.ts';
import { operatorRoutes } from './routes/operator.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { forgetOldOperations } from './queue/operator-actions.ts';
import { loadServiceData, serializeCatalogue } from './services/catalogue.ts';
import { seedServices } from './services/store.ts';
import { ApiSpec } from './spec.ts';

export interface AppOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; omit for an in-memory database. */
  dataDir?: string;
  /** The clock (tests set the time of day with it). */
  now?: () => Date;
  /** Simulator speed: 1 = real time, 4 = four times faster, 0 = paused (drive it with simulator.tick()). */
  simulatorSpeed?: number;
  /** Seed of the simulator's random choices. */
  seed?: number;
  /** Keep every hall open whatever the time (demo, Storybook, browser tests). */
  alwaysOpen?: boolean;
  /** Online tickets per hall, category and day. */
  onlineQuota?: number;
  /** What one client may do (defaults: DEFAULT_LIMITS); tests and the demo raise some. */
  limits?: Partial<Limits>;
  /** @deprecated The same as `limits.ratingsPerMinute` (which wins when both are given). */
  ratingsPerMinute?: number;
  /**
   * Which proxies' X-Forwarded-For entries say who the client is: none (default), a number of hops, or the
   * proxies' addresses and CIDR blocks (see http/client-ip.ts).
   */
  trustProxy?: TrustProxy;
  /**
   * Secrets that sign case ids (the first signs; more while one is replaced). Defaults to the published
   * development secret, which protects nothing: a district sets its own.
   */
  caseIdSecrets?: readonly string[];
  /** Accept case ids without a signature (development only: anyone may then rate any case). */
  acceptUnsignedCaseIds?: boolean;
  /** Milliseconds between heartbeats on event streams (default 4000). */
  heartbeatMs?: number;
  /** Another OpenAPI document to validate against (defaults to api/openapi.yaml). */
  specPath?: string;
  /**
   * How staff sign in: the district's identity provider (issuer, audience, claims). Without one, the server runs
   * its DEVELOPMENT issuer, which gives any role to anyone who asks (demo, stories, tests only).
   */
  identityProvider?: IdentityProvider;
  /**
   * Keys that seal residents' personal data (the phone number for a 回访) at rest: 32 bytes in base64 or hex, the
   * first seals, all open (ZW_DATA_KEY). Defaults to the published development key, which protects nothing.
   */
  dataKeys?: readonly string[];
  /** Days a resident's phone number is kept after their rating, then deleted (default 60; ZW_PERSONAL_DATA_DAYS). */
  personalDataDays?: number;
  /** How often (ms) numbers past their retention are looked for and deleted, besides at start (default: hourly). */
  personalDataSweepMs?: number;
  /**
   * The 差评 follow-up (docs/decisions/071-rating-deadlines-working-days.md): working days to the deadline (5 to 15,
   * default 10; ZW_FOLLOW_UP_WORKING_DAYS), days after closing after which a resident's missing verdict on the fix
   * counts as 基本满意 (default never; ZW_DEFAULT_VERDICT_DAYS), and days the official calendar gets wrong or does
   * not know yet (ZW_WORKDAY_OVERRIDES).
   */
  ratingDesk?: { workingDays?: number; defaultVerdictDays?: number | null; workdayOverrides?: DayOverrides };
  /** The provincial 好差评 platform that each new rating is pushed to (ZW_PROVINCE_URL, ZW_PROVINCE_TOKEN); none by default. */
  provincialPush?: ProvincialPushOptions;
  /**
   * The structured log (pino; see log.ts). Defaults to one on stdout at ZW_LOG_LEVEL, else `warn` (so tests and
   * the dev servers show problems, not every request); `npm run api` logs every request (`info`).
   */
  logger?: Logger;
  /**
   * How much of each hall's queue log the database keeps: `keep` patches for resume (default 2,000), a whole state
   * every `checkpointEvery` versions (default 500). The log of a hall holds at most `keep + checkpointEvery` rows.
   */
  queueLog?: Partial<QueueLogLimits>;
  /**
   * Halls run by their staff (the operator API) or fed by their own queuing system (ingest), not simulated: their
   * windows open when staff open them (ZW_STAFFED_HALLS, comma-separated hall ids). The others are simulated.
   */
  staffedHalls?: readonly string[];
  /** Also count the Node.js process's own metrics (CPU, memory, event loop) in /metrics: a server of its own. */
  processMetrics?: boolean;
  /**
   * On PostgreSQL, how often (ms) each hall is checked against the database besides NOTIFY, in case a notification
   * was lost with the listener's connection (default 5 s).
   */
  catchUpMs?: number;
}

export interface ReferenceApp {
  app: Hono;
  simulator: QueueSimulator;
  db: Db;
  log: Logger;
  metrics: Metrics;
  /**
   * Stops serving as a replica about to stop does: readiness answers 503 from now on, the simulator stops, and every
   * event stream ends (its clients reconnect, through the load balancer, to another replica). Requests in flight
   * finish; close() then releases the rest.
   */
  drain(): void;
  /** Resolves once the changes started in the background so far (simulator steps) are written. */
  settled(): Promise<void>;
  /** The push to the provincial platform, when configured (its worker runs on a timer; runOnce() runs it now). */
  provincialPush: ProvincialPush | null;
  close(): Promise<void>;
}

/** Case ids are signed with at least 128 bits of secret; anything shorter is refused at start, not discovered later. */
function caseIdPolicy(options: AppOptions): CaseIdPolicy {
  const secrets = options.caseIdSecrets?.length ? options.caseIdSecrets : [DEV_CASE_ID_SECRET];
  for (const secret of secrets) {
    if (secret.length < 16) throw new Error('A case id secret must have at least 16 characters (ZW_CASE_ID_SECRETS).');
  }
  return { secrets, acceptUnsigned: options.acceptUnsignedCaseIds ?? false };
}

export async function createApp(options: AppOptions = {}): Promise<ReferenceApp> {
  const now = options.now ?? (() => new Date());
  const caseIds = caseIdPolicy(options);
  // Settings are checked before anything is opened, so a wrong one stops the server at once.
  const workingDays = options.ratingDesk?.workingDays ?? DEFAULT_WORKING_DAYS;
  if (!(Number.isInteger(workingDays) && workingDays >= 5 && workingDays <= 15)) {
    throw new Error('The 差评 follow-up deadline (ZW_FOLLOW_UP_WORKING_DAYS) must be 5 to 15 working days.');
  }
  const defaultVerdictDays = options.ratingDesk?.defaultVerdictDays ?? null;
  if (defaultVerdictDays !== null && !(defaultVerdictDays > 0)) throw new Error('ZW_DEFAULT_VERDICT_DAYS must be a positive number of days.');
  const spec = ApiSpec.load(options.specPath);
  const services = loadServiceData();
  const log = options.logger ?? createLogger({ level: process.env.ZW_LOG_LEVEL ?? 'warn' });
  const metrics = new Metrics({ process: options.processMetrics });
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, log });
  if (db.migrated.length) log.info({ versions: db.migrated }, 'database: migrations applied');
  let simulator: QueueSimulator | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let draining = false;
  let provincialPush: ProvincialPush | null = null;
  try {
    const generatedAt = await seedServices(db, services, now());
    db.shareAsTemplate();
    simulator = new QueueSimulator({
      halls: HALLS,
      db,
      now,
      speed: options.simulatorSpeed ?? 1,
      seed: options.seed ?? 20261123,
      alwaysOpen: options.alwaysOpen ?? false,
      heartbeatMs: options.heartbeatMs,
      log,
      queueLog: options.queueLog,
      staffed: options.staffedHalls,
    });
    for (const hall of simulator.halls.values()) {
      hall.hub.onClients = (count) => metrics.liveClients.set({ hall: hall.def.id }, count);
      hall.onPublish = () => metrics.events.inc({ hall: hall.def.id });
      metrics.liveClients.set({ hall: hall.def.id }, 0);
    }
    const limits: Limits = {
      ...DEFAULT_LIMITS,
      ...(options.ratingsPerMinute === undefined ? {} : { ratingsPerMinute: options.ratingsPerMinute }),
      ...options.limits,
    };
    const limiters = new Limiters(db, limits, options.trustProxy ?? false, now);
    const online = new OnlineTickets(db, simulator, options.onlineQuota ?? 200, limiters, now);
    const sim = simulator;
    // Changes other replicas make reach this one's mirrors and streams through NOTIFY (on PGlite, the same
    // mechanism in one process); a lost listener connection, or a notification lost with it, is caught up on.
    const catchUpAll = () => {
      for (const hall of sim.halls.values()) void hall.refresh().catch((err: Error) => log.error({ err, hall: hall.def.id }, 'hall queue: catching up failed'));
    };
    const unlisten = await db.listen(
      HALL_CHANNEL,
      (payload) => {
        const [hallId = '', version = ''] = payload.split(':');
        sim.hall(hallId)?.notified(Number(version));
      },
      catchUpAll,
    );
    stopListening = unlisten;
    await simulator.open((hallId, day, q) => online.load(hallId, day, q));
    if (db.kind === 'postgres') {
      poll = setInterval(catchUpAll, options.catchUpMs ?? 5_000);
      poll.unref?.();
    }
    const devIssuer = options.identityProvider ? undefined : await DevIssuer.open(db);
    const personalDataDays = options.personalDataDays ?? DEFAULT_PERSONAL_DATA_DAYS;
    if (!(personalDataDays > 0)) throw new Error('The personal data retention (ZW_PERSONAL_DATA_DAYS) must be a positive number of days.');
    const cases = new RatingCases(db, now, { workingDays, defaultVerdictDays, calendar: new WorkingCalendar(options.ratingDesk?.workdayOverrides) });
    const ratings = new RatingStore(db, now, caseIds, { data: new PersonalData(options.dataKeys), retentionDays: personalDataDays }, { cases, pushToProvince: Boolean(options.provincialPush) });
    provincialPush = options.provincialPush ? new ProvincialPush(db, cases, now, log, options.provincialPush) : null;
    provincialPush?.start();
    // Numbers past their retention are deleted at start and every hour after, by every replica (it is idempotent).
    const sweep = () =>
      Promise.all([
        ratings.sweepPersonalData().then(
          (deleted) => deleted && log.info({ deleted }, 'personal data: phone numbers past their retention deleted'),
          (err: Error) => log.error({ err }, 'personal data: sweep failed'),
        ),
        // Hall operations' idempotency answers and ingest events are kept for a while only.
        forgetOldOperations(db, now()).catch((err: Error) => log.error({ err }, 'hall operations: sweep failed')),
      ]);
    await sweep();
    sweeper = setInterval(() => void sweep(), options.personalDataSweepMs ?? 3600_000);
    sweeper.unref?.();
    const ctx: AppContext = {
      auth: { tokens: new TokenVerifier(options.identityProvider ?? devIssuer!.provider()), db, log },
      log,
      metrics,
      draining: () => draining,
      personalDataDays,
      provincialPush,
      spec,
      db,
      now,
      simulator,
      online,
      ratings,
      services,
      catalogue: serializeCatalogue(services, generatedAt),
      limiters,
    };
    const app = buildApp(ctx, devIssuer);
    simulator.start();
    let closing: Promise<void> | undefined;
    const drain = () => {
      if (draining) return;
      draining = true;
      clearInterval(poll);
      clearInterval(sweeper);
      provincialPush?.stop();
      sim.close();
    };
    return {
      app,
      simulator: sim,
      db,
      log,
      metrics,
      drain,
      settled: () => sim.settled(),
      provincialPush,
      close: () =>
        (closing ??= (async () => {
          drain();
          await sim.settled();
          await stopListening?.();
          await db.close();
        })()),
    };
  } catch (err) {
    clearInterval(poll);
    clearInterval(sweeper);
    provincialPush?.stop();
    simulator?.close();
    await stopListening?.().catch(() => undefined);
    await db.close();
    throw err;
  }
}

function buildApp(ctx: AppContext, devIssuer: DevIssuer | undefined): Hono {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: [
        'Content-Type',
        'Idempotency-Key',
        'If-None-Match',
        'Last-Event-ID',
        'Accept-Language',
        'Zw-Device-Id',
        'Authorization',
        'X-Api-Key',
        'X-Request-Id',
        'Zw-Window-Lease',
      ],
      exposeHeaders: ['ETag', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    // A request id the caller (a proxy, a staff console) sent is kept, if it is a reasonable token; else one is made.
    const given = c.req.header('x-request-id');
    const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    c.set('requestId', id);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', id);
    // The route as registered (never the URL: no resident's tracking code or case id reaches a log or a label).
    const path = routePath(c);
    const route = path === '*' || path === '/*' ? 'unmatched' : path;
    const seconds = (performance.now() - started) / 1000;
    const status = c.res.status;
    ctx.metrics.requests.inc({ method: c.req.method, route, status: String(status) });
    ctx.metrics.duration.observe({ method: c.req.method, route }, seconds);
    ctx.log.info({ reqId: id, method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10 }, 'request');
  });
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  healthRoutes(app, ctx);
  app.get('/metrics', async (c) => c.body(await ctx.metrics.registry.metrics(), 200, { 'Content-Type': ctx.metrics.registry.contentType, 'Cache-Control': 'no-store' }));
  queueRoutes(app, ctx);
  serviceRoutes(app, ctx);
  ratingRoutes(app, ctx);
  ratingDeskRoutes(app, ctx);
  reportingRoutes(app, ctx);
  staffRoutes(app, ctx);
  operatorRoutes(app, ctx);
  ingestRoutes(app, ctx);
  // Tokens are real credentials checked against the real clock, whatever time the queue is simulated at.
  if (devIssuer) devIssuerRoutes(app, devIssuer, () => new Date());
  app.notFound((c) => problemResponse(c, new ProblemError('not-found', { detail: { zh: '没有这个路径。', en: 'No such path.' } })));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    // The client went away mid-request: nobody reads an answer, and nothing failed on this side.
    if (isClientGone(err, c.req.raw)) return new Response(null, { status: 400 });
    // The cause goes to the server log only; the client gets a generic problem.
    ctx.log.error({ err, reqId: c.get('requestId') }, 'unhandled error');
    return problemResponse(c, new ProblemError('internal', { detail: { zh: '服务暂时不可用，请稍后再试。', en: 'The service is unavailable; please try again later.' } }));
  });
  return app;
}
