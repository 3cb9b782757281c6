import type { A11yPrefs } from '../core/prefs/prefs.js';

/** The preferences a `<zw-a11y-toggle>` can switch, by the short names of its `mode` attribute. */
export type ToggleMode = 'elder' | 'contrast' | 'spacing' | 'cursor' | 'guide' | 'motion' | 'speech';

type OnOff = { [K in keyof A11yPrefs]: A11yPrefs[K] extends boolean ? K : never }[keyof A11yPrefs];

/** The on/off preference behind each mode (`contrast` picks a scheme instead). */
export const MODE_KEYS: Partial<Record<ToggleMode, OnOff>> = {
  elder: 'elder',
  spacing: 'spacing',
  cursor: 'largeCursor',
  guide: 'readingGuide',
  motion: 'reducedMotion',
  speech: 'speakOnPoint',
};

/** `detail` of `zw-a11y-change`: which preference the resident changed (or `reset`) and all of them afterwards. */
export interface ZwA11yChangeDetail {
  key: keyof A11yPrefs | 'reset';
  prefs: A11yPrefs;
}

export const changeEvent = (key: ZwA11yChangeDetail['key'], prefs: A11yPrefs) =>
  new CustomEvent<ZwA11yChangeDetail>('zw-a11y-change', { detail: { key, prefs }, bubbles: true, composed: true });
