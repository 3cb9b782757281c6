import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { ZwQueueStatus } from '../src/queue-status/index.ts';
import { define } from '../src/core/define.ts';
import type { HallSnapshot, Ticket, Window } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { answers, API, hallStream, problem } from './support/api-handlers.ts';
import { modeArgTypes } from './support/modes.ts';

/**
 * Every state of `<zw-queue-status>`. Without handlers of its own a story meets the reference API's recording
 * (stories/support/api-handlers.ts): the 广安区 hall at 10:30 on a Monday, its event stream replaying the simulator
 * one step every 2.5 s, online take, busy hours. The other stories answer with a state of their own, made from the
 * recorded payloads (`parameters.msw`): a frozen snapshot, the hall at closing time, a ticket at each stage, a
 * stream that breaks off, malformed data. Use the lang / elder / contrast controls (or the toolbar) for every mode.
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

// ---------------------------------------------------------------- states, made from the recorded hall

const HALL = 'guangan-zwzx';

/** Changes the recorded snapshot of 10:30. */
const recorded =
  (change: (s: HallSnapshot) => Partial<HallSnapshot> = () => ({})) =>
  async () => {
    const s = await answers.snapshot(HALL);
    return { ...s, ...change(s) };
  };

/** The first window of category `id` pauses. */
const pauseFirst = (s: HallSnapshot, id: string): Window[] => {
  const first = s.windows.find((w) => w.categoryIds.includes(id));
  return s.windows.map((w) => (w === first ? { ...w, status: 'paused', serving: null } : w));
};

/** A long day: several times as many people waiting. */
const longWait = recorded((s) => ({
  categories: s.categories.map((c) => ({
    ...c,
    waiting: c.waiting * 6 + 20,
    estimatedWaitMinutes: c.estimatedWaitMinutes * 4 + 95,
  })),
}));

/** Early in the day, with few tickets served to measure from: each wait as the range the server is sure of. */
const uncertainWait = recorded((s) => ({
  categories: s.categories.map((c, i) => ({
    ...c,
    waiting: c.waiting + 3,
    estimatedWaitMinutes: c.estimatedWaitMinutes + 12,
    estimatedWaitRange: i % 3 === 2 ? { low: 0, high: 10 } : { low: c.estimatedWaitMinutes + 6, high: c.estimatedWaitMinutes * 2 + 25 },
  })),
}));

/** A wall display for a big hall: the recorded categories over 40 windows. */
const board = recorded((s) => ({
  windows: Array.from({ length: 40 }, (_, n): Window => {
    const category = s.categories[n % s.categories.length]!;
    return {
      id: `w${String(n + 1).padStart(2, '0')}`,
      label: `${n + 1} 号窗口`,
      categoryIds: [category.id],
      serving: n % 11 === 10 ? null : `${category.prefix}${String(30 + n).padStart(3, '0')}`,
      status: n % 9 === 8 ? 'paused' : n === 39 ? 'closed' : 'open',
    };
  }),
}));

/** The resident's ticket A023, as the server describes an online ticket, at some stage. */
const ticket =
  (patch: Partial<Ticket> = {}) =>
  async (): Promise<Ticket> => ({
    ...(await answers.ticket('A', HALL)),
    number: 'A023',
    ahead: 6,
    estimatedWaitMinutes: 20,
    ...patch,
  });

/** My ticket once window 5 has called it: called, then missed or served. */
const afterCall = (status: 'called' | 'missed' | 'served') =>
  ticket({
    status,
    ahead: 0,
    estimatedWaitMinutes: 0,
    window: { id: 'w05', label: '5 号窗口' },
    calledAt: '2026-11-23T10:41:12+08:00',
  });

// ---------------------------------------------------------------- the network boundary

/** The hall shows this state and nothing changes: the stream sends it (then heartbeats), polling gets it too. */
const frozen = (state: () => Promise<HallSnapshot>) => {
  const stream = hallStream(state);
  return [
    http.get(`${API}/halls/${HALL}/events`, ({ request }) => stream(request)),
    http.get(`${API}/halls/${HALL}/snapshot`, async () => HttpResponse.json(await state())),
  ];
};

/** The hall as recorded, and the resident's ticket at a stage. */
const following = (t: () => Promise<Ticket>) => [
  ...frozen(recorded()),
  http.get(`${API}/halls/${HALL}/tickets/:number`, async () => HttpResponse.json(await t())),
];

/** Taking a ticket online is refused with the recorded problem (`hall-closed`, `quota-exhausted`). */
const refusedTake = (which: 'closed' | 'quota') => [
  ...frozen(recorded()),
  http.post(`${API}/halls/${HALL}/tickets`, async ({ request }) => {
    const hall = await answers.hall(HALL);
    return problem(which === 'closed' ? hall.closed.take : hall.quotaExhausted.A!, request);
  }),
];

/** The browser's own EventSource, which a story may take away. */
const BrowserEventSource = window.EventSource;

/** The device says it is online again, and forgets the tickets an earlier story took or followed. */
const freshDevice = async () => {
  delete (navigator as { onLine?: boolean }).onLine;
  window.EventSource = BrowserEventSource;
  for (const key of Object.keys(localStorage)) if (key.startsWith('zw-queue:')) localStorage.removeItem(key);
};

const msw = (handlers: ReturnType<typeof http.get>[]) => ({ msw: { handlers } });

/** What a resident does, in the shadow DOM, once the hall is shown. */
function act(steps: { take?: string; offline?: boolean }) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('zw-queue-status') as ZwQueueStatus;
    const root = el.shadowRoot!;
    const find = async (sel: string) => {
      for (let tries = 0; !root.querySelector(sel) && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
      return root.querySelector<HTMLElement>(sel);
    };
    if (steps.take) {
      (await find(`input[name=cat][value="${steps.take}"]`))?.click();
      root.querySelector<HTMLButtonElement>('.take button')?.click();
    }
    if (steps.offline) {
      await find('h2');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
    }
  };
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
  loaders: [freshDevice],
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

/** The reference API's recording, live: the simulator calls tickets while you watch; take one online. */
export const Live: Story = { args: { showForecast: true, allowTake: true } };

export const Open: Story = { parameters: msw(frozen(recorded())) };

/** The same hall at 17:30, as the server shows it after closing. */
export const Closed: Story = { parameters: msw(frozen(() => answers.closedSnapshot(HALL))) };

export const PausedWindow: Story = {
  name: 'Paused window',
  parameters: msw(frozen(recorded((s) => ({ windows: pauseFirst(s, 'A') })))),
  args: { category: 'A' },
};

export const LongWait: Story = { name: 'Long wait', parameters: msw(frozen(longWait)) };

export const UncertainWait: Story = { name: 'Uncertain wait (a range)', parameters: msw(frozen(uncertainWait)) };

export const MyTicketWaiting: Story = {
  name: 'My ticket: waiting',
  parameters: msw(following(ticket())),
  args: { ticket: 'A023' },
};

export const MyTicketNear: Story = {
  name: 'My ticket: near',
  parameters: msw(following(ticket({ ahead: 2, estimatedWaitMinutes: 6 }))),
  args: { ticket: 'A023' },
};

export const MyTicketCalled: Story = {
  name: 'My ticket: called',
  parameters: msw(following(afterCall('called'))),
  args: { ticket: 'A023' },
};

export const MyTicketMissed: Story = {
  name: 'My ticket: missed',
  parameters: msw(following(afterCall('missed'))),
  args: { ticket: 'A023' },
};

export const MyTicketServed: Story = {
  name: 'My ticket: served',
  parameters: msw(following(afterCall('served'))),
  args: { ticket: 'A023' },
};

/** 不动产登记 taken online: the recorded ticket, then followed. */
export const TakeOnline: Story = {
  name: 'Online take',
  args: { allowTake: true },
  play: act({ take: 'C' }),
};

export const TakeHallClosed: Story = {
  name: 'Online take: hall closed',
  tags: ['expected-error'],
  parameters: msw(refusedTake('closed')),
  args: { allowTake: true },
  play: act({ take: 'A' }),
};

export const TakeQuotaExhausted: Story = {
  name: 'Online take: quota used up',
  tags: ['expected-error'],
  parameters: msw(refusedTake('quota')),
  args: { allowTake: true },
  play: act({ take: 'A' }),
};

export const BusyHours: Story = {
  name: 'Busy hours',
  parameters: msw(frozen(recorded())),
  args: { showForecast: true },
};

/** A browser without EventSource: the card polls the recorded hall every 3 s (with its ETag: unchanged is a 304). */
export const Polled: Story = {
  name: 'Polled (a browser without EventSource)',
  loaders: [async () => void delete (window as { EventSource?: unknown }).EventSource],
  args: { interval: 3 },
};

/** The device goes offline once the hall is shown. */
export const Offline: Story = {
  tags: ['expected-error'],
  parameters: msw(frozen(recorded())),
  play: act({ offline: true }),
};

/**
 * The stream breaks off after the first snapshot, and nothing gets through again (the stream nor polling): the
 * figures turn "数据可能已过期" after two polling intervals (4 s here).
 */
const dropped = hallStream(recorded(), 'drop');
let streams = 0;
export const Stale: Story = {
  tags: ['expected-error'],
  loaders: [async () => void (streams = 0)],
  parameters: msw([
    http.get(`${API}/halls/${HALL}/events`, ({ request }) =>
      streams++ === 0 ? dropped(request) : delay('infinite').then(() => HttpResponse.error()),
    ),
    http.get(`${API}/halls/${HALL}/snapshot`, () => delay('infinite').then(() => HttpResponse.error())),
  ]),
  args: { interval: 2 },
};

/** The hall's snapshot has a field of the wrong type. */
const malformed = async () => ({ ...(await recorded()()), windows: 'oops' }) as unknown as HallSnapshot;
export const ErrorState: Story = {
  name: 'Error: malformed snapshot',
  tags: ['expected-error'],
  parameters: msw(frozen(malformed)),
};

export const Board: Story = {
  name: 'Board (wall display, 40 windows)',
  parameters: { layout: 'fullscreen', ...msw(frozen(board)) },
  args: { variant: 'board' },
};

export const BoardElderHighContrast: Story = {
  name: 'Board, elder mode, yellow on black',
  parameters: { layout: 'fullscreen', ...msw(frozen(board)) },
  args: { variant: 'board', elder: true, contrast: 'yellow-on-black' },
};

export const CalledEnglishHighContrast: Story = {
  name: 'Called, English, white on blue, elder',
  parameters: msw(following(afterCall('called'))),
  args: { ticket: 'A023', lang: 'en', elder: true, contrast: 'white-on-blue' },
};
