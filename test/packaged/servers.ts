/**
 * What the fixture apps run against: the reference API on its own origin (in memory, every hall open, simulator
 * paused), and a static file server for the apps' pages on another origin, with the headers a strict portal sends.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/server/app.ts';

export interface Running {
  origin: string;
  close(): Promise<void>;
}

export async function startApi(): Promise<Running> {
  // As for the browser tests: one address makes every request, and the fixture pages make up their case numbers.
  const reference = await createApp({
    simulatorSpeed: 0,
    alwaysOpen: true,
    acceptUnsignedCaseIds: true,
    limits: { ratingsPerMinute: 10_000, takesPerMinute: 10_000, takeShare: 1, takesPerDevice: 10_000, lookupsPerMinute: 10_000 },
  });
  const server = await listen((done) => serve({ fetch: reference.app.fetch, port: 0, hostname: '127.0.0.1' }, done) as Server);
  return {
    origin: originOf(server),
    close: async () => {
      await reference.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves the files under `dir`; `headers(path)` adds response headers per file (a CSP for the pages). */
export async function startStatic(dir: string, headers: (path: string) => Record<string, string> = () => ({})): Promise<Running> {
  const server = await listen((done) => {
    const s = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...headers(path) });
        res.end(body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      }
    });
    s.listen(0, '127.0.0.1', done);
    return s;
  });
  return {
    origin: originOf(server),
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

function listen(start: (done: () => void) => Server): Promise<Server> {
  return new Promise((resolve) => {
    const server = start(() => resolve(server));
  });
}

function originOf(server: Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return `http://127.0.0.1:${address.port}`;
}
