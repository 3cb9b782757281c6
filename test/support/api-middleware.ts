import type { IncomingMessage, ServerResponse } from 'node:http';

type KoaContext = { url: string; req: IncomingMessage; res: ServerResponse; respond?: boolean };

type App = Awaited<ReturnType<typeof import('../../api/server/app.ts').createApp>>;
let server: Promise<App> | undefined;

/**
 * The reference server for browser tests: in memory, simulator paused, ready before the first test runs. Every test
 * comes from one address, so the per-client limits are raised, and the tests make up their case numbers, so they
 * are taken unsigned (test/api covers the limits and the signatures themselves).
 */
export function testServer(): Promise<App> {
  server ??= import('../../api/server/app.ts').then(({ createApp }) =>
    createApp({
      simulatorSpeed: 0,
      alwaysOpen: true,
      acceptUnsignedCaseIds: true,
      limits: { ratingsPerMinute: 10_000, takesPerMinute: 10_000, takeShare: 1, takesPerDevice: 10_000, lookupsPerMinute: 10_000 },
    }),
  );
  return server;
}

/** Serves `/api/*` from the reference server inside web-test-runner's dev server (same origin as the tests). */
export function apiMiddleware() {
  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!ctx.url.startsWith('/api/')) return next();
    const { app } = await testServer();
    const { nodeListener } = await import('../../api/server/http/node-server.ts');
    ctx.respond = false;
    await nodeListener(app)(ctx.req, ctx.res);
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
