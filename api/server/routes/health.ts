import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { route } from '../http/route.ts';

/** The package version, reported as the server implementation's version. */
function serverVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function healthRoutes(app: Hono): void {
  const version = serverVersion();
  route(app, '/api/v1/health', { GET: (c) => c.json({ status: 'ok', version }) });
}
