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

/**
 * The longest interval between heartbeat events the spec allows (see "Live hall events" in api/openapi.yaml); each
 * heartbeat names the server's own (`intervalMs`, 4 s on the reference server).
 */
export const HEARTBEAT_MS = 15_000;
/**
 * An open stream from which nothing arrived for this long is dead or stalled: two heartbeat intervals once a heartbeat
 * has named it, three of the longest (45 s) before.
 */
export const STALL_MS = 3 * HEARTBEAT_MS;
/** A stream not heard from within this long of asking for it is hung: the feed polls and tries again. */
export const CONNECT_MS = 5_000;
/**
 * The longest wait between attempts to get back on the stream. With CONNECT_MS and two 4 s heartbeats, a card is
 * live again within 10 s of the path healing, whichever way the path had failed.
 */
export const STREAM_RETRY_CAP_MS = 4_000;
/** How long the browser waits before it reconnects a dropped stream by itself (the server's `retry`). */
const BROWSER_RETRY_MS = 3_000;

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
 * A stream counts as live only while something arrives on it (the server sends heartbeat events, every 4 s on the
 * reference server): one not heard within 5 s of asking, or silent for two heartbeat intervals, is closed. After two
 * failures in a row, a hung or stalled stream, or without EventSource, the feed polls the snapshot with ETag, and
 * keeps trying the stream (at most 4 s apart) until it is heard again. It pauses while the page is hidden (unless a ticket is waiting),
 * refreshes at once when the page or the network comes back, and releases every timer, request and connection when
 * the element leaves the page.
 */
export class LiveFeed implements ReactiveController {
  /** The hall's state, once known. */
  state?: HallSnapshot;
  offline = false;
  /** Polling the snapshot (the stream is missing, failing, hung or stalled). */
  polling = false;
  /** The stream is open and was heard from within the last 45 s: changes arrive as they happen. */
  live = false;

  /** The last failure of the stream (a malformed message, checks that could not be fetched) or of polling. */
  get error(): unknown {
    return this.streamError ?? this.pollError;
  }

  private streamError?: unknown;
  /** Cleared by the next good poll, or when the stream is heard again and polling stops. */
  private pollError?: unknown;
  private path?: string;
  /** Stream messages that came before the checks, handled in order when they arrive. */
  private early: MessageEvent<string>[] = [];
  private lastId = '';
  /** When something last confirmed the state (a stream event or heartbeat, a poll). */
  private fresh = 0;
  /** Stream failures since it was last heard. */
  private failures = 0;
  /** The server's heartbeat interval, once a heartbeat has named it. */
  private beatMs = HEARTBEAT_MS;
  /** Silence after which an open stream counts as stalled. */
  private stallMs = STALL_MS;
  /** Polls that failed in a row (they back off). */
  private pollFailures = 0;
  private source?: EventSource;
  private pollTimer = 0;
  private streamTimer = 0;
  /** Closes a stream that does not open, or goes silent, in time. */
  private guardTimer = 0;
  private watchdog = 0;
  private run?: AbortController;
  private pollRun?: AbortController;
  private life?: AbortController;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
  }

  /**
   * True when nothing confirmed the state for two polling intervals (on the stream, two heartbeats at least): it
   * must not be shown as live.
   */
  get stale(): boolean {
    const interval = Math.max(this.host.pollMs(), this.live ? this.beatMs : 0);
    return !!this.state && Date.now() - this.fresh > 2 * interval;
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

  /** Starts (again) for the current hall; `retry` also forgets the stream's past failures. */
  restart(retry = false): void {
    this.stop();
    const path = this.host.feedPath();
    if (path !== this.path) {
      this.path = path;
      this.state = this.streamError = this.pollError = undefined;
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
    const streams = typeof EventSource === 'function';
    if (streams) this.stream();
    if (this.polling || !streams) {
      this.polling = false;
      this.startPolling();
    }
  }

  private stop(): void {
    this.run?.abort();
    this.run = undefined;
    this.closeStream();
    // Polling, if it was on, goes on where it left off at the next start.
    this.pollRun?.abort();
    clearTimeout(this.pollTimer);
    clearTimeout(this.streamTimer);
    clearTimeout(this.watchdog);
  }

  private closeStream(): void {
    this.source?.close();
    this.source = undefined;
    this.live = false;
    clearTimeout(this.guardTimer);
  }

  private visibility(): void {
    if (!document.hidden) {
      // Back on the page: refresh at once (a stream that stayed open is already current).
      if (!this.source) this.restart();
    } else if (!this.host.keepAwake()) this.stop();
  }

  /** Re-renders now and then, so that "stale" appears on time. */
  private watch(): void {
    this.watchdog = window.setTimeout(() => {
      this.host.requestUpdate();
      this.watch();
    }, this.host.pollMs() / 2);
  }

  /**
   * Closes the stream unless it is heard from within `ms`: poll, and try again — at once when it had been heard
   * (`stalled`: the server was fine, the connection died), after the backoff when it never was (hung).
   */
  private guard(ms: number, stalled = false): void {
    clearTimeout(this.guardTimer);
    this.guardTimer = window.setTimeout(() => {
      this.closeStream();
      this.failed(true, stalled);
      this.startPolling();
    }, ms);
  }

  private stream(): void {
    clearTimeout(this.streamTimer);
    this.closeStream();
    if (!streamChecks) void this.awaitChecks();
    const query = this.lastId ? `?lastEventId=${encodeURIComponent(this.lastId)}` : '';
    const source = (this.source = new EventSource(this.host.feedApi().url(`${this.path}/events${query}`)));
    this.guard(CONNECT_MS);
    // Open is not yet heard: a proxy may hold the events back. The server sends its first event (a snapshot, the
    // missed patches, or a heartbeat) at once, so the guard set above stands until it arrives.
    source.onopen = () => void (this.offline = false);
    source.onerror = () => {
      if (source !== this.source) return;
      // The browser retries a dropped stream by itself (CONNECTING); a CLOSED one it has given up on.
      const closed = source.readyState === CLOSED;
      if (closed || this.failures >= 1) this.closeStream();
      else {
        this.live = false;
        this.guard(BROWSER_RETRY_MS + CONNECT_MS);
      }
      this.failed(!this.source);
    };
    const receive = (event: Event) => {
      if (source !== this.source) return;
      this.heard();
      if (!streamChecks || this.early.length) {
        this.early.push(event as MessageEvent<string>);
        void this.awaitChecks();
      } else this.message(event as MessageEvent<string>);
    };
    source.addEventListener('snapshot', receive);
    source.addEventListener('patch', receive);
    // A heartbeat says that the stream is alive, and how often the next ones come.
    source.addEventListener('heartbeat', (event) => {
      if (source !== this.source) return;
      let interval: unknown;
      try {
        interval = (JSON.parse((event as MessageEvent<string>).data) as { intervalMs?: unknown }).intervalMs;
      } catch {
        /* an alive stream all the same */
      }
      if (Number.isInteger(interval)) {
        this.beatMs = Math.min(Math.max(interval as number, 1000), HEARTBEAT_MS);
        this.stallMs = 2 * this.beatMs;
      }
      this.heard();
    });
  }

  /**
   * A stream failure: after two in a row, poll; when the stream is gone, open a new one after a short backoff (at
   * once after a stall).
   */
  private failed(gone: boolean, now = false): void {
    this.failures++;
    if (gone && this.run)
      this.streamTimer = window.setTimeout(
        () => this.stream(),
        now ? 0 : backoffDelay(this.failures, 1000, STREAM_RETRY_CAP_MS),
      );
    if (this.failures >= 2) this.startPolling();
    this.host.requestUpdate();
  }

  /** Something arrived on the stream: it is live, and polling is no longer needed. */
  private heard(): void {
    this.fresh = Date.now();
    this.failures = 0;
    this.offline = false;
    this.live = true;
    this.guard(this.stallMs, true);
    this.stopPolling();
    this.host.requestUpdate();
  }

  /** Waits for the stream's checks, then handles the messages that came first; a failed fetch is said as such. */
  private async awaitChecks(): Promise<void> {
    try {
      await loadStreamChecks();
    } catch (error) {
      this.streamError = error; // kept messages are handled when a later message brings the checks
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
      this.streamError =
        error instanceof ApiError ? error : new ApiError('invalid-payload', String(error), { field: '(root)' });
      this.host.requestUpdate();
      return;
    }
    this.lastId = event.lastEventId || this.lastId;
    this.streamError = undefined;
    if (snapshot) this.accept(data as HallSnapshot);
    else if (this.state && data.version > this.state.version)
      this.accept(applyPatch(this.state, data as HallPatch), data as HallPatch);
  }

  private startPolling(): void {
    if (this.polling || !this.run) return;
    this.polling = true;
    void this.poll();
  }

  private stopPolling(): void {
    this.polling = false;
    this.pollError = undefined;
    this.pollRun?.abort();
    this.pollRun = undefined;
    clearTimeout(this.pollTimer);
  }

  private async poll(): Promise<void> {
    const run = (this.pollRun = new AbortController());
    let delay = this.host.pollMs();
    try {
      const { data, notModified } = await this.host.feedApi().get<HallSnapshot>(`${this.path}/snapshot`, {
        schema: 'HallSnapshot',
        signal: run.signal,
        retries: 0,
      });
      if (run.signal.aborted) return;
      this.fresh = Date.now();
      this.pollFailures = 0;
      this.pollError = undefined;
      this.offline = false;
      if (!notModified || !this.state) this.accept(data);
    } catch (error) {
      if (run.signal.aborted) return;
      this.pollError = error;
      this.offline = (error as ApiError).kind === 'offline';
      delay = Math.max(delay, backoffDelay(++this.pollFailures, delay, delay * 8));
    }
    this.host.requestUpdate();
    if (!run.signal.aborted) this.pollTimer = window.setTimeout(() => void this.poll(), delay);
  }

  private accept(state: HallSnapshot, patch?: HallPatch): void {
    this.state = state;
    this.host.fed(state, patch);
    this.host.requestUpdate();
  }
}
