import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { startLocal, storage, testDatabase, type LocalServer } from './local-server.ts';
import { call } from './responses.ts';
import { SseClient, type SseFrame } from './sse-client.ts';

/*
 * Several server processes on one PostgreSQL behind a load balancer: any of them may issue, call and read a ticket,
 * and a change made through one reaches the event streams of all of them. Two apps in this process stand for two
 * replicas: they share nothing but the database (each has its own pool, listener, queue mirror and streams).
 */
const HALL = 'guangan-zwzx';
const skip = storage === 'pglite' ? 'replicas share a PostgreSQL server; PGlite is one process’s embedded database' : false;

interface Patch {
  version: number;
  categories?: { id: string; waiting: number }[];
  windows?: { id: string; serving: string | null }[];
}

describe('replicas on one PostgreSQL', { skip }, () => {
  let a: LocalServer;
  let b: LocalServer;
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const take = (server: LocalServer, categoryId: string) =>
    call(server.baseUrl, 'post', '/halls/{hallId}/tickets', {
      path: { hallId: HALL },
      headers: { 'Idempotency-Key': `rp-${randomUUID()}` },
      body: { categoryId },
    });
  const events = (server: LocalServer, headers: Record<string, string> = {}) =>
    SseClient.open(new URL(`/api/v1/halls/${HALL}/events`, server.baseUrl).toString(), headers);
  const patchOf = (frame: SseFrame | null): Patch => {
    assert.equal(frame?.event, 'patch', `a patch, got ${frame?.raw}`);
    return JSON.parse(frame!.data!) as Patch;
  };

  it('starts two replicas on one database', async () => {
    const databaseUrl = await testDatabase();
    a = await startLocal({ databaseUrl, alwaysOpen: true });
    b = await startLocal({ databaseUrl, alwaysOpen: true });
    const [sa, sb] = await Promise.all([a, b].map((s) => call(s.baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })));
    assert.deepEqual(sa!.body, sb!.body, 'one hall, one state');
    assert.equal(sa!.headers.get('etag'), sb!.headers.get('etag'), 'one version, one ETag');
  });

  it('shows a ticket taken through one replica live to a client of the other, and lets the other read it', async () => {
    const client = await events(b);
    try {
      const snapshot = JSON.parse((await client.nextEvent(5_000))!.data!) as { version: number; categories: { id: string; waiting: number }[] };
      const taken = await take(a, 'C');
      assert.equal(taken.status, 201, taken.text);
      const patch = patchOf(await client.nextEvent(5_000));
      assert.equal(patch.version, snapshot.version + 1, 'the next version, as one hall numbers them');
      const waiting = patch.categories?.find((c) => c.id === 'C')?.waiting;
      assert.equal(waiting, snapshot.categories.find((c) => c.id === 'C')!.waiting + 1);
      const read = await call(b.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: taken.body.number }, expect: 200 });
      assert.equal(read.body.issuedAt, taken.body.issuedAt, 'the same ticket on both');
    } finally {
      client.close();
    }
  });

  it('calls a ticket through the simulator of one replica and shows the call on the other', async () => {
    const taken = await take(b, 'E');
    assert.equal(taken.status, 201, taken.text);
    let ticket = taken.body;
    for (let i = 0; i < 300 && ticket.status === 'waiting'; i += 1) {
      await a.ref.simulator.tick(HALL);
      ticket = (await call(b.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: ticket.number }, expect: 200 })).body;
    }
    assert.equal(ticket.status, 'called');
    const onA = await call(a.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: ticket.number }, expect: 200 });
    assert.deepEqual(onA.body, ticket);
  });

  it('resumes on the other replica after Last-Event-ID and misses nothing', async () => {
    const first = await events(a);
    const snapshot = JSON.parse((await first.nextEvent(5_000))!.data!) as { version: number };
    const seen: number[] = [];
    // Changes through both replicas while the client listens on A …
    await take(a, 'A');
    await b.ref.simulator.tick(HALL);
    for (let i = 0; i < 2; i += 1) seen.push(patchOf(await first.nextEvent(5_000)).version);
    first.close();
    // … and while it is away (its replica gone, say), through both again.
    await take(b, 'B');
    await a.ref.simulator.tick(HALL);
    await take(a, 'D');
    const resumed = await events(b, { 'Last-Event-ID': String(seen.at(-1)) });
    try {
      for (let i = 0; i < 3; i += 1) seen.push(patchOf(await resumed.nextEvent(5_000)).version);
      const v = snapshot.version;
      assert.deepEqual(seen, [v + 1, v + 2, v + 3, v + 4, v + 5], 'every version once, in order');
      // And live from there.
      await take(a, 'F');
      assert.equal(patchOf(await resumed.nextEvent(5_000)).version, v + 6);
    } finally {
      resumed.close();
    }
  });

  it('numbers concurrent takes through both replicas uniquely, one ticket per number', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => take(i % 2 ? a : b, 'F')));
    assert.deepEqual(
      answers.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text.slice(0, 120)}`),
      [],
      'every take is issued',
    );
    const numbers = answers.map((r) => r.body.number as string);
    assert.equal(new Set(numbers).size, numbers.length, `no number twice: ${numbers.sort().join(' ')}`);
    const seqs = numbers.map((n) => Number(n.slice(1))).sort((x, y) => x - y);
    assert.equal(seqs.at(-1)! - seqs[0]! + 1, seqs.length, 'and no gaps');
    for (const r of answers) {
      const [onA, onB] = await Promise.all(
        [a, b].map((s) => call(s.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: r.body.number }, expect: 200 })),
      );
      assert.equal(onA!.body.issuedAt, r.body.issuedAt, `${r.body.number} on A is the ticket issued`);
      assert.equal(onB!.body.issuedAt, r.body.issuedAt, `${r.body.number} on B is the ticket issued`);
    }
  });
});
