import type { Db } from '../db.ts';
import type { Logger } from '../log.ts';
import type { RatingCases } from '../ratings/cases.ts';
import { recordOf } from './national-record.ts';

/**
 * Ratings pushed to the provincial 好差评 platform (docs/decisions/073-national-rating-records.md). Each new rating is
 * queued in `rating_pushes` in the transaction that records it (ratings/store.ts), so none is lost to a crash; a
 * worker on every replica claims due rows, POSTs each as a national record with the rating id as `Idempotency-Key`,
 * and marks it delivered on a 2xx (or a 409: the platform has it). A failure, a timeout or a 408/429/5xx is tried
 * again after a growing pause; another 4xx is a record the platform refuses as it is, given up on and logged.
 * A claim is a lease: the row's next try is moved past the request's timeout before the request is sent, so
 * another replica does not send it meanwhile, and a replica that dies mid-request leaves it to be tried again.
 * Delivery is at least once; the key makes it once at a receiver that honours it, as the platform's rules require.
 */
export interface ProvincialPushOptions {
  /** The platform's endpoint that takes one record per POST (ZW_PROVINCE_URL). */
  url: string;
  /** Sent as `Authorization: Bearer …` (ZW_PROVINCE_TOKEN). */
  token?: string;
  /** Milliseconds between runs of the worker (default 30 s; 0: no timer, run it with runOnce). */
  intervalMs?: number;
  /** Milliseconds a request may take (default 10 s). */
  timeoutMs?: number;
  /** Rows claimed per run (default 20). */
  batch?: number;
}

/** The pause before try n+1: 30 s, 1 min, 2 min … at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

export class ProvincialPush {
  private readonly db: Db;
  private readonly cases: RatingCases;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly options: Required<Omit<ProvincialPushOptions, 'token'>> & { token?: string };
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<number> | undefined;

  constructor(db: Db, cases: RatingCases, now: () => Date, log: Logger, options: ProvincialPushOptions) {
    this.db = db;
    this.cases = cases;
    this.now = now;
    this.log = log;
    this.options = { intervalMs: 30_000, timeoutMs: 10_000, batch: 20, ...options };
  }

  start(): void {
    if (!this.options.intervalMs || this.timer) return;
    // A failed run (the database unreachable for a moment) is logged; the next one tries again.
    this.timer = setInterval(
      () => void this.runOnce().catch((err: Error) => this.log.error({ err }, 'provincial push: run failed')),
      this.options.intervalMs,
    );
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Sends what is due now; resolves to how many were delivered. One run at a time per process. */
  runOnce(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<number> {
    const now = this.now();
    const lease = new Date(now.getTime() + this.options.timeoutMs + 60_000);
    const { rows } = await this.db.query<{ rating_id: string; attempts: number }>(
      `UPDATE rating_pushes SET attempts = attempts + 1, next_at = $2
       WHERE rating_id IN (
         SELECT rating_id FROM rating_pushes WHERE delivered_at IS NULL AND failed_at IS NULL AND next_at <= $1
         ORDER BY next_at, rating_id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING rating_id, attempts`,
      [now.toISOString(), lease.toISOString(), this.options.batch],
    );
    let delivered = 0;
    for (const row of rows) {
      const outcome = await this.send(row.rating_id);
      const at = this.now();
      if (outcome === 'delivered') {
        delivered += 1;
        await this.db.query('UPDATE rating_pushes SET delivered_at = $2, last_error = NULL WHERE rating_id = $1', [
          row.rating_id,
          at.toISOString(),
        ]);
      } else if (outcome.refused) {
        this.log.error(
          { ratingId: row.rating_id, error: outcome.error },
          'provincial push: the platform refused a record; not tried again',
        );
        await this.db.query('UPDATE rating_pushes SET failed_at = $2, last_error = $3 WHERE rating_id = $1', [
          row.rating_id,
          at.toISOString(),
          outcome.error,
        ]);
      } else {
        this.log.warn(
          { ratingId: row.rating_id, attempts: row.attempts, error: outcome.error },
          'provincial push: failed, will try again',
        );
        const next = new Date(at.getTime() + backoffMs(row.attempts));
        await this.db.query('UPDATE rating_pushes SET next_at = $2, last_error = $3 WHERE rating_id = $1', [
          row.rating_id,
          next.toISOString(),
          outcome.error,
        ]);
      }
    }
    return delivered;
  }

  private async send(ratingId: string): Promise<'delivered' | { refused: boolean; error: string }> {
    const record = await recordOf(this.db, this.cases, ratingId);
    if (!record) return { refused: true, error: 'no such rating' };
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': ratingId,
          ...(this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok || res.status === 409) return 'delivered';
      const retry = res.status === 408 || res.status === 429 || res.status >= 500;
      return { refused: !retry, error: `HTTP ${res.status}` };
    } catch (err) {
      return { refused: false, error: (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message };
    }
  }

  /** How the push stands. */
  async status(): Promise<{ pending: number; delivered: number; failed: number }> {
    const { rows } = await this.db.query<{ pending: number; delivered: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered,
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed
       FROM rating_pushes`,
    );
    return {
      pending: Number(rows[0]!.pending),
      delivered: Number(rows[0]!.delivered),
      failed: Number(rows[0]!.failed),
    };
  }
}
