import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createApiKey } from '../../api/server/auth/api-keys.ts';
import { HallQueue } from '../../api/server/queue/hall-queue.ts';
import { findHall } from '../../api/server/queue/halls.ts';
import { readHallDay } from '../../scripts/replay-hall-day.ts';
import { applyIngestEvent } from '../../api/server/routes/ingest.ts';
import { startLocal, storage, testClock } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

// A district hall that runs a vendor's 叫号 system, and feeds its events in.
const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const clock = testClock('2026-11-23T08:30:00Z'); // a Monday, 16:30 in the hall: the recorded day is behind it
const local = await startLocal({ alwaysOpen: true, staffedHalls: [HALL, OTHER], now: clock.now });
after(() => local.stop());
const { baseUrl, ref } = local;
const key = (await createApiKey(ref.db, HALL, '叫号系统对接', new Date())).key;
const otherKey = (await createApiKey(ref.db, OTHER, '叫号系统对接', new Date())).key;

// The checked-in recorded day, moved to today.
const day = readHallDay(new URL('../../docs/hall-day.sample.csv', import.meta.url), clock.now());

const send = (events: unknown[], apiKey = key, hallId = HALL) =>
  call(baseUrl, 'post', '/ingest/halls/{hallId}/events', { path: { hallId }, headers: { 'X-Api-Key': apiKey }, body: { events } });

/** The hall as residents and the board see it, without the version and time that batching changes. */
async function hallState() {
  const snap = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body;
  const numbers = day.filter((e) => e.type === 'ticket-issued').map((e) => e.ticket!);
  const tickets = await Promise.all(numbers.map(async (number) => (await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number }, expect: 200 })).body));
  return { windows: snap.windows, categories: snap.categories, tickets };
}

/** The same day applied in order to a queue in this process, through the same function the route uses. */
function orderedState() {
  const queue = new HallQueue(findHall(HALL)!, clock.now());
  queue.setOpen(true, false, true);
  for (const e of day) applyIngestEvent(queue, e);
  const snap = queue.snapshot();
  const tickets = day.filter((e) => e.type === 'ticket-issued').map((e) => queue.ticket(e.ticket!));
  return { windows: snap.windows, categories: snap.categories, tickets };
}

describe(`ingest of a hall's own queuing system (${storage})`, () => {
  it('refuses a wrong key (401), another hall’s key or a staff token (403), and changes nothing', async () => {
    const before = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body.version;
    assertProblem(await send(day.slice(0, 3), `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`), 401, 'unauthorized');
    assertProblem(await send(day.slice(0, 3), 'zwk_nonsense'), 401, 'unauthorized');
    assertProblem(await send(day.slice(0, 3), otherKey), 403, 'forbidden');
    const res = await fetch(`${baseUrl}/api/v1/dev-issuer/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles: ['hall-admin'], halls: '*' }) });
    const token = ((await res.json()) as { access_token: string }).access_token;
    const byStaff = await call(baseUrl, 'post', '/ingest/halls/{hallId}/events', { path: { hallId: HALL }, headers: { Authorization: `Bearer ${token}` }, body: { events: day.slice(0, 3) } });
    assertProblem(byStaff, 403, 'forbidden');
    assert.equal((await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body.version, before);
    const { rows } = await ref.db.query('SELECT count(*)::int AS n FROM ingest_events');
    assert.deepEqual(rows, [{ n: 0 }]);
  });

  it('gives the ordered stream’s final state from duplicates, gaps filled later and any order', async () => {
    assert.ok(day.length > 40, 'a realistic day');
    // Reordered (a fixed shuffle), every fifth event sent twice, and the first eighth held back for the end.
    const held = day.slice(0, Math.floor(day.length / 8));
    const rest = day.slice(held.length);
    const shuffled = rest.map((e, i) => ({ e, k: (i * 7919) % rest.length })).sort((a, b) => a.k - b.k).map((x) => x.e);
    const noisy = shuffled.flatMap((e, i) => (i % 5 === 0 ? [e, e] : [e]));
    for (let i = 0; i < noisy.length; i += 25) {
      const res = await send(noisy.slice(i, i + 25));
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.appliedThrough, 0, 'nothing is applied past the gap');
      assert.deepEqual(res.body.missing[0], { from: 1, to: held.length });
    }
    const position = await call(baseUrl, 'get', '/ingest/halls/{hallId}/events', { path: { hallId: HALL }, headers: { 'X-Api-Key': key }, expect: 200 });
    assert.equal(position.body.pending, rest.length);
    const filled = await send([...held].reverse());
    assert.equal(filled.status, 200, filled.text);
    assert.deepEqual([filled.body.appliedThrough, filled.body.pending, filled.body.missing], [day.length, 0, []]);
    assert.deepEqual(filled.body.skipped, [], 'every event of the day fits');
    const again = await send(day.slice(0, 30));
    assert.deepEqual([again.body.accepted, again.body.duplicates, again.body.appliedThrough], [0, 30, day.length], 'a resent day changes nothing');
    assert.deepEqual(await hallState(), orderedState());
    const called = (await hallState()).tickets.filter((t) => t.status === 'called');
    assert.ok(called.length > 0 && called.every((t) => t.window), 'the board shows whom each window calls');
  });

  it('refuses a sequence number sent again with other content, taking nothing of the batch', async () => {
    const version = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body.version;
    const next = day.length + 1;
    const changed = { ...day[5]!, windowId: 'w09' };
    const fresh = { seq: next, type: 'ticket-issued', at: clock.now().toISOString(), ticket: 'A901', categoryId: 'A' };
    const res = await send([fresh, changed]);
    assertProblem(res, 409, 'conflict');
    assert.deepEqual([res.body.code, res.body.seqs], ['sequence-conflict', [changed.seq]]);
    assert.equal((await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body.version, version);
    const far = await send([{ ...fresh, seq: next + 6_000 }]);
    assertProblem(far, 409, 'conflict');
    assert.equal(far.body.code, 'too-far-ahead');
    const ok = await send([fresh]);
    assert.deepEqual([ok.status, ok.body.appliedThrough], [200, next]);
    assert.equal((await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: 'A901' }, expect: 200 })).body.status, 'waiting');
  });
});
