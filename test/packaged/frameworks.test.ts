/**
 * The framework types and editor data the package ships, used as integrators use them: a React 19 TSX app and a
 * Vue 3 SFC app, type-checked against the installed tarball (`tsc`/`vue-tsc --noEmit`, with a file of deliberate
 * mistakes that must fail), bundled for production and opened in Chromium under a strict CSP; and the manifest, VS
 * Code custom data and JetBrains web-types read from the tarball and compared with what the elements really do.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.js';
import { assertInstalled, installed, root, work } from './install.ts';
import { ALL_TAGS, SNIPPET_TAGS, expectRealData, expectRendered, ownStyleEffect, watchedPage, type Watched } from './page-checks.ts';
import { startApi, startStatic, type Running } from './servers.ts';

const FRAMEWORKS = ['react', 'vue'] as const;
type Framework = (typeof FRAMEWORKS)[number];

const appDir = (f: Framework) => join(work, 'apps', f);
const outDir = (f: Framework) => join(work, 'out', f);

/** Names of internals that must never appear as an attribute, property or event anywhere a user reads the API. */
const INTERNAL = [
  'signal',
  '#client',
  'phase',
  'receipt',
  'draftBad',
  'draft',
  'notice',
  'tables',
  'ownLang',
  'attributesOnly',
  'internals',
];

/**
 * Attributes an element reads when it needs them rather than observing them, so they are documented but are not in
 * `observedAttributes`: zw-rating reads `name` when it sets its form value, as a native control does.
 */
const READ_NOT_OBSERVED: Record<string, string[]> = { 'zw-rating': ['name'] };

// ---------------------------------------------------------------------------------------------------------------
// Type checks

interface TypeError {
  file: string;
  line: number;
  message: string;
}

/**
 * Runs a type checker (`tsc` or `vue-tsc`) with `--noEmit` on a project, and returns its errors. A checker that
 * crashed instead of reporting is a failure, not "no errors".
 */
function typeCheck(bin: string, project: string, cwd: string): Promise<TypeError[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, '--noEmit', '-p', project], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      const errors: TypeError[] = [];
      for (const line of stdout.split('\n')) {
        const m = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
        if (m) errors.push({ file: m[1]!.replaceAll('\\', '/'), line: Number(m[2]), message: m[3]! });
        else if (line.trim() && !/^\s/.test(line))
          return reject(new Error(`${bin}: unexpected output: ${line}\n${stderr}`));
      }
      if (error && !errors.length)
        return reject(new Error(`${bin} failed without type errors: ${stderr || error.message}`));
      resolve(errors);
    });
  });
}

/** The lines of a file that carry a `misuse:` comment: each must be a type error, and no other line may be. */
function misuseLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => (text.includes('misuse:') ? [i + 1] : []));
}

/**
 * One checker run over the app and its misuse file together: the app's files have no error (for React, neither has
 * any .d.ts it loads, the package's JSX types included; the Vue fixture skips library files, see its tsconfig), and
 * the misuse file has one on each marked line and nowhere else.
 */
async function expectTypes(f: Framework, misuseFile: string): Promise<void> {
  const errors = await checks[f];
  const inApp = errors.filter((e) => !e.file.endsWith(misuseFile));
  assert.deepEqual(inApp, [], 'the app and the shipped types check without errors');
  const expected = misuseLines(join(appDir(f), misuseFile));
  const wrong = errors.filter((e) => e.file.endsWith(misuseFile));
  assert.ok(expected.length >= 4, 'the misuse file marks its mistakes');
  assert.deepEqual(
    [...new Set(wrong.map((e) => e.line))].sort((a, b) => a - b),
    expected,
    `every misuse, and only a misuse, is a type error:\n${wrong.map((e) => `${e.line}: ${e.message}`).join('\n')}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Builds

async function buildReact(): Promise<void> {
  const out = outDir('react');
  rmSync(out, { recursive: true, force: true });
  await esbuild({
    entryPoints: { main: join(appDir('react'), 'src/main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: out,
    logLevel: 'silent',
  });
  cpSync(join(appDir('react'), 'index.html'), join(out, 'index.html'));
}

async function buildVue(): Promise<void> {
  await viteBuild({
    root: appDir('vue'),
    configFile: join(appDir('vue'), 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: outDir('vue'), emptyOutDir: true },
  });
}

// ---------------------------------------------------------------------------------------------------------------

let api: Running;
let site: Running;
let browser: Browser;
const checks = {} as Record<Framework, Promise<TypeError[]>>;
const builds = {} as Record<Framework, Promise<void>>;

before(async () => {
  assertInstalled();
  for (const f of FRAMEWORKS) {
    rmSync(appDir(f), { recursive: true, force: true });
    cpSync(join(import.meta.dirname, 'apps', f), appDir(f), { recursive: true });
  }
  // The two checkers run side by side (one per core) while the apps are built.
  checks.react = typeCheck(join(root, 'node_modules/typescript/bin/tsc'), 'tsconfig.misuse.json', appDir('react'));
  checks.vue = typeCheck(join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), 'tsconfig.misuse.json', appDir('vue'));
  for (const f of FRAMEWORKS) checks[f].catch(() => undefined); // reported by its test
  builds.react = buildReact();
  builds.vue = builds.react.then(buildVue, buildVue);
  for (const f of FRAMEWORKS) builds[f].catch(() => undefined);

  api = await startApi();
  const policy = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self' ${api.origin}`;
  const pageHeaders: Record<string, string> = { 'Content-Security-Policy': policy };
  site = await startStatic(work, (path) => (path.endsWith('.html') || path.endsWith('/') ? pageHeaders : {}));
  browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
});

after(async () => {
  await Promise.allSettled([...Object.values(checks), ...Object.values(builds)]);
  await browser?.close();
  await site?.close();
  await api?.close();
});

/** Waits until the app's list of what its handlers saw has `line` (or a line starting with it), and returns it. */
async function seen(page: Page, line: string, prefix = false): Promise<string> {
  await page
    .waitForFunction(
      (line: string, prefix: boolean) =>
        [...document.querySelectorAll('#seen li')].some((li) =>
          prefix ? li.textContent!.startsWith(line) : li.textContent === line,
        ),
      { timeout: 10_000 },
      line,
      prefix,
    )
    .catch(async () => {
      const all = await page.$$eval('#seen li', (lis) => lis.map((li) => li.textContent));
      throw new Error(`the app's handler never saw "${line}"; it saw: ${JSON.stringify(all)}`);
    });
  const lines = await page.$$eval('#seen li', (lis) => lis.map((li) => li.textContent ?? ''));
  const matching = lines.filter((l) => (prefix ? l.startsWith(line) : l === line));
  assert.equal(matching.length, 1, `"${line}" was handled once: ${JSON.stringify(lines)}`);
  return matching[0]!;
}

/** What every framework app shows and does, in the page of `w`. */
async function expectWorkingApp(w: Watched, caseId: string): Promise<void> {
  const { page } = w;
  await expectRendered(page, SNIPPET_TAGS);
  const effect = await ownStyleEffect(
    page,
    SNIPPET_TAGS.filter((t) => t !== 'zw-config'),
  );
  for (const [tag, changed] of Object.entries(effect))
    assert.ok(changed > 0, `<${tag}>'s own styles apply (${JSON.stringify(effect)})`);
  assert.equal(await page.$eval('zw-config', (el) => getComputedStyle(el).display), 'contents');

  // What the app wrote as attributes and properties reached the elements.
  const given = await page.evaluate(() => {
    const el = (tag: string) => document.querySelector(tag) as unknown as Record<string, unknown>;
    const pick = (tag: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, el(tag)[k]]));
    return {
      config: { ...pick('zw-config', ['hall', 'timeout']), apiBase: typeof el('zw-config').apiBase },
      toggle: pick('zw-a11y-toggle', ['mode', 'scheme']),
      toolbar: pick('zw-a11y-toolbar', ['readTarget']),
      search: pick('zw-service-search', ['hrefTemplate', 'mode', 'pageSize']),
      queue: pick('zw-queue-status', ['allowTake', 'showForecast', 'interval', 'variant']),
      rating: pick('zw-rating', ['caseId', 'service', 'channel']),
      summary: pick('zw-rating-summary', ['hall', 'theme']),
    };
  });
  assert.deepEqual(given, {
    config: { hall: 'guangan-zwzx', timeout: 15_000, apiBase: 'string' },
    toggle: { mode: 'elder', scheme: 'black-on-white' },
    toolbar: { readTarget: 'main' },
    search: { hrefTemplate: '/bs/{code}', mode: 'auto', pageSize: 10 },
    queue: { allowTake: true, showForecast: true, interval: 15, variant: 'compact' },
    rating: { caseId, service: '511A0138000000', channel: 'pc' },
    summary: { hall: 'guangan-zwzx', theme: 'light' },
  });

  await expectRealData(page);

  // The framework's own handlers receive the elements' events, each once, with their detail.
  await seen(page, 'zw-rating-change zw-rating 5');
  await page.locator('zw-service-search >>> input').click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const select = await seen(page, 'zw-select zw-service-search ', true);
  const chosen = await page.$eval('zw-service-search', (el) => (el as unknown as { value: string }).value);
  assert.equal(select, `zw-select zw-service-search ${chosen}`, 'the handler read the chosen item from the detail');
  await page.locator('zw-rating >>> button[type="submit"]').click();
  await seen(page, 'zw-rating-sent zw-rating 5');
  await page.locator('zw-a11y-toggle >>> button').click();
  await seen(page, 'zw-a11y-change zw-a11y-toggle elder');

  assert.deepEqual(
    w.requests.filter((u) => u.startsWith(`${site.origin}/api/`)),
    [],
    'no request goes to the page’s own origin for the API',
  );
  assert.deepEqual(w.problems, [], 'no error, CSP violation or failed request');
}

/** Each fixture app: what its tests say, its file of misuses, and the case it rates (one per app: a case is rated once). */
const APPS: Record<Framework, { title: string; types: string; page: string; misuse: string; caseId: string }> = {
  react: {
    title: 'a React 19 app written in TSX',
    types: 'type-checks with the shipped JSX types (tsc --noEmit, strict), and its deliberate misuses do not',
    page: 'bundled by esbuild for production: every element renders with its styles and data, React handlers get the events',
    misuse: 'misuse.tsx',
    caseId: 'GA20261122-00411',
  },
  vue: {
    title: 'a Vue 3 app written as single-file components',
    types:
      'type-checks with the shipped GlobalComponents types (vue-tsc --noEmit, strict templates), and its deliberate misuses do not',
    page: 'built by Vite with zw-* as custom elements: every element renders with its styles and data, Vue handlers get the events',
    misuse: 'Misuse.vue',
    caseId: 'GA20261122-00412',
  },
};

for (const f of FRAMEWORKS) {
  const app = APPS[f];
  describe(app.title, () => {
    it(app.types, () => expectTypes(f, app.misuse));

    it(app.page, async () => {
      await builds[f];
      const w = await watchedPage(browser);
      await w.page.goto(`${site.origin}/out/${f}/index.html?api=${encodeURIComponent(api.origin)}`);
      await expectWorkingApp(w, app.caseId);
      await w.page.close();
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The manifest and editor data

interface Attr {
  name: string;
  fieldName?: string;
  description?: string;
}
interface Member {
  name: string;
  kind: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attr[];
  members?: Member[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  superclass?: { name: string };
}

const readInstalled = <T>(path: string): T => JSON.parse(readFileSync(join(installed, path), 'utf8')) as T;
const sorted = (names: Iterable<string>) => [...names].sort();

function manifestElements(): Map<string, Declaration> {
  const manifest = readInstalled<{ modules: { declarations?: Declaration[] }[] }>('custom-elements.json');
  return new Map(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName)
      .map((d) => [d.tagName!, d]),
  );
}

/** What the browser says: each tag's observed attributes, and the names the package's entries export at run time. */
let runtime: Promise<{ observed: Record<string, string[]>; exported: string[] }> | undefined;
function fromBrowser() {
  runtime ??= (async () => {
    mkdirSync(join(work, 'out'), { recursive: true });
    writeFileSync(
      join(work, 'out/observed.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>observed</title></head><body></body></html>',
    );
    const page = await browser.newPage();
    await page.goto(`${site.origin}/out/observed.html`);
    const result = await page.evaluate(async (tags: string[]) => {
      const all = {
        ...((await import('/node_modules/zhengwu-widgets/dist/cdn/zhengwu-widgets.js' as string)) as object),
        ...((await import('/node_modules/zhengwu-widgets/dist/cdn/zhengwu-widgets-staff.js' as string)) as object),
      };
      const engine = (await import(
        '/node_modules/zhengwu-widgets/dist/service-search/search-index.js' as string
      )) as object;
      const observed = Object.fromEntries(
        tags.map((t) => [
          t,
          [...((customElements.get(t) as unknown as { observedAttributes: string[] }).observedAttributes ?? [])],
        ]),
      );
      return { observed, exported: [...Object.keys(all), ...Object.keys(engine)] };
    }, ALL_TAGS);
    await page.close();
    return result;
  })();
  return runtime;
}

describe('the manifest and editor data in the tarball', () => {
  it('ship in the tarball and package.json points to them', () => {
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const listing = execFileSync('tar', ['-tzf', tarball], { cwd: work, encoding: 'utf8' });
    const files = new Set(listing.split('\n').map((f) => f.replace(/^package\//, '')));
    const pkg = readInstalled<{ 'web-types': string; exports: Record<string, string | { types?: string }> }>(
      'package.json',
    );
    const react = (pkg.exports['./react'] as { types: string }).types;
    const vue = (pkg.exports['./vue'] as { types: string }).types;
    for (const file of [
      'custom-elements.json',
      pkg['web-types'],
      pkg.exports['./vscode.html-custom-data.json'] as string,
      pkg.exports['./vscode.css-custom-data.json'] as string,
      pkg.exports['./web-types.json'] as string,
      react,
      vue,
    ]) {
      assert.ok(
        typeof file === 'string' && files.has(file.replace(/^\.\//, '')),
        `${file} is in the tarball (${[...files].filter((f) => f.includes('integrations')).join(', ')})`,
      );
    }
  });

  it('custom-elements.json documents the public API only, with each element’s real attributes and zw- events', async () => {
    const { observed, exported } = await fromBrowser();
    const elements = manifestElements();
    assert.deepEqual(sorted(elements.keys()), sorted(ALL_TAGS));
    for (const [tag, el] of elements) {
      const documented = (el.attributes ?? []).map((a) => a.name);
      const real = observed[tag]!;
      assert.deepEqual(
        real.filter((a) => !documented.includes(a)),
        [],
        `<${tag}> documents every attribute it observes`,
      );
      assert.deepEqual(
        documented.filter((a) => !real.includes(a)),
        READ_NOT_OBSERVED[tag] ?? [],
        `<${tag}> documents no attribute it does not have`,
      );
      assert.equal(new Set(documented).size, documented.length, `<${tag}> documents each attribute once`);
      for (const a of el.attributes ?? []) {
        assert.ok(a.description, `<${tag} ${a.name}> has a description`);
        if (a.fieldName)
          assert.ok(
            el.members?.some((m) => m.name === a.fieldName),
            `<${tag} ${a.name}> points to a public field`,
          );
      }
      for (const e of el.events ?? []) {
        assert.match(e.name, /^zw-[a-z0-9]+(-[a-z0-9]+)*$/, `<${tag}> event ${e.name} is a zw- event`);
        assert.match(
          e.type?.text ?? '',
          /^CustomEvent<.+>$/,
          `<${tag}> event ${e.name} has its HTMLElementEventMap type`,
        );
      }
    }
    // Nothing private, protected, static or internal, in any class the manifest lists.
    const manifest = readInstalled<{ modules: { declarations?: Declaration[] }[] }>('custom-elements.json');
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    for (const d of declarations) {
      for (const m of d.members ?? []) {
        assert.ok(!m.privacy || m.privacy === 'public', `${d.name}.${m.name} is ${m.privacy}`);
        assert.ok(!m.name.startsWith('#'), `${d.name}.${m.name} is a #private field`);
        if (d.customElement) assert.ok(!m.static, `${d.name}.${m.name} is static plumbing`);
      }
      const names = [...(d.attributes ?? []), ...(d.members ?? []), ...(d.events ?? [])].map((x) => x.name);
      assert.deepEqual(
        names.filter((n) => INTERNAL.includes(n)),
        [],
        `${d.name} lists no internals`,
      );
      assert.ok(!(d.events ?? []).some((e) => e.name === 'type'), `${d.name} has no event named "type"`);
    }
    // Every declaration is reachable: an element, a class an element extends, or something an entry exports.
    const superclasses = new Set(declarations.map((d) => d.superclass?.name).filter(Boolean));
    const unreachable = declarations
      .filter((d) => !d.tagName && !superclasses.has(d.name) && !exported.includes(d.name))
      .map((d) => d.name);
    assert.deepEqual(unreachable, [], 'no internal module is documented');
  });

  it('VS Code custom data lists every tag with its attributes, parts and custom properties, nothing internal', () => {
    const html = readInstalled<{
      tags: { name: string; description: string; attributes: { name: string; values?: { name: string }[] }[] }[];
    }>('dist/integrations/vscode.html-custom-data.json');
    const css = readInstalled<{ properties: { name: string }[]; pseudoElements: { name: string }[] }>(
      'dist/integrations/vscode.css-custom-data.json',
    );
    const elements = manifestElements();
    assert.deepEqual(sorted(html.tags.map((t) => t.name)), sorted(ALL_TAGS));
    for (const tag of html.tags) {
      const el = elements.get(tag.name)!;
      assert.ok(tag.description, `${tag.name} has a description`);
      assert.deepEqual(
        sorted(tag.attributes.map((a) => a.name)),
        sorted((el.attributes ?? []).map((a) => a.name)),
        `${tag.name}'s attributes`,
      );
      for (const a of tag.attributes) {
        assert.ok(!INTERNAL.includes(a.name), `${tag.name} ${a.name} is internal`);
        // Values are what one types in HTML, never a TypeScript type name (`ToggleMode`, `Exclude<…>`).
        for (const v of a.values ?? []) assert.match(v.name, /^[a-z0-9-]+$/, `${tag.name} ${a.name}="${v.name}"`);
      }
      for (const part of el.cssParts ?? [])
        assert.ok(
          css.pseudoElements.some((p) => p.name === `::part(${part.name})`),
          `::part(${part.name})`,
        );
      for (const prop of el.cssProperties ?? [])
        assert.ok(
          css.properties.some((p) => p.name === prop.name),
          prop.name,
        );
    }
    const mode = html.tags.find((t) => t.name === 'zw-a11y-toggle')!.attributes.find((a) => a.name === 'mode')!;
    assert.deepEqual(
      mode.values?.map((v) => v.name),
      ['elder', 'contrast', 'spacing', 'cursor', 'guide', 'motion', 'speech'],
    );
  });

  it('JetBrains web-types list every tag with its attributes, properties and events, nothing internal', () => {
    const webTypes = readInstalled<{
      contributions: {
        html: {
          elements: {
            name: string;
            attributes: { name: string }[];
            events: { name: string }[];
            js: { properties: { name: string }[]; events: { name: string }[] };
          }[];
        };
      };
    }>('dist/integrations/web-types.json');
    const elements = manifestElements();
    const tags = webTypes.contributions.html.elements;
    assert.deepEqual(sorted(tags.map((t) => t.name)), sorted(ALL_TAGS));
    for (const tag of tags) {
      const el = elements.get(tag.name)!;
      assert.deepEqual(
        sorted(tag.attributes.map((a) => a.name)),
        sorted((el.attributes ?? []).map((a) => a.name)),
        `${tag.name}'s attributes`,
      );
      assert.deepEqual(
        sorted(tag.events.map((e) => e.name)),
        sorted((el.events ?? []).map((e) => e.name)),
        `${tag.name}'s events`,
      );
      const publicFields = (el.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name);
      for (const p of tag.js.properties)
        assert.ok(publicFields.includes(p.name), `${tag.name}.${p.name} is a public field`);
      const names = [...tag.attributes, ...tag.events, ...tag.js.properties, ...tag.js.events].map((x) => x.name);
      assert.deepEqual(
        names.filter((n) => INTERNAL.includes(n) || n.startsWith('#')),
        [],
        `${tag.name} lists no internals`,
      );
      for (const e of [...tag.events, ...tag.js.events])
        assert.match(e.name, /^zw-[a-z0-9]+(-[a-z0-9]+)*$/, `${tag.name} event ${e.name}`);
    }
  });
});
