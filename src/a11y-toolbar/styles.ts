import { css } from 'lit';

/**
 * Shared by the toolbar and the toggles: buttons and switches at the target size, the crosshair and the caption
 * strip (大字幕). Colours and sizes come only from the private tokens, so elder mode and the contrast schemes apply
 * here too. A switch shows its state by shape as well as colour: a hollow circle when off, a filled one when on,
 * and in forced colours a thicker edge as well (its label stays ButtonText on ButtonFace, decision 038). Labels are
 * never broken inside a word. The crosshair lines move by transform only. Compact because it ships in the bundle.
 */
// prettier-ignore
export const controlStyles = css`
button,.choice{font:inherit;line-height:var(--_line);color:var(--_text);background:var(--_bg);border:2px solid var(--_border);border-radius:var(--_radius);min-height:var(--_target);min-width:var(--_target);padding:.25em .75em;display:inline-flex;align-items:center;justify-content:center;gap:.5em;cursor:pointer}
:disabled,[aria-disabled=true]{cursor:not-allowed;border-style:dashed}
[role=switch]::before{content:'';flex:none;width:.9em;height:.9em;border:2px solid;border-radius:50%;forced-color-adjust:none}
[aria-checked=true]{color:var(--_on-fill);background:var(--_fill);border-color:var(--_primary)}
[aria-checked=true]::before{background:currentColor}
.note{margin:0;color:var(--_muted);font-size:var(--_fs-small)}
.guide{position:fixed;inset:0;z-index:2147483646;pointer-events:none;overflow:hidden}
.guide i{position:absolute;inset:0 auto auto 0;width:100%;height:4px;background:var(--_focus);box-shadow:0 0 0 2px var(--_bg);transform:translateY(-99px)}
.guide i+i{width:4px;height:100%;transform:translateX(-99px)}
.caption{position:fixed;inset:auto 0 0;z-index:2147483647;display:flex;flex-wrap:wrap;align-items:center;gap:var(--_gap);padding:.5rem 1rem;color:var(--_text);background:var(--_bg);border-top:4px solid}
.caption p{flex:1 1 20em;margin:0;font-size:max(32px,calc(var(--_fs-large)*1.25));font-weight:700}
button,.choice{word-break:keep-all}
@media (forced-colors:active){[aria-checked=true]{border-width:4px}}
`;
