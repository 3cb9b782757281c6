import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { configContext, prefsContext, type ZwConfigValue } from './context.js';
import { DEFAULT_LOCALE, closestLang, toLocale, type Locale, type StringTable, type Translations } from './i18n.js';
import { DEFAULT_PREFS, type A11yPrefs } from './prefs/prefs.js';
import { pagePrefsStore, mirrorPrefs } from './prefs/store.js';
import { tokenStyles } from './tokens.js';

/** Re-renders every connected zw element when the page's `<html lang>` changes (one observer per page). */
const langListeners = new Set<ZwBase>();
let langObserver: MutationObserver | undefined;

/**
 * What every zw element shares except the API client: language, `<zw-config>` settings, the page's accessibility
 * preferences (mirrored onto the host for the token styles) and an abort signal for its listeners. Elements that
 * never call the API (the accessibility toolbar and toggles) extend this directly and so do not ship the client;
 * every other element extends `ZwElement`.
 */
export class ZwBase extends LitElement {
  static override styles = [tokenStyles];

  /** Colour theme: `light` (default), `dark`, or `auto` to follow the device. */
  @property() theme: 'light' | 'dark' | 'auto' = 'light';

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config: ZwConfigValue = {};

  @consume({ context: prefsContext, subscribe: true })
  @state()
  protected prefs: A11yPrefs = DEFAULT_PREFS;

  #abort = new AbortController();

  /** Aborted when the element is disconnected; pass it to every request and listener. */
  protected get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** The language the element speaks, resolved on every render. */
  get locale(): Locale {
    return (
      toLocale(this.getAttribute('lang')) ??
      toLocale(this.config.lang) ??
      toLocale(closestLang(this)) ??
      DEFAULT_LOCALE
    );
  }

  /** The string table of `translations` for the resolved language. */
  protected strings<T extends StringTable>(translations: Translations<T>): T {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
    pagePrefsStore(); // make sure the page's preference store (and its context provider) exists
    langListeners.add(this);
    langObserver ??= new MutationObserver(() => langListeners.forEach((el) => el.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
    langListeners.delete(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Mirror the preferences onto the host so the token styles (and nothing else) decide how they look.
    mirrorPrefs(this, this.prefs);
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.toggleAttribute('data-zw-theme', false);
    if (dark) this.setAttribute('data-zw-theme', 'dark');
  }
}
