import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startLocal, storage, testClock, type LocalServer } from './local-server.ts';
import { call } from './responses.ts';

const key = () => `rt-${randomUUID()}`;
const dirs: string[] = [];
// The first PGlite database of a process is made by initdb (seconds); every later one, in a data directory too, is
// copied from it. So one in-memory server comes first.
const first = await startLocal({});
after(async () => {
  await first.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Storage that outlives a server: a PGlite directory, or a database named after it on PostgreSQL. */
async function storageDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zw-restart-'));
  dirs.push(dir);
  return dir;
}

interface Ticket {
  number: string;
  status: string;
  issuedAt: string;
  calledAt: string | null;
  window: { id: string } | null;
}

const ticketOf = async (server: LocalServer, hallId: string, number: string) =>
  (await call<Ticket>(server.baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId, number }, expect: 200 })).body;

const takeTicket = async (server: LocalServer, hallId: string, categoryId: string) =>
  (await call<Ticket>(server.baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId }, headers: { 'Idempotency-Key': key() }, body: { categoryId }, expect: 201 })).body;

const instant = (iso: string) => Date.parse(iso);

describe(`online tickets across a restart (${storage})`, () => {
  // One storage and one clock for the day, restarted several times (on PGlite a new data directory is the slow part).
  const clock = testClock('2026-11-23T10:00:00+08:00'); // Monday morning
  const hall = 'xiexing-bmfw'; // closes for lunch 12:00–13:30
  let dataDir = '';
  let server: LocalServer | undefined;
  const restart = async () => {
    await server?.stop();
    server = await startLocal({ dataDir, now: clock.now });
    return server;
  };
  after(() => server?.stop());

  it('come back as they were: waiting ones in line with their issue times, a called one at its window', async () => {
    dataDir = await storageDir();
    let s = await restart();
    let first = await takeTicket(s, hall, 'A');
    clock.advance(60_000);
    let second = await takeTicket(s, hall, 'A');
    // The windows call on until the first online ticket is called (and the second still waits).
    for (let i = 0; i < 500 && (await ticketOf(s, hall, first.number)).status === 'waiting'; i += 1) {
      clock.advance(20_000);
      await s.ref.simulator.tick(hall);
    }
    first = await ticketOf(s, hall, first.number);
    second = await ticketOf(s, hall, second.number);
    assert.equal(first.status, 'called', 'the first online ticket was called');
    assert.equal(second.status, 'waiting', 'the second still waits');

    clock.advance(5 * 60_000);
    const restartedAt = clock.now().getTime();
    s = await restart();
    const firstAfter = await ticketOf(s, hall, first.number);
    const secondAfter = await ticketOf(s, hall, second.number);
    assert.deepEqual(
      { status: firstAfter.status, calledAt: firstAfter.calledAt, window: firstAfter.window?.id, issuedAt: firstAfter.issuedAt },
      { status: 'called', calledAt: first.calledAt, window: first.window?.id, issuedAt: first.issuedAt },
      'the called ticket is still at its window',
    );
    assert.equal(secondAfter.status, 'waiting', 'the waiting ticket still waits');
    assert.equal(secondAfter.issuedAt, second.issuedAt);
    assert.equal(secondAfter.calledAt, null);
    const board = (await call(s.baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: hall } })).body;
    assert.ok(
      board.windows.some((w: { id: string; serving: string | null }) => w.id === first.window?.id && w.serving === first.number),
      'the board shows it at its window',
    );
    // From here the queue goes on in real time: the waiting ticket is called after the restart, never before it was issued.
    let now = secondAfter;
    for (let i = 0; i < 500 && now.status === 'waiting'; i += 1) {
      clock.advance(20_000);
      await s.ref.simulator.tick(hall);
      now = await ticketOf(s, hall, second.number);
    }
    assert.notEqual(now.status, 'waiting');
    assert.ok(instant(now.calledAt!) >= restartedAt, `called at ${now.calledAt}, after the restart`);
    // A new ticket continues the numbering.
    const fresh = await takeTicket(s, hall, 'A');
    assert.ok(fresh.number > second.number, `${fresh.number} after ${second.number}`);
  });

  it('keep their place over lunch, and are served at closing time even when the server was down then', async () => {
    clock.set('2026-11-23T11:55:00+08:00');
    let s = server!;
    const ticket = await takeTicket(s, hall, 'B');
    clock.set('2026-11-23T12:10:00+08:00');
    await s.ref.simulator.tick(hall);
    assert.equal((await ticketOf(s, hall, ticket.number)).status, 'waiting', 'a lunch break is not the end of the day');
    assert.equal((await call(s.baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: hall } })).body.open, false);
    // Restarted during lunch: still waiting.
    s = await restart();
    assert.equal((await ticketOf(s, hall, ticket.number)).status, 'waiting');
    // Restarted after closing: the day was over, and it was served.
    clock.set('2026-11-23T17:30:00+08:00');
    s = await restart();
    const after = await ticketOf(s, hall, ticket.number);
    assert.equal(after.status, 'served');
    assert.equal(after.calledAt, null);
    // Whatever happened, no ticket was ever called before it was issued.
    await s.ref.settled();
    const { rows } = await s.ref.db.query<{ number: string; issued_at: Date; called_at: Date | null }>(
      'SELECT number, issued_at, called_at FROM online_tickets',
    );
    assert.ok(rows.length >= 4);
    for (const r of rows) {
      if (r.called_at) assert.ok(new Date(r.called_at) >= new Date(r.issued_at), `${r.number} called before it was issued`);
    }
  });
});
