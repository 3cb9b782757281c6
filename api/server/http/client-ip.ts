import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Which proxies in front of the server are trusted to say who the client is:
 * - `false`: none; the client is the peer of the TCP connection (X-Forwarded-For is ignored);
 * - a number `n` (`true` is 1): exactly `n` proxies, so the client is the address the outermost of them saw, the
 *   n-th entry of X-Forwarded-For counted from the right (every request must come through all of them);
 * - a list of addresses and CIDR blocks (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`): the proxies' own addresses,
 *   and the client is the rightmost address, starting from the peer, that is not one of them.
 * Only the entries that trusted proxies appended count: what the client itself put at the left is never used,
 * so it cannot pick its own rate-limit key.
 */
export type TrustProxy = boolean | number | readonly string[];

/** ZW_TRUST_PROXY: unset, `0` or `false` trusts none; a number of hops; or a comma-separated list of CIDR blocks. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** An address as written in a header or by a socket: brackets, ports and IPv4-mapped IPv6 taken off. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return a.toLowerCase();
}

function blockListOf(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [net = '', bits] = entry.split('/');
    const address = normalizeAddress(net);
    const family = isIP(address);
    if (!family) throw new Error(`Not an address or CIDR block: ${entry}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** Whether an address falls in a list of addresses and CIDR blocks (for trusted proxies and shared networks). */
export class AddressSet {
  private readonly list: BlockList;
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    this.list = blockListOf(entries);
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

export class ClientAddress {
  private readonly hops: number;
  private readonly trusted: AddressSet | null;

  constructor(trust: TrustProxy) {
    this.hops = trust === true ? 1 : typeof trust === 'number' ? Math.max(0, Math.floor(trust)) : 0;
    this.trusted = Array.isArray(trust) ? new AddressSet(trust) : null;
  }

  /** The client's address for rate limiting. */
  of(c: Context): string {
    const peer = peerAddress(c);
    if (!this.hops && !this.trusted) return peer;
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => normalizeAddress(entry))
      .filter(Boolean);
    // Nearest first: the peer, then what each proxy appended, from the right.
    const chain = [peer, ...forwarded.reverse()];
    if (this.trusted) {
      for (const hop of chain) if (!this.trusted.has(hop)) return hop;
      return chain[chain.length - 1]!;
    }
    return chain[Math.min(this.hops, chain.length - 1)]!;
  }
}

function peerAddress(c: Context): string {
  try {
    return normalizeAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // Not running on Node's HTTP server (e.g. app.request() in a script): one shared bucket.
    return 'unknown';
  }
}

/**
 * The key an address is limited by: an IPv4 address, or the /64 network of an IPv6 one (one household or phone
 * is given a whole /64, and could otherwise rotate through it).
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${full.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
