import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ZwTicketKiosk } from '../src/hall-ops/ticket-kiosk.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';
import { staffHall, type StaffHall } from './support/hall-ops-handlers.ts';

// Registered here: package.json marks the family entries free of side effects (see rating-summary.stories.ts).
define('zw-ticket-kiosk', ZwTicketKiosk);

/**
 * Every state of `<zw-ticket-kiosk>` in the recorded hall: the categories (elder sizing by default), the 绿色通道
 * reasons and categories, issuing, the issued ticket with its QR code (the print layout is that ticket alone, under
 * `@media print`), a closed hall, a failed issue, signed out. Tickets answer from stories/support/hall-ops-handlers.ts;
 * the hall's snapshot is the recorded one.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  signedIn: boolean;
  /** What to press once the categories are there: nothing, 绿色通道, 绿色通道 then a reason, or the first category. */
  press: 'none' | 'priority' | 'reason' | 'category';
}

const staff = (o: StaffHall) => ({ msw: { handlers: staffHall(o) } });
const wait = () => new Promise((r) => setTimeout(r, 100));

const meta: Meta<Args> = {
  title: 'Hall operations/zw-ticket-kiosk',
  component: 'zw-ticket-kiosk',
  tags: ['autodocs'],
  argTypes: { ...modeArgTypes, press: { control: 'select', options: ['none', 'priority', 'reason', 'category'] } },
  args: { lang: 'zh-CN', elder: true, contrast: 'none', signedIn: true, press: 'none' },
  parameters: staff({}),
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-ticket-kiosk
      lang=${a.lang}
      hall="guangan-zwzx"
      print="button"
      ticket-url="https://zwfw.example.gov.cn/queue/my-ticket?hall={hall}&ticket={ticket}"
      .tokenProvider=${a.signedIn ? () => 'story-token' : undefined}
    ></zw-ticket-kiosk>`,
  play: async ({ canvasElement, args }) => {
    if (args.press === 'none') return;
    const el = canvasElement.querySelector('zw-ticket-kiosk')!;
    const find = async (sel: string) => {
      for (let tries = 0; tries < 100 && !el.shadowRoot?.querySelector(sel); tries++) await wait();
      return el.shadowRoot?.querySelector<HTMLButtonElement>(sel);
    };
    if (args.press === 'category') return void (await find('.choice'))?.click();
    (await find('.priority'))?.click();
    await wait();
    if (args.press === 'reason') (await find('.choice'))?.click();
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Categories: Story = { name: 'Choose a service (elder sizing)' };
export const PriorityReasons: Story = {
  name: '绿色通道: the reason',
  args: { press: 'priority', contrast: 'yellow-on-black' },
};
export const PriorityCategories: Story = { name: '绿色通道: the service', args: { press: 'reason', lang: 'en' } };
export const Issuing: Story = {
  name: 'Issuing',
  tags: ['expected-loading'],
  parameters: staff({ tickets: 'hang' }),
  args: { press: 'category' },
};
export const Issued: Story = { name: 'The ticket, with its QR code', args: { press: 'category' } };
export const IssuedEnglish: Story = {
  name: 'The ticket, English, white on blue',
  args: { press: 'category', lang: 'en', contrast: 'white-on-blue' },
};
export const Closed: Story = {
  name: 'The hall is closed',
  tags: ['expected-error'],
  parameters: staff({ tickets: 'closed' }),
  args: { press: 'category', contrast: 'black-on-white' },
};
export const Failed: Story = {
  name: 'The server failed',
  tags: ['expected-error'],
  parameters: staff({ tickets: 'error' }),
  args: { press: 'category', lang: 'en' },
};
export const SignedOut: Story = { name: 'Signed out', args: { signedIn: false } };
