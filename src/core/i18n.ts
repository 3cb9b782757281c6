/** Locales the library ships. zh-CN is the default and the reference: every other table must match its shape. */
export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A string table: plain strings, or functions for strings with numbers or names in them. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/**
 * The tables of one element family. The Chinese table ships with the element; the English one is a separate
 * module fetched the first time an English page needs it, so the many zh-CN pages never download it.
 */
export interface Translations<T extends StringTable> {
  readonly 'zh-CN': T;
  en?: T;
  readonly loadEn: () => Promise<{ default: T }>;
  pending?: Promise<void>;
}

/**
 * Declares a family's tables; an English table that misses a key of the Chinese one (or types it differently) is a
 * compile-time error.
 */
export function defineStrings<T extends StringTable>(
  zh: T,
  loadEn: () => Promise<{ default: NoInfer<T> }>,
): Translations<T> {
  return { 'zh-CN': zh, loadEn };
}

/**
 * Starts fetching the table of `locale` when it is not there yet; undefined when it is. If the fetch fails (offline,
 * a missing file) the Chinese table stands in for the rest of the page's life, so the element still speaks.
 */
export function loadStrings<T extends StringTable>(t: Translations<T>, locale: Locale): Promise<void> | undefined {
  if (locale === DEFAULT_LOCALE || t.en) return undefined;
  return (t.pending ??= t.loadEn().then(
    (m) => void (t.en = m.default),
    () => void (t.en = t['zh-CN']),
  ));
}

/** The table of `locale`, or the Chinese one while the other is still on its way. */
export const pickStrings = <T extends StringTable>(t: Translations<T>, locale: Locale): T =>
  (locale === 'en' && t.en) || t['zh-CN'];

/** Maps any BCP 47 tag to a shipped locale: zh, zh-Hans, zh-TW… → zh-CN (content is simplified Chinese); en-* → en. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/**
 * The closest `lang` attribute at or above `el`, crossing shadow roots to their hosts, then the document's;
 * undefined when none is set.
 */
export function closestLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
