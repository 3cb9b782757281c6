import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppContext } from './context.ts';
import { openDb, type Db } from './db.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { HALLS } from './queue/halls.ts';
import { OnlineTickets } from './queue/online-tickets.ts';
import { QueueSimulator } from './queue/simulator.ts';
import { RatingStore } from './ratings/store.ts';
import { healthRoutes } from './routes/health.ts';
import { queueRoutes } from './routes/queue.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { serviceRoutes } from './routes/services.ts';
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
  /** Ratings a client (IP address) may submit per minute. */
  ratingsPerMinute?: number;
  /** Trust X-Forwarded-For for the client address (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Milliseconds between `: hb` comments on event streams. */
  heartbeatMs?: number;
  /** Another OpenAPI document to validate against (defaults to api/openapi.yaml). */
  specPath?: string;
}

export interface ReferenceApp {
  app: Hono;
  simulator: QueueSimulator;
  db: Db;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions = {}): Promise<ReferenceApp> {
  const now = options.now ?? (() => new Date());
  const spec = ApiSpec.load(options.specPath);
  const services = loadServiceData();
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  let simulator: QueueSimulator | undefined;
  try {
    const generatedAt = await seedServices(db, services, now());
    db.shareAsTemplate();
    simulator = new QueueSimulator({
      halls: HALLS,
      now,
      speed: options.simulatorSpeed ?? 1,
      seed: options.seed ?? 20261123,
      alwaysOpen: options.alwaysOpen ?? false,
      heartbeatMs: options.heartbeatMs,
    });
    const online = new OnlineTickets(db, simulator, options.onlineQuota ?? 200, now);
    await online.restore();
    simulator.warmUp();
    const ctx: AppContext = {
      spec,
      db,
      now,
      bootId: randomBytes(4).toString('hex'),
      simulator,
      online,
      ratings: new RatingStore(db, now),
      services,
      catalogue: serializeCatalogue(services, generatedAt),
      ratingLimiter: new RateLimiter(options.ratingsPerMinute ?? 30, 60_000),
      trustProxy: options.trustProxy ?? false,
    };
    const app = buildApp(ctx);
    simulator.start();
    let closing: Promise<void> | undefined;
    const sim = simulator;
    return {
      app,
      simulator: sim,
      db,
      close: () =>
        (closing ??= (async () => {
          sim.close();
          await db.close();
        })()),
    };
  } catch (err) {
    simulator?.close();
    await db.close();
    throw err;
  }
}

function buildApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'If-None-Match', 'Last-Event-ID', 'Accept-Language'],
      exposeHeaders: ['ETag', 'Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  healthRoutes(app);
  queueRoutes(app, ctx);
  serviceRoutes(app, ctx);
  ratingRoutes(app, ctx);
  app.notFound((c) => problemResponse(c, new ProblemError('not-found', { detail: { zh: '没有这个路径。', en: 'No such path.' } })));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    // The cause goes to the server log only; the client gets a generic problem.
    console.error('[api] unhandled error:', err);
    return problemResponse(c, new ProblemError('internal', { detail: { zh: '服务暂时不可用，请稍后再试。', en: 'The service is unavailable; please try again later.' } }));
  });
  return app;
}
