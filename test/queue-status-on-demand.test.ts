import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/queue-status/index.ts';
import type { ZwQueueStatus } from '../src/queue-status/index.ts';
import type { Forecast } from '../src/core/api/types.gen.ts';
import { Lazy } from '../src/core/lazy.ts';
import { parts } from '../src/queue-status/parts.ts';
import {
  $,
  FakeSource,
  json,
  listenForSound,
  snapshot,
  streamed,
  text,
  ticket,
  until,
  win,
} from './queue-status-fakes.ts';
import { strictCspFrame, violations } from './support/csp-frame.ts';

// The parts of <zw-queue-status> that are fetched on demand. This file runs in a page of its own, so the first test
// sees a page on which no part has been fetched yet; the later ones hold a part back or make its fetch fail by
// standing a `Lazy` in front of the real one.

const PART = /\/(my-ticket|board|online-take|busy-hours|call-sound)(\.en)?\.[jt]s(\?|$)/;
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => pattern.test(name));

const forecast: Forecast = {
  hallId: 'test-hall',
  date: '2026-11-23',
  hours: [9, 10, 11, 13, 14, 15, 16].map((hour) => ({ hour, expectedWaitMinutes: hour * 2, level: 'medium' })),
};

const realFetch = window.fetch;
const realEventSource = window.EventSource;
const realParts = { ...parts };
type PartName = keyof typeof parts;

/** Puts a `Lazy` in front of the real part: `before` runs first, and may hold the fetch back or fail it. */
function standIn(name: PartName, before: () => Promise<void>) {
  const real = realParts[name] as Lazy<unknown>;
  (parts as Record<PartName, Lazy<unknown>>)[name] = new Lazy(async () => {
    await before();
    return real.load();
  });
}

/** Holds the part's code back until `release()`: the element shows it on its way. */
function holdBack(name: PartName): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  standIn(name, () => gate);
  return release;
}

/** The part's fetch fails, as on a page gone offline, until the returned function brings the network back. */
function unreachable(name: PartName): () => void {
  let down = true;
  standIn(name, async () => {
    if (down) throw new TypeError('Failed to fetch dynamically imported module');
  });
  return () => (down = false);
}

const uncaught: unknown[] = [];
const onUncaught = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push(e);

beforeEach(() => {
  FakeSource.all = [];
  (window as { EventSource: unknown }).EventSource = FakeSource;
  // The ticket lookup and the forecast answer from fixed payloads; everything else reaches the reference server.
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/tickets/')) return json(ticket({ ahead: 1 }));
    if (url.endsWith('/forecast')) return json(forecast);
    return realFetch(input, init);
  }) as typeof fetch;
  localStorage.clear();
  uncaught.length = 0;
  window.addEventListener('error', onUncaught);
  window.addEventListener('unhandledrejection', onUncaught);
});

afterEach(() => {
  window.removeEventListener('error', onUncaught);
  window.removeEventListener('unhandledrejection', onUncaught);
  window.fetch = realFetch;
  window.EventSource = realEventSource;
  Object.assign(parts, realParts);
  expect(uncaught, 'no uncaught exception').to.deep.equal([]);
});

const pending = (el: ZwQueueStatus, section: string) => $(el, `${section} [role="status"]`)?.textContent;
const retryButton = (el: ZwQueueStatus, section: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`${section} button`)].find(
    (b) => b.textContent!.trim() === '重试',
  );

describe('<zw-queue-status> parts fetched on demand', () => {
  it('a plain card renders its hall, the number form and the call region without fetching any part', async () => {
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    const source = FakeSource.last;
    source.open();
    // Sent before the stream's schemas have arrived (the first connection on the page): handled later, in order.
    source.send('snapshot', snapshot());
    source.send('patch', { version: 1288, updatedAt: '2026-11-23T10:15:12+08:00', windows: [win(5)] });
    await until(() => text(el).includes('广安区政务服务中心'), 'the snapshot');
    expect(text(el)).to.include('5 号窗口 正在办理 A005');
    expect(text(el)).to.include('A · 社保医保 等候 7 人');
    expect(el.shadowRoot!.querySelector('#num')).to.exist;
    expect(el.shadowRoot!.querySelector('[aria-live="assertive"]')).to.exist;
    await expect(el).to.be.accessible();
    expect(fetched(/\/queue-status\.[jt]s/), 'the element itself is listed').not.to.be.empty;
    expect(fetched(PART)).to.deep.equal([]);
  });

  it('a followed ticket shows the loading text until its code is here, then the ticket', async () => {
    const release = holdBack('ticket');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    expect($(el, '.mine h3').textContent).to.equal('我的号码');
    expect(pending(el, '.mine')).to.equal('正在加载…');
    release();
    await until(() => text(el).includes('前面还有 1 人'), 'the ticket');
    expect($(el, '.mine .near').textContent).to.equal('快到您了，请留意叫号。');
    expect(fetched(/\/my-ticket\.[jt]s/)).not.to.be.empty;
    await expect(el).to.be.accessible();
  });

  it('online take appears when its code is here', async () => {
    const release = holdBack('take');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" allow-take></zw-queue-status>`);
    expect($(el, '.take h3').textContent).to.equal('线上取号');
    expect(pending(el, '.take')).to.equal('正在加载…');
    release();
    await until(() => el.shadowRoot!.querySelector('.take form'), 'the take form');
    expect(el.shadowRoot!.querySelectorAll('.take input[type="radio"]')).to.have.length(3);
    expect($(el, '.take legend').textContent).to.equal('选择业务类别');
    await expect(el).to.be.accessible();
  });

  it('busy hours appear when their code is here', async () => {
    const release = holdBack('busy');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" show-forecast></zw-queue-status>`);
    expect(pending(el, '.busy')).to.equal('正在加载…');
    release();
    await until(() => el.shadowRoot!.querySelector('.busy .chart'), 'the chart');
    expect(el.shadowRoot!.querySelectorAll('.busy rect')).to.have.length(7);
    expect(getComputedStyle($(el, '.chart ol')).display, 'its styles came with it').to.equal('flex');
    await expect(el).to.be.accessible();
  });

  it('the board appears when its code is here, with its styles', async () => {
    const release = holdBack('board');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" variant="board"></zw-queue-status>`);
    expect(pending(el, '.card')).to.equal('正在加载…');
    release();
    await until(() => el.shadowRoot!.querySelector('.grid'), 'the board');
    expect(el.shadowRoot!.querySelectorAll('.grid li')).to.have.length(4);
    expect(getComputedStyle($(el, '.grid')).display).to.equal('grid');
    await expect(el).to.be.accessible();
  });

  it('an English page gets a part in English, and never its Chinese words on the way', async () => {
    const seen: string[] = [];
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" allow-take lang="en"></zw-queue-status>`);
    const watch = new MutationObserver(() => seen.push($(el, '.take')?.textContent ?? ''));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    seen.push($(el, '.take').textContent!);
    await until(() => el.shadowRoot!.querySelector('.take legend'), 'the take form');
    watch.disconnect();
    expect($(el, '.take legend').textContent).to.equal('Choose a service');
    expect($(el, '.take button').textContent).to.equal('Take ticket');
    expect(seen.join(' ')).not.to.match(/选择业务类别|取号/);
  });

  it('an English page follows a ticket in English, and says its call in English', async () => {
    const { el, source } = await streamed(
      html`<zw-queue-status hall="test-hall" ticket="A023" lang="en"></zw-queue-status>`,
    );
    await until(() => text(el).includes('1 ahead of you'), 'the ticket in English');
    const call = { ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口', at: '2026-11-23T10:21:40+08:00' };
    source.send('patch', { version: 1288, updatedAt: call.at, calls: [call] });
    await el.updateComplete;
    expect($(el, '.called .go').textContent).to.equal('Please go to window 5');
    expect($(el, '[aria-live="assertive"]').textContent!.trim()).to.equal('Ticket A023, please go to window 5.');
    await expect(el).to.be.accessible();
  });

  it('the call never waits for code: only the chime and speech wait for theirs', async () => {
    const sound = listenForSound();
    try {
      await realParts.ticket.load();
      const release = holdBack('sound');
      const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
      await until(() => text(el).includes('前面还有 1 人'));
      const toggle = $(el, 'button[aria-pressed]');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(pending(el, '.tools')).to.equal('正在加载…');

      const called: Event[] = [];
      el.addEventListener('zw-called', (e) => called.push(e));
      const call = { ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口', at: '2026-11-23T10:21:40+08:00' };
      source.send('patch', { version: 1288, updatedAt: call.at, calls: [call] });
      await el.updateComplete;
      expect($(el, '.called .go').textContent).to.equal('请到 5 号窗口');
      expect($(el, '[aria-live="assertive"]').textContent!.trim()).to.equal('请 A023 号到 5 号窗口办理。');
      expect(called).to.have.length(1);
      expect(sound.tones, 'no sound before its code').to.equal(0);

      release();
      await until(() => sound.spoken.length === 1, 'the call read aloud once the sound code is here');
      expect(sound.tones).to.equal(4); // the preview and the call, two tones each
      expect(sound.spoken[0].text).to.equal('请 A023 号到 5 号窗口办理。');
      await until(() => !el.shadowRoot!.querySelector('.tools [role="status"]'));
    } finally {
      sound.restore();
    }
  });

  it('a part whose fetch failed says so with 重试, and comes when the resident presses it', async () => {
    const reconnect = unreachable('take');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" allow-take></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('.take [role="alert"]'), 'the failure');
    expect($(el, '.take [role="alert"]').textContent).to.equal('这部分内容未能加载，请检查网络后重试。');
    expect($(el, '.take h3').textContent, 'never a blank area').to.equal('线上取号');
    await expect(el).to.be.accessible();
    reconnect();
    retryButton(el, '.take')!.click();
    await until(() => el.shadowRoot!.querySelector('.take form'), 'the take form after 重试');
    expect(el.shadowRoot!.querySelector('.take [role="alert"]')).to.be.null;
  });

  it('the sound switch says when the chime could not be fetched, and offers 重试', async () => {
    await realParts.ticket.load();
    const reconnect = unreachable('sound');
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('button[aria-pressed]'));
    $(el, 'button[aria-pressed]').click();
    await until(() => el.shadowRoot!.querySelector('.tools [role="alert"]'), 'the failure');
    expect($(el, '.tools [role="alert"]').textContent).to.equal('这部分内容未能加载，请检查网络后重试。');
    await expect(el).to.be.accessible();
    reconnect();
    retryButton(el, '.tools')!.click();
    await until(() => !el.shadowRoot!.querySelector('.tools [role="alert"], .tools [role="status"]'));
  });

  for (const [name, markup, shown] of [
    ['board', html`<zw-queue-status hall="test-hall" variant="board"></zw-queue-status>`, '.grid'],
    ['ticket', html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`, '.mine .num'],
  ] as const) {
    it(`a ${name} whose code failed asks again by itself when the feed comes through`, async () => {
      const reconnect = unreachable(name);
      const { el, source } = await streamed(markup);
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the failure');
      expect(retryButton(el, '')).to.exist;
      await expect(el).to.be.accessible();
      reconnect();
      source.send('patch', { version: 1288, updatedAt: '2026-11-23T10:16:00+08:00', windows: [win(5)] });
      await until(() => el.shadowRoot!.querySelector(shown), `the ${name} after the next update`);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
    });
  }

  it('every part arrives under a strict Content-Security-Policy with no violation', async function () {
    this.timeout(60_000);
    const frame = strictCspFrame(
      ['src/core/index.ts', 'src/queue-status/index.ts'],
      // The followed ticket and the take form on cards of their own: a card offers no take form while its ticket
      // may still be called, and whether A001 has been served depends on the time of day in the hall.
      `<zw-config hall="guangan-zwzx">
        <zw-queue-status ticket="A001" show-forecast></zw-queue-status>
        <zw-queue-status allow-take></zw-queue-status>
        <zw-queue-status variant="board"></zw-queue-status>
      </zw-config>`,
      [1000, 1400],
    );
    try {
      const frameUntil = (fn: () => unknown, what: string) => until(fn, what, 30_000);
      await frameUntil(() => frame.contentDocument?.querySelectorAll('zw-queue-status').length === 3, 'the page');
      const [card, taking, board] = [...frame.contentDocument!.querySelectorAll('zw-queue-status')];
      const inCard = (sel: string) => card.shadowRoot?.querySelector(sel);
      const inTake = (sel: string) => taking.shadowRoot?.querySelector(sel);
      await frameUntil(() => inTake('.take form') && inCard('.busy .chart'), 'online take and busy hours');
      await frameUntil(() => inCard('.mine') && !/正在加载/.test(inCard('.mine')!.textContent!), 'the ticket');
      await frameUntil(() => board.shadowRoot?.querySelector('.grid li'), 'the board');
      expect(getComputedStyle(board.shadowRoot!.querySelector('.grid')!).display).to.equal('grid');
      expect(getComputedStyle(inTake('.take fieldset')!).borderTopStyle).to.equal('none');
      expect(violations(frame)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
