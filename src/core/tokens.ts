import { css, unsafeCSS } from 'lit';

/** A 48 px arrow drawn as an SVG data URL, `fill` percent-encoded; the hot spot is its tip. */
const arrow = (fill: string) =>
  `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='48' viewBox='0 0 24 24'%3E%3Cpath d='M3 2v17l4.5-4.2 3 6.7 3-1.3-2.9-6.6H17z' fill='${fill}' stroke='%23fff' stroke-width='1.5' stroke-linejoin='round'/%3E%3C/svg%3E") 6 4`;

/**
 * Large-cursor rules under `scope` (a selector for the element that carries `data-zw-large-cursor`). The page can
 * replace the pictures with `--zw-cursor` and `--zw-cursor-pointer` (e.g. `url(/img/cursor.svg) 6 4`), which a
 * strict Content-Security-Policy without `img-src data:` needs; when an image is blocked the keyword after it
 * (`auto`, `pointer`) is used, so the cursor falls back to the normal size instead of disappearing.
 */
export const largeCursorCss = (scope: string): string =>
  `${scope},${scope} *{cursor:var(--zw-cursor,${arrow('%23000')},auto)}` +
  `${scope} :is(a[href],button,label,select,summary,[role=button],[role=link],[role=switch],[role=option],[type=checkbox],[type=radio]){cursor:var(--zw-cursor-pointer,${arrow('%231552ad')},pointer)}` +
  `${scope} :is(textarea,input:not([type=checkbox],[type=radio],[type=button],[type=submit])){cursor:text}`;


/**
 * Design tokens. Public knobs are `--zw-*` custom properties, which inherit from the host page into every shadow
 * root; elements read only the private `--_*` values resolved here, so a contrast scheme or elder mode can override
 * whatever the host page set. Every pair used for text meets 4.5:1 in the light and dark sets and 7:1 in the
 * high-contrast sets.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--zw-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_scale: var(--zw-font-scale, 1);
    /* The browser's text size, but never below 16 px: old portals often shrink the root font to 12 px or 62.5%. */
    --_base: var(--zw-base-font-size, max(16px, 1rem));
    --_fs: calc(var(--_base) * var(--_scale));
    --_fs-small: calc(var(--_base) * 0.875 * var(--_scale));
    --_fs-large: calc(var(--_base) * 1.25 * var(--_scale));
    --_line: var(--zw-line-height, 1.6);
    --_target: var(--zw-target-size, 44px);
    --_radius: var(--zw-radius, 8px);
    --_gap: var(--zw-space, 0.75rem);

    --_bg: var(--zw-color-surface, #ffffff);
    --_bg-alt: var(--zw-color-surface-alt, #f2f5f9);
    --_text: var(--zw-color-text, #1d2129);
    --_muted: var(--zw-color-text-muted, #4e5969);
    --_border: var(--zw-color-border, #6b7785);
    --_primary: var(--zw-color-primary, #1552ad);
    --_on-primary: var(--zw-color-on-primary, #ffffff);
    --_success: var(--zw-color-success, #0b6b2e);
    --_warning: var(--zw-color-warning, #8a4b00);
    --_danger: var(--zw-color-danger, #b3261e);
    --_focus: var(--zw-color-focus, #1552ad);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_fs);
    line-height: var(--_line);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  :host([data-zw-theme='dark']) {
    --_bg: var(--zw-color-surface, #17191c);
    --_bg-alt: var(--zw-color-surface-alt, #23262b);
    --_text: var(--zw-color-text, #e8eaed);
    --_muted: var(--zw-color-text-muted, #b4bac3);
    --_border: var(--zw-color-border, #8b939e);
    --_primary: var(--zw-color-primary, #8ab4ff);
    --_on-primary: var(--zw-color-on-primary, #0b1a33);
    --_success: var(--zw-color-success, #7fd89b);
    --_warning: var(--zw-color-warning, #f5c16c);
    --_danger: var(--zw-color-danger, #ff9d94);
    --_focus: var(--zw-color-focus, #8ab4ff);
  }

  /* 长辈模式: at least 24 px body text, 1.5 line height, 60 px targets. */
  :host([data-zw-elder]) {
    --_fs: max(24px, calc(var(--_base) * var(--_scale)));
    --_fs-small: max(24px, calc(var(--_base) * 0.875 * var(--_scale)));
    --_fs-large: max(30px, calc(var(--_base) * 1.25 * var(--_scale)));
    --_line: 1.6;
    --_target: 60px;
    --_gap: 1rem;
  }

  /* WCAG 1.4.12 text spacing. */
  :host([data-zw-spacing]) {
    --_line: 1.8;
    letter-spacing: 0.12em;
    word-spacing: 0.16em;
  }
  :host([data-zw-spacing]) p {
    margin-block-end: 2em;
  }

  /* High-contrast schemes ignore the host's colours on purpose: the resident asked for these. */
  :host([data-zw-contrast]) {
    --_success: var(--_text);
    --_warning: var(--_text);
    --_danger: var(--_text);
    --_muted: var(--_text);
    --_border: var(--_text);
    --_focus: var(--_text);
    --_primary: var(--_text);
    --_on-primary: var(--_bg);
    --_bg-alt: var(--_bg);
  }
  :host([data-zw-contrast='black-on-white']) {
    --_bg: #ffffff;
    --_text: #000000;
  }
  :host([data-zw-contrast='yellow-on-black']) {
    --_bg: #000000;
    --_text: #ffff00;
  }
  :host([data-zw-contrast='white-on-blue']) {
    --_bg: #002060;
    --_text: #ffffff;
  }

  :host([data-zw-reduced-motion]) *,
  :host([data-zw-reduced-motion]) *::before,
  :host([data-zw-reduced-motion]) *::after {
    animation: none !important;
    transition: none !important;
  }
  ${unsafeCSS(largeCursorCss(':host([data-zw-large-cursor])'))}
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    :host {
      --_bg: Canvas;
      --_bg-alt: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_primary: LinkText;
      --_on-primary: Canvas;
      --_focus: Highlight;
    }
  }
`;

/** Hides content visually while keeping it for screen readers (live regions, table alternatives). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
