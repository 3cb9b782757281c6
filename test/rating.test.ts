import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/rating/index.ts';
import type { ZwRating } from '../src/rating/rating.ts';
import { OUTBOX_STORAGE_KEY, Outbox, pageOutbox, type OutboxEntry, type OutboxOutcome } from '../src/core/outbox.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { RatingInput, RatingReceipt, RatingSummary } from '../src/core/api/types.gen.ts';

// Every test talks to the real reference server on this origin. Each uses its own case number and service code,
// so "exactly one stored rating" is read back from the API (the summary of that service, or a 409 for the case).

const realFetch = window.fetch.bind(window);
const uid = () => Math.random().toString(36).slice(2, 10);
const newCase = () => `T-${uid()}${uid()}`;
const newService = () => `SVC-${uid()}${uid()}`;

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };
/** Wraps fetch at the boundary: records every request, then answers through `via` (the real server by default). */
function spyFetch(via: (input: RequestInfo | URL, init: RequestInit) => Promise<Response> = realFetch) {
  const calls: Call[] = [];
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return via(input, init);
  }) as typeof fetch;
  return calls;
}
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/api/v1/ratings'));
const isPost = (init: RequestInit) => init.method === 'POST';
const networkDown = () => Promise.reject(new TypeError('Failed to fetch'));

async function summary(service: string): Promise<RatingSummary> {
  return (await realFetch(`/api/v1/ratings/summary?service=${service}`)).json();
}
function postRating(body: Record<string, unknown>, key: string = crypto.randomUUID()) {
  return realFetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ channel: 'pc', reasons: [], ...body }),
  });
}
const queued = (): OutboxEntry[] => JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]');

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const message = (el: Element) => $(el, '.msg').textContent!.trim();
const radio = (el: Element, level: number) => $<HTMLInputElement>(el, `input[name=level][value="${level}"]`);
const reasonBoxes = (el: Element) => $$<HTMLInputElement>(el, '.rs input[type=checkbox]');
const submitButton = (el: Element) => $<HTMLButtonElement>(el, 'button[type=submit]');

async function ready(el: ZwRating): Promise<ZwRating> {
  await waitUntil(() => el.shadowRoot!.querySelector('input[name=level]'), 'form rendered');
  return el;
}
async function choose(el: ZwRating, level: number, reasons = 0): Promise<void> {
  radio(el, level).click();
  await waitUntil(() => reasonBoxes(el).length > 0, 'reasons shown', { timeout: 5000 });
  for (const box of reasonBoxes(el).slice(0, reasons)) box.click();
  await el.updateComplete;
}
async function rating(attrs: { caseId?: string; service?: string } = {}): Promise<ZwRating> {
  return ready(
    await fixture<ZwRating>(
      html`<zw-rating
        case=${attrs.caseId ?? newCase()}
        service=${attrs.service ?? newService()}
        channel="pc"
      ></zw-rating>`,
    ),
  );
}
const settled = (el: ZwRating, text: string) =>
  waitUntil(() => message(el) === text, `message "${text}" (now "${message(el)}")`, { timeout: 8000 });

before(async function () {
  this.timeout(60_000); // generous for a slow CI machine; the reference server is built before tests start
  await realFetch('/api/v1/ratings/reasons');
});
beforeEach(() => {
  localStorage.removeItem(OUTBOX_STORAGE_KEY);
  document.documentElement.lang = 'zh-CN';
});
afterEach(() => {
  window.fetch = realFetch;
  pagePrefsStore().reset();
});

describe('<zw-rating> levels and reasons', () => {
  it('offers the five levels as a native radio group, each with text and an icon', async () => {
    const el = await rating();
    const radios = $$<HTMLInputElement>(el, 'input[type=radio]');
    expect(radios.map((r) => r.value)).to.deep.equal(['5', '4', '3', '2', '1']);
    expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
    expect(radios.map((r) => r.closest('label')!.textContent!.replace(/[★☆\s]/g, ''))).to.deep.equal([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect(radios[1].closest('label')!.querySelector('[aria-hidden=true]')!.textContent).to.equal('★★★★☆');
    expect($(el, 'fieldset fieldset legend').textContent).to.equal('您对本次服务满意吗？');
    await expect(el).to.be.accessible();
  });

  it('shows the reasons of the chosen level from the API, and swaps them with the level', async () => {
    const el = await rating();
    expect(reasonBoxes(el)).to.have.length(0);
    const changes: number[] = [];
    el.addEventListener('zw-rating-change', (e) => changes.push(e.detail.level));
    await choose(el, 5);
    expect(reasonBoxes(el).map((b) => b.closest('label')!.textContent!.trim())).to.include('可以全程网上办理');
    expect($(el, '.rs legend').textContent).to.equal('评价原因（选填）');
    await expect(el).to.be.accessible();
    await choose(el, 2);
    const texts = reasonBoxes(el).map((b) => b.closest('label')!.textContent!.trim());
    expect(texts).to.include('在线预约办理后到实体大厅重复取号排队');
    expect(texts).not.to.include('可以全程网上办理');
    expect($(el, '.rs legend').textContent).to.equal('评价原因（至少选一项）');
    expect(changes).to.deep.equal([5, 2]);
    // Setting the level from code is not a resident's choice: no event.
    el.level = 3;
    await el.updateComplete;
    expect(radio(el, 3).checked).to.be.true;
    expect(changes).to.deep.equal([5, 2]);
    await expect(el).to.be.accessible();
  });

  it('moves between levels with the arrow keys', async () => {
    const el = await rating();
    const changes: number[] = [];
    el.addEventListener('zw-rating-change', (e) => changes.push(e.detail.level));
    radio(el, 5).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.level).to.equal(4);
    expect(radio(el, 4).checked).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 4));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.level).to.equal(2);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.level).to.equal(3);
    expect(changes).to.deep.equal([4, 3, 2, 3]);
  });

  it('loads the reasons once for every rating element on the page', async () => {
    const calls = spyFetch();
    const el = await fixture(
      html`<div>
        <zw-rating case=${newCase()} api-base=${location.origin}></zw-rating
        ><zw-rating case=${newCase()} api-base=${location.origin}></zw-rating>
      </div>`,
    );
    const [a, b] = el.querySelectorAll('zw-rating');
    await choose(await ready(a), 4);
    await choose(await ready(b), 3);
    expect(calls.filter((c) => c.url.endsWith('/api/v1/ratings/reasons'))).to.have.length(1);
  });
});

describe('<zw-rating> sending', () => {
  it('cannot send a 差评 without a reason, and says so', async () => {
    const service = newService();
    const el = await rating({ service });
    const calls = spyFetch();
    await choose(el, 2);
    submitButton(el).click();
    await el.updateComplete;
    const alert = $(el, '.rs [role=alert]');
    expect(alert.textContent).to.equal('请至少选择一项原因。');
    expect($(el, '.rs').getAttribute('aria-describedby')).to.equal(alert.id);
    await waitUntil(() => el.shadowRoot!.activeElement === reasonBoxes(el)[0], 'focus on the first reason');
    expect(posts(calls)).to.have.length(0);
    await expect(el).to.be.accessible();

    reasonBoxes(el)[1].click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.rs [role=alert]')).to.equal(null);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect(posts(calls)).to.have.length(1);
    expect(posts(calls)[0].body).to.deep.include({ level: 2, reasons: ['211'], serviceCode: service, channel: 'pc' });
    expect((await summary(service)).byLevel['2']).to.equal(1);
  });

  it('gives a 差评 a tracking code, the next steps and a lookup of its follow-up', async () => {
    const el = await rating();
    const sent = oneEvent(el, 'zw-rating-sent');
    await choose(el, 1, 2);
    submitButton(el).click();
    const { detail } = await sent;
    const receipt: RatingReceipt = detail.receipt;
    await settled(el, '提交成功，感谢您的评价！');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.msg'));
    expect(receipt.trackingCode).to.match(/^HC\d{8}(-[0-9A-Z]{4}){1,4}$/);
    // The receipt is a part of the element fetched the first time a page shows one.
    await waitUntil(() => el.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
    expect($(el, 'dd').textContent).to.equal(receipt.trackingCode);
    expect(el.shadowRoot!.textContent).to.contain(
      `${receipt.followUp!.workingDays} 个工作日内（${receipt.followUp!.dueBy} 前）整改`,
    );
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type=button]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] ol li'), 'follow-up shown');
    expect($(el, '[aria-live]').textContent).to.contain('已受理');
    await expect(el).to.be.accessible();
  });

  it('shows the follow-up of a tracking code given as an attribute, with its case', async () => {
    const caseId = newCase();
    const res = await postRating({ caseId, level: 2, reasons: ['213'] });
    const { trackingCode } = (await res.json()) as RatingReceipt;
    const calls = spyFetch();
    const el = await fixture<ZwRating>(html`<zw-rating tracking-code=${trackingCode!} case=${caseId}></zw-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('dl'), 'follow-up shown', { timeout: 8000 });
    expect($$(el, 'dd').map((d) => d.textContent)).to.deep.include.members([trackingCode, '已受理']);
    // The case is the second factor of the lookup.
    expect(calls.find((c) => c.url.includes('/follow-up/'))!.url).to.match(new RegExp(`\\?case=${caseId}$`));
    await expect(el).to.be.accessible();
    el.trackingCode = 'HC20200101-XXXX';
    await waitUntil(() => !el.shadowRoot!.querySelector('dl'), 'unknown code');
    expect($(el, '[aria-live] p').textContent).to.equal('未找到相关信息。');
    await expect(el).to.be.accessible();
  });

  it('sends a double click once', async () => {
    const service = newService();
    const el = await rating({ service });
    const calls = spyFetch();
    await choose(el, 5, 1);
    const button = submitButton(el);
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settled(el, '提交成功，感谢您的评价！');
    submitButton(el)?.click();
    expect(posts(calls)).to.have.length(1);
    expect((await summary(service)).count).to.equal(1);
  });

  it('says it is sending while the server has not answered', async () => {
    const el = await rating();
    let answer: (r: Response) => void = () => undefined;
    spyFetch((input, init) =>
      isPost(init) ? new Promise<Response>((resolve) => (answer = resolve)) : realFetch(input, init),
    );
    await choose(el, 4);
    submitButton(el).click();
    await el.updateComplete;
    expect(message(el)).to.equal('正在提交…');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.msg'));
    expect(submitButton(el).matches(':disabled')).to.be.true;
    await expect(el).to.be.accessible();
    answer(new Response('{"type":"urn:zhengwu-widgets:problem:internal","title":"x","status":502}', { status: 502 }));
    await settled(el, '已保存，联网后自动提交');
    await expect(el).to.be.accessible();
    spyFetch(realFetch);
    await pageOutbox().flush(true);
    await settled(el, '提交成功，感谢您的评价！');
  });

  it('says "该办件已评价" with the earlier level when the case was rated before', async () => {
    const caseId = newCase();
    expect((await postRating({ caseId, level: 4 })).status).to.equal(201);
    const el = await rating({ caseId });
    await choose(el, 1, 1);
    submitButton(el).click();
    await settled(el, '该办件已评价（满意）');
    expect(queued()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends the phone number only with consent, and checks it', async () => {
    const el = await rating();
    const calls = spyFetch();
    const phone = $<HTMLInputElement>(el, '#ph');
    expect(phone.disabled).to.be.true;
    const consent = $$<HTMLInputElement>(el, 'input[type=checkbox]').at(-1)!;
    consent.click();
    await el.updateComplete;
    expect(phone.disabled).to.be.false;
    await choose(el, 3);
    phone.focus();
    await sendKeys({ type: '138 1234' });
    submitButton(el).click();
    await el.updateComplete;
    expect($(el, '#pe').textContent).to.equal('请输入 11 位手机号码，如 13812345678。');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(posts(calls)).to.have.length(0);
    await expect(el).to.be.accessible();
    await sendKeys({ type: ' 5678' });
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect(posts(calls)[0].body).to.deep.include({ phone: '13812345678', contactConsent: true });
  });

  it('starts afresh when the case changes (a single-page portal)', async () => {
    const service = newService();
    const el = await rating({ service });
    await choose(el, 5, 1);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    el.caseId = newCase();
    await el.updateComplete;
    expect(message(el)).to.equal('');
    expect(el.level).to.equal(0);
    expect(radio(el, 5).checked).to.be.false;
    await choose(el, 3);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect((await summary(service)).byLevel).to.deep.include({ 5: 1, 3: 1 });
  });

  it('leaves the phone number out when consent is withdrawn', async () => {
    const el = await rating();
    const calls = spyFetch();
    const consent = $$<HTMLInputElement>(el, 'input[type=checkbox]').at(-1)!;
    consent.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, '#ph').focus();
    await sendKeys({ type: '13812345678' });
    consent.click();
    await choose(el, 4);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect(posts(calls)[0].body).not.to.have.any.keys('phone', 'contactConsent');
  });

  it('counts the comment down, warns against personal data and keeps a hostile comment as text', async () => {
    const el = await rating();
    const calls = spyFetch();
    const box = $<HTMLTextAreaElement>(el, 'textarea');
    expect(box.maxLength).to.equal(500);
    expect(box.getAttribute('aria-describedby')).to.equal('cp cn');
    expect($(el, '#cp').textContent).to.contain('请勿填写身份证号');
    box.focus();
    const hostile = '<img src=x onerror="window.pwned=1">\u0007"><script>window.pwned=2</script>';
    await sendKeys({ type: hostile });
    await el.updateComplete;
    expect($(el, '#cn').textContent).to.equal(`还可输入 ${500 - box.value.length} 字`);
    await waitUntil(
      () => $(el, '[aria-live=polite]').textContent === $(el, '#cn').textContent,
      'count announced after a pause',
      { timeout: 4000 },
    );
    await choose(el, 4);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect((posts(calls)[0].body as { comment: string }).comment).to.equal(box.value.trim());
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('renders reason texts and follow-up notes from the server as text', async () => {
    const evil = '<img src=x onerror="window.pwned=3">';
    spyFetch(async (input, init) => {
      const url = String(input);
      if (url.endsWith('/ratings/reasons')) {
        const real = await (await realFetch(input, init)).json();
        real.levels[0].reasons[0].text = evil;
        return new Response(JSON.stringify(real), { headers: { 'Content-Type': 'application/json' } });
      }
      return realFetch(input, init);
    });
    // Another spelling of this origin, so the page's cached reasons are not used.
    const el = await fixture<ZwRating>(
      html`<zw-rating case=${newCase()} api-base=${`${location.origin}/api/..`}></zw-rating>`,
    );
    await choose(await ready(el), 5);
    expect(reasonBoxes(el)[0].closest('label')!.textContent).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});

describe('<zw-rating> delivery: nothing lost, nothing doubled', () => {
  it('keeps a rating made offline in the outbox and sends it once when the network returns', async () => {
    const service = newService();
    const caseId = newCase();
    const el = await rating({ caseId, service });
    const calls = spyFetch((input, init) => (isPost(init) ? networkDown() : realFetch(input, init)));
    const waiting = oneEvent(el, 'zw-rating-queued');
    await choose(el, 4, 1);
    submitButton(el).click();
    await settled(el, '已保存，联网后自动提交');
    const { detail } = await waiting;
    expect(queued().map((e) => e.key)).to.deep.equal([detail.key]);
    expect(queued()[0].body).to.deep.include({ caseId, level: 4 });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.msg'));
    await expect(el).to.be.accessible();

    spyFetch(realFetch);
    window.dispatchEvent(new Event('online'));
    await settled(el, '提交成功，感谢您的评价！');
    expect(queued()).to.have.length(0);
    expect(posts(calls).every((c) => c.headers['Idempotency-Key'] === detail.key)).to.be.true;
    expect((await summary(service)).count).to.equal(1);
    expect((await postRating({ caseId, level: 5 })).status).to.equal(409);
  });

  it('resends with the same key after a lost answer, and the server keeps one rating', async () => {
    const service = newService();
    const el = await rating({ service });
    // The request reaches the server and is stored, but the answer never arrives.
    const calls = spyFetch(async (input, init) => {
      if (!isPost(init)) return realFetch(input, init);
      await realFetch(input, init);
      throw new TypeError('network changed');
    });
    await choose(el, 5, 2);
    submitButton(el).click();
    await settled(el, '已保存，联网后自动提交');
    expect((await summary(service)).count).to.equal(1);
    spyFetch(async (input, init) => {
      const res = await realFetch(input, init);
      if (isPost(init))
        calls.push({ url: String(input), method: 'POST', headers: {}, body: res.headers.get('Idempotent-Replayed') });
      return res;
    });
    window.dispatchEvent(new Event('online'));
    await settled(el, '提交成功，感谢您的评价！');
    expect(calls.at(-1)!.body).to.equal('true');
    expect((await summary(service)).count).to.equal(1);
  });

  it('keeps the rating through a server error (5xx) and delivers it later', async () => {
    const service = newService();
    const el = await rating({ service });
    spyFetch((input, init) =>
      isPost(init)
        ? Promise.resolve(
            new Response('{"type":"urn:zhengwu-widgets:problem:internal","title":"x","status":503}', { status: 503 }),
          )
        : realFetch(input, init),
    );
    await choose(el, 3);
    submitButton(el).click();
    await settled(el, '已保存，联网后自动提交');
    expect(queued()).to.have.length(1);
    spyFetch(realFetch);
    await pageOutbox().flush(true);
    await settled(el, '提交成功，感谢您的评价！');
    expect((await summary(service)).count).to.equal(1);
  });

  it('answers a replayed key with the same rating', async () => {
    const key = crypto.randomUUID();
    const body = { caseId: newCase(), level: 2, reasons: ['214'] };
    const first = await postRating(body, key);
    const again = await postRating(body, key);
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(200);
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    const [a, b] = [await first.json(), await again.json()];
    expect(b).to.deep.equal(a);
    expect((await postRating({ ...body, level: 1, reasons: ['115'] }, key)).status).to.equal(422);
  });

  for (const next of ['<zw-config>', '<zw-rating>'] as const) {
    it(`delivers a rating saved before a page reload on the next page with ${next}`, async () => {
      const service = newService();
      const caseId = newCase();
      // Page 1 (a real page in a frame, with its own copy of the modules): the network is down for POSTs.
      const page1 = await openPage(
        `<script>const f = fetch; window.fetch = (u, i) => (i && i.method === 'POST' ? Promise.reject(new TypeError('offline')) : f(u, i));</script>
         <script type="module">import '/src/rating/index.ts';</script>
         <zw-rating case="${caseId}" service="${service}"></zw-rating>`,
      );
      const el = await ready(await waitUntilFound(page1, 'zw-rating'));
      await choose(el, 2, 1);
      submitButton(el).click();
      await settled(el, '已保存，联网后自动提交');
      expect(queued()).to.have.length(1);
      page1.remove(); // the resident closes the page
      expect((await summary(service)).count).to.equal(0);
      // Only the next page may deliver it: this test page's own outbox cannot reach the server meanwhile.
      spyFetch((input, init) => (isPost(init) ? networkDown() : realFetch(input, init)));

      const page2 = await openPage(
        next === '<zw-config>'
          ? `<script type="module">import '/src/core/index.ts';</script><zw-config></zw-config>`
          : `<script type="module">import '/src/rating/index.ts';</script><zw-rating case="${caseId}"></zw-rating>`,
      );
      if (next === '<zw-rating>') {
        const again = await waitUntilFound(page2, 'zw-rating');
        await waitUntil(
          () => again.shadowRoot && message(again) === '提交成功，感谢您的评价！',
          'the next page tells the outcome',
          { timeout: 8000 },
        );
      }
      await waitUntil(() => queued().length === 0, 'outbox emptied by the next page', { timeout: 8000 });
      page2.remove();
      const stored = await summary(service);
      expect(stored.count).to.equal(1);
      expect(stored.byLevel['2']).to.equal(1);
      const second = await postRating({ caseId, level: 5 });
      expect(second.status).to.equal(409);
      expect((await second.json()).existing.level).to.equal(2);
    });
  }
});

describe('outbox', () => {
  const storageKey = 'zw-outbox:test';
  afterEach(() => localStorage.removeItem(storageKey));

  it('sends each entry once however often it is flushed, and drops what the server refuses for good', async () => {
    const service = newService();
    const box = new Outbox({ storageKey });
    const outcomes: OutboxOutcome[] = [];
    box.subscribe((o) => outcomes.push(o));
    const url = '/api/v1/ratings';
    for (const level of [5, 4, 3])
      box.add({
        key: crypto.randomUUID(),
        url,
        body: { caseId: newCase(), serviceCode: service, channel: 'kiosk', level, reasons: [] },
      });
    // A 差评 without a reason: the server answers 422, retrying cannot help.
    box.add({
      key: crypto.randomUUID(),
      url,
      body: { caseId: newCase(), serviceCode: service, channel: 'kiosk', level: 1, reasons: [] },
    });
    const calls = spyFetch();
    await Promise.all([
      box.flush(),
      box.flush(true),
      box.flush(),
      new Promise((r) => setTimeout(r)).then(() => box.flush(true)),
    ]);
    box.stop();
    expect(posts(calls)).to.have.length(4);
    expect(new Set(posts(calls).map((c) => c.headers['Idempotency-Key'])).size).to.equal(4);
    expect(outcomes.map((o) => o.state)).to.deep.equal(['sent', 'sent', 'sent', 'rejected']);
    expect(box.entries()).to.have.length(0);
    expect((await summary(service)).count).to.equal(3);
  });

  it('does not count a 2xx page that is not JSON (a captive portal) as delivered', async () => {
    const box = new Outbox({ storageKey });
    box.add({
      key: crypto.randomUUID(),
      url: '/api/v1/ratings',
      body: { caseId: newCase(), channel: 'pc', level: 5, reasons: [] },
    });
    spyFetch(() => Promise.resolve(new Response('<html>请先登录 Wi-Fi</html>', { status: 200 })));
    const outcomes: OutboxOutcome[] = [];
    box.subscribe((o) => outcomes.push(o));
    await box.flush(true);
    box.stop();
    expect(outcomes.map((o) => o.state)).to.deep.equal(['waiting']);
    expect(box.entries()).to.have.length(1);
    expect(box.entries()[0].tries).to.equal(1);
  });

  describe('the other tabs\' lock', () => {
    const lockName = `${storageKey}:flush`;
    /** Another tab's flush that never ends: the lock is held until `release`. */
    const holdLock = () => {
      let release!: () => void;
      const held = navigator.locks.request(lockName, () => new Promise<void>((r) => (release = r)));
      return { held, release: () => release() };
    };
    const waitingForLock = async () => ((await navigator.locks.query()).pending ?? []).filter((l) => l.name === lockName).length;
    const addRating = (box: Outbox) =>
      box.add({ key: crypto.randomUUID(), url: '/api/v1/ratings', body: { caseId: newCase(), serviceCode: newService(), channel: 'pc', level: 5, reasons: [] } });

    it('sends without the lock when it cannot be had in time', async () => {
      const other = holdLock();
      const box = new Outbox({ storageKey, lockWaitMs: 300 });
      const outcomes: OutboxOutcome[] = [];
      box.subscribe((o) => outcomes.push(o));
      addRating(box);
      try {
        await box.flush(true);
        expect(outcomes.map((o) => o.state)).to.deep.equal(['sent']);
        expect(box.entries()).to.have.length(0);
      } finally {
        box.stop();
        other.release();
        await other.held;
      }
    });

    it('withdraws its wait when the page is left, and sends when the page is shown again', async () => {
      const other = holdLock();
      const box = new Outbox({ storageKey, lockWaitMs: 60_000 });
      const outcomes: OutboxOutcome[] = [];
      box.subscribe((o) => outcomes.push(o));
      addRating(box);
      try {
        const flushing = box.flush(true);
        await waitUntil(async () => (await waitingForLock()) === 1, 'the flush waits for the lock');
        // Into the back/forward cache: a request left queued there would be granted to nobody.
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
        await flushing;
        expect(await waitingForLock()).to.equal(0);
        expect(outcomes).to.have.length(0);
        expect(box.entries()).to.have.length(1);
        other.release();
        await other.held;
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await waitUntil(() => outcomes.length > 0, 'sent once the page is shown again');
        expect(outcomes.map((o) => o.state)).to.deep.equal(['sent']);
      } finally {
        box.stop();
        other.release();
      }
    });
  });

  it('tells the resident the truth when the device cannot store the rating', async () => {
    const el = await rating();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      spyFetch((input, init) => (isPost(init) ? networkDown() : realFetch(input, init)));
      await choose(el, 5);
      submitButton(el).click();
      await settled(el, '网络异常：评价暂存在本页，联网后自动提交，请勿关闭本页。');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    spyFetch(realFetch);
    window.dispatchEvent(new Event('online'));
    await settled(el, '提交成功，感谢您的评价！');
  });
});

describe('<zw-rating> only a valid receipt for the rating counts as delivered', () => {
  const receiptOf = (body: RatingInput, patch: Partial<RatingReceipt> = {}) =>
    new Response(
      JSON.stringify({
        id: crypto.randomUUID(),
        caseId: body.caseId,
        level: body.level,
        reasons: body.reasons,
        createdAt: new Date().toISOString(),
        bad: false,
        trackingCode: null,
        followUp: null,
        ...patch,
      }),
      { status: 201, headers: { 'Content-Type': 'application/json' } },
    );
  const answers: [string, (body: RatingInput) => Response][] = [
    ['an empty 200', () => new Response('', { status: 200 })],
    ['a 200 of the wrong shape', () => new Response('{"ok":true}', { status: 200 })],
    ['a receipt for another case', (body) => receiptOf(body, { caseId: `${body.caseId}-X` })],
    ['a receipt with another level', (body) => receiptOf(body, { level: body.level === 5 ? 4 : 5 })],
  ];
  for (const [name, answer] of answers) {
    it(`keeps the rating after ${name}, says it is not confirmed, and delivers it later`, async () => {
      const service = newService();
      const el = await rating({ service });
      const sent: unknown[] = [];
      el.addEventListener('zw-rating-sent', (e) => sent.push(e.detail));
      spyFetch((input, init) =>
        isPost(init) ? Promise.resolve(answer(JSON.parse(String(init.body)) as RatingInput)) : realFetch(input, init),
      );
      await choose(el, 4, 1);
      submitButton(el).click();
      await settled(el, '已保存，服务器尚未确认收到，稍后自动重新提交');
      expect(queued()).to.have.length(1);
      expect(sent).to.have.length(0);
      await expect(el).to.be.accessible();

      spyFetch(realFetch);
      await pageOutbox().flush(true);
      await settled(el, '提交成功，感谢您的评价！');
      expect(queued()).to.have.length(0);
      expect(sent).to.have.length(1);
      expect((await summary(service)).count).to.equal(1);
    });
  }

  it('takes a receipt that names a signed case by its number', async () => {
    const number = newCase();
    const el = await rating({ caseId: `${number}.${'Zz0-_'.repeat(4)}Ab` });
    spyFetch((input, init) => {
      if (!isPost(init)) return realFetch(input, init);
      const body = JSON.parse(String(init.body)) as RatingInput;
      return Promise.resolve(receiptOf({ ...body, caseId: number }));
    });
    await choose(el, 5, 1);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    expect(queued()).to.have.length(0);
  });

  it('keeps an outbox entry whose answer is not its receipt, whatever the status', async () => {
    const storageKey = 'zw-outbox:receipt-test';
    const box = new Outbox({ storageKey });
    try {
      const body = { caseId: newCase(), channel: 'pc', level: 5, reasons: [] };
      box.add({
        key: crypto.randomUUID(),
        url: '/api/v1/ratings',
        body,
        receipt: 'RatingReceipt',
        match: { caseId: body.caseId },
      });
      const outcomes: OutboxOutcome[] = [];
      box.subscribe((o) => outcomes.push(o));
      for (const wrong of ['', 'null', '[]', '{"id":1}', JSON.stringify({ ...body, id: 'x' })]) {
        spyFetch(() => Promise.resolve(new Response(wrong, { status: 201 })));
        await box.flush(true);
      }
      expect(outcomes.map((o) => o.state)).to.deep.equal(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
      expect(box.entries()).to.have.length(1);
      spyFetch(realFetch);
      await box.flush(true);
      expect(outcomes.at(-1)!.state).to.equal('sent');
      expect((outcomes.at(-1) as { data: RatingReceipt }).data.caseId).to.equal(body.caseId);
      expect(box.entries()).to.have.length(0);
    } finally {
      box.stop();
      localStorage.removeItem(storageKey);
    }
  });
});

describe('<zw-rating> state that stays true', () => {
  it('tells the tab that saved a rating when another tab delivers it', async () => {
    const service = newService();
    const caseId = newCase();
    spyFetch((input, init) => (isPost(init) ? networkDown() : realFetch(input, init)));
    const page1 = await openPage(
      `<script>const f = fetch; window.fetch = (u, i) => (i && i.method === 'POST' ? Promise.reject(new TypeError('offline')) : f(u, i));</script>
       <script type="module">import '/src/rating/index.ts';</script>
       <zw-rating case="${caseId}" service="${service}"></zw-rating>`,
    );
    try {
      const el = await ready(await waitUntilFound(page1, 'zw-rating'));
      await choose(el, 5, 1);
      submitButton(el).click();
      await settled(el, '已保存，联网后自动提交');
      // Another tab of the portal, with the network, delivers it.
      const page2 = await openPage(
        `<script type="module">import '/src/core/index.ts';</script><zw-config></zw-config>`,
      );
      try {
        await waitUntil(() => queued().length === 0, 'delivered by the other tab', { timeout: 8000 });
        await settled(el, '提交成功，感谢您的评价！');
        expect((await summary(service)).count).to.equal(1);
      } finally {
        page2.remove();
      }
    } finally {
      page1.remove();
    }
  });

  it('shows a case this device rated as rated after a reload, with the tracking code of its 差评', async () => {
    const caseId = newCase();
    const el = await rating({ caseId });
    await choose(el, 1, 1);
    submitButton(el).click();
    await settled(el, '提交成功，感谢您的评价！');
    await waitUntil(() => el.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
    const code = $(el, 'dd').textContent;
    el.remove();

    const again = await fixture<ZwRating>(html`<zw-rating case=${caseId}></zw-rating>`);
    await waitUntil(() => again.shadowRoot!.querySelector('dd'), 'kept receipt shown', { timeout: 8000 });
    expect(message(again)).to.equal('该办件已评价（非常不满意）');
    expect($(again, 'dd').textContent).to.equal(code);
    expect(again.shadowRoot!.querySelector('input[name=level]')).to.equal(null);
    await expect(again).to.be.accessible();
    // Only what the element shows again is kept: no comment, no phone number, no reasons.
    const kept = JSON.parse(localStorage.getItem('zw-rating-receipts:v1')!)[caseId];
    expect(Object.keys(kept).sort()).to.deep.equal(['at', 'bad', 'contact', 'followUp', 'level', 'trackingCode']);
  });

  it('promises a call back after a 差评 only when a phone number was left', async () => {
    const withoutPhone = await rating();
    await choose(withoutPhone, 2, 1);
    submitButton(withoutPhone).click();
    await waitUntil(() => withoutPhone.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
    const said = withoutPhone.shadowRoot!.textContent!;
    expect(said).to.contain('您没有留下联系电话，因此不会电话回访');
    expect(said).not.to.contain('回访。');
    await expect(withoutPhone).to.be.accessible();

    const withPhone = await rating();
    $$<HTMLInputElement>(withPhone, 'input[type=checkbox]').at(-1)!.click();
    await withPhone.updateComplete;
    $<HTMLInputElement>(withPhone, '#ph').focus();
    await sendKeys({ type: '13812345678' });
    await choose(withPhone, 2, 1);
    submitButton(withPhone).click();
    await waitUntil(() => withPhone.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
    expect(withPhone.shadowRoot!.textContent).to.contain('并按您留下的方式回访');
  });

  it('shows follow-up times in China time, whatever the device says', async () => {
    const caseId = newCase();
    const res = await postRating({ caseId, level: 2, reasons: ['213'] });
    const { trackingCode } = (await res.json()) as RatingReceipt;
    const follow = await (await realFetch(`/api/v1/ratings/follow-up/${trackingCode}?case=${caseId}`)).json();
    const at: string = follow.history[0].at;
    const china = new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
    const el = await fixture<ZwRating>(html`<zw-rating tracking-code=${trackingCode!} case=${caseId}></zw-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('time'), 'history shown', { timeout: 8000 });
    expect($(el, 'time').textContent).to.equal(china);
  });

  it('offers 重试 after a malformed follow-up answer, and shows the follow-up once a good one comes', async () => {
    const caseId = newCase();
    const res = await postRating({ caseId, level: 2, reasons: ['213'] });
    const { trackingCode } = (await res.json()) as RatingReceipt;
    let broken = true;
    spyFetch((input, init) =>
      broken && String(input).includes('/follow-up/')
        ? Promise.resolve(new Response('{"trackingCode":5}', { status: 200 }))
        : realFetch(input, init),
    );
    const el = await fixture<ZwRating>(html`<zw-rating tracking-code=${trackingCode!} case=${caseId}></zw-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button'), '重试 offered', { timeout: 8000 });
    expect($(el, '[aria-live] p').textContent).to.contain('服务器返回的数据有误');
    expect($(el, 'button').textContent).to.equal('重试');
    await expect(el).to.be.accessible();
    broken = false;
    $(el, 'button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] dl'), 'follow-up shown', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('names a follow-up stage it does not know neutrally instead of refusing the follow-up', async () => {
    const caseId = newCase();
    const res = await postRating({ caseId, level: 2, reasons: ['213'] });
    const { trackingCode } = (await res.json()) as RatingReceipt;
    spyFetch(async (input, init) => {
      const answer = await realFetch(input, init);
      if (!String(input).includes('/follow-up/')) return answer;
      const follow = await answer.json();
      follow.status = 'escalated';
      follow.history.push({ status: 'escalated', at: follow.history[0].at, note: '已转市级' });
      // The same stage in the steps' vocabulary, which the view reads first.
      follow.state = 'escalated';
      follow.steps.push({ state: 'escalated', at: follow.history[0].at, reply: '已转市级' });
      return new Response(JSON.stringify(follow), { headers: { 'Content-Type': 'application/json' } });
    });
    const el = await fixture<ZwRating>(html`<zw-rating tracking-code=${trackingCode!} case=${caseId}></zw-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] dl'), 'follow-up shown', { timeout: 8000 });
    expect($$(el, 'dd')[1].textContent).to.equal('处理中');
    expect($$(el, 'li').at(-1)!.textContent).to.contain('处理中：已转市级');
    expect(el.shadowRoot!.textContent).not.to.contain('escalated');
    await expect(el).to.be.accessible();
  });

  it('shows the reasons of its current language even when an earlier answer comes last', async () => {
    let releaseZh: () => void = () => undefined;
    spyFetch(async (input, init) => {
      const res = await realFetch(input, init);
      if (!String(input).endsWith('/ratings/reasons')) return res;
      const lang = (init.headers as Record<string, string>)['Accept-Language'];
      const data = await res.json();
      data.levels[0].reasons[0].text = `${lang} reason`;
      if (lang === 'zh-CN') await new Promise<void>((resolve) => (releaseZh = resolve));
      return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
    });
    // Its own spelling of this origin, so the reasons other tests fetched are not reused.
    const el = await fixture<ZwRating>(
      html`<zw-rating case=${newCase()} lang="zh-CN" api-base=${`${location.origin}/${uid()}/..`}></zw-rating>`,
    );
    el.setAttribute('lang', 'en');
    await ready(el);
    await choose(el, 5);
    expect(reasonBoxes(el)[0].closest('label')!.textContent).to.equal('en reason');
    releaseZh();
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(reasonBoxes(el)[0].closest('label')!.textContent).to.equal('en reason');
  });
});

/** A same-origin page in a frame: a real page load with fresh modules, sharing this origin's localStorage. */
async function openPage(body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}
async function waitUntilFound(frame: HTMLIFrameElement, tag: string): Promise<ZwRating> {
  const win = frame.contentWindow!;
  await win.customElements.whenDefined(tag);
  const el = frame.contentDocument!.querySelector(tag) as ZwRating;
  await el.updateComplete;
  return el;
}

describe('<zw-rating> in a form', () => {
  it('is a form control: value, required validity, a 差评 needs a reason, reset', async () => {
    const calls = spyFetch();
    const form = await fixture<HTMLFormElement>(
      html`<form><zw-rating name="rating" required></zw-rating><button>提交</button></form>`,
    );
    const el = await ready(form.querySelector('zw-rating')!);
    expect(el.shadowRoot!.querySelector('button[type=submit]')).to.equal(null);
    expect(form.checkValidity()).to.be.false;
    await choose(el, 2);
    expect(form.checkValidity()).to.be.false;
    expect(new FormData(form).get('rating')).to.equal('2');
    reasonBoxes(el)[0].click();
    await el.updateComplete;
    expect(form.checkValidity()).to.be.true;
    const data = new FormData(form);
    expect(data.getAll('rating-reason')).to.deep.equal(['210']);
    expect(data.has('rating-phone')).to.be.false;
    await expect(el).to.be.accessible();
    form.reset();
    await el.updateComplete;
    expect(el.level).to.equal(0);
    expect(radio(el, 2).checked).to.be.false;
    expect(new FormData(form).has('rating')).to.be.false;
    expect(posts(calls)).to.have.length(0);
  });

  it('is valid without a level when not required, and disabled with its fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset><zw-rating name="r"></zw-rating></fieldset>
      </form>`,
    );
    const el = await ready(form.querySelector('zw-rating')!);
    expect(form.checkValidity()).to.be.true;
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(radio(el, 5).matches(':disabled')).to.be.true;
  });
});

describe('<zw-rating> accessibility in every mode', () => {
  const modes = [
    ['elder', { elder: true }],
    ['black-on-white', { contrast: 'black-on-white' }],
    ['yellow-on-black', { contrast: 'yellow-on-black' }],
    ['white-on-blue', { contrast: 'white-on-blue' }],
  ] as const;
  for (const [name, prefs] of modes) {
    it(`is accessible in ${name} mode, with a level chosen and an error shown`, async () => {
      pagePrefsStore().set(prefs);
      const el = await rating();
      await choose(el, 1);
      submitButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      if (name === 'elder') {
        expect(getComputedStyle(el).fontSize).to.equal('24px');
        expect(radio(el, 5).closest('label')!.getBoundingClientRect().height).to.be.at.least(60);
      }
    });
  }

  it('speaks English when the page does', async () => {
    document.documentElement.lang = 'en';
    const el = await rating();
    await choose(el, 2);
    submitButton(el).click();
    await el.updateComplete;
    expect($(el, 'legend').textContent).to.equal('How satisfied are you with this service?');
    expect($(el, '.rs [role=alert]').textContent).to.equal('Choose at least one reason.');
    await expect(el).to.be.accessible();
  });

  it('says what is missing when no case is given', async () => {
    const el = await fixture<ZwRating>(html`<zw-rating></zw-rating>`);
    expect(message(el)).to.equal('缺少办件编号，无法评价。');
    await expect(el).to.be.accessible();
  });
});
