import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertSchema, call as send, type Checked } from './responses.ts';
import { SseClient, type SseFrame } from './sse-client.ts';

export interface ContractOptions {
  /** Makes the server change something now (the reference server ticks its simulator); foreign servers omit it. */
  triggerPatch?: () => void | Promise<void>;
  /** How long to wait for a live patch or heartbeat on the event stream. */
  patchTimeoutMs?: number;
  /**
   * The case id a resident of that server would be given for a case number: signed by the issuing system where
   * the server verifies case ids (the reference server does). Defaults to the bare number.
   */
  caseId?: (caseNumber: string) => string;
}

/** Unique per run, so the suite can be pointed at a shared backend again and again. */
const runId = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
const newKey = () => `ct-${randomUUID()}`;
const caseNumber = (label: string) => `CT-${runId}-${label}`.slice(0, 64);

const HAN = /\p{Script=Han}/gu;

/**
 * A request that waits out a per-minute limit and tries again: this suite makes more requests from one address in
 * a minute than a server may allow one client (the reference server does limit online take and ratings), and
 * what it checks is the answer, not the limit. A daily limit, or a wait of over a minute, is returned as it is.
 */
const call: typeof send = async (baseUrl, method, template, init = {}) => {
  const { expect, ...rest } = init;
  for (let tries = 0; ; tries += 1) {
    const res: Checked<any> = await send(baseUrl, method, template, rest);
    const wait = Number(res.headers.get('retry-after'));
    if (res.status === 429 && res.body?.limit?.per === 'minute' && wait > 0 && wait <= 60 && tries < 3) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    if (expect !== undefined) {
      const expected = Array.isArray(expect) ? expect : [expect];
      assert.ok(expected.includes(res.status), `${method.toUpperCase()} ${template} → ${res.status}, expected ${expected.join(' or ')}: ${res.text.slice(0, 500)}`);
    }
    return res;
  }
};

/**
 * The API contract, over real HTTP, against any server: every JSON body (errors included) is validated against
 * api/openapi.yaml, and the behaviours the spec promises — ETags, SSE framing and resume, idempotency, problem
 * details with pointers — are exercised. Mutating tests use fresh case ids and keys.
 */
export function runContract(baseUrl: string, options: ContractOptions = {}): void {
  const patchTimeoutMs = options.patchTimeoutMs ?? 35_000;
  const newCase = (label: string) => (options.caseId ?? ((n: string) => n))(caseNumber(label));
  const url = (path: string) => new URL(`/api/v1${path}`, baseUrl).toString();
  let hallId = '';

  describe('contract: system', () => {
    it('GET /health answers ok', async () => {
      const res = await call(baseUrl, 'get', '/health', { expect: 200 });
      assert.equal(res.body.status, 'ok');
    });

    it('an unknown path is a 404 problem', async () => {
      const res = await call(baseUrl, 'get', '/no-such-thing', { expect: 404 });
      assertProblem(res, 404, 'not-found');
    });

    it('an unsupported method is a 405 problem', async () => {
      const res = await call(baseUrl, 'delete', '/halls', { expect: 405 });
      assertProblem(res, 405, 'method-not-allowed');
    });

    it('answers a CORS preflight with the allowed methods and headers', async () => {
      const res = await fetch(url('/ratings'), {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://portal.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, idempotency-key',
        },
      });
      assert.ok(res.status === 204 || res.status === 200, `preflight status ${res.status}`);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const methods = (res.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      for (const m of ['GET', 'POST']) assert.ok(methods.includes(m), `allow-methods lacks ${m}: ${methods}`);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const h of ['content-type', 'idempotency-key', 'if-none-match', 'last-event-id', 'accept-language']) {
        assert.ok(allowed.includes(h), `allow-headers lacks ${h}: ${allowed}`);
      }
    });

    it('exposes ETag, Retry-After and Idempotent-Replayed to browser code', async () => {
      const res = await fetch(url('/health'), { headers: { Origin: 'https://portal.example' } });
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const h of ['etag', 'retry-after', 'idempotent-replayed']) assert.ok(exposed.includes(h), `expose lacks ${h}`);
    });
  });

  describe('contract: queue', () => {
    before(async () => {
      const res = await call(baseUrl, 'get', '/halls', { expect: 200 });
      assert.ok(res.body.halls.length > 0, 'at least one hall');
      hallId = res.body.halls[0].id;
    });

    it('GET snapshot has an ETag and answers If-None-Match with 304', async () => {
      const first = await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId }, expect: 200 });
      const etag = first.headers.get('etag');
      assert.ok(etag, 'snapshot ETag');
      const again = await call(baseUrl, 'get', '/halls/{hallId}/snapshot', {
        path: { hallId },
        headers: { 'If-None-Match': etag },
        expect: [200, 304],
      });
      // A live hall may have moved on in between; then the tag must have changed with it.
      if (again.status === 200) assert.notEqual(again.headers.get('etag'), etag);
      const star = await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId }, headers: { 'If-None-Match': '*' } });
      assert.equal(star.status, 304, 'If-None-Match: * matches any current representation');
    });

    it('unknown halls, tickets and numbers are 404 problems', async () => {
      for (const template of ['/halls/{hallId}/snapshot', '/halls/{hallId}/forecast', '/halls/{hallId}/events']) {
        const res = await call(baseUrl, 'get', template, { path: { hallId: 'no-such-hall' }, expect: 404 });
        assertProblem(res, 404, 'not-found');
      }
      for (const number of ['Z999', 'not-a-number']) {
        const res = await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId, number }, expect: 404 });
        assertProblem(res, 404, 'not-found');
      }
    });

    it('GET forecast lists opening hours in order', async () => {
      const res = await call(baseUrl, 'get', '/halls/{hallId}/forecast', { path: { hallId }, expect: 200 });
      const hours = res.body.hours.map((h: { hour: number }) => h.hour);
      assert.deepEqual(hours, [...hours].sort((a: number, b: number) => a - b));
      assert.equal(res.body.hallId, hallId);
    });

    describe('event stream', () => {
      let stream: SseClient;
      let snapshotVersion = 0;
      after(() => stream?.close());

      it('starts with retry: 3000 and a snapshot whose id is its version', async () => {
        stream = await SseClient.open(url(`/halls/${hallId}/events`));
        assert.equal(stream.response.status, 200);
        assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.equal(stream.response.headers.get('access-control-allow-origin'), '*');
        assert.match(stream.response.headers.get('cache-control') ?? '', /no-cache/);
        let retry: number | undefined;
        const first = await stream.nextEvent(10_000, (f) => {
          retry ??= f.retry;
        });
        assert.equal(retry, 3000, 'retry: 3000 comes first');
        assert.ok(first, 'a snapshot event');
        assert.equal(first.event, 'snapshot');
        const snapshot = JSON.parse(first.data!);
        assertSchema('HallSnapshot', snapshot);
        assert.equal(snapshot.hallId, hallId);
        assert.equal(first.id, String(snapshot.version));
        snapshotVersion = snapshot.version;
      });

      it('sends patches with increasing versions, and heartbeats', async (t) => {
        await options.triggerPatch?.();
        let heartbeat = false;
        let patch: SseFrame | null = null;
        const deadline = Date.now() + patchTimeoutMs;
        while (!patch && Date.now() < deadline) {
          const frame = await stream.nextEvent(deadline - Date.now(), (f) => {
            if (f.comment === 'hb') heartbeat = true;
          });
          if (frame?.event === 'patch') patch = frame;
          else if (frame?.event === 'snapshot') snapshotVersion = JSON.parse(frame.data!).version;
        }
        if (!patch) {
          assert.ok(heartbeat, `neither a patch nor a heartbeat within ${patchTimeoutMs} ms`);
          t.skip('the hall did not change while we listened (only heartbeats arrived)');
          return;
        }
        const data = JSON.parse(patch.data!);
        assertSchema('HallPatch', data);
        assert.equal(patch.id, String(data.version));
        assert.ok(data.version > snapshotVersion, 'a patch is newer than the snapshot');
      });

      it('resumes from Last-Event-ID without repeating what the client has', async () => {
        for (const how of ['header', 'query'] as const) {
          const resumed =
            how === 'header'
              ? await SseClient.open(url(`/halls/${hallId}/events`), { 'Last-Event-ID': String(snapshotVersion) })
              : await SseClient.open(url(`/halls/${hallId}/events?lastEventId=${snapshotVersion}`));
          try {
            await options.triggerPatch?.();
            // Nothing may be pending at all, which is also right; so the wait is short.
            const frame = await resumed.nextEvent(Math.min(patchTimeoutMs, 5_000));
            if (!frame) continue; // nothing new happened: nothing to replay, which is right
            const data = JSON.parse(frame.data!);
            if (frame.event === 'patch') {
              assertSchema('HallPatch', data);
              assert.ok(data.version > snapshotVersion, `${how}: replays only newer patches`);
            } else {
              assert.equal(frame.event, 'snapshot');
              assertSchema('HallSnapshot', data);
            }
          } finally {
            resumed.close();
          }
        }
      });

      it('answers a malformed Last-Event-ID with a fresh snapshot, not an error', async () => {
        const fresh = await SseClient.open(url(`/halls/${hallId}/events`), { 'Last-Event-ID': 'not-a-version' });
        try {
          assert.equal(fresh.response.status, 200);
          const frame = await fresh.nextEvent(10_000);
          assert.equal(frame?.event, 'snapshot');
        } finally {
          fresh.close();
        }
      });
    });

    describe('online tickets', () => {
      const key = newKey();
      let categoryId = '';
      let otherCategory = '';
      let number = '';
      let closed = false;

      before(async () => {
        const snap = await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId }, expect: 200 });
        categoryId = snap.body.categories[0].id;
        otherCategory = snap.body.categories[1]?.id ?? categoryId;
      });

      it('needs a well-formed Idempotency-Key', async () => {
        const missing = await call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId }, body: { categoryId } });
        assertProblem(missing, 400, 'idempotency-key-missing');
        const short = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
          path: { hallId },
          headers: { 'Idempotency-Key': 'short' },
          body: { categoryId },
        });
        assertProblem(short, 400, 'idempotency-key-missing');
      });

      it('refuses bodies that are not JSON, too large, or invalid', async () => {
        const post = (init: Parameters<typeof call>[3]) =>
          call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId }, ...init, headers: { 'Idempotency-Key': newKey(), ...init?.headers } });
        assertProblem(await post({ rawBody: '{"categoryId":', headers: { 'Content-Type': 'application/json' } }), 400, 'malformed-json');
        assertProblem(await post({ rawBody: 'categoryId=A', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
        assertProblem(await post({ body: { categoryId, padding: 'x'.repeat(300_000) } }), 413, 'payload-too-large');
        assertProblem(await post({ body: { categoryId: 'NO-SUCH' } }), 422, 'validation', '/categoryId');
        assertProblem(await post({ body: {} }), 422, 'validation', '/categoryId');
        assertProblem(await post({ body: { categoryId, extra: 1 } }), 422, 'validation', '/extra');
      });

      it('issues a ticket once per key, and replays it', async (t) => {
        const first = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
          path: { hallId },
          headers: { 'Idempotency-Key': key },
          body: { categoryId },
          expect: [201, 409],
        });
        if (first.status === 409) {
          assert.match(first.body.type, /:(hall-closed|quota-exhausted)$/);
          closed = true;
          t.skip(`no ticket can be taken now (${first.body.type})`);
          return;
        }
        assert.equal(first.body.online, true);
        assert.equal(first.body.categoryId, categoryId);
        number = first.body.number;
        const replay = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
          path: { hallId },
          headers: { 'Idempotency-Key': key },
          body: { categoryId },
          expect: 200,
        });
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.equal(replay.body.number, number, 'the same ticket');
      });

      it('refuses the same key with a different body', async (t) => {
        if (closed) return t.skip('no ticket was issued');
        const res = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
          path: { hallId },
          headers: { 'Idempotency-Key': key },
          body: { categoryId: otherCategory === categoryId ? 'ZZ' : otherCategory },
        });
        assertProblem(res, 422, otherCategory === categoryId ? 'validation' : 'idempotency-key-reuse');
      });

      it('looks the ticket up by number', async (t) => {
        if (closed) return t.skip('no ticket was issued');
        const res = await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId, number }, expect: 200 });
        assert.equal(res.body.number, number);
        assert.equal(res.body.online, true);
        if (res.body.status === 'waiting') assert.equal(res.body.window, null);
      });
    });
  });

  describe('contract: services', () => {
    let code = '';

    it('GET catalogue is cacheable and self-consistent', async () => {
      const res = await call(baseUrl, 'get', '/services/catalogue', { expect: 200 });
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
      const etag = res.headers.get('etag');
      assert.ok(etag, 'catalogue ETag');
      const cat = res.body;
      assert.equal(cat.count, cat.items.length);
      assert.equal(cat.illustrative, true);
      for (const item of cat.items) {
        assert.ok(item.dept < cat.departments.length, `${item.code}: dept index in range`);
        assert.ok(String(item.type) in cat.types, `${item.code}: type ${item.type} is named in types`);
        const han = item.name.match(HAN) ?? [];
        const syllables = item.pinyin === '' ? [] : item.pinyin.split(' ');
        assert.equal(syllables.length, han.length, `${item.name}: one syllable per Han character`);
        assert.equal(item.initials, syllables.map((s: string) => s[0]).join(''), `${item.name}: initials`);
        for (const ch of [item.name, ...item.aliases].join('').match(HAN) ?? []) {
          assert.ok(cat.charPinyin[ch]?.length, `charPinyin lacks ${ch}`);
        }
      }
      code = cat.items[0].code;
      const again = await call(baseUrl, 'get', '/services/catalogue', { headers: { 'If-None-Match': etag }, expect: 304 });
      assert.equal(again.headers.get('etag'), etag);
    });

    it('GET search pages results and validates its parameters', async () => {
      const all = await call(baseUrl, 'get', '/services/search', { query: { pageSize: 5 }, expect: 200 });
      assert.equal(all.body.q, '');
      assert.ok(all.body.total >= all.body.items.length);
      assert.ok(all.body.items.length <= 5);
      const q = all.body.items[0].name.slice(0, 2);
      const hit = await call(baseUrl, 'get', '/services/search', { query: { q: `  ${q} ` }, expect: 200 });
      assert.equal(hit.body.q, q, 'q is trimmed');
      assert.ok(hit.body.total > 0, `something matches ${q}`);
      const past = await call(baseUrl, 'get', '/services/search', { query: { q, page: 9999 }, expect: 200 });
      assert.deepEqual(past.body.items, []);
      const online = await call(baseUrl, 'get', '/services/search', { query: { fullyOnline: true, visits: 0, pageSize: 50 }, expect: 200 });
      for (const item of online.body.items) {
        assert.equal(item.fullyOnline, true);
        assert.equal(item.visits, 0);
      }
      for (const [name, value] of [['pageSize', 101], ['pageSize', 0], ['page', 0], ['fullyOnline', 'maybe'], ['visits', 9], ['type', 99], ['crossRegion', 'moon']] as const) {
        const res = await call(baseUrl, 'get', '/services/search', { query: { [name]: value } });
        assertProblem(res, 422, 'validation', `/${name}`);
      }
    });

    it('GET a service guide by code, 404 for an unknown one', async () => {
      const res = await call(baseUrl, 'get', '/services/{code}', { path: { code }, expect: 200 });
      assert.equal(res.body.code, code);
      if (res.body.fullyOnline) assert.ok(res.body.onlineUrl);
      const missing = await call(baseUrl, 'get', '/services/{code}', { path: { code: 'NO-SUCH-ITEM-0000' }, expect: 404 });
      assertProblem(missing, 404, 'not-found');
    });
  });

  describe('contract: ratings', () => {
    let reasons: { level: number; bad: boolean; reasons: { code: string }[] }[] = [];
    const reasonOf = (level: number) => reasons.find((l) => l.level === level)!.reasons[0]!.code;
    const rate = (body: unknown, key: string | null = newKey(), headers: Record<string, string> = {}) =>
      call(baseUrl, 'post', '/ratings', { body, headers: { ...(key ? { 'Idempotency-Key': key } : {}), ...headers } });

    it('GET reasons lists five levels whose reason codes start with the level', async () => {
      const res = await call(baseUrl, 'get', '/ratings/reasons', { expect: 200 });
      reasons = res.body.levels;
      assert.deepEqual(reasons.map((l) => l.level), [5, 4, 3, 2, 1]);
      for (const l of reasons) {
        assert.equal(l.bad, l.level <= 2);
        for (const r of l.reasons) assert.equal(r.code[0], String(l.level));
      }
    });

    it('records a rating once per key and replays the receipt', async () => {
      const key = newKey();
      const body = { caseId: newCase('good'), channel: 'pc', level: 5, reasons: [reasonOf(5)], comment: '办理很快' };
      const first = await rate(body, key);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.body.bad, false);
      assert.equal(first.body.trackingCode, null);
      assert.equal(first.body.followUp, null);
      const replay = await rate({ ...body }, key);
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, first.body);
      assertProblem(await rate({ ...body, level: 4, reasons: [reasonOf(4)] }, key), 422, 'idempotency-key-reuse');
      const again = await rate({ ...body, level: 3, reasons: [] });
      assertProblem(again, 409, 'already-rated');
      assert.equal(again.body.existing.level, 5);
    });

    it('concurrent retries with one key record one rating', async () => {
      const key = newKey();
      const body = { caseId: newCase('race'), channel: 'mobile', level: 4, reasons: [] };
      const results = await Promise.all([1, 2, 3, 4].map(() => rate(body, key)));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 201], `statuses ${statuses}`);
      assert.equal(new Set(results.map((r) => r.body.id)).size, 1, 'one receipt');
    });

    it('gives a bad rating a tracking code and a follow-up that its case id opens', async () => {
      const caseId = newCase('bad');
      const res = await rate({ caseId, channel: 'hall', level: 1, reasons: [reasonOf(1)], phone: '13890261234', contactConsent: true });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.bad, true);
      assert.ok(res.body.followUp.dueBy > res.body.createdAt.slice(0, 10));
      const lookUp = (trackingCode: string, query: Record<string, string>) =>
        call(baseUrl, 'get', '/ratings/follow-up/{trackingCode}', { path: { trackingCode }, query });
      for (const given of [caseId, res.body.caseId]) {
        const followUp = await lookUp(res.body.trackingCode, { case: given });
        assert.equal(followUp.status, 200, `with case ${given}: ${followUp.text}`);
        assert.equal(followUp.body.trackingCode, res.body.trackingCode);
        assert.equal(followUp.body.history[0].status, 'received');
        assert.equal(followUp.body.dueBy, res.body.followUp.dueBy);
      }
      assertProblem(await lookUp(res.body.trackingCode, {}), 422, 'validation', '/case');
      // Another case's number, or an unknown code, opens nothing, and the two answers cannot be told apart.
      const otherCase = await lookUp(res.body.trackingCode, { case: caseNumber('not-this-one') });
      const unknown = await lookUp('HC20000101-ZZZZ-ZZZZ-ZZZZ-ZZZZ', { case: caseId });
      assertProblem(otherCase, 404, 'not-found');
      assertProblem(unknown, 404, 'not-found');
      assert.equal(otherCase.body.detail, unknown.body.detail);
    });

    it('refuses invalid ratings with pointers to the fields', async () => {
      const base = { caseId: newCase('invalid'), channel: 'pc', level: 4, reasons: [] as string[] };
      assertProblem(await rate({ ...base, level: 2, reasons: [] }), 422, 'validation', '/reasons');
      assertProblem(await rate({ ...base, level: 2, reasons: [reasonOf(5)] }), 422, 'validation', '/reasons/0');
      assertProblem(await rate({ ...base, phone: '13890261234' }), 422, 'validation', '/contactConsent');
      assertProblem(await rate({ ...base, phone: '13890261234', contactConsent: false }), 422, 'validation', '/contactConsent');
      assertProblem(await rate({ ...base, level: 6 }), 422, 'validation', '/level');
      assertProblem(await rate({ ...base, comment: '差'.repeat(501) }), 422, 'validation', '/comment');
      assertProblem(await rate({ ...base, caseId: 'bad id!' }), 422, 'validation', '/caseId');
      assertProblem(await rate({ ...base, channel: 'fax' }), 422, 'validation', '/channel');
      assertProblem(await rate({ ...base, surprise: true }), 422, 'validation', '/surprise');
      const { channel: _c, ...noChannel } = base;
      assertProblem(await rate(noChannel), 422, 'validation', '/channel');
    });

    it('refuses a missing key, malformed JSON, other media types and oversized bodies', async () => {
      const body = { caseId: newCase('http'), channel: 'pc', level: 5, reasons: [] };
      assertProblem(await rate(body, null), 400, 'idempotency-key-missing');
      const raw = (rawBody: string, contentType: string) =>
        call(baseUrl, 'post', '/ratings', { rawBody, headers: { 'Content-Type': contentType, 'Idempotency-Key': newKey() } });
      assertProblem(await raw('{"caseId": "x", ', 'application/json'), 400, 'malformed-json');
      assertProblem(await raw('caseId=x', 'text/plain'), 415, 'unsupported-media-type');
      assertProblem(await rate({ ...body, comment: '长'.repeat(100_000) }), 413, 'payload-too-large');
    });

    it('GET summary counts by level and validates its filters', async () => {
      const res = await call(baseUrl, 'get', '/ratings/summary', { expect: 200 });
      const { byLevel, count, goodRate } = res.body;
      assert.equal(count, [1, 2, 3, 4, 5].reduce((n, l) => n + byLevel[l], 0));
      if (count > 0) assert.ok(Math.abs(goodRate - (byLevel[3] + byLevel[4] + byLevel[5]) / count) < 0.001);
      const empty = await call(baseUrl, 'get', '/ratings/summary', { query: { service: `NONE-${runId}` }, expect: 200 });
      assert.equal(empty.body.count, 0);
      assert.equal(empty.body.goodRate, null);
      assert.equal(empty.body.scope.service, `NONE-${runId}`);
      assertProblem(await call(baseUrl, 'get', '/ratings/summary', { query: { hall: 'Not A Hall!' } }), 422, 'validation', '/hall');
    });
  });
}
