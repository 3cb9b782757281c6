import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ZwA11yToggle, ZwA11yToolbar } from '../src/a11y-toolbar/index.ts';
import { reader } from '../src/a11y-toolbar/speech.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { modeArgTypes } from './support/modes.ts';

// Registered here as well: a bundler may drop a bare import of a family entry marked free of side effects.
define('zw-a11y-toolbar', ZwA11yToolbar);
define('zw-a11y-toggle', ZwA11yToggle);

/**
 * Every state of `<zw-a11y-toolbar>`: closed, open, in elder mode, at each text size and colour scheme, in English,
 * with the crosshair and large cursor, while reading aloud (大字幕), and on a device without a Chinese voice. The
 * speech engine is the browser's own, except where a story needs a particular one: then `speechSynthesis` (the
 * browser boundary) is replaced in a loader. The story page itself follows the preferences through the
 * `data-zw-*` attributes on `<html>`, as a portal using docs/host-page.md does.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  open: boolean;
  elder: boolean;
  contrast: ContrastScheme;
  fontScale: number;
  spacing: boolean;
  largeCursor: boolean;
  readingGuide: boolean;
}

// ---------------------------------------------------------------- the speech engine boundary

const real: { synth?: SpeechSynthesis | undefined; Utterance?: typeof SpeechSynthesisUtterance } = {};

/** Stands in for the browser's utterance, which accepts only the browser's own voice objects. */
class StoryUtterance {
  voice: unknown = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

/** Installs an engine with these voices that never finishes speaking (so the caption strip stays up), or none. */
function voices(langs: string[] | null) {
  return [
    async () => {
      if (!('synth' in real)) Object.assign(real, { synth: window.speechSynthesis, Utterance: window.SpeechSynthesisUtterance });
      reader.stop();
      window.SpeechSynthesisUtterance = StoryUtterance as unknown as typeof SpeechSynthesisUtterance;
      const engine = Object.assign(new EventTarget(), {
        getVoices: () => (langs ?? []).map((lang) => ({ lang, name: lang, voiceURI: lang, default: false, localService: true })),
        speak: () => undefined,
        cancel: () => undefined,
        pause: () => undefined,
        resume: () => undefined,
      });
      Object.defineProperty(window, 'speechSynthesis', { value: langs ? engine : undefined, configurable: true, writable: true });
    },
  ];
}

/** Puts the browser's own engine back (stories without a scenario). */
const ownVoices = [
  async () => {
    reader.stop();
    if (!('synth' in real)) return;
    Object.defineProperty(window, 'speechSynthesis', { value: real.synth, configurable: true, writable: true });
    window.SpeechSynthesisUtterance = real.Utterance!;
  },
];

/** Presses 连读 in the toolbar, so the caption strip shows the first sentence. */
async function readPage({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('zw-a11y-toolbar') as ZwA11yToolbar;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('.read')!.click();
}

// ---------------------------------------------------------------- meta

const meta: Meta<Args> = {
  title: 'Accessibility/zw-a11y-toolbar',
  component: 'zw-a11y-toolbar',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
    fontScale: { control: 'inline-radio', options: [1, 1.25, 1.5, 1.75, 2] },
  },
  args: {
    lang: 'zh-CN',
    open: false,
    elder: false,
    contrast: 'none',
    fontScale: 1,
    spacing: false,
    largeCursor: false,
    readingGuide: false,
  },
  loaders: ownVoices,
  decorators: [
    (story, { args }) => {
      const { elder, contrast, fontScale, spacing, largeCursor, readingGuide } = args;
      pagePrefsStore().set({ elder, contrast, fontScale, spacing, largeCursor, readingGuide });
      return story();
    },
  ],
  render: (a) => html`<zw-a11y-toolbar lang=${a.lang} ?open=${a.open}></zw-a11y-toolbar>
    <main lang=${a.lang}>
      <h1>${a.lang === 'en' ? 'Replacing a social security card' : '社会保障卡补领、换领、换发'}</h1>
      <p>
        ${a.lang === 'en'
          ? 'Bring your ID card. The new card is ready in five working days.'
          : '请携带本人身份证原件。新卡在五个工作日内制作完成，可到窗口领取，也可邮寄到家。'}
      </p>
    </main>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Closed: Story = { name: 'Closed: 长辈模式 and 无障碍' };
export const Open: Story = { name: 'Open: every preference', args: { open: true } };
export const Elder: Story = { name: 'Elder mode (24 px text, 60 px targets)', args: { open: true, elder: true } };
export const Largest: Story = { name: 'Text at 200%', args: { open: true, fontScale: 2 } };
export const BlackOnWhite: Story = { name: 'High contrast: black on white', args: { open: true, contrast: 'black-on-white' } };
export const YellowOnBlack: Story = { name: 'High contrast: yellow on black', args: { open: true, contrast: 'yellow-on-black' } };
export const WhiteOnBlue: Story = { name: 'High contrast: white on blue', args: { open: true, contrast: 'white-on-blue' } };
export const ElderYellowOnBlack: Story = {
  name: 'Elder mode in yellow on black',
  args: { open: true, elder: true, contrast: 'yellow-on-black' },
};
export const Spacing: Story = { name: 'Wider text spacing (WCAG 1.4.12)', args: { open: true, spacing: true } };
export const CursorAndGuide: Story = {
  name: 'Large cursor and crosshair (move the pointer)',
  args: { open: true, largeCursor: true, readingGuide: true },
};
export const English: Story = { name: 'English', args: { open: true, lang: 'en' } };

export const Reading: Story = {
  name: 'Reading the page aloud (连读 with 大字幕)',
  args: { open: true },
  loaders: voices(['zh-CN']),
  play: readPage,
};
export const ReadingElder: Story = {
  name: 'Reading aloud in elder mode',
  args: { open: true, elder: true },
  loaders: voices(['zh-CN']),
  play: readPage,
};
export const NoVoice: Story = {
  name: 'No Chinese voice on the device: read-aloud disabled and explained',
  args: { open: true },
  loaders: voices(['en-US', 'zh-HK']),
};
export const NoSpeechEngine: Story = {
  name: 'A browser without speech synthesis',
  args: { open: true },
  loaders: voices(null),
};
