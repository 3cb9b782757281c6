import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { schemaVersion } from '../db.ts';
import { route } from '../http/route.ts';
import { ProblemError } from '../problem.ts';
import { SCHEMA_VERSION } from '../schema.ts';

/** The package version, reported as the server implementation's version. */
function serverVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** How long readiness waits for the database before it calls it unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

export function healthRoutes(app: Hono, ctx: AppContext): void {
  const version = serverVersion();
  const noStore = { 'Cache-Control': 'no-store' };
  route(app, '/api/v1/health', { GET: (c) => c.json({ status: 'ok', version }) });

  // Liveness: the process answers. Nothing else is checked, so a database outage never gets replicas restarted.
  route(app, '/api/v1/health/live', { GET: (c) => c.json({ status: 'live', version }, 200, noStore) });

  // Readiness: this replica should get traffic — the database answers, its schema is migrated, and it is not stopping.
  route(app, '/api/v1/health/ready', {
    GET: async (c) => {
      let database: 'ok' | 'unreachable' = 'ok';
      let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
      try {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS);
        });
        const applied = await Promise.race([schemaVersion(ctx.db), timeout]).finally(() => clearTimeout(timer));
        migrations = applied >= SCHEMA_VERSION ? 'ok' : 'pending';
      } catch {
        database = 'unreachable';
      }
      const stopping = ctx.draining();
      const checks = { database, migrations, accepting: stopping ? 'stopping' : 'ok' };
      if (database === 'ok' && migrations === 'ok' && !stopping) return c.json({ status: 'ready', version, checks }, 200, noStore);
      throw new ProblemError('unavailable', {
        detail: { zh: '此服务实例暂不接收请求。', en: 'This replica is not ready for traffic.' },
        extensions: { checks },
        headers: { ...noStore, 'Retry-After': '5' },
      });
    },
  });
}
