import { html, nextFrame, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import '../../src/index.ts';
import type { Forecast, HallSnapshot, Ticket } from '../../src/core/api/types.gen.ts';
import { loadStreamChecks } from '../../src/queue-status/live-feed.ts';
import { remember } from '../../src/queue-status/device-memory.ts';
import { FakeSource, json, snapshot, ticket, win } from '../queue-status-fakes.ts';

/**
 * Every widget on one page, each in its busiest realistic state: the page the phone-first, forced-colours and
 * hostile-page tests measure. The queue hears a stand-in stream (the hall's state is the test's); ticket lookups and
 * the forecast are answered at the fetch boundary; search, rating and summary talk to the reference server.
 */

const realFetch = window.fetch.bind(window);
const realEventSource = window.EventSource;
const uid = () => Math.random().toString(36).slice(2, 10);
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 10_000 });

/** A hall as busy as a district centre gets, with long category names and waits over an hour. */
export const busyHall = (): HallSnapshot =>
  snapshot({
    windows: [
      win(5, { serving: 'A019' }),
      win(6, { status: 'paused', serving: null, categoryIds: ['A', 'B'] }),
      win(12, { serving: 'B007', categoryIds: ['B'] }),
      win(16, { status: 'closed', serving: null, categoryIds: ['C'] }),
      win(21, { serving: 'D012', categoryIds: ['D'] }),
    ],
    categories: [
      { id: 'A', name: '社保医保', prefix: 'A', waiting: 7, avgServiceMinutes: 6.5, estimatedWaitMinutes: 6 },
      { id: 'B', name: '不动产登记', prefix: 'B', waiting: 13, avgServiceMinutes: 15, estimatedWaitMinutes: 95 },
      { id: 'C', name: '企业开办', prefix: 'C', waiting: 0, avgServiceMinutes: 12, estimatedWaitMinutes: 0 },
      { id: 'D', name: '公积金提取与贷款', prefix: 'D', waiting: 21, avgServiceMinutes: 9, estimatedWaitMinutes: 188 },
    ],
  });

const forecast: Forecast = {
  hallId: 'test-hall',
  date: '2026-11-23',
  hours: [9, 10, 11, 12, 13, 14, 15, 16].map((hour) => ({
    hour,
    expectedWaitMinutes: [35, 62, 48, 10, 20, 55, 30, 12][hour - 9],
    level: hour === 10 || hour === 14 ? 'high' : hour === 12 ? 'low' : 'medium',
  })),
};

/** The followed tickets by hall: waiting and near, and called. */
const tickets: Record<string, Ticket> = {
  'hall-waiting': ticket({ ahead: 2, estimatedWaitMinutes: 6 }),
  'hall-called': ticket({ status: 'called', ahead: 0, window: { id: 'w16', label: '16 号窗口' } }),
};

/** Answers the queue's ticket lookups and forecasts; everything else goes to the reference server. */
export function fakeQueueNetwork(): void {
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const hall = /\/halls\/([^/]+)\//.exec(url)?.[1] ?? '';
    if (url.includes('/tickets/') && tickets[hall]) return json({ ...tickets[hall], hallId: hall });
    if (url.endsWith('/forecast')) return json({ ...forecast, hallId: hall });
    return realFetch(input, init);
  }) as typeof fetch;
  FakeSource.all = [];
  (window as { EventSource: unknown }).EventSource = FakeSource;
}

export function restoreNetwork(): void {
  window.fetch = realFetch;
  window.EventSource = realEventSource;
}

async function rate(service: string, level: number) {
  const reasons = { 5: ['513'], 4: ['411'], 3: [], 2: ['212'], 1: ['115'] }[level];
  await realFetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ caseId: `P-${uid()}${uid()}`, serviceCode: service, channel: 'hall', level, reasons }),
  });
}

/** A zw element, as the tests use it. */
export type Widget = HTMLElement & { updateComplete: Promise<boolean> };

export interface Widgets {
  /** What holds the widgets (remove it to end the page). */
  page: HTMLElement;
  toolbar: Widget;
  toggle: Widget;
  search: Widget;
  /** Waiting and near, followed by a number the resident typed (so 不再关注此号 is offered), with busy hours. */
  queue: Widget;
  /** The online take form. */
  take: Widget;
  /** A called ticket: 请到 16 号窗口. */
  called: Widget;
  rating: Widget;
  summary: Widget;
  all: Widget[];
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

/** Sends the busy hall to every queue element's stream. */
function feedAll() {
  for (const source of FakeSource.all) {
    if (source.readyState === 2) continue;
    source.open();
    source.send('snapshot', busyHall());
  }
}

/**
 * Mounts every widget inside `wrap` (default: a plain `<main>`) and brings each to its busiest state. The caller
 * installs `fakeQueueNetwork()` first and restores it after.
 */
export async function mountWidgets(wrap?: (content: TemplateResult) => TemplateResult): Promise<Widgets> {
  remember('hall-waiting', 'ticket', 'A023'); // a number the resident typed on an earlier visit
  const service = `PHONE-${uid()}`;
  for (const level of [5, 5, 5, 5, 4, 3, 2, 1]) await rate(service, level);
  const content = html`
    <zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle>
    <zw-a11y-toolbar open></zw-a11y-toolbar>
    <zw-service-search></zw-service-search>
    <zw-queue-status hall="hall-waiting" show-forecast></zw-queue-status>
    <zw-queue-status hall="hall-take" allow-take></zw-queue-status>
    <zw-queue-status hall="hall-called" ticket="A023"></zw-queue-status>
    <zw-rating case=${`P-${uid()}`} service=${service}></zw-rating>
    <zw-rating-summary service=${service}></zw-rating-summary>
  `;
  // Not a fixture: the page stays for every test of the file (fixtures are removed after each test).
  const holder = document.createElement('div');
  document.body.append(holder);
  render(wrap ? wrap(content) : html`<main class="page">${content}</main>`, holder);
  const page = holder.firstElementChild as HTMLElement;
  const get = (sel: string) => page.querySelector<Widget>(sel)!;
  const [queue, take, called] = [...page.querySelectorAll<Widget>('zw-queue-status')];
  const w: Widgets = {
    page,
    toolbar: get('zw-a11y-toolbar'),
    toggle: get('zw-a11y-toggle'),
    search: get('zw-service-search'),
    queue,
    take,
    called,
    rating: get('zw-rating'),
    summary: get('zw-rating-summary'),
    all: [],
  };
  w.all = [w.toggle, w.toolbar, w.search, w.queue, w.take, w.called, w.rating, w.summary];

  await loadStreamChecks();
  await until(() => FakeSource.all.length >= 3, 'three queue streams');
  feedAll();
  await until(() => $(queue, '.mine .near') && $(queue, '.busy svg'), 'the followed ticket and busy hours');
  await until(() => $(take, '.take form'), 'the take form');
  await until(() => $(called, '.called'), 'the call');

  // Search: a chosen item with its guide and materials open, the filters open, and the list open again.
  const search = w.search;
  await until(() => (search as unknown as { source?: unknown }).source, 'the catalogue');
  const input = $<HTMLInputElement>(search, '#q');
  input.focus();
  input.value = '社保卡';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await until(() => search.shadowRoot!.querySelectorAll('[role=option]').length > 2, 'results');
  $(search, '[role=option]').click();
  await until(() => $(search, '.card h3'), 'the guide');
  await until(() => $(search, '.card ol li'), 'the materials');
  $<HTMLDetailsElement>(search, '.card details').open = true;
  $<HTMLDetailsElement>(search, 'details.filters').open = true;
  await until(() => $(search, 'select'), 'the department filter');

  // Rating: a 差评 whose reason is missing (the error shows), with a phone number offered.
  const rating = w.rating;
  await until(() => $(rating, 'input[name=level]'), 'the rating form');
  $<HTMLInputElement>(rating, 'input[name=level][value="2"]').click();
  await until(() => $(rating, '.rs input'), 'the reasons');
  $<HTMLInputElement>(rating, 'label:not(.lv) > input[type=checkbox]:not(.rs *)').click();
  $<HTMLButtonElement>(rating, '[type=submit]').click();
  await until(() => $(rating, '#re'), 'the reason error');

  // Summary: the figures and the table open.
  await until(() => $(w.summary, 'meter'), 'the summary');
  $<HTMLDetailsElement>(w.summary, 'details').open = true;

  await settle(w);
  return w;
}

/** Waits until every widget has rendered what the page's preferences and size now ask for. */
export async function settle(w: Widgets): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await Promise.all(w.all.map((el) => el.updateComplete));
    await nextFrame();
  }
}

/** Opens the search's list (as ArrowDown in the box does), keeping the chosen item's guide below it. */
export async function openSearchList(w: Widgets): Promise<void> {
  const input = $<HTMLInputElement>(w.search, '#q');
  input.focus();
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  await until(() => input.getAttribute('aria-expanded') === 'true', 'the list open');
}
