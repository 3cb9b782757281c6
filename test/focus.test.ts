import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.ts';
import type { ZwQueueStatus } from '../src/queue-status/index.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { loadStreamChecks } from '../src/queue-status/live-feed.ts';
import { FakeSource, json, snapshot, ticket } from './queue-status-fakes.ts';

// After every action the focus moves to what it produced, and that is on the screen: the followed ticket after 取号
// and 查询, the number form after 不再关注此号. In the search, focus stays in the box (the combobox pattern): the list
// opens only when the resident types or presses ↓, closes when the focus leaves, and a choice is said aloud.

const realFetch = window.fetch;
const realEventSource = window.EventSource;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 8000 });

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The focused element in a few words (a failure then says where the focus went, not the whole page). */
function focused(): string {
  const a = deepActive();
  if (!a) return 'nothing';
  const host = (a.getRootNode() as ShadowRoot).host;
  return `${host ? `${host.localName} ` : ''}${a.localName}${a.id ? `#${a.id}` : ''}`;
}

/** Whether all of `el` is inside the viewport. */
function onScreen(el: Element): string {
  const r = el.getBoundingClientRect();
  return r.top >= -0.5 && r.bottom <= innerHeight + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5
    ? ''
    : `${el.localName}#${el.id} at ${Math.round(r.top)}–${Math.round(r.bottom)} px of a ${innerHeight} px screen`;
}

/** A long page: the portal's header and text above the widget, so what changes at its top can be out of view. */
const page = (widget: ReturnType<typeof html>) => html`<div>
  <div style="height: 600px">门户页头与说明</div>
  ${widget}
  <div style="height: 1200px">页脚</div>
</div>`;

beforeEach(async () => {
  FakeSource.all = [];
  (window as { EventSource: unknown }).EventSource = FakeSource;
  localStorage.clear();
  pagePrefsStore().set({ elder: true });
  await setViewport({ width: 390, height: 700 });
});
afterEach(async () => {
  window.fetch = realFetch;
  window.EventSource = realEventSource;
  pagePrefsStore().reset();
  await setViewport({ width: 800, height: 600 });
});

/** Answers ticket lookups and online takes at the fetch boundary, as the hall's server would. */
function hallServer(issued = ticket({ number: 'A031', ahead: 5, estimatedWaitMinutes: 18 })) {
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.includes('/tickets') && init.method === 'POST') return json({ ...issued, hallId: 'test-hall' }, 201);
    if (url.includes('/tickets/')) return json({ ...issued, number: url.split('/').pop(), hallId: 'test-hall' });
    return realFetch(input, init);
  }) as typeof fetch;
}

/** A queue card (`allow-take` or not) in the middle of a long page, fed a snapshot by its stream. */
async function queue(take = false): Promise<ZwQueueStatus> {
  const holder = await fixture(
    page(html`<zw-queue-status hall="test-hall" ?allow-take=${take}></zw-queue-status>`),
  );
  const el = holder.querySelector<ZwQueueStatus>('zw-queue-status')!;
  await loadStreamChecks();
  await until(() => FakeSource.all.length, 'the stream');
  FakeSource.last.open();
  FakeSource.last.send('snapshot', snapshot());
  await el.updateComplete;
  return el;
}

describe('focus after the queue’s actions', () => {
  it('取号: the focus goes to the new ticket’s heading, on the screen, in elder mode on a phone', async () => {
    hallServer();
    const el = await queue(true);
    await until(() => el.shadowRoot!.querySelector('.take form'), 'the take form');
    el.shadowRoot!.querySelector<HTMLInputElement>('.take input[value="A"]')!.click();
    const take = $(el, '.take button');
    take.scrollIntoView({ block: 'center' });
    take.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('.mine .num'), 'the ticket');
    await el.updateComplete;
    const heading = $(el, '#mine');
    expect(focused(), 'focus on the ticket’s heading').to.equal('zw-queue-status h3#mine');
    expect(deepActive() === heading).to.be.true;
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(onScreen(heading)).to.equal('');
    expect(onScreen($(el, '.mine .num'))).to.equal('');
    expect($(el, '[role=status]:not(.meta *)').textContent).to.equal('取号成功，您的号码是 A031。');
    await expect(el).to.be.accessible();
  });

  it('查询: the focus goes to the followed ticket’s heading, on the screen', async () => {
    hallServer();
    const el = await queue();
    const input = $<HTMLInputElement>(el, '#num');
    input.scrollIntoView({ block: 'center' });
    input.focus();
    await sendKeys({ type: 'A023' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('.mine .num'), 'the ticket');
    await el.updateComplete;
    expect(focused()).to.equal('zw-queue-status h3#mine');
    expect(onScreen($(el, '#mine'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('不再关注此号: the focus goes to the heading of the number form, on the screen', async () => {
    hallServer();
    const el = await queue();
    $<HTMLInputElement>(el, '#num').focus();
    await sendKeys({ type: 'A023' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('.mine .num'), 'the ticket');
    const forget = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('不再关注'))!;
    forget.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('#num'), 'the number form');
    await el.updateComplete;
    expect(focused()).to.equal('zw-queue-status h3#mine');
    expect(onScreen($(el, '#mine'))).to.equal('');
    await expect(el).to.be.accessible();
  });
});

describe('focus in the search', () => {
  async function search(): Promise<ZwServiceSearch> {
    const holder = await fixture(page(html`<zw-service-search></zw-service-search><button>页面上的下一个按钮</button>`));
    const el = holder.querySelector<ZwServiceSearch>('zw-service-search')!;
    await until(() => (el as unknown as { source?: unknown }).source, 'the catalogue');
    return el;
  }
  const box = (el: Element) => $<HTMLInputElement>(el, '#q');
  const expanded = (el: Element) => box(el).getAttribute('aria-expanded');

  it('does not pop the list open when the empty box gets the focus; typing or ↓ opens it', async () => {
    const el = await search();
    box(el).focus();
    await el.updateComplete;
    expect(expanded(el)).to.equal('false');
    expect($(el, '[role=listbox]').hidden).to.be.true;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(expanded(el)).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ type: '社保' });
    await until(() => expanded(el) === 'true', 'open while typing');
    await expect(el).to.be.accessible();
  });

  it('closes the list when Tab leaves the box, and the focus lands on the next control, not on the page', async () => {
    const el = await search();
    box(el).focus();
    await sendKeys({ type: '社保卡' });
    await until(() => expanded(el) === 'true', 'the list open');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(expanded(el)).to.equal('false');
    expect(focused(), 'the focus is on a control').to.match(/ (summary|button|a|input|select)(#|$)/);
    expect($(el, '[role=listbox]').getAttribute('tabindex')).to.equal('-1');
  });

  it('says the choice aloud, keeps the focus in the box on the screen, and shows the guide under it', async () => {
    const el = await search();
    box(el).scrollIntoView({ block: 'center' });
    box(el).focus();
    await sendKeys({ type: '社保卡' });
    await until(() => expanded(el) === 'true', 'the list open');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[part=details] h3'), 'the guide');
    await el.updateComplete;
    const name = box(el).value;
    expect($(el, '[role=status]').textContent!.trim()).to.equal(`已选择“${name}”，办事指南在搜索框下方。`);
    expect(focused()).to.equal('zw-service-search input#q');
    expect(onScreen(box(el))).to.equal('');
    expect($(el, '[part=details]').getBoundingClientRect().top, 'the guide starts on the screen').to.be.below(innerHeight);
    await expect(el).to.be.accessible();
  });
});
