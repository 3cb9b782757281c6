import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HallPatch, HallSnapshot } from '../core/api/types.gen.js';
import { backoffDelay, type ApiClient } from '../core/api/client.js';
import { ApiError } from '../core/api/errors.js';
import { checkFor, type PayloadCheck } from '../core/api/payload.js';
import { applyPatch } from './hall-patch.js';

/** What the live feed needs from the element that holds it. */
export interface FeedHost extends ReactiveControllerHost {
  /** `/api/v1/halls/<id>`, or undefined while no hall is set. */
  feedPath(): string | undefined;
  feedApi(): ApiClient;
  /** The polling interval now, in ms (shorter when the resident's ticket is near). */
  pollMs(): number;
  /** Keep listening while the page is hidden (a ticket is waiting for its call). */
  keepAwake(): boolean;
  /** A new state arrived; `patch` is set when it came as a stream patch. */
  fed(state: HallSnapshot, patch?: HallPatch): void;
}

const CLOSED = 2; // EventSource.CLOSED, without touching the global at module load

/** The checks of the stream's two events, once fetched: one fetch for the page (see decision 005). */
let streamChecks: Record<'snapshot' | 'patch', PayloadCheck> | undefined;

/** Fetches the stream's checks; every feed asks for them as its stream opens, so they arrive while it connects. */
export async function loadStreamChecks(): Promise<void> {
  const [snapshot, patch] = await Promise.all([checkFor('HallSnapshot'), checkFor('HallPatch')]);
  streamChecks = { snapshot, patch };
}

/**
 * Keeps a hall's state live. Server-Sent Events first: the browser's EventSource resumes with Last-Event-ID by
 * itself; when it gives up (a closed stream) the feed reopens it with backoff, passing the last id as `lastEventId`.
 * After two failures in a row, or without EventSource, it polls the snapshot with ETag instead. It pauses while the
 * page is hidden (unless a ticket is waiting), refreshes at once when the page or the network comes back, and
 * releases every timer, request and connection when the element leaves the page.
 */
export class LiveFeed implements ReactiveController {
  /** The hall's state, once known. */
  state?: HallSnapshot;
  /** The last failure, cleared by the next success. */
  error?: unknown;
  offline = false;
  /** Polling instead of streaming (EventSource missing or failed twice). */
  polling = false;

  private path?: string;
  /** Stream messages that came before the checks, handled in order when they arrive. */
  private early: MessageEvent<string>[] = [];
  private lastId = '';
  private fresh = 0;
  private failures = 0;
  private source?: EventSource;
  private timer = 0;
  private watchdog = 0;
  private run?: AbortController;
  private life?: AbortController;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
  }

  /** True when nothing confirmed the state for two polling intervals: it must not be shown as live. */
  get stale(): boolean {
    return !!this.state && Date.now() - this.fresh > 2 * this.host.pollMs();
  }

  hostConnected(): void {
    this.life = new AbortController();
    const on = { signal: this.life.signal };
    document.addEventListener('visibilitychange', () => this.visibility(), on);
    addEventListener('offline', () => this.restart(), on);
    addEventListener('online', () => this.restart(true), on);
  }

  hostDisconnected(): void {
    this.life?.abort();
    this.stop();
  }

  /** Starts (again) for the current hall; `retry` also gives the stream another chance. */
  restart(retry = false): void {
    this.stop();
    const path = this.host.feedPath();
    if (path !== this.path) {
      this.path = path;
      this.state = this.error = undefined;
      this.early = [];
      this.lastId = '';
      retry = true;
    }
    if (retry) {
      this.failures = 0;
      this.polling = false;
    }
    this.offline = navigator.onLine === false;
    this.host.requestUpdate();
    if (!path || this.offline || (document.hidden && !this.host.keepAwake())) return;
    this.run = new AbortController();
    this.watch();
    if (!this.polling && typeof EventSource === 'function') this.stream();
    else void this.poll();
  }

  private stop(): void {
    this.run?.abort();
    this.run = undefined;
    this.source?.close();
    this.source = undefined;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
  }

  private visibility(): void {
    if (!document.hidden) {
      // Back on the page: refresh at once (a stream that stayed open is already current).
      if (!this.source) this.restart();
    } else if (!this.host.keepAwake()) this.stop();
  }

  /** Re-renders now and then so that "stale" appears on time; an open stream counts as confirmation. */
  private watch(): void {
    this.watchdog = window.setTimeout(() => {
      if (this.source?.readyState === 1) this.fresh = Date.now();
      this.host.requestUpdate();
      this.watch();
    }, this.host.pollMs() / 2);
  }

  private stream(): void {
    if (!streamChecks) void this.awaitChecks();
    const query = this.lastId ? `?lastEventId=${encodeURIComponent(this.lastId)}` : '';
    const source = (this.source = new EventSource(this.host.feedApi().url(`${this.path}/events${query}`)));
    source.onopen = () => {
      this.failures = 0;
      this.offline = false;
      this.fresh = Date.now();
      this.host.requestUpdate();
    };
    source.onerror = () => {
      // The browser retries a dropped stream by itself (CONNECTING); a CLOSED one it has given up on.
      if (++this.failures >= 2) {
        this.stop();
        this.polling = true;
        this.restart();
      } else if (source.readyState === CLOSED) {
        source.close();
        this.source = undefined;
        this.timer = window.setTimeout(() => this.stream(), backoffDelay(this.failures, 1000, 30_000));
      }
      this.host.requestUpdate();
    };
    const receive = (event: Event) => {
      if (!streamChecks || this.early.length) {
        this.early.push(event as MessageEvent<string>);
        void this.awaitChecks();
      } else this.message(event as MessageEvent<string>);
    };
    source.addEventListener('snapshot', receive);
    source.addEventListener('patch', receive);
  }

  /** Waits for the stream's checks, then handles the messages that came first; a failed fetch is said as such. */
  private async awaitChecks(): Promise<void> {
    try {
      await loadStreamChecks();
    } catch (error) {
      this.error = error; // kept messages are handled when a later message brings the checks
      this.host.requestUpdate();
      return;
    }
    for (const event of this.early.splice(0)) this.message(event);
  }

  private message(event: MessageEvent<string>): void {
    const snapshot = event.type === 'snapshot';
    let data: HallSnapshot | HallPatch;
    try {
      data = streamChecks![snapshot ? 'snapshot' : 'patch']<HallSnapshot | HallPatch>(JSON.parse(event.data));
    } catch (error) {
      this.error =
        error instanceof ApiError ? error : new ApiError('invalid-payload', String(error), { field: '(root)' });
      this.host.requestUpdate();
      return;
    }
    this.lastId = event.lastEventId || this.lastId;
    this.fresh = Date.now();
    this.error = undefined;
    if (snapshot) this.accept(data as HallSnapshot);
    else if (this.state && data.version > this.state.version)
      this.accept(applyPatch(this.state, data as HallPatch), data as HallPatch);
  }

  private async poll(): Promise<void> {
    const run = this.run!;
    let delay = this.host.pollMs();
    try {
      const { data, notModified } = await this.host.feedApi().get<HallSnapshot>(`${this.path}/snapshot`, {
        schema: 'HallSnapshot',
        signal: run.signal,
        retries: 0,
      });
      this.fresh = Date.now();
      this.failures = 0;
      this.error = undefined;
      this.offline = false;
      if (!notModified || !this.state) this.accept(data);
    } catch (error) {
      if (run.signal.aborted) return;
      this.error = error;
      this.offline = (error as ApiError).kind === 'offline';
      delay = Math.max(delay, backoffDelay(++this.failures, delay, delay * 8));
    }
    this.host.requestUpdate();
    if (!run.signal.aborted) this.timer = window.setTimeout(() => void this.poll(), delay);
  }

  private accept(state: HallSnapshot, patch?: HallPatch): void {
    this.state = state;
    this.host.fed(state, patch);
    this.host.requestUpdate();
  }
}
