/**
 * A sliding-window request limit per client key (kept in memory: a limit per server process is what a
 * single reference server needs; a district cluster would keep it in its gateway or in Redis).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  readonly max: number;
  readonly windowMs: number;

  constructor(max: number, windowMs: number) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Records a hit; returns 0 when allowed, otherwise the whole seconds to wait before the next one is. */
  hit(key: string, now: number): number {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(since);
    return 0;
  }

  private sweep(since: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }
}
