/**
 * Browser side of the rating delivery benchmark (see bench/rating.suite.ts). The top page is the "resident's
 * browser": it opens pages one after another as same-origin frames (each a real page load with its own copy of
 * the modules, sharing localStorage), and closes each at a random moment, often while requests are in flight —
 * a reload or a closed tab. Every page fetches through a path that fails 30% of requests, half of them before they
 * reach the server and half after the server has handled them (the answer is lost), with random delays.
 */
import { ZwConfig } from '../src/core/index.ts';
import { ZwRating } from '../src/rating/index.ts';
import { OUTBOX_STORAGE_KEY, pageOutbox } from '../src/core/outbox.ts';
import { prng } from '../api/server/prng.ts';

const TOTAL = 1000;
const FAIL = 0.3;

interface Stats {
  requests: number;
  failedBefore: number;
  failedAfter: number;
  replayed: number;
  rejected: number;
  pages: number;
  closedMidFlight: number;
  maxQueued: number;
}

type BenchWindow = Window & { benchStats?: Stats; benchRandom?: () => number };


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const queued = () => (JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]') as unknown[]).length;

export default async function run(): Promise<unknown> {
  const params = new URLSearchParams(location.search);
  if (params.has('page')) return page(params);
  return browser(Number(params.get('seed') ?? 20261123));
}

/** The top page: opens and closes pages until every rating is made, then one last page to deliver the rest. */
async function browser(seed: number) {
  const w = window as BenchWindow;
  const random = (w.benchRandom = prng(seed));
  const stats: Stats = (w.benchStats = {
    requests: 0,
    failedBefore: 0,
    failedAfter: 0,
    replayed: 0,
    rejected: 0,
    pages: 0,
    closedMidFlight: 0,
    maxQueued: 0,
  });
  const run = Math.floor(random() * 1e9).toString(36);
  const service = `BENCH-${run}`;
  const started = performance.now();
  let made = 0;
  while (made < TOTAL) {
    const count = Math.min(TOTAL - made, 5 + Math.floor(random() * 50));
    const frame = await open(`/?page=${stats.pages}&run=${run}&from=${made}&count=${count}`);
    // The page has made its ratings (each in the outbox before its first attempt); close it at a random moment.
    await waitFor(() => frame.dataset.made === 'yes');
    made += count;
    await sleep(random() * 150);
    stats.maxQueued = Math.max(stats.maxQueued, queued());
    if (queued() > 0) stats.closedMidFlight += 1;
    frame.remove();
  }
  const madeMs = performance.now() - started;
  // The resident comes back later: any page with <zw-config> delivers what is left.
  const last = await open(`/?page=last&run=${run}&from=0&count=0`);
  await waitFor(() => queued() === 0, 300_000);
  last.remove();
  const deliveredMs = performance.now() - started;
  const summary = (await (await fetch(`/api/v1/ratings/summary?service=${service}`)).json()) as { count: number };
  return {
    service,
    made,
    stored: summary.count,
    ...stats,
    madeMs: Math.round(madeMs),
    deliveredMs: Math.round(deliveredMs),
  };
}

async function open(url: string): Promise<HTMLIFrameElement> {
  const w = window as BenchWindow;
  w.benchStats!.pages += 1;
  const frame = document.createElement('iframe');
  frame.src = url;
  document.body.append(frame);
  return frame;
}

async function waitFor(done: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) throw new Error('benchmark stalled');
    await sleep(10);
  }
}

/** One page of the portal: a flaky network, then `count` residents rating their cases. */
async function page(params: URLSearchParams) {
  const top = window.parent as BenchWindow;
  const stats = top.benchStats!;
  const random = top.benchRandom!;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    stats.requests += 1;
    await sleep(random() * 30);
    const roll = random();
    if (roll < FAIL / 2) {
      stats.failedBefore += 1;
      throw new TypeError('Failed to fetch');
    }
    const response = await realFetch(input, init);
    if (roll < FAIL) {
      stats.failedAfter += 1;
      await response.arrayBuffer();
      throw new TypeError('network changed');
    }
    if (response.headers.get('Idempotent-Replayed') === 'true') stats.replayed += 1;
    return response;
  };
  // Short retry delays keep the run short; the logic is the one residents get.
  const outbox = pageOutbox({ retryBaseMs: 50, retryCapMs: 1000 });
  outbox.subscribe((o) => {
    if (o.state === 'rejected') stats.rejected += 1;
  });

  const config = document.createElement('zw-config');
  if (!(config instanceof ZwConfig)) throw new Error('zw-config is not defined');
  document.body.append(config);
  const run = params.get('run')!;
  const from = Number(params.get('from'));
  const count = Number(params.get('count'));
  for (let i = from; i < from + count; i++) {
    const el = document.createElement('zw-rating') as ZwRating;
    if (!(el instanceof ZwRating)) throw new Error('zw-rating is not defined');
    el.setAttribute('case', `B-${run}-${i}`);
    el.setAttribute('service', `BENCH-${run}`);
    el.setAttribute('channel', 'kiosk');
    config.append(el);
    await rate(el, 1 + Math.floor(random() * 5));
  }
  (window.frameElement as HTMLElement).dataset.made = 'yes';
  return 'page done';
}

/** What a resident does: choose a level, tick a reason (needed for a 差评), press submit. */
async function rate(el: ZwRating, level: number): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  root.querySelector<HTMLInputElement>(`input[name=level][value="${level}"]`)!.click();
  await el.updateComplete;
  // The reasons come through the flaky network too: press 重试 until they are there.
  for (;;) {
    const box = root.querySelector<HTMLInputElement>('.rs input[type=checkbox]');
    if (box) {
      box.click();
      break;
    }
    root.querySelector<HTMLButtonElement>('.rs button')?.click();
    await sleep(20);
    await el.updateComplete;
  }
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}
