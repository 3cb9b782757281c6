/**
 * The fault run: the reference server behind the faulty proxy, portal pages with the real widgets in headless
 * Chromium, and residents who rate cases and take online tickets while the path fails, pages reload, tabs close
 * and the device goes offline. Every page is sampled as it runs, and at the end the server's tables are counted
 * against what the residents did. `runFaultScenario` returns what it saw; test/fault/fault.test.ts asserts on it.
 *
 * A resident is a browser context of its own (its own localStorage: the outbox, the take attempt, the followed
 * ticket) with up to two tabs: a rating page (one to three `<zw-rating>`) and a queue page (`<zw-queue-status
 * allow-take>` for the resident's hall). The path alternates between degraded spells and healing; at each healing
 * every open queue card is timed until it is live and shows the hall as the server has it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { build } from 'esbuild';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { createApp, type ReferenceApp } from '../../api/server/app.ts';
import { prng } from '../../api/server/prng.ts';
import { HALLS } from '../../api/server/queue/halls.ts';
import { DEV_CASE_ID_SECRET, caseNumberOf, signCaseId } from '../../api/server/ratings/case-ids.ts';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.js';
import { STALL_MS } from '../../src/queue-status/live-feed.ts';
import { FAULT_KINDS, FaultyProxy, type Exchange, type FaultKind } from './faulty-proxy.ts';
import type { PageView } from './page.ts';

/**
 * A card may say 实时更新 only if live data (an event, a heartbeat, a snapshot answer) reached its page within the
 * window the widget declares for telling a stalled stream from a quiet one, plus 2 s for sampling.
 */
export const STALL_WINDOW_MS = STALL_MS + 2_000;
/** After healing, every open card must be live (实时更新) and show the hall as the server has it within this time. */
export const RECOVERY_MS = 10_000;

export interface FaultRunOptions {
  /** 1 for CI (60 ratings, 20 tickets); 5 for the long run (300 and 100). */
  scale?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** One breach of a rule, with what the resident saw and what the server held. */
export interface Violation {
  rule: string;
  page?: string;
  at: number;
  detail: string;
}

export interface Recovery {
  heal: number;
  page: string;
  /**
   * The page's event streams when the path healed: `stalled` (open and silent), `hung` (asked for and not answered:
   * held, or delayed), `open` (healthy), or `none`.
   */
  streamAtHeal: 'stalled' | 'hung' | 'open' | 'none';
  /** Milliseconds from healing to a live, correct card; null when it did not get there. */
  ms: number | null;
  /** What the card showed last, and the page's requests around the healing, when it did not recover in time. */
  last?: string;
  requests?: string[];
}

export interface FaultReport {
  seed: number;
  scale: number;
  durationMs: number;
  ratings: {
    made: number;
    stored: number;
    lost: number;
    doubled: number;
    resubmitted: number;
    lostCases: string[];
    leftInOutbox: number;
    /** For each lost case: when it was made, and every attempt the proxy saw (fault, server's status). */
    lostDetail: string[];
    /** For each device whose outbox was not empty at the end: its entries and Web Locks. */
    stuck: string[];
    /** Browsers restarted at the end because their outbox's Web Lock could not be had (see `outboxLockStuck`). */
    restarts: number;
    /** Ratings that reached the server only after such a restart. */
    deliveredAfterRestart: number;
  };
  tickets: { made: number; stored: number; lost: number; doubled: number; refused: number; detail: string[] };
  actions: { pageLoads: number; reloads: number; reloadsMidRequest: number; closes: number; closesMidRequest: number; offlineSpells: number; heals: number };
  requests: number;
  faults: Record<FaultKind, number>;
  violations: {
    pageErrors: Violation[];
    ratingTruth: Violation[];
    ticketTruth: Violation[];
    liveTruth: Violation[];
  };
  recoveries: Recovery[];
  /** Most event streams one page held open at once. */
  maxStreamsPerPage: number;
  /** The longest a card said 实时更新 after its page last received live data. */
  longestLiveWithoutDataMs: number;
}

interface Tab {
  kind: 'rate' | 'queue';
  page: Page;
  loads: number;
  url: string;
  /** Rating tab: the cases on the page. */
  cases: string[];
  offline: boolean;
  navigating: boolean;
  /** The last load got the page up. */
  ready: boolean;
  closed: boolean;
}

interface Intent {
  hall: string;
  /** The ticket the card showed for it, once it did. */
  number?: string;
  presses: number;
  refused?: string;
}

interface Resident {
  id: number;
  ctx: BrowserContext;
  random: () => number;
  hall: string;
  tabs: { rate?: Tab; queue?: Tab };
  /** Cases handed to this resident and not rated yet. */
  backlog: string[];
  intents: Intent[];
  /** Numbers of tickets this resident was shown, to tell a new one from an old one. */
  seen: Set<string>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `promise`, or an error saying `what` after `ms` (a step that never settles would otherwise end the run silently). */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Bundles test/fault/page.ts with src/ as a page loads it: one module per chunk, the on-demand parts split off. */
async function bundlePage(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: { page: 'test/fault/page.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'fault-js',
    write: false,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((f) => [basename(f.path), f.text]));
}

function portalPage(kind: 'rate' | 'queue', params: URLSearchParams): string {
  const attr = (v: string) => v.replace(/[^A-Za-z0-9_.-]/g, '');
  const body =
    kind === 'rate'
      ? (params.get('cases') ?? '')
          .split(',')
          .filter(Boolean)
          .map((c) => `<zw-rating case="${attr(c)}" service="${attr(params.get('service') ?? '')}" channel="pc"></zw-rating>`)
          .join('\n')
      : `<zw-queue-status hall="${attr(params.get('hall') ?? '')}" allow-take interval="${attr(params.get('interval') ?? '3')}"></zw-queue-status>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>区政务服务网</title>
<script type="module" src="/js/page.js"></script></head><body><main><zw-config>
${body}
</zw-config></main></body></html>`;
}

function streamState(open: Exchange[]): Recovery['streamAtHeal'] {
  if (open.some((x) => x.fault === 'stream-stall' && x.opened)) return 'stalled';
  // Asked for and not answered (held, or delayed): to the page, a hung connect.
  if (open.some((x) => !x.opened)) return 'hung';
  return open.length ? 'open' : 'none';
}

/** `resident/tab/load` of a page URL, the key the proxy files a page's requests under. */
function pageKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const q = new URL(url).searchParams;
    return q.has('r') ? `${q.get('r')}/${q.get('t')}/${q.get('l')}` : undefined;
  } catch {
    return undefined;
  }
}

export async function runFaultScenario(options: FaultRunOptions = {}): Promise<FaultReport> {
  const started = Date.now();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 20261123;
  const say = options.log ?? (() => undefined);
  const log = (line: string) => say(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);
  const random = prng(seed);
  const run = Math.floor(random() * 36 ** 5).toString(36);
  const service = `FAULT-${run}`;
  const totals = { ratings: 60 * scale, tickets: 20 * scale };
  const residentCount = scale > 1 ? 6 : 4;
  /** Spread the work over this long, so that it meets several degraded spells and healings. */
  const activeMs = 45_000 * scale;
  /** Degraded spells: at least `min`; in CI at most `max`, after which what is left is made on a healed path. */
  const spell = { faultyMs: 12_000, healthyMs: 3_000, min: 3, max: scale > 1 ? Infinity : 3 };
  /**
   * How long a card is watched after healing: long enough for a figure in the long run; in CI a little past the
   * budget, and only just past it for a card whose stream the path left dead (past the budget is a failure either way).
   */
  const recoveryCapMs = (dead: boolean) => (scale > 1 ? 60_000 : RECOVERY_MS + (dead ? 1_000 : 5_000));
  /** When the residents start (after the server, the bundle and the browser are up). */
  let active = Infinity;

  const report: FaultReport = {
    seed,
    scale,
    durationMs: 0,
    ratings: { made: 0, stored: 0, lost: 0, doubled: 0, resubmitted: 0, lostCases: [], leftInOutbox: 0, lostDetail: [], stuck: [], restarts: 0, deliveredAfterRestart: 0 },
    tickets: { made: 0, stored: 0, lost: 0, doubled: 0, refused: 0, detail: [] },
    actions: { pageLoads: 0, reloads: 0, reloadsMidRequest: 0, closes: 0, closesMidRequest: 0, offlineSpells: 0, heals: 0 },
    requests: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    violations: { pageErrors: [], ratingTruth: [], ticketTruth: [], liveTruth: [] },
    recoveries: [],
    maxStreamsPerPage: 0,
    longestLiveWithoutDataMs: 0,
  };

  // The reference server as a district runs it, signed case ids required (the residents' case ids are signed with
  // the development secret, as the issuing system would sign them), but with the per-client limits raised: one
  // address makes everything here. The simulator is driven from here.
  const ref: ReferenceApp = await within(
    120_000,
    'the reference server did not start',
    createApp({
      simulatorSpeed: 0,
      alwaysOpen: true,
      onlineQuota: 100_000,
      limits: { ratingsPerMinute: 1_000_000, takesPerMinute: 1_000_000, takeShare: 1, takesPerDevice: 1_000_000, lookupsPerMinute: 1_000_000 },
    }),
  );
  const upstream: ServerType = serve({ fetch: ref.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (upstream.listening ? resolve() : upstream.once('listening', () => resolve())));
  const upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  const scripts = await within(120_000, 'the pages were not bundled', bundlePage());
  const site = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const script = url.pathname.startsWith('/js/') ? scripts.get(url.pathname.slice(4)) : undefined;
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      return res.end(script);
    }
    if (url.pathname === '/portal/blank') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>区政务服务网</title></head><body></body></html>');
    }
    if (url.pathname === '/portal/rate' || url.pathname === '/portal/queue') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(portalPage(url.pathname === '/portal/rate' ? 'rate' : 'queue', url.searchParams));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const proxy = new FaultyProxy({ upstream: upstreamOrigin, seed: seed ^ 0x5eed, site, pageOf: (req) => pageKey(req.headers.referer) });
  const origin = await proxy.start();
  log(`fault run ${run}: seed ${seed}, scale ${scale}, proxy ${origin} → ${upstreamOrigin}`);

  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome or Chromium found (set CHROME_PATH).');
  const browser: Browser = await puppeteer.launch({ executablePath, args: chromeArgs, headless: true, protocolTimeout: 60_000 });

  // What the residents made: the cases they submitted, their take intents.
  const made = new Map<string, { resident: number; level: number; at: number }>();
  const uncertain = new Set<string>();
  let casesIssued = 0;
  let ticketsMade = 0;
  let recovering = false;
  let queueActions = 0;
  let stopping = false;
  const residents: Resident[] = [];

  /** Each breach once (per rule, page and subject), however many samples see it. */
  const breached = new Set<string>();
  const violation = (list: Violation[], v: Violation, subject = v.detail) => {
    const id = `${v.rule} ${v.page} ${subject}`;
    if (breached.has(id)) return;
    breached.add(id);
    list.push(v);
    if (list.length <= 20) log(`  ✗ ${v.rule} ${v.page ?? ''} ${v.detail.split('\n')[0]}`);
  };

  // Claims the pages made, checked against the database.
  const ratingClaims = new Map<string, { page: string; msg: string; at: number }>();
  const verifiedRatings = new Set<string>();
  const ticketClaims = new Map<string, { resident: number; hall: string; number: string; page: string; at: number }>();
  const verifiedTickets = new Set<string>();
  const liveEpisodes = new Map<string, Violation & { samples: number }>();

  const paced = (done: number, total: number) => done < Math.min(total, total * (Math.max(0, Date.now() - active) / activeMs) + 2);

  // ---- tabs ---------------------------------------------------------------------------------------------------

  /** A new tab (the resident opens the portal again), loaded with `cases` on a rating page. */
  async function open(r: Resident, kind: 'rate' | 'queue', cases: string[] = []): Promise<Tab> {
    // A window of its own: both of a resident's pages stay visible (a background tab pauses its queue card).
    const page = await r.ctx.newPage({ type: 'window' });
    const tab: Tab = { kind, page, loads: 1, url: '', cases, offline: false, navigating: false, ready: false, closed: false };
    await page.exposeFunction('zwReport', (json: string) => onReport(tab, json));
    page.on('pageerror', (error) => pageError(pageKey(page.url()), 'pageerror', String((error as Error).stack ?? error)));
    page.on('close', () => (tab.closed = true));
    r.tabs[kind] = tab;
    await navigate(tab, urlFor(r, tab, cases));
    return tab;
  }

  /** Uncaught errors and unhandled rejections (each may come both from the page's listener and from CDP). */
  const recentErrors = new Map<string, number>();
  function pageError(page: string | undefined, rule: string, detail: string): void {
    const first = detail.split('\n')[0]!.replace(/^Uncaught (\(in promise\) )?/, '');
    const seen = recentErrors.get(`${page} ${first}`);
    recentErrors.set(`${page} ${first}`, Date.now());
    if (seen && Date.now() - seen < 2_000) return;
    violation(report.violations.pageErrors, { rule, page, at: Date.now(), detail });
  }

  function urlFor(r: Resident, tab: Pick<Tab, 'kind' | 'loads'>, cases: string[] = []): string {
    const q = new URLSearchParams({ r: String(r.id), t: tab.kind, l: String(tab.loads) });
    if (tab.kind === 'rate') {
      q.set('service', service);
      q.set('cases', cases.join(','));
    } else {
      q.set('hall', r.hall);
      q.set('interval', r.id % 2 ? '3' : '5');
    }
    return `${origin}/portal/${tab.kind}?${q}`;
  }

  async function navigate(tab: Tab, url: string): Promise<boolean> {
    tab.navigating = true;
    tab.url = url;
    try {
      await tab.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await tab.page.waitForFunction('window.zwFault', { timeout: 15_000 });
      report.actions.pageLoads += 1;
      return (tab.ready = true);
    } catch (error) {
      if (!tab.closed) log(`  (page load failed: ${String(error).split('\n')[0]})`);
      return (tab.ready = false);
    } finally {
      tab.navigating = false;
    }
  }

  /** A new load of the tab's page (a reload, or the next page of the portal). */
  async function load(r: Resident, tab: Tab, cases?: string[]): Promise<boolean> {
    // Offline, the browser would show its own error page instead of the portal: the resident waits instead.
    if (tab.offline || tab.closed) return false;
    tab.loads += 1;
    if (cases) tab.cases = cases;
    return navigate(tab, urlFor(r, tab, tab.cases));
  }

  async function ensureTab(r: Resident, kind: 'rate' | 'queue'): Promise<Tab> {
    const tab = r.tabs[kind];
    if (!tab || tab.closed) return open(r, kind);
    if (!tab.ready && !tab.navigating) await load(r, tab); // the last load failed: the resident tries again
    return tab;
  }

  async function evaluate<T>(tab: Tab, fn: string, timeoutMs = 5_000): Promise<T | undefined> {
    if (tab.closed || tab.navigating) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        tab.page.evaluate(fn) as Promise<T>,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs))),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The resident closes the tab (it counts as closed from this moment, not from when the browser confirms it). */
  async function closeTab(tab: Tab): Promise<void> {
    tab.closed = true;
    await tab.page.close().catch(() => undefined);
  }

  async function setOffline(tab: Tab, offline: boolean): Promise<void> {
    if (tab.closed || tab.offline === offline) return;
    tab.offline = offline;
    await tab.page.setOfflineMode(offline).catch(() => undefined);
  }

  // ---- what the pages say -------------------------------------------------------------------------------------

  function onReport(tab: Tab, json: string): void {
    const e = JSON.parse(json) as { type: string; at: number; caseId?: string; receiptCase?: string; message?: string; stack?: string };
    const page = pageKey(tab.page.url());
    if (e.type === 'error' || e.type === 'unhandledrejection') {
      pageError(page, e.type, `${e.message}\n${e.stack ?? ''}`);
    } else if (e.type === 'rating-sent' && e.caseId) {
      if (e.receiptCase !== caseNumberOf(e.caseId))
        violation(report.violations.ratingTruth, { rule: 'sent with a foreign receipt', page, at: e.at, detail: `${e.caseId} got a receipt for ${e.receiptCase}` });
      if (!ratingClaims.has(e.caseId)) ratingClaims.set(e.caseId, { page: page ?? '', msg: 'zw-rating-sent', at: e.at });
    }
  }

  async function sampleTab(r: Resident, tab: Tab): Promise<void> {
    const at = Date.now();
    const view = await evaluate<PageView>(tab, 'window.zwFault.sample()', 3_000);
    if (!view) return;
    const page = pageKey(tab.page.url()) ?? '';
    for (const v of view.ratings) {
      if (/^(提交成功|该办件已评价)/.test(v.msg) && !ratingClaims.has(v.caseId)) ratingClaims.set(v.caseId, { page, msg: v.msg, at });
      // A reload must never invite a second rating of a case the resident submitted.
      if (v.form && made.has(v.caseId) && v.msg !== '正在提交…')
        violation(
          report.violations.ratingTruth,
          {
            rule: 'form offered again',
            page,
            at,
            detail: `${v.caseId} was submitted at ${new Date(made.get(v.caseId)!.at).toISOString()} and the page shows the form again (${v.msg || 'no message'})`,
          },
          v.caseId,
        );
    }
    const q = view.queue;
    if (!q) return;
    report.maxStreamsPerPage = Math.max(report.maxStreamsPerPage, proxy.openStreams(page).length);
    if (q.freshness === '实时更新') {
      const last = proxy.lastFeed(page);
      const age = last === undefined ? Infinity : at - last;
      report.longestLiveWithoutDataMs = Math.max(report.longestLiveWithoutDataMs, age);
      const open = liveEpisodes.get(page);
      if (age > STALL_WINDOW_MS) {
        if (open && at - open.at < 60_000) {
          open.samples += 1;
          open.detail = `实时更新 shown with no data for ${Math.round(age / 1000)} s (${open.samples} samples since ${new Date(open.at).toISOString()})`;
        } else {
          const v = { rule: '实时更新 without data', page, at, detail: `no data for ${age === Infinity ? 'ever' : `${Math.round(age / 1000)} s`}`, samples: 1 };
          liveEpisodes.set(page, v);
          violation(report.violations.liveTruth, v);
        }
      } else liveEpisodes.delete(page);
    }
    if (q.mine) {
      const claim = `${q.hall}/${q.mine}`;
      if (!ticketClaims.has(claim)) ticketClaims.set(claim, { resident: r.id, hall: q.hall, number: q.mine, page, at });
      // The resident's open intent is fulfilled by a ticket it has not been shown before.
      const intent = r.intents.at(-1);
      if (intent && !intent.number && intent.hall === q.hall && !r.seen.has(q.mine)) intent.number = q.mine;
      r.seen.add(q.mine);
    }
  }

  /** Checks every claim made since the last round against the database. */
  async function verifyClaims(): Promise<void> {
    const cases = [...ratingClaims.keys()].filter((c) => !verifiedRatings.has(c));
    if (cases.length) {
      const { rows } = await ref.db.query<{ case_id: string }>('SELECT case_id FROM ratings WHERE case_id = ANY($1::text[])', [cases.map(caseNumberOf)]);
      const stored = new Set(rows.map((row) => row.case_id));
      for (const c of cases) {
        verifiedRatings.add(c);
        if (!stored.has(caseNumberOf(c))) {
          const claim = ratingClaims.get(c)!;
          violation(report.violations.ratingTruth, { rule: 'shown as sent, not stored', page: claim.page, at: claim.at, detail: `${c}: the page said "${claim.msg}" and the server has no rating of it` });
        }
      }
    }
    const claims = [...ticketClaims.entries()].filter(([k]) => !verifiedTickets.has(k));
    for (const [k, claim] of claims) {
      verifiedTickets.add(k);
      const { rows } = await ref.db.query<{ idempotency_key: string }>('SELECT idempotency_key FROM online_tickets WHERE hall_id = $1 AND number = $2', [claim.hall, claim.number]);
      const key = rows[0]?.idempotency_key;
      const sender = key && proxy.exchanges.find((x) => x.key === key)?.page?.split('/')[0];
      if (!key) violation(report.violations.ticketTruth, { rule: 'ticket shown, not stored', page: claim.page, at: claim.at, detail: `${claim.hall} ${claim.number} is shown as the resident's ticket and the server issued no online ticket of that number` });
      else if (sender !== String(claim.resident))
        violation(report.violations.ticketTruth, { rule: "another resident's ticket", page: claim.page, at: claim.at, detail: `${claim.hall} ${claim.number} was issued for a request of resident ${sender}` });
    }
  }

  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const round = Date.now();
      await Promise.all(residents.flatMap((r) => Object.values(r.tabs).filter((t) => t && !t.closed).map((t) => sampleTab(r, t!))));
      await verifyClaims().catch((e: unknown) => log(`  (claim check failed: ${String(e)})`));
      await sleep(Math.max(50, 400 - (Date.now() - round)));
    }
  })();

  let ticking = true;
  const ticker = (async () => {
    while (ticking) {
      await sleep(1_500);
      if (!recovering) ref.simulator.tick();
    }
  })();

  // ---- what residents do --------------------------------------------------------------------------------------

  async function rateStep(r: Resident): Promise<void> {
    let tab = r.tabs.rate && !r.tabs.rate.closed ? r.tabs.rate : undefined;
    if (tab && !tab.ready) {
      await load(r, tab); // the last load failed: the resident tries again first
      return;
    }
    let todo = tab ? tab.cases.filter((c) => !made.has(c) && !uncertain.has(c)) : [];
    if (!todo.length) {
      if (tab?.offline) return; // the portal's next page cannot load offline; come back later
      // The next page of the portal: one to three cases, the resident's leftovers first.
      while (r.backlog.length < 1 + Math.floor(r.random() * 3) && casesIssued < totals.ratings && paced(casesIssued, totals.ratings))
        r.backlog.push(signCaseId(`F${run}-${r.id}-${++casesIssued}`, DEV_CASE_ID_SECRET));
      if (!r.backlog.length) return;
      const cases = r.backlog.splice(0, 3);
      const loaded = tab ? await load(r, tab, cases) : (tab = await open(r, 'rate', cases)).ready;
      if (!loaded) {
        r.backlog.unshift(...cases);
        return;
      }
      todo = cases;
    }
    const caseId = todo[0]!;
    const level = 1 + Math.floor(r.random() * 5);
    const result = await evaluate<string>(tab!, `window.zwFault.rate(${JSON.stringify(caseId)}, ${level}, 8000)`, 12_000);
    if (result === 'submitted') {
      made.set(caseId, { resident: r.id, level, at: Date.now() });
      // Leave at once, often while the request is on its way: a reload, the next page, or the tab closed.
      const roll = r.random();
      if (roll < 0.2) {
        report.actions.reloads += 1;
        report.actions.reloadsMidRequest += 1;
        await load(r, tab!);
      } else if (roll < 0.26) {
        report.actions.closes += 1;
        report.actions.closesMidRequest += 1;
        await closeTab(tab!);
      }
    } else if (result === undefined) {
      // The page did not answer: the outbox says whether the click landed; without an answer, the end does.
      const view = await evaluate<PageView>(tab!, 'window.zwFault.sample()');
      if (view?.outbox.includes(caseId)) made.set(caseId, { resident: r.id, level, at: Date.now() });
      else if (!view) uncertain.add(caseId);
    }
    // 'no-form' / 'no-reasons' / 'not-stored': the case stays on the page, to be tried again.
    const left = tab!.cases.filter((c) => !made.has(c) && !uncertain.has(c) && c !== caseId);
    if (tab!.closed) r.backlog.unshift(...left);
  }

  async function takeStep(r: Resident): Promise<void> {
    if (recovering) return;
    queueActions += 1;
    try {
      const tab = await ensureTab(r, 'queue');
      const view = await evaluate<PageView>(tab, 'window.zwFault.sample()');
      const q = view?.queue;
      if (!q) return;
      const open = r.intents.at(-1);
      if (open && !open.number) {
        // Not confirmed yet: when the form says the attempt is open, press 取号 again (the same attempt).
        if (q.takeForm && q.takeError && !q.takeBusy) {
          if (/名额已用完|不在办公时间/.test(q.takeError)) open.refused = q.takeError;
          else if ((await evaluate<string>(tab, `window.zwFault.take(${Math.floor(r.random() * 6)})`)) === 'pressed') open.presses += 1;
        }
        return;
      }
      if (!paced(ticketsMade, totals.tickets) || !q.shown) return;
      // Counted at once, so that residents taking at the same moment do not overshoot.
      ticketsMade += 1;
      if (q.mine) {
        await evaluate(tab, 'window.zwFault.forget()');
        await sleep(300);
      }
      // The intent is written down before the press, so that its ticket is never taken for an old one when the
      // page shows it at once.
      const intent: Intent = { hall: r.hall, presses: 1 };
      r.intents.push(intent);
      let pressed = await evaluate<string>(tab, `window.zwFault.take(${Math.floor(r.random() * 6)})`);
      // No answer from the page: the stored attempt says whether the press landed.
      if (pressed === undefined && (await evaluate<PageView>(tab, 'window.zwFault.sample()'))?.queue?.attempt) pressed = 'pressed';
      if (pressed !== 'pressed') {
        r.intents.splice(r.intents.indexOf(intent), 1);
        ticketsMade -= 1;
      } else {
        // Sometimes the resident leaves at once.
        const roll = r.random();
        if (roll < 0.15) {
          report.actions.reloads += 1;
          report.actions.reloadsMidRequest += 1;
          await load(r, tab);
        } else if (roll < 0.2) {
          report.actions.closes += 1;
          report.actions.closesMidRequest += 1;
          await closeTab(tab);
        }
      }
    } finally {
      queueActions -= 1;
    }
  }

  async function disruptStep(r: Resident): Promise<void> {
    const tabs = Object.values(r.tabs).filter((t): t is Tab => !!t && !t.closed && !t.navigating && !(recovering && t.kind === 'queue'));
    if (!tabs.length) return;
    const tab = tabs[Math.floor(r.random() * tabs.length)]!;
    const roll = r.random();
    if (roll < 0.45) {
      if (tab.offline) return;
      report.actions.reloads += 1;
      await load(r, tab);
    } else if (roll < 0.65) {
      report.actions.closes += 1;
      r.backlog.unshift(...tab.cases.filter((c) => !made.has(c) && !uncertain.has(c)));
      await closeTab(tab);
    } else if (!tab.offline) {
      report.actions.offlineSpells += 1;
      await setOffline(tab, true);
      const ms = 1_000 + r.random() * 4_000;
      setTimeout(() => void setOffline(tab, false), ms);
    }
  }

  async function resident(r: Resident): Promise<void> {
    while (!stopping) {
      await sleep(150 + r.random() * 600);
      const roll = r.random();
      try {
        const ratingsLeft = made.size + uncertain.size < totals.ratings;
        const ticketsLeft = ticketsMade < totals.tickets || !!(r.intents.at(-1) && !r.intents.at(-1)!.number);
        if (roll < 0.6) await (ratingsLeft ? rateStep(r) : ticketsLeft ? takeStep(r) : undefined);
        else if (roll < 0.85) await (ticketsLeft ? takeStep(r) : ratingsLeft ? rateStep(r) : undefined);
        else if (ratingsLeft || ticketsLeft) await disruptStep(r);
      } catch (error) {
        if (!stopping) log(`  (resident ${r.id}: ${String(error).split('\n')[0]})`);
      }
    }
  }

  // ---- healing and recovery -----------------------------------------------------------------------------------

  async function snapshotOf(hall: string): Promise<{ updatedAt: string; waiting: number[] }> {
    const s = (await (await fetch(`${upstreamOrigin}/api/v1/halls/${hall}/snapshot`)).json()) as {
      updatedAt: string;
      categories: { waiting: number }[];
    };
    return { updatedAt: s.updatedAt, waiting: s.categories.map((c) => c.waiting) };
  }

  /** The page's requests from 20 s before the healing on, in words, for the report of a card that was slow. */
  function diagnosis(page: string, healedAt: number): { requests: string[] } {
    const line = (x: Exchange) =>
      `${((x.at - healedAt) / 1000).toFixed(1)} s ${x.method} ${x.path.replace(/^\/api\/v1/, '')}${x.fault ? ` ${x.fault}${x.stage ? ` ${x.stage}` : ''}${x.detail ? ` (${x.detail})` : ''}` : ''}${x.upstreamStatus ? ` → ${x.upstreamStatus}` : ''}`;
    return { requests: proxy.history(page, healedAt - 20_000).map(line) };
  }

  /** Heals the path (and the devices' network), then times every open card until it is live and correct. */
  async function heal(n: number): Promise<void> {
    recovering = true;
    // Queue-tab actions and loads already under way finish first (a card is timed from a settled page).
    const busy = () => queueActions > 0 || residents.some((r) => r.tabs.queue?.navigating);
    for (let i = 0; busy() && i < 600; i++) await sleep(50);
    proxy.heal();
    await Promise.all(residents.flatMap((r) => Object.values(r.tabs).map((t) => t && setOffline(t, false))));
    report.actions.heals += 1;
    const healedAt = Date.now();
    ref.simulator.tick();
    // The cards on screen (a page whose last load failed shows the browser's error page, not a card).
    const cards = residents.flatMap((r) => (r.tabs.queue && !r.tabs.queue.closed && r.tabs.queue.ready ? [r.tabs.queue] : []));
    const pending = new Set(cards);
    const last = new Map<Tab, string>();
    const atHeal = new Map(cards.map((tab) => [tab, streamState(proxy.openStreams(pageKey(tab.page.url()) ?? ''))]));
    const watched = () => [...pending].some((tab) => Date.now() - healedAt < recoveryCapMs(atHeal.get(tab) === 'stalled' || atHeal.get(tab) === 'hung'));
    while (pending.size && watched()) {
      const expected = new Map(await Promise.all(HALLS.map(async (h) => [h.id, await snapshotOf(h.id)] as const)));
      await Promise.all(
        [...pending].map(async (tab) => {
          // A card whose tab is gone is not timed (nothing in this run closes one while cards are timed).
          if (tab.closed) return void pending.delete(tab);
          const hall = new URL(tab.url).searchParams.get('hall')!;
          const view = await evaluate<PageView>(tab, 'window.zwFault.sample()', 2_000);
          const correct = await evaluate<boolean>(tab, `window.zwFault.shows(${JSON.stringify(expected.get(hall))})`, 2_000);
          last.set(
            tab,
            tab.closed
              ? 'the tab was closed'
              : tab.navigating
                ? 'the page was loading'
                : !view
                  ? 'the page did not answer'
                  : !view.queue?.shown
                    ? 'the card had no hall to show yet'
                    : `${view.queue.freshness} · ${view.queue.meta}`,
          );
          if (view?.queue?.freshness === '实时更新' && correct) {
            const ms = Date.now() - healedAt;
            const page = pageKey(tab.page.url()) ?? '';
            report.recoveries.push({ heal: n, page, streamAtHeal: atHeal.get(tab)!, ms, ...(ms > RECOVERY_MS ? diagnosis(page, healedAt) : {}) });
            pending.delete(tab);
          }
        }),
      );
      await sleep(250);
    }
    for (const tab of pending) {
      const page = pageKey(tab.page.url()) ?? '';
      report.recoveries.push({ heal: n, page, streamAtHeal: atHeal.get(tab)!, ms: null, last: last.get(tab), ...diagnosis(page, healedAt) });
    }
    const times = report.recoveries.filter((x) => x.heal === n).map((x) => `${x.ms === null ? '—' : `${(x.ms / 1000).toFixed(1)} s`}${x.streamAtHeal === 'open' ? '' : ` (${x.streamAtHeal})`}`);
    log(`heal ${n}: ${cards.length} cards, recovered in ${times.join(', ') || 'n/a'}`);
    recovering = false;
  }

  // ---- the run ------------------------------------------------------------------------------------------------

  try {
    for (let id = 0; id < residentCount; id++) {
      const r: Resident = {
        id,
        ctx: await browser.createBrowserContext(),
        random: prng(seed + 1 + id),
        hall: HALLS[id % HALLS.length]!.id,
        tabs: {},
        backlog: [],
        intents: [],
        seen: new Set(),
      };
      residents.push(r);
      await ensureTab(r, 'queue');
    }
    active = Date.now();
    const loops = residents.map((r) => resident(r));
    const done = () => made.size + uncertain.size >= totals.ratings && ticketsMade >= totals.tickets;
    for (let n = 1; n <= spell.max && !(n > spell.min && done()); n++) {
      proxy.degrade();
      log(`degraded ${n}: ${made.size}/${totals.ratings} ratings, ${ticketsMade}/${totals.tickets} tickets made`);
      await sleep(spell.faultyMs);
      await heal(n);
      await sleep(spell.healthyMs);
    }
    const until = Date.now() + 120_000;
    if (!done()) log(`healed: ${made.size}/${totals.ratings} ratings, ${ticketsMade}/${totals.tickets} tickets made, the rest on a healed path`);
    while (!done() && Date.now() < until) await sleep(250);
    stopping = true;
    await Promise.all(loops);
    await heal(0);

    const left = new Map<number, string[]>();
    const stuck: string[] = [];
    /** Cases still in an outbox when its browser was restarted. */
    const heldUntilRestart = new Set<string>();
    let restarts = 0;

    /** The resident closes the browser and opens it again: the same storage, a fresh lock manager. */
    async function restart(r: Resident): Promise<void> {
      const from = (Object.values(r.tabs) as (Tab | undefined)[]).find((t) => t && !t.closed);
      const saved = from && (await evaluate<Record<string, string>>(from, 'window.zwFault.storage()'));
      if (!saved) return;
      restarts += 1;
      await r.ctx.close().catch(() => undefined);
      r.tabs = {};
      r.ctx = await browser.createBrowserContext();
      const page = await r.ctx.newPage({ type: 'window' });
      await page.goto(`${origin}/portal/blank`);
      await page.evaluate((items: Record<string, string>) => {
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      }, saved);
      await page.close();
    }

    /** Waits until the resident's outbox is empty; false when its Web Lock is stuck (or time runs out). */
    async function delivered(r: Resident, tab: Tab, ms: number): Promise<boolean> {
      const until = Date.now() + ms;
      let count = -1;
      let since = Date.now();
      while (Date.now() < until) {
        const view = await evaluate<PageView>(tab, 'window.zwFault.sample()');
        left.set(r.id, view?.outbox ?? left.get(r.id) ?? []);
        if (view && view.outbox.length === 0) return true;
        if (view && view.outbox.length !== count) [count, since] = [view.outbox.length, Date.now()];
        if (Date.now() - since > 8_000 && (await evaluate<boolean>(tab, 'window.zwFault.outboxLockStuck()'))) return false;
        await sleep(500);
      }
      return false;
    }
    // The residents come back with the network healed: any portal page delivers what the outbox holds, and the
    // queue page finishes an open take attempt (pressing 取号 again if the form asks for it).
    await Promise.all(
      residents.map(async (r) => {
        const tab = r.tabs.rate && !r.tabs.rate.closed ? r.tabs.rate : await open(r, 'rate');
        if (tab.loads > 1 || tab.cases.length) await load(r, tab, []);
        if (!(await delivered(r, tab, 45_000)) && left.get(r.id)?.length) {
          // Every page of the resident says what it holds, to find the one that keeps the outbox back.
          const pages = (Object.values(r.tabs) as (Tab | undefined)[]).filter((t): t is Tab => !!t && !t.closed);
          const states = await Promise.all(pages.map(async (t) => (await evaluate<string>(t, 'window.zwFault.outboxState()')) ?? `${t.url}: the page did not answer`));
          // And the resident's requests around the oldest rating still waiting.
          const first = made.get(left.get(r.id)![0]!)?.at ?? Date.now();
          const around = proxy.exchanges
            .filter((x) => x.page?.startsWith(`${r.id}/`) && x.at > first - 15_000 && x.at < first + 30_000)
            .map((x) => `${((x.at - first) / 1000).toFixed(1)} s [${x.page}] ${x.method} ${x.path.replace(/^\/api\/v1/, '')} ${x.fault ?? ''}${x.stage ? ` ${x.stage}` : ''} → ${x.upstreamStatus ?? '-'}`);
          stuck.push(`resident ${r.id}:\n  ${states.join('\n  ')}\n  requests around the oldest waiting rating:\n    ${around.join('\n    ')}`);
          if (await evaluate<boolean>(tab, 'window.zwFault.outboxLockStuck()')) {
            for (const c of left.get(r.id)!) heldUntilRestart.add(c);
            await restart(r);
            await delivered(r, await open(r, 'rate'), 30_000);
          }
        }
        const intent = r.intents.at(-1);
        if (intent && !intent.number && !intent.refused) {
          const fresh = !r.tabs.queue || r.tabs.queue.closed;
          const queue = await ensureTab(r, 'queue');
          if (!fresh) await load(r, queue); // loading the page again resumes the stored attempt
          const deadline = Date.now() + 45_000;
          while (Date.now() < deadline && !intent.number) {
            await sleep(1_000);
            const q = (await evaluate<PageView>(queue, 'window.zwFault.sample()'))?.queue;
            // Answered: the card follows a ticket and no attempt is left open.
            if (q?.mine && !q.attempt) intent.number = q.mine;
            else if (q?.takeForm && q.takeError && !q.takeBusy && (await evaluate<string>(queue, 'window.zwFault.take(0)')) === 'pressed') intent.presses += 1;
          }
        }
      }),
    );
    await sleep(1_000);
    sampling = false;
    ticking = false;
    await Promise.all([sampler, ticker]);
    await verifyClaims();

    // ---- the count --------------------------------------------------------------------------------------------
    const { rows: ratingRows } = await ref.db.query<{ case_id: string; n: number }>(
      'SELECT case_id, count(*)::int AS n FROM ratings WHERE service_code = $1 GROUP BY case_id',
      [service],
    );
    // The server keeps a case by its number, without the signature.
    const stored = new Map(ratingRows.map((row) => [row.case_id, Number(row.n)]));
    // A case whose submit did not report back counts as made when the server has it or an outbox still holds it.
    const waiting = new Set([...left.values()].flat());
    for (const c of uncertain) if ((stored.has(caseNumberOf(c)) || waiting.has(c)) && !made.has(c)) made.set(c, { resident: -1, level: 0, at: 0 });
    const lostCases = [...made.keys()].filter((c) => !stored.has(caseNumberOf(c)));
    const madeNumbers = new Set([...made.keys()].map(caseNumberOf));
    const keysPerCase = new Map<string, Set<string>>();
    for (const x of proxy.exchanges) {
      const caseId = (x.body as { caseId?: string } | undefined)?.caseId;
      if (x.method === 'POST' && x.path === '/api/v1/ratings' && caseId && x.key) keysPerCase.set(caseId, (keysPerCase.get(caseId) ?? new Set()).add(x.key));
    }
    report.ratings = {
      made: made.size,
      stored: ratingRows.reduce((sum, row) => sum + Number(row.n), 0),
      lost: lostCases.length,
      doubled: ratingRows.reduce((sum, row) => sum + Number(row.n) - 1, 0) + [...stored.keys()].filter((c) => !madeNumbers.has(c)).length,
      resubmitted: [...keysPerCase.values()].filter((keys) => keys.size > 1).length,
      lostCases,
      leftInOutbox: waiting.size,
      stuck,
      restarts,
      deliveredAfterRestart: [...heldUntilRestart].filter((c) => stored.has(caseNumberOf(c))).length,
      lostDetail: lostCases.map((c) => {
        const m = made.get(c)!;
        const attempts = proxy.exchanges
          .filter((x) => x.method === 'POST' && (x.body as { caseId?: string } | undefined)?.caseId === c)
          .map((x) => `${((x.at - m.at) / 1000).toFixed(1)} s [${x.page}] ${x.fault ? `${x.fault}${x.stage ? ` ${x.stage}` : ''}${x.detail ? ` (${x.detail})` : ''}` : 'no fault'} → ${x.upstreamStatus ?? 'not at the server'}`);
        return `${c}: made by resident ${m.resident}${waiting.has(c) ? ', still in its outbox at the end' : ''}; ${attempts.length} attempts: ${attempts.join('; ') || 'none'}`;
      }),
    };

    const { rows: ticketRows } = await ref.db.query<{ hall_id: string; number: string; idempotency_key: string }>(
      'SELECT hall_id, number, idempotency_key FROM online_tickets',
    );
    const senderOf = new Map<string, string>();
    for (const x of proxy.exchanges) if (x.key && x.page && !senderOf.has(x.key)) senderOf.set(x.key, x.page.split('/')[0]!);
    let lost = 0;
    let doubled = 0;
    const detail: string[] = [];
    for (const r of residents) {
      for (const hall of new Set(r.intents.map((i) => i.hall))) {
        const intents = r.intents.filter((i) => i.hall === hall);
        const tickets = ticketRows.filter((t) => t.hall_id === hall && senderOf.get(t.idempotency_key) === String(r.id));
        const want = intents.filter((i) => !i.refused).length;
        lost += Math.max(0, want - tickets.length);
        doubled += Math.max(0, tickets.length - want);
        if (tickets.length !== want)
          detail.push(`resident ${r.id} at ${hall}: ${want} taken, ${tickets.length} issued (${tickets.map((t) => t.number).join(', ')}); shown: ${intents.map((i) => i.number ?? '—').join(', ')}`);
      }
    }
    const unattributed = ticketRows.filter((t) => !senderOf.has(t.idempotency_key));
    doubled += unattributed.length;
    if (unattributed.length) detail.push(`issued for keys no resident sent: ${unattributed.map((t) => t.number).join(', ')}`);
    report.tickets = {
      made: residents.reduce((sum, r) => sum + r.intents.length, 0),
      stored: ticketRows.length,
      lost,
      doubled,
      refused: residents.reduce((sum, r) => sum + r.intents.filter((i) => i.refused).length, 0),
      detail,
    };
  } finally {
    stopping = true;
    sampling = false;
    ticking = false;
    report.requests = proxy.exchanges.length;
    report.faults = proxy.counts();
    report.durationMs = Date.now() - started;
    await browser.close().catch(() => undefined);
    await proxy.close();
    upstream.close();
    (upstream as { closeAllConnections?: () => void }).closeAllConnections?.();
    await ref.close();
  }
  return report;
}

/** The run in a few lines: what was made and stored, what the residents did, which faults fired, how cards came back. */
export function summarize(r: FaultReport): string {
  const recovered = r.recoveries.filter((x) => x.ms !== null).map((x) => x.ms!);
  const sorted = [...recovered].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? `${(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / 1000).toFixed(1)} s` : '—');
  const v = r.violations;
  return [
    `fault run: seed ${r.seed}, scale ${r.scale}, ${(r.durationMs / 1000).toFixed(0)} s, ${r.requests} API requests`,
    `ratings: made ${r.ratings.made}, stored ${r.ratings.stored}, lost ${r.ratings.lost}, doubled ${r.ratings.doubled} (sent again under a second key: ${r.ratings.resubmitted}; still in an outbox at the end: ${r.ratings.leftInOutbox}; delivered only after restarting a browser whose outbox lock was stuck: ${r.ratings.deliveredAfterRestart}, ${r.ratings.restarts} restarts)`,
    `tickets: made ${r.tickets.made}, stored ${r.tickets.stored}, lost ${r.tickets.lost}, doubled ${r.tickets.doubled} (refused: ${r.tickets.refused})`,
    `residents: ${r.actions.pageLoads} page loads, ${r.actions.reloads} reloads (${r.actions.reloadsMidRequest} right after submitting), ${r.actions.closes} closed tabs (${r.actions.closesMidRequest} right after submitting), ${r.actions.offlineSpells} offline spells, ${r.actions.heals} healings`,
    `faults: ${Object.entries(r.faults)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `recovery after healing: ${recovered.length} of ${r.recoveries.length} cards live and correct in time or late, median ${at(0.5)}, p95 ${at(0.95)}, slowest ${sorted.length ? `${(sorted.at(-1)! / 1000).toFixed(1)} s` : '—'}; over ${RECOVERY_MS / 1000} s or never: ${r.recoveries.filter((x) => x.ms === null || x.ms > RECOVERY_MS).map((x) => `${x.page} (${x.streamAtHeal}, ${x.ms === null ? 'never' : `${(x.ms / 1000).toFixed(1)} s`})`).join(', ') || 'none'}`,
    `实时更新 shown at most ${(r.longestLiveWithoutDataMs / 1000).toFixed(1)} s after the page's last live data (window ${STALL_WINDOW_MS / 1000} s); most event streams open on one page: ${r.maxStreamsPerPage}`,
    `violations: page errors ${v.pageErrors.length}, rating truth ${v.ratingTruth.length}, ticket truth ${v.ticketTruth.length}, live truth ${v.liveTruth.length}`,
  ].join('\n');
}
