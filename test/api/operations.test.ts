import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { createApp } from '../../api/server/app.ts';
import { createLogger } from '../../api/server/log.ts';
import { MIGRATIONS } from '../../api/server/schema.ts';
import { signed, startLocal, storage, testDatabase } from './local-server.ts';
import { assertProblem, call } from './responses.ts';
import { SseClient, type SseFrame } from './sse-client.ts';

const HALL = 'guangan-zwzx';

/** Log lines as parsed JSON objects, as a log collector would read the server's stdout. */
const lines: Record<string, unknown>[] = [];
const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
const local = await startLocal({ alwaysOpen: true, logger });
after(() => local.stop());
const { baseUrl, ref } = local;

/** One sample of a metric in Prometheus text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = line.slice(line.indexOf('{') + 1, line.indexOf('}'));
    if (want.every((w) => inside.split(',').includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}
const metrics = async () => {
  const res = await fetch(`${baseUrl}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
};

describe(`observability (${storage})`, () => {
  it('honours a usable X-Request-Id, makes one otherwise, echoes it, and logs each request as JSON by route pattern', async () => {
    const mine = await fetch(`${baseUrl}/api/v1/halls/${HALL}/snapshot`, { headers: { 'X-Request-Id': 'edge-7f3a.1' } });
    assert.equal(mine.headers.get('x-request-id'), 'edge-7f3a.1');
    const made = await fetch(`${baseUrl}/api/v1/health`);
    assert.match(made.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const refused = await fetch(`${baseUrl}/api/v1/health`, { headers: { 'X-Request-Id': 'a b<script>' } });
    assert.notEqual(refused.headers.get('x-request-id'), 'a b<script>', 'an unusable id is replaced');
    const code = 'HC20261123-7F3K-9QMA-2XWD-PLR8';
    await fetch(`${baseUrl}/api/v1/ratings/follow-up/${code}?case=SECRET-CASE-1`, { headers: { 'X-Request-Id': 'lookup-1' } });
    const line = lines.find((l) => l.reqId === 'edge-7f3a.1');
    assert.deepEqual(
      { level: line?.level, msg: line?.msg, method: line?.method, route: line?.route, status: line?.status },
      { level: 'info', msg: 'request', method: 'GET', route: '/api/v1/halls/:hallId/snapshot', status: 200 },
    );
    assert.equal(typeof line?.ms, 'number');
    assert.equal(typeof line?.time, 'string');
    const lookup = lines.find((l) => l.reqId === 'lookup-1');
    assert.equal(lookup?.route, '/api/v1/ratings/follow-up/:trackingCode');
    const all = JSON.stringify(lines);
    assert.ok(!all.includes(code) && !all.includes('SECRET-CASE-1'), 'no tracking code or case id in the log');
  });

  it('counts requests per route, live clients per hall, events, idempotent replays and ratings in /metrics', async () => {
    const key = `op-${randomUUID()}`;
    const take = () => call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': key }, body: { categoryId: 'A' } });
    assert.equal((await take()).status, 201);
    assert.equal((await take()).status, 200);
    await call(baseUrl, 'post', '/ratings', {
      headers: { 'Idempotency-Key': `op-${randomUUID()}` },
      body: { caseId: signed(`OP-${randomUUID().slice(0, 8)}`), channel: 'pc', level: 4, reasons: [] },
      expect: 201,
    });
    const before = await metrics();
    const client = await SseClient.open(`${baseUrl}/api/v1/halls/${HALL}/events`);
    try {
      await client.nextEvent(5_000);
      await ref.simulator.tick(HALL);
      assert.equal((await client.nextEvent(5_000))?.event, 'patch');
      const text = await metrics();
      assert.equal(sample(text, 'zw_sse_clients', { hall: HALL }), 1);
      assert.equal(sample(text, 'zw_sse_clients', { hall: 'xiexing-bmfw' }), 0);
      assert.equal(sample(text, 'zw_hall_events_published_total', { hall: HALL }), (sample(before, 'zw_hall_events_published_total', { hall: HALL }) ?? 0) + 1);
      assert.equal(sample(text, 'zw_idempotent_replays_total', { operation: 'takeTicket' }), 1);
      assert.equal(sample(text, 'zw_ratings_stored_total', { level: '4' }), 1);
      assert.equal(sample(text, 'zw_http_requests_total', { method: 'POST', route: '/api/v1/halls/:hallId/tickets', status: '201' }), 1);
      assert.equal(sample(text, 'zw_http_requests_total', { method: 'POST', route: '/api/v1/halls/:hallId/tickets', status: '200' }), 1);
      assert.ok((sample(text, 'zw_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/halls/:hallId/snapshot' }) ?? 0) >= 1);
      assert.ok(sample(text, 'zw_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/v1/halls/:hallId/snapshot', le: '0.05' }) !== undefined);
      await fetch(`${baseUrl}/api/v1/no-such-path`);
      assert.ok((sample(await metrics(), 'zw_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }) ?? 0) >= 1, 'unknown paths share one label');
    } finally {
      client.close();
    }
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(sample(await metrics(), 'zw_sse_clients', { hall: HALL }), 0, 'a client that left is not counted');
  });

  it('answers liveness and readiness; a draining replica is live, not ready, and ends its streams', async () => {
    const other = await startLocal({ alwaysOpen: true });
    try {
      assert.deepEqual((await call(other.baseUrl, 'get', '/health/live', { expect: 200 })).body.status, 'live');
      const ready = await call(other.baseUrl, 'get', '/health/ready', { expect: 200 });
      assert.deepEqual(ready.body.checks, { database: 'ok', migrations: 'ok', accepting: 'ok' });
      const client = await SseClient.open(`${other.baseUrl}/api/v1/halls/${HALL}/events`);
      assert.equal((await client.nextEvent(5_000))?.event, 'snapshot');
      other.ref.drain();
      const started = Date.now();
      while ((await client.next(3_000)) !== null);
      assert.ok(Date.now() - started < 2_500, 'the stream ended at once');
      client.close();
      const notReady = await call(other.baseUrl, 'get', '/health/ready');
      assertProblem(notReady, 503, 'unavailable');
      assert.deepEqual(notReady.body.checks, { database: 'ok', migrations: 'ok', accepting: 'stopping' });
      assert.equal((await call(other.baseUrl, 'get', '/health/live')).status, 200, 'still live: nothing is wrong with it');
      assertProblem(await call(other.baseUrl, 'get', '/halls/{hallId}/events', { path: { hallId: HALL } }), 503, 'unavailable');
    } finally {
      await other.stop();
    }
  });

  it('is not ready when its database is unreachable', async () => {
    const other = await startLocal({ logger: createLogger({ level: 'silent' }) });
    try {
      await other.ref.db.close();
      const res = await call(other.baseUrl, 'get', '/health/ready');
      assertProblem(res, 503, 'unavailable');
      assert.equal(res.body.checks.database, 'unreachable');
    } finally {
      await other.stop().catch(() => undefined);
    }
  });
});

describe(`migrations (${storage})`, () => {
  it('are recorded once each, in order', async () => {
    const { rows } = await ref.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => Number(r.version)),
      MIGRATIONS.map((m) => m.version),
    );
  });

  it(
    'run once when two replicas start together on a new database',
    { skip: storage === 'pglite' ? 'replicas share a PostgreSQL server; PGlite is one process’s embedded database' : false },
    async () => {
      // A database with nothing in it, not even the test template's schema.
      const url = new URL(await testDatabase());
      const fresh = `zw_fresh_${randomUUID().slice(0, 8)}`;
      const admin = new (await import('pg')).default.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${fresh} TEMPLATE template0`);
      await admin.end();
      url.pathname = `/${fresh}`;
      const apps = await Promise.all([1, 2, 3].map(() => createApp({ databaseUrl: url.toString(), simulatorSpeed: 0 })));
      try {
        const applied = apps.flatMap((a) => a.db.migrated);
        assert.deepEqual(applied.sort(), MIGRATIONS.map((m) => m.version).sort(), 'each migration applied by exactly one replica');
        const { rows } = await apps[0]!.db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
        assert.equal(Number(rows[0]!.n), MIGRATIONS.length);
        const heads = await apps[0]!.db.query<{ n: string }>('SELECT count(*) AS n FROM hall_heads');
        assert.equal(Number(heads.rows[0]!.n), 2, 'one queue per hall, whoever made it');
      } finally {
        await Promise.all(apps.map((a) => a.close()));
      }
    },
  );
});

describe(`stopping a replica (${storage})`, () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('on SIGTERM stops taking connections, ends its streams so clients resume elsewhere, and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zw-stop-'));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ZW_SIMULATOR_SPEED: '0',
      ZW_ALWAYS_OPEN: '1',
      ZW_LOG_LEVEL: 'info',
      ...(storage === 'postgres' ? { DATABASE_URL: await testDatabase() } : { DATABASE_URL: '', ZW_DATA_DIR: dir }),
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const logged: Record<string, unknown>[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not start')), 120_000);
        createInterface({ input: child.stdout! }).on('line', (text) => {
          let line: Record<string, unknown>;
          try {
            line = JSON.parse(text) as Record<string, unknown>;
          } catch {
            return; // the development warnings are plain text
          }
          logged.push(line);
          if (typeof line.port === 'number') {
            clearTimeout(timer);
            resolve(line.port);
          }
        });
        void exited.then((code) => reject(new Error(`the server exited with ${code}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      assert.equal((await fetch(`${base}/api/v1/health/ready`)).status, 200);
      const client = await SseClient.open(`${base}/api/v1/halls/${HALL}/events`);
      assert.equal((await client.nextEvent(10_000))?.event, 'snapshot');
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const frames: SseFrame[] = [];
      for (let f = await client.next(5_000); f; f = await client.next(5_000)) frames.push(f);
      const endedAfter = Date.now() - signalledAt;
      assert.ok(endedAfter < 4_000, `the stream ended ${endedAfter} ms after SIGTERM`);
      assert.ok(
        frames.some((f) => f.retry === 500),
        'the client is told to reconnect soon',
      );
      client.close();
      assert.equal(await exited, 0, 'a clean exit');
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      assert.ok(refused, 'no more connections');
      assert.ok(logged.some((l) => l.msg === 'stopping: no new connections, ending event streams' && l.signal === 'SIGTERM'));
      assert.ok(logged.some((l) => l.msg === 'stopped'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
