import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions, type ReferenceApp } from '../../api/server/app.ts';

export interface LocalServer {
  ref: ReferenceApp;
  baseUrl: string;
  stop(): Promise<void>;
}

/** The reference server on 127.0.0.1 with an ephemeral port, in-memory PGlite unless told otherwise. */
export async function startLocal(options: AppOptions = {}): Promise<LocalServer> {
  const ref = await createApp({ simulatorSpeed: 0, ...options });
  const server = serve({ fetch: ref.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ref,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await ref.close();
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}

/** A settable clock for tests that move time. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(iso: string) {
      now = new Date(iso);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
