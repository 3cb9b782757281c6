import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { A11yPrefs } from '../src/core/prefs/prefs.ts';
import { describe as named, layoutProblems, lines, pageScrollsSideways, shadowTexts } from './support/layout.ts';
import { fakeQueueNetwork, mountWidgets, openSearchList, restoreNetwork, settle, type Widgets } from './support/widget-page.ts';

// Phone first: every widget at the widths of the phones residents hold (320 to 414 px), in normal and elder mode and
// at 200% text, on a page that follows the preferences with the host-page recipe (docs/host-page.md). Nothing may
// make the page scroll sideways, stick out of its element, hide part of a control, or break a word or a short label.

const RECIPE = `
  html { font-size: calc(100% * var(--zw-font-scale, 1)); --zw-base-font-size: max(16px, calc(1rem / var(--zw-font-scale, 1))); }
  html[data-zw-elder] body { line-height: 1.6; }
  body { margin: 0; }
  .page { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 0.75rem; }
`;

const WIDTHS = [320, 360, 390, 414];
const MODES: [string, Partial<A11yPrefs>][] = [
  ['normal', { elder: false, fontScale: 1 }],
  ['elder', { elder: true, fontScale: 1 }],
  ['200% text', { elder: false, fontScale: 2 }],
  ['elder at 200% text', { elder: true, fontScale: 2 }],
];

let w: Widgets;
const style = document.createElement('style');

before(async function () {
  this.timeout(60_000);
  style.textContent = RECIPE;
  document.head.append(style);
  await setViewport({ width: 390, height: 800 });
  fakeQueueNetwork();
  w = await mountWidgets();
});
after(async () => {
  w.page.parentElement!.remove();
  restoreNetwork();
  style.remove();
  pagePrefsStore().reset();
  await setViewport({ width: 800, height: 600 });
});

async function show(width: number, prefs: Partial<A11yPrefs>) {
  pagePrefsStore().set(prefs);
  await setViewport({ width, height: 800 });
  await openSearchList(w);
  await settle(w);
}

describe('every widget on a phone', () => {
  for (const [mode, prefs] of MODES) {
    for (const width of WIDTHS) {
      it(`fits a ${width} px screen in ${mode}: no sideways scroll, nothing sticking out, words whole`, async () => {
        await show(width, prefs);
        const problems = [...pageScrollsSideways(), ...w.all.flatMap((el) => layoutProblems(el))];
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    }
  }

  it('keeps the level names, the waits and the filter labels on one line at 320 px in elder mode at 200%', async () => {
    await show(320, { elder: true, fontScale: 2 });
    const oneLine = (host: Element, texts: string[]) =>
      shadowTexts(host)
        .filter((t) => texts.includes(t.textContent!.replace(/\s+/g, ' ').trim()))
        .map((t) => {
          const range = document.createRange();
          range.selectNodeContents(t);
          return [t.textContent!.trim(), lines(range).length, named(t.parentElement!)] as const;
        })
        .filter(([, n]) => n !== 1);
    const names = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
    expect(oneLine(w.rating, names)).to.deep.equal([]);
    expect(oneLine(w.summary, names)).to.deep.equal([]);
    expect(oneLine(w.queue, ['约 6 分钟', '不再关注此号', '查询'])).to.deep.equal([]);
    expect(oneLine(w.search, ['实施部门', '事项类型', '全程网办', '零跑动', '跨域通办', '即办件'])).to.deep.equal([]);
    expect(oneLine(w.toolbar, ['长辈模式', '无障碍', '关闭', '恢复默认'])).to.deep.equal([]);
  });

  it('draws the summary’s bars across the card at 320 px in elder mode, each as long as its share', async () => {
    await show(320, { elder: true, fontScale: 1 });
    const card = w.summary.getBoundingClientRect();
    const meters = [...w.summary.shadowRoot!.querySelectorAll('meter')];
    expect(meters).to.have.length(5);
    const counts = meters.map((m) => m.value);
    expect(counts).to.deep.equal([4, 1, 1, 1, 1]);
    for (const m of meters) {
      const r = m.getBoundingClientRect();
      expect(r.left, 'bar inside the card').to.be.at.least(card.left - 0.5);
      expect(r.right, 'bar inside the card').to.be.at.most(card.right + 0.5);
      expect(r.width, 'bar track at least half the card').to.be.at.least(card.width / 2);
    }
    // The filled part of each bar is its track times its share: equal tracks make the bars proportional.
    const filled = meters.map((m) => (m.getBoundingClientRect().width * m.value) / m.max);
    for (const [i, f] of filled.entries()) expect(f / filled[0], `bar ${i + 1}`).to.be.closeTo(counts[i] / counts[0], 0.02);
    expect(Math.min(...filled), 'the shortest bar shows').to.be.at.least(16);
    // Counts stay inside the card too.
    for (const li of w.summary.shadowRoot!.querySelectorAll('li span'))
      expect(li.getBoundingClientRect().right).to.be.at.most(card.right + 0.5);
  });

  it('is accessible in elder mode at 200% on a 320 px screen', async () => {
    await show(320, { elder: true, fontScale: 2 });
    for (const el of w.all) await expect(el).to.be.accessible();
  });
});
