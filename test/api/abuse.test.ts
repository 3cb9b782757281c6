import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../api/server/app.ts';
import { DEFAULT_LIMITS } from '../../api/server/http/limits.ts';
import { DEV_CASE_ID_SECRET, signCaseId } from '../../api/server/ratings/case-ids.ts';
import { signed, startLocal, storage, testClock, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

const HALL = 'guangan-zwzx';
const key = () => `ab-${randomUUID()}`;
const caseNumber = (label: string) => `AB-${label}-${randomUUID().slice(0, 8)}`;

// Monday 10:00 in Guang'an: the hall is open.
const MONDAY_10 = '2026-11-23T10:00:00+08:00';

const rate = (server: LocalServer, caseId: string, init: { level?: number; headers?: Record<string, string> } = {}) => {
  const level = init.level ?? 5;
  return call(server.baseUrl, 'post', '/ratings', {
    headers: { 'Idempotency-Key': key(), ...init.headers },
    body: { caseId, channel: 'mobile', level, reasons: level <= 2 ? [`${level}13`] : [] },
  });
};

const take = (server: LocalServer, categoryId: string, headers: Record<string, string> = {}, k = key()) =>
  call(server.baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': k, ...headers }, body: { categoryId } });

describe(`abuse resistance (${storage})`, () => {
  // The limits as a district gets them, on a clock the tests move (a minute on, and per-minute limits start over).
  const clock = testClock(MONDAY_10);
  let server: LocalServer;
  before(async () => {
    server = await startLocal({ now: clock.now, limits: DEFAULT_LIMITS });
  });
  after(() => server?.stop());
  const nextMinute = () => clock.advance(61_000);

  describe('case ids', () => {
    it('takes only case ids signed by the issuing system, and names the case by its number', async () => {
      nextMinute();
      const number = caseNumber('signed');
      const unsigned = await rate(server, number);
      assertProblem(unsigned, 422, 'validation', '/caseId');
      assert.equal(unsigned.body.errors[0].code, 'signature');
      assert.match(unsigned.body.detail, /办件回执|短信|评价器/, 'the resident is told where the rating link is');
      const forged = await rate(server, `${number}.${'A'.repeat(22)}`);
      assertProblem(forged, 422, 'validation', '/caseId');
      const otherSecret = await rate(server, signCaseId(number, 'a-secret-of-another-district'));
      assertProblem(otherSecret, 422, 'validation', '/caseId');
      const ok = await rate(server, signed(number));
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.caseId, number, 'the receipt names the case without the signature');
    });

    it('keeps a resident’s case from being rated first by someone who only knows its number', async () => {
      nextMinute();
      const number = caseNumber('victim');
      // The attacker knows (or guesses) the case number and tries to get in first…
      assertProblem(await rate(server, number, { level: 1 }), 422, 'validation', '/caseId');
      assertProblem(await rate(server, `${number}.forgedsignature0000000`, { level: 1 }), 422, 'validation', '/caseId');
      // …and the resident, with the link from their receipt, rates it as they mean to.
      const resident = await rate(server, signed(number), { level: 4 });
      assert.equal(resident.status, 201, resident.text);
      assert.equal(resident.body.level, 4);
      // A second rating of the case, even correctly signed, is refused as before.
      assertProblem(await rate(server, signed(number), { level: 1 }), 409, 'already-rated');
    });
  });

  describe('tracking codes', () => {
    it('gives bad ratings 80-bit tracking codes and opens a follow-up only with its case', async () => {
      nextMinute();
      const number = caseNumber('code');
      const res = await rate(server, signed(number), { level: 2 });
      assert.equal(res.status, 201, res.text);
      assert.match(res.body.trackingCode, /^HC20261123(-[2-9A-HJ-NP-Z]{4}){4}$/, 'four groups of four from a 32-letter alphabet');
      const codes = new Set<string>([res.body.trackingCode]);
      for (let i = 0; i < 5; i += 1) codes.add((await rate(server, signed(caseNumber('more')), { level: 1 })).body.trackingCode);
      assert.equal(codes.size, 6);
      const lookUp = (query: Record<string, string>) =>
        call(server.baseUrl, 'get', '/ratings/follow-up/{trackingCode}', { path: { trackingCode: res.body.trackingCode }, query });
      assert.equal((await lookUp({ case: number })).status, 200);
      assert.equal((await lookUp({ case: signed(number) })).status, 200);
      assertProblem(await lookUp({}), 422, 'validation', '/case');
      assertProblem(await lookUp({ case: caseNumber('someone-else') }), 404, 'not-found');
    });

    it('limits follow-up lookups per address, found or not', async () => {
      nextMinute();
      const max = DEFAULT_LIMITS.lookupsPerMinute;
      const lookUp = (i: number) =>
        call(server.baseUrl, 'get', '/ratings/follow-up/{trackingCode}', {
          path: { trackingCode: `HC20261123-AAAA-BBBB-CCCC-${String(2222 + i).slice(-4)}` },
          query: { case: 'GUESS' },
          headers: { 'Accept-Language': 'en' },
        });
      for (let i = 0; i < max; i += 1) assert.equal((await lookUp(i)).status, 404);
      const limited = await lookUp(max);
      assertProblem(limited, 429, 'rate-limited');
      assert.deepEqual(limited.body.limit, { scope: 'address', max, per: 'minute' });
      assert.match(limited.body.detail, new RegExp(`at most ${max} follow-ups a minute`));
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
      clock.advance(wait * 1000);
      assert.equal((await lookUp(0)).status, 404, 'allowed again after Retry-After');
    });
  });

  describe('online take', () => {
    it('lets one address take at most its share of a category’s tickets a day, and says so', async () => {
      const share = Math.floor(200 * DEFAULT_LIMITS.takeShare);
      let first = '';
      for (let i = 0; i < share; i += 1) {
        // Spread over time, so that only the daily share is tested here.
        clock.advance(10_000);
        const k = i === 0 ? (first = key()) : key();
        const res = await take(server, 'C', {}, k);
        assert.equal(res.status, 201, `ticket ${i + 1}: ${res.text}`);
      }
      clock.advance(10_000);
      const refused = await take(server, 'C');
      assertProblem(refused, 429, 'rate-limited');
      assert.deepEqual(refused.body.limit, { scope: 'address', max: share, per: 'day' });
      assert.match(refused.body.detail, new RegExp(`不动产登记.*${share} 个.*200 个.*自助取号机`));
      const midnight = Date.parse('2026-11-24T00:00:00+08:00');
      assert.equal(Number(refused.headers.get('retry-after')), Math.ceil((midnight - clock.now().getTime()) / 1000), 'until the next service day');
      // A retry of a ticket already taken is still answered with that ticket.
      const replay = await take(server, 'C', {}, first);
      assert.equal(replay.status, 200);
      // Other categories have their own share; the hall's quota is untouched by the refusals.
      assert.equal((await take(server, 'D')).status, 201);
      const { rows } = await server.ref.db.query<{ issued: number }>(
        `SELECT issued FROM online_quota WHERE hall_id = $1 AND category_id = 'C'`,
        [HALL],
      );
      assert.equal(rows[0]?.issued, share);
    });

    it('limits take requests per address and minute, in the client’s language', async () => {
      nextMinute();
      const max = DEFAULT_LIMITS.takesPerMinute;
      // Invalid requests count too: the limit protects the endpoint.
      for (let i = 0; i < max; i += 1) assertProblem(await take(server, 'NO-SUCH'), 422, 'validation', '/categoryId');
      const limited = await take(server, 'E', { 'Accept-Language': 'en' });
      assertProblem(limited, 429, 'rate-limited');
      assert.equal(limited.headers.get('content-language'), 'en');
      assert.match(limited.body.detail, new RegExp(`at most ${max} tickets a minute; please try again in \\d+ s`));
      assert.deepEqual(limited.body.limit, { scope: 'address', max, per: 'minute' });
    });

    it('limits the tickets one device takes per hall and day', async () => {
      nextMinute();
      const device = { 'Zw-Device-Id': `dev-${randomUUID()}` };
      for (let i = 0; i < DEFAULT_LIMITS.takesPerDevice; i += 1) assert.equal((await take(server, 'F', device)).status, 201);
      const refused = await take(server, 'E', device);
      assertProblem(refused, 429, 'rate-limited');
      assert.deepEqual(refused.body.limit, { scope: 'device', max: DEFAULT_LIMITS.takesPerDevice, per: 'day' });
      assert.match(refused.body.detail, /本设备今日已在广安区政务服务中心取得 3 个线上号/);
      assert.equal((await take(server, 'E', { 'Zw-Device-Id': `dev-${randomUUID()}` })).status, 201, 'another device may');
      assert.equal((await take(server, 'E', { 'Zw-Device-Id': 'bad id' })).status, 201, 'a malformed id is ignored');
    });

    it('counts concurrent requests exactly', async () => {
      nextMinute();
      const max = DEFAULT_LIMITS.takesPerMinute;
      const answers = await Promise.all(Array.from({ length: max + 5 }, () => take(server, 'NO-SUCH')));
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 422).length, max, statuses.join());
      assert.equal(statuses.filter((s) => s === 429).length, 5);
    });
  });

  describe('limits across server processes', () => {
    it('holds one limit for every server on one database', async (t) => {
      if (storage !== 'postgres') return t.skip('in-memory PGlite cannot be shared between servers');
      nextMinute();
      const second = await startLocal({ now: clock.now, limits: DEFAULT_LIMITS, databaseUrl: server.databaseUrl });
      try {
        const max = DEFAULT_LIMITS.ratingsPerMinute;
        const answers = await Promise.all(
          Array.from({ length: max + 6 }, (_, i) => rate(i % 2 ? second : server, signed(caseNumber('pair')))),
        );
        const statuses = answers.map((a) => a.status);
        assert.equal(statuses.filter((s) => s === 201).length, max, statuses.join());
        assert.equal(statuses.filter((s) => s === 429).length, 6);
      } finally {
        await second.stop();
      }
    });
  });

  describe('the address behind a proxy', () => {
    // The proxied servers allow two ratings a minute per client address; which address a request counts against shows.
    const limited = async (server: LocalServer, forwardedFor: string) =>
      (await rate(server, signed(caseNumber('xff')), { headers: { 'X-Forwarded-For': forwardedFor } })).status === 429;
    const servers: LocalServer[] = [];
    after(() => Promise.all(servers.map((s) => s.stop())));
    const serverWith = async (trustProxy: number | string[]) => {
      const s = await startLocal({ now: clock.now, trustProxy, limits: { ...DEFAULT_LIMITS, ratingsPerMinute: 2 } });
      servers.push(s);
      return s;
    };

    it('with one trusted proxy, counts the address that proxy saw, not what the client wrote', async () => {
      nextMinute();
      const s = await serverWith(1);
      // The client rotates the leftmost entry; the proxy appends the real address, 203.0.113.9.
      const results = [];
      for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) results.push(await limited(s, `${spoof}, 203.0.113.9`));
      assert.deepEqual(results, [false, false, true, true]);
      assert.equal(await limited(s, '203.0.113.10'), false, 'another client has its own count');
      // An IPv6 client counts by its /64 network.
      const v6 = [];
      for (const host of ['1', '2', '3']) v6.push(await limited(s, `2001:db8:1:2::${host}`));
      assert.deepEqual(v6, [false, false, true]);
      assert.equal(await limited(s, '2001:db8:1:3::1'), false, 'another /64');
    });

    it('with trusted networks, counts the rightmost address outside them', async () => {
      const s = await serverWith(['127.0.0.0/8', '10.0.0.0/8']);
      const chain = (spoof: string) => `${spoof}, 198.51.100.7, 10.1.2.3`;
      const results = [];
      for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) results.push(await limited(s, chain(spoof)));
      assert.deepEqual(results, [false, false, true]);
      assert.equal(await limited(s, '1.1.1.1, 198.51.100.8, 10.1.2.3'), false);
    });

    it('without a trusted proxy, ignores X-Forwarded-For', async () => {
      nextMinute();
      const max = DEFAULT_LIMITS.ratingsPerMinute;
      const statuses = [];
      for (let i = 0; i <= max; i += 1) {
        statuses.push((await rate(server, signed(caseNumber('direct')), { headers: { 'X-Forwarded-For': `192.0.2.${i}` } })).status);
      }
      assert.equal(statuses.filter((s) => s === 201).length, max);
      assert.equal(statuses[max], 429);
    });
  });

  describe('configuration', () => {
    it('accepts every listed secret while one replaces another, and bare numbers only when told to', async () => {
      const next = 'the-next-secret-of-this-district';
      const s = await startLocal({ caseIdSecrets: [next, DEV_CASE_ID_SECRET], acceptUnsignedCaseIds: true });
      try {
        assert.equal((await rate(s, signCaseId(caseNumber('new'), next))).status, 201);
        assert.equal((await rate(s, signed(caseNumber('old')))).status, 201, 'the old secret still works');
        assert.equal((await rate(s, caseNumber('bare'))).status, 201, 'taken unsigned when told to');
        assertProblem(await rate(s, `${caseNumber('bad')}.${'B'.repeat(22)}`), 422, 'validation', '/caseId');
      } finally {
        await s.stop();
      }
      // (Without acceptUnsignedCaseIds a bare number is refused: see "case ids" above.)
    });

    it('refuses to start with a short case id secret', async () => {
      await assert.rejects(createApp({ caseIdSecrets: ['short'] }), /at least 16 characters/);
    });
  });
});
