import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ZwA11yToggle, type ToggleMode } from '../src/a11y-toolbar/index.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';

define('zw-a11y-toggle', ZwA11yToggle);

/**
 * `<zw-a11y-toggle>`: one preference as a switch, e.g. a “长辈版” link in a portal header. One story per mode, on and
 * off, with its own label or the default one, inside a form, and the speech switch on a device without a voice
 * (`speechSynthesis` replaced in a loader: the browser boundary).
 */

interface Args {
  lang: 'zh-CN' | 'en';
  mode: ToggleMode;
  label: string;
  on: boolean;
  elder: boolean;
  contrast: ContrastScheme;
}

const modes: ToggleMode[] = ['elder', 'contrast', 'spacing', 'cursor', 'guide', 'motion', 'speech'];
const key = { elder: 'elder', spacing: 'spacing', cursor: 'largeCursor', guide: 'readingGuide', motion: 'reducedMotion', speech: 'speakOnPoint' } as const;

const meta: Meta<Args> = {
  title: 'Accessibility/zw-a11y-toggle',
  component: 'zw-a11y-toggle',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
    mode: { control: 'select', options: modes },
  },
  args: { lang: 'zh-CN', mode: 'elder', label: '', on: false, elder: false, contrast: 'none' },
  decorators: [
    (story, { args }) => {
      const store = pagePrefsStore();
      store.reset();
      const patch: Record<string, unknown> = { elder: args.elder, contrast: args.contrast };
      if (args.mode === 'contrast') patch.contrast = args.on ? 'yellow-on-black' : args.contrast;
      else patch[key[args.mode]] = args.on || (args.mode === 'elder' && args.elder);
      store.set(patch);
      return story();
    },
  ],
  render: (a) =>
    html`<zw-a11y-toggle mode=${a.mode} lang=${a.lang} scheme=${a.mode === 'contrast' ? 'yellow-on-black' : nothing}
      >${a.label || nothing}</zw-a11y-toggle
    >`,
};
export default meta;

type Story = StoryObj<Args>;

export const Elder: Story = { name: '长辈版 in a header (own label)', args: { label: '长辈版' } };
export const ElderOn: Story = { name: '长辈版, on', args: { label: '长辈版', on: true } };
export const Contrast: Story = { name: 'High contrast (yellow on black when on)', args: { mode: 'contrast' } };
export const ContrastOn: Story = { name: 'High contrast, on', args: { mode: 'contrast', on: true } };
export const Spacing: Story = { name: 'Text spacing', args: { mode: 'spacing' } };
export const Cursor: Story = { name: 'Large cursor, on', args: { mode: 'cursor', on: true } };
export const Guide: Story = { name: 'Crosshair, on (drawn by the toggle when no toolbar is on the page)', args: { mode: 'guide', on: true } };
export const Motion: Story = { name: 'Reduced motion', args: { mode: 'motion' } };
export const English: Story = { name: 'English default label', args: { lang: 'en', mode: 'spacing' } };
export const ElderWhiteOnBlue: Story = { name: 'In elder mode and white on blue', args: { mode: 'spacing', elder: true, contrast: 'white-on-blue' } };

export const SpeechNoVoice: Story = {
  name: '指读 on a device without a Chinese voice: disabled, and says why',
  args: { mode: 'speech' },
  loaders: [
    async () => {
      const none = Object.assign(new EventTarget(), { getVoices: () => [], cancel: () => undefined, resume: () => undefined });
      Object.defineProperty(window, 'speechSynthesis', { value: none, configurable: true, writable: true });
    },
  ],
};

export const InForm: Story = {
  name: 'In a form: submits its value while on',
  render: (a) => html`<form
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const out = (e.target as HTMLFormElement).querySelector('output')!;
      out.value = JSON.stringify(Object.fromEntries(new FormData(e.target as HTMLFormElement)));
    }}
  >
    <zw-a11y-toggle mode="elder" name="careMode" value="yes" lang=${a.lang}>以后都用长辈版打开</zw-a11y-toggle>
    <button>保存</button>
    <output></output>
  </form>`,
};
