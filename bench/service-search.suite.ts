/**
 * Service search against Fuse.js and MiniSearch, in one Chromium run (bench/service-search.browser.ts): index build
 * time and per-keystroke latency at 1,000, 10,000 and 50,000 items, and recall@3 on the relevance set
 * (test/fixtures/search-relevance.ts). The catalogue is the one the reference server's endpoint serves; the larger
 * ones are made from it (bench/service-search-data.ts). The page is served cross-origin isolated so that
 * performance.now() resolves 5 µs instead of 100 µs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp } from '../api/server/app.ts';
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { runInBrowser } from './harness.ts';
import { synthesize } from './service-search-data.ts';

const ISOLATED_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script type="module">import run from '/bench.js'; run().then((r) => { window.__done = { ok: true, r }; }, (e) => { window.__done = { ok: false, r: String(e && e.stack || e) }; });</script></body></html>`;

async function search() {
  const { app, close } = await createApp({ simulatorSpeed: 0, alwaysOpen: true });
  let real: Catalogue;
  try {
    real = (await (await app.fetch(new Request('http://bench/api/v1/services/catalogue'))).json()) as Catalogue;
  } finally {
    await close();
  }
  const bodies = new Map<string, string>([['real', JSON.stringify(real)]]);
  for (const n of [1000, 10_000, 50_000]) bodies.set(String(n), JSON.stringify(synthesize(real, n)));
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    if (req.url === '/api/zw-bench/isolated') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolation });
      return res.end(ISOLATED_PAGE);
    }
    // SEARCH_BENCH_ENGINES=zhengwu,mini runs only the engines whose names contain those words.
    if (req.url === '/api/zw-bench/engines') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify((process.env.SEARCH_BENCH_ENGINES ?? '').split(',')));
    }
    const body = bodies.get(req.url?.split('/').pop() ?? '');
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(body ?? '{}');
  };
  const result = await runInBrowser<{
    recall: Record<string, unknown>[];
    rows: Record<string, unknown>[];
    queries: number;
    keystrokes: number;
  }>('bench/service-search.browser.ts', serve);
  console.log(`recall@3 over ${result.queries} queries of the relevance set:`);
  console.table(result.recall);
  console.log(
    `latency per keystroke (ms) over ${result.keystrokes} keystrokes (slow engines: every 4th / 12th at 10k / 50k), each after one untimed round:`,
  );
  return result.rows;
}

export const suites = [{ name: 'service-search (vs Fuse.js and MiniSearch)', run: search }];
