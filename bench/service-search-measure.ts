/**
 * How the service-search benchmark measures an engine, the same in Node and in Chromium (the caller gives the clock,
 * the heap reading and a way to collect garbage):
 *
 * - **build**: wall time of building the index, and the heap it keeps (read after collecting garbage, before and
 *   after, so the catalogue itself is not counted).
 * - **per keystroke**: every prefix of every query of the relevance set as typed (a Chinese query one committed
 *   character at a time), in order, so an engine that reuses the previous keystroke's work may.
 * - **per query**: each whole query at once.
 *
 * A loaded machine (this one is shared by several engineers) pauses a process at random: one slow sample says
 * little. So every keystroke and query is timed in several rounds, interleaved (each round types every query before
 * the next round starts, so no sample is warmer than a real one), and a keystroke's time is the **median of its
 * rounds**: a pause that hit one round is gone, a keystroke that is slow every time stays slow. p50 and p95 are then
 * taken over keystrokes. One untimed round first lets every engine's code be compiled.
 */
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { recallAt3, relevanceSet } from '../test/fixtures/search-relevance.ts';
import type { Engine } from './service-search-engines.ts';

export interface Clock {
  now(): number;
  /** Bytes of JavaScript heap in use, if the environment tells. */
  heap(): number | undefined;
  gc(): void;
  /** Lets the event loop run (timers, garbage collection) between queries. */
  breathe(): Promise<void>;
}

export interface Row {
  env: string;
  items: number;
  names: number;
  engine: string;
  buildMs: number;
  /** Heap kept by the index (MB), and what the index reports of itself. */
  heapMb?: number;
  indexMb?: number;
  keyP50: number;
  keyP95: number;
  keyMax: number;
  queryP50: number;
  queryP95: number;
  keystrokes: number;
  queries: number;
  rounds: number;
  slowest: string;
}

/** Every prefix of every query, as a resident types it. */
export const keystrokes = (queries: string[]) =>
  queries.flatMap((q) => [...q].map((_, k) => [...q].slice(0, k + 1).join('')));

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const median = (xs: number[]) =>
  at(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const round = (ms: number) => Number(ms.toFixed(ms < 1 ? 3 : ms < 10 ? 2 : 1));

/**
 * `budgetMs`: about how long the timed rounds may take. An engine that would take longer is measured on every n-th
 * query instead (as `Engine.stride` does), in three rounds or — when even that is too long — fewer, judged from its
 * untimed first queries; the row says how many keystrokes, queries and rounds were timed.
 */
export async function measure(
  env: string,
  engine: Engine,
  c: Catalogue,
  clock: Clock,
  budgetMs = Infinity,
): Promise<Row> {
  const size = c.items.length;
  let stride = engine.stride(size);
  let rounds = stride > 1 ? 3 : 5;
  const all = relevanceSet.map((r) => r.q);
  let queries = all.filter((_, k) => k % stride === 0);
  clock.gc();
  const before = clock.heap();
  const t0 = clock.now();
  const built = engine.build(c);
  const buildMs = clock.now() - t0;
  clock.gc();
  const after = clock.heap();
  // One untimed round (for the slow engines, a few queries), so every engine is measured compiled; it also tells
  // how long a search takes, for the budget.
  const warm = queries.slice(0, 3);
  const w0 = clock.now();
  for (const q of warm) for (const k of keystrokes([q])) built.search(k);
  const perSearch = (clock.now() - w0) / Math.max(1, keystrokes(warm).length);
  const cost = (list: string[], n: number) => n * (keystrokes(list).length + list.length) * perSearch;
  if (cost(queries, rounds) > budgetMs) {
    rounds = 3;
    while (
      stride < all.length &&
      cost(
        all.filter((_, k) => k % stride === 0),
        rounds,
      ) > budgetMs
    )
      stride++;
    queries = all.filter((_, k) => k % stride === 0);
    if (cost(queries, rounds) > budgetMs) rounds = 1;
  } else if (stride === 1) for (const q of queries.slice(3)) for (const k of keystrokes([q])) built.search(k);
  await clock.breathe();
  const typed: number[][] = [];
  const whole: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const t: number[] = [];
    const w: number[] = [];
    for (const q of queries) {
      for (const k of keystrokes([q])) {
        const s = clock.now();
        built.search(k);
        t.push(clock.now() - s);
      }
      await clock.breathe();
    }
    for (const q of queries) {
      const s = clock.now();
      built.search(q);
      w.push(clock.now() - s);
    }
    await clock.breathe();
    typed.push(t);
    whole.push(w);
  }
  const perKey = typed[0].map((_, i) => median(typed.map((t) => t[i])));
  const perQuery = whole[0].map((_, i) => median(whole.map((w) => w[i])));
  const labels = keystrokes(queries);
  const sortedKeys = [...perKey].sort((a, b) => a - b);
  const sortedQueries = [...perQuery].sort((a, b) => a - b);
  return {
    env,
    items: size,
    names: new Set(c.items.map((i) => i.name)).size,
    engine: engine.name,
    buildMs: round(buildMs),
    heapMb: before !== undefined && after !== undefined ? Number(((after - before) / 1e6).toFixed(1)) : undefined,
    indexMb: built.bytes === undefined ? undefined : Number((built.bytes / 1e6).toFixed(1)),
    keyP50: round(at(sortedKeys, 0.5)),
    keyP95: round(at(sortedKeys, 0.95)),
    keyMax: round(at(sortedKeys, 1)),
    queryP50: round(at(sortedQueries, 0.5)),
    queryP95: round(at(sortedQueries, 0.95)),
    keystrokes: perKey.length,
    queries: perQuery.length,
    rounds,
    slowest: perKey
      .map((ms, i) => [ms, labels[i]] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 5)
      .map(([ms, q]) => `${q} ${round(ms)}`)
      .join(', '),
  };
}

/** recall@3 on the real catalogue, overall and by kind of query, with the queries missed. */
export function recall(engine: Engine, real: Catalogue) {
  const { search } = engine.build(real);
  const all = recallAt3(search);
  const missed = new Set(all.misses.map((m) => m.q));
  const kinds = [...new Set(relevanceSet.map((r) => r.kind))];
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const cases = relevanceSet.filter((r) => r.kind === kind);
      return [kind, Number((cases.filter((r) => !missed.has(r.q)).length / cases.length).toFixed(2))];
    }),
  );
  return {
    engine: engine.name,
    'recall@3': Number(all.recall.toFixed(3)),
    ...byKind,
    misses: [...missed].join(' '),
  };
}
