/**
 * What docs/deployment.md states, checked: its environment table against the code, the nginx layout it gives (two
 * replicas as separate processes behind nginx, on PostgreSQL), the bounds it names, and backups.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { DEFAULT_QUEUE_LOG } from '../../api/server/queue/shared-hall.ts';
import { newDataKey } from '../../api/server/personal-data.ts';
import { signed, startLocal, storage, testClock, testDatabase, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';
import { SseClient, type SseFrame } from './sse-client.ts';

const run = promisify(execFile);
const HALL = 'guangan-zwzx';
const doc = readFileSync(new URL('../../docs/deployment.md', import.meta.url), 'utf8');
const onPglite = storage === 'pglite' ? 'replicas share a PostgreSQL server; PGlite is one process’s embedded database' : false;
const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) => existsSync(p));
const pgBin = (tool: string) =>
  [process.env.PG_BIN, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [])]
    .filter(Boolean)
    .map((dir) => join(dir!, tool))
    .find((p) => existsSync(p)) ?? tool;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('docs/deployment.md: the environment table', () => {
  const table = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
  const source = (dir: string): string =>
    readdirSync(dir, { withFileTypes: true })
      .map((e) => (e.isDirectory() ? source(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
      .join('\n');
  const code = source('api/server');
  // Read directly (env.NAME) or through main.ts's optionalNumber('NAME').
  const read = new Set([...code.matchAll(/(?:process\.)?env\.([A-Z_]+)|optionalNumber\('([A-Z_]+)'\)/g)].map((m) => (m[1] ?? m[2])!));

  it('names every variable the server reads, and only those', () => {
    // The test suite's own (a cache for PGlite templates) and the dev-token CLI's server address are not settings.
    const internal = new Set(['ZW_PGLITE_TEMPLATE_DIR', 'ZW_API']);
    assert.deepEqual([...read].filter((v) => !internal.has(v) && !table.includes(v)).sort(), [], 'read by the server, missing from the table');
    assert.deepEqual(table.filter((v) => !read.has(v)).sort(), [], 'in the table, read nowhere');
  });

  it('gives the defaults the code has', () => {
    assert.equal(DEFAULT_QUEUE_LOG.keep, 2_000);
    assert.equal(DEFAULT_QUEUE_LOG.checkpointEvery, 500);
    assert.match(doc, /at most 2,500 rows/);
    assert.match(code, /Number\(env\.PORT \?\? 8787\)/);
    assert.match(code, /ZW_SHUTDOWN_SECONDS \?\? 10\)/);
    assert.match(code, /ZW_DB_POOL \?\? 10\)/);
    assert.match(code, /DEFAULT_PERSONAL_DATA_DAYS = 60/);
  });

  it('refuses to start in production without an identity provider or a data key', async () => {
    const start = (env: NodeJS.ProcessEnv) =>
      run(process.execPath, ['--import', 'tsx', 'api/server/main.ts'], { env: { ...process.env, NODE_ENV: 'production', PORT: '0', ...env } }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
    const noKey = await start({ ZW_OIDC_ISSUER: 'https://idp.example.com/realm', ZW_OIDC_AUDIENCE: 'zw', ZW_DATA_KEY: '' });
    assert.equal(noKey.code, 1);
    assert.match(noKey.stderr, /ZW_DATA_KEY is not set/);
    const noIssuer = await start({ ZW_DATA_KEY: newDataKey(), ZW_OIDC_ISSUER: '' });
    assert.equal(noIssuer.code, 1);
    assert.match(noIssuer.stderr, /ZW_OIDC_ISSUER is not set/);
  });
});

describe(`docs/deployment.md: bounds and retention (${storage})`, () => {
  it('keeps at most keep + checkpointEvery rows of a hall’s log, and clients still resume from what is kept', async () => {
    const s = await startLocal({ alwaysOpen: true, queueLog: { keep: 20, checkpointEvery: 10 } });
    try {
      const versions: number[] = [];
      for (let i = 0; i < 80; i += 1) for (const p of await s.ref.simulator.tick(HALL)) versions.push(p.version);
      const { rows } = await s.ref.db.query<{ n: string; states: string }>(
        'SELECT count(*) AS n, count(state) AS states FROM hall_log WHERE hall_id = $1',
        [HALL],
      );
      assert.ok(Number(rows[0]!.n) <= 30, `${rows[0]!.n} rows`);
      assert.equal(Number(rows[0]!.states), 1, 'one whole state');
      const from = versions.at(-15)!;
      const client = await SseClient.open(`${s.baseUrl}/api/v1/halls/${HALL}/events`, { 'Last-Event-ID': String(from) });
      try {
        const got = [];
        for (let i = 0; i < 14; i += 1) got.push(Number((await client.nextEvent(5_000))!.id));
        assert.deepEqual(got, versions.slice(-14));
      } finally {
        client.close();
      }
    } finally {
      await s.stop();
    }
  });

  it('deletes phone numbers past their retention while running, and reports not ready without its migrations', async () => {
    const clock = testClock('2026-11-23T10:00:00+08:00');
    const s = await startLocal({ now: clock.now, personalDataDays: 1, personalDataSweepMs: 100 });
    try {
      const rated = await call(s.baseUrl, 'post', '/ratings', {
        headers: { 'Idempotency-Key': `dp-${randomUUID()}` },
        body: { caseId: signed(`DP-${randomUUID().slice(0, 8)}`), channel: 'pc', level: 1, reasons: ['113'], phone: '13890261234', contactConsent: true },
        expect: 201,
      });
      clock.advance(2 * 86_400_000);
      await new Promise((r) => setTimeout(r, 600));
      const { rows } = await s.ref.db.query<{ phone: string | null }>('SELECT phone FROM ratings WHERE id = $1', [rated.body.id]);
      assert.equal(rows[0]?.phone, null);
      await s.ref.db.query('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
      const res = await call(s.baseUrl, 'get', '/health/ready');
      assertProblem(res, 503, 'unavailable');
      assert.equal(res.body.checks.migrations, 'pending');
    } finally {
      await s.stop();
    }
  });
});

describe(`docs/deployment.md: backups (${storage})`, () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('restores tickets, ratings and the audit log; phone numbers open only with the same ZW_DATA_KEY', async () => {
    const dataKey = newDataKey();
    const dir = await mkdtemp(join(tmpdir(), 'zw-backup-'));
    dirs.push(dir);
    const original = await startLocal({ alwaysOpen: true, dataKeys: [dataKey], ...(storage === 'pglite' ? { dataDir: join(dir, 'live') } : {}) });
    let ticket!: string;
    let ratingId!: string;
    let restoredUrl: string | undefined;
    try {
      ticket = (await call(original.baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': `bk-${randomUUID()}` }, body: { categoryId: 'C' }, expect: 201 })).body.number;
      ratingId = (
        await call(original.baseUrl, 'post', '/ratings', {
          headers: { 'Idempotency-Key': `bk-${randomUUID()}` },
          body: { caseId: signed(`BK-${randomUUID().slice(0, 8)}`), channel: 'hall', level: 2, reasons: ['213'], hallId: HALL, phone: '13890261234', contactConsent: true },
          expect: 201,
        })
      ).body.id;
      await original.ref.db.query(`INSERT INTO audit_log (at, sub, role, via, action, hall_id) VALUES (now(), 'admin-1', 'hall-admin', 'token', 'simulator.pause', $1)`, [HALL]);
      if (storage === 'postgres') {
        // A dump while the replica runs, restored into an empty database.
        const dump = join(dir, 'zw.dump');
        await run(pgBin('pg_dump'), ['--format=custom', `--file=${dump}`, original.databaseUrl!]);
        const url = new URL(original.databaseUrl!);
        const name = `zw_restored_${randomUUID().slice(0, 8)}`;
        const admin = new pg.Client({ connectionString: url.toString() });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
        await admin.end();
        url.pathname = `/${name}`;
        restoredUrl = url.toString();
        await run(pgBin('pg_restore'), ['--no-owner', `--dbname=${restoredUrl}`, dump]);
      }
    } finally {
      await original.stop();
    }
    if (storage === 'pglite') cpSync(join(dir, 'live'), join(dir, 'copy'), { recursive: true });
    const where = restoredUrl ? { databaseUrl: restoredUrl } : { dataDir: join(dir, 'copy') };
    const token = async (s: LocalServer) =>
      ((await (await fetch(`${s.baseUrl}/api/v1/dev-issuer/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles: ['rating-officer', 'hall-admin'], halls: [HALL] }) })).json()) as { access_token: string }).access_token;
    const restored = await startLocal({ alwaysOpen: true, dataKeys: [dataKey], ...where });
    try {
      await call(restored.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: ticket }, expect: 200 });
      const auth = { Authorization: `Bearer ${await token(restored)}` };
      const contact = await call(restored.baseUrl, 'get', '/staff/ratings/{ratingId}/contact', { path: { ratingId }, headers: auth, expect: 200 });
      assert.equal(contact.body.phone, '13890261234');
      const audit = await call(restored.baseUrl, 'get', '/staff/halls/{hallId}/audit', { path: { hallId: HALL }, headers: auth, expect: 200 });
      assert.ok(audit.body.entries.some((e: { action: string; sub: string }) => e.action === 'simulator.pause' && e.sub === 'admin-1'));
    } finally {
      await restored.stop();
    }
    // Without its key the dump keeps the numbers to itself.
    const keyless = await startLocal({ alwaysOpen: true, dataKeys: [newDataKey()], ...where, logger: (await import('../../api/server/log.ts')).createLogger({ level: 'silent' }) });
    try {
      const res = await call(keyless.baseUrl, 'get', '/staff/ratings/{ratingId}/contact', { path: { ratingId }, headers: { Authorization: `Bearer ${await token(keyless)}` } });
      assert.equal(res.status, 500);
      assert.doesNotMatch(res.text, /138/);
    } finally {
      await keyless.stop();
    }
  });
});

describe('docs/deployment.md: two replicas behind nginx', { skip: onPglite || (!nginxBinary && 'nginx is not installed (Debian: apt-get install nginx-light)') }, () => {
  const replicas: { port: number; child: ChildProcess; exited: Promise<number | null> }[] = [];
  let nginx: ChildProcess | undefined;
  let front = '';
  let databaseUrl = '';
  let work = '';

  /** A replica started as the page says: its own PORT, the same environment. */
  async function replica(port: number): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZW_TRUST_PROXY: '127.0.0.1',
      ZW_LIMITS: 'takesPerMinute=3',
      ZW_SIMULATOR_SPEED: '0',
      ZW_ALWAYS_OPEN: '1',
      ZW_LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout! }).on('line', () => undefined);
    createInterface({ input: child.stderr! }).on('line', () => undefined);
    for (let i = 0; i < 600; i += 1) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      if (child.exitCode !== null) throw new Error(`replica on ${port} exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    replicas.push({ port, child, exited });
  }

  before(async () => {
    databaseUrl = await testDatabase();
    const ports = [await freePort(), await freePort()];
    await Promise.all(ports.map(replica));
    // nginx with the page's configuration, only the ports changed, in a directory of its own.
    work = await mkdtemp(join(tmpdir(), 'zw-nginx-'));
    for (const d of ['logs', 'tmp']) mkdirSync(join(work, d));
    chmodSync(work, 0o777);
    chmodSync(join(work, 'tmp'), 0o777);
    const listen = await freePort();
    const block = /```nginx\n([\s\S]*?)```/.exec(doc)![1]!
      .replace('127.0.0.1:8781', `127.0.0.1:${ports[0]}`)
      .replace('127.0.0.1:8782', `127.0.0.1:${ports[1]}`)
      .replace('listen 8080;', `listen 127.0.0.1:${listen};`);
    writeFileSync(
      join(work, 'nginx.conf'),
      [
        'worker_processes 1;',
        `pid ${join(work, 'nginx.pid')};`,
        `error_log ${join(work, 'logs', 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(work, 'tmp', t)};`),
        block,
        '}',
      ].join('\n'),
    );
    nginx = spawn(nginxBinary!, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    nginx.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    front = `http://127.0.0.1:${listen}`;
    for (let i = 0; i < 100 && !(await fetch(`${front}/api/v1/health`).then((r) => r.ok, () => false)); i += 1) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    nginx?.kill('SIGQUIT');
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** An HTTP request from a given loopback address (nginx sees it as the client's). */
  const from = (address: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const url = new URL(path, front);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers: init.headers, localAddress: address }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  const take = (address: string, headers: Record<string, string> = {}) =>
    from(address, `/api/v1/halls/${HALL}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `ng-${randomUUID()}`, ...headers },
      body: JSON.stringify({ categoryId: 'D' }),
    });

  it('passes event streams through as they come, whichever replica made the change', async () => {
    const client = await SseClient.open(`${front}/api/v1/halls/${HALL}/events`);
    try {
      assert.equal((await client.nextEvent(5_000))?.event, 'snapshot');
      for (const r of replicas) {
        const started = Date.now();
        const res = await fetch(`http://127.0.0.1:${r.port}/api/v1/halls/${HALL}/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `ng-${randomUUID()}` },
          body: JSON.stringify({ categoryId: 'E' }),
        });
        assert.equal(res.status, 201);
        const frame = await client.nextEvent(2_000);
        assert.equal(frame?.event, 'patch', `a change through the replica on ${r.port}`);
        assert.ok(Date.now() - started < 1_000, `arrived ${Date.now() - started} ms after the change`);
      }
    } finally {
      client.close();
    }
  });

  it("counts limits by the resident's own address, whatever X-Forwarded-For the client writes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await take('127.0.0.2', { 'X-Forwarded-For': `203.0.113.${i}` })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429], 'three a minute from one address (ZW_LIMITS), spoofed or not');
    assert.equal((await take('127.0.0.3')).status, 201, 'another address has its own');
  });

  it("answers with nginx's request id, keeps /metrics internal, and staff paths to the allowed networks", async () => {
    const res = await fetch(`${front}/api/v1/halls`);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f]{32}$/);
    assert.equal((await fetch(`${front}/metrics`)).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${replicas[0]!.port}/metrics`)).status, 200);
    assert.equal((await from('127.0.0.1', '/api/v1/staff/me')).status, 401, 'allowed through, then asked to sign in');
    assert.equal((await from('127.0.0.2', '/api/v1/staff/me')).status, 403, 'refused by nginx');
  });

  it('holds at most ZW_DB_POOL + 1 connections per replica', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(`http://127.0.0.1:${replicas[i % 2]!.port}/api/v1/halls/${HALL}/snapshot`)));
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ name: string; n: string }>(
        `SELECT application_name AS name, count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'zhengwu-widgets%' GROUP BY 1`,
      );
      const byName = Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
      assert.equal(byName['zhengwu-widgets:listen'], 2, 'one listener per replica');
      assert.ok((byName['zhengwu-widgets'] ?? 0) <= 2 * 10, `${byName['zhengwu-widgets']} request connections for two replicas`);
    } finally {
      await admin.end();
    }
  });

  it('moves the clients of a stopped replica to the other, which resumes them without a gap', async () => {
    const [first] = replicas as [(typeof replicas)[0]];
    // nginx deals new streams out in turn: of two, one is on each replica.
    const clients = [await SseClient.open(`${front}/api/v1/halls/${HALL}/events`), await SseClient.open(`${front}/api/v1/halls/${HALL}/events`)];
    try {
      const versions = await Promise.all(clients.map(async (c) => (JSON.parse((await c.nextEvent(10_000))!.data!) as { version: number }).version));
      const version = Math.max(...versions);
      first.child.kill('SIGTERM');
      assert.equal(await first.exited, 0, 'a clean exit');
      // The stream that was on the stopped replica ended, told to come back soon; the other goes on.
      const endings = await Promise.all(
        clients.map(async (c) => {
          const frames: SseFrame[] = [];
          for (let f = await c.next(1_500); f; f = await c.next(1_500)) frames.push(f);
          return frames.some((f) => f.retry === 500);
        }),
      );
      assert.deepEqual(endings.filter(Boolean).length, 1, 'one stream was on the stopped replica');
      const moved = endings.indexOf(true);
      clients[moved]!.close();
      // Changes while that client is away, through the replica that is left.
      for (let i = 0; i < 3; i += 1) {
        const res = await fetch(`${front}/api/v1/halls/${HALL}/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `ng-${randomUUID()}`, 'X-Forwarded-For': '198.51.100.9' },
          body: JSON.stringify({ categoryId: 'F' }),
        });
        assert.equal(res.status, 201, await res.text());
      }
      clients[moved] = await SseClient.open(`${front}/api/v1/halls/${HALL}/events`, { 'Last-Event-ID': String(version) });
      for (const c of clients) {
        const got = [];
        for (let i = 0; i < 3; i += 1) got.push(Number((await c.nextEvent(5_000))!.id));
        assert.deepEqual(got, [version + 1, version + 2, version + 3], 'every change, once, in order');
      }
    } finally {
      for (const c of clients) c.close();
    }
  });
});
