/**
 * Size of each element as a portal would ship it on its own: the family's entry with Lit and the shared core
 * bundled in, minified, then gzipped (level 9) — the figure the size budgets are stated in.
 */
import { readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundle } from './harness.ts';

export const budgetsKb: Record<string, number> = {
  'queue-status': 14,
  'service-search': 16,
  'a11y-toolbar': 14,
  rating: 12,
};

export async function sizes(): Promise<{ entry: string; minBytes: number; gzipBytes: number; budgetKb?: number }[]> {
  const entries = [
    ['config', 'src/core/index.ts'],
    ...readdirSync('src', { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'core' && existsSync(`src/${d.name}/index.ts`))
      .map((d) => [d.name, `src/${d.name}/index.ts`]),
    ['all (CDN bundle)', 'src/index.ts'],
  ];
  const rows = [];
  for (const [entry, file] of entries) {
    const code = await bundle(file, true);
    rows.push({ entry, minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length, budgetKb: budgetsKb[entry] });
  }
  return rows;
}
