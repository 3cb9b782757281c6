import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import recordedRatings from 'virtual:zw-reference/ratings';
import { ZwConfig } from '../src/core/index.ts';
import { ZwRating } from '../src/rating/index.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { define } from '../src/core/define.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { API, problem, serverError } from './support/api-handlers.ts';
import { modeArgTypes } from './support/modes.ts';
import { followUpHandlers, residentFollowUp } from './support/rating-desk-handlers.ts';

// package.json marks the family entries free of side effects, so a bundler may drop a bare
// `import '…/index.ts'`; registering here (define() skips a tag already taken) keeps the elements in every build.
define('zw-config', ZwConfig);
define('zw-rating', ZwRating);

/**
 * Every state of `<zw-rating>`, at every level. Without handlers of its own a story meets the reference API's
 * recording (stories/support/api-handlers.ts): its reasons, a receipt for each level (with a tracking code for a
 * 差评), a case rated once, the follow-up of a recorded 差评 two working days on. The others answer with a failure
 * of their own (`parameters.msw`): offline, a slow server, a server error, a case rated before. Each story rates a
 * new case number. Use the lang / elder / contrast controls (or the toolbar) for every mode.
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
  /** The case id (as the case system signs it); empty: a new case for every story. */
  caseId: string;
  /** Another API base, so a stubbed failure does not meet the reasons another story already loaded. */
  apiBase: string;
}

// ---------------------------------------------------------------- the network boundary

/** Submitting a rating: the network is down, the server never answers or fails, or the case was rated before. */
const post = (answer: 'offline' | 'hang' | 'server-error' | 'already-rated'): { msw: { handlers: HttpHandler[] } } => ({
  msw: {
    handlers: [
      http.post(`${API}/ratings`, async ({ request }) => {
        if (answer === 'offline') return HttpResponse.error();
        if (answer === 'hang') return delay('infinite').then(() => HttpResponse.error());
        if (answer === 'server-error') return serverError(request);
        return problem(recordedRatings.alreadyRated, request);
      }),
    ],
  },
});

/** What a resident does, in the shadow DOM: choose a level, tick reasons, press 提交评价. */
function act(steps: { level?: number; reasons?: number; comment?: string; submit?: boolean; lookUp?: boolean }) {
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
    // On the receipt of a 差评: 查询处理进度.
    const lookUp = () => [...root.querySelectorAll<HTMLButtonElement>('button[type=button]')].at(-1);
    for (let tries = 0; steps.lookUp && !lookUp() && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (steps.lookUp) lookUp()?.click();
  };
}

/**
 * Every story starts on a device that has rated nothing: no receipts kept for its cases, nothing waiting in the
 * outbox (the case ids below repeat from one page load to the next).
 */
const freshDevice = async () => {
  for (const key of ['zw-rating-receipts:v1', 'zw-outbox:v1']) localStorage.removeItem(key);
};

/** A case nobody has rated yet on this page, signed as the case system would sign it (see the recording). */
let cases = 0;
const newCase = () => recordedRatings.cases[cases++ % recordedRatings.cases.length]!;

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
    caseId: '',
    apiBase: '',
  },
  loaders: [freshDevice],
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-rating
      case=${a.caseId || newCase()}
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

export const MissingReason: Story = {
  name: 'Error: 差评 without a reason',
  tags: ['expected-error'],
  play: act({ level: 1, submit: true }),
};

export const MissingLevel: Story = {
  name: 'Error: no level chosen',
  tags: ['expected-error'],
  play: act({ submit: true }),
};

export const ReasonsUnavailable: Story = {
  name: 'Error: reasons cannot be loaded',
  tags: ['expected-error'],
  parameters: {
    msw: { handlers: [http.all('https://reasons-down.example/*', ({ request }) => serverError(request, 503))] },
  },
  args: { apiBase: 'https://reasons-down.example', level: 2 },
};

// ---------------------------------------------------------------- delivery

export const Sent: Story = { name: 'Sent (提交成功)', play: act({ level: 5, reasons: 1, submit: true }) };

export const SentBad: Story = {
  name: 'Sent 差评: tracking code and next steps',
  play: act({ level: 2, reasons: 2, comment: '材料清单上没写需要户口簿，白跑了一趟。', submit: true }),
};

/** The resident looks the progress up at once: received, nothing more yet. */
export const SentBadLookedUp: Story = {
  name: 'Sent 差评, progress looked up at once',
  play: act({ level: 1, reasons: 1, submit: true, lookUp: true }),
};

export const Sending: Story = {
  name: 'Sending (the server is slow)',
  parameters: post('hang'),
  play: act({ level: 4, reasons: 1, submit: true }),
};

export const QueuedOffline: Story = {
  name: 'Offline: saved, sent when back online',
  tags: ['expected-error'],
  parameters: post('offline'),
  play: act({ level: 3, submit: true }),
};

export const QueuedServerError: Story = {
  name: 'Server error: saved, retried later',
  tags: ['expected-error'],
  parameters: post('server-error'),
  play: act({ level: 1, reasons: 1, submit: true }),
};

export const AlreadyRated: Story = {
  name: 'Already rated (该办件已评价)',
  tags: ['expected-error'],
  parameters: post('already-rated'),
  play: act({ level: 5, submit: true }),
};

export const NoCase: Story = {
  name: 'Error: no case number',
  tags: ['expected-error'],
  render: (a) => html`<zw-rating lang=${a.lang}></zw-rating>`,
};

// ---------------------------------------------------------------- follow-up lookup

/** The follow-up of a 差评 the recorded hall had that morning, two working days on. */
export const FollowUp: Story = {
  name: 'Follow-up of a 差评 (tracking-code)',
  args: { trackingCode: recordedRatings.followUpCode, caseId: recordedRatings.followUpCase },
};

export const FollowUpUnknown: Story = {
  name: 'Follow-up: unknown code',
  tags: ['expected-error'],
  args: { trackingCode: 'HC20200101-ABCD-EFGH-JKLM-NPQR' },
};

/** A 差评 an officer is working: each step with its date and the reply the officer wrote for the resident. */
const worked = (state: 'rectifying' | 'closed' | 'verdict') => ({
  parameters: { msw: { handlers: followUpHandlers(state) } },
  args: { trackingCode: residentFollowUp(state).trackingCode, caseId: 'GA20261122-00318' },
});
export const FollowUpSteps: Story = { name: "Follow-up: the officer's replies (整改)", ...worked('rectifying') };
export const FollowUpClosed: Story = {
  name: 'Follow-up closed: was the fix satisfying? (once)',
  ...worked('closed'),
};
export const FollowUpVerdict: Story = {
  name: 'Follow-up: the verdict as given, elder mode, English',
  ...worked('verdict'),
  args: { ...worked('verdict').args, elder: true, lang: 'en' },
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
  tags: ['expected-error'],
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
  tags: ['expected-error'],
  parameters: post('offline'),
  args: { contrast: 'black-on-white' },
  play: act({ level: 4, submit: true }),
};

export const EnglishFollowUp: Story = {
  name: 'English follow-up',
  args: { lang: 'en', trackingCode: recordedRatings.followUpCode, caseId: recordedRatings.followUpCase },
};
