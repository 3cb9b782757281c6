import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';

/**
 * The reference API on its own: `npm run api`. PORT (default 8787); DATABASE_URL for PostgreSQL, otherwise
 * PGlite persisted under .data/pglite.
 */
const port = Number(process.env.PORT ?? 8787);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : resolve(process.env.ZW_DATA_DIR ?? '.data/pglite');
if (dataDir) mkdirSync(dataDir, { recursive: true });

const reference = await createApp({
  databaseUrl,
  dataDir,
  simulatorSpeed: Number(process.env.ZW_SIMULATOR_SPEED ?? 1),
  alwaysOpen: process.env.ZW_ALWAYS_OPEN === '1',
  trustProxy: process.env.ZW_TRUST_PROXY === '1',
});

const server = serve({ fetch: reference.app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  const host = info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address;
  console.log(`zhengwu-widgets reference API on http://${host}:${info.port}/api/v1/health`);
  console.log(databaseUrl ? 'storage: PostgreSQL (DATABASE_URL)' : `storage: PGlite in ${dataDir}`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // Stop accepting connections first, then end the event streams (which would otherwise hold the server open).
  const closed = new Promise<void>((done) => server.close(() => done()));
  await reference.close();
  const timeout = setTimeout(() => process.exit(0), 5_000);
  timeout.unref();
  await closed;
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
