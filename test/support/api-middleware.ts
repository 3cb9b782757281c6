import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';

type KoaContext = { url: string; req: IncomingMessage; res: ServerResponse; respond?: boolean };

type App = Awaited<ReturnType<typeof import('../../api/server/app.ts').createApp>>;
let server: Promise<App> | undefined;

/**
 * The reference server for browser tests: in memory, simulator paused, ready before the first test runs. Every test
 * comes from one address, so the per-client rating limit is raised (the API tests cover the limit itself).
 */
export function testServer(): Promise<App> {
  server ??= import('../../api/server/app.ts').then(({ createApp }) => createApp({ simulatorSpeed: 0, alwaysOpen: true, ratingsPerMinute: 10_000 }));
  return server;
}

/** Serves `/api/*` from the reference server inside web-test-runner's dev server (same origin as the tests). */
export function apiMiddleware() {
  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!ctx.url.startsWith('/api/')) return next();
    const { app } = await testServer();
    ctx.respond = false;
    await getRequestListener(app.fetch)(ctx.req, ctx.res);
  };
}

/**
 * Builds the reference server while the test runner starts, so seeding the catalogue (several seconds on a busy
 * two-core machine) never eats into the first test's timeout, and closes it when the run ends.
 */
export function apiServerPlugin() {
  return {
    name: 'zw-reference-api',
    async serverStart() {
      await testServer();
    },
    async serverStop() {
      if (server) await (await server).close();
    },
  };
}
