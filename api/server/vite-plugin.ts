import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { createApp, type AppOptions, type ReferenceApp } from './app.ts';
import { answerClientErrors } from './http/client-error.ts';
import { nodeListener } from './http/node-server.ts';

export interface ZwApiPluginOptions extends AppOptions {
  /** Where the demo's PGlite database lives (default .data/pglite, git-ignored). */
  dataDir?: string;
}

/**
 * Mounts the reference API at /api/ on Vite's dev server (the demo portal and Storybook). The app is created
 * once, on first use, and closed with the dev server. Loads nothing from src/ and no Lit at run time (the
 * payload types it shares with the browser code are type-only imports), so both vite.config.ts and
 * .storybook/main.ts can load it.
 */
export function zwApiPlugin(options: ZwApiPluginOptions = {}): Plugin {
  let reference: Promise<ReferenceApp> | undefined;
  let listener: ReturnType<typeof nodeListener> | undefined;
  const start = (server: ViteDevServer): Promise<ReferenceApp> => {
    if (!reference) {
      const dataDir = options.databaseUrl ? undefined : resolve(options.dataDir ?? '.data/pglite');
      if (dataDir) mkdirSync(dataDir, { recursive: true });
      // The demo portal and the stories make up their case numbers, so unsigned ones are taken here (never in
      // `npm run api`, unless asked for).
      // ZW_STAFFED_HALLS picks halls that staff run from a window console instead of the simulator.
      const staffedHalls = (process.env.ZW_STAFFED_HALLS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      reference = createApp({ simulatorSpeed: 4, alwaysOpen: true, acceptUnsignedCaseIds: true, staffedHalls, ...options, dataDir });
      if (!options.identityProvider) {
        server.config.logger.warn(
          '[zhengwu-widgets] staff sign in with the DEVELOPMENT issuer (any role to anyone): POST /api/v1/dev-issuer/token. Development only.',
        );
      }
      reference.then(({ app }) => (listener = nodeListener(app)), () => undefined);
      // A failed start is reported to that request; the next one tries again.
      reference.catch(() => {
        reference = undefined;
      });
    }
    return reference;
  };
  const stop = async (): Promise<void> => {
    const current = reference;
    reference = undefined;
    await current?.then(
      (r) => r.close(),
      () => undefined,
    );
  };
  return {
    name: 'zhengwu-widgets-api',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
        if (!req.url?.startsWith('/api/')) return next();
        start(server)
          .then(({ app }) => (listener ?? nodeListener(app))(req, res))
          .catch(next);
      });
      // In middleware mode (Storybook) there is no httpServer; closeBundle below covers that case.
      server.httpServer?.once('close', () => void stop());
      // Requests Node's parser refuses get a problem document, like the API's own errors.
      if (server.httpServer) answerClientErrors(server.httpServer);
    },
    async closeBundle() {
      await stop();
    },
  };
}
