import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { ZwRatingSummary } from '../src/rating/index.ts';
import type { RatingSummary } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { define } from '../src/core/define.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { API, serverError } from './support/api-handlers.ts';
import { modeArgTypes } from './support/modes.ts';
import { figuresHandlers } from './support/rating-desk-handlers.ts';

// package.json marks the family entries free of side effects, so a bundler may drop a bare
// `import '…/index.ts'`; registering here (define() skips a tag already taken) keeps the elements in every build.
define('zw-rating-summary', ZwRatingSummary);

/**
 * Every state of `<zw-rating-summary>`. Without handlers of its own a story meets the reference API's recording
 * (stories/support/api-handlers.ts): the summaries of the 100 ratings the recorded hall had that morning, and an
 * empty one for a scope nobody rated. The others answer on their own (`parameters.msw`): a troubled window, a server
 * that never answers or fails. 好评率 is the share of ratings that are not 差评 (levels 3–5 of all ratings).
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  hall: string;
  service: string;
  window: string;
  /** Open the table alternative. */
  table: boolean;
  /** Figures per hall, department or month instead of the levels. */
  by: '' | 'hall' | 'department' | 'month';
}

const summary = (
  byLevel: RatingSummary['byLevel'],
  scope: RatingSummary['scope'] = { service: null, window: null, hall: 'guangan-zwzx' },
): RatingSummary => {
  const count = Object.values(byLevel).reduce((a, b) => a + b, 0);
  return { scope, count, byLevel, goodRate: count ? (byLevel[3] + byLevel[4] + byLevel[5]) / count : null };
};
/** A window with many 差评 (not in the recording: its hall is well rated). */
const troubled = summary({ 1: 19, 2: 23, 3: 30, 4: 12, 5: 9 }, { service: null, window: 'w05', hall: null });

/** The summary request gets this payload, never an answer, or a server error. */
const answer = (a: RatingSummary | 'hang' | 'error') => ({
  msw: {
    handlers: [
      http.get(`${API}/ratings/summary`, ({ request }) =>
        a === 'hang'
          ? delay('infinite').then(() => HttpResponse.error())
          : a === 'error'
            ? serverError(request)
            : HttpResponse.json(a, { headers: { 'Access-Control-Allow-Origin': '*' } }),
      ),
    ],
  },
});

const meta: Meta<Args> = {
  title: 'Rating/zw-rating-summary',
  component: 'zw-rating-summary',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
  },
  args: {
    lang: 'zh-CN',
    elder: false,
    contrast: 'none',
    hall: 'guangan-zwzx',
    service: '',
    window: '',
    table: false,
    by: '',
  },
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-rating-summary
      lang=${a.lang}
      hall=${a.hall || nothing}
      service=${a.service || nothing}
      window=${a.window || nothing}
      by=${a.by || nothing}
    ></zw-rating-summary>`,
  play: async ({ canvasElement, args }) => {
    if (!args.table) return;
    const el = canvasElement.querySelector('zw-rating-summary')!;
    for (let tries = 0; tries < 100 && !el.shadowRoot?.querySelector('details'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The recorded hall's summary, as the reference API computed it. */
export const Live: Story = {};
export const Hall: Story = { name: 'A hall with many ratings' };
export const Table: Story = { name: 'Table alternative open', args: { table: true } };
export const Window: Story = {
  name: 'A window with many 差评',
  parameters: answer(troubled),
  args: { hall: '', window: 'w05' },
};
/** A service nobody has rated: the reference API's answer for it. */
export const Empty: Story = {
  name: 'No ratings yet',
  args: { hall: '', service: '511C0099000000' },
};
export const Loading: Story = { tags: ['expected-loading'], parameters: answer('hang') };
export const ErrorState: Story = { name: 'Error, with retry', tags: ['expected-error'], parameters: answer('error') };
export const English: Story = { args: { lang: 'en', table: true } };
export const ElderMode: Story = { name: 'Elder mode', args: { elder: true, table: true } };
export const YellowOnBlack: Story = { name: 'Yellow on black', args: { contrast: 'yellow-on-black', table: true } };
export const WhiteOnBlue: Story = { name: 'White on blue, English', args: { contrast: 'white-on-blue', lang: 'en' } };
export const BlackOnWhite: Story = {
  name: 'Black on white, elder',
  parameters: answer(troubled),
  args: { contrast: 'black-on-white', elder: true, window: 'w05', hall: '' },
};

/** The figures the national rules ask a district to publish, per month of the recorded hall. */
export const FiguresByMonth: Story = {
  name: 'Figures per month (好评率, 差评整改率, 回访率, on time)',
  parameters: { msw: { handlers: figuresHandlers('month') } },
  args: { by: 'month' },
};
export const FiguresByDepartment: Story = {
  name: 'Figures per department, a small one withheld, tables open, elder, English',
  parameters: { msw: { handlers: figuresHandlers('department') } },
  args: { by: 'department', table: true, elder: true, lang: 'en' },
};
