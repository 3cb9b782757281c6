/**
 * Browser side of the "40-window board update" benchmark (run by bench/queue-status.suite.ts through
 * runInBrowser). A stand-in EventSource feeds the board a snapshot, then patches like the reference simulator's:
 * one or two windows call a new number, a category's counts change. Each sample is the time from the event's
 * arrival to a laid-out page: JSON parsing, validation, the patch, Lit's render, style and layout.
 */
// A value import: the package's `sideEffects` list would let the bundler drop a bare `import '…/index.ts'`.
import { ZwQueueStatus } from '../src/queue-status/index.ts';
import type { Category, HallSnapshot, Window } from '../src/core/api/types.gen.ts';

class BenchSource extends EventTarget {
  static last?: BenchSource;
  readyState = 1;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(readonly url: string) {
    super();
    BenchSource.last = this;
  }
  close() {
    this.readyState = 2;
  }
}

const WINDOWS = 40;
const CATEGORIES = ['社保医保', '户籍证照', '不动产登记', '企业开办', '税务', '综合受理'];
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

export default async function run(): Promise<{ samples: number[]; windows: number; size: string }> {
  (window as { EventSource: unknown }).EventSource = BenchSource;
  document.body.style.margin = '0';
  const el = new ZwQueueStatus();
  el.hall = 'bench-hall';
  el.variant = 'board';
  // A 1080p wall display, whatever the benchmark browser's viewport.
  el.style.width = '1920px';
  el.style.setProperty('--board-height', '1080px');
  document.body.append(el);
  await el.updateComplete;
  const source = BenchSource.last;
  if (!source) throw new Error('the board opened no event stream');

  const categories: Category[] = CATEGORIES.map((name, n) => ({
    id: String.fromCharCode(65 + n),
    name,
    prefix: String.fromCharCode(65 + n),
    waiting: 10 + n,
    avgServiceMinutes: 6 + n,
    estimatedWaitMinutes: 20 + n * 5,
  }));
  const serving = new Map<string, number>();
  const windows: Window[] = Array.from({ length: WINDOWS }, (_, n) => {
    const c = categories[n % categories.length];
    serving.set(c.id, (serving.get(c.id) ?? 0) + 1);
    return {
      id: `w${n + 1}`,
      label: `${n + 1} 号窗口`,
      status: n % 13 === 12 ? 'paused' : 'open',
      serving: `${c.prefix}${String(serving.get(c.id)).padStart(3, '0')}`,
      categoryIds: [c.id],
    };
  });
  let version = 1;
  const snapshot: HallSnapshot = {
    hallId: 'bench-hall',
    name: '广安区政务服务中心',
    open: true,
    hours: { opens: '09:00', closes: '17:00', lunch: null },
    windows,
    categories,
    version,
    updatedAt: new Date().toISOString(),
  };
  source.dispatchEvent(new MessageEvent('snapshot', { data: JSON.stringify(snapshot), lastEventId: '1' }));
  // The board's code is fetched on demand: wait until it has rendered before measuring updates.
  for (let n = 0; !el.shadowRoot!.querySelector('.grid'); n++) {
    if (n > 600) throw new Error('the board never rendered');
    await frame();
  }

  const samples: number[] = [];
  for (let n = 0; n < 430; n++) {
    version += 1;
    const changed = [windows[(n * 7) % WINDOWS], ...(n % 3 === 0 ? [windows[(n * 11 + 3) % WINDOWS]] : [])].map((w) => {
      const c = w.categoryIds[0];
      serving.set(c, ((serving.get(c) ?? 0) % 999) + 1);
      return { ...w, serving: `${c}${String(serving.get(c)).padStart(3, '0')}` };
    });
    const category = categories[n % categories.length];
    const at = new Date().toISOString();
    const patch = {
      version,
      updatedAt: at,
      windows: changed,
      categories: [{ ...category, waiting: (category.waiting + n) % 40 }],
      calls: changed.map((w) => ({ ticket: w.serving!, windowId: w.id, windowLabel: w.label, at })),
    };
    const data = JSON.stringify(patch);
    const started = performance.now();
    source.dispatchEvent(new MessageEvent('patch', { data, lastEventId: String(version) }));
    await el.updateComplete;
    void el.shadowRoot!.querySelector<HTMLElement>('.grid')!.offsetHeight; // style and layout, as the screen needs them
    const took = performance.now() - started;
    if (n >= 30) samples.push(took); // the first updates warm up the JIT
    await frame(); // one update per frame at most, as a real stream would arrive
  }
  const grid = el.shadowRoot!.querySelector<HTMLElement>('.grid')!;
  return {
    samples,
    windows: el.shadowRoot!.querySelectorAll('.grid li').length,
    size: `${grid.clientWidth}×${el.clientHeight}`,
  };
}
