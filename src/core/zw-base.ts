import { isServer, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { attachContextRoot, configContext, prefsContext, type ZwConfigValue } from './context.js';
import {
  DEFAULT_LOCALE,
  closestLang,
  loadStrings,
  pickStrings,
  toLocale,
  type Locale,
  type StringTable,
  type Translations,
} from './i18n.js';
import type { Lazy } from './lazy.js';
import { DEFAULT_PREFS, type A11yPrefs } from './prefs/prefs.js';
import { pagePrefsStore, mirrorPrefs } from './prefs/store.js';
import { tokenStyles } from './tokens.js';

/** Re-renders every connected zw element when the page's `<html lang>` changes (one observer per page). */
const langListeners = new Set<ZwBase>();
let langObserver: MutationObserver | undefined;

/** Whether a `<zw-config>` encloses `el` (across shadow roots), defined yet or not. */
function insideConfig(el: Element): boolean {
  for (let n = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode)
    if ((n as Element).localName === 'zw-config') return true;
  return false;
}

/**
 * How long an element waits for an enclosing `<zw-config>` to be defined before it goes on with its own attributes
 * and the page's defaults: a page that never loads `config.js` gets working widgets (and a warning), not blank ones.
 */
export const CONFIG_WAIT_MS = 3_000;
let warnedNoConfig = false;

/**
 * What every zw element shares except the API client: language, `<zw-config>` settings, the page's accessibility
 * preferences (mirrored onto the host for the token styles) and an abort signal for its listeners. Elements that
 * never call the API (the accessibility toolbar and toggles) extend this directly and so do not ship the client;
 * every other element extends `ZwElement`.
 */
export class ZwBase extends LitElement {
  static override styles = [tokenStyles];

  // Declared without decorators so that an element written without them (the accessibility family) ships no
  // decorator code at all; subclasses may use either style.
  static override properties: PropertyDeclarations = {
    theme: {},
    // The element's own `lang` attribute changes the language at once, like `<html lang>` does.
    ownLang: { attribute: 'lang' },
  };

  /** Colour theme: `light` (default), `dark`, or `auto` to follow the device. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  /** The element's own `lang` attribute (read through `locale`). */
  protected ownLang?: string;

  /** What the closest `<zw-config>` provides, live. */
  protected config: ZwConfigValue = {};

  /** The page's accessibility preferences, live. */
  protected prefs: A11yPrefs = DEFAULT_PREFS;

  #abort = new AbortController();

  /** Whether the element knows its `<zw-config>` settings on this connection (see `configuredCallback`). */
  #configured = false;
  /** Connected, and `configuredCallback` has not run yet for this connection. */
  #waiting = false;
  /** Lets an update held for the settings go on. */
  #release?: () => void;
  /** Hydrating server-rendered HTML (see `attributesOnly`); the preferences wait in `#heldPrefs` meanwhile. */
  #hydrating = false;
  #heldPrefs?: A11yPrefs;

  constructor() {
    super();
    // Live subscriptions, asked for on connect before the subclasses' own controllers start. A closer provider that
    // appears later takes over, and a <zw-config> defined after the element is heard through the page's ContextRoot.
    new ContextConsumer(this, { context: configContext, subscribe: true, callback: (v) => this.#receive('config', v) });
    new ContextConsumer(this, { context: prefsContext, subscribe: true, callback: (v) => this.#receive('prefs', v) });
    this.addController({
      hostUpdated: () => {
        if (!this.#hydrating) return;
        this.#hydrating = false;
        void this.updateComplete.then(() => this.#hydrated());
      },
    });
  }

  /**
   * True on the server, and in the browser during the update that hydrates what the server rendered: the element
   * then renders from its attributes alone, as the server could, and starts nothing that needs the browser
   * (storage, the live feed, voices). The page's preferences and language arrive in the next update, which sees every
   * property as changed, like a first update. (`<zw-config>` is known before either update: requests may use it.)
   */
  protected get attributesOnly(): boolean {
    return isServer || this.#hydrating;
  }

  /** A value from context: stored and reported as a changed property (internal state, not an attribute). */
  #receive(key: 'config' | 'prefs', value: unknown): void {
    if (key === 'prefs') {
      if (this.#hydrating) return void (this.#heldPrefs = value as A11yPrefs);
      this.#heldPrefs = undefined; // newer than any held value
    }
    const fields = this as unknown as Record<string, unknown>;
    const old = fields[key];
    fields[key] = value;
    this.requestUpdate(key, old);
    if (key === 'config') this.#know();
  }

  /** The settings are known: release a held update, and start what waited for them. */
  #know(): void {
    this.#configured = true;
    this.#release?.();
    this.#release = undefined;
    this.#start();
  }

  #start(): void {
    if (!this.#waiting || !this.#configured || this.#hydrating) return;
    this.#waiting = false;
    this.configuredCallback();
  }

  /** The server's HTML is now the element's own: what the browser knows comes in, as in a first update. */
  #hydrated(): void {
    if (this.#heldPrefs) this.#receive('prefs', this.#heldPrefs);
    this.#heldPrefs = undefined;
    for (const name of (this.constructor as typeof ZwBase).elementProperties.keys()) this.requestUpdate(name, undefined);
    this.#start();
  }

  /**
   * Called once per connection as soon as the element knows its `<zw-config>` settings: at once when no
   * `<zw-config>` encloses it or when that one is already defined, else when it is (and after hydration). Start
   * requests here, not in `connectedCallback`, so that the first one goes to the configured API base. Never called
   * on the server.
   */
  protected configuredCallback(): void {}

  /** Aborted when the element is disconnected; pass it to every request and listener. */
  protected get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** The language the element speaks, resolved on every render. */
  get locale(): Locale {
    const own = toLocale(this.getAttribute('lang'));
    if (this.attributesOnly) return own ?? DEFAULT_LOCALE;
    return own ?? toLocale(this.config.lang) ?? toLocale(closestLang(this)) ?? DEFAULT_LOCALE;
  }

  /**
   * The string tables the element renders. On a page in a language other than Chinese they are fetched before the
   * element renders, so it never flashes Chinese text (or announces it) on an English page.
   */
  static tables: Translations<StringTable>[] = [];

  /** The string table of `translations` for the resolved language. */
  protected strings<T extends StringTable>(translations: Translations<T>): T {
    const locale = this.locale;
    // A table the class did not list: render with Chinese now and again once it has come.
    void loadStrings(translations, locale)?.then(() => this.requestUpdate());
    return pickStrings(translations, locale);
  }

  /**
   * A part fetched on demand (see Lazy) once both its code and its `words` in the element's language are here (the
   * latter only ever waits on a page not in Chinese); undefined until then, and the element renders again on arrival.
   */
  protected partReady<M>(part: Lazy<M>, words: (m: M) => Translations<StringTable>): M | undefined {
    const m = part.get(this);
    const loading = m && loadStrings(words(m), this.locale);
    void loading?.then(() => this.requestUpdate());
    return loading ? undefined : m;
  }

  /**
   * Holds an update until the element knows its `<zw-config>` settings (only ever waits while an enclosing
   * `<zw-config>` is not defined yet), so nothing renders or fetches with the wrong hall, API base or language; then
   * until the tables of the current language are here (only ever waits on a first English render).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.#configured) return new Promise<void>((go) => (this.#release = go)).then(() => this.scheduleUpdate());
    const locale = this.locale;
    const loads = (this.constructor as typeof ZwBase).tables.map((t) => loadStrings(t, locale)).filter(Boolean);
    return loads.length ? Promise.all(loads).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    // The root first, to keep any request that no provider answers yet; and the page's store must exist before the
    // context consumers ask for it (in super.connectedCallback), or the first zw element on a page would never hear
    // about preferences.
    attachContextRoot();
    pagePrefsStore();
    this.#configured = false;
    // A shadow root before the first update was rendered by the server (declarative shadow DOM).
    this.#hydrating ||= !this.hasUpdated && !!this.shadowRoot;
    super.connectedCallback();
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
    langListeners.add(this);
    langObserver ??= new MutationObserver(() => langListeners.forEach((el) => el.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // A defined <zw-config> has answered by now; one that is not defined yet will answer when it is.
    this.#waiting = true;
    if (this.#configured || !insideConfig(this)) return this.#know();
    setTimeout(() => {
      if (this.#configured || !this.isConnected) return;
      if (!warnedNoConfig) {
        warnedNoConfig = true;
        console.warn(
          'zhengwu-widgets: <zw-config> is on the page but not defined; its settings are ignored until it is. ' +
            "Load 'zhengwu-widgets/config.js' (the CDN file includes it).",
        );
      }
      this.#know();
    }, CONFIG_WAIT_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
    this.#waiting = false;
    langListeners.delete(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (isServer) return; // the server knows neither the preferences nor the device's colour scheme
    // Mirror the preferences onto the host so the token styles (and nothing else) decide how they look.
    mirrorPrefs(this, this.prefs);
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.toggleAttribute('data-zw-theme', false);
    if (dark) this.setAttribute('data-zw-theme', 'dark');
  }
}
