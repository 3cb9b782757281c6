/**
 * Opens every story of the built Storybook (storybook-static/, as `npm run build-storybook` leaves it) in headless
 * Chromium and fails a story that
 *   - throws (a page error) or logs a console error,
 *   - does not finish rendering (Storybook's own error display, a play function that threw),
 *   - leaves its zw element undefined or with nothing rendered in its shadow root,
 *   - shows an error state (a role=alert message, or one of the failure sentences of the string tables) although
 *     the story is not tagged `expected-error`; a story tagged so must show one.
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
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { coreStrings } from '../../src/core/strings.ts';
import coreEn from '../../src/core/strings.en.ts';
import { queueStrings } from '../../src/queue-status/strings.ts';
import queueEn from '../../src/queue-status/strings.en.ts';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.js';
import { serveStatic, type StaticServer } from './static-server.ts';

const DIR = new URL('../../storybook-static/', import.meta.url);
const PAGES = Number(process.env.STORY_PAGES ?? 2);
/** A story has this long to load, render and play. */
const RENDER_TIMEOUT_MS = 20_000;
/** After it finished: at least this long on screen, then until no request has been in flight for QUIET_MS. */
const DWELL_MS = 800;
const QUIET_MS = 400;
const SETTLE_CAP_MS = 5_000;
/** A request open longer than this is a stream or a request that is meant to hang: it does not hold the check up. */
const LONG_LIVED_MS = 1_500;
/** How long a story tagged `expected-error` has to show its error. */
const EXPECTED_ERROR_WAIT_MS = 8_000;

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

/**
 * The sentences the elements show for a failure, taken from the string tables so that a new wording is still
 * recognised: the shared network/server failures of every element, and a queue part that could not load.
 */
const FAILURE_TEXTS = [
  ...(['offline', 'network', 'timeout', 'server', 'rateLimited'] as const).flatMap((k) => [
    coreStrings['zh-CN'][k],
    coreEn[k],
  ]),
  coreStrings['zh-CN'].invalidPayload('').split('（')[0]!,
  coreEn.invalidPayload('').split('(')[0]!.trim(),
  queueStrings['zh-CN'].partFailed,
  queueEn.partFailed,
  '出错',
];

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
}

/** Runs in the story's page; self-contained (it is serialized). */
function inspect(failureTexts: string[]): Inspection {
  const preview = (window as any).__STORYBOOK_PREVIEW__;
  const render = preview?.currentRender;
  const component: string | null = typeof render?.story?.component === 'string' ? render.story.component : null;
  const root = document.querySelector('#storybook-root') ?? document.body;
  const errors = new Set<string>();
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false } as any);
  const walk = (scope: Document | ShadowRoot | Element) => {
    const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!text || !parent || parent.closest('style,script,template') || !shown(parent)) continue;
      for (const failure of failureTexts) if (text.includes(failure)) errors.add(text);
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
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One browser tab and what it saw while showing its current story. */
class Tab {
  consoleErrors: string[] = [];
  pageErrors: string[] = [];
  private inflight = new Map<HTTPRequest, number>();
  private lastActivity = Date.now();

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url;
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
    page.on('requestfailed', done);
  }

  reset(): void {
    this.consoleErrors = [];
    this.pageErrors = [];
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
    tab.reset();
    const problems: string[] = [];
    const expectError = entry.tags?.includes('expected-error') ?? false;
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
    let seen = await page.evaluate(inspect, FAILURE_TEXTS);
    if (expectError) {
      const end = Date.now() + EXPECTED_ERROR_WAIT_MS;
      while (seen.errors.length === 0 && Date.now() < end) {
        await sleep(250);
        seen = await page.evaluate(inspect, FAILURE_TEXTS);
      }
    }
    if (seen.phase === 'errored') problems.push('Storybook reports the story as errored (render or play threw)');
    if (seen.storybookError) problems.push(`Storybook error display: ${seen.storybookError.slice(0, 300)}`);
    if (seen.undefinedTags.length) problems.push(`not defined: ${seen.undefinedTags.join(', ')}`);
    if (!seen.component) problems.push('the story names no zw component');
    else if (seen.instances === 0) problems.push(`no <${seen.component}> on the page`);
    else if (seen.rendered === 0) problems.push(`<${seen.component}> rendered nothing in its shadow root`);
    if (expectError && seen.errors.length === 0) problems.push('tagged expected-error but shows no error state');
    if (!expectError) for (const e of seen.errors) problems.push(`shows an error state: ${e.slice(0, 200)}`);
    for (const e of tab.pageErrors) problems.push(`page error: ${e.split('\n').slice(0, 3).join(' | ')}`);
    for (const e of tab.consoleErrors) problems.push(`console error: ${e.slice(0, 300)}`);
    return problems;
  });
}

describe('every story of the built Storybook', { concurrency: PAGES }, () => {
  const failed = new Map<string, string[]>();
  const started = Date.now();

  before(async () => {
    server = await serveStatic(DIR.pathname);
    const executablePath = findChrome();
    assert.ok(executablePath, 'no Chrome or Chromium found (see scripts/find-chrome.js)');
    browser = await puppeteer.launch({ executablePath, args: chromeArgs, headless: true });
    for (let i = 0; i < PAGES; i++) {
      const page = await browser.newPage();
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
    for (const [id, problems] of failed) console.log(`  ${id}\n    - ${problems.join('\n    - ')}`);
  });

  for (const entry of stories) {
    it(`${entry.title} › ${entry.name} (${entry.id})`, async () => {
      const problems = await check(entry);
      if (problems.length) failed.set(entry.id, problems);
      assert.deepEqual(problems, [], `${entry.id}:\n  ${problems.join('\n  ')}`);
    });
  }
});
