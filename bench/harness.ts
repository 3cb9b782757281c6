/**
 * Runs a benchmark module inside headless Chromium. The module (TypeScript, may import from src/) is bundled with
 * esbuild and must `export default async function (): Promise<unknown>`; its resolved value comes back as JSON.
 * Timing happens inside the page with performance.now(), so Node's overhead is not measured.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import puppeteer from 'puppeteer-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.js';

export async function bundle(entry: string, minify = false): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify,
    write: false,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface BrowserRun {
  /** The page's origin, for benchmarks that need the API (`/api/*` is passed to `handler` when given). */
  origin: string;
}

/** Bundles `entry`, serves it on loopback (with `apiHandler` for `/api/*`), runs its default export, returns its result. */
export async function runInBrowser<T>(
  entry: string,
  apiHandler?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<T> {
  const code = await bundle(entry);
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script type="module">import run from '/bench.js'; run().then((r) => { window.__done = { ok: true, r }; }, (e) => { window.__done = { ok: false, r: String(e && e.stack || e) }; });</script></body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/') && apiHandler) return apiHandler(req, res);
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end(code);
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction('window.__done', { timeout: 600_000, polling: 200 });
    const done = (await tab.evaluate('window.__done')) as { ok: boolean; r: T };
    if (!done.ok) throw new Error(`benchmark failed in the browser: ${done.r}`);
    return done.r;
  } finally {
    await browser.close();
    server.close();
  }
}

/** Median and 95th percentile of a list of samples. */
export function stats(samples: number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}
