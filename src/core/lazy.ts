import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element that most pages never use (the hall board, online tickets, a lookup), kept out of the
 * element's first download and fetched the first time a page needs it. Declare one per part at module level, so
 * every instance on the page shares the one fetch:
 *
 *     const board = new Lazy(() => import('./board.js'));
 *     render() { const m = board.get(this); return m ? m.renderBoard(…) : loadingText; }
 */
export class Lazy<M> {
  #load: () => Promise<M>;
  #module?: M;
  #loading?: Promise<M>;
  /** The module's URL, when the browser's failure names it (Chromium's and Firefox's do). */
  #failedUrl?: URL;
  #retries = 0;
  /** The last fetch failed (offline, a missing file); `get` does not try again until `retry`. */
  failed = false;

  constructor(load: () => Promise<M>) {
    this.#load = load;
  }

  /** The module once it has arrived; until then undefined, with the fetch started and `host` re-rendered on arrival. */
  get(host: ReactiveControllerHost): M | undefined {
    if (!this.#module && !this.failed) void this.load().then(() => host.requestUpdate(), () => host.requestUpdate());
    return this.#module;
  }

  /** Fetches the module (once, however many callers ask). */
  load(): Promise<M> {
    return (this.#loading ??= this.#fetch().then(
      (m) => (this.#module = m),
      (error: unknown) => {
        this.#failedUrl ??= moduleUrlIn(error);
        [this.failed, this.#loading] = [true, undefined];
        throw error;
      },
    ));
  }

  /**
   * A browser keeps a module that failed to load in the page's module map: importing the same URL again fails at
   * once, without a request, however good the network has become. So a retry imports that file under a fresh query
   * (a new URL, fetched again); where the failure does not name the URL, it can only ask again.
   */
  #fetch(): Promise<M> {
    if (!this.#failedUrl) return this.#load();
    const url = new URL(this.#failedUrl);
    url.searchParams.set('zw-retry', String(++this.#retries));
    return import(/* @vite-ignore */ url.href) as Promise<M>;
  }

  /** After a failure: allow `get` to fetch again (the resident pressed 重试). */
  retry(host: ReactiveControllerHost): void {
    this.failed = false;
    this.get(host);
    host.requestUpdate(); // the loading text shows at once, in place of the failure
  }
}

/** The URL of the module a failed dynamic import names in its message, if any. */
function moduleUrlIn(error: unknown): URL | undefined {
  const found = /\b(?:https?|file):\/\/[^\s'"]+/.exec(String((error as Error | undefined)?.message ?? ''));
  try {
    return found ? new URL(found[0]) : undefined;
  } catch {
    return undefined;
  }
}
