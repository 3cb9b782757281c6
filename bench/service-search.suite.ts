/**
 * Service search against Fuse.js, MiniSearch and FlexSearch (bench/service-search-engines.ts), on catalogues in
 * which every name is distinct (bench/service-search-data.ts): 1,000, 10,000 and 50,000 items made from the real
 * 广安区 names, each qualified by its county and department. Measured in Node and in headless Chromium: build time,
 * heap kept, per keystroke and per query p50/p95 (bench/service-search-measure.ts: medians of interleaved rounds,
 * so a loaded machine's pauses do not decide them); recall@3 on the real catalogue; and the element itself on a page
 * (the longest main-thread task, keystroke to results on screen).
 *
 * One suite per environment and size, so `npm run bench -- service-search` writes each result as it finishes and a
 * crash loses only its own suite; `npm run bench -- 'service-search node'` or `-- 'service-search chromium 10k'`
 * runs a part. SEARCH_BENCH_ENGINES=zhengwu,mini limits the engines (by name).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { createApp } from '../api/server/app.ts';
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { chromeArgs, findChrome } from '../scripts/find-chrome.js';
import { distinctCatalogue } from './service-search-data.ts';
import { engines } from './service-search-engines.ts';
import { measure, recall, type Clock, type Row } from './service-search-measure.ts';

const SIZES = [1000, 10_000, 50_000] as const;
const label = (n: number) => `${n / 1000}k`;
const only = (process.env.SEARCH_BENCH_ENGINES ?? '').split(',').filter(Boolean);
const chosen = () => engines.filter((e) => !only.length || only.some((o) => e.name.toLowerCase().includes(o)));

let real: Promise<Catalogue> | undefined;
const made = new Map<number, Catalogue>();

/** The catalogue the reference server's endpoint serves. */
function realCatalogue(): Promise<Catalogue> {
  real ??= (async () => {
    const { app, close } = await createApp({ simulatorSpeed: 0, alwaysOpen: true });
    try {
      return (await (await app.fetch(new Request('http://bench/api/v1/services/catalogue'))).json()) as Catalogue;
    } finally {
      await close();
    }
  })();
  return real;
}

async function catalogue(size: number): Promise<Catalogue> {
  if (!made.has(size)) made.set(size, distinctCatalogue(await realCatalogue(), size));
  return made.get(size)!;
}

/**
 * About how long each engine's timed searches may take at a size (SEARCH_BENCH_BUDGET_MS overrides): at 50,000 items
 * the slower engines would take most of an hour, so they are timed on fewer queries (see `measure`).
 */
export const budget = (size: number) =>
  Number(process.env.SEARCH_BENCH_BUDGET_MS) || (size >= 50_000 ? 30_000 : Infinity);

/** What the machine was doing: the load average (runnable processes, 2 cores) at the start and end of a suite. */
const load = () => loadavg()[0].toFixed(1);

function nodeClock(): Clock {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return {
    now: () => performance.now(),
    heap: () => process.memoryUsage().heapUsed,
    gc,
    breathe: () => new Promise((r) => setImmediate(r)),
  };
}

async function inNode(size: number): Promise<Row[]> {
  const c = await catalogue(size);
  const clock = nodeClock();
  const rows: Row[] = [];
  const start = load();
  for (const e of chosen()) rows.push(await measure('node', e, c, clock, budget(size)));
  const end = load();
  return rows.map((r) => ({ ...r, load: `${start}→${end}` }));
}

const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Serves `files` (bundled code, by path) and the page that runs `/entry.js`'s default export, cross-origin isolated;
 * `/api/zw-bench/catalogue/<size>` and `/api/v1/services/catalogue` answer the catalogue of `size` items.
 * Opens it in Chromium with a precise heap reading and `gc()`, and returns what the export resolved to.
 */
async function inChromium<T extends object>(
  files: Map<string, string>,
  size: number,
  search = '',
  trace = false,
): Promise<T & { trace?: Tasks }> {
  const body = JSON.stringify(await catalogue(size));
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script type="module">import run from '/entry.js'; run().then((r) => { window.__done = { ok: true, r }; }, (e) => { window.__done = { ok: false, r: String(e && e.stack || e) }; });</script></body></html>`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/zw-bench/catalogue/') || path === '/api/v1/services/catalogue') {
      res.writeHead(200, { 'Content-Type': 'application/json', ETag: `"${size}"`, ...ISOLATED });
      return res.end(body);
    }
    const code = files.get(path);
    if (code !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', ...ISOLATED });
      return res.end(code);
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...ISOLATED });
      return res.end(page);
    }
    res.writeHead(404, ISOLATED);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...chromeArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    headless: true,
    protocolTimeout: 1_800_000,
  });
  try {
    const tab = await browser.newPage();
    if (trace) await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await tab.goto(`http://127.0.0.1:${port}/${search}`);
    await tab.waitForFunction('window.__done', { timeout: 1_800_000, polling: 500 });
    const done = (await tab.evaluate('window.__done')) as { ok: boolean; r: T };
    if (!done.ok) throw new Error(`benchmark failed in the browser: ${done.r}`);
    if (!trace) return done.r;
    const events = (await tab.tracing.stop())!;
    if (process.env.SEARCH_BENCH_TRACE) (await import('node:fs')).writeFileSync(process.env.SEARCH_BENCH_TRACE, events);
    return { ...done.r, trace: mainThreadTasks(events) };
  } finally {
    await browser.close();
    server.close();
  }
}

interface Tasks {
  /** The page's main-thread tasks over 50 ms of wall time, and the longest by wall time and by CPU time. */
  over50ms: number;
  longestMs: number;
  longestCpuMs: number;
}

/**
 * The renderer main thread's tasks from a Chromium trace. Wall time (`dur`) is what a resident waits; CPU time
 * (`tdur`) is what the page's code cost, which a loaded machine does not stretch.
 */
function mainThreadTasks(trace: Uint8Array): Tasks {
  const { traceEvents } = JSON.parse(new TextDecoder().decode(trace)) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string; data?: { url?: string } };
    }[];
  };
  // The page's renderer: the process that requested the benchmark's own files (a browser has other renderers).
  const page = new Set(traceEvents.filter((e) => /127\.0\.0\.1/.test(e.args?.data?.url ?? '')).map((e) => e.pid));
  const main = traceEvents.filter(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && page.has(e.pid),
  );
  const threads = new Set(main.map((e) => `${e.pid}:${e.tid}`));
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`));
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10;
  return {
    over50ms: tasks.filter((t) => (t.dur ?? 0) > 50_000).length,
    longestMs: ms(Math.max(0, ...tasks.map((t) => t.dur ?? 0))),
    longestCpuMs: ms(Math.max(0, ...tasks.map((t) => t.tdur ?? 0))),
  };
}

/** `entry` bundled for the browser, split into chunks (so the search worker is a file of its own), by path. */
async function bundled(entry: string): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: { entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: '/out',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^\/out/, ''), f.text]));
}

async function chromiumRows(size: number): Promise<Row[]> {
  const start = load();
  const names = only.length ? `&engines=${only.join(',')}` : '';
  const rows = await inChromium<Row[]>(
    await bundled('bench/service-search.browser.ts'),
    size,
    `?size=${size}${names}&budget=${budget(size)}`,
  );
  const end = load();
  return rows.map((r) => ({ ...r, load: `${start}→${end}` }));
}

async function recallRows() {
  const c = await realCatalogue();
  return chosen().map((e) => recall(e, c));
}

/**
 * The element on a page at each size, with its search worker and — for comparison — with Worker taken away, so that
 * the page opens and searches the catalogue itself (what every page did before the worker).
 */
async function onThePage() {
  const files = await bundled('bench/service-search-page.ts');
  const rows = [];
  // SEARCH_BENCH_PAGE=10000:worker runs one case.
  const [onlySize, onlyMode] = (process.env.SEARCH_BENCH_PAGE ?? '').split(':');
  for (const size of SIZES.filter((n) => !onlySize || String(n) === onlySize)) {
    for (const worker of [true, false].filter((w) => !onlyMode || onlyMode === (w ? 'worker' : 'page'))) {
      const start = load();
      const { trace, ...r } = await inChromium<Record<string, unknown>>(
        files,
        size,
        `?size=${size}${worker ? '' : '&worker=0'}`,
        true,
      );
      rows.push({
        ...r,
        engineIn: worker ? 'worker' : 'page',
        tasksOver50ms: trace?.over50ms,
        longestTaskMs: trace?.longestMs,
        longestTaskCpuMs: trace?.longestCpuMs,
        load: `${start}→${load()}`,
      });
    }
  }
  return rows;
}

export const suites = [
  { name: 'service-search recall (real catalogue, Node)', run: recallRows },
  ...SIZES.map((n) => ({ name: `service-search node ${label(n)} distinct`, run: () => inNode(n) })),
  ...SIZES.map((n) => ({ name: `service-search chromium ${label(n)} distinct`, run: () => chromiumRows(n) })),
  { name: 'service-search page (the element in Chromium: main-thread tasks, keystroke to screen)', run: onThePage },
];
