import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createApiKey } from '../../api/server/auth/api-keys.ts';
import { HallQueue } from '../../api/server/queue/hall-queue.ts';
import { findHall } from '../../api/server/queue/halls.ts';
import { applyIngestEvent } from '../../api/server/routes/ingest.ts';
import { readHallDay } from '../../scripts/replay-hall-day.ts';
import { startLocal, storage, testClock } from './local-server.ts';
import { assertProblem, call, type Checked } from './responses.ts';

// A township service point run by its staff (no simulator): four windows, 社保医保 (A) and 综合受理 (B); and a
// district hall that runs a vendor's 叫号 system and feeds its events in (FED).
const HALL = 'xiexing-bmfw';
const OTHER = 'guangan-zwzx';
const FED = 'guangan-zwzx';
const clock = testClock('2026-11-23T02:00:00Z'); // a Monday, 10:00 in the halls
const local = await startLocal({ alwaysOpen: true, staffedHalls: [HALL, FED], now: clock.now });
after(() => local.stop());
const { baseUrl, ref } = local;

async function token(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/dev-issuer/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const wang = `Bearer ${await token({ roles: ['window-staff'], halls: [HALL], sub: 'staff-wang', name: '王芳' })}`;
const li = `Bearer ${await token({ roles: ['window-staff'], halls: [HALL], sub: 'staff-li', name: '李强' })}`;
const elsewhere = `Bearer ${await token({ roles: ['hall-admin'], halls: [OTHER], sub: 'admin-other' })}`;
const kiosk = (await createApiKey(ref.db, HALL, '门口平板', new Date())).key;

let keys = 0;
const newKey = () => `op-${storage}-${Date.now()}-${(keys += 1)}`;

type Input = Record<string, unknown>;
const act = (windowId: string, body: Input, opts: { auth?: string; key?: string; lease?: string } = {}) =>
  call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/actions', {
    path: { hallId: HALL, windowId },
    headers: {
      ...(opts.auth === '' ? {} : { Authorization: opts.auth ?? wang }),
      'Idempotency-Key': opts.key ?? newKey(),
      ...(opts.lease ? { 'Zw-Window-Lease': opts.lease } : {}),
    },
    body,
  });
const ok = async (windowId: string, body: Input, opts: { auth?: string; key?: string; lease?: string } = {}) => {
  const res = await act(windowId, body, opts);
  assert.equal(res.status, 200, res.text);
  return res;
};
const walkIn = async (categoryId: string, priority?: string) => {
  const res = await call(baseUrl, 'post', '/staff/halls/{hallId}/tickets', {
    path: { hallId: HALL },
    headers: { 'X-Api-Key': kiosk, 'Idempotency-Key': newKey() },
    body: { categoryId, ...(priority ? { priority } : {}) },
    expect: 201,
  });
  clock.advance(60_000);
  return res.body.number as string;
};
const online = async (categoryId: string) => {
  const res = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
    path: { hallId: HALL },
    headers: { 'Idempotency-Key': newKey() },
    body: { categoryId },
    expect: 201,
  });
  clock.advance(60_000);
  return res.body.number as string;
};
const ticket = async (number: string) =>
  (await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number }, expect: 200 }))
    .body;
const snapshot = async () =>
  (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body;
const auditCount = async () =>
  Number((await ref.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n);
const conflictCode = (res: Checked<any>, code: string) => {
  assertProblem(res, 409, 'conflict');
  assert.equal(res.body.code, code, res.text);
};

describe(`hall operations: a window's console (${storage})`, () => {
  it('refuses without credentials (401), in another hall or for a kiosk key (403), and changes nothing', async () => {
    const [before, audits] = [(await snapshot()).version, await auditCount()];
    assertProblem(await act('w01', { action: 'open' }, { auth: '' }), 401, 'unauthorized');
    assertProblem(await act('w01', { action: 'open' }, { auth: 'Bearer not-a-token' }), 401, 'unauthorized');
    assertProblem(await act('w01', { action: 'open' }, { auth: elsewhere }), 403, 'forbidden');
    const withKey = await call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/actions', {
      path: { hallId: HALL, windowId: 'w01' },
      headers: { 'X-Api-Key': kiosk, 'Idempotency-Key': newKey() },
      body: { action: 'open' },
    });
    assertProblem(withKey, 403, 'forbidden');
    assertProblem(
      await call(baseUrl, 'get', '/staff/halls/{hallId}/windows/{windowId}', {
        path: { hallId: HALL, windowId: 'w01' },
      }),
      401,
      'unauthorized',
    );
    const ingestByStaff = await call(baseUrl, 'post', '/ingest/halls/{hallId}/events', {
      path: { hallId: HALL },
      headers: { Authorization: wang },
      body: { events: [{ seq: 1, type: 'window-opened', at: clock.now().toISOString(), windowId: 'w01' }] },
    });
    assertProblem(ingestByStaff, 403, 'forbidden');
    assert.equal((await snapshot()).version, before, 'no refused request changed the hall');
    assert.equal(await auditCount(), audits, 'nor was logged as done');
    const w = await call(baseUrl, 'get', '/staff/halls/{hallId}/windows/{windowId}', {
      path: { hallId: HALL, windowId: 'w01' },
      headers: { Authorization: wang },
      expect: 200,
    });
    assert.equal(w.body.window.status, 'closed', 'a staffed hall’s windows wait for their staff');
  });

  it('calls priority tickets first, then by issue time with online tickets at their taken time', async () => {
    await ok('w02', { action: 'open', categoryIds: ['A', 'B'] });
    const b1 = await walkIn('B');
    const a1 = await online('A');
    const a2 = await walkIn('A', 'elderly');
    const b2 = await walkIn('B');
    assert.equal((await ticket(a2)).priority, true, 'residents see that the ticket has priority, not why');
    const desk = await call(baseUrl, 'get', '/staff/halls/{hallId}/windows/{windowId}', {
      path: { hallId: HALL, windowId: 'w02' },
      headers: { Authorization: wang },
      expect: 200,
    });
    assert.deepEqual(
      desk.body.next.map((t: { number: string }) => t.number),
      [a2, b1, a1, b2],
    );
    assert.equal(desk.body.next[0].priority, 'elderly', 'staff see why');
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const called = await ok('w02', { action: 'call-next' });
      order.push(called.body.ticket.number);
      assert.equal(called.body.window.current.number, called.body.ticket.number);
      clock.advance(2 * 60_000);
      await ok('w02', { action: 'finish' });
    }
    assert.deepEqual(order, [a2, b1, a1, b2]);
    const none = await ok('w02', { action: 'call-next' });
    assert.equal(none.body.ticket, null, 'nobody waits');
  });

  it('calls one resident for a double-clicked 叫号, with one key or two, and replays the first answer', async () => {
    const first = await walkIn('B');
    const second = await walkIn('B');
    const sameKey = newKey();
    const results = await Promise.all([
      act('w02', { action: 'call-next' }, { key: sameKey }),
      act('w02', { action: 'call-next' }, { key: sameKey }),
      act('w02', { action: 'call-next' }),
      act('w02', { action: 'call-next' }),
    ]);
    const calledOnce = results.filter((r) => r.status === 200);
    assert.ok(calledOnce.length >= 1);
    for (const r of calledOnce) assert.equal(r.body.ticket.number, first, 'every success names the same resident');
    const fresh = calledOnce.filter((r) => r.headers.get('idempotent-replayed') !== 'true');
    assert.equal(fresh.length, 1, 'one request called; the others replayed or were refused');
    for (const r of results.filter((x) => x.status !== 200)) {
      conflictCode(r, 'window-busy');
      assert.equal(r.body.current.number, first, 'the refusal names the resident called');
    }
    assert.equal((await ticket(second)).status, 'waiting', 'the next resident was not called');

    // A kiosk's double tap prints one ticket.
    const tap = newKey();
    const taps = await Promise.all(
      [1, 2].map(() =>
        call(baseUrl, 'post', '/staff/halls/{hallId}/tickets', {
          path: { hallId: HALL },
          headers: { 'X-Api-Key': kiosk, 'Idempotency-Key': tap },
          body: { categoryId: 'A' },
        }),
      ),
    );
    assert.deepEqual(taps.map((t) => t.status).sort(), [200, 201]);
    assert.equal(taps[0]!.body.number, taps[1]!.body.number);
    const replay = await act('w02', { action: 'call-next' }, { key: sameKey });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.ticket.number, first);
    assertProblem(await act('w02', { action: 'finish' }, { key: sameKey }), 422, 'idempotency-key-reuse');
    await ok('w02', { action: 'finish' });
    assert.equal((await ok('w02', { action: 'call-next' })).body.ticket.number, second);
    await ok('w02', { action: 'finish' });
    assert.equal((await ok('w02', { action: 'call-next' })).body.ticket.number, taps[0]!.body.number);
    await ok('w02', { action: 'finish' });
  });

  it('marks a no-show missed and recalls it within its grace; measures service times into the estimate', async () => {
    const before = (await snapshot()).categories.find((c: { id: string }) => c.id === 'A');
    const number = await walkIn('A');
    await ok('w01', { action: 'open' });
    const called = await ok('w01', { action: 'call-next' });
    assert.equal(called.body.ticket.number, number);
    const recalled = await ok('w01', { action: 'recall' });
    assert.equal(recalled.body.ticket.recalls, 1, 'announced again');
    const missed = await ok('w01', { action: 'no-show' });
    assert.equal(missed.body.ticket.stage, 'missed');
    assert.equal((await ticket(number)).status, 'missed');
    assert.deepEqual(
      missed.body.window.missed.map((t: { number: string }) => t.number),
      [number],
      'the console offers the missed ticket for a recall',
    );
    clock.advance(5 * 60_000);
    const back = await ok('w01', { action: 'recall', number });
    assert.equal(back.body.window.current.number, number);
    assert.equal((await ticket(number)).status, 'called', 'the resident is called again');
    await ok('w01', { action: 'start' });
    clock.advance(10 * 60_000);
    const done = await ok('w01', { action: 'finish' });
    assert.equal(done.body.ticket.stage, 'served');
    const after = (await snapshot()).categories.find((c: { id: string }) => c.id === 'A');
    assert.equal(after.serviceSample, before.serviceSample + 1, 'the served ticket is measured');
    assert.ok(after.avgServiceMinutes > before.avgServiceMinutes, 'a 10-minute service raises a 7-minute average');

    // Past its grace, a missed ticket stays missed.
    const late = await walkIn('A');
    await ok('w01', { action: 'call-next' });
    await ok('w01', { action: 'no-show' });
    clock.advance(31 * 60_000);
    conflictCode(await act('w01', { action: 'recall', number: late }), 'not-recallable');
    conflictCode(await act('w01', { action: 'finish' }), 'no-current-ticket');
  });

  it('transfers a ticket to a category or a window, keeping its number and place', async () => {
    await ok('w03', { action: 'open' });
    await ok('w04', { action: 'open' });
    const moving = await walkIn('B');
    const taken = await ticket(moving);
    await ok('w03', { action: 'call-next' });
    const toA = await ok('w03', { action: 'transfer', to: { categoryId: 'A' } });
    assert.equal(toA.body.window.current, null, 'the window is free again');
    const waiting = await ticket(moving);
    assert.deepEqual(
      [waiting.number, waiting.status, waiting.categoryId, waiting.issuedAt],
      [moving, 'waiting', 'A', taken.issuedAt],
    );
    const laterA = await walkIn('A');
    const calledA = await ok('w01', { action: 'call-next' });
    assert.equal(calledA.body.ticket.number, moving, 'it keeps its place by issue time');
    assert.equal(calledA.body.ticket.transferred, true);
    const toWindow = await ok('w01', { action: 'transfer', to: { windowId: 'w04' } });
    assert.equal(toWindow.body.ticket.forWindowId, 'w04');
    const earlierB = await walkIn('B');
    assert.equal(
      (await ok('w03', { action: 'call-next' })).body.ticket.number,
      earlierB,
      'only the window it was sent to calls it',
    );
    assert.equal((await ok('w04', { action: 'call-next' })).body.ticket.number, moving);
    for (const w of ['w01', 'w03', 'w04']) await act(w, { action: 'finish' });
    assert.equal((await ok('w01', { action: 'call-next' })).body.ticket.number, laterA);
    await ok('w01', { action: 'finish' });
  });

  it('lets one console work a window: a second is refused, a takeover is explicit, a lease expires', async () => {
    const claim = (auth: string, body: Input = {}) =>
      call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/claim', {
        path: { hallId: HALL, windowId: 'w04' },
        headers: { Authorization: auth },
        body,
      });
    const mine = await claim(wang);
    assert.equal(mine.status, 200, mine.text);
    const lease = mine.body.lease as string;
    const second = await claim(li);
    conflictCode(second, 'window-claimed');
    assert.deepEqual([second.body.holder.sub, second.body.holder.name], ['staff-wang', '王芳']);
    conflictCode(await act('w04', { action: 'pause' }, { auth: li }), 'window-claimed');
    await ok('w04', { action: 'pause' }, { lease });
    const taken = await claim(li, { takeover: true });
    assert.equal(taken.status, 200, taken.text);
    assert.equal(taken.body.tookOverFrom.sub, 'staff-wang');
    conflictCode(await act('w04', { action: 'open' }, { lease }), 'lease-lost');
    conflictCode(await claim(wang, { lease }), 'lease-lost');
    clock.advance(30_000);
    assert.equal((await claim(li, { lease: taken.body.lease })).status, 200, 'a renewal');
    const released = await call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/release', {
      path: { hallId: HALL, windowId: 'w04' },
      headers: { Authorization: li, 'Zw-Window-Lease': taken.body.lease },
      expect: 200,
    });
    assert.equal(released.body.claim, null);
    const again = await claim(wang);
    assert.equal(again.status, 200);
    clock.advance(91_000);
    assert.equal((await claim(li)).status, 200, 'a lease not renewed for 90 s is gone');
    const { rows } = await ref.db.query<{ action: string; sub: string }>(
      `SELECT action, sub FROM audit_log WHERE hall_id = $1 AND action IN ('window.claim', 'window.takeover', 'window.release') ORDER BY id`,
      [HALL],
    );
    assert.deepEqual(
      rows.map((r) => `${r.action} ${r.sub}`),
      [
        'window.claim staff-wang',
        'window.takeover staff-li',
        'window.release staff-li',
        'window.claim staff-wang',
        'window.claim staff-li',
      ],
    );
  });
});

const feedKey = (await createApiKey(ref.db, FED, '叫号系统对接', new Date())).key;
const otherKey = kiosk;

// The checked-in recorded day of the district hall, moved to today.
const day = readHallDay(new URL('../../docs/hall-day.sample.csv', import.meta.url), clock.now());

const send = (events: unknown[], apiKey = feedKey, hallId = FED) =>
  call(baseUrl, 'post', '/ingest/halls/{hallId}/events', {
    path: { hallId },
    headers: { 'X-Api-Key': apiKey },
    body: { events },
  });

/** The hall as residents and the board see it, without the version and time that batching changes. */
async function hallState() {
  const snap = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: FED }, expect: 200 })).body;
  const numbers = day.filter((e) => e.type === 'ticket-issued').map((e) => e.ticket!);
  const tickets = await Promise.all(
    numbers.map(
      async (number) =>
        (await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: FED, number }, expect: 200 }))
          .body,
    ),
  );
  return { windows: snap.windows, categories: snap.categories, tickets };
}

/** The same day applied in order to a queue in this process, through the same function the route uses. */
function orderedState() {
  const queue = new HallQueue(findHall(FED)!, clock.now());
  queue.setOpen(true, false, true);
  for (const e of day) applyIngestEvent(queue, e);
  const snap = queue.snapshot();
  const tickets = day.filter((e) => e.type === 'ticket-issued').map((e) => queue.ticket(e.ticket!));
  return { windows: snap.windows, categories: snap.categories, tickets };
}

describe(`ingest of a hall's own queuing system (${storage})`, () => {
  it('refuses a wrong key (401), another hall’s key or a staff token (403), and changes nothing', async () => {
    const before = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: FED }, expect: 200 })).body
      .version;
    assertProblem(
      await send(day.slice(0, 3), `${feedKey.slice(0, -1)}${feedKey.endsWith('A') ? 'B' : 'A'}`),
      401,
      'unauthorized',
    );
    assertProblem(await send(day.slice(0, 3), 'zwk_nonsense'), 401, 'unauthorized');
    assertProblem(await send(day.slice(0, 3), otherKey), 403, 'forbidden');
    const res = await fetch(`${baseUrl}/api/v1/dev-issuer/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ roles: ['hall-admin'], halls: '*' }),
    });
    const token = ((await res.json()) as { access_token: string }).access_token;
    const byStaff = await call(baseUrl, 'post', '/ingest/halls/{hallId}/events', {
      path: { hallId: FED },
      headers: { Authorization: `Bearer ${token}` },
      body: { events: day.slice(0, 3) },
    });
    assertProblem(byStaff, 403, 'forbidden');
    assert.equal(
      (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: FED }, expect: 200 })).body.version,
      before,
    );
    const { rows } = await ref.db.query('SELECT count(*)::int AS n FROM ingest_events');
    assert.deepEqual(rows, [{ n: 0 }]);
  });

  it('gives the ordered stream’s final state from duplicates, gaps filled later and any order', async () => {
    assert.ok(day.length > 40, 'a realistic day');
    // Reordered (a fixed shuffle), every fifth event sent twice, and the first eighth held back for the end.
    const held = day.slice(0, Math.floor(day.length / 8));
    const rest = day.slice(held.length);
    const shuffled = rest
      .map((e, i) => ({ e, k: (i * 7919) % rest.length }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.e);
    const noisy = shuffled.flatMap((e, i) => (i % 5 === 0 ? [e, e] : [e]));
    for (let i = 0; i < noisy.length; i += 25) {
      const res = await send(noisy.slice(i, i + 25));
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.appliedThrough, 0, 'nothing is applied past the gap');
      assert.deepEqual(res.body.missing[0], { from: 1, to: held.length });
    }
    const position = await call(baseUrl, 'get', '/ingest/halls/{hallId}/events', {
      path: { hallId: FED },
      headers: { 'X-Api-Key': feedKey },
      expect: 200,
    });
    assert.equal(position.body.pending, rest.length);
    const filled = await send([...held].reverse());
    assert.equal(filled.status, 200, filled.text);
    assert.deepEqual([filled.body.appliedThrough, filled.body.pending, filled.body.missing], [day.length, 0, []]);
    assert.deepEqual(filled.body.skipped, [], 'every event of the day fits');
    const again = await send(day.slice(0, 30));
    assert.deepEqual(
      [again.body.accepted, again.body.duplicates, again.body.appliedThrough],
      [0, 30, day.length],
      'a resent day changes nothing',
    );
    assert.deepEqual(await hallState(), orderedState());
    const called = (await hallState()).tickets.filter((t) => t.status === 'called');
    assert.ok(called.length > 0 && called.every((t) => t.window), 'the board shows whom each window calls');
  });

  it('follows the vendor system where it leaves the hall’s hours: a window opened early, a call from a closed window', () => {
    const queue = new HallQueue(findHall(FED)!, clock.now());
    const at = (t: string) => `${day[0]!.at.slice(0, 10)}T${t}+08:00`;
    assert.equal(queue.open, false, 'before the hall opens by the clock');
    assert.equal(applyIngestEvent(queue, { seq: 1, type: 'window-opened', at: at('08:59:40'), windowId: 'w01' }), null);
    assert.equal(queue.windowStates.find((w) => w.def.id === 'w01')!.status, 'open');
    queue.setOpen(true, false, true);
    assert.equal(queue.windowStates.find((w) => w.def.id === 'w01')!.status, 'open', 'opening the hall keeps it open');
    assert.equal(queue.windowStates.find((w) => w.def.id === 'w05')!.status, 'closed', 'and opens no other window');
    assert.equal(
      applyIngestEvent(queue, { seq: 2, type: 'ticket-issued', at: at('09:00:05'), ticket: 'B001', categoryId: 'B' }),
      null,
    );
    assert.equal(
      applyIngestEvent(queue, { seq: 3, type: 'ticket-called', at: at('09:01:00'), ticket: 'B001', windowId: 'w05' }),
      null,
    );
    assert.deepEqual(queue.windowStates.find((w) => w.def.id === 'w05')!.serving?.number, 'B001');
    assert.match(
      applyIngestEvent(queue, { seq: 4, type: 'ticket-called', at: at('09:02:00'), ticket: 'B404', windowId: 'w05' })!,
      /unknown-ticket/,
    );
  });

  it('refuses a sequence number sent again with other content, taking nothing of the batch', async () => {
    const version = (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: FED }, expect: 200 }))
      .body.version;
    const next = day.length + 1;
    const changed = { ...day[5]!, windowId: 'w09' };
    const fresh = { seq: next, type: 'ticket-issued', at: clock.now().toISOString(), ticket: 'A901', categoryId: 'A' };
    const res = await send([fresh, changed]);
    assertProblem(res, 409, 'conflict');
    assert.deepEqual([res.body.code, res.body.seqs], ['sequence-conflict', [changed.seq]]);
    assert.equal(
      (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: FED }, expect: 200 })).body.version,
      version,
    );
    const far = await send([{ ...fresh, seq: next + 6_000 }]);
    assertProblem(far, 409, 'conflict');
    assert.equal(far.body.code, 'too-far-ahead');
    const ok = await send([fresh]);
    assert.deepEqual([ok.status, ok.body.appliedThrough], [200, next]);
    assert.equal(
      (
        await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', {
          path: { hallId: FED, number: 'A901' },
          expect: 200,
        })
      ).body.status,
      'waiting',
    );
  });
});
