/**
 * Opens every story of the built Storybook (storybook-static/, as `npm run build-storybook` leaves it) in headless
 * Chromium and fails a story that
 *   - throws (a page error) or logs a console error,
 *   - does not finish rendering (Storybook's own error display, a play function that threw),
 *   - leaves its zw element undefined or with nothing rendered in its shadow root, or still loading (unless tagged
 *     `expected-loading`),
 *   - received an API answer that api/openapi.yaml does not allow (status, content type, JSON body), unless the
 *     story is tagged `expected-error` (some of those are malformed on purpose),
 *   - shows an error state (a role=alert message, or one of the failure sentences of the string tables) although
 *     the story is not tagged `expected-error`; a story tagged so must show one (and may have failed requests
 *     reported in the console, nothing else).
 * The built Storybook is served as any static host would serve it: there is no API behind it.
 *
 *   npm run test:storybook                     builds, then runs this
 *   node --import tsx test/storybook/stories.spec.ts      against an existing build
 *   STORY=queue node --import tsx test/storybook/stories.spec.ts   only the stories whose id contains "queue"
 *
 * Named *.spec.ts, not *.test.ts: web-test-runner picks up every test/**\/*.test.ts as a browser test file.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type HTTPRequest, type HTTPResponse, type Page } from 'puppeteer-core';
import { ApiSpec, type HttpMethod } from '../../api/server/spec.ts';
import { coreStrings } from '../../src/core/strings.ts';
import coreEn from '../../src/core/strings.en.ts';
import { queueStrings } from '../../src/queue-status/strings.ts';
import queueEn from '../../src/queue-status/strings.en.ts';
import { ratingStrings } from '../../src/rating/strings.ts';
import ratingEn from '../../src/rating/strings.en.ts';
import { searchStrings } from '../../src/service-search/strings.ts';
import searchEn from '../../src/service-search/strings.en.ts';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.js';
import { serveStatic, type StaticServer } from './static-server.ts';

const DIR = new URL('../../storybook-static/', import.meta.url);
const PAGES = Number(process.env.STORY_PAGES ?? 3);
/** A story has this long to load, render and play. */
const RENDER_TIMEOUT_MS = 20_000;
/** After it finished: at least this long on screen, then until no request has been in flight for QUIET_MS. */
const DWELL_MS = 300;
const QUIET_MS = 300;
const SETTLE_CAP_MS = 5_000;
/** A request open longer than this is a stream or a request that is meant to hang: it does not hold the check up. */
const LONG_LIVED_MS = 1_500;
/** How long a story tagged `expected-error` has to show its error. */
const EXPECTED_ERROR_WAIT_MS = 8_000;
/**
 * How long a story may still say it is loading after the network went quiet: some work is not network (the search
 * index is built in a worker), and on a loaded machine it can outlast the quiet spell. A story stuck loading still fails.
 */
const LOADING_AFTER_QUIET_MS = 10_000;

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

/**
 * What the elements say when something failed or the data cannot be trusted, taken from the string tables so that
 * a new wording is still recognised: the failures every element shares, a queue part that could not load, the
 * queue's offline and stale notices, a rating without a case, kept for later or refused as rated before, the
 * search's offline catalogue.
 */
const FAILURE_TEXTS = [
  ...(['offline', 'network', 'timeout', 'server', 'notFound', 'rateLimited'] as const).flatMap((k) => [
    coreStrings['zh-CN'][k],
    coreEn[k],
  ]),
  coreStrings['zh-CN'].invalidPayload('').split('（')[0]!,
  coreEn.invalidPayload('').split('(')[0]!.trim(),
  ...(['partFailed', 'offline', 'stale'] as const).flatMap((k) => [queueStrings['zh-CN'][k], queueEn[k]]),
  ...(['noCase', 'queued', 'queuedPage'] as const).flatMap((k) => [ratingStrings['zh-CN'][k], ratingEn[k]]),
  ratingStrings['zh-CN'].rated(''),
  ratingEn.rated('').replace(/\.$/, ''),
  searchStrings['zh-CN'].offline,
  searchEn.offline,
  '出错',
];
const LOADING_TEXTS = [coreStrings['zh-CN'].loading, coreEn.loading];

// ---------------------------------------------------------------- what the stories were answered, by the spec

const spec = ApiSpec.load();
/** The spec's paths as patterns, those with fewer parameters first (`/services/search` before `/services/{code}`). */
const templates = Object.keys(spec.doc.paths as object)
  .map((path) => ({
    path,
    params: (path.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);
/** Any operation may answer these (see the spec's "Errors"). */
const GENERIC = new Set([405, 429, 500]);

/** What is wrong with one answer of the API, by api/openapi.yaml (null when nothing is). */
async function offSpec(response: HTTPResponse): Promise<string | null> {
  const request = response.request();
  const url = new URL(response.url());
  const method = request.method().toLowerCase() as HttpMethod;
  const where = `${request.method()} ${url.pathname}${url.search} → ${response.status()}`;
  const template = templates.find((t) => t.pattern.test(url.pathname));
  if (!template || !spec.hasOperation(template.path, method)) return `${where}: no such operation in the spec`;
  const status = response.status();
  const contentType = response.headers()['content-type'] ?? '';
  if (status === 304 || contentType.startsWith('text/event-stream')) return null;
  if (!spec.documentedStatuses(template.path, method).includes(String(status)) && !GENERIC.has(status)) {
    return `${where}: status not documented`;
  }
  const pointer =
    status >= 400 ? '/components/schemas/Problem' : spec.responsePointer(template.path, method, status, contentType);
  if (!pointer) return `${where}: content type ${contentType} not documented`;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch (error) {
    return /JSON/.test(String(error)) ? `${where}: the body is not JSON` : null; // a body the browser let go of
  }
  const validate = spec.validator(pointer);
  return validate(body) ? null : `${where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`;
}

interface Inspection {
  phase: string;
  storybookError: string | null;
  component: string | null;
  /** zw elements in the story's own markup that are not defined. */
  undefinedTags: string[];
  /** How many instances of the story's component rendered something in their shadow root, of how many. */
  rendered: number;
  instances: number;
  /** Visible error states: role=alert messages and failure sentences. */
  errors: string[];
  /** Whether something still says it is loading. */
  loading: boolean;
  hidden: boolean;
}

/** Runs in the story's page; self-contained (it is serialized). */
function inspect(failureTexts: string[], loadingTexts: string[]): Inspection {
  const preview = (window as any).__STORYBOOK_PREVIEW__;
  const render = preview?.currentRender;
  const component: string | null = typeof render?.story?.component === 'string' ? render.story.component : null;
  const root = document.querySelector('#storybook-root') ?? document.body;
  const errors = new Set<string>();
  let loading = false;
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false } as any);
  const walk = (scope: Document | ShadowRoot | Element) => {
    const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!text || !parent || parent.closest('style,script,template') || !shown(parent)) continue;
      for (const failure of failureTexts) if (text.includes(failure)) errors.add(text);
      if (loadingTexts.includes(text)) loading = true;
    }
    for (const el of scope.querySelectorAll('[role=alert]')) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && shown(el)) errors.add(`role=alert: ${text}`);
    }
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  const zw = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('zw-'));
  const mine = zw.filter((el) => el.localName === component);
  const hasContent = (el: Element) =>
    !!el.shadowRoot &&
    [...el.shadowRoot.querySelectorAll('*')].some((n) => !['style', 'slot', 'link'].includes(n.localName) && shown(n));
  const sbError = document.body.classList.contains('sb-show-errordisplay')
    ? (document.querySelector('#error-message')?.textContent ?? 'Storybook shows an error').trim()
    : null;
  return {
    phase: String(render?.phase ?? 'none'),
    storybookError: sbError,
    component,
    undefinedTags: [...new Set(zw.filter((el) => !customElements.get(el.localName)).map((el) => el.localName))],
    rendered: mine.filter(hasContent).length,
    instances: mine.length,
    errors: [...errors],
    loading,
    hidden: document.visibilityState !== 'visible',
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One browser tab and what it saw while showing its current story. */
class Tab {
  consoleErrors: string[] = [];
  pageErrors: string[] = [];
  answers: HTTPResponse[] = [];
  private inflight = new Map<HTTPRequest, number>();
  private lastActivity = Date.now();

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url;
      // The browser asks for /favicon.ico by itself; a built Storybook has only favicon.svg.
      if (where?.endsWith('/favicon.ico')) return;
      this.consoleErrors.push(`${msg.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => this.pageErrors.push(String((error as Error)?.stack ?? error)));
    const done = (req: HTTPRequest) => {
      this.inflight.delete(req);
      this.lastActivity = Date.now();
    };
    page.on('request', (req) => {
      this.inflight.set(req, Date.now());
      this.lastActivity = Date.now();
    });
    page.on('requestfinished', done);
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/v1/')) this.answers.push(response);
    });
    page.on('requestfailed', done);
  }

  reset(): void {
    this.consoleErrors = [];
    this.pageErrors = [];
    this.answers = [];
    this.inflight.clear();
    this.lastActivity = Date.now();
  }

  /** No short-lived request in flight, and none finished, for QUIET_MS. */
  private quiet(): boolean {
    const now = Date.now();
    const busy = [...this.inflight.values()].some((since) => now - since < LONG_LIVED_MS);
    return !busy && now - this.lastActivity >= QUIET_MS;
  }

  async settle(): Promise<void> {
    await sleep(DWELL_MS);
    const end = Date.now() + SETTLE_CAP_MS;
    while (!this.quiet() && Date.now() < end) await sleep(100);
  }
}

function readIndex(): IndexEntry[] {
  const file = new URL('index.json', DIR);
  assert.ok(existsSync(file), 'storybook-static/index.json is missing: run `npm run build-storybook` first');
  const index = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, IndexEntry> };
  const filter = process.env.STORY;
  return Object.values(index.entries).filter((e) => e.type === 'story' && (!filter || e.id.includes(filter)));
}

const stories = readIndex();
let server: StaticServer;
let browser: Browser;
const idle: Tab[] = [];
const waiting: ((tab: Tab) => void)[] = [];

async function withTab<T>(fn: (tab: Tab) => Promise<T>): Promise<T> {
  const tab = idle.pop() ?? (await new Promise<Tab>((take) => waiting.push(take)));
  try {
    return await fn(tab);
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else idle.push(tab);
  }
}

/** Opens one story and returns what is wrong with it (empty when nothing is). */
async function check(entry: IndexEntry): Promise<string[]> {
  return withTab(async (tab) => {
    const { page } = tab;
    // Leave the previous story first, so that nothing it still does (an outbox retrying) counts for this one.
    await page.goto('about:blank');
    tab.reset();
    const problems: string[] = [];
    const expectError = entry.tags?.includes('expected-error') ?? false;
    const expectLoading = entry.tags?.includes('expected-loading') ?? false;
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, {
      waitUntil: 'load',
    });
    try {
      await page.waitForFunction(
        () => ['finished', 'errored', 'aborted'].includes((window as any).__STORYBOOK_PREVIEW__?.currentRender?.phase),
        { timeout: RENDER_TIMEOUT_MS, polling: 100 },
      );
    } catch {
      problems.push(`did not finish rendering within ${RENDER_TIMEOUT_MS / 1000} s`);
    }
    await tab.settle();
    const look = () => page.evaluate(inspect, FAILURE_TEXTS, LOADING_TEXTS);
    let seen = await look();
    /** Looks again every 250 ms while `still` holds, for at most `ms`. */
    const lookWhile = async (still: (s: typeof seen) => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (still(seen) && Date.now() < end) {
        await sleep(250);
        seen = await look();
      }
    };
    if (expectError) await lookWhile((s) => s.errors.length === 0, EXPECTED_ERROR_WAIT_MS);
    if (!expectLoading) await lookWhile((s) => s.loading, LOADING_AFTER_QUIET_MS);
    if (seen.phase === 'errored') problems.push('Storybook reports the story as errored (render or play threw)');
    if (seen.storybookError) problems.push(`Storybook error display: ${seen.storybookError.slice(0, 300)}`);
    if (seen.undefinedTags.length) problems.push(`not defined: ${seen.undefinedTags.join(', ')}`);
    if (!seen.component) problems.push('the story names no zw component');
    else if (seen.instances === 0) problems.push(`no <${seen.component}> on the page`);
    else if (seen.rendered === 0) problems.push(`<${seen.component}> rendered nothing in its shadow root`);
    if (seen.hidden) problems.push('the page was hidden (a hidden page pauses live elements): the check is void');
    if (expectError && seen.errors.length === 0) problems.push('tagged expected-error but shows no error state');
    if (seen.loading && !expectLoading) problems.push(`still loading ${LOADING_AFTER_QUIET_MS / 1000} s after the network went quiet`);
    if (!expectError) {
      for (const e of seen.errors) problems.push(`shows an error state: ${e.slice(0, 200)}`);
      for (const response of tab.answers) {
        const wrong = await offSpec(response);
        if (wrong) problems.push(`answer off the spec: ${wrong.slice(0, 400)}`);
      }
    }
    for (const e of tab.pageErrors) problems.push(`page error: ${e.split('\n').slice(0, 3).join(' | ')}`);
    for (const e of tab.consoleErrors) {
      // The browser reports each failed request of a story that fails on purpose; anything else is a problem.
      if (expectError && e.startsWith('Failed to load resource')) continue;
      problems.push(`console error: ${e.slice(0, 300)}`);
    }
    return problems;
  });
}

describe('every story of the built Storybook', { concurrency: PAGES }, () => {
  const failed = new Map<string, string[]>();
  const took: [string, number][] = [];
  const started = Date.now();

  before(async () => {
    server = await serveStatic(DIR.pathname);
    const executablePath = findChrome();
    assert.ok(executablePath, 'no Chrome or Chromium found (see scripts/find-chrome.js)');
    browser = await puppeteer.launch({ executablePath, args: chromeArgs, headless: true });
    for (let i = 0; i < PAGES; i++) {
      // A window each, since a background tab is a hidden page and hidden pages pause the live elements; and a
      // browser context each, so that pages open at the same time do not share storage (a rating outbox in one
      // would deliver the other's ratings).
      const context = await browser.createBrowserContext();
      const page = await context.newPage({ type: 'window' });
      await page.setViewport({ width: 1024, height: 768 });
      // tsx names functions with a helper (__name) that the serialized inspect() would otherwise miss.
      await page.evaluateOnNewDocument('globalThis.__name ??= (f) => f;');
      idle.push(new Tab(page));
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\n${stories.length} stories in ${seconds} s, ${failed.size} with problems`);
    const slowest = took.sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`slowest: ${slowest.map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    for (const [id, problems] of failed) console.log(`  ${id}\n    - ${problems.join('\n    - ')}`);
  });

  for (const entry of stories) {
    it(`${entry.title} › ${entry.name} (${entry.id})`, async () => {
      const t0 = Date.now();
      const problems = await check(entry);
      took.push([entry.id, Date.now() - t0]);
      if (problems.length) failed.set(entry.id, problems);
      assert.deepEqual(problems, [], `${entry.id}:\n  ${problems.join('\n  ')}`);
    });
  }
});
