/**
 * Layout checks from the rendered page, for the phone-first tests: what sticks out of an element, what scrolls
 * sideways, and text broken where a resident would not break it. Each check returns readable problems, so a failure
 * says which text or control went wrong and by how much.
 */

const px = (v: string) => parseFloat(v) || 0;

/** A short name for an element in a problem report: tag, id, classes, part. */
export function describe(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host;
  const classes = [...el.classList].map((c) => `.${c}`).join('');
  const part = el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : '';
  const own = `${el.localName}${el.id ? `#${el.id}` : ''}${classes}${part}`;
  return host ? `${host.localName} ${own}` : own;
}

/** Every element of `host`'s shadow tree and what is slotted into it, in order. */
export function shadowElements(host: Element): Element[] {
  const root = host.shadowRoot!;
  const slotted = [...root.querySelectorAll('slot')].flatMap((s) =>
    s.assignedElements({ flatten: true }).flatMap((e) => [e, ...e.querySelectorAll('*')]),
  );
  return [...root.querySelectorAll('*'), ...slotted];
}

/** Every text node shown by `host`: its shadow tree's and the slotted ones. */
export function shadowTexts(host: Element): Text[] {
  const texts: Text[] = [];
  const walk = (root: Node) => {
    if (root instanceof Text) return void (root.textContent!.trim() && texts.push(root));
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (n.textContent!.trim()) texts.push(n as Text);
  };
  walk(host.shadowRoot!);
  for (const slot of host.shadowRoot!.querySelectorAll('slot'))
    for (const n of slot.assignedNodes({ flatten: true })) walk(n);
  return texts;
}

/** The element's parent across a shadow boundary (the host for a shadow root's top-level element). */
const up = (el: Element): Element | null =>
  el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** Hidden for screen readers only (clipped to nothing), closed, or not rendered at all. */
export function unseen(el: Element, host: Element): boolean {
  if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) return true;
  for (let n: Element | null = el; n && n !== host; n = up(n)) {
    const s = getComputedStyle(n);
    if (s.clipPath !== 'none' || (s.position === 'absolute' && px(s.width) <= 1) || s.position === 'fixed') return true;
    if (['option', 'select', 'textarea', 'style', 'datalist'].includes(n.localName)) return true;
  }
  return false;
}

/** Inside a box that scrolls vertically on purpose (the listbox), where vertical clipping is expected. */
function inScroller(el: Element, host: Element): boolean {
  for (let n = up(el); n && n !== host; n = up(n)) if (/auto|scroll/.test(getComputedStyle(n).overflowY)) return true;
  return false;
}

/**
 * A data table's own scrolling region: a box that scrolls sideways, can take the keyboard focus and is named. WCAG
 * 1.4.10 exempts such content (it needs two dimensions to make sense); the page itself still never scrolls sideways.
 */
const tableRegion = (el: Element) =>
  el.matches('[role=region][tabindex="0"][aria-labelledby]') && !!el.querySelector('table');

function inTableRegion(el: Element, host: Element): boolean {
  for (let n = up(el); n && n !== host; n = up(n)) if (tableRegion(n)) return true;
  return false;
}

/** The box `host` occupies, or the viewport for a host that makes no box of its own (`display: contents`). */
export function hostBox(host: Element): { left: number; right: number; top: number; bottom: number } {
  const r = host.getBoundingClientRect();
  if (r.width || r.height) return r;
  return { left: 0, right: document.documentElement.clientWidth, top: -Infinity, bottom: Infinity };
}

/** The page scrolls sideways. */
export function pageScrollsSideways(): string[] {
  const { scrollWidth, clientWidth } = document.documentElement;
  return scrollWidth > clientWidth ? [`the page is ${scrollWidth} px wide on a ${clientWidth} px screen`] : [];
}

/**
 * What sticks out of `host`'s box sideways (any rendered element), or at all (controls: they must be reachable),
 * and any box inside that scrolls or clips sideways.
 */
export function overflowProblems(host: Element): string[] {
  const box = hostBox(host);
  const problems: string[] = [];
  const screen = document.documentElement.clientWidth;
  if (box.left < -1 || box.right > screen + 1)
    problems.push(`${host.localName} spans ${Math.round(box.left)}–${Math.round(box.right)} px on a ${screen} px screen`);
  for (const el of shadowElements(host)) {
    if (unseen(el, host) || inTableRegion(el, host)) continue;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1)
      problems.push(`${describe(el)} sticks out sideways: ${Math.round(r.left)}–${Math.round(r.right)} px in ${Math.round(box.left)}–${Math.round(box.right)}`);
    const control = el.matches('button, input, select, textarea, summary, a[href], [role=switch], [role=option]');
    if (control && !inScroller(el, host) && (r.top < box.top - 1 || r.bottom > box.bottom + 1))
      problems.push(`${describe(el)} is outside its element vertically`);
    const s = getComputedStyle(el);
    // A text box scrolls its value by design, a choice list shows its choice cut short.
    const scrolls = s.overflowX !== 'visible' && !el.matches('input, select, textarea') && !tableRegion(el);
    if (scrolls && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${describe(el)} hides ${el.scrollWidth - el.clientWidth} px of its content sideways`);
    if (el.localName === 'select' && r.width < px(s.fontSize) * 4)
      problems.push(`${describe(el)} is ${Math.round(r.width)} px wide, too narrow to show its choice`);
  }
  return problems;
}

/** The line boxes a range of text lies on (its client rects grouped by line). */
export function lines(range: Range): DOMRect[][] {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
  const rows: DOMRect[][] = [];
  for (const r of rects) {
    const row = rows.find((l) => Math.abs(l[0].top + l[0].height / 2 - (r.top + r.height / 2)) < r.height / 2);
    if (row) row.push(r);
    else rows.push([r]);
  }
  return rows;
}

/**
 * The column the text of `el` has when every box around it is stacked in one column inside `host`: the host's
 * content box less the padding and borders of the boxes around the text.
 */
export function column(el: Element, host: Element): { left: number; right: number } {
  const hs = getComputedStyle(host);
  const box = hostBox(host);
  let left = box.left + px(hs.paddingLeft) + px(hs.borderLeftWidth);
  let right = box.right - px(hs.paddingRight) - px(hs.borderRightWidth);
  for (let n: Element | null = el; n && n !== host; n = up(n)) {
    const s = getComputedStyle(n);
    if (s.display === 'contents') continue;
    left += px(s.paddingLeft) + px(s.borderLeftWidth);
    right -= px(s.paddingRight) + px(s.borderRightWidth);
  }
  return { left, right };
}

/**
 * Words and figures that must stay on one line wherever they occur: Latin words and numbers (A023, 09:00, 78.4%,
 * 13812345678; a range or a phone number may break after its dash, as it would in print), and a number with its
 * unit (约 6 分钟, 1 小时, 等候 7 人, 2 条).
 */
const WORDS = /约[ \u00a0]\d+[ \u00a0](?:分钟|小时)|\d+[ \u00a0](?:分钟|小时|人|条)|[A-Za-z0-9]+(?:[:.][A-Za-z0-9]+)*%?/g;

/** A short text: a label, a button's name, a status word, a figure (at most this many characters). */
const LABEL_CHARS = 12;

/**
 * Text broken where a resident would not break it: a word or figure split across lines, or a short label on more
 * than one line although the element's column has room for it on one (the one-character-per-line squeeze).
 */
export function brokenText(host: Element): string[] {
  const problems: string[] = [];
  for (const t of shadowTexts(host)) {
    const parent = t.parentElement!;
    if (unseen(parent, host)) continue;
    const text = t.textContent!;
    const range = document.createRange();
    for (const m of text.matchAll(WORDS)) {
      range.setStart(t, m.index!);
      range.setEnd(t, m.index! + m[0].length);
      const n = lines(range).length;
      if (n > 1) problems.push(`${describe(parent)}: “${m[0]}” is broken over ${n} lines`);
    }
    const label = text.trim();
    if ([...label].length > LABEL_CHARS) continue;
    range.selectNodeContents(t);
    const rows = lines(range).sort((a, b) => a[0].top - b[0].top);
    if (rows.length < 2) continue;
    const why = squeezed(t, rows, column(parent, host));
    if (why) problems.push(`${describe(parent)}: “${label}” takes ${rows.length} lines: ${why}`);
  }
  return problems;
}

/**
 * An element as narrow as it can be (its min-content width, as in a grid or flex row that lets it shrink) must still
 * fit the screen; if not, the widest boxes inside it are named.
 */
export function minContentProblems(host: HTMLElement): string[] {
  const screen = document.documentElement.clientWidth;
  const before = host.style.getPropertyValue('width');
  host.style.setProperty('width', 'min-content');
  const width = host.getBoundingClientRect().width;
  const culprits =
    width > screen
      ? shadowElements(host)
          .filter((el) => !unseen(el, host) && el.getBoundingClientRect().width > screen - 16)
          .map((el) => describe(el))
          .slice(-3)
      : [];
  host.style.setProperty('width', before);
  return width > screen ? [`${host.localName} is at least ${Math.round(width)} px wide (${culprits.join(', ')})`] : [];
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const NO_START = /[）」』】〕〉》，。、：；！？%)\]]/; // may not begin a line
const NO_END = /[（「『【〔〈《([]/; // may not end one

/**
 * Where the unbreakable piece of `text` that starts at `at` ends: at the next space for Latin text or where words are
 * kept whole, else after one Chinese character, with what a no-break space (U+00A0) glues to it and the punctuation
 * that may not begin or end a line.
 */
function pieceEnd(text: string, at: number, keepAll: boolean): number {
  let end = at + 1;
  const joined = (i: number) =>
    NO_START.test(text[i]) ||
    NO_END.test(text[i - 1]) ||
    text[i] === '\u00a0' ||
    text[i - 1] === '\u00a0' ||
    (text[i] !== ' ' && text[i - 1] !== ' ' && (keepAll || (!CJK.test(text[i]) && !CJK.test(text[i - 1]))));
  while (end < text.length && joined(end)) end++;
  return end;
}

/**
 * Why a short text broken over `rows` was squeezed rather than wrapped as running text does, or '' when it was not:
 * - its lines go on well to the right of the column's start (more than the hanging indent of a radio or a check
 *   box), in a box narrower than the column, though the whole text fits the column;
 * - or its first line ends with room for what the next line starts with (up to the next space; one character of
 *   Chinese text that may break anywhere), so the line was cut short by a box narrower than the column.
 */
function squeezed(t: Text, rows: DOMRect[][], { left, right }: { left: number; right: number }): string {
  const parent = t.parentElement!;
  const style = getComputedStyle(parent);
  const glyph = px(style.fontSize);
  const width = rows.flat().reduce((sum, r) => sum + r.width, 0);
  const gaps = (rows.length - 1) * glyph * 0.5; // the spaces a break swallowed
  const nextStarts = Math.min(...rows[1].map((r) => r.left));
  if (width + gaps <= right - left - 2 && nextStarts > left + 3 * glyph)
    return `${Math.round(width)} px of text fit a ${Math.round(right - left)} px column, but it runs in a box from ${Math.round(nextStarts)} px`;
  // Where the second line starts, and how wide its first unbreakable piece is.
  const text = t.textContent!;
  const range = document.createRange();
  let at = 0;
  for (; at < text.length; at++) {
    range.setStart(t, at);
    range.setEnd(t, at + 1);
    const r = range.getClientRects()[0];
    if (r && r.top >= rows[1][0].top - 1 && text[at].trim()) break;
  }
  range.setStart(t, at);
  range.setEnd(t, pieceEnd(text, at, style.wordBreak === 'keep-all'));
  const piece = [...range.getClientRects()].reduce((sum, r) => sum + r.width, 0);
  const firstEnds = Math.max(...rows[0].map((r) => r.right));
  // (The space the break swallowed has to fit too.)
  if (piece > 0 && firstEnds + piece + glyph * 0.4 < right - 2 && width + gaps <= right - left - 2)
    return `its first line ends at ${Math.round(firstEnds)} px with room for “${range.toString()}” before ${Math.round(right)} px`;
  return '';
}

/** Every layout problem of one element. */
export const layoutProblems = (host: HTMLElement): string[] => [
  ...minContentProblems(host),
  ...overflowProblems(host),
  ...brokenText(host),
];
