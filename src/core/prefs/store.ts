import { ContextEvent, ContextProvider, createContext } from '@lit/context';
import { prefsContext } from '../context.js';
import { DEFAULT_PREFS, type A11yPrefs, type ContrastScheme } from './prefs.js';

/** Versioned so that a later shape of the preferences can migrate or ignore an old one instead of misreading it. */
export const PREFS_STORAGE_KEY = 'zw-a11y-prefs:v1';

const CONTRASTS: readonly ContrastScheme[] = ['none', 'black-on-white', 'yellow-on-black', 'white-on-blue'];
export const FONT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;

/** The store itself, found through context so that a second copy of the library uses the first copy's store. */
const storeContext = createContext<PrefsStore>('zhengwu-widgets/a11y-store');

/**
 * The page's one preference store: persists, mirrors onto `<html>`, and provides through @lit/context both the
 * preferences (live to subscribers) and itself (for the controls that change them).
 */
export class PrefsStore {
  #root: HTMLElement;
  #prefs: ContextProvider<typeof prefsContext>;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#prefs = new ContextProvider(root, { context: prefsContext, initialValue: DEFAULT_PREFS });
    new ContextProvider(root, { context: storeContext, initialValue: this });
    this.#replace(readStored() ?? firstVisitPrefs(), false);
    // Another tab (or a reload elsewhere) changed the preferences: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key === PREFS_STORAGE_KEY) this.#replace(readStored() ?? firstVisitPrefs(), false);
    });
  }

  get value(): A11yPrefs {
    return this.#prefs.value;
  }

  set(patch: Partial<A11yPrefs>): void {
    this.#replace(sanitize({ ...this.value, ...patch }), true);
  }

  /** Back to a first visit: the defaults, adjusted to what the operating system says about the resident. */
  reset(): void {
    this.#replace(firstVisitPrefs(), false);
    try {
      localStorage.removeItem(PREFS_STORAGE_KEY);
    } catch {
      /* storage may be disabled; the page still follows the reset */
    }
  }

  #replace(next: A11yPrefs, persist: boolean): void {
    if (persist) {
      try {
        localStorage.setItem(PREFS_STORAGE_KEY, JSON.stringify(next));
      } catch {
        /* private mode or a full quota: the preference still applies to this page */
      }
    }
    mirrorPrefs(this.#root, next);
    this.#prefs.setValue(next);
  }
}

/**
 * Writes the preferences onto `el` as `data-zw-*` attributes and `--zw-font-scale`: the store does this on `<html>`
 * for the host page (see docs/host-page.md), every zw element on its own host for the token styles.
 */
export function mirrorPrefs(el: HTMLElement, p: A11yPrefs): void {
  // Every on/off preference as a flag named after it: largeCursor → data-zw-large-cursor.
  for (const [key, on] of Object.entries(p)) {
    if (typeof on === 'boolean') el.toggleAttribute(`data-zw-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, on);
  }
  if (p.contrast === 'none') el.removeAttribute('data-zw-contrast');
  else el.setAttribute('data-zw-contrast', p.contrast);
  el.style.setProperty('--zw-font-scale', String(effectiveScale(p)));
}

/** Elder mode never goes below 1.5× (24 px body text from a 16 px base). */
export const effectiveScale = (p: A11yPrefs): number => (p.elder ? Math.max(1.5, p.fontScale) : p.fontScale);

let pageStore: PrefsStore | undefined;

/**
 * The page's store, created on first use. A second copy of the library on the same page finds the first copy's
 * store through context instead of creating a rival one.
 */
export function pagePrefsStore(): PrefsStore {
  if (pageStore) return pageStore;
  const root = document.documentElement;
  const asker = document.head ?? root.firstElementChild ?? root;
  asker.dispatchEvent(new ContextEvent(storeContext, asker, (found) => (pageStore = found)));
  pageStore ??= new PrefsStore(root);
  return pageStore;
}

/**
 * The store that provides preferences to `el`: the closest one above it (a page normally has exactly one, on
 * `<html>`), else the page's store. Controls that change preferences write to this one.
 */
export function storeFor(el: Element): PrefsStore {
  let found: PrefsStore | undefined;
  el.dispatchEvent(new ContextEvent(storeContext, el, (store) => (found = store)));
  return found ?? pagePrefsStore();
}

function readStored(): A11yPrefs | undefined {
  try {
    const raw = localStorage.getItem(PREFS_STORAGE_KEY);
    return raw ? sanitize(JSON.parse(raw) as Partial<A11yPrefs>) : undefined;
  } catch {
    return undefined;
  }
}

/** What the operating system already says about the resident, honoured on a first visit only. */
function firstVisitPrefs(): A11yPrefs {
  const media = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return {
    ...DEFAULT_PREFS,
    reducedMotion: media('(prefers-reduced-motion: reduce)'),
    contrast: media('(prefers-contrast: more)') && !media('(forced-colors: active)') ? 'black-on-white' : 'none',
  };
}

/** Keeps only known keys and values, so a tampered or outdated stored value cannot break the page. */
function sanitize(input: Partial<A11yPrefs>): A11yPrefs {
  const out: Record<string, unknown> = { ...DEFAULT_PREFS };
  for (const [key, value] of Object.entries(input)) if (typeof value === 'boolean' && typeof out[key] === 'boolean') out[key] = value;
  if (FONT_SCALES.includes(input.fontScale as 1)) out.fontScale = input.fontScale;
  if (CONTRASTS.includes(input.contrast!)) out.contrast = input.contrast;
  return out as unknown as A11yPrefs;
}
