/**
 * Browser side of the elder-mode switching benchmark (bench/a11y-toolbar.suite.ts): a portal-like page with the
 * toolbar and every other zw element family that exists, each configured as on the demo portal and talking to the
 * reference API; then elder mode is switched on and off through the page's preference store and each switch is
 * timed until the next frame has been produced (style, layout and paint of the new sizes included).
 */
import '../src/core/index.ts';
import { html } from 'lit';
import { define } from '../src/core/define.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { ZwElement } from '../src/core/zw-element.ts';

/** The attributes the demo portal gives each element. */
const DEMO: Record<string, Record<string, string>> = {
  'zw-service-search': { mode: 'auto', 'href-template': '/bs/{code}' },
  'zw-queue-status': { 'allow-take': '', 'show-forecast': '' },
  'zw-rating': { case: 'GA20261122-00318', service: '511A0138000000', window: 'w05', channel: 'pc' },
  'zw-rating-summary': { hall: 'guangan-zwzx' },
  'zw-a11y-toggle': { mode: 'elder' },
};

/** Stands in for a missing widget family: a list of 30 rows with a button each, in the token styles. */
class ZwStandIn extends ZwElement {
  override render() {
    const rows = Array.from({ length: 30 }, (_, i) => i + 1);
    return html`<h2>事项 ${rows.length} 项</h2>
      <ul>
        ${rows.map((i) => html`<li>第 ${i} 项：社会保障卡补领、换领、换发 <button>办理</button></li>`)}
      </ul>`;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves once the frame after the current task has been rendered. */
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

export async function measure(families: Record<string, Record<string, unknown>>) {
  const found: Record<string, string[]> = {};
  for (const [family, mod] of Object.entries(families)) {
    for (const value of Object.values(mod)) {
      const tag = typeof value === 'function' ? customElements.getName(value as CustomElementConstructor) : null;
      if (tag) (found[family] ??= []).push(tag);
    }
  }
  const widgetFamilies = Object.keys(found).filter((f) => f !== 'a11y-toolbar');
  const standIns = Math.max(0, 3 - widgetFamilies.length);
  if (standIns) define('zw-stand-in', ZwStandIn);

  const config = document.createElement('zw-config');
  config.setAttribute('api-base', '');
  config.setAttribute('hall', 'guangan-zwzx');
  const tags = [...Object.values(found).flat(), ...Array<string>(standIns).fill('zw-stand-in')];
  for (const tag of tags) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(DEMO[tag] ?? {})) el.setAttribute(k, v);
    config.append(el);
  }
  document.body.append(config);

  // Let the widgets load their data from the reference API before timing anything.
  await sleep(3000);
  const store = pagePrefsStore();
  const elements = [...config.children] as (HTMLElement & { updateComplete?: Promise<unknown> })[];
  const frames: number[] = [];
  const work: number[] = [];
  for (let i = 0; i < 40; i++) {
    const elder = i % 2 === 0;
    let t0 = performance.now();
    store.set({ elder });
    await nextFrame();
    frames.push(performance.now() - t0);
    await sleep(30);
    // The same switch without waiting for a frame: element updates plus a forced style and layout.
    t0 = performance.now();
    store.set({ elder: !elder });
    await Promise.all(elements.map((el) => el.updateComplete));
    void document.documentElement.getBoundingClientRect().height;
    work.push(performance.now() - t0);
    store.set({ elder });
    await nextFrame();
    await sleep(30);
  }
  store.reset();
  return {
    elements: tags,
    standIns,
    switches: frames.length,
    nextFrameMedianMs: round(median(frames)),
    nextFrameP95Ms: round(p95(frames)),
    updateAndLayoutMedianMs: round(median(work)),
    updateAndLayoutP95Ms: round(p95(work)),
  };
}
