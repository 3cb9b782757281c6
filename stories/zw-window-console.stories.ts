import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwWindowConsole } from '../src/hall-ops/window-console.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';
import { calledView, identity, staffHall, windowView, type StaffHall } from './support/hall-ops-handlers.ts';

// Registered here: package.json marks the family entries free of side effects (see rating-summary.stories.ts).
define('zw-window-console', ZwWindowConsole);

/**
 * Every state of `<zw-window-console>` at window w05 of the recorded hall: signed out, no access, choosing a window,
 * another console holding the window, at work (nobody called, a priority resident called, being served), paused,
 * an action waiting for the network, and an action the server refused. The hall's snapshot and live feed are the
 * recorded ones; the staff side answers from stories/support/hall-ops-handlers.ts.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  /** Signed in (the host page gives a token). */
  signedIn: boolean;
  window: string;
  /** Press 叫号 once the console is at work. */
  press: boolean;
}

const staff = (o: StaffHall) => ({ msw: { handlers: staffHall(o) } });

const meta: Meta<Args> = {
  title: 'Hall operations/zw-window-console',
  component: 'zw-window-console',
  tags: ['autodocs'],
  argTypes: { ...modeArgTypes },
  args: { lang: 'zh-CN', elder: false, contrast: 'none', signedIn: true, window: 'w05', press: false },
  parameters: staff({}),
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      // The console asks before a page with unsent actions is left (decision 067); a story is left by switching to
      // the next one, which that question would hold up. Heard before the console's own listener, which it stops.
      window.addEventListener('beforeunload', (e) => e.stopImmediatePropagation());
      return story();
    },
  ],
  render: (a) =>
    html`<zw-window-console
      lang=${a.lang}
      hall="guangan-zwzx"
      window=${a.window || nothing}
      .tokenProvider=${a.signedIn ? () => 'story-token' : undefined}
    ></zw-window-console>`,
  play: async ({ canvasElement, args }) => {
    if (!args.press) return;
    const el = canvasElement.querySelector('zw-window-console')!;
    const call = () => el.shadowRoot?.querySelector<HTMLButtonElement>('button[data-action=call-next]');
    for (let tries = 0; tries < 100 && !call(); tries++) await new Promise((r) => setTimeout(r, 100));
    call()?.click();
  },
};
export default meta;

type Story = StoryObj<Args>;

export const AtWork: Story = { name: 'At work, nobody called' };
export const Called: Story = {
  name: 'A priority resident called',
  parameters: staff({ view: calledView() }),
  args: { lang: 'en', contrast: 'yellow-on-black' },
};
export const Serving: Story = {
  name: 'Being served, elder mode',
  parameters: staff({ view: calledView('serving') }),
  args: { elder: true },
};
export const Paused: Story = {
  name: 'Paused: choose the services and reopen',
  parameters: staff({
    view: windowView({ window: { id: 'w05', label: '5 号窗口', status: 'paused', serving: null, categoryIds: ['B'] } }),
  }),
  args: { contrast: 'white-on-blue' },
};
export const Pending: Story = {
  name: 'An action waiting for the network',
  parameters: staff({ actions: 'hang' }),
  args: { press: true },
};
export const Refused: Story = {
  name: 'An action the server refused',
  tags: ['expected-error'],
  parameters: staff({ actions: 'refused' }),
  args: { press: true, lang: 'en' },
};
export const Held: Story = {
  name: 'Another console holds the window',
  tags: ['expected-error'],
  parameters: staff({ claim: 'held' }),
  args: { elder: true },
};
export const ChooseWindow: Story = { name: 'Choosing the window', args: { window: '' } };
export const SignedOut: Story = { name: 'Signed out', args: { signedIn: false, contrast: 'black-on-white' } };
export const NoAccess: Story = {
  name: 'No access to this hall',
  tags: ['expected-error'],
  parameters: staff({ me: { ...identity, halls: ['xiexing-bmfw'] } }),
  args: { lang: 'en' },
};
