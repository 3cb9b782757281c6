import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp, type AppOptions, type ReferenceApp } from '../../api/server/app.ts';
import { openDb } from '../../api/server/db.ts';
import { listen } from '../../api/server/http/node-server.ts';
import type { Limits } from '../../api/server/http/limits.ts';
import { DEV_CASE_ID_SECRET, signCaseId } from '../../api/server/ratings/case-ids.ts';
import { loadServiceData } from '../../api/server/services/catalogue.ts';
import { seedServices } from '../../api/server/services/store.ts';

export interface LocalServer {
  ref: ReferenceApp;
  baseUrl: string;
  /** The PostgreSQL database of this server (when the suite runs on PostgreSQL), for a second server on it. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

/**
 * When DATABASE_URL is set (scripts/with-postgres.ts sets it to a throwaway cluster), every server gets a database
 * of its own on that PostgreSQL, copied from a migrated and seeded template, so tests stay as independent as they
 * are on in-memory PGlite. The role must be allowed to create databases.
 */
const adminUrl = process.env.DATABASE_URL || undefined;

// Every test file runs in a process of its own: the first PGlite database of the first one is kept on disk, so the
// others start from it instead of running initdb and seeding again (see api/server/db.ts).
process.env.ZW_PGLITE_TEMPLATE_DIR ??= join(tmpdir(), 'zhengwu-widgets-test');
export const storage: 'postgres' | 'pglite' = adminUrl ? 'postgres' : 'pglite';

const TEMPLATE = 'zw_test_template';
let template: Promise<void> | undefined;

function urlOf(database: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template, made once per cluster (test files run one after another, each in its own process). */
function ensureTemplate(): Promise<void> {
  template ??= admin(async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (rows.length) return;
    await client.query(`CREATE DATABASE ${TEMPLATE}`);
    const db = await openDb({ databaseUrl: urlOf(TEMPLATE) });
    try {
      await seedServices(db, loadServiceData(), new Date());
    } finally {
      await db.close();
    }
  });
  return template;
}

/** A fresh database, or (with `name`) the one of that name, made on first use: what a persisted data dir is on PGlite. */
export async function testDatabase(name?: string): Promise<string> {
  await ensureTemplate();
  const database = name ? `zw_${createHash('sha256').update(name).digest('hex').slice(0, 16)}` : `zw_${randomBytes(8).toString('hex')}`;
  await admin(async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rows.length) await client.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE}`);
  });
  return urlOf(database);
}

/** A case id as the issuing system would hand it out for the test servers (signed with the development secret). */
export const signed = (caseNumber: string): string => signCaseId(caseNumber, DEV_CASE_ID_SECRET);

/**
 * Limits out of the way, for servers whose tests are about something else and send everything from one address;
 * a test of a limit sets that limit itself.
 */
export const RELAXED_LIMITS: Limits = {
  ratingsPerMinute: 1_000_000,
  takesPerMinute: 1_000_000,
  takeShare: 1,
  takesPerDevice: 1_000_000,
  lookupsPerMinute: 1_000_000,
  sharedNetworks: [],
};

/**
 * The reference server on 127.0.0.1 with an ephemeral port: in-memory PGlite, or a database of its own on the
 * PostgreSQL of DATABASE_URL. A `dataDir` names storage that outlives the server (a PGlite directory, or a
 * database named after it). Limits are relaxed unless the test sets them.
 */
export async function startLocal(options: AppOptions = {}): Promise<LocalServer> {
  let databaseUrl = options.databaseUrl;
  if (adminUrl && !databaseUrl) databaseUrl = await testDatabase(options.dataDir);
  const ref = await createApp({
    simulatorSpeed: 0,
    ...options,
    limits: { ...RELAXED_LIMITS, ...options.limits },
    ...(databaseUrl ? { databaseUrl, dataDir: undefined } : {}),
  });
  const server = listen(ref.app, 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ref,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await ref.close();
      server.closeAllConnections();
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
