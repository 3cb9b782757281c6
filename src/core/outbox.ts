import { ApiClient, backoffDelay } from './api/client.js';
import { ApiError } from './api/errors.js';
import type { CompactSchema } from './api/validate.js';

/** Versioned so a later entry shape can migrate or ignore an old one instead of misreading it. */
export const OUTBOX_STORAGE_KEY = 'zw-outbox:v1';

/** Any JSON object: the least a 2xx answer must be to count as delivered, for an entry that names no receipt. */
const AN_OBJECT: CompactSchema = { t: ['object'] };

/**
 * How long a flush waits for the other tabs' lock before it sends without it. A tab holds the lock only for the
 * few requests of one flush; a longer wait means a tab that cannot give it back (a page frozen in the back/forward
 * cache with its request still queued, which Chromium grants to nobody). Sending beside another tab costs at most
 * a replayed request: the Idempotency-Key makes the server store each entry once.
 */
export const LOCK_WAIT_MS = 10_000;

/** One POST waiting to be delivered. Plain JSON: it lives in localStorage across page loads. */
export interface OutboxEntry {
  /** The Idempotency-Key, made once for the action and sent unchanged on every attempt. */
  key: string;
  /** Where to POST (absolute, or same-origin path). */
  url: string;
  body: unknown;
  /** Accept-Language for problem details. */
  lang?: string;
  /** The API schema a 2xx answer must fit to count as delivered (`'RatingReceipt'`); any JSON object if unset. */
  receipt?: keyof typeof import('./api/schemas.gen.js');
  /** Fields the answer must repeat (the case it is about): an answer about anything else is not this entry's. */
  match?: Record<string, unknown>;
  /** Where the delivered answer is remembered for later pages (see `keptAnswer`). */
  keep?: KeepAnswer;
  /** Failed attempts so far. */
  tries: number;
  /** Not before this time (ms since the epoch). */
  next: number;
}

/** Keep a few fields of the answer in a small per-id store in localStorage, plus `extra` facts of the request. */
export interface KeepAnswer {
  /** The localStorage key of the store (one JSON object, id → answer). */
  store: string;
  /** The answer's id in the store (the case number of a rating). */
  id: string;
  /** The fields of the answer worth keeping; nothing else is written. */
  fields: readonly string[];
  extra?: Record<string, unknown>;
}

/** What became of one attempt, told to every subscriber on this page and, for a final outcome, in the other tabs. */
export type OutboxOutcome =
  /** The server stored it (or replayed the stored result) and answered with a valid receipt: removed. */
  | { key: string; state: 'sent'; data: unknown }
  /**
   * No definitive answer (offline, timeout, 5xx, 429, or a 2xx that is not a valid receipt for this entry): kept
   * and retried later.
   */
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
  /** Longest wait for the other tabs' lock (LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

/** Kept answers are dropped after this long, and only the newest are kept. */
const KEEP_MS = 90 * 86_400_000;
const KEEP_MAX = 50;

type Kept = Record<string, Record<string, unknown> & { at: number }>;

function readKept(store: string): Kept {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(store) ?? '{}');
    return kept && typeof kept === 'object' ? (kept as Kept) : {};
  } catch {
    return {};
  }
}

/** The answer kept for `id` in `store` (see `OutboxEntry.keep`), if any and not too old. */
export function keptAnswer(store: string, id: string): Record<string, unknown> | undefined {
  const answer = readKept(store)[id];
  return answer && Date.now() - answer.at < KEEP_MS ? answer : undefined;
}

/** Remembers the chosen fields of a delivered answer, dropping the oldest beyond the limit. */
export function keepAnswer(keep: KeepAnswer, data: unknown): void {
  const picked = Object.fromEntries(keep.fields.map((f) => [f, (data as Record<string, unknown>)[f]]));
  const kept = { ...readKept(keep.store), [keep.id]: { ...picked, ...keep.extra, at: Date.now() } };
  const newest = Object.entries(kept)
    .filter(([, a]) => Date.now() - a.at < KEEP_MS)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, KEEP_MAX);
  try {
    localStorage.setItem(keep.store, JSON.stringify(Object.fromEntries(newest)));
  } catch {
    /* storage disabled or full: this page still shows the receipt */
  }
}

/** A key for one logical action: a random UUID (or 128 random bits on an old or insecure-context browser). */
export function idempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
  );
}

/** An outcome as it crosses to another tab (an ApiError arrives as a plain object and is rebuilt). */
type Wire = {
  key: string;
  state: 'sent' | 'rejected';
  data?: unknown;
  error?: Pick<ApiError, 'kind' | 'message' | 'details'>;
};

/**
 * A durable queue of idempotent POSTs. An entry is written to localStorage before its first attempt and removed
 * only on a definitive answer — a valid receipt for it, or a refusal — so a rating survives a dead network, a 5xx,
 * a captive portal's page, a closed tab or a reload; the key makes every resend safe. One flush runs at a time per
 * page, and across tabs under a Web Lock when the browser has them (without them two tabs may send the same entry;
 * the key makes the server store it once). Final outcomes are told to the other tabs of the origin too.
 */
export class Outbox {
  #storageKey: string;
  #base: number;
  #cap: number;
  #lockWaitMs: number;
  #listeners = new Set<(o: OutboxOutcome) => void>();
  /** Used when storage is disabled or full: the entry then lives only as long as the page. */
  #memory: OutboxEntry[] = [];
  #running?: Promise<void>;
  #again = false;
  #timer?: ReturnType<typeof setTimeout>;
  #onOnline = () => void this.flush(true);
  /** A page restored from the back/forward cache sends what it withdrew from the lock when it was left. */
  #onShow = (event: PageTransitionEvent) => void (event.persisted && this.flush(true));
  /** The other tabs of this origin (absent in old browsers: they then learn the outcome on their next load). */
  #tabs?: BroadcastChannel;

  constructor(options: OutboxOptions = {}) {
    this.#storageKey = options.storageKey ?? OUTBOX_STORAGE_KEY;
    this.#base = options.retryBaseMs ?? 1000;
    this.#cap = options.retryCapMs ?? 300_000;
    this.#lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    addEventListener('online', this.#onOnline);
    addEventListener('pageshow', this.#onShow);
    if (typeof BroadcastChannel === 'function') {
      this.#tabs = new BroadcastChannel(this.#storageKey);
      this.#tabs.onmessage = ({ data }: MessageEvent<Wire>) => {
        const { key, state, error: e } = data;
        this.#tell(
          state === 'sent'
            ? { key, state, data: data.data }
            : { key, state, error: new ApiError(e!.kind, e!.message, e!.details) },
        );
      };
    }
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
  add(entry: Omit<OutboxEntry, 'tries' | 'next'>): boolean {
    const list = this.entries();
    if (list.some((e) => e.key === entry.key)) return !this.#memory.some((e) => e.key === entry.key);
    const full: OutboxEntry = { ...entry, tries: 0, next: 0 };
    if (this.#save([...list.filter((e) => !this.#memory.includes(e)), full])) return true;
    this.#memory.push(full);
    return false;
  }

  /** Hears every outcome on this page (and the final ones of other tabs); returns the unsubscribe function. */
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
    const running = (locks ? this.#underLock(locks, drain) : drain()).finally(() => {
      this.#running = undefined;
      this.#schedule();
    });
    this.#running = running;
    return running;
  }

  /**
   * Runs `drain` under the tabs' shared lock, waiting for it at most `lockWaitMs` (then without it). A page that is
   * left withdraws its request, so a frozen page never holds up the tabs that stay: it flushes again when shown.
   */
  async #underLock(locks: LockManager, drain: () => Promise<void>): Promise<void> {
    const wait = new AbortController();
    const timer = setTimeout(() => wait.abort('timeout'), this.#lockWaitMs);
    const leave = () => wait.abort('pagehide');
    addEventListener('pagehide', leave);
    const granted = () => {
      clearTimeout(timer);
      removeEventListener('pagehide', leave);
      return drain();
    };
    try {
      await locks.request(`${this.#storageKey}:flush`, { signal: wait.signal }, granted);
    } catch (error) {
      if (!wait.signal.aborted) throw error;
      if (wait.signal.reason === 'timeout') await drain();
    } finally {
      clearTimeout(timer);
      removeEventListener('pagehide', leave);
    }
  }

  /** Detaches from the page (timers, `online`, the other tabs); the stored entries stay for the next page. */
  stop(): void {
    clearTimeout(this.#timer);
    removeEventListener('online', this.#onOnline);
    removeEventListener('pageshow', this.#onShow);
    this.#tabs?.close();
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
      const outcome = await this.#send(entry);
      if (outcome.state === 'waiting') {
        const delay = outcome.error.details.retryAfterMs ?? backoffDelay(entry.tries, this.#base, this.#cap);
        this.#update(entry.key, (e) => ({ ...e, tries: e.tries + 1, next: Date.now() + delay }));
      } else {
        if (outcome.state === 'sent' && entry.keep) keepAnswer(entry.keep, outcome.data);
        this.#update(entry.key, () => undefined);
        const { error } = outcome as { error?: ApiError };
        this.#tabs?.postMessage({
          ...outcome,
          error: error && { kind: error.kind, message: error.message, details: error.details },
        } satisfies Wire);
      }
      this.#tell(outcome);
      // The network or the server is down: the others would fail the same way. Wait for the timer or `online`;
      // this entry's own delay keeps it from blocking the others on the next round.
      if (outcome.state === 'waiting') return;
    }
  }

  /** One attempt. Only a 2xx whose body is a valid receipt for this very entry counts as delivered. */
  async #send(entry: OutboxEntry): Promise<OutboxOutcome> {
    try {
      const { data, status } = await new ApiClient({ lang: entry.lang }).post<Record<string, unknown>>(
        entry.url,
        entry.body,
        { headers: { 'Idempotency-Key': entry.key }, retries: 0, schema: entry.receipt ?? AN_OBJECT },
      );
      const other = Object.keys(entry.match ?? {}).find((field) => data[field] !== entry.match![field]);
      if (other !== undefined)
        throw new ApiError('invalid-payload', `The answer is not about this ${other}`, { status, field: other });
      return { key: entry.key, state: 'sent', data };
    } catch (error) {
      const e = error as ApiError;
      // A 2xx that is not a receipt (a captive portal's page, a proxy's error, an empty or foreign body) is not a
      // delivery: the server may not have the rating, or its answer was lost on the way.
      const waiting = !(e instanceof ApiError) || e.transient || e.kind === 'invalid-payload';
      return waiting
        ? { key: entry.key, state: 'waiting', error: e instanceof ApiError ? e : new ApiError('network', String(e)) }
        : { key: entry.key, state: 'rejected', error: e };
    }
  }

  #tell(outcome: OutboxOutcome): void {
    this.#listeners.forEach((listener) => listener(outcome));
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
