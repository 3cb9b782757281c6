import type { Context } from 'hono';
import { instantAt, localTime } from '../clock.ts';
import type { Queryable } from '../db.ts';
import { ProblemError } from '../problem.ts';
import { AddressSet, ClientAddress, limitKey, type TrustProxy } from './client-ip.ts';
import { RateLimiter } from './rate-limit.ts';

/** What one client may do (see docs/decisions/049-abuse-limits.md). Every limit is per server cluster, not per process. */
export interface Limits {
  /** Ratings one address may submit per minute. */
  ratingsPerMinute: number;
  /** Online take requests one address may make per minute. */
  takesPerMinute: number;
  /** The share of a category's daily online quota that one address may take in a hall (0 to 1). */
  takeShare: number;
  /** Online tickets one device (`Zw-Device-Id`) may take per hall and day. */
  takesPerDevice: number;
  /** Follow-up lookups one address may make per minute. */
  lookupsPerMinute: number;
  /**
   * Addresses and CIDR blocks that many residents share (a hall's own guest Wi-Fi): the per-address limits on
   * online take do not apply to them (the device limit still does).
   */
  sharedNetworks: readonly string[];
}

export const DEFAULT_LIMITS: Limits = {
  ratingsPerMinute: 30,
  takesPerMinute: 10,
  takeShare: 0.1,
  takesPerDevice: 3,
  lookupsPerMinute: 20,
  sharedNetworks: [],
};

/** The optional header a widget sends with online takes: a random id it keeps on the device. */
export const DEVICE_HEADER = 'zw-device-id';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

type Text = { zh: string; en: string };

/** A 429 problem whose detail says what the limit is, in the client's language. */
export function rateLimited(
  waitSeconds: number,
  detail: Text,
  limit: { scope: 'address' | 'device'; max: number; per: 'minute' | 'day' },
): ProblemError {
  return new ProblemError('rate-limited', { detail, headers: { 'Retry-After': String(waitSeconds) }, extensions: { limit } });
}

/** Whole seconds until the next service day starts (local midnight), at least 1. */
export function secondsToNextDay(now: Date): number {
  const today = localTime(now).date;
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return Math.max(1, Math.ceil((instantAt(next.toISOString().slice(0, 10), 0).getTime() - now.getTime()) / 1000));
}

/** Who a request comes from, as far as the limits are concerned. */
export interface Client {
  /** The address's limit key (an IPv4 address or an IPv6 /64). */
  address: string;
  /** The address is in a shared network (per-address take limits do not apply). */
  shared: boolean;
  /** The device id the widget sent, when it sent a well-formed one. */
  device: string | null;
}

/** The limits of one app, their counters in its database. */
export class Limiters {
  readonly limits: Limits;
  private readonly address: ClientAddress;
  private readonly shared: AddressSet;
  private readonly ratings: RateLimiter;
  private readonly takes: RateLimiter;
  private readonly lookups: RateLimiter;
  private readonly now: () => Date;

  constructor(db: Queryable, limits: Limits, trustProxy: TrustProxy, now: () => Date) {
    this.limits = limits;
    this.now = now;
    this.address = new ClientAddress(trustProxy);
    this.shared = new AddressSet(limits.sharedNetworks);
    this.ratings = new RateLimiter(db, 'ratings', limits.ratingsPerMinute, 60_000);
    this.takes = new RateLimiter(db, 'takes', limits.takesPerMinute, 60_000);
    this.lookups = new RateLimiter(db, 'lookups', limits.lookupsPerMinute, 60_000);
  }

  client(c: Context): Client {
    const address = this.address.of(c);
    const device = c.req.header(DEVICE_HEADER);
    return { address: limitKey(address), shared: this.shared.has(address), device: device && DEVICE_ID.test(device) ? device : null };
  }

  /** Every rating attempt counts, valid or not: the limit protects the endpoint, not just the table. */
  async rating(client: Client): Promise<void> {
    const max = this.limits.ratingsPerMinute;
    const wait = await this.ratings.hit(client.address, this.now().getTime());
    if (wait > 0) {
      throw rateLimited(
        wait,
        {
          zh: `同一网络每分钟最多提交 ${max} 次评价，请 ${wait} 秒后再试。`,
          en: `One network may send at most ${max} ratings a minute; please try again in ${wait} s.`,
        },
        { scope: 'address', max, per: 'minute' },
      );
    }
  }

  async take(client: Client): Promise<void> {
    if (client.shared) return;
    const max = this.limits.takesPerMinute;
    const wait = await this.takes.hit(client.address, this.now().getTime());
    if (wait > 0) {
      throw rateLimited(
        wait,
        {
          zh: `同一网络每分钟最多取号 ${max} 次，请 ${wait} 秒后再试。`,
          en: `One network may ask for at most ${max} tickets a minute; please try again in ${wait} s.`,
        },
        { scope: 'address', max, per: 'minute' },
      );
    }
  }

  async lookup(client: Client): Promise<void> {
    const max = this.limits.lookupsPerMinute;
    const wait = await this.lookups.hit(client.address, this.now().getTime());
    if (wait > 0) {
      throw rateLimited(
        wait,
        {
          zh: `同一网络每分钟最多查询 ${max} 次差评处理进度，请 ${wait} 秒后再试。`,
          en: `One network may look up at most ${max} follow-ups a minute; please try again in ${wait} s.`,
        },
        { scope: 'address', max, per: 'minute' },
      );
    }
  }

  /** The online tickets one address may take per hall, category and day, out of a daily online quota. */
  addressShare(quota: number): number {
    return Math.max(1, Math.floor(quota * this.limits.takeShare));
  }
}
