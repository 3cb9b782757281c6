/**
 * `npm run bench`: every benchmark of the project in one run, printed as tables and saved to
 * bench/results/latest.json. `npm run bench -- size queue` runs only the suites whose names contain those words.
 */
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { sizes } from './size.ts';

type Suite = { name: string; run: () => Promise<unknown> };

const suites: Suite[] = [{ name: 'size', run: sizes }];
// Each element family adds its own suites in bench/<name>.suite.ts, exporting `suites: Suite[]`.
for (const file of readdirSync('bench').filter((f) => f.endsWith('.suite.ts')).sort()) {
  const mod = (await import(`./${file}`)) as { suites: Suite[] };
  suites.push(...mod.suites);
}

const filters = process.argv.slice(2);
const results: Record<string, unknown> = {};
for (const suite of suites) {
  if (filters.length && !filters.some((f) => suite.name.includes(f))) continue;
  const started = performance.now();
  console.log(`\n## ${suite.name}`);
  const result = await suite.run();
  results[suite.name] = result;
  if (Array.isArray(result)) console.table(result);
  else console.log(JSON.stringify(result, null, 2));
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
