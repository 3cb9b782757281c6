import { ApiClient, backoffDelay } from './api/client.js';
import type { ApiError } from './api/errors.js';

/** Versioned so a later entry shape can migrate or ignore an old one instead of misreading it. */
export const OUTBOX_STORAGE_KEY = 'zw-outbox:v1';

/** One POST waiting to be delivered. Plain JSON: it lives in localStorage across page loads. */
export interface OutboxEntry {
  /** The Idempotency-Key, made once for the action and sent unchanged on every attempt. */
  key: string;
  /** Where to POST (absolute, or same-origin path). */
  url: string;
  body: unknown;
  /** Accept-Language for problem details. */
  lang?: string;
  /** Failed attempts so far. */
  tries: number;
  /** Not before this time (ms since the epoch). */
  next: number;
}

/** What became of one attempt, told to every subscriber on this page. */
export type OutboxOutcome =
  /** The server stored it (or replayed the stored result): removed from the outbox. */
  | { key: string; state: 'sent'; data: unknown }
  /** No definitive answer (offline, timeout, 5xx, 429, a 2xx that is not JSON): kept and retried later. */
  | { key: string; state: 'waiting'; error: ApiError }
  /** The server refused it for good (4xx): removed; retrying would not help. */
  | { key: string; state: 'rejected'; error: ApiError };

export interface OutboxOptions {
  /** localStorage key; tests and benchmarks use their own. */
  storageKey?: string;
  /** First retry delay; doubles per failure, with jitter. */
  retryBaseMs?: number;
  /** Longest retry delay. */
  retryCapMs?: number;
}

/** A key for one logical action: a random UUID (or 128 random bits on an old or insecure-context browser). */
export function idempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
  );
}

/**
 * A durable queue of idempotent POSTs. An entry is written to localStorage before its first attempt and removed
 * only on a definitive answer, so a rating survives a dead network, a 5xx, a closed tab or a reload; the key makes
 * every resend safe. One flush runs at a time per page, and across tabs under a Web Lock when the browser has
 * them (without them two tabs may send the same entry; the key makes the server store it once).
 */
export class Outbox {
  #storageKey: string;
  #base: number;
  #cap: number;
  #listeners = new Set<(o: OutboxOutcome) => void>();
  /** Used when storage is disabled or full: the entry then lives only as long as the page. */
  #memory: OutboxEntry[] = [];
  #running?: Promise<void>;
  #again = false;
  #timer?: ReturnType<typeof setTimeout>;
  #onOnline = () => void this.flush(true);

  constructor(options: OutboxOptions = {}) {
    this.#storageKey = options.storageKey ?? OUTBOX_STORAGE_KEY;
    this.#base = options.retryBaseMs ?? 1000;
    this.#cap = options.retryCapMs ?? 300_000;
    addEventListener('online', this.#onOnline);
  }

  /** The waiting entries, oldest first. */
  entries(): OutboxEntry[] {
    try {
      const list: unknown = JSON.parse(localStorage.getItem(this.#storageKey) ?? '[]');
      return [...(Array.isArray(list) ? (list as OutboxEntry[]) : []), ...this.#memory];
    } catch {
      return [...this.#memory];
    }
  }

  /** Queues a POST (once per key). True when it is stored durably, false when only this page holds it. */
  add(entry: Pick<OutboxEntry, 'key' | 'url' | 'body' | 'lang'>): boolean {
    const list = this.entries();
    if (list.some((e) => e.key === entry.key)) return !this.#memory.some((e) => e.key === entry.key);
    const full: OutboxEntry = { ...entry, tries: 0, next: 0 };
    if (this.#save([...list.filter((e) => !this.#memory.includes(e)), full])) return true;
    this.#memory.push(full);
    return false;
  }

  /** Hears every outcome on this page; returns the unsubscribe function. */
  subscribe(listener: (o: OutboxOutcome) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Sends the entries that are due (all of them when `force`, as on load and on the `online` event). A call while
   * a flush runs makes that flush look again instead of starting a second one.
   */
  flush(force = false): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    if (!this.entries().length) return Promise.resolve();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const drain = () => this.#drain(force);
    const running = (locks ? locks.request(`${this.#storageKey}:flush`, drain).then(() => undefined) : drain()).finally(
      () => {
        this.#running = undefined;
        this.#schedule();
      },
    );
    this.#running = running;
    return running;
  }

  /** Detaches from the page (timers, `online`); the stored entries stay for the next page. */
  stop(): void {
    clearTimeout(this.#timer);
    removeEventListener('online', this.#onOnline);
    this.#listeners.clear();
  }

  async #drain(force: boolean): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      this.#again = false;
      // Read again every time: another tab or this page may have added or sent entries meanwhile.
      const entry = this.entries().find((e) => !tried.has(e.key) && (force || e.next <= Date.now()));
      if (!entry) {
        if (this.#again) continue;
        return;
      }
      tried.add(entry.key);
      let outcome: OutboxOutcome;
      try {
        const res = await new ApiClient({ lang: entry.lang }).post(entry.url, entry.body, {
          headers: { 'Idempotency-Key': entry.key },
          retries: 0,
        });
        outcome = { key: entry.key, state: 'sent', data: res.data };
      } catch (error) {
        const e = error as ApiError;
        // A 2xx that is not JSON is a captive portal or a proxy's page, not the API: not delivered.
        outcome = {
          key: entry.key,
          state: e.transient || e.kind === 'invalid-payload' ? 'waiting' : 'rejected',
          error: e,
        };
      }
      if (outcome.state === 'waiting') {
        const delay = outcome.error.details.retryAfterMs ?? backoffDelay(entry.tries, this.#base, this.#cap);
        this.#update(entry.key, (e) => ({ ...e, tries: e.tries + 1, next: Date.now() + delay }));
      } else {
        this.#update(entry.key, () => undefined);
      }
      this.#listeners.forEach((listener) => listener(outcome));
      // The network or the server is down: the others would fail the same way. Wait for the timer or `online`;
      // this entry's own delay keeps it from blocking the others on the next round.
      if (outcome.state === 'waiting') return;
    }
  }

  #update(key: string, change: (e: OutboxEntry) => OutboxEntry | undefined): void {
    const map = (list: OutboxEntry[]) => list.flatMap((e) => (e.key === key ? (change(e) ?? []) : [e]));
    this.#memory = map(this.#memory);
    const stored = this.entries().filter((e) => !this.#memory.some((m) => m.key === e.key));
    this.#save(map(stored));
  }

  #save(list: OutboxEntry[]): boolean {
    try {
      if (list.length) localStorage.setItem(this.#storageKey, JSON.stringify(list));
      else localStorage.removeItem(this.#storageKey);
      return true;
    } catch {
      return false;
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const next = Math.min(...this.entries().map((e) => e.next));
    if (Number.isFinite(next)) this.#timer = setTimeout(() => void this.flush(), Math.max(0, next - Date.now()));
  }
}

let page: Outbox | undefined;

/** The page's outbox, created on first use (the first caller's options apply). */
export function pageOutbox(options?: OutboxOptions): Outbox {
  return (page ??= new Outbox(options));
}
