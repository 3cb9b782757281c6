import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/rating/index.ts';
import type { ZwRating } from '../src/rating/rating.ts';
import { OUTBOX_STORAGE_KEY, type OutboxEntry } from '../src/core/outbox.ts';
import type { RatingReceipt, RatingSummary } from '../src/core/api/types.gen.ts';

// A page of its own: nothing has fetched the part that follows a 差评 before the first test, so the resource timing
// shows exactly what the element asked for. The order of the first tests matters.
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => pattern.test(name));
const FOLLOW_UP_PART = /\/follow-up(-strings)?(\.en)?\.[tj]s/;

const uid = () => Math.random().toString(36).slice(2, 10);
const newCase = () => `OD-${uid()}${uid()}`;
const newService = () => `SVC-${uid()}${uid()}`;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const message = (el: Element) => $(el, '.msg').textContent!.trim();
const reasonBoxes = (el: Element) => $$<HTMLInputElement>(el, '.rs input[type=checkbox]');
const queued = (): OutboxEntry[] => JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]');

async function ready(el: ZwRating): Promise<ZwRating> {
  await waitUntil(() => el.shadowRoot?.querySelector('input[name=level]'), 'form rendered', { timeout: 8000 });
  return el;
}
async function rate(el: ZwRating, level: number, reasons = 0): Promise<void> {
  $<HTMLInputElement>(el, `input[name=level][value="${level}"]`).click();
  await waitUntil(() => reasonBoxes(el).length > 0, 'reasons shown', { timeout: 8000 });
  for (const box of reasonBoxes(el).slice(0, reasons)) box.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
}
const settled = (el: ZwRating, want: string) =>
  waitUntil(() => message(el) === want, `message "${want}" (now "${message(el)}")`, { timeout: 8000 });

async function summary(service: string): Promise<RatingSummary> {
  return (await fetch(`/api/v1/ratings/summary?service=${service}`)).json();
}
/** A 差评 on record: its receipt, and the case id it was given for (the second factor of its follow-up lookup). */
async function badRating(): Promise<RatingReceipt & { given: string }> {
  const given = newCase();
  const res = await fetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ caseId: given, channel: 'pc', level: 2, reasons: ['213'] }),
  });
  return { ...(await res.json()), given };
}

beforeEach(() => localStorage.removeItem(OUTBOX_STORAGE_KEY));

describe('<zw-rating> fetches what follows a 差评 only when a page shows it', () => {
  it('renders the form and takes and delivers a good rating without fetching that part', async () => {
    const service = newService();
    const el = await ready(await fixture<ZwRating>(html`<zw-rating case=${newCase()} service=${service}></zw-rating>`));
    expect(fetched(FOLLOW_UP_PART), 'before the first render').to.deep.equal([]);
    await expect(el).to.be.accessible();
    await rate(el, 5, 1);
    await settled(el, '提交成功，感谢您的评价！');
    expect((await summary(service)).count).to.equal(1);
    expect(fetched(FOLLOW_UP_PART), 'after a good rating').to.deep.equal([]);
  });

  it('shows the receipt of a 差评 once the part has arrived, then the follow-up on request', async () => {
    const el = await ready(await fixture<ZwRating>(html`<zw-rating case=${newCase()}></zw-rating>`));
    await rate(el, 1, 1);
    await settled(el, '提交成功，感谢您的评价！');
    await waitUntil(() => el.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
    expect(fetched(/\/follow-up\.[tj]s/)).to.have.length(1);
    expect(fetched(/\.en\.[tj]s/), 'no English table on a Chinese page').to.deep.equal([]);
    expect($(el, 'dt').textContent).to.equal('差评跟踪码');
    expect($(el, 'dd').textContent).to.match(/^HC\d{8}(-[0-9A-Z]{4}){1,4}$/);
    expect(el.shadowRoot!.activeElement, 'focus stays on the outcome').to.equal($(el, '.msg'));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type=button]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] ol li'), 'follow-up shown', { timeout: 8000 });
    expect($(el, '[aria-live] dl').textContent).to.contain('已受理');
    await expect(el).to.be.accessible();
  });

  it('shows the follow-up of a tracking-code page in English without Chinese on the way', async () => {
    const { trackingCode, given } = await badRating();
    const seen: string[] = [];
    const el = document.createElement('zw-rating');
    el.setAttribute('lang', 'en');
    el.setAttribute('tracking-code', trackingCode!);
    el.setAttribute('case', given);
    const watch = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
    document.body.append(el);
    try {
      watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] dl'), 'follow-up shown', { timeout: 8000 });
      watch.disconnect();
      expect($$(el, 'dt').map((dt) => dt.textContent)).to.deep.equal(['Tracking code', 'Status', 'Due by']);
      expect($$(el, 'dd')[1].textContent).to.equal('Received');
      expect(seen.join(' ')).not.to.match(/差评跟踪码|当前状态|办结时限|正在加载/);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });
});

// ------------------------------------------------------------------------------------------ the network taken away

/**
 * A real page in a frame, behind a service worker (test/rating-network.sw.ts) that can take the network away from
 * it after it has loaded: API calls and module scripts alike then fail as they do offline. The frame has its own
 * copy of the modules, so the part that follows a 差评 has not been fetched there yet.
 */
let worker: ServiceWorkerRegistration | undefined;
async function network(state: 'up' | 'down', pattern = '.') {
  worker ??= await navigator.serviceWorker.register(new URL('./rating-network.sw.ts', import.meta.url).pathname, {
    scope: '/test/',
  });
  await waitUntil(() => worker!.active?.state === 'activated', 'service worker active', { timeout: 8000 });
  const channel = new MessageChannel();
  const done = new Promise((resolve) => (channel.port1.onmessage = resolve));
  worker.active!.postMessage({ down: state === 'down' ? pattern : undefined }, [channel.port2]);
  await done;
}
async function openPage(body: string): Promise<{ frame: HTMLIFrameElement; el: ZwRating }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  frame.src = `/test/rating-frame.html?body=${encodeURIComponent(
    `<script src="/node_modules/axe-core/axe.min.js"></script>
     <script type="module">import '/src/rating/index.ts';</script>${body}`,
  )}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('zw-rating');
  const el = frame.contentDocument!.querySelector('zw-rating') as ZwRating;
  await el.updateComplete;
  return { frame, el };
}

/** What `expect(el).to.be.accessible()` checks, run by a copy of axe inside the frame (it cannot reach across). */
async function accessibleInFrame(frame: HTMLIFrameElement, el: Element): Promise<void> {
  type Violation = { id: string; nodes: { html: string }[] };
  const axe = (frame.contentWindow as unknown as { axe: { run(el: Element): Promise<{ violations: Violation[] }> } })
    .axe;
  const { violations } = await axe.run(el);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).to.deep.equal([]);
}

describe('<zw-rating> without a network after the page loaded', () => {
  afterEach(() => network('up'));
  after(async () => {
    await worker?.unregister();
  });

  it('says when that part cannot be fetched and offers 重试, which shows it once the network is back', async () => {
    const { trackingCode, given } = await badRating();
    await network('down', '/follow-up');
    const { frame, el } = await openPage(`<zw-rating tracking-code="${trackingCode}" case="${given}"></zw-rating>`);
    try {
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'failure shown', { timeout: 8000 });
      expect($(el, '[role=alert]').textContent).to.equal('暂时无法连接服务器，请稍后重试。');
      const retry = $<HTMLButtonElement>(el, 'button');
      expect(retry.textContent).to.equal('重试');
      await accessibleInFrame(frame, el);

      // Still down: one more attempt per press, the same message, no loop of failing fetches.
      retry.click();
      await el.updateComplete;
      expect(text(el)).to.contain('正在加载…');
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'failure shown again', { timeout: 8000 });

      await network('up');
      $<HTMLButtonElement>(el, 'button').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-live] dl'), 'follow-up shown', { timeout: 8000 });
      expect($$(el, 'dd')[0].textContent).to.equal(trackingCode);
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
      await accessibleInFrame(frame, el);
    } finally {
      frame.remove();
    }
  });

  it('keeps the outcome of a sent 差评 in view when its receipt cannot be fetched, and fetches it on 重试', async () => {
    const { frame, el } = await openPage(`<zw-rating case="${newCase()}"></zw-rating>`);
    try {
      await ready(el);
      await network('down', '/follow-up');
      await rate(el, 1, 1);
      await settled(el, '提交成功，感谢您的评价！');
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'failure shown', { timeout: 8000 });
      expect($(el, '[role=alert]').textContent).to.equal('暂时无法连接服务器，请稍后重试。');
      await accessibleInFrame(frame, el);
      await network('up');
      $<HTMLButtonElement>(el, 'button[type=button]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
      expect($(el, 'dd').textContent).to.match(/^HC\d{8}(-[0-9A-Z]{4}){1,4}$/);
      expect(message(el)).to.equal('提交成功，感谢您的评价！');
      await accessibleInFrame(frame, el);
    } finally {
      frame.remove();
    }
  });

  it('saves a 差评 made offline, delivers it once when the network returns, then shows its receipt', async () => {
    const service = newService();
    const caseId = newCase();
    const { frame, el } = await openPage(`<zw-rating case="${caseId}" service="${service}"></zw-rating>`);
    try {
      await ready(el);
      // The reasons arrived with the page; then the network goes, for every request of that page.
      $<HTMLInputElement>(el, 'input[name=level][value="2"]').click();
      await waitUntil(() => reasonBoxes(el).length > 0, 'reasons shown', { timeout: 8000 });
      await network('down');
      reasonBoxes(el)[0].click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await settled(el, '已保存，联网后自动提交');
      expect(queued().map((e) => (e.body as { caseId: string }).caseId)).to.deep.equal([caseId]);
      expect((await summary(service)).count).to.equal(0);
      await accessibleInFrame(frame, el);

      await network('up');
      frame.contentWindow!.dispatchEvent(new Event('online'));
      await settled(el, '提交成功，感谢您的评价！');
      await waitUntil(() => el.shadowRoot!.querySelector('dd'), 'receipt shown', { timeout: 8000 });
      expect(text(el)).to.contain('差评跟踪码');
      await accessibleInFrame(frame, el);
      expect(queued()).to.have.length(0);
      const stored = await summary(service);
      expect(stored.count).to.equal(1);
      expect(stored.byLevel['2']).to.equal(1);
      const again = await fetch('/api/v1/ratings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ caseId, channel: 'pc', level: 5, reasons: [] }),
      });
      expect(again.status, 'one rating per case').to.equal(409);
    } finally {
      frame.remove();
    }
  });
});
