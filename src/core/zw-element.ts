import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { configContext, prefsContext, type ZwConfigValue } from './context.js';
import { ApiClient } from './api/client.js';
import { DEFAULT_LOCALE, closestLang, toLocale, type Locale, type StringTable, type Translations } from './i18n.js';
import { DEFAULT_PREFS, type A11yPrefs } from './prefs/prefs.js';
import { pagePrefsStore, effectiveScale } from './prefs/store.js';
import { tokenStyles } from './tokens.js';

/** Re-renders every connected zw element when the page's `<html lang>` changes (one observer per page). */
const langListeners = new Set<ZwElement>();
let langObserver: MutationObserver | undefined;

/**
 * The base of every zw element: resolves the API base and language (own attribute, then `<zw-config>`, then the
 * closest `lang` on the page), follows the page's accessibility preferences, and gives each element an API client
 * whose requests are aborted when the element leaves the page.
 */
export class ZwElement extends LitElement {
  static override styles = [tokenStyles];

  /** Base URL of the API; overrides `<zw-config api-base>`. Empty means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Colour theme: `light` (default), `dark`, or `auto` to follow the device. */
  @property() theme: 'light' | 'dark' | 'auto' = 'light';

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config: ZwConfigValue = {};

  @consume({ context: prefsContext, subscribe: true })
  @state()
  protected prefs: A11yPrefs = DEFAULT_PREFS;

  #abort = new AbortController();
  #client?: { key: string; client: ApiClient };

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

  /** An API client for the resolved base and language (recreated only when those change). */
  protected get api(): ApiClient {
    const base = this.apiBase ?? this.config.apiBase ?? '';
    const key = `${base}|${this.locale}|${this.config.timeout ?? ''}`;
    if (this.#client?.key !== key) {
      this.#client = { key, client: new ApiClient({ base, lang: this.locale, timeoutMs: this.config.timeout }) };
    }
    return this.#client.client;
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
    const p = this.prefs;
    this.toggleAttribute('data-zw-elder', p.elder);
    this.toggleAttribute('data-zw-spacing', p.spacing);
    this.toggleAttribute('data-zw-reduced-motion', p.reducedMotion);
    if (p.contrast === 'none') this.removeAttribute('data-zw-contrast');
    else this.setAttribute('data-zw-contrast', p.contrast);
    this.style.setProperty('--zw-font-scale', String(effectiveScale(p)));
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.toggleAttribute('data-zw-theme', false);
    if (dark) this.setAttribute('data-zw-theme', 'dark');
  }
}
