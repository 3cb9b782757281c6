import { css, unsafeCSS } from 'lit';

/**
 * Design tokens. Public knobs are `--zw-*` custom properties, which inherit from the host page into every shadow
 * root; elements read only the private `--_*` values resolved here, so a contrast scheme or elder mode can override
 * whatever the host page set. Every pair used for text meets 4.5:1 in the light and dark sets and 7:1 in the
 * high-contrast sets (black on white 21:1, yellow on black 19.6:1, white on #002060 15.3:1), where every colour is
 * `--_text` or `--_bg`: the schemes ignore the host's colours on purpose, since the resident asked for them.
 *
 * - `--_base` is the browser's text size but never below 16 px (old portals often shrink the root font to 62.5%);
 *   no text is smaller than 16 px, small print included (hints, notes: `--_fs-small`, 87.5% from 125% text up).
 * - 长辈模式 (`data-zw-elder`): body text at least 24 px, large text 30 px, line height 1.6, 60 px targets.
 * - `data-zw-spacing`: the WCAG 1.4.12 values (line height 1.8 ≥ 1.5, letter 0.12em, word 0.16em, paragraphs 2em).
 * - `data-zw-reduced-motion` and `prefers-reduced-motion` stop animations and transitions; with
 *   `data-zw-large-cursor`, controls inside the element take the large pointing hand that the accessibility toolbar
 *   defines on `<html>` (`--zw-large-hand`, or the page's own `--zw-cursor-pointer`); everything else inherits the
 *   large arrow from the host element.
 * - `--_fill` and `--_on-fill` are the background and text of a filled control or block (a primary button, a switch
 *   that is on, the call); `--_link` is the colour of links.
 * - Forced colours (Windows high contrast, decision 038): every token is a system colour, in the pairs the system
 *   guarantees: text `CanvasText` on `Canvas`, and a filled control is `ButtonText` on `ButtonFace` with a
 *   `ButtonText` edge (`--_primary`), never Canvas-coloured text on a coloured block (the browser paints a Canvas
 *   backplate behind text, which would hide it).
 *
 * Typography is set on the shadow tree's top-level elements (`:host > *`), not only on the host: a page rule such as
 * `* { font-size: 12px; line-height: 1 }` matches the host element itself and beats `:host`, but cannot reach inside
 * the shadow root. Sizes come from `--_base` (at least 16 px, in `rem`, never from the host's inherited size), and
 * `box-sizing` is set, not inherited, for the same reason (decision 037).
 *
 * Words are kept whole where they are short (buttons, switches, legends, disclosure summaries, term and header
 * cells: `word-break: keep-all`, which breaks Chinese only at spaces and punctuation); anything too long for its line
 * still wraps (`overflow-wrap: break-word`, a last resort that does not make boxes shrink to one character; a
 * summary, whose text is a flex item, needs `anywhere` for that).
 *
 * The CSS is kept compact (one rule per line, no comments inside) because every element ships it.
 */
// prettier-ignore
export const tokenStyles = css`
:host{--_font:var(--zw-font-family,system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif);--_scale:var(--zw-font-scale,1);--_base:var(--zw-base-font-size,max(16px,1rem));--_fs:calc(var(--_base)*var(--_scale));--_fs-small:max(16px,calc(var(--_base)*.875*var(--_scale)));--_fs-large:calc(var(--_base)*1.25*var(--_scale));--_line:var(--zw-line-height,1.6);--_target:var(--zw-target-size,44px);--_radius:var(--zw-radius,8px);--_gap:var(--zw-space,.75rem);
--_bg:var(--zw-color-surface,#fff);--_bg-alt:var(--zw-color-surface-alt,#f2f5f9);--_text:var(--zw-color-text,#1d2129);--_muted:var(--zw-color-text-muted,#4e5969);--_border:var(--zw-color-border,#6b7785);--_primary:var(--zw-color-primary,#1552ad);--_on-primary:var(--zw-color-on-primary,#fff);--_success:var(--zw-color-success,#0b6b2e);--_warning:var(--zw-color-warning,#8a4b00);--_danger:var(--zw-color-danger,#b3261e);--_focus:var(--zw-color-focus,#1552ad);--_fill:var(--_primary);--_on-fill:var(--_on-primary);--_link:var(--_primary);
display:block;box-sizing:border-box;color:var(--_text);font-family:var(--_font);font-size:var(--_fs);line-height:var(--_line)}
:host>*{font:400 var(--_fs)/var(--_line) var(--_font);color:var(--_text);letter-spacing:normal;word-spacing:normal;text-align:start;text-transform:none;white-space:normal;overflow-wrap:break-word}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
:is(button,legend,summary,dt,th,[role=switch]){word-break:keep-all}
:is(button,legend){max-inline-size:100%}
summary{overflow-wrap:anywhere}
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}
:host([data-zw-theme=dark]){--_bg:var(--zw-color-surface,#17191c);--_bg-alt:var(--zw-color-surface-alt,#23262b);--_text:var(--zw-color-text,#e8eaed);--_muted:var(--zw-color-text-muted,#b4bac3);--_border:var(--zw-color-border,#8b939e);--_primary:var(--zw-color-primary,#8ab4ff);--_on-primary:var(--zw-color-on-primary,#0b1a33);--_success:var(--zw-color-success,#7fd89b);--_warning:var(--zw-color-warning,#f5c16c);--_danger:var(--zw-color-danger,#ff9d94);--_focus:var(--zw-color-focus,#8ab4ff)}
:host([data-zw-elder]){--_fs:max(24px,calc(var(--_base)*var(--_scale)));--_fs-small:max(24px,calc(var(--_base)*.875*var(--_scale)));--_fs-large:max(30px,calc(var(--_base)*1.25*var(--_scale)));--_line:1.6;--_target:60px;--_gap:1rem}
:host([data-zw-spacing]){--_line:1.8}
:host([data-zw-spacing])>*{letter-spacing:.12em;word-spacing:.16em}
:host([data-zw-spacing]) p{margin-block-end:2em}
:host([data-zw-contrast]){--_success:var(--_text);--_warning:var(--_text);--_danger:var(--_text);--_muted:var(--_text);--_border:var(--_text);--_focus:var(--_text);--_primary:var(--_text);--_on-primary:var(--_bg);--_bg-alt:var(--_bg)}
:host([data-zw-contrast=black-on-white]){--_bg:#fff;--_text:#000}
:host([data-zw-contrast=yellow-on-black]){--_bg:#000;--_text:#ff0}
:host([data-zw-contrast=white-on-blue]){--_bg:#002060;--_text:#fff}
:host([data-zw-reduced-motion]) *,:host([data-zw-reduced-motion]) *::before,:host([data-zw-reduced-motion]) *::after{animation:none!important;transition:none!important}
:host([data-zw-large-cursor]) :is(a[href],button,label,select,summary,[role=button],[role=link],[role=switch],[type=checkbox],[type=radio]){cursor:var(--zw-cursor-pointer,var(--zw-large-hand)),pointer}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}}
@media (forced-colors:active){:host,:host([data-zw-contrast]),:host([data-zw-theme]){--_bg:Canvas;--_bg-alt:Canvas;--_text:CanvasText;--_muted:CanvasText;--_border:CanvasText;--_success:CanvasText;--_warning:CanvasText;--_danger:CanvasText;--_primary:ButtonText;--_on-primary:ButtonFace;--_fill:ButtonFace;--_on-fill:ButtonText;--_link:LinkText;--_focus:Highlight}}
`;

/**
 * Hides content visually while keeping it for screen readers (live regions, table alternatives). A pure call of a
 * constant, so bundlers drop it from elements that do not use it.
 */
export const visuallyHidden = /* @__PURE__ */ unsafeCSS(
  '.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}',
);
