import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { canonicalJson } from '../../api/server/hash.ts';
import { newDataKey, PersonalData } from '../../api/server/personal-data.ts';
import { signed, startLocal, storage, testClock, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const PHONE = '13890261234';
const dataKey = newDataKey();

/** A staff token from the server's development issuer. */
async function token(server: LocalServer, roles: string[], halls: string[] | '*'): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/dev-issuer/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, sub: `officer-${roles.join('+')}` }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const rate = (server: LocalServer, body: Record<string, unknown>, key = `pd-${randomUUID()}`) =>
  call(server.baseUrl, 'post', '/ratings', {
    headers: { 'Idempotency-Key': key },
    body: { caseId: signed(`PD-${randomUUID().slice(0, 12)}`), channel: 'hall', level: 1, reasons: ['113'], hallId: HALL, ...body },
  });

const contactOf = (server: LocalServer, ratingId: string, headers: Record<string, string>) =>
  call(server.baseUrl, 'get', '/staff/ratings/{ratingId}/contact', { path: { ratingId }, headers });

describe(`a resident's phone number (${storage})`, () => {
  const clock = testClock('2026-11-23T10:00:00+08:00');
  const dirs: string[] = [];
  let server: LocalServer | undefined;
  let dataDir = '';
  const restart = async () => {
    await server?.stop();
    server = await startLocal({ dataDir, now: clock.now, dataKeys: [dataKey], personalDataDays: 30 });
    return server;
  };
  after(async () => {
    await server?.stop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is stored encrypted, bound to its rating, and out of the stored request hash', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zw-pd-'));
    dirs.push(dataDir);
    const s = await restart();
    const key = `pd-${randomUUID()}`;
    const body = { caseId: signed(`PD-${randomUUID().slice(0, 12)}`), channel: 'hall', level: 1, reasons: ['113'], hallId: HALL, phone: PHONE, contactConsent: true };
    const first = await call(s.baseUrl, 'post', '/ratings', { headers: { 'Idempotency-Key': key }, body, expect: 201 });
    assert.equal(JSON.stringify(first.body).includes(PHONE), false, 'the receipt does not carry it');
    const { rows } = await s.ref.db.query<{ id: string; phone: string; request_hash: string }>('SELECT id, phone, request_hash FROM ratings WHERE id = $1', [first.body.id]);
    const row = rows[0]!;
    assert.match(row.phone, /^zwpd1\./);
    const dump = JSON.stringify((await s.ref.db.query('SELECT * FROM ratings')).rows);
    assert.equal(dump.includes(PHONE), false, 'the number appears nowhere in the table');
    const plainHash = createHash('sha256').update(canonicalJson({ op: 'submitRating', body })).digest('hex');
    assert.notEqual(row.request_hash, plainHash, 'a plain hash of the body could be matched against guessed numbers');
    // The sealed value opens with the key for its own row only.
    const data = new PersonalData([dataKey]);
    assert.equal(data.open(row.phone, row.id), PHONE);
    assert.throws(() => data.open(row.phone, randomUUID()), 'bound to its row');
    assert.throws(() => new PersonalData([newDataKey()]).open(row.phone, row.id), 'another key does not open it');
    // A retry with the same key and body is still recognised as the same request.
    const again = await call(s.baseUrl, 'post', '/ratings', { headers: { 'Idempotency-Key': key }, body, expect: 200 });
    assert.equal(again.body.id, first.body.id);
  });

  it("is shown only to the rating officer of the rating's hall, and each opening is logged", async () => {
    const s = server!;
    const rated = await rate(s, { phone: PHONE, contactConsent: true });
    assert.equal(rated.status, 201, rated.text);
    const id = rated.body.id as string;
    assertProblem(await contactOf(s, id, {}), 401, 'unauthorized');
    for (const [roles, halls] of [
      [['window-staff'], [HALL]],
      [['hall-admin'], '*'],
      [['rating-officer'], [OTHER]],
    ] as [string[], string[] | '*'][]) {
      assertProblem(await contactOf(s, id, { Authorization: `Bearer ${await token(s, roles, halls)}` }), 403, 'forbidden');
    }
    assert.equal((await s.ref.db.query(`SELECT 1 FROM audit_log WHERE action = 'contact.read'`)).rows.length, 0, 'no refusal is logged as a reading');
    const officer = { Authorization: `Bearer ${await token(s, ['rating-officer'], [HALL])}` };
    const list = await call(s.baseUrl, 'get', '/staff/halls/{hallId}/follow-ups', { path: { hallId: HALL }, headers: officer, expect: 200 });
    const item = list.body.items.find((i: { ratingId: string }) => i.ratingId === id);
    assert.equal(item.hasContact, true);
    assert.equal(JSON.stringify(list.body).includes(PHONE), false, 'the list never carries the number');
    const contact = await contactOf(s, id, officer);
    assert.equal(contact.status, 200, contact.text);
    assert.equal(contact.body.phone, PHONE);
    assert.equal(contact.body.deleteOn, '2026-12-23', 'thirty days after the rating');
    assert.equal(contact.headers.get('cache-control'), 'no-store');
    const { rows } = await s.ref.db.query<{ sub: string; role: string; target: string; hall_id: string }>(
      `SELECT sub, role, target, hall_id FROM audit_log WHERE action = 'contact.read'`,
    );
    assert.deepEqual(rows, [{ sub: 'officer-rating-officer', role: 'rating-officer', target: id, hall_id: HALL }]);
    // A rating that names no hall is the district's.
    const districtWide = await rate(s, { hallId: undefined, phone: PHONE, contactConsent: true });
    assertProblem(await contactOf(s, districtWide.body.id, officer), 403, 'forbidden');
    const everywhere = { Authorization: `Bearer ${await token(s, ['rating-officer'], '*')}` };
    assert.equal((await contactOf(s, districtWide.body.id, everywhere)).body.phone, PHONE);
    // No number left: 404, as for an unknown rating.
    const none = await rate(s, { contactConsent: false });
    assertProblem(await contactOf(s, none.body.id, officer), 404, 'not-found');
    assertProblem(await contactOf(s, randomUUID(), officer), 404, 'not-found');
  });

  it('is deleted after the retention period, and a number an older server kept in plain text is sealed', async () => {
    let s = server!;
    const kept = await rate(s, { phone: PHONE, contactConsent: true });
    clock.advance(29 * 86_400_000);
    const later = await rate(s, { phone: '13900002222', contactConsent: true });
    // As a server before encryption would have left it.
    await s.ref.db.query('UPDATE ratings SET phone = $2 WHERE id = $1', [later.body.id, '13900002222']);
    clock.advance(2 * 86_400_000);
    s = await restart();
    const officer = { Authorization: `Bearer ${await token(s, ['rating-officer'], [HALL])}` };
    assertProblem(await contactOf(s, kept.body.id, officer), 404, 'not-found');
    const { rows } = await s.ref.db.query<{ id: string; phone: string | null }>('SELECT id, phone FROM ratings WHERE id = ANY($1::text[])', [[kept.body.id, later.body.id]]);
    const phones = Object.fromEntries(rows.map((r) => [r.id, r.phone]));
    assert.equal(phones[kept.body.id], null, 'deleted after 30 days');
    assert.match(phones[later.body.id] ?? '', /^zwpd1\./, 'sealed at start');
    assert.equal((await contactOf(s, later.body.id, officer)).body.phone, '13900002222');
    // The rating itself stays (its level counts in the hall's figures), without the number.
    assert.equal((await s.ref.db.query('SELECT 1 FROM ratings WHERE id = $1', [kept.body.id])).rows.length, 1);
  });
});
