/**
 * The long fault run: `npm run bench:fault` runs test/fault/scenario.ts at five times the CI size (300 ratings and
 * 100 online tickets, six residents, reloads, closed tabs and offline spells over a faulty path that keeps failing
 * and healing) and prints what was made, stored, lost and doubled. `ZW_FAULT_SCALE` and `ZW_FAULT_SEED` change the
 * size and the draw. Exits non-zero when a rating or a ticket was lost or doubled, or a page broke a rule.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runFaultScenario, summarize } from '../test/fault/scenario.ts';

const scale = Number(process.env.ZW_FAULT_SCALE ?? 5);
const seed = Number(process.env.ZW_FAULT_SEED ?? 20261123);
const report = await runFaultScenario({ scale, seed, log: (line) => console.log(line) });
console.log(`\n${summarize(report)}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/fault.json', JSON.stringify({ at: new Date().toISOString(), report }, null, 2));
const v = report.violations;
const broken =
  report.ratings.lost + report.ratings.doubled + report.tickets.lost + report.tickets.doubled + v.pageErrors.length + v.ratingTruth.length + v.ticketTruth.length + v.liveTruth.length;
process.exitCode = broken ? 1 : 0;
