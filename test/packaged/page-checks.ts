/**
 * What a user would see, checked in a real page: every element registered and rendered, its own styles applied,
 * real data from the API, and nothing wrong on the page (errors, CSP violations, requests to the wrong origin).
 */
import type { Browser, Page } from 'puppeteer-core';

/** The tags the README's snippet puts on a resident's page (every fixture app renders them). */
export const SNIPPET_TAGS = ['zw-config', 'zw-a11y-toggle', 'zw-a11y-toolbar', 'zw-service-search', 'zw-queue-status', 'zw-rating', 'zw-rating-summary'];

/** The staff elements: registered by the package like every other, used on staff pages only. */
export const STAFF_TAGS = ['zw-window-console', 'zw-ticket-kiosk', 'zw-rating-desk'];

/** Every tag the library defines. */
export const ALL_TAGS = [...SNIPPET_TAGS, ...STAFF_TAGS];

/** The README's markup, with the API where the test server runs it. */
export const snippetBody = (apiOrigin: string, extra = '') => `
<zw-config api-base="${apiOrigin}" hall="guangan-zwzx">
  <zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle>
  <zw-a11y-toolbar></zw-a11y-toolbar>
  <zw-service-search href-template="/bs/{code}"></zw-service-search>
  <zw-queue-status allow-take show-forecast></zw-queue-status>
  <zw-rating case="GA20261122-00318" service="511A0138000000" channel="pc"></zw-rating>
  <zw-rating-summary hall="guangan-zwzx"></zw-rating-summary>
</zw-config>${extra}`;

export interface Watched {
  page: Page;
  /** Page errors, console errors, CSP violations and failed requests, as lines. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/** A new page that records everything that goes wrong in it from the first byte on. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) problems.push(`console error: ${m.text()} ${m.location().url ?? ''}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => {
    // Event streams are cut when the page closes, and a request the page's own script aborts (a search superseded
    // by the next keystroke, a probe no longer needed) is no failure; anything else is a problem.
    const reason = r.failure()?.errorText ?? '';
    if (!r.url().includes('/events') && reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    // The browser asks for a favicon the fixture pages do not have.
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // tsx names functions with a helper that does not exist in the page; functions passed to evaluate need it.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
  await page.exposeFunction('zwReportViolation', (line: string) => problems.push(line));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { zwReportViolation(l: string): void }).zwReportViolation(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return { page, problems, requests };
}

/** Waits until every tag in `tags` is defined and each instance on the page has rendered into its shadow root. */
export async function expectRendered(page: Page, tags: string[]): Promise<void> {
  await page.waitForFunction(
    (tags: string[]) =>
      tags.every((t) => customElements.get(t)) &&
      tags.every((t) => [...document.querySelectorAll(t)].every((el) => (el.shadowRoot?.childNodes.length ?? 0) > 0)),
    { timeout: 15_000 },
    tags,
  ).catch(async () => {
    const missing = await page.evaluate(
      (tags: string[]) => tags.filter((t) => !customElements.get(t) || [...document.querySelectorAll(t)].some((el) => !el.shadowRoot)),
      tags,
    );
    throw new Error(`not registered or not rendered: ${missing.join(', ')}`);
  });
}

/**
 * For each element, how many (node, property) pairs of its shadow tree change when its own stylesheets are taken
 * away (the design tokens, which every element shares, stay). An element whose own stylesheet was lost scores 0.
 */
export async function ownStyleEffect(page: Page, tags: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const tag of tags) {
    // Measured twice, a frame apart, keeping the smaller count: a page still settling (a font, a late answer)
    // must not pass for an effect of the stylesheet.
    for (let run = 0; run < 2; run++) {
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const changed = await page.evaluate((tag: string) => {
        const props = ['display', 'padding-top', 'margin-top', 'border-top-width', 'border-top-style', 'background-color', 'color', 'font-size', 'font-weight', 'border-radius', 'gap'];
        // The token sheet is the one that defines the private `--_*` values every element reads.
        const isTokens = (sheet: CSSStyleSheet) => [...sheet.cssRules].some((r) => r.cssText.includes('--_font:'));
        const snapshot = (root: ShadowRoot) =>
          [root.host, ...root.querySelectorAll('*')].map((n) => {
            const cs = getComputedStyle(n);
            return props.map((p) => cs.getPropertyValue(p));
          });
        let most = 0;
        for (const el of document.querySelectorAll(tag)) {
          const root = el.shadowRoot!;
          const sheets = [...root.adoptedStyleSheets]; // a copy: the property is a live array
          const before = snapshot(root);
          root.adoptedStyleSheets = sheets.filter(isTokens);
          const after = snapshot(root);
          root.adoptedStyleSheets = sheets;
          most = Math.max(most, before.reduce((n, values, i) => n + values.filter((v, j) => v !== after[i][j]).length, 0));
        }
        return most;
      }, tag);
      result[tag] = Math.min(result[tag] ?? Infinity, changed);
    }
  }
  return result;
}

/** The visible text of an element, shadow trees included. */
export function deepText(page: Page, selector: string): Promise<string> {
  return page.evaluate((selector: string) => {
    const walk = (n: Node): string =>
      n instanceof Element && n.shadowRoot
        ? walk(n.shadowRoot)
        : n.nodeType === Node.TEXT_NODE
          ? (n.textContent ?? '')
          : [...n.childNodes].map(walk).join('') + (n instanceof HTMLSlotElement ? n.assignedNodes().map(walk).join('') : '');
    const el = document.querySelector(selector);
    return el ? walk(el).replace(/\s+/g, ' ') : '';
  }, selector);
}

/** Waits until the element's text includes `text`. */
export async function expectText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await deepText(page, selector);
    if (seen.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${selector} never showed "${text}"; it shows: ${seen.slice(0, 400)}`);
}

/** Uses the elements as a resident would and checks that each shows real data from the API. */
export async function expectRealData(page: Page): Promise<void> {
  await expectText(page, 'zw-queue-status', '社保医保');
  await page.locator('zw-service-search >>> input').fill('社保卡');
  await expectText(page, 'zw-service-search', '社会保障卡');
  await page.locator('zw-rating >>> input[type="radio"][value="5"]').click();
  await expectText(page, 'zw-rating', '可以全程网上办理');
  await expectText(page, 'zw-rating-summary', '好评率');
}
