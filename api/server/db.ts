import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLogger, type Logger } from './log.ts';
import { MIGRATIONS, RUNTIME_TABLES } from './schema.ts';

/** What every store needs from a database; the same plain PostgreSQL (with $1 params) runs on PGlite and `pg`. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The migrations this process applied when it opened the database (none when another had already). */
  readonly migrated: readonly number[];
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /** Marks a migrated and seeded in-memory database as a template for later in-memory ones (no-op otherwise). */
  shareAsTemplate(): void;
  /**
   * LISTENs on a channel: `onPayload` gets each NOTIFY's payload (sent by this or any other process on the
   * database). On PostgreSQL the listener has a connection of its own and comes back after losing it, then calls
   * `onResume` (notifications sent meanwhile are lost: catch up). Resolves to a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** Where the pool and the listener report lost connections. */
  log?: Logger;
  /** PGlite data directory; omitted means in-memory. */
  dataDir?: string;
}

export async function openDb(options: DbOptions): Promise<Db> {
  const log = options.log ?? createLogger({ level: 'warn' });
  const db = options.databaseUrl ? openPostgres(options.databaseUrl, log) : await openPGlite(options.dataDir);
  try {
    const migrated = await migrate(db);
    return Object.assign(db, { migrated });
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/*
 * Creating a PGlite database runs initdb, which takes seconds; loading a dump of one that is already migrated
 * and seeded takes a fraction of that. So once a process has a seeded in-memory database open, the next new
 * one (tests create several, in memory and in data directories) starts from a dump of it. With
 * ZW_PGLITE_TEMPLATE_DIR set (the API tests set it), that dump is also kept on disk for the next process, keyed
 * by the schema; a dump whose seed is outdated is simply seeded again.
 */
const templates = new Set<PGlite>();
let template: Promise<Blob> | undefined;

function templateFile(): string | undefined {
  const dir = process.env.ZW_PGLITE_TEMPLATE_DIR;
  if (!dir) return undefined;
  const hash = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
  return join(dir, `pglite-template-${hash}.tar`);
}

function memoryTemplate(): Promise<Blob> | undefined {
  if (!template) {
    const source = templates.values().next().value;
    const file = templateFile();
    if (source) template = source.dumpDataDir('none');
    else if (file && existsSync(file)) template = readFile(file).then((bytes) => new Blob([new Uint8Array(bytes)]));
  }
  return template;
}

/** Keeps a seeded in-memory database's dump on disk for the next process, when asked to and none is there yet. */
function keepTemplate(lite: PGlite): void {
  const file = templateFile();
  if (!file || existsSync(file) || template) return;
  template = lite.dumpDataDir('none');
  void template
    .then(async (blob) => {
      await mkdir(dirname(file), { recursive: true });
      // Written aside and renamed, so a process that starts meanwhile never reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, new Uint8Array(await blob.arrayBuffer()));
      await rename(partial, file);
    })
    .catch(() => undefined);
}

async function openPGlite(dataDir: string | undefined): Promise<Omit<Db, 'migrated'> & { migrated: number[] }> {
  // A new database (in memory, or in a data directory that holds none yet) starts from the template, if any.
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const dump = fresh ? await memoryTemplate()?.catch(() => undefined) : undefined;
  let lite = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(dump ? { loadDataDir: dump } : {}) });
  let loaded = Boolean(dump);
  try {
    await lite.waitReady;
  } catch (err) {
    // A dump that does not load (one kept on disk by another PGlite version) is no reason to fail: start afresh.
    if (!dump || dataDir) throw err;
    template = undefined;
    loaded = false;
    lite = new PGlite();
    await lite.waitReady;
  }
  // The template was taken from a database in use: keep its schema and seed, not its tickets and ratings.
  if (loaded) await lite.exec(`TRUNCATE ${RUNTIME_TABLES.join(', ')}`);
  return {
    kind: 'pglite',
    migrated: [],
    query: (sql, params) => lite.query(sql, params),
    async exec(sql) {
      await lite.exec(sql);
    },
    transaction: (fn) => lite.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) })),
    async listen(channel, onPayload) {
      const stop = await lite.listen(channel, onPayload);
      return async () => {
        if (!lite.closed) await stop();
      };
    },
    shareAsTemplate() {
      if (dataDir) return;
      templates.add(lite);
      keepTemplate(lite);
    },
    close: async () => {
      templates.delete(lite);
      await lite.close();
    },
  };
}

function openPostgres(connectionString: string, log: Logger): Omit<Db, 'migrated'> & { migrated: number[] } {
  // Named, so that pg_stat_activity shows which connections are the API's.
  const pool = new pg.Pool({ connectionString, max: Number(process.env.ZW_DB_POOL ?? 10), application_name: APPLICATION_NAME });
  // An idle client's network error must not take the process down; the pool replaces it.
  pool.on('error', (err) => log.error({ err }, 'database: idle client error'));
  return {
    kind: 'postgres',
    migrated: [],
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    shareAsTemplate() {},
    listen: (channel, onPayload, onResume) => listenPostgres(connectionString, channel, onPayload, log, onResume),
    close: () => pool.end(),
  };
}

/** How the server's connections name themselves to PostgreSQL (pg_stat_activity.application_name). */
export const APPLICATION_NAME = 'zhengwu-widgets';

/** A LISTEN on a connection of its own, reconnecting (0.5 s, doubling up to 10 s) whenever it is lost. */
async function listenPostgres(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
  log: Logger,
  onResume?: () => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: `${APPLICATION_NAME}:listen` });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    c.on('error', (err) => {
      log.warn({ err }, 'database: listener connection lost; reconnecting');
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = 500;
  };
  const lost = (c: pg.Client) => {
    if (stopped || client !== c) return;
    client = undefined;
    c.end().catch(() => undefined);
    retry();
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => onResume?.(),
        (err: Error) => {
          log.error({ err }, 'database: listener cannot connect');
          delay = Math.min(delay * 2, 10_000);
          retry();
        },
      );
    }, delay);
    timer.unref?.();
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
    client = undefined;
  };
}

/**
 * Applies the migrations the database lacks, once: under an advisory lock (pg_advisory_xact_lock), so that replicas
 * starting together take turns and the later ones find everything applied, and in one transaction, so that a failed
 * migration leaves the schema as it was. Returns the versions this call applied.
 */
async function migrate(db: Omit<Db, 'migrated'>): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('zhengwu-widgets:migrate'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY,
       name text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** The highest migration the database has (0 for none): what readiness compares with SCHEMA_VERSION. */
export async function schemaVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return Number(rows[0]?.v ?? 0);
}

/** Both drivers return timestamptz as Date; text is accepted too so callers need not care. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
