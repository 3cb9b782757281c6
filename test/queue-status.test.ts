import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/queue-status/index.ts';
import type { ZwQueueStatus } from '../src/queue-status/index.ts';
import type { Forecast, HallPatch, HallSnapshot } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { parts } from '../src/queue-status/parts.ts';
import { brokenText } from './support/layout.ts';
import {
  CONNECT_MS,
  HEARTBEAT_MS,
  STALL_MS,
  STREAM_RETRY_CAP_MS,
  loadStreamChecks,
} from '../src/queue-status/live-feed.ts';
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

// ---------------------------------------------------------------- boundary fakes (fetch, clock; EventSource in ./queue-status-fakes.ts)

const realFetch = window.fetch;
const realEventSource = window.EventSource;
type Call = { url: string; init: RequestInit };
let fetches: Call[] = [];

/** Answers fetches by URL (a function may decline with `undefined`, which goes to the real same-origin server). */
function stubFetch(
  responder: (url: string, init: RequestInit) => Response | undefined | Promise<Response | undefined>,
) {
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    fetches.push({ url, init });
    return (await responder(url, init)) ?? realFetch(input, init);
  }) as typeof fetch;
}
const problem = (slug: string, status: number) =>
  new Response(JSON.stringify({ type: `urn:zhengwu-widgets:problem:${slug}`, title: slug, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
const header = (c: Call, name: string) => (c.init.headers as Record<string, string> | undefined)?.[name];

/** Fake timers at the window boundary (setTimeout, clearTimeout, Date.now) for the time-driven behaviour. */
function fakeClock() {
  const real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, now: Date.now };
  let now = real.now();
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  window.setTimeout = ((fn: () => void, ms = 0) => {
    timers.set(++seq, { at: now + ms, fn });
    return seq;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id: number) => void timers.delete(id)) as typeof window.clearTimeout;
  Date.now = () => now;
  const settle = async () => {
    for (let n = 0; n < 3; n++) await new Promise<void>((resolve) => real.setTimeout.call(window, resolve, 2));
  };
  return {
    get pending() {
      return timers.size;
    },
    async tick(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await settle();
      }
      now = end;
      await settle();
    },
    restore() {
      Object.assign(window, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
      Date.now = real.now;
    },
  };
}
let clock: ReturnType<typeof fakeClock> | undefined;

let hidden = false;
function setHidden(value: boolean) {
  hidden = value;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}
function setOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

// ---------------------------------------------------------------- helpers

const statusText = (el: ZwQueueStatus) => $(el, '.meta [role="status"]')?.textContent?.trim();

beforeEach(() => {
  fetches = [];
  FakeSource.all = [];
  (window as { EventSource: unknown }).EventSource = FakeSource;
  localStorage.clear();
});

afterEach(async () => {
  clock?.restore();
  clock = undefined;
  window.fetch = realFetch;
  window.EventSource = realEventSource;
  delete (document as { hidden?: boolean }).hidden;
  delete (document as { visibilityState?: string }).visibilityState;
  delete (navigator as { onLine?: boolean }).onLine;
  pagePrefsStore().reset();
  document.documentElement.lang = '';
  await setViewport({ width: 800, height: 600 });
});

// ---------------------------------------------------------------- tests

describe('<zw-queue-status> rendering', () => {
  it('renders a hall snapshot: hours, waits in words, windows serving, paused and closed', async () => {
    const { el, source } = await streamed();
    expect(source.url).to.match(/\/api\/v1\/halls\/test-hall\/events$/);
    const t = text(el);
    expect($(el, 'h2').textContent).to.equal('广安区政务服务中心');
    expect(t).to.include('办公中');
    expect(t).to.include('今日 09:00–17:00，午休 12:00–13:30');
    expect(t).to.include('更新于 10:15:00');
    expect(statusText(el)).to.equal('实时更新');
    expect(t).to.include('A · 社保医保 等候 7 人 · 约 23 分钟');
    expect(t).to.include('约 1 小时 35 分钟');
    expect(t).to.include('无需等候');
    expect(t).to.include('5 号窗口 正在办理 A019');
    expect(t).to.include('6 号窗口 暂停服务');
    expect(t).to.include('16 号窗口 未开放');
    await expect(el).to.be.accessible();
  });

  it('gives an uncertain wait as its range, in words a read-aloud voice reads right, in Chinese and English', async () => {
    const categories = snapshot().categories;
    const ranged = snapshot({
      categories: [
        { ...categories[0]!, estimatedWaitMinutes: 23, estimatedWaitRange: { low: 15, high: 30 } },
        { ...categories[1]!, estimatedWaitMinutes: 95, estimatedWaitRange: { low: 70, high: 130 } },
        { ...categories[2]!, waiting: 1, estimatedWaitMinutes: 3, estimatedWaitRange: { low: 0, high: 10 } },
      ],
    });
    const { el } = await streamed(html`<zw-queue-status hall="test-hall"></zw-queue-status>`, ranged);
    const t = text(el);
    expect(t).to.include('等候 7 人 · 约 15 至 30 分钟');
    expect(t).to.include('约 1 小时 10 分钟 至 2 小时 10 分钟');
    expect(t).to.include('10 分钟以内');
    expect(t).not.to.match(/\d–\d+ 分钟/);
    await expect(el).to.be.accessible();

    const { el: en } = await streamed(html`<zw-queue-status hall="test-hall" lang="en"></zw-queue-status>`, ranged);
    await until(() => text(en).includes('7 waiting'));
    expect(text(en)).to.include('about 15 to 30 min');
    expect(text(en)).to.include('about 1 h 10 min to 2 h 10 min');
    expect(text(en)).to.include('up to 10 min');
  });

  it('keeps a wait whole on the board when a narrow screen wraps the categories', async () => {
    const categories = snapshot().categories;
    const { el } = await streamed(
      html`<zw-queue-status hall="test-hall" variant="board" style="display: block; width: 300px"></zw-queue-status>`,
      snapshot({
        categories: categories.map((c, i) => ({ ...c, estimatedWaitMinutes: 30, estimatedWaitRange: { low: 16 + i, high: 45 } })),
      }),
    );
    await until(() => el.shadowRoot!.querySelector('.board .cats'), 'the board');
    expect(text(el)).to.include('约 16 至 45 分钟');
    expect(brokenText(el)).to.deep.equal([]);
  });

  it('shows the point estimate when a range is no range (its ends equal or reversed)', async () => {
    const categories = snapshot().categories;
    const { el } = await streamed(
      html`<zw-queue-status hall="test-hall"></zw-queue-status>`,
      snapshot({ categories: [{ ...categories[0]!, estimatedWaitMinutes: 23, estimatedWaitRange: { low: 30, high: 15 } }] }),
    );
    expect(text(el)).to.include('等候 7 人 · 约 23 分钟');
  });

  it('speaks English when asked, and shows a closed hall', async () => {
    const { el } = await streamed(
      html`<zw-queue-status hall="test-hall" lang="en"></zw-queue-status>`,
      snapshot({ open: false }),
    );
    const t = text(el);
    expect(t).to.include('Closed now');
    expect(t).to.include('Today 09:00–17:00, lunch break 12:00–13:30');
    expect(t).to.include('7 waiting · Closed now'); // no wait is promised while the hall is closed
    expect(t).to.include('Updated 10:15:00');
    await expect(el).to.be.accessible();
  });

  it('outside opening hours promises no wait and offers no ticket, only why', async () => {
    const { el } = await streamed(
      html`<zw-queue-status hall="test-hall" allow-take></zw-queue-status>`,
      snapshot({ open: false }),
    );
    await until(() => text(el).includes('大厅现在不在办公时间'), 'the take section says why');
    const t = text(el);
    expect(t).not.to.include('无需等候');
    expect(t).not.to.include('约 23 分钟');
    expect(t).to.include('C · 企业开办 未在办公时间');
    expect(t).to.include('A · 社保医保 等候 7 人 · 未在办公时间');
    expect(el.shadowRoot!.querySelector('.take form')).to.be.null;
    expect($(el, '.take p').textContent).to.include('大厅现在不在办公时间');
    await expect(el).to.be.accessible();
  });

  it('shows only the categories named in `category`, and the windows that serve them', async () => {
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" category="B, C"></zw-queue-status>`);
    const t = text(el);
    expect(t).not.to.include('社保医保');
    expect(t).to.include('不动产登记');
    expect(t).to.include('6 号窗口'); // serves A and B
    expect(t).to.include('12 号窗口');
    expect(t).not.to.include('5 号窗口');
  });

  it('takes the hall from <zw-config> when it has no hall attribute', async () => {
    const root = await fixture(html`<zw-config hall="test-hall"><zw-queue-status></zw-queue-status></zw-config>`);
    const el = root.querySelector('zw-queue-status')!;
    await until(() => FakeSource.all.length);
    expect(FakeSource.last.url).to.include('/halls/test-hall/events');
    FakeSource.last.send('snapshot', snapshot());
    await el.updateComplete;
    expect(text(el)).to.include('广安区政务服务中心');
  });

  it('says that a hall is missing instead of failing silently', async () => {
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status></zw-queue-status>`);
    expect(text(el)).to.include('未指定服务大厅');
    expect(FakeSource.all).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<zw-queue-status> live updates', () => {
  it('applies a stream patch to the page and ignores an older one', async () => {
    const { el, source } = await streamed();
    const patch: HallPatch = {
      version: 1288,
      updatedAt: '2026-11-23T10:15:12+08:00',
      windows: [win(5, { serving: 'A020' })],
      categories: [
        { id: 'A', name: '社保医保', prefix: 'A', waiting: 6, avgServiceMinutes: 6.5, estimatedWaitMinutes: 20 },
      ],
    };
    source.send('patch', patch);
    await el.updateComplete;
    expect(text(el)).to.include('5 号窗口 正在办理 A020');
    expect(text(el)).to.include('等候 6 人 · 约 20 分钟');
    expect(text(el)).to.include('更新于 10:15:12');
    source.send('patch', {
      version: 1280,
      updatedAt: '2026-11-23T10:14:00+08:00',
      windows: [win(5, { serving: 'A001' })],
    });
    await el.updateComplete;
    expect(text(el)).to.include('正在办理 A020');
  });

  it('accepts a fresh snapshot at any point and replaces its state', async () => {
    const { el, source } = await streamed();
    source.send('snapshot', snapshot({ version: 2000, windows: [win(1, { serving: 'A100' })] }));
    await el.updateComplete;
    expect(text(el)).to.include('1 号窗口 正在办理 A100');
    expect(text(el)).not.to.include('5 号窗口');
  });

  it('reopens a closed stream with backoff, resuming after the last event id', async () => {
    clock = fakeClock();
    const { el, source } = await streamed();
    source.send('patch', { version: 1290, updatedAt: '2026-11-23T10:16:00+08:00' });
    source.fail(true);
    expect(FakeSource.all).to.have.length(1);
    await el.updateComplete;
    expect(statusText(el)).to.equal('正在重新连接…');
    await clock.tick(2_500);
    expect(FakeSource.all).to.have.length(2);
    expect(FakeSource.last.url).to.match(/\/events\?lastEventId=1290$/);
    FakeSource.last.open();
    FakeSource.last.send('patch', { version: 1291, updatedAt: '2026-11-23T10:16:30+08:00' });
    await el.updateComplete;
    expect(text(el)).to.include('更新于 10:16:30');
    expect(fetches).to.have.length(0); // never fell back to polling
  });

  it('falls back to polling the snapshot when the stream fails twice', async () => {
    stubFetch((url) =>
      url.endsWith('/snapshot') ? json(snapshot({ name: '轮询大厅' }), 200, { ETag: '"v1"' }) : undefined,
    );
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    const source = FakeSource.last;
    source.fail();
    expect(fetches).to.have.length(0); // the browser is retrying: one failure is not enough
    source.fail();
    expect(source.readyState).to.equal(2);
    await until(() => text(el).includes('轮询大厅'));
    expect(fetches[0].url).to.match(/\/api\/v1\/halls\/test-hall\/snapshot$/);
    expect(FakeSource.all).to.have.length(1);
  });

  it('polls with ETag when EventSource is unavailable, at the interval, faster when the ticket is near', async () => {
    delete (window as { EventSource?: unknown }).EventSource;
    let ahead = 6;
    stubFetch((url, init) => {
      if (url.includes('/tickets/')) return json(ticket({ ahead }));
      if (header({ url, init }, 'If-None-Match') === '"v1"')
        return new Response(null, { status: 304, headers: { ETag: '"v1"' } });
      return json(snapshot(), 200, { ETag: '"v1"' });
    });
    await parts.ticket.load(); // the ticket's code is fetched by real timers, before the clock is faked
    clock = fakeClock();
    const el = await fixture<ZwQueueStatus>(
      html`<zw-queue-status hall="test-hall" ticket="A023" interval="20"></zw-queue-status>`,
    );
    await clock.tick(0);
    const polls = () => fetches.filter((f) => f.url.endsWith('/snapshot'));
    expect(polls()).to.have.length(1);
    expect(text(el)).to.include('前面还有 6 人');
    await clock.tick(19_000);
    expect(polls()).to.have.length(1);
    await clock.tick(1_500);
    expect(polls()).to.have.length(2);
    expect(header(polls()[1], 'If-None-Match')).to.equal('"v1"');
    expect(statusText(el)).to.equal('每 20 秒刷新'); // polled, not live

    ahead = 2;
    el.ticket = 'A024';
    await clock.tick(0);
    expect(text(el)).to.include('快到您了');
    await clock.tick(20_000); // the poll already scheduled at the slow pace
    const before = polls().length;
    await clock.tick(5_500);
    expect(polls().length).to.equal(before + 1);
  });

  it('pauses while the page is hidden and refreshes at once on return', async () => {
    clock = fakeClock();
    const { el, source } = await streamed();
    source.send('patch', { version: 1300, updatedAt: '2026-11-23T10:20:00+08:00' });
    setHidden(true);
    expect(source.readyState).to.equal(2);
    await clock.tick(120_000);
    expect(FakeSource.all).to.have.length(1);
    expect(clock.pending).to.equal(0);
    setHidden(false);
    expect(FakeSource.all).to.have.length(2);
    expect(FakeSource.last.url).to.include('lastEventId=1300');
    await el.updateComplete;
  });

  it('pauses polling while hidden too, and polls at once on return', async () => {
    delete (window as { EventSource?: unknown }).EventSource;
    stubFetch(() => json(snapshot()));
    clock = fakeClock();
    await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    await clock.tick(0);
    expect(fetches).to.have.length(1);
    setHidden(true);
    await clock.tick(120_000);
    expect(fetches).to.have.length(1);
    setHidden(false);
    await clock.tick(0);
    expect(fetches).to.have.length(2);
  });

  it('keeps listening while hidden when a ticket waits for its call', async () => {
    stubFetch((url) => (url.includes('/tickets/') ? json(ticket()) : undefined));
    const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => text(el).includes('前面还有 6 人'));
    setHidden(true);
    expect(source.readyState).to.equal(1);
    setHidden(false);
    expect(FakeSource.all).to.have.length(1);
  });

  it('says "正在重新连接…" while the stream is down, "数据可能已过期" after two missed intervals, and never "实时" then', async () => {
    // Polls hang too.
    stubFetch(
      (_, init) =>
        new Promise((_, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    clock = fakeClock();
    const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" interval="10"></zw-queue-status>`);
    expect(statusText(el)).to.equal('实时更新');
    source.fail(); // connection dropped; the browser keeps retrying
    await el.updateComplete;
    expect(statusText(el)).to.equal('正在重新连接…');
    expect($(el, '.meta [role="status"]').className).to.equal('warn');
    await clock.tick(7_000);
    expect(statusText(el)).to.equal('正在重新连接…');
    await clock.tick(19_000); // two intervals since the stream was last heard, and the next re-render
    expect(statusText(el)).to.equal('数据可能已过期');
    expect($(el, '.meta [role="status"]').className).to.equal('warn');
    clock.restore(); // axe needs real timers
    await expect(el).to.be.accessible();
    setOnline(true); // the network is back: a new stream at once
    FakeSource.last.open();
    FakeSource.last.heartbeat(1287);
    await el.updateComplete;
    expect(statusText(el)).to.equal('实时更新');
  });

  it('says how its figures come, accessibly, while it polls and while it reconnects', async () => {
    stubFetch((url) => (url.endsWith('/snapshot') ? json(snapshot()) : undefined));
    delete (window as { EventSource?: unknown }).EventSource;
    const polled = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    await until(() => statusText(polled) === '每 15 秒刷新', 'polled');
    await expect(polled).to.be.accessible();
    (window as { EventSource: unknown }).EventSource = FakeSource;
    const { el, source } = await streamed();
    source.fail();
    await el.updateComplete;
    expect(statusText(el)).to.equal('正在重新连接…');
    await expect(el).to.be.accessible();
  });

  it('stays live on a quiet hall while heartbeats come, and calls a stalled stream out: polls and reconnects', async () => {
    stubFetch((url) => (url.endsWith('/snapshot') ? json(snapshot({ name: '轮询大厅' })) : undefined));
    clock = fakeClock();
    const { el, source } = await streamed();
    for (let n = 0; n < 8; n++) {
      await clock.tick(HEARTBEAT_MS);
      source.heartbeat(1287);
    }
    await el.updateComplete;
    expect(statusText(el)).to.equal('实时更新');
    expect(FakeSource.all).to.have.length(1);
    expect(fetches).to.have.length(0);

    // The connection stays open, but nothing arrives any more (a proxy holds the events back).
    await clock.tick(STALL_MS - 1_000);
    expect(statusText(el)).to.equal('数据可能已过期');
    await clock.tick(1_000);
    expect(source.readyState).to.equal(2);
    expect(fetches.map((f) => f.url)).to.deep.equal(['/api/v1/halls/test-hall/snapshot']);
    expect(text(el)).to.include('轮询大厅');
    expect(statusText(el)).to.equal('每 15 秒刷新');
    await clock.tick(STREAM_RETRY_CAP_MS);
    expect(FakeSource.all).to.have.length(2);
    expect(FakeSource.last.url).to.match(/lastEventId=1287$/);
    FakeSource.last.open();
    FakeSource.last.heartbeat(1287);
    await el.updateComplete;
    expect(statusText(el)).to.equal('实时更新');
    const polls = fetches.length;
    for (let n = 0; n < 4; n++) {
      await clock.tick(HEARTBEAT_MS);
      FakeSource.last.heartbeat(1287);
    }
    expect(fetches, 'no polling once the stream is heard again').to.have.length(polls);
    clock.restore();
    await expect(el).to.be.accessible();
  });

  it('calls a stream out after two of the heartbeat intervals it names, and is live again within 10 s', async () => {
    let healthy = false;
    // Once the path heals, a new stream opens and the server sends what it missed.
    FakeSource.onCreate = (source) =>
      void Promise.resolve().then(() => {
        if (!healthy) return;
        source.open();
        source.send('snapshot', snapshot({ version: 1300, name: '恢复后的大厅' }));
      });
    clock = fakeClock();
    try {
      const { el, source } = await streamed();
      source.heartbeat(1287, 4_000);
      await clock.tick(4_000);
      source.heartbeat(1287, 4_000);
      // The connection stalls right after that heartbeat, and the path heals at the same moment.
      healthy = true;
      const healed = Date.now();
      await clock.tick(7_900);
      expect(FakeSource.all, 'still waiting for the next heartbeats').to.have.length(1);
      expect(statusText(el)).to.equal('实时更新');
      await clock.tick(2_000);
      expect(source.readyState).to.equal(2);
      expect(FakeSource.all).to.have.length(2);
      expect(FakeSource.last.createdAt - healed).to.be.at.most(8_100);
      expect(text(el)).to.include('恢复后的大厅');
      expect(statusText(el)).to.equal('实时更新');
    } finally {
      FakeSource.onCreate = undefined;
    }
  });

  it('falls back to polling when the stream hangs before it opens, and goes live when the stream comes', async () => {
    stubFetch((url) => (url.endsWith('/snapshot') ? json(snapshot({ name: '轮询大厅' })) : undefined));
    await loadStreamChecks();
    clock = fakeClock();
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    await clock.tick(CONNECT_MS - 100);
    expect(text(el)).to.include('正在加载…');
    expect(fetches).to.have.length(0);
    await clock.tick(100);
    expect(text(el)).to.include('轮询大厅');
    expect(statusText(el)).to.equal('每 15 秒刷新');
    await clock.tick(STREAM_RETRY_CAP_MS);
    expect(FakeSource.all).to.have.length(2);
    FakeSource.last.open();
    FakeSource.last.send('snapshot', snapshot());
    await el.updateComplete;
    expect(text(el)).to.include('广安区政务服务中心');
    expect(statusText(el)).to.equal('实时更新');
    const polls = fetches.length;
    await clock.tick(HEARTBEAT_MS);
    FakeSource.last.heartbeat(1287);
    await clock.tick(HEARTBEAT_MS);
    expect(fetches).to.have.length(polls);
  });

  it('keeps trying the stream while it polls, and is live again within 10 s of the path healing', async () => {
    stubFetch((url) => (url.endsWith('/snapshot') ? json(snapshot({ name: '轮询大厅' })) : undefined));
    let broken = true;
    // While the path is broken every stream fails at once, as a proxy that refuses event streams makes it; once it
    // heals, a stream opens and the server sends its snapshot.
    FakeSource.onCreate = (source) =>
      void Promise.resolve().then(() => {
        if (broken) return source.fail(true);
        source.open();
        source.send('snapshot', snapshot());
      });
    await loadStreamChecks();
    clock = fakeClock();
    try {
      const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
      await clock.tick(120_000);
      const attempts = FakeSource.all.length;
      // One attempt at most every STREAM_RETRY_CAP_MS (and at least every half of it).
      expect(attempts).to.be.within(120_000 / STREAM_RETRY_CAP_MS, 120_000 / (STREAM_RETRY_CAP_MS / 2) + 2);
      expect(text(el)).to.include('轮询大厅');
      expect(statusText(el)).to.equal('每 15 秒刷新');
      broken = false;
      const healed = Date.now();
      await clock.tick(10_000);
      expect(FakeSource.all[attempts].createdAt - healed, 'the first attempt after healing').to.be.at.most(10_000);
      expect(statusText(el)).to.equal('实时更新');
      expect(text(el)).to.include('广安区政务服务中心');
      const polls = fetches.length;
      await clock.tick(HEARTBEAT_MS);
      FakeSource.last.heartbeat(1287);
      await clock.tick(HEARTBEAT_MS);
      expect(fetches, 'polling stopped').to.have.length(polls);
    } finally {
      FakeSource.onCreate = undefined;
    }
  });

  it('says "网络已断开" offline, closes the stream, and reconnects when the network returns', async () => {
    const { el, source } = await streamed();
    setOnline(false);
    await el.updateComplete;
    expect(statusText(el)).to.equal('网络已断开');
    expect(source.readyState).to.equal(2);
    await expect(el).to.be.accessible();
    setOnline(true);
    await el.updateComplete;
    expect(FakeSource.all).to.have.length(2);
    FakeSource.last.open();
    FakeSource.last.send('snapshot', snapshot());
    await el.updateComplete;
    expect(statusText(el)).to.equal('实时更新');
  });

  it('releases the stream, timers and requests when it leaves the page', async () => {
    await Promise.all([parts.ticket.load(), parts.busy.load()]); // fetched before the clock is faked
    clock = fakeClock();
    let aborted = 0;
    stubFetch(
      (_, init) =>
        new Promise((_, reject) => {
          const abort = () => (aborted++, reject(new DOMException('aborted', 'AbortError')));
          if (init.signal!.aborted) abort();
          init.signal!.addEventListener('abort', abort);
        }),
    );
    const { el, source } = await streamed(
      html`<zw-queue-status hall="test-hall" ticket="A023" show-forecast></zw-queue-status>`,
    );
    expect(clock.pending).to.be.greaterThan(0);
    el.remove();
    await clock.tick(0);
    expect(source.readyState).to.equal(2);
    expect(aborted).to.be.greaterThan(0);
    // The API client's own per-request timers are cleared as their requests end.
    expect(clock.pending).to.equal(0);
  });
});

describe('<zw-queue-status> failures', () => {
  it('turns a malformed snapshot into a readable error, with no uncaught exception', async () => {
    delete (window as { EventSource?: unknown }).EventSource;
    const bad = snapshot();
    (bad.windows[0] as unknown as { status: number }).status = 5;
    stubFetch(() => json(bad));
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push(e);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect($(el, '[role="alert"]').textContent).to.include('服务器返回的数据有误（windows[0].status）');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('重试');
    await expect(el).to.be.accessible();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(uncaught).to.have.length(0);
  });

  it('keeps a snapshot with a window status it does not know, and names it neutrally', async () => {
    const newer = snapshot({
      windows: [
        win(5, { status: 'training' as never, serving: 'A019' }),
        win(7, { status: 'training' as never, serving: null }),
        win(12, { serving: 'B007', categoryIds: ['B'] }),
      ],
    });
    const { el } = await streamed(html`<zw-queue-status hall="test-hall"></zw-queue-status>`, newer);
    const t = text(el);
    expect(t).to.include('7 号窗口 状态未知');
    expect(t).to.include('5 号窗口 正在办理 A019');
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(undefined);
    expect(statusText(el)).to.equal('实时更新');
    expect(t).not.to.include('training');
    await expect(el).to.be.accessible();
  });

  it('shows a followed ticket whose status it does not know with its number and a neutral word', async () => {
    stubFetch((url) => (url.includes('/tickets/') ? json(ticket({ status: 'transferred' as never })) : undefined));
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => text(el).includes('请留意大厅叫号屏和广播'));
    expect($(el, '.mine .num').textContent).to.equal('A023');
    expect(text(el)).not.to.include('已办理完毕');
    await expect(el).to.be.accessible();
  });

  it('reports a malformed stream message without throwing, and recovers on the next good one', async () => {
    const { el, source } = await streamed();
    source.send('patch', '{"version": 1300, "updatedAt": 5');
    await el.updateComplete;
    expect(statusText(el)).to.include('服务器返回的数据有误');
    source.send('patch', { version: 1301, updatedAt: '2026-11-23T10:30:00+08:00' });
    await el.updateComplete;
    expect(statusText(el)).to.equal('实时更新');
  });

  it('offers a retry after a failed first load', async () => {
    delete (window as { EventSource?: unknown }).EventSource;
    let n = 0;
    stubFetch(() => (++n === 1 ? problem('not-found', 404) : json(snapshot())));
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall="test-hall"></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(el)).to.include('未找到相关信息');
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => text(el).includes('广安区政务服务中心'));
  });
});

describe('<zw-queue-status> my ticket', () => {
  it('validates a typed number, follows it and remembers it on this device', async () => {
    stubFetch((url) => (url.includes('/tickets/') ? json(ticket({ ahead: 4, estimatedWaitMinutes: 12 })) : undefined));
    const { el } = await streamed();
    $(el, '#num').focus();
    await sendKeys({ type: 'a23' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#num');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#num-note').textContent).to.include('号码格式不对');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(fetches).to.have.length(0);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '023' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('前面还有 4 人'));
    expect(fetches[0].url).to.match(/\/api\/v1\/halls\/test-hall\/tickets\/A023$/);
    expect(text(el)).to.include('预计等候：约 12 分钟');

    // A range, when the server gives one, on the ticket too.
    fetches.length = 0;
    stubFetch((url) =>
      url.includes('/tickets/') ? json(ticket({ ahead: 4, estimatedWaitMinutes: 12, estimatedWaitRange: { low: 8, high: 20 } })) : undefined,
    );
    const { el: ranged } = await streamed();
    await until(() => text(ranged).includes('预计等候：约 8 至 20 分钟'));
    await expect(el).to.be.accessible();

    // Another visit to the same hall follows the same ticket.
    const { el: again } = await streamed();
    await until(() => text(again).includes('A023'));
    // "Stop following" forgets it.
    [...again.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('不再关注'))!.click();
    await again.updateComplete;
    expect(again.shadowRoot!.querySelector('#num')).to.exist;
    const { el: third } = await streamed();
    expect(third.shadowRoot!.querySelector('#num')).to.exist;
  });

  it('announces the call exactly once, changes the hidden tab title, and fires zw-called once', async () => {
    let state = ticket({ ahead: 1 });
    stubFetch((url) => (url.includes('/tickets/') ? json(state) : undefined));
    const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => text(el).includes('前面还有 1 人'));
    const region = $(el, '[aria-live="assertive"]');
    expect(region.textContent!.trim()).to.equal('');
    const changes: string[] = [];
    new MutationObserver(() => changes.push(region.textContent!.trim())).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    const called: CustomEvent[] = [];
    el.addEventListener('zw-called', (e) => called.push(e));
    document.title = '广安区政务服务网';
    setHidden(true);

    state = ticket({
      status: 'called',
      ahead: 0,
      estimatedWaitMinutes: 0,
      window: { id: 'w05', label: '5 号窗口' },
      calledAt: '2026-11-23T10:21:40+08:00',
    });
    const call = { ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口', at: '2026-11-23T10:21:40+08:00' };
    source.send('patch', { version: 1288, updatedAt: call.at, windows: [win(5, { serving: 'A023' })], calls: [call] });
    await el.updateComplete;
    expect($(el, '.called .go').textContent).to.equal('请到 5 号窗口');
    expect(region.textContent!.trim()).to.equal('请 A023 号到 5 号窗口办理。');
    expect(document.title).to.equal('【请到 5 号窗口】广安区政务服务网');
    // More news about the same call (a lookup, later patches, a replayed patch) says nothing again.
    source.send('patch', { version: 1289, updatedAt: '2026-11-23T10:22:00+08:00', calls: [call] });
    source.send('patch', {
      version: 1290,
      updatedAt: '2026-11-23T10:22:10+08:00',
      windows: [win(6, { serving: 'A024' })],
    });
    await until(() => fetches.filter((f) => f.url.includes('/tickets/')).length >= 3);
    await el.updateComplete;
    expect(changes).to.deep.equal(['请 A023 号到 5 号窗口办理。']);
    expect(called).to.have.length(1);
    expect(called[0].detail).to.deep.equal({ ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口' });
    await expect(el).to.be.accessible();

    setHidden(false);
    expect(document.title).to.equal('广安区政务服务网');
  });

  it('looks the ticket up again only when a change may have moved it', async () => {
    await parts.ticket.load(); // so that the first snapshot finds the ticket followed and looks it up again
    stubFetch((url) => (url.includes('/tickets/') ? json(ticket()) : undefined));
    const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => text(el).includes('前面还有 6 人'));
    const lookups = () => fetches.filter((f) => f.url.includes('/tickets/')).length;
    await until(() => lookups() === 2); // on follow, then after the first snapshot
    const other = {
      id: 'B',
      name: '不动产登记',
      prefix: 'B',
      waiting: 4,
      avgServiceMinutes: 15,
      estimatedWaitMinutes: 60,
    };
    source.send('patch', { version: 1288, updatedAt: '2026-11-23T10:16:00+08:00', categories: [other] });
    source.send('patch', {
      version: 1289,
      updatedAt: '2026-11-23T10:16:10+08:00',
      windows: [win(12, { status: 'paused', serving: null })],
    });
    await el.updateComplete;
    expect(lookups()).to.equal(2);
    const mine = { ...snapshot().categories[0], waiting: 5 };
    source.send('patch', { version: 1290, updatedAt: '2026-11-23T10:16:20+08:00', categories: [mine] });
    await until(() => lookups() === 3);
  });

  it('rings and speaks only after the resident opted in', async () => {
    const sound = listenForSound();
    try {
      let state = ticket({ ahead: 1 });
      stubFetch((url) => (url.includes('/tickets/') ? json(state) : undefined));
      const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
      await until(() => text(el).includes('前面还有 1 人'));
      const toggle = $(el, 'button[aria-pressed]');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.focus();
      await sendKeys({ press: 'Enter' }); // a real user gesture
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      await until(() => sound.tones === 2, 'the two-tone preview, once the sound code is here');
      const preview = sound.tones;
      expect(sound.spoken).to.have.length(0);

      state = ticket({
        status: 'called',
        ahead: 0,
        window: { id: 'w07', label: '7 号窗口' },
        calledAt: '2026-11-23T10:21:40+08:00',
      });
      source.send('patch', {
        version: 1288,
        updatedAt: '2026-11-23T10:21:40+08:00',
        calls: [{ ticket: 'A023', windowId: 'w07', windowLabel: '7 号窗口', at: '2026-11-23T10:21:40+08:00' }],
      });
      await el.updateComplete;
      expect(sound.tones).to.equal(preview + 2);
      expect(sound.spoken).to.have.length(1);
      expect(sound.spoken[0].text).to.equal('请 A023 号到 7 号窗口办理。');
      expect(sound.spoken[0].lang).to.equal('zh-CN');
    } finally {
      sound.restore();
    }
  });

  it('stays silent without the opt-in', async () => {
    const sound = listenForSound();
    try {
      stubFetch((url) => (url.includes('/tickets/') ? json(ticket()) : undefined));
      const { el, source } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
      await until(() => text(el).includes('前面还有'));
      source.send('patch', {
        version: 1288,
        updatedAt: '2026-11-23T10:21:40+08:00',
        calls: [{ ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口', at: '2026-11-23T10:21:40+08:00' }],
      });
      await el.updateComplete;
      expect(text(el)).to.include('请到 5 号窗口');
      expect(sound.spoken).to.have.length(0);
    } finally {
      sound.restore();
    }
  });

  for (const [status, words] of [
    ['missed', '您的号码已过号'],
    ['served', '已办理完毕'],
  ] as const) {
    it(`shows the ${status} state`, async () => {
      stubFetch((url) =>
        url.includes('/tickets/')
          ? json(ticket({ status, ahead: 0, window: { id: 'w05', label: '5 号窗口' } }))
          : undefined,
      );
      const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
      await until(() => text(el).includes(words));
      expect(el.shadowRoot!.querySelector('button[aria-pressed]')).to.be.null;
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the ticket number in view when its lookup fails, and offers 重试', async () => {
    let fail = true;
    stubFetch((url) =>
      url.includes('/tickets/') ? (fail ? problem('internal', 500) : json(ticket({ ahead: 3 }))) : undefined,
    );
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="A023"></zw-queue-status>`);
    await until(() => text(el).includes('服务暂时不可用'), 'the failure', 15_000);
    expect($(el, '.mine .num').textContent).to.equal('A023');
    await expect(el).to.be.accessible();
    fail = false;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.mine button')]
      .find((b) => b.textContent!.trim() === '重试')!
      .click();
    await until(() => text(el).includes('前面还有 3 人'));
  });

  it('says when today has no such ticket', async () => {
    stubFetch((url) => (url.includes('/tickets/') ? problem('not-found', 404) : undefined));
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" ticket="Z999"></zw-queue-status>`);
    await until(() => text(el).includes('今天没有查到这个号码'));
  });
});

describe('<zw-queue-status> busy hours', () => {
  it('draws the forecast, marks the current hour, names the quietest coming hour and offers a table', async () => {
    const now = new Date(Date.now() + 8 * 3_600_000).getUTCHours();
    const hours = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      expectedWaitMinutes: hour === (now + 2) % 24 ? 3 : hour === now - 1 ? 1 : 30 + hour,
      level: (hour % 3 === 0 ? 'low' : hour % 3 === 1 ? 'medium' : 'high') as 'low' | 'medium' | 'high',
    }));
    const forecast: Forecast = { hallId: 'test-hall', date: '2026-11-23', hours };
    stubFetch((url) => (url.endsWith('/forecast') ? json(forecast) : undefined));
    const { el } = await streamed(html`<zw-queue-status hall="test-hall" show-forecast></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('.busy'));
    const quiet = now + 2 <= 23 ? `${now + 2}:00–${now + 3}:00` : undefined;
    if (quiet) expect(text(el)).to.include(`接下来最空闲的时段是 ${quiet}，预计等候约 3 分钟。`);
    expect($(el, '.chart').getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('rect')).to.have.length(24);
    expect(el.shadowRoot!.querySelectorAll('rect.now')).to.have.length(1);
    expect($(el, '.chart li.now').textContent).to.include('现在');
    const rows = el.shadowRoot!.querySelectorAll('table tbody tr');
    expect(rows).to.have.length(24);
    expect(rows[now].querySelector('th')!.textContent).to.include('现在');
    await expect(el).to.be.accessible();
  });
});

describe('<zw-queue-status> online ticket (real server)', () => {
  const hall = 'guangan-zwzx';
  const waitingFor = async (category: string) => {
    const res = await realFetch(`/api/v1/halls/${hall}/snapshot`);
    const snap = (await res.json()) as HallSnapshot;
    return snap.categories.find((c) => c.id === category)!.waiting;
  };

  it('a double submit and a reload after a lost answer make exactly one ticket', async function () {
    this.timeout(30_000); // several round trips to the real server, with the client's retry backoff in between
    delete (window as { EventSource?: unknown }).EventSource;
    const before = await waitingFor('C');
    let loseAnswer = true;
    stubFetch(async (url, init) => {
      if (init.method === 'POST' && loseAnswer) {
        await realFetch(url, init); // the server issues the ticket...
        throw new TypeError('Failed to fetch'); // ...but the answer never arrives
      }
      return undefined;
    });
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall} allow-take></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('input[type="radio"]'));
    const radio = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (r) => r.value === 'C',
    )!;
    radio.click();
    const submit = $<HTMLButtonElement>(el, '.take button');
    submit.click();
    submit.click();
    await until(() => el.shadowRoot!.querySelector('.take [role="alert"]'), 'the lost answer is reported');
    const posts = fetches.filter((f) => f.init.method === 'POST');
    expect(posts.length).to.be.greaterThan(1); // the automatic retries
    const keys = new Set(posts.map((f) => header(f, 'Idempotency-Key')));
    expect(keys.size).to.equal(1);
    expect(await waitingFor('C')).to.equal(before + 1);

    // The resident reloads the page: the stored attempt is finished with the same key.
    el.remove();
    loseAnswer = false;
    fetches = [];
    const reloaded = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall} allow-take></zw-queue-status>`);
    await until(() => reloaded.shadowRoot!.querySelector('.mine .num'));
    const post = fetches.find((f) => f.init.method === 'POST')!;
    expect(header(post, 'Idempotency-Key')).to.equal([...keys][0]);
    expect(await waitingFor('C')).to.equal(before + 1);
    const number = $(reloaded, '.mine .num').textContent!;
    expect(number).to.match(/^C\d{3}$/);
    expect($(reloaded, '[role="status"]:not(.meta *)').textContent).to.equal(`取号成功，您的号码是 ${number}。`);
    expect(reloaded.shadowRoot!.querySelector('.take')).to.be.null; // one ticket at a time
    await expect(reloaded).to.be.accessible();

    // A third visit neither posts again nor forgets the ticket.
    fetches = [];
    const third = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall} allow-take></zw-queue-status>`);
    await until(() => third.shadowRoot!.querySelector('.mine .num'));
    expect($(third, '.mine .num').textContent).to.equal(number);
    expect(fetches.filter((f) => f.init.method === 'POST')).to.have.length(0);
  });

  it('keeps the key after an answer that is not a valid ticket for it, so pressing again makes no second ticket', async function () {
    this.timeout(30_000);
    delete (window as { EventSource?: unknown }).EventSource;
    const before = await waitingFor('E');
    // The server issues the ticket, but what arrives is not a ticket of this attempt: empty, the wrong shape, another
    // category's ticket (a proxy's cached answer).
    const wrong = [
      () => new Response('', { status: 201 }),
      () => json({ number: 1 }, 201),
      () => json(ticket({ hallId: hall, categoryId: 'A', number: 'A999' }), 201),
    ];
    let answer: (() => Response) | undefined;
    stubFetch(async (url, init) => {
      if (init.method !== 'POST' || !answer) return undefined;
      await realFetch(url, init);
      return answer();
    });
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall} allow-take></zw-queue-status>`);
    await until(() => el.shadowRoot!.querySelector('input[type="radio"]'));
    [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'E')!.click();
    for (const next of wrong) {
      answer = next;
      $<HTMLButtonElement>(el, '.take button').click();
      await until(() => !el.shadowRoot!.querySelector('.take button[aria-disabled="true"]'), 'the attempt ends');
      await until(() => el.shadowRoot!.querySelector('.take [role="alert"]'), 'the failure is said');
      expect(localStorage.getItem(`zw-queue:${hall}:take`), 'the attempt is kept').not.to.be.null;
      expect($(el, '.take [role="alert"]').textContent).to.include('不会重复取号');
      expect(el.shadowRoot!.querySelector('.mine .num')).to.be.null;
    }
    await expect(el).to.be.accessible();
    answer = undefined;
    $<HTMLButtonElement>(el, '.take button').click();
    await until(() => el.shadowRoot!.querySelector('.mine .num'), 'the ticket');
    expect($(el, '.mine .num').textContent).to.match(/^E\d{3}$/);
    const keys = new Set(fetches.filter((f) => f.init.method === 'POST').map((f) => header(f, 'Idempotency-Key')));
    expect(keys.size).to.equal(1);
    expect(await waitingFor('E')).to.equal(before + 1);
    expect(localStorage.getItem(`zw-queue:${hall}:take`)).to.be.null;
  });

  for (const [slug, words] of [
    ['hall-closed', '大厅现在不在办公时间'],
    ['quota-exhausted', '今日线上取号名额已用完'],
  ] as const) {
    it(`explains ${slug}`, async () => {
      stubFetch((_, init) => (init.method === 'POST' ? problem(slug, 409) : undefined));
      const { el } = await streamed(html`<zw-queue-status hall="test-hall" allow-take></zw-queue-status>`);
      await until(() => el.shadowRoot!.querySelector('input[type="radio"]'), 'the take form');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      $<HTMLButtonElement>(el, '.take button').click();
      await until(() => el.shadowRoot!.querySelector('.take [role="alert"]'));
      expect($(el, '.take [role="alert"]').textContent).to.include(words);
      expect(localStorage.getItem('zw-queue:test-hall:take')).to.be.null; // a refusal ends the attempt
      await expect(el).to.be.accessible();
    });
  }

  it('shows live changes from the real server stream', async () => {
    window.EventSource = realEventSource;
    const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall}></zw-queue-status>`);
    await until(() => text(el).includes('广安区政务服务中心'), 'the stream delivers a snapshot');
    const before = await waitingFor('D');
    const res = await realFetch(`/api/v1/halls/${hall}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `qs-live-${Date.now()}` },
      body: JSON.stringify({ categoryId: 'D' }),
    });
    expect(res.status).to.equal(201);
    await until(() => text(el).includes(`企业开办 等候 ${before + 1} 人`), 'the patch reaches the page');
  });
});

describe('<zw-queue-status> board', () => {
  it('fits 40 windows on a 1920×1080 wall display without scrolling, in large type', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const windows = Array.from({ length: 40 }, (_, n) =>
      win(n + 1, n % 9 === 8 ? { status: 'paused', serving: null } : {}),
    );
    const { el, source } = await streamed(
      html`<zw-queue-status hall="test-hall" variant="board"></zw-queue-status>`,
      snapshot({ windows }),
    );
    await until(() => el.shadowRoot!.querySelector('.grid'), 'the board');
    const cells = el.shadowRoot!.querySelectorAll('.grid li');
    expect(cells).to.have.length(40);
    expect(el.getBoundingClientRect().height).to.equal(1080);
    const board = $(el, '.board');
    expect(board.scrollHeight).to.be.at.most(board.clientHeight);
    for (const cell of cells) expect(cell.scrollHeight).to.be.at.most(cell.clientHeight + 1);
    const last = cells[39].getBoundingClientRect();
    expect(last.bottom).to.be.at.most(1080);
    // Ticket numbers at least 64 px tall: about 4 cm on a 55-inch screen, readable from five metres.
    expect(parseFloat(getComputedStyle($(el, '.grid .num')).fontSize)).to.be.at.least(64);
    expect(el.shadowRoot!.querySelector('input, button, form')).to.be.null;
    await expect(el).to.be.accessible();

    source.send('patch', {
      version: 1288,
      updatedAt: '2026-11-23T10:15:12+08:00',
      windows: [win(3, { serving: 'A100' })],
    });
    await el.updateComplete;
    expect($(el, '.grid li.new').textContent).to.include('A100');
  });
});

describe('<zw-queue-status> accessibility in every mode', () => {
  const modes: [string, () => void][] = [
    ['elder', () => pagePrefsStore().set({ elder: true })],
    ['black-on-white', () => pagePrefsStore().set({ contrast: 'black-on-white' })],
    ['yellow-on-black', () => pagePrefsStore().set({ contrast: 'yellow-on-black' })],
    ['white-on-blue', () => pagePrefsStore().set({ contrast: 'white-on-blue', elder: true })],
    ['en', () => (document.documentElement.lang = 'en')],
  ];
  for (const [name, apply] of modes) {
    it(`is clean in ${name} mode: card, waiting, called, take, forecast, stale, board`, async () => {
      apply();
      let state = ticket({ ahead: 2 });
      stubFetch((url) => {
        if (url.includes('/tickets/')) return json(state);
        if (url.endsWith('/forecast'))
          return json({
            hallId: 'test-hall',
            date: '2026-11-23',
            hours: [9, 10, 11, 13, 14, 15, 16].map((hour) => ({
              hour,
              expectedWaitMinutes: hour * 2,
              level: 'medium',
            })),
          });
        return undefined;
      });
      const { el, source } = await streamed(
        html`<zw-queue-status hall="test-hall" ticket="A023" show-forecast></zw-queue-status>`,
      );
      await until(() => el.shadowRoot!.querySelector('.busy') && el.shadowRoot!.querySelector('.near'));
      if (name === 'elder') expect(parseFloat(getComputedStyle($(el, 'p')).fontSize)).to.be.at.least(24);
      await expect(el).to.be.accessible();
      state = ticket({ status: 'called', ahead: 0, window: { id: 'w05', label: '5 号窗口' } });
      source.send('patch', {
        version: 1288,
        updatedAt: '2026-11-23T10:21:40+08:00',
        calls: [{ ticket: 'A023', windowId: 'w05', windowLabel: '5 号窗口', at: '2026-11-23T10:21:40+08:00' }],
      });
      await el.updateComplete;
      await expect(el).to.be.accessible();

      const { el: take } = await streamed(html`<zw-queue-status hall="test-hall" allow-take></zw-queue-status>`);
      await until(() => take.shadowRoot!.querySelector('.take form'), 'the take form');
      await expect(take).to.be.accessible();
      setOnline(false);
      await take.updateComplete;
      await expect(take).to.be.accessible();
      setOnline(true);

      const board = await streamed(html`<zw-queue-status hall="test-hall" variant="board"></zw-queue-status>`);
      await until(() => board.el.shadowRoot!.querySelector('.grid'), 'the board');
      await expect(board.el).to.be.accessible();
    });
  }
});
