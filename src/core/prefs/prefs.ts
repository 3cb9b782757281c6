/** Colour schemes offered for high contrast; each pair reaches at least 7:1. */
export type ContrastScheme = 'none' | 'black-on-white' | 'yellow-on-black' | 'white-on-blue';

/** The page's accessibility preferences, shared by every zw element and mirrored onto `<html>` for the host page. */
export interface A11yPrefs {
  /** 长辈模式: large text, big targets, simpler layout. */
  elder: boolean;
  /** Text size multiplier, 1 to 2. */
  fontScale: number;
  contrast: ContrastScheme;
  /** WCAG 1.4.12 text spacing. */
  spacing: boolean;
  largeCursor: boolean;
  readingGuide: boolean;
  reducedMotion: boolean;
  /** 指读: speak what is under the pointer or focus. */
  speakOnPoint: boolean;
}

export const DEFAULT_PREFS: A11yPrefs = {
  elder: false,
  fontScale: 1,
  contrast: 'none',
  spacing: false,
  largeCursor: false,
  readingGuide: false,
  reducedMotion: false,
  speakOnPoint: false,
};
