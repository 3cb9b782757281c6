/**
 * The engines in Chromium (see service-search.suite.ts): the page's URL names the catalogue size (`?size=10000`) and,
 * optionally, the engines (`&engines=zhengwu,mini`). Served cross-origin isolated so performance.now() resolves 5 µs,
 * with a precise heap reading and `gc()` from the browser's flags.
 */
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { engines } from './service-search-engines.ts';
import { measure, type Clock, type Row } from './service-search-measure.ts';

export default async function run(): Promise<Row[]> {
  const params = new URLSearchParams(location.search);
  const size = params.get('size') ?? '1000';
  const only = (params.get('engines') ?? '').split(',').filter(Boolean);
  const c = (await (await fetch(`/api/zw-bench/catalogue/${size}`)).json()) as Catalogue;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const gc = (globalThis as unknown as { gc?: () => void }).gc;
  const clock: Clock = {
    now: () => performance.now(),
    heap: () => memory?.usedJSHeapSize,
    gc: () => gc?.(),
    breathe: () => new Promise((r) => setTimeout(r, 0)),
  };
  const rows: Row[] = [];
  for (const e of engines.filter((e) => !only.length || only.some((o) => e.name.toLowerCase().includes(o)))) {
    rows.push(await measure('chromium', e, c, clock, Number(params.get('budget')) || Infinity));
    await new Promise((r) => setTimeout(r, 200));
  }
  return rows;
}
