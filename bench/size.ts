/**
 * Size of each element as a portal would ship it on its own: the element's class registered by itself, with Lit and
 * the shared core bundled in, minified (CSS in templates too), then gzipped at level 9 — the figure the size
 * budgets are stated in. Family entries (which register every element of the family) and the CDN file follow.
 */
import { readdirSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle } from './harness.ts';

/** Each element, its module and class, and its budget in KB (min + gzip, Lit included) where the product sets one. */
const elements: { tag: string; module: string; className: string; budgetKb?: number }[] = [
  { tag: 'zw-config', module: 'src/core/config-element.ts', className: 'ZwConfig' },
  { tag: 'zw-queue-status', module: 'src/queue-status/queue-status.ts', className: 'ZwQueueStatus', budgetKb: 14 },
  { tag: 'zw-service-search', module: 'src/service-search/zw-service-search.ts', className: 'ZwServiceSearch', budgetKb: 16 },
  { tag: 'zw-a11y-toolbar', module: 'src/a11y-toolbar/toolbar.ts', className: 'ZwA11yToolbar', budgetKb: 14 },
  { tag: 'zw-a11y-toggle', module: 'src/a11y-toolbar/toggle.ts', className: 'ZwA11yToggle' },
  { tag: 'zw-rating', module: 'src/rating/rating.ts', className: 'ZwRating', budgetKb: 12 },
  { tag: 'zw-rating-summary', module: 'src/rating/rating-summary.ts', className: 'ZwRatingSummary' },
];

const measure = async (entry: string) => {
  const code = await bundle(entry, true);
  return { minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
};

export async function sizes() {
  const dir = mkdtempSync(join(tmpdir(), 'zw-size-'));
  const rows: { entry: string; minBytes: number; gzipKb: number; budgetKb?: number; withinBudget?: boolean }[] = [];
  const add = (entry: string, m: { minBytes: number; gzipBytes: number }, budgetKb?: number) =>
    rows.push({
      entry,
      minBytes: m.minBytes,
      gzipKb: Math.round((m.gzipBytes / 1024) * 10) / 10,
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
    add(`<${el.tag}>`, await measure(entry), el.budgetKb);
  }
  const families = readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`src/${d.name}/index.ts`))
    .map((d) => d.name);
  for (const family of families) add(`${family === 'core' ? 'config' : family}.js (family entry)`, await measure(`src/${family}/index.ts`));
  add('CDN file (everything)', await measure('src/index.ts'));
  return rows;
}
