import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/a11y-toolbar/index.ts';
import type { ZwA11yToolbar } from '../src/a11y-toolbar/index.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { A11yPrefs } from '../src/core/prefs/prefs.ts';

// The toolbar placed the way docs/host-page.md tells a portal to place it (the recipe is read from the page itself),
// on a phone and on a wide screen, in elder mode: every control of the open panel is on the screen and reachable by
// Tab, and nothing the page focuses next is hidden under the panel (WCAG 2.4.11). A portal that still floats the
// panel from a narrow box, as an earlier version of the page said, gets a panel the element keeps on the screen and
// closes when the focus moves on.

/** The fenced code blocks of `section` in docs/host-page.md, by language. */
async function recipe(section: string): Promise<{ html: string[]; css: string[] }> {
  const doc = await (await fetch('/docs/host-page.md')).text();
  const start = doc.indexOf(`## ${section}`);
  const body = doc.slice(start, doc.indexOf('\n## ', start + 3));
  const blocks = [...body.matchAll(/```(html|css)\n([\s\S]*?)```/g)];
  return {
    html: blocks.filter((b) => b[1] === 'html').map((b) => b[2]),
    css: blocks.filter((b) => b[1] === 'css').map((b) => b[2]),
  };
}

/** A portal's own look: a header with a brand, the main navigation, then content with links. */
const PORTAL = `
  body { margin: 0; font-family: system-ui, sans-serif; }
  header { background: #fff; padding: 0.75rem 1rem; }
  .brand { font-size: 1.5em; font-weight: 700; }
  .mainnav { display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .mainnav a { padding: 0.5rem 1rem; }
  main { padding: 1rem; }
  main a { display: block; padding: 0.5rem 0; }
`;
const NAV = ['首页', '个人办事', '法人办事', '排队叫号', '好差评'].map((n) => `<a href="#${n}">${n}</a>`).join('');
const CONTENT = `<main>${['社保卡补领', '身份证换领', '户口迁移', '不动产登记'].map((n) => `<a href="#${n}">${n}</a>`).join('')}</main>`;

/** What an earlier version of docs/host-page.md suggested: the panel floated from the header's narrow tools box. */
const OVERLAY_HTML = `<header><div class="row"><a class="brand" href="/">广安区政务服务网</a>
  <div class="tools"><button type="button">长辈版</button><zw-a11y-toolbar></zw-a11y-toolbar></div></div>
  <nav class="mainnav" aria-label="主导航">${NAV}</nav></header>${CONTENT}`;
const OVERLAY_CSS = `
  .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 1rem; }
  .tools { position: relative; display: flex; align-items: center; gap: 0.75rem; }
  zw-a11y-toolbar::part(panel) {
    position: absolute; inset-inline-end: 0; top: 100%; z-index: 1000; width: min(40em, 100vw - 2rem);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
`;

const holder = document.createElement('div');
const style = document.createElement('style');
let sizes = '';

before(async () => {
  // The text sizes part of the recipe, as every page that follows the preferences has it.
  sizes = (await recipe('The recipe')).css[0];
  document.head.append(style);
  document.body.append(holder);
});
afterEach(async () => {
  holder.innerHTML = '';
  pagePrefsStore().reset();
  await setViewport({ width: 800, height: 600 });
});
after(() => {
  style.remove();
  holder.remove();
});

async function page(markup: string, css: string, width: number, prefs: Partial<A11yPrefs>): Promise<ZwA11yToolbar> {
  style.textContent = PORTAL + sizes + css;
  holder.innerHTML = markup;
  pagePrefsStore().set(prefs);
  await setViewport({ width, height: 800 });
  const toolbar = holder.querySelector<ZwA11yToolbar>('zw-a11y-toolbar')!;
  await toolbar.updateComplete;
  return toolbar;
}

/** The page as the recipe in docs/host-page.md builds it. */
async function recipePage(width: number, prefs: Partial<A11yPrefs>) {
  const { html, css } = await recipe('Where the toolbar goes');
  expect(html, 'the recipe shows its markup').to.have.length(1);
  const markup = html[0].replace('…', NAV) + CONTENT;
  return page(markup, css.join('\n'), width, prefs);
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

function deepActive(): HTMLElement {
  let a = document.activeElement as HTMLElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
  return a;
}

/** Outside the screen, in words ('' when fully on it). */
function offScreen(el: Element): string {
  const r = el.getBoundingClientRect();
  const [w, h] = [document.documentElement.clientWidth, innerHeight];
  return r.left < -0.5 || r.right > w + 0.5 || r.top < -0.5 || r.bottom > h + 0.5
    ? `${el.textContent!.trim() || el.localName} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} on ${w}×${h}`
    : '';
}

/** What covers the middle of `el`, if it is not `el` itself (or inside it). */
function coveredBy(el: Element): string {
  const r = el.getBoundingClientRect();
  let top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  while (top?.shadowRoot) {
    const inner = top.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!inner || inner === top) break;
    top = inner;
  }
  return !top || el.contains(top) || top === el ? '' : `${el.textContent!.trim()} is under ${top.localName}.${top.className}`;
}

/** Opens the panel with its button, as a resident does, and returns the panel's controls in Tab order. */
async function open(toolbar: ZwA11yToolbar): Promise<HTMLElement[]> {
  $(toolbar, '.open').click();
  await toolbar.updateComplete;
  await nextFrame();
  return $$(toolbar, '#panel button:not([disabled]), #panel input[type=radio]:checked');
}

/**
 * Tabs from the 无障碍 button until focus leaves the toolbar, then `after` more: the focused elements in order, and
 * each one's place on the screen at the moment it had the focus ('' when on it).
 */
async function tabThrough(toolbar: ZwA11yToolbar, after: number) {
  $(toolbar, '.open').focus();
  const inside: HTMLElement[] = [];
  const outside: HTMLElement[] = [];
  const off: string[] = [];
  for (let i = 0; i < 40 && outside.length < after; i++) {
    await sendKeys({ press: 'Tab' });
    await toolbar.updateComplete;
    await nextFrame();
    const a = deepActive();
    (toolbar.shadowRoot!.contains(a) ? inside : outside).push(a);
    off.push(offScreen(a));
  }
  return { inside, outside, off: off.filter(Boolean) };
}

describe('the toolbar in the header, as docs/host-page.md places it', () => {
  for (const [name, prefs] of [
    ['elder mode', { elder: true }],
    ['elder mode at 200% text', { elder: true, fontScale: 2 }],
  ] as const) {
    it(`opens a panel whose every control is on a 390 px screen and reached by Tab, in ${name}`, async () => {
      const toolbar = await recipePage(390, prefs);
      const controls = await open(toolbar);
      expect(controls.length).to.be.at.least(9);
      for (const c of controls) {
        const r = c.getBoundingClientRect();
        expect(r.left, `${c.textContent!.trim()} left`).to.be.at.least(0);
        expect(r.right, `${c.textContent!.trim()} right`).to.be.at.most(document.documentElement.clientWidth);
      }
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(390);
      const { inside, off } = await tabThrough(toolbar, 2);
      expect(inside.map((c) => c.textContent!.trim())).to.include.members(['关闭', '恢复默认', '放大']);
      expect(off, 'every focused control is on the screen').to.deep.equal([]);
      await expect(toolbar).to.be.accessible();
    });
  }

  it('pushes the navigation down on a 1280 px screen in elder mode: no link Tab reaches is under the panel', async () => {
    const toolbar = await recipePage(1280, { elder: true });
    await open(toolbar);
    const { outside } = await tabThrough(toolbar, 6);
    expect(toolbar.open, 'the panel stays open: it covers nothing').to.be.true;
    expect(outside.map((el) => el.textContent!.trim())).to.deep.equal(['首页', '个人办事', '法人办事', '排队叫号', '好差评', '社保卡补领']);
    for (const el of outside) {
      el.scrollIntoView({ block: 'nearest' });
      expect(coveredBy(el)).to.equal('');
    }
  });
});

describe('the toolbar floated from a narrow box, as an earlier recipe did', () => {
  it('keeps the panel on a 390 px screen in elder mode at 200%, no taller than the screen', async () => {
    const toolbar = await page(OVERLAY_HTML, OVERLAY_CSS, 390, { elder: true, fontScale: 2 });
    await open(toolbar);
    const panel = $(toolbar, '#panel');
    const r = panel.getBoundingClientRect();
    expect(r.left, 'panel left').to.be.at.least(0);
    expect(r.right, 'panel right').to.be.at.most(document.documentElement.clientWidth);
    expect(r.height, 'panel height').to.be.at.most(innerHeight);
    const { inside, off } = await tabThrough(toolbar, 1);
    expect(inside.map((c) => c.textContent!.trim())).to.include('关闭');
    expect(off, 'every focused control is on the screen').to.deep.equal([]);
  });

  it('closes the floating panel when Tab moves on, so the focused link is not hidden (1280 px, elder mode)', async () => {
    const toolbar = await page(OVERLAY_HTML, OVERLAY_CSS, 1280, { elder: true });
    await open(toolbar);
    const { outside } = await tabThrough(toolbar, 3);
    await waitUntil(() => !toolbar.open, 'the panel closed');
    for (const el of outside) expect(coveredBy(el)).to.equal('');
  });

  it('closes the floating panel when the resident presses elsewhere on the page, and not for a press inside it', async () => {
    const toolbar = await page(OVERLAY_HTML, OVERLAY_CSS, 1280, { elder: true });
    await open(toolbar);
    $(toolbar, '#panel .row').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(toolbar.open).to.be.true;
    holder.querySelector('main')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await toolbar.updateComplete;
    expect(toolbar.open).to.be.false;
  });
});
