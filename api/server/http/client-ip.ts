import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address for rate limiting. X-Forwarded-For is honoured only when the server is told it sits
 * behind a proxy; otherwise any client could pick its own key.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not running on Node's HTTP server (e.g. app.request() in a script): one shared bucket.
    return 'unknown';
  }
}
