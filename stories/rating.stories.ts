import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwConfig } from '../src/core/index.ts';
import { ZwRating } from '../src/rating/index.ts';
import type { RatingFollowUp } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { define } from '../src/core/define.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';

// package.json marks the family entries free of side effects, so a bundler may drop a bare
// `import '…/index.ts'`; registering here (define() skips a tag already taken) keeps the elements in every build.
define('zw-config', ZwConfig);
define('zw-rating', ZwRating);

/**
 * Every state of `<zw-rating>`, at every level. Stories without a scenario talk to the reference API that
 * Storybook's dev server mounts (each with a new case number, since a case can be rated once); the others stub
 * `fetch` (the network boundary) in a loader so the state shows up reliably: offline, a slow server, a case rated
 * before, a follow-up in progress. Use the lang / elder / contrast controls (or the toolbar) for every mode.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  level: number;
  channel: string;
  service: string;
  window: string;
  trackingCode: string;
  /** Another API base, so a stubbed failure does not meet the reasons another story already loaded. */
  apiBase: string;
}

// ---------------------------------------------------------------- fixed payloads

const today = new Date().toISOString();
const followUp: RatingFollowUp = {
  trackingCode: 'HC20261123-7F3K',
  level: 2,
  status: 'rectifying',
  createdAt: today,
  dueBy: '2026-12-07',
  history: [
    { status: 'received', at: '2026-11-23T10:32:15+08:00', note: '差评已受理，将在 10 个工作日内整改反馈' },
    { status: 'assigned', at: '2026-11-23T12:32:15+08:00', note: '已转区人力资源和社会保障局办理' },
    { status: 'rectifying', at: '2026-11-24T09:30:00+08:00', note: '已在办事指南材料清单中补充户口簿要求' },
  ],
};

// ---------------------------------------------------------------- the network boundary

interface Scenario {
  /** Answer to POST /ratings: the network is down, the server never answers, or the case was rated before. */
  post?: 'offline' | 'hang' | 'already-rated' | 'server-error';
  /** Answer to GET /ratings/follow-up/…: this payload, or 404. */
  followUp?: RatingFollowUp | 404;
  /** Every request to this API base fails (503). */
  downBase?: string;
}

const original: { fetch?: typeof fetch } = {};

function install(s: Scenario): void {
  original.fetch ??= window.fetch.bind(window);
  window.fetch = original.fetch;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  const problem = (slug: string, status: number, extra: Record<string, unknown> = {}) =>
    json({ type: `urn:zhengwu-widgets:problem:${slug}`, title: slug, status, ...extra }, status);
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (s.downBase && url.startsWith(s.downBase)) return problem('internal', 503);
    if (url.endsWith('/api/v1/ratings') && init?.method === 'POST' && s.post) {
      if (s.post === 'offline') throw new TypeError('Failed to fetch');
      if (s.post === 'hang') return new Promise<Response>(() => undefined);
      if (s.post === 'server-error') return problem('internal', 500);
      return problem('already-rated', 409, {
        detail: '每个办件只能评价一次。',
        existing: { level: 4, createdAt: today },
      });
    }
    if (url.includes('/ratings/follow-up/') && s.followUp) {
      return s.followUp === 404 ? problem('not-found', 404) : json(s.followUp);
    }
    return original.fetch!(input, init);
  }) as typeof fetch;
}

const at = (s: Scenario) => [async () => install(s)];

/** What a resident does, in the shadow DOM: choose a level, tick reasons, press 提交评价. */
function act(steps: { level?: number; reasons?: number; comment?: string; submit?: boolean }) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('zw-rating') as ZwRating;
    await el.updateComplete;
    const root = el.shadowRoot!;
    if (steps.level) root.querySelector<HTMLInputElement>(`input[name=level][value="${steps.level}"]`)!.click();
    await el.updateComplete;
    for (let tries = 0; steps.reasons && !root.querySelector('.rs input') && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    [...root.querySelectorAll<HTMLInputElement>('.rs input')].slice(0, steps.reasons ?? 0).forEach((b) => b.click());
    if (steps.comment) {
      const box = root.querySelector('textarea')!;
      box.value = steps.comment;
      box.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    if (steps.submit) root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  };
}

const newCase = () => `SB-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

// ---------------------------------------------------------------- meta

const meta: Meta<Args> = {
  title: 'Rating/zw-rating',
  component: 'zw-rating',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
    level: { control: 'inline-radio', options: [0, 5, 4, 3, 2, 1] },
    channel: { control: 'select', options: ['pc', 'mobile', 'app', 'kiosk', 'hall', 'wechat', 'phone'] },
  },
  args: {
    lang: 'zh-CN',
    elder: false,
    contrast: 'none',
    level: 0,
    channel: 'pc',
    service: '511A0138000000',
    window: 'w05',
    trackingCode: '',
    apiBase: '',
  },
  loaders: at({}),
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-rating
      case=${newCase()}
      service=${a.service || nothing}
      window=${a.window || nothing}
      hall="guangan-zwzx"
      channel=${a.channel}
      lang=${a.lang}
      .level=${a.level}
      tracking-code=${a.trackingCode || nothing}
      api-base=${a.apiBase || nothing}
    ></zw-rating>`,
};
export default meta;

type Story = StoryObj<Args>;

// ---------------------------------------------------------------- the form, at every level

export const Empty: Story = { name: 'Form: no level yet' };
export const Level5: Story = { name: 'Level 5 非常满意 with its reasons', args: { level: 5 } };
export const Level4: Story = { name: 'Level 4 满意 with its reasons', args: { level: 4 } };
export const Level3: Story = { name: 'Level 3 基本满意 with its reasons', args: { level: 3 } };
export const Level2: Story = { name: 'Level 2 不满意 (差评: a reason is required)', args: { level: 2 } };
export const Level1: Story = { name: 'Level 1 非常不满意 (差评: a reason is required)', args: { level: 1 } };

export const Filled: Story = {
  name: 'Filled in, with a comment',
  play: act({ level: 4, reasons: 2, comment: '窗口人员讲解很耐心，材料一次就过了。' }),
};

export const MissingReason: Story = { name: 'Error: 差评 without a reason', play: act({ level: 1, submit: true }) };

export const MissingLevel: Story = { name: 'Error: no level chosen', play: act({ submit: true }) };

export const ReasonsUnavailable: Story = {
  name: 'Error: reasons cannot be loaded',
  loaders: at({ downBase: 'https://reasons-down.example' }),
  args: { apiBase: 'https://reasons-down.example', level: 2 },
};

// ---------------------------------------------------------------- delivery

export const Sent: Story = { name: 'Sent (提交成功)', play: act({ level: 5, reasons: 1, submit: true }) };

export const SentBad: Story = {
  name: 'Sent 差评: tracking code and next steps',
  play: act({ level: 2, reasons: 2, comment: '材料清单上没写需要户口簿，白跑了一趟。', submit: true }),
};

export const Sending: Story = {
  name: 'Sending (the server is slow)',
  loaders: at({ post: 'hang' }),
  play: act({ level: 4, reasons: 1, submit: true }),
};

export const QueuedOffline: Story = {
  name: 'Offline: saved, sent when back online',
  loaders: at({ post: 'offline' }),
  play: act({ level: 3, submit: true }),
};

export const QueuedServerError: Story = {
  name: 'Server error: saved, retried later',
  loaders: at({ post: 'server-error' }),
  play: act({ level: 1, reasons: 1, submit: true }),
};

export const AlreadyRated: Story = {
  name: 'Already rated (该办件已评价)',
  loaders: at({ post: 'already-rated' }),
  play: act({ level: 5, submit: true }),
};

export const NoCase: Story = {
  name: 'Error: no case number',
  render: (a) => html`<zw-rating lang=${a.lang}></zw-rating>`,
};

// ---------------------------------------------------------------- follow-up lookup

export const FollowUp: Story = {
  name: 'Follow-up of a 差评 (tracking-code)',
  loaders: at({ followUp }),
  args: { trackingCode: followUp.trackingCode },
};

export const FollowUpUnknown: Story = {
  name: 'Follow-up: unknown code',
  loaders: at({ followUp: 404 }),
  args: { trackingCode: 'HC20200101-XXXX' },
};

// ---------------------------------------------------------------- in a form

export const InForm: Story = {
  name: 'Inside a form (required form control)',
  render: (a) =>
    html`<form
      @submit=${(e: Event) => {
        e.preventDefault();
        const out = (e.target as HTMLFormElement).querySelector('output')!;
        out.value = JSON.stringify([...new FormData(e.target as HTMLFormElement)]);
      }}
    >
      <zw-rating name="rating" required lang=${a.lang} .level=${a.level}></zw-rating>
      <button>提交 / Submit</button> <button type="reset">重置 / Reset</button>
      <output></output>
    </form>`,
};

// ---------------------------------------------------------------- modes

export const ElderMode: Story = { name: 'Elder mode, level 2', args: { elder: true, level: 2 } };

export const YellowOnBlack: Story = {
  name: 'Yellow on black, 差评 error',
  args: { contrast: 'yellow-on-black' },
  play: act({ level: 1, submit: true }),
};

export const WhiteOnBlueEnglish: Story = {
  name: 'English, white on blue, elder, sent 差评',
  args: { lang: 'en', contrast: 'white-on-blue', elder: true },
  play: act({ level: 2, reasons: 1, submit: true }),
};

export const BlackOnWhiteOffline: Story = {
  name: 'Black on white, offline',
  loaders: at({ post: 'offline' }),
  args: { contrast: 'black-on-white' },
  play: act({ level: 4, submit: true }),
};

export const EnglishFollowUp: Story = {
  name: 'English follow-up',
  loaders: at({ followUp }),
  args: { lang: 'en', trackingCode: followUp.trackingCode },
};
