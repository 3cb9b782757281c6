import { executeServerCommand } from '@web/test-runner-commands';
import { rgb, contrast, type RGBA } from './contrast.ts';

/**
 * Emulates media features in the test page (see ./media-features.ts); `[]` turns every emulation off. Replaces what
 * `emulateMedia` set, and the reverse.
 */
export const emulateFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand('zw-emulate-media-features', { features });

/** Windows high contrast as Chromium emulates it; `false` returns to normal colours. */
export const forcedColors = (on: boolean) =>
  emulateFeatures(on ? [{ name: 'forced-colors', value: 'active' }] : []);

/** A system colour as the page resolves it now (forced colours change every system colour's value). */
export function systemColor(name: string): RGBA {
  const probe = document.createElement('i');
  probe.style.color = name;
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const value = rgb(getComputedStyle(probe).color);
  probe.remove();
  return value;
}

/** `top` drawn over `under` (alpha compositing), for translucent system colours such as Highlight. */
const over = ([r, g, b, a]: RGBA, under: RGBA): RGBA => [
  r * a + under[0] * (1 - a),
  g * a + under[1] * (1 - a),
  b * a + under[2] * (1 - a),
  1,
];

/** The colour actually behind `el`'s text: its backgrounds up the flat tree, composited, over Canvas. */
export function paintedBackdrop(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element) ?? null) {
    const bg = rgb(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((under, top) => over(top, under), systemColor('Canvas'));
}

/**
 * What a resident sees of `el`'s text in forced colours: its colour and what is painted behind it. Where the element
 * lets the browser adjust its colours (`forced-color-adjust: auto`), Chromium paints a Canvas "backplate" right
 * behind the text whatever the background, so the text must read on Canvas; where the element opted out, on its
 * own background.
 */
export function forcedTextPair(el: Element): { color: RGBA; behind: RGBA; ratio: number; adjust: string } {
  const style = getComputedStyle(el);
  const color = rgb(style.color);
  const adjust = style.forcedColorAdjust;
  const behind = adjust === 'none' ? paintedBackdrop(el) : systemColor('Canvas');
  return { color, behind, ratio: contrast(over(color, behind), behind), adjust };
}
