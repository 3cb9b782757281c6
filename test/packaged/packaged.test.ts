/**
 * The shipped package, used the way integrators use it: packed, installed into an app folder, bundled by esbuild,
 * Rollup and Vite, or dropped onto a static page from `dist/cdn/` — then opened in Chromium under a strict CSP with
 * the API on another origin, and checked for what a resident would see.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.js';
import { BUNDLERS, ENTRIES, bundleApps } from './bundle-apps.ts';
import { assertInstalled, root, work } from './install.ts';
import { SNIPPET_TAGS, STAFF_TAGS, expectRealData, expectRendered, ownStyleEffect, snippetBody, watchedPage, type Watched } from './page-checks.ts';
import { startApi, startStatic, type Running } from './servers.ts';

let api: Running;
let site: Running;
let browser: Browser;

/** The README's embed snippet, exactly as pasted, with the two addresses an integrator fills in. */
function readmeSnippet(apiOrigin: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Embed[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the README has an html block under "Embed"');
  const cdn = 'https://your-cdn.example/zhengwu-widgets/dist/cdn/zhengwu-widgets.js';
  const backend = 'https://zwfw.your-district.gov.cn';
  assert.ok(block.includes(cdn) && block.includes(backend), 'the snippet names the CDN file and the API base');
  return block.replaceAll(cdn, '/node_modules/zhengwu-widgets/dist/cdn/zhengwu-widgets.js').replaceAll(backend, apiOrigin);
}

before(async () => {
  assertInstalled();
  api = await startApi();
  await bundleApps(snippetBody(api.origin));
  writeFileSync(
    join(work, 'readme.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>区政务服务网</title></head><body>\n${readmeSnippet(api.origin)}\n</body></html>`,
  );
  // A staff page from the CDN: the wall board (a resident element) beside the staff elements, each file by its tag.
  const cdnDir = '/node_modules/zhengwu-widgets/dist/cdn';
  writeFileSync(
    join(work, 'staff-cdn.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>窗口工作台</title>
<script type="module" src="${cdnDir}/zhengwu-widgets.js"></script>
<script type="module" src="${cdnDir}/zhengwu-widgets-staff.js"></script></head><body>
<zw-config api-base="${api.origin}" hall="guangan-zwzx">
  <zw-queue-status variant="board"></zw-queue-status>
  <zw-window-console></zw-window-console>
  <zw-ticket-kiosk></zw-ticket-kiosk>
  <zw-rating-desk></zw-rating-desk>
</zw-config></body></html>`,
  );
  const oldPortal = readFileSync(join(work, 'apps/old-portal.html'), 'utf8').replace('<!--BODY-->', snippetBody(api.origin));
  writeFileSync(join(work, 'apps/old-portal.html'), oldPortal);
  // Every page is served as a strict portal would serve it: scripts and styles from its own origin only, and
  // requests to its own origin and the API's.
  const policy = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self' ${api.origin}`;
  const pageHeaders: Record<string, string> = { 'Content-Security-Policy': policy };
  site = await startStatic(work, (path) => (path.endsWith('.html') || path.endsWith('/') ? pageHeaders : {}));
  browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
});

/** The checks every fixture page passes. */
async function expectWorkingPage(w: Watched): Promise<void> {
  await expectRendered(w.page, SNIPPET_TAGS);
  await expectRealData(w.page);
  const effect = await ownStyleEffect(w.page, SNIPPET_TAGS.filter((t) => t !== 'zw-config'));
  // One or two changed values can come from a small shared sheet (the visually-hidden helper) while the family's
  // own stylesheet is lost; a working one changes ten to hundreds.
  for (const [tag, changed] of Object.entries(effect)) assert.ok(changed >= 5, `<${tag}>'s own styles apply (${JSON.stringify(effect)})`);
  assert.equal(await w.page.$eval('zw-config', (el) => getComputedStyle(el).display), 'contents');
  const ownApi = w.requests.filter((u) => u.startsWith(`${site.origin}/api/`));
  assert.deepEqual(ownApi, [], 'no request goes to the page’s own origin for the API');
  assert.deepEqual(w.problems, [], 'no error, CSP violation or failed request');
}

describe('the packed package in real pages', () => {
  it('the README snippet as pasted: CDN file, strict CSP, API on another origin', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${site.origin}/readme.html`);
    await expectWorkingPage(w);
    await w.page.close();
  });

  for (const bundler of BUNDLERS) {
    for (const entry of ENTRIES) {
      it(`a ${bundler} production bundle importing ${entry === 'families' ? 'each family entry' : "'zhengwu-widgets'"}`, async () => {
        const w = await watchedPage(browser);
        await w.page.goto(`${site.origin}/out/${bundler}-${entry}/index.html`);
        await expectWorkingPage(w);
        await w.page.close();
      });
    }
  }

  it('the residents\' CDN file registers no staff element, and a staff page loads the staff file beside it sharing one core', async () => {
    const resident = await watchedPage(browser);
    await resident.page.goto(`${site.origin}/readme.html`);
    await expectRendered(resident.page, SNIPPET_TAGS);
    assert.deepEqual(await resident.page.evaluate((tags: string[]) => tags.filter((t) => customElements.get(t)), STAFF_TAGS), []);
    assert.deepEqual(resident.requests.filter((u) => /zhengwu-widgets-staff|rating-desk|window-console|ticket-kiosk/.test(u)), [], 'a resident page downloads no staff code');
    await resident.page.close();

    const staff = await watchedPage(browser);
    await staff.page.goto(`${site.origin}/staff-cdn.html`);
    await expectRendered(staff.page, ['zw-config', 'zw-queue-status', ...STAFF_TAGS]);
    const scripts = staff.requests.filter((u) => u.endsWith('.js'));
    assert.equal(new Set(scripts).size, scripts.length, `each module is fetched once (${scripts.join(', ')})`);
    const effect = await ownStyleEffect(staff.page, STAFF_TAGS);
    for (const [tag, changed] of Object.entries(effect)) assert.ok(changed >= 5, `<${tag}>'s own styles apply (${JSON.stringify(effect)})`);
    assert.deepEqual(staff.problems.filter((p) => !/\b401\b/.test(p)), [], 'no error, CSP violation or failed request');
    await staff.page.close();
  });

  it('an old portal page with hostile global CSS and a <base href>, on a phone', async () => {
    const w = await watchedPage(browser, { width: 390, height: 844 });
    await w.page.goto(`${site.origin}/apps/old-portal.html`);
    await expectWorkingPage(w);
    // The portal's `button { background: red }` stays outside.
    const submit = await w.page.$eval('zw-rating', (el) => getComputedStyle(el.shadowRoot!.querySelector('button[type="submit"]')!).backgroundColor);
    assert.notEqual(submit, 'rgb(255, 0, 0)');
    await w.page.close();
  });
});
