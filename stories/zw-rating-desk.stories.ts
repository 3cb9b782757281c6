import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwRatingDesk } from '../src/rating-desk/rating-desk.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';
import { deskHandlers, inbox, type Desk } from './support/rating-desk-handlers.ts';

// Registered here: package.json marks the family entries free of side effects (see rating-summary.stories.ts).
define('zw-rating-desk', ZwRatingDesk);

/**
 * Every state of `<zw-rating-desk>` for the recorded hall's rating officer: the inbox by deadline (an overdue case,
 * one due soon), a case in 受理 with the phone number opened, in 整改 with the 回访 form, under appeal with the
 * review's outcome, closed, then signed out, refused, a failed inbox and one whose refresh failed. The staff side answers from
 * stories/support/rating-desk-handlers.ts.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  /** Signed in (the host page gives a token). */
  signedIn: boolean;
  /** Open this case instead of the inbox. */
  caseId: string;
  /** After the case opens: press 查看联系电话, or choose 复核 and 撤销差评 in the form. */
  press: '' | 'phone' | 'review';
}

const desk = (o: Desk) => ({ msw: { handlers: deskHandlers(o) } });
const OPEN = inbox[0]!.id;

/** Waits for a control in the desk's shadow root, then presses it. */
async function press(el: Element, selector: string) {
  const find = () => el.shadowRoot?.querySelector<HTMLElement>(selector);
  for (let tries = 0; tries < 100 && !find(); tries++) await new Promise((r) => setTimeout(r, 100));
  find()?.click();
}

const meta: Meta<Args> = {
  title: 'Rating/zw-rating-desk',
  component: 'zw-rating-desk',
  tags: ['autodocs'],
  argTypes: { ...modeArgTypes, press: { control: 'inline-radio', options: ['', 'phone', 'review'] } },
  args: { lang: 'zh-CN', elder: false, contrast: 'none', signedIn: true, caseId: '', press: '' },
  parameters: desk({}),
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-rating-desk
      lang=${a.lang}
      hall="guangan-zwzx"
      case=${a.caseId || nothing}
      .tokenProvider=${a.signedIn ? () => 'story-token' : undefined}
    ></zw-rating-desk>`,
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector('zw-rating-desk')!;
    if (args.press === 'phone') await press(el, 'section > button');
    if (args.press === 'review') {
      await press(el, 'input[name=to][value=reviewed]');
      await press(el, 'input[name=outcome][value=annulled]');
    }
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Inbox: Story = { name: 'Inbox by deadline (overdue, due soon)' };
export const InboxEnglish: Story = {
  name: 'Inbox, English, yellow on black',
  args: { lang: 'en', contrast: 'yellow-on-black' },
};
export const Accepted: Story = {
  name: '受理: the phone number opened on request',
  parameters: desk({ state: 'accepted' }),
  args: { caseId: OPEN, press: 'phone' },
};
export const Rectifying: Story = {
  name: '整改, with the 回访 form, elder mode',
  parameters: desk({ state: 'rectifying' }),
  args: { caseId: OPEN, elder: true },
};
export const Appealed: Story = {
  name: '申诉: the review and its outcome, English, white on blue',
  parameters: desk({ state: 'appealed' }),
  args: { caseId: inbox[2]!.id, press: 'review', lang: 'en', contrast: 'white-on-blue' },
};
export const Closed: Story = {
  name: '办结: the steps, no number, nothing left to do',
  parameters: desk({ state: 'closed' }),
  args: { caseId: OPEN, contrast: 'black-on-white' },
};
export const SignedOut: Story = { name: 'Signed out', args: { signedIn: false } };
export const Forbidden: Story = {
  name: 'Another hall: no access',
  tags: ['expected-error'],
  parameters: desk({ forbidden: true }),
  args: { caseId: OPEN },
};
export const ListFailed: Story = {
  name: 'The inbox could not be loaded, with retry',
  tags: ['expected-error'],
  parameters: desk({ list: 'error' }),
};
export const RefreshFailed: Story = {
  name: 'The inbox could not be refreshed: the cases stay, marked out of date',
  tags: ['expected-error'],
  parameters: desk({ list: 'then-error' }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('zw-rating-desk')!;
    for (let tries = 0; tries < 100 && !el.shadowRoot?.querySelector('[data-case]'); tries++)
      await new Promise((r) => setTimeout(r, 100));
    // What coming back to the page does (and the minute's refresh): the next fetch fails.
    document.dispatchEvent(new Event('visibilitychange'));
  },
};
export const Loading: Story = { tags: ['expected-loading'], parameters: desk({ list: 'hang' }) };
