import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwRatingSummary } from '../src/rating/index.ts';
import type { RatingSummary } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { define } from '../src/core/define.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';

// package.json marks the family entries free of side effects, so a bundler may drop a bare
// `import '…/index.ts'`; registering here (define() skips a tag already taken) keeps the elements in every build.
define('zw-rating-summary', ZwRatingSummary);

/**
 * Every state of `<zw-rating-summary>`. "Live" reads the reference API; the others answer from fixed payloads by
 * stubbing `fetch` in a loader. 好评率 is the share of ratings that are not 差评 (levels 3–5 of all ratings).
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
}

const summary = (
  byLevel: RatingSummary['byLevel'],
  scope: RatingSummary['scope'] = { hall: 'guangan-zwzx' },
): RatingSummary => {
  const count = Object.values(byLevel).reduce((a, b) => a + b, 0);
  return { scope, count, byLevel, goodRate: count ? (byLevel[3] + byLevel[4] + byLevel[5]) / count : null };
};
const hall = summary({ 1: 6, 2: 11, 3: 57, 4: 203, 5: 1007 });
const troubled = summary({ 1: 19, 2: 23, 3: 30, 4: 12, 5: 9 }, { window: 'w05' });
const empty = summary({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, { service: '511A0138000000' });

type Answer = RatingSummary | 'error' | 'hang';
const original: { fetch?: typeof fetch } = {};
function install(answer?: Answer): void {
  original.fetch ??= window.fetch.bind(window);
  window.fetch = original.fetch;
  if (!answer) return;
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input).includes('/ratings/summary')) return original.fetch!(input, init);
    if (answer === 'hang') return new Promise<Response>(() => undefined);
    if (answer === 'error')
      return new Response('{"type":"urn:zhengwu-widgets:problem:internal","title":"x","status":500}', { status: 500 });
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}
const at = (answer?: Answer) => [async () => install(answer)];

const meta: Meta<Args> = {
  title: 'Rating/zw-rating-summary',
  component: 'zw-rating-summary',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
  },
  args: { lang: 'zh-CN', elder: false, contrast: 'none', hall: 'guangan-zwzx', service: '', window: '', table: false },
  loaders: at(hall),
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
    ></zw-rating-summary>`,
  play: async ({ canvasElement, args }) => {
    if (!args.table) return;
    const el = canvasElement.querySelector('zw-rating-summary')!;
    for (let tries = 0; tries < 50 && !el.shadowRoot?.querySelector('details'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const details = el.shadowRoot?.querySelector('details');
    if (details) details.open = true;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The reference API, live (ratings given in other stories show up here). */
export const Live: Story = { loaders: at() };
export const Hall: Story = { name: 'A hall with many ratings' };
export const Table: Story = { name: 'Table alternative open', args: { table: true } };
export const Window: Story = {
  name: 'A window with many 差评',
  loaders: at(troubled),
  args: { hall: '', window: 'w05' },
};
export const Empty: Story = {
  name: 'No ratings yet',
  loaders: at(empty),
  args: { hall: '', service: '511A0138000000' },
};
export const Loading: Story = { loaders: at('hang') };
export const ErrorState: Story = { name: 'Error, with retry', loaders: at('error') };
export const English: Story = { args: { lang: 'en', table: true } };
export const ElderMode: Story = { name: 'Elder mode', args: { elder: true, table: true } };
export const YellowOnBlack: Story = { name: 'Yellow on black', args: { contrast: 'yellow-on-black', table: true } };
export const WhiteOnBlue: Story = { name: 'White on blue, English', args: { contrast: 'white-on-blue', lang: 'en' } };
export const BlackOnWhite: Story = {
  name: 'Black on white, elder',
  loaders: at(troubled),
  args: { contrast: 'black-on-white', elder: true, window: 'w05', hall: '' },
};
