/** Locales the library ships. zh-CN is the default and the reference: every other table must match its shape. */
export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A string table: plain strings, or functions for strings with numbers or names in them. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/** The tables of one element family; the English table must have exactly the keys and signatures of the Chinese. */
export type Translations<T extends StringTable> = Record<Locale, T>;

/** Declares a family's tables; a key missing from `en` (or typed differently) is a compile-time error. */
export function defineStrings<T extends StringTable>(zh: T, en: NoInfer<T>): Translations<T> {
  return { 'zh-CN': zh, en };
}

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
