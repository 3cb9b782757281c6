import type { Queryable } from '../db.ts';

/** How often, at most, a limiter deletes the rows of keys whose limit has fully recovered. */
const SWEEP_EVERY_MS = 60_000;

/**
 * At most `max` requests per key in any `windowMs`, refilled evenly (the generic cell rate algorithm: one row per
 * key holding its "theoretical arrival time"). The check and the update are one conditional upsert, so concurrent
 * requests and several server processes on one database share one exact limit.
 */
export class RateLimiter {
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
  private readonly db: Queryable;
  private readonly interval: number;
  private sweptAt = 0;

  constructor(db: Queryable, name: string, max: number, windowMs: number) {
    this.db = db;
    this.name = name;
    this.max = Math.max(1, Math.floor(max));
    this.windowMs = windowMs;
    this.interval = windowMs / this.max;
  }

  /** Records a hit; 0 when it is allowed, otherwise the whole seconds until the next one would be. */
  async hit(key: string, now: number): Promise<number> {
    const id = `${this.name}:${key}`;
    const t = Math.floor(now);
    const { rows } = await this.db.query(
      `INSERT INTO rate_limits (key, tat) VALUES ($1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET tat = GREATEST(rate_limits.tat, $2::bigint) + $3::bigint
       WHERE GREATEST(rate_limits.tat, $2::bigint) + $3::bigint - $4::bigint <= $2::bigint
       RETURNING tat`,
      [id, t, Math.ceil(this.interval), this.windowMs],
    );
    if (t - this.sweptAt > SWEEP_EVERY_MS) {
      this.sweptAt = t;
      // A key whose arrival time has passed is back to a full allowance: its row says nothing any more.
      await this.db.query(`DELETE FROM rate_limits WHERE key LIKE $1 AND tat < $2::bigint`, [`${this.name}:%`, t]);
    }
    if (rows.length) return 0;
    const held = await this.db.query<{ tat: string | number }>('SELECT tat FROM rate_limits WHERE key = $1', [id]);
    const tat = Number(held.rows[0]?.tat ?? t);
    return Math.max(1, Math.ceil((Math.max(tat, t) + this.interval - this.windowMs - t) / 1000));
  }
}
