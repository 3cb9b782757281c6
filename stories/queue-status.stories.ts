import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwQueueStatus } from '../src/queue-status/index.ts';
import { define } from '../src/core/define.ts';
import type { Forecast, HallSnapshot, Ticket, Window } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';

/**
 * Every state of `<zw-queue-status>`. "Live" talks to the reference API that Storybook's dev server mounts; the
 * other stories answer from fixed payloads, stubbing `fetch` and `EventSource` (the network boundary) in a loader,
 * so each state shows up reliably. Use the lang / elder / contrast controls (or the toolbar) for every mode.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  variant: 'compact' | 'board';
  ticket: string;
  allowTake: boolean;
  showForecast: boolean;
  category: string;
  interval: number;
}

// package.json's `sideEffects` names only dist files, so a production build of the stories may drop a bare
// `import '…/index.ts'`; registering here (define() skips a tag already taken) keeps the element in every build.
define('zw-queue-status', ZwQueueStatus);

// ---------------------------------------------------------------- fixed payloads

const now = new Date().toISOString();
const win = (n: number, patch: Partial<Window> = {}): Window => ({
  id: `w${String(n).padStart(2, '0')}`,
  label: `${n} 号窗口`,
  status: 'open',
  serving: `A${String(20 + n).padStart(3, '0')}`,
  categoryIds: ['A'],
  ...patch,
});

const snapshot = (patch: Partial<HallSnapshot> = {}): HallSnapshot => ({
  hallId: 'guangan-zwzx',
  name: '广安区政务服务中心',
  open: true,
  hours: { opens: '09:00', closes: '17:00', lunch: '12:00-13:30' },
  windows: [
    win(1, { serving: 'A019' }),
    win(2, { serving: 'A020' }),
    win(5, { serving: 'B007', categoryIds: ['B'] }),
    win(6, { status: 'paused', serving: null, categoryIds: ['B', 'F'] }),
    win(8, { serving: 'C012', categoryIds: ['C'] }),
    win(11, { serving: null, categoryIds: ['D'] }),
    win(16, { status: 'closed', serving: null, categoryIds: ['F'] }),
  ],
  categories: [
    { id: 'A', name: '社保医保', prefix: 'A', waiting: 7, avgServiceMinutes: 6.5, estimatedWaitMinutes: 23 },
    { id: 'B', name: '户籍证照', prefix: 'B', waiting: 3, avgServiceMinutes: 8, estimatedWaitMinutes: 12 },
    { id: 'C', name: '不动产登记', prefix: 'C', waiting: 5, avgServiceMinutes: 15, estimatedWaitMinutes: 45 },
    { id: 'D', name: '企业开办', prefix: 'D', waiting: 0, avgServiceMinutes: 12, estimatedWaitMinutes: 0 },
    { id: 'F', name: '综合受理', prefix: 'F', waiting: 2, avgServiceMinutes: 7, estimatedWaitMinutes: 9 },
  ],
  version: 1287,
  updatedAt: now,
  ...patch,
});

const longWait = snapshot({
  categories: snapshot().categories.map((c) => ({
    ...c,
    waiting: c.waiting * 6 + 20,
    estimatedWaitMinutes: c.estimatedWaitMinutes * 4 + 95,
  })),
});

const board = snapshot({
  windows: Array.from({ length: 40 }, (_, n) => {
    const prefix = 'ABCDEF'[n % 6];
    return win(n + 1, {
      categoryIds: [prefix],
      serving: n % 11 === 10 ? null : `${prefix}${String(30 + n).padStart(3, '0')}`,
      status: n % 9 === 8 ? 'paused' : n === 39 ? 'closed' : 'open',
    });
  }),
});

const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  number: 'A023',
  hallId: 'guangan-zwzx',
  categoryId: 'A',
  status: 'waiting',
  ahead: 6,
  estimatedWaitMinutes: 20,
  window: null,
  issuedAt: now,
  calledAt: null,
  online: true,
  ...patch,
});

const forecast: Forecast = {
  hallId: 'guangan-zwzx',
  date: now.slice(0, 10),
  hours: [
    [9, 28, 'medium'],
    [10, 41, 'high'],
    [11, 35, 'high'],
    [12, 14, 'low'],
    [13, 9, 'low'],
    [14, 22, 'medium'],
    [15, 16, 'medium'],
    [16, 6, 'low'],
  ].map(([hour, expectedWaitMinutes, level]) => ({ hour, expectedWaitMinutes, level }) as Forecast['hours'][number]),
};

// ---------------------------------------------------------------- the network boundary

interface Scenario {
  /** What the event stream sends first; a string is sent as is (malformed data). */
  snapshot?: HallSnapshot | string;
  /** No EventSource: the element polls `GET …/snapshot`. */
  noStream?: boolean;
  /** After the snapshot the stream drops and the browser keeps retrying (the data turns stale). */
  dropStream?: boolean;
  /** The device goes offline after the first snapshot. */
  goOffline?: boolean;
  ticket?: Ticket;
  /** Answer to taking a ticket online: a ticket, or a problem slug. */
  take?: Ticket | 'hall-closed' | 'quota-exhausted';
}

const original: { fetch?: typeof fetch; EventSource?: typeof EventSource } = {};

function restoreNetwork(): void {
  if (original.fetch) window.fetch = original.fetch;
  if (original.EventSource) window.EventSource = original.EventSource;
  delete (navigator as { onLine?: boolean }).onLine;
}

function install(s: Scenario): void {
  original.fetch ??= window.fetch;
  original.EventSource ??= window.EventSource;
  restoreNetwork();
  const json = (body: unknown, status = 200) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/tickets/') && s.ticket) return json(s.ticket);
    if (url.endsWith('/forecast')) return json(forecast);
    if (url.endsWith('/snapshot') && s.snapshot) return json(s.snapshot);
    if (url.endsWith('/tickets') && s.take) {
      return typeof s.take === 'string'
        ? json({ type: `urn:zhengwu-widgets:problem:${s.take}`, title: s.take, status: 409 }, 409)
        : json(s.take, 201);
    }
    return original.fetch!(input, init);
  }) as typeof fetch;

  if (s.noStream) {
    delete (window as { EventSource?: unknown }).EventSource;
    return;
  }
  class StoryStream extends EventTarget {
    readyState = 0;
    onopen: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(readonly url: string) {
      super();
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.(new Event('open'));
        const data = typeof s.snapshot === 'string' ? s.snapshot : JSON.stringify(s.snapshot ?? snapshot());
        this.dispatchEvent(new MessageEvent('snapshot', { data, lastEventId: '1287' }));
        if (s.dropStream) {
          this.readyState = 0;
          this.onerror?.(new Event('error'));
        }
        if (s.goOffline) {
          Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
          window.dispatchEvent(new Event('offline'));
        }
      }, 50);
    }
    close() {
      this.readyState = 2;
    }
  }
  (window as { EventSource: unknown }).EventSource = StoryStream;
}

// ---------------------------------------------------------------- meta

const meta: Meta<Args> = {
  title: 'Queue/zw-queue-status',
  component: 'zw-queue-status',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
    variant: { control: 'inline-radio', options: ['compact', 'board'] },
  },
  args: {
    lang: 'zh-CN',
    elder: false,
    contrast: 'none',
    variant: 'compact',
    ticket: '',
    allowTake: false,
    showForecast: false,
    category: '',
    interval: 15,
  },
  loaders: [async () => install({})],
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-queue-status
      hall="guangan-zwzx"
      lang=${a.lang}
      variant=${a.variant}
      ticket=${a.ticket || nothing}
      category=${a.category || nothing}
      interval=${a.interval}
      ?allow-take=${a.allowTake}
      ?show-forecast=${a.showForecast}
    ></zw-queue-status>`,
};
export default meta;

type Story = StoryObj<Args>;
const at = (s: Scenario) => [async () => install(s)];

/** The reference API, live: the simulator calls tickets while you watch. */
export const Live: Story = { loaders: [async () => restoreNetwork()], args: { showForecast: true, allowTake: true } };

export const Open: Story = { loaders: at({ snapshot: snapshot() }) };

export const Closed: Story = {
  loaders: at({
    snapshot: snapshot({
      open: false,
      windows: snapshot().windows.map((w) => ({ ...w, status: 'closed', serving: null })),
    }),
  }),
};

export const PausedWindow: Story = {
  name: 'Paused window',
  loaders: at({ snapshot: snapshot({ windows: [win(1, { status: 'paused', serving: null }), win(2)] }) }),
  args: { category: 'A' },
};

export const LongWait: Story = { name: 'Long wait', loaders: at({ snapshot: longWait }) };

export const MyTicketWaiting: Story = {
  name: 'My ticket: waiting',
  loaders: at({ ticket: ticket() }),
  args: { ticket: 'A023' },
};

export const MyTicketNear: Story = {
  name: 'My ticket: near',
  loaders: at({ ticket: ticket({ ahead: 2, estimatedWaitMinutes: 6 }) }),
  args: { ticket: 'A023' },
};

/** My ticket once window 5 has called it: called, then missed or served. */
const afterCall = (status: 'called' | 'missed' | 'served') =>
  ticket({ status, ahead: 0, estimatedWaitMinutes: 0, window: { id: 'w05', label: '5 号窗口' }, calledAt: now });

export const MyTicketCalled: Story = {
  name: 'My ticket: called',
  loaders: at({ ticket: afterCall('called') }),
  args: { ticket: 'A023' },
};

export const MyTicketMissed: Story = {
  name: 'My ticket: missed',
  loaders: at({ ticket: afterCall('missed') }),
  args: { ticket: 'A023' },
};

export const MyTicketServed: Story = {
  name: 'My ticket: served',
  loaders: at({ ticket: afterCall('served') }),
  args: { ticket: 'A023' },
};

export const TakeOnline: Story = {
  name: 'Online take',
  loaders: at({ take: ticket({ number: 'C031', categoryId: 'C', ahead: 5, estimatedWaitMinutes: 48 }) }),
  args: { allowTake: true },
};

export const TakeHallClosed: Story = {
  name: 'Online take: hall closed',
  loaders: at({ take: 'hall-closed' }),
  args: { allowTake: true },
};

export const TakeQuotaExhausted: Story = {
  name: 'Online take: quota used up',
  loaders: at({ take: 'quota-exhausted' }),
  args: { allowTake: true },
};

export const BusyHours: Story = { name: 'Busy hours', loaders: at({}), args: { showForecast: true } };

export const Offline: Story = { loaders: at({ goOffline: true }) };

/** The stream drops after the first snapshot; "数据可能已过期" appears after two intervals (about 5 s here). */
export const Stale: Story = { loaders: at({ dropStream: true }), args: { interval: 2 } };

export const ErrorState: Story = {
  name: 'Error: malformed snapshot',
  loaders: at({ noStream: true, snapshot: '{"hallId":"guangan-zwzx","windows":"oops"}' }),
};

export const Board: Story = {
  name: 'Board (wall display, 40 windows)',
  loaders: at({ snapshot: board }),
  args: { variant: 'board' },
  parameters: { layout: 'fullscreen' },
};

export const BoardElderHighContrast: Story = {
  name: 'Board, elder mode, yellow on black',
  loaders: at({ snapshot: board }),
  args: { variant: 'board', elder: true, contrast: 'yellow-on-black' },
  parameters: { layout: 'fullscreen' },
};

export const CalledEnglishHighContrast: Story = {
  name: 'Called, English, white on blue, elder',
  loaders: at({
    ticket: ticket({ status: 'called', ahead: 0, window: { id: 'w05', label: '5 号窗口' }, calledAt: now }),
  }),
  args: { ticket: 'A023', lang: 'en', elder: true, contrast: 'white-on-blue' },
};
