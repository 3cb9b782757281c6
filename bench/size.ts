/**
 * Size of each element as a portal would ship it on its own: the element's class registered by itself, with Lit and
 * the shared core bundled in, minified as a bundler does (template text untouched), then gzipped at level 9. Code
 * the element fetches only when a page needs it (the English tables, rarely used parts) is split into its own
 * chunks, as bundlers do, so each row gives two figures:
 *
 * - `gzipKb`: what a page downloads before the element can render — the entry and every chunk it imports
 *   statically. The product's one budget applies to this figure for a page with every family (40 KB): the
 *   residents' families (src/index.ts, the CDN file zhengwu-widgets.js) and, apart, the staff elements
 *   (src/staff-elements.ts, zhengwu-widgets-staff.js), which no resident page loads.
 * - `allGzipKb`: the entry plus every chunk it can ever fetch (each gzipped on its own, as it travels), i.e. the
 *   cost of a page that uses every feature in English.
 *
 * Family entries (which register every element of the family), every family at once, and the CDN file exactly as
 * `npm run build` ships it follow.
 */
import { readdirSync, existsSync, writeFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Each element, its module and class. */
const elements: { tag: string; module: string; className: string }[] = [
  { tag: 'zw-config', module: 'src/core/config-element.ts', className: 'ZwConfig' },
  { tag: 'zw-queue-status', module: 'src/queue-status/queue-status.ts', className: 'ZwQueueStatus' },
  { tag: 'zw-service-search', module: 'src/service-search/zw-service-search.ts', className: 'ZwServiceSearch' },
  { tag: 'zw-a11y-toolbar', module: 'src/a11y-toolbar/toolbar.ts', className: 'ZwA11yToolbar' },
  { tag: 'zw-a11y-toggle', module: 'src/a11y-toolbar/toggle.ts', className: 'ZwA11yToggle' },
  { tag: 'zw-rating', module: 'src/rating/rating.ts', className: 'ZwRating' },
  { tag: 'zw-rating-summary', module: 'src/rating/rating-summary.ts', className: 'ZwRatingSummary' },
  { tag: 'zw-rating-desk', module: 'src/rating-desk/rating-desk.ts', className: 'ZwRatingDesk' },
  { tag: 'zw-window-console', module: 'src/hall-ops/window-console.ts', className: 'ZwWindowConsole' },
  { tag: 'zw-ticket-kiosk', module: 'src/hall-ops/ticket-kiosk.ts', className: 'ZwTicketKiosk' },
];

/** The product's size guard: a page with every family, before first render (see docs/decisions/008 and 080). */
const EVERY_FAMILY_BUDGET_KB = 40;

type Measure = { minBytes: number; gzipBytes: number; allGzipBytes: number };

const measure = async (entry: string): Promise<Measure> => {
  const outdir = mkdtempSync(join(tmpdir(), 'zw-size-out-'));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir,
    write: false,
    metafile: true,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
  const outputs = result.metafile.outputs;
  // esbuild marks every import() target as an entry point too: the element's own is the one built from `entry`.
  const main = Object.keys(outputs).find((o) => resolve(outputs[o].entryPoint ?? '-') === resolve(entry))!;
  // The entry and, transitively, what it imports statically: all of that arrives before the element renders.
  const initial = new Set<string>();
  const visit = (o: string) => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(main);
  const gz = (o: string) => gzipSync(files.get(o)!, { level: 9 }).length;
  const js = Object.keys(outputs).filter((o) => o.endsWith('.js'));
  return {
    minBytes: [...initial].reduce((n, o) => n + files.get(o)!.length, 0),
    gzipBytes: [...initial].reduce((n, o) => n + gz(o), 0),
    allGzipBytes: js.reduce((n, o) => n + gz(o), 0),
  };
};

/** A built file and, transitively, the files it imports statically, each gzipped on its own. */
function shipped(file: string): Measure {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = readFileSync(f, 'utf8');
    // Static imports only (`import{…}from"./x.js"` or `import"./x.js"`), not import() of on-demand parts.
    for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)) visit(join(dirname(f), m[1]));
  };
  visit(file);
  const all = readdirSync(dirname(file)).filter((f) => f.endsWith('.js')).map((f) => join(dirname(file), f));
  const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
  return {
    minBytes: [...seen].reduce((n, f) => n + statSync(f).size, 0),
    gzipBytes: [...seen].reduce((n, f) => n + gz(f), 0),
    allGzipBytes: all.reduce((n, f) => n + gz(f), 0),
  };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function sizes() {
  const dir = mkdtempSync(join(tmpdir(), 'zw-size-'));
  const rows: {
    entry: string;
    minBytes: number;
    gzipKb: number;
    allGzipKb: number;
    budgetKb?: number;
    withinBudget?: boolean;
  }[] = [];
  const add = (entry: string, m: Measure, budgetKb?: number) =>
    rows.push({
      entry,
      minBytes: m.minBytes,
      gzipKb: kb(m.gzipBytes),
      allGzipKb: kb(m.allGzipBytes),
      budgetKb,
      withinBudget: budgetKb === undefined ? undefined : m.gzipBytes <= budgetKb * 1024,
    });
  for (const el of elements.filter((e) => existsSync(e.module))) {
    const entry = join(dir, `${el.tag}.ts`);
    writeFileSync(
      entry,
      `import { define } from ${JSON.stringify(resolve('src/core/define.ts'))};\n` +
        `import { ${el.className} } from ${JSON.stringify(resolve(el.module))};\n` +
        `define(${JSON.stringify(el.tag)}, ${el.className});\n`,
    );
    add(`<${el.tag}>`, await measure(entry));
  }
  const families = readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`src/${d.name}/index.ts`))
    .map((d) => d.name);
  for (const family of families) add(`${family === 'core' ? 'config' : family}.js (family entry)`, await measure(`src/${family}/index.ts`));
  add('every resident family on one page (src/index.ts)', await measure('src/index.ts'), EVERY_FAMILY_BUDGET_KB);
  add('every staff element on one page (src/staff-elements.ts)', await measure('src/staff-elements.ts'), EVERY_FAMILY_BUDGET_KB);
  // The CDN files exactly as shipped (`npm run build`), and what each imports before anything renders.
  for (const file of ['zhengwu-widgets.js', 'zhengwu-widgets-staff.js']) {
    if (existsSync(`dist/cdn/${file}`)) add(`dist/cdn/${file} as shipped`, shipped(`dist/cdn/${file}`), EVERY_FAMILY_BUDGET_KB);
  }
  return rows;
}
