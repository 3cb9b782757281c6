import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { RECORD_SCHEMA_PATH, recordSchemaText } from '../../api/server/reporting/record-schema.ts';
import { signed, startLocal, storage, testClock, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const SERVICE = '512B0070200006-511602000000-000-1151130108778239R-1-00';
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
// UPDATE_FIXTURES=1 rewrites the expected files (review the diff before committing it).
const update = process.env.UPDATE_FIXTURES === '1';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validRecord = ajv.compile(JSON.parse(readFileSync(RECORD_SCHEMA_PATH, 'utf8')) as object);

async function token(s: LocalServer, roles: string[], halls: string[] | '*'): Promise<Record<string, string>> {
  const res = await fetch(`${s.baseUrl}/api/v1/dev-issuer/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, sub: `staff-${roles.join('+')}`, name: '王芳' }),
  });
  return { Authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}` };
}

const rate = (s: LocalServer, caseNumber: string, body: Record<string, unknown>) =>
  call(s.baseUrl, 'post', '/ratings', {
    headers: { 'Idempotency-Key': `rp-${randomUUID()}` },
    body: { caseId: signed(caseNumber), channel: 'hall', level: 5, reasons: ['517'], hallId: HALL, ...body },
    expect: 201,
  }).then((r) => r.body as { id: string; trackingCode: string | null });

/** A provincial platform that fails in the ways real ones do, and keeps each record once by its Idempotency-Key. */
function flakyProvince() {
  const stored = new Map<string, unknown>();
  const requests: string[] = [];
  const auth = new Set<string>();
  /** Keys sent again after the platform had answered 201 for them (an exactly-once pusher sends none). */
  const afterAck: string[] = [];
  const acked = new Set<string>();
  let n = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { caseId: string };
      requests.push(key);
      if (acked.has(key)) afterAck.push(key);
      auth.add(String(req.headers.authorization));
      n += 1;
      if (record.caseId === 'GA-REFUSED') return void res.writeHead(422).end('{"error":"invalid record"}');
      if (n === 1) return; // never answers: the pusher's timeout
      if (n % 3 === 2) return void res.writeHead(503).end(); // down: nothing kept
      if (!stored.has(key)) stored.set(key, record);
      if (n % 3 === 0) return void res.writeHead(500).end(); // kept, but the answer is lost
      acked.add(key);
      res.writeHead(201).end('{}');
    });
  });
  return {
    stored,
    requests,
    auth,
    afterAck,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hcp/records`),
        ),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// One server for the file (each start costs seconds on a loaded machine), pushing to a flaky provincial platform.
const clock = testClock('2026-10-30T09:00:00+08:00');
const province = flakyProvince();
let s: LocalServer;
before(async () => {
  const url = await province.listen();
  s = await startLocal({
    now: clock.now,
    provincialPush: { url, token: 'province-secret', intervalMs: 0, timeoutMs: 400 },
  });
});
after(async () => {
  await s.stop();
  await province.close();
});

describe(`national reporting (${storage})`, () => {
  /** The fixed set's rating ids, in the order they were given (replaced by fixed ids in the expected files). */
  const ids: string[] = [];
  before(async () => {
    const at = (iso: string) => clock.set(iso);
    const officer = await token(s, ['rating-officer'], '*');
    const step = (id: string, body: Record<string, unknown>) =>
      call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/transitions', {
        path: { caseId: id },
        headers: { ...officer, 'Idempotency-Key': `st-${randomUUID()}` },
        body,
        expect: 200,
      });

    at('2026-10-31T23:59:00+08:00'); // the last minute of the day before the range
    await rate(s, 'GA20261031001', { level: 4, reasons: ['411'] });
    at('2026-11-02T09:15:00+08:00');
    ids.push(
      (await rate(s, 'GA20261102001', { serviceCode: SERVICE, windowId: 'w05', staffId: 'GA0517', channel: 'hall' }))
        .id,
    );
    at('2026-11-02T10:20:00+08:00');
    const bad = await rate(s, 'GA20261102002', {
      level: 2,
      reasons: ['210', '213'],
      // A comma, quotes, a line break, and what a spreadsheet would run as a formula.
      comment: '=HYPERLINK("http://example.com","点我"),\n材料交了两次',
      serviceCode: SERVICE,
      windowId: 'w02',
      staffId: 'GA0321',
      channel: 'mobile',
      phone: '13890261234',
      contactConsent: true,
    });
    ids.push(bad.id);
    at('2026-11-03T14:00:00+08:00');
    const mistaken = await rate(s, 'GA20261103001', { level: 1, reasons: ['115'], channel: 'app', windowId: 'w01' });
    ids.push(mistaken.id);
    at('2026-11-04T08:30:00+08:00');
    ids.push((await rate(s, 'GA20261104001', { level: 3, reasons: ['310'], channel: 'pc', hallId: undefined })).id);
    // The 差评 is worked and closed on time; the mistaken one annulled on appeal.
    at('2026-11-05T10:00:00+08:00');
    await call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/assignment', {
      path: { caseId: bad.id },
      headers: { ...officer, 'Idempotency-Key': `as-${randomUUID()}` },
      body: { department: '区人社局' },
      expect: 200,
    });
    await step(bad.id, { to: 'verifying', note: '核实', reply: '正在核实' });
    await step(bad.id, { to: 'rectifying', note: '一次性告知', reply: '已改为一次性告知' });
    await call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/revisits', {
      path: { caseId: bad.id },
      headers: { ...officer, 'Idempotency-Key': `rv-${randomUUID()}` },
      body: { reached: true, verdict: 'basically-satisfied', note: '已回访' },
      expect: 200,
    });
    await step(bad.id, { to: 'revisiting', note: '回访' });
    await step(bad.id, { to: 'closed', note: '办结', reply: '整改已完成' });
    await step(mistaken.id, { to: 'appealed', note: '误评' });
    await step(mistaken.id, { to: 'reviewed', note: '复核属误评', outcome: 'annulled', annulReason: 'mistaken' });
    at('2026-11-06T09:00:00+08:00'); // the day after the range
    await rate(s, 'GA20261106001', {});
  });
  /** An export with the set's random rating ids replaced by fixed ones, in the order the ratings were given. */
  const fixedIds = (text: string) =>
    ids.reduce((t, id, i) => t.replaceAll(id, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`), text);

  it('exports the ratings of a date range as national records equal to the checked-in files, valid against the shipped schema', async () => {
    assert.deepEqual(
      JSON.parse(readFileSync(RECORD_SCHEMA_PATH, 'utf8')),
      JSON.parse(recordSchemaText()),
      'the shipped schema is the spec’s (tsx api/server/reporting/record-schema.ts)',
    );
    const admin = await token(s, ['hall-admin'], '*');
    const query = { from: '2026-11-01', to: '2026-11-05' };
    const json = await call(s.baseUrl, 'get', '/staff/reporting/ratings', { query, headers: admin, expect: 200 });
    assert.equal(json.body.count, 4);
    for (const record of json.body.records) assert.ok(validRecord(record), ajv.errorsText(validRecord.errors));
    assert.equal(json.text.includes('13890261234'), false, 'no phone number is exported');
    const csv = await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
      query: { ...query, format: 'csv' },
      headers: admin,
      expect: 200,
    });
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    // The bytes as sent (fetch's text() would drop the byte order mark that spreadsheet programs need).
    const raw = await fetch(`${s.baseUrl}/api/v1/staff/reporting/ratings?from=2026-11-01&to=2026-11-05&format=csv`, {
      headers: admin,
    });
    const bytes = Buffer.from(await raw.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
    const [gotJson, gotCsv] = [
      `${JSON.stringify(JSON.parse(fixedIds(json.text)), null, 2)}\n`,
      fixedIds(bytes.toString('utf8')),
    ];
    if (update) {
      writeFileSync(fixture('national-ratings.expected.json'), gotJson);
      writeFileSync(fixture('national-ratings.expected.csv'), gotCsv);
    }
    assert.deepEqual(JSON.parse(gotJson), JSON.parse(readFileSync(fixture('national-ratings.expected.json'), 'utf8')));
    assert.equal(gotCsv, readFileSync(fixture('national-ratings.expected.csv'), 'utf8'));
    assert.ok(
      gotCsv.includes(`"'=HYPERLINK(""http://example.com"",""点我""),\n材料交了两次"`),
      'a formula is defused, quotes doubled',
    );

    // A hall's admin exports their hall only; others are refused; each export is logged.
    const ours = await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
      query: { ...query, hall: HALL },
      headers: await token(s, ['hall-admin'], [HALL]),
      expect: 200,
    });
    assert.equal(ours.body.count, 3, 'not the rating that names no hall');
    assertProblem(
      await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
        query,
        headers: await token(s, ['hall-admin'], [HALL]),
      }),
      403,
      'forbidden',
    );
    assertProblem(
      await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
        query: { ...query, hall: HALL },
        headers: await token(s, ['hall-admin'], [OTHER]),
      }),
      403,
      'forbidden',
    );
    assertProblem(
      await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
        query,
        headers: await token(s, ['rating-officer'], '*'),
      }),
      403,
      'forbidden',
    );
    assertProblem(await call(s.baseUrl, 'get', '/staff/reporting/ratings', { query }), 401, 'unauthorized');
    assertProblem(
      await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
        query: { from: '2026-11-05', to: '2026-11-01' },
        headers: admin,
      }),
      422,
      'validation',
      '/to',
    );
    assertProblem(
      await call(s.baseUrl, 'get', '/staff/reporting/ratings', {
        query: { from: '2026-02-30', to: '2026-03-01' },
        headers: admin,
      }),
      422,
      'validation',
      '/from',
    );
    const { rows } = await s.ref.db.query<{ hall_id: string }>(
      `SELECT hall_id FROM audit_log WHERE action = 'report.export' ORDER BY id`,
    );
    assert.deepEqual(
      rows.map((r) => r.hall_id),
      ['*', '*', '*', HALL],
    );
  });

  it('publishes figures per hall, department and month, leaving out annulled ratings and hiding small groups', async () => {
    const byHall = await call(s.baseUrl, 'get', '/ratings/figures', { query: { by: 'hall' }, expect: 200 });
    const hall = byHall.body.rows.find((r: { key: string }) => r.key === HALL);
    // In the hall: 3 good (levels 4, 5, 5) and the closed 差评; the annulled one left out.
    assert.deepEqual(
      [hall.ratings, hall.bad, hall.goodRate, hall.rectificationRate, hall.revisitRate, hall.onTimeRate],
      [null, null, null, null, null, null],
      'four ratings are fewer than the minimum',
    );
    assert.equal(hall.suppressed, true);
    // Four more good ratings make the hall's figures public.
    for (let i = 0; i < 4; i += 1) {
      clock.advance(60_000);
      await rate(s, `GA20261106${String(10 + i)}`, {});
    }
    const again = (await call(s.baseUrl, 'get', '/ratings/figures', { query: { by: 'hall', hall: HALL }, expect: 200 }))
      .body;
    assert.deepEqual(
      again.rows.map((r: { key: string }) => r.key),
      [HALL],
    );
    const row = again.rows[0];
    assert.deepEqual(
      [row.suppressed, row.ratings, row.bad, row.goodRate, row.rectificationRate, row.revisitRate, row.onTimeRate],
      [false, 8, 1, 0.875, 1, 1, 1],
    );
    const months = (
      await call(s.baseUrl, 'get', '/ratings/figures', {
        query: { by: 'month', from: '2026-11-01', to: '2026-11-30' },
        expect: 200,
      })
    ).body;
    assert.deepEqual(
      months.rows.map((r: { key: string; label: string; ratings: number }) => [r.key, r.label, r.ratings]),
      [['2026-11', '2026年11月', 8]],
    );
    const departments = (await call(s.baseUrl, 'get', '/ratings/figures', { query: { by: 'department' }, expect: 200 }))
      .body;
    const assigned = departments.rows.find((r: { key: string }) => r.key === '区人社局');
    assert.equal(assigned.suppressed, true, 'a department with one rating shows no numbers');
    assertProblem(await call(s.baseUrl, 'get', '/ratings/figures', { query: { by: 'staff' } }), 422, 'validation');
  });
});

describe(`the push to the provincial platform (${storage})`, () => {
  it('delivers each rating once through timeouts, outages and lost answers, and gives up on a refused record', async () => {
    clock.advance(86_400_000);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      await rate(s, `GA-PUSH-${i}`, { level: i % 2 ? 2 : 5, reasons: i % 2 ? ['213'] : ['517'] });
    }
    clock.advance(60_000);
    const refused = (await rate(s, 'GA-REFUSED', {})).id;
    // Every rating of this file was queued when it was given.
    const ids = (await s.ref.db.query<{ id: string }>('SELECT id FROM ratings WHERE id <> $1', [refused])).rows.map(
      (r) => r.id,
    );
    const push = s.ref.provincialPush!;
    for (let round = 0; round < 12; round += 1) {
      await push.runOnce();
      if ((await push.status()).pending === 0) break;
      clock.advance(3600_000); // past any backoff
    }
    assert.deepEqual(await push.status(), { pending: 0, delivered: ids.length, failed: 1 });
    assert.deepEqual([...province.stored.keys()].sort(), [...ids].sort(), 'every rating arrived, keyed by its id');
    assert.ok(province.requests.length > ids.length + 1, 'failures were retried');
    assert.deepEqual(province.afterAck, [], 'nothing is sent again once the platform confirmed it');
    assert.equal(province.requests.filter((k) => k === refused).length, 1, 'a refused record is not retried');
    assert.deepEqual([...province.auth], ['Bearer province-secret']);
    for (const record of province.stored.values()) assert.ok(validRecord(record), ajv.errorsText(validRecord.errors));
    // Nothing delivered is sent again.
    const sent = province.requests.length;
    clock.advance(86_400_000);
    await push.runOnce();
    assert.equal(province.requests.length, sent);
    const status = await call(s.baseUrl, 'get', '/staff/reporting/provincial-push', {
      headers: await token(s, ['hall-admin'], '*'),
      expect: 200,
    });
    assert.deepEqual(status.body, { configured: true, pending: 0, delivered: ids.length, failed: 1 });
  });
});
