/**
 * The element itself on a page (see service-search.suite.ts): `<zw-service-search mode="client">` loads a catalogue
 * of `?size=` distinct names from the benchmark's API, and a resident types the relevance set's queries. Measured on
 * the page's main thread: long tasks (over 50 ms, from a PerformanceObserver started before the element, while
 * loading and while typing; the suite also reads them, with their CPU time, from a trace), and per keystroke the time
 * from the input event to the results for it being on screen — the worker's round trip and Lit's render included
 * (read at the next animation frame, so about 16 ms at least).
 */
import '../src/service-search/index.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';
import { relevanceSet } from '../test/fixtures/search-relevance.ts';
import { keystrokes } from './service-search-measure.ts';

export default async function run() {
  const params = new URLSearchParams(location.search);
  const size = Number(params.get('size') ?? 10_000);
  // Without Worker the element opens and searches the catalogue in the page, as it did before the worker.
  if (params.get('worker') === '0') (window as { Worker?: unknown }).Worker = undefined;
  const tasks: [number, number][] = [];
  new PerformanceObserver((list) =>
    tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration] as [number, number])),
  ).observe({
    type: 'longtask',
    buffered: true,
  });
  let workers = 0;
  let answers = 0;
  const Real = window.Worker;
  if (Real)
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers++;
        this.addEventListener('message', (e: MessageEvent<{ kind?: string }>) => e.data?.kind === 'found' && answers++);
      }
    };
  const t0 = performance.now();
  const el = document.createElement('zw-service-search') as ZwServiceSearch;
  el.setAttribute('mode', 'client');
  document.body.append(el);
  const internals = el as unknown as { source?: unknown; foundFor?: string };
  while (!internals.source) await new Promise((r) => setTimeout(r, 5));
  const readyMs = performance.now() - t0;
  const typingFrom = performance.now();
  const box = el.shadowRoot!.querySelector('input')!;
  box.focus();
  const shown = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () =>
        internals.foundFor === text ? el.updateComplete.then(() => resolve()) : requestAnimationFrame(check);
      check();
    });
  const samples: number[] = [];
  for (const q of relevanceSet.map((r) => r.q)) {
    for (const k of keystrokes([q])) {
      const s = performance.now();
      box.value = k;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await shown(k);
      samples.push(performance.now() - s);
    }
  }
  await new Promise((r) => setTimeout(r, 200));
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2));
  const longest = (list: [number, number][]) => Math.round(Math.max(0, ...list.map(([, d]) => d)));
  return {
    items: size,
    workers,
    answeredByWorker: answers,
    readyMs: Math.round(readyMs),
    longestTaskMs: longest(tasks),
    longestWhileLoadingMs: longest(tasks.filter(([t]) => t < typingFrom)),
    longestWhileTypingMs: longest(tasks.filter(([t]) => t >= typingFrom)),
    tasksOver50ms: tasks.length,
    keystrokes: samples.length,
    keyToScreenP50: at(0.5),
    keyToScreenP95: at(0.95),
  };
}
