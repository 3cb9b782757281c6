/**
 * WCAG 2 contrast from computed styles, for tests that check the elder-mode and high-contrast numbers: the text
 * colour of an element against the colour actually behind it.
 */
export type RGBA = [number, number, number, number];

/** Parses a computed `rgb()`/`rgba()` colour. */
export const rgb = (c: string): RGBA => {
  const [r, g, b, a = 1] = c.match(/[\d.]+/g)!.map(Number);
  return [r, g, b, a];
};

const luminance = ([r, g, b]: RGBA) => {
  const f = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};

/** The contrast ratio of two opaque colours, 1 to 21. */
export const contrast = (a: RGBA, b: RGBA): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The colour behind `el`: the first opaque background up the flat tree (across shadow roots), else white. */
export function backdrop(el: Element): RGBA {
  for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element) ?? null) {
    const bg = rgb(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) return bg;
  }
  return [255, 255, 255, 1];
}

/** The contrast of `el`'s text against what is behind it. */
export const textContrast = (el: Element): number => contrast(rgb(getComputedStyle(el).color), backdrop(el));
