/**
 * `npm run bench`: every benchmark of the project in one run, printed as tables and saved to
 * bench/results/latest.json. `npm run bench -- size queue` runs only the suites whose names contain those words.
 *
 * The file is written again as each suite finishes (with the results so far, and any earlier results of suites not
 * run this time), and a suite that throws is recorded with its error while the others go on: one crash, or a run
 * stopped halfway, loses nothing that was already measured.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { sizes } from './size.ts';

type Suite = { name: string; run: () => Promise<unknown> };

const suites: Suite[] = [{ name: 'size', run: sizes }];
// Each element family adds its own suites in bench/<name>.suite.ts, exporting `suites: Suite[]`.
for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.suite.ts'))
  .sort()) {
  const mod = (await import(`./${file}`)) as { suites: Suite[] };
  suites.push(...mod.suites);
}

const FILE = 'bench/results/latest.json';
mkdirSync('bench/results', { recursive: true });
type Saved = { at: string; results: Record<string, unknown>; finished?: Record<string, string> };
const saved: Saved = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Saved) : { at: '', results: {} };
saved.finished ??= {};
const save = () => writeFileSync(FILE, JSON.stringify({ ...saved, at: new Date().toISOString() }, null, 2));

const filters = process.argv.slice(2);
let failed = 0;
for (const suite of suites) {
  if (filters.length && !filters.some((f) => suite.name.includes(f))) continue;
  const started = performance.now();
  console.log(`\n## ${suite.name}`);
  try {
    const result = await suite.run();
    saved.results[suite.name] = result;
    if (Array.isArray(result)) console.table(result);
    else console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    failed++;
    saved.results[suite.name] = { error: String((error as Error)?.stack ?? error) };
    console.error(`${suite.name} failed:`, error);
  }
  saved.finished[suite.name] = new Date().toISOString();
  save();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
if (failed) process.exitCode = 1;
