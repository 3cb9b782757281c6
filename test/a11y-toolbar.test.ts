import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import '../src/a11y-toolbar/index.ts';
import type { ZwA11yToolbar } from '../src/a11y-toolbar/index.ts';
import { reader } from '../src/a11y-toolbar/speech.ts';
import { ZwBase } from '../src/core/zw-base.ts';
import { define } from '../src/core/define.ts';
import { pagePrefsStore, PrefsStore, PREFS_STORAGE_KEY } from '../src/core/prefs/store.ts';
import type { A11yPrefs, ContrastScheme } from '../src/core/prefs/prefs.ts';
import { textContrast } from './support/contrast.ts';

/** A second zw element: text in its shadow root around a slot, so the page reader has to walk the flat tree. */
class ZwReadProbe extends ZwBase {
  override render() {
    return litHtml`<p>影子里的话。</p><slot></slot>`;
  }
}
define('zw-read-probe', ZwReadProbe);

// ---- speechSynthesis, faked at the browser boundary -------------------------------------------------------------

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  onend: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(public text: string) {}
}

class FakeSynth extends EventTarget {
  voices: { lang: string; name: string }[];
  spoken: FakeUtterance[] = [];
  current?: FakeUtterance;
  paused = false;
  cancels = 0;
  constructor(langs: string[]) {
    super();
    this.voices = langs.map((lang) => ({ lang, name: `voice ${lang}`, voiceURI: lang, default: false, localService: true }));
  }
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.spoken.push(u);
    this.current = u;
  }
  cancel() {
    this.cancels++;
    const u = this.current;
    this.current = undefined;
    u?.onerror?.({ error: 'canceled' });
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  /** The engine finishes the current utterance. */
  finish() {
    const u = this.current;
    this.current = undefined;
    u?.onend?.({});
  }
  get texts() {
    return this.spoken.map((u) => u.text);
  }
}

let synth: FakeSynth;
function installSpeech(langs: string[] | null) {
  synth = new FakeSynth(langs ?? []);
  Object.defineProperty(window, 'speechSynthesis', { value: langs ? synth : undefined, configurable: true, writable: true });
  (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
}

// ---- helpers ------------------------------------------------------------------------------------------------------

const root = document.documentElement;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as T[];
const byText = (el: Element, text: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === text)!;
const stored = () => JSON.parse(localStorage.getItem(PREFS_STORAGE_KEY) ?? 'null') as A11yPrefs | null;

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function press(...keys: string[]) {
  for (const k of keys.slice(0, -1)) await sendKeys({ down: k });
  await sendKeys({ press: keys[keys.length - 1] });
  for (const k of keys.slice(0, -1).reverse()) await sendKeys({ up: k });
}

async function toolbar(markup = html`<zw-a11y-toolbar></zw-a11y-toolbar>`) {
  const wrap = await fixture(html`<div>${markup}</div>`);
  const el = wrap.querySelector('zw-a11y-toolbar') as ZwA11yToolbar;
  await el.updateComplete;
  return el;
}

async function opened(markup?: ReturnType<typeof html>) {
  const el = await toolbar(markup);
  el.open = true;
  await el.updateComplete;
  return el;
}

/** Every visible element in `el`'s shadow root that shows text of its own (slots show their slotted text). */
function textElements(el: Element): HTMLElement[] {
  return $$<HTMLElement>(el, '*').filter(
    (n) =>
      n.checkVisibility() &&
      (n.localName === 'slot' || [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim())),
  );
}
/** What a pointer or finger hits for each control: the button itself, or the label around a radio. */
function targets(el: Element): HTMLElement[] {
  return [
    ...$$<HTMLElement>(el, 'button'),
    ...$$<HTMLInputElement>(el, 'input').map((i) => i.closest('label') as HTMLElement),
  ].filter((n) => n.checkVisibility());
}

beforeEach(() => {
  localStorage.clear();
  installSpeech(['en-US', 'zh-HK', 'zh-CN']);
});

afterEach(async () => {
  reader.stop();
  pagePrefsStore().reset();
  await resetMouse();
});

// ---- tests ---------------------------------------------------------------------------------------------------------

describe('<zw-a11y-toolbar>', () => {
  it('follows the preferences even as the first zw element on the page (before the store existed)', async () => {
    const el = await toolbar();
    pagePrefsStore().set({ elder: true });
    await el.updateComplete;
    expect(el.hasAttribute('data-zw-elder')).to.be.true;
    expect($(el, '[role=switch]').getAttribute('aria-checked')).to.equal('true');
  });

  it('turns elder mode on in one click: attributes on <html>, 150% text, stored, and a second element follows live', async () => {
    const el = await toolbar(html`<zw-a11y-toolbar></zw-a11y-toolbar><zw-read-probe></zw-read-probe>`);
    const probe = el.parentElement!.querySelector('zw-read-probe') as ZwReadProbe;
    const elder = byText(el, '长辈模式');
    expect(elder.getAttribute('role')).to.equal('switch');
    expect(elder.getAttribute('part')).to.equal('elder'); // a page with its own elder toggle may hide this one
    expect(elder.getAttribute('aria-checked')).to.equal('false');
    elder.click();
    await el.updateComplete;
    await probe.updateComplete;
    expect(elder.getAttribute('aria-checked')).to.equal('true');
    expect(root.hasAttribute('data-zw-elder')).to.be.true;
    expect(root.style.getPropertyValue('--zw-font-scale')).to.equal('1.5');
    expect(stored()!.elder).to.be.true;
    expect(probe.hasAttribute('data-zw-elder')).to.be.true;
    expect(getComputedStyle($(probe, 'p')).fontSize).to.equal('24px');
  });

  it('fires zw-a11y-change once per user action, never when code changes a preference', async () => {
    const el = await toolbar();
    const seen: unknown[] = [];
    el.addEventListener('zw-a11y-change', (e) => seen.push(e.detail));
    pagePrefsStore().set({ spacing: true });
    await el.updateComplete;
    expect(seen).to.have.length(0);
    const event = oneEvent(el, 'zw-a11y-change');
    byText(el, '长辈模式').click();
    const { detail } = await event;
    expect(detail.key).to.equal('elder');
    expect(detail.prefs).to.include({ elder: true, spacing: true });
    expect(seen).to.have.length(1);
  });

  it('offers text size in five steps from 100% to 200%, and never below 150% in elder mode', async () => {
    const el = await opened();
    const [smaller, larger] = [byText(el, '缩小'), byText(el, '放大')];
    const shown = () => $(el, 'output').textContent!.trim();
    expect(shown()).to.equal('100%');
    expect(smaller.getAttribute('aria-disabled')).to.equal('true');
    const steps = [];
    larger.focus();
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      steps.push(shown());
    }
    expect(steps).to.deep.equal(['125%', '150%', '175%', '200%', '200%']);
    expect(larger.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActive() === larger, 'still focusable at the end of the scale').to.be.true;
    expect(root.style.getPropertyValue('--zw-font-scale')).to.equal('2');
    expect(stored()!.fontScale).to.equal(2);
    pagePrefsStore().set({ fontScale: 1, elder: true });
    await el.updateComplete;
    expect(shown()).to.equal('150%');
    expect(smaller.getAttribute('aria-disabled')).to.equal('true');
  });

  it('sets each preference on <html>, stores it, restores it after a reload and passes it to another element', async () => {
    const cases: [string, keyof A11yPrefs, string][] = [
      ['加大间距', 'spacing', 'data-zw-spacing'],
      ['大鼠标', 'largeCursor', 'data-zw-large-cursor'],
      ['十字线', 'readingGuide', 'data-zw-reading-guide'],
      ['减少动画', 'reducedMotion', 'data-zw-reduced-motion'],
      ['指读', 'speakOnPoint', 'data-zw-speak-on-point'],
    ];
    const el = await opened(html`<zw-a11y-toolbar></zw-a11y-toolbar><zw-read-probe></zw-read-probe>`);
    const probe = el.parentElement!.querySelector('zw-read-probe') as ZwReadProbe;
    for (const [label, key, attr] of cases) {
      const sw = byText(el, label);
      sw.click();
      await el.updateComplete;
      await probe.updateComplete;
      expect(sw.getAttribute('aria-checked'), label).to.equal('true');
      expect(root.hasAttribute(attr), attr).to.be.true;
      expect(probe.hasAttribute(attr), `${attr} on a second element`).to.be.true;
      expect(stored()![key], key).to.be.true;
    }
    // Reload: a fresh store reads the stored preferences and mirrors them onto its own root.
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    new PrefsStore(page);
    for (const [, , attr] of cases) expect(page.hasAttribute(attr), `${attr} after reload`).to.be.true;
    page.append(document.createElement('zw-read-probe'));
    const reloaded = page.firstElementChild as ZwReadProbe;
    await reloaded.updateComplete;
    for (const [, , attr] of cases) expect(reloaded.hasAttribute(attr), `${attr} on an element after reload`).to.be.true;
    expect(getComputedStyle($(reloaded, 'p')).letterSpacing).to.equal(`${0.12 * 16}px`);
  });

  it('switches the colour scheme with the keyboard (radio group), stores it and restores it after a reload', async () => {
    const el = await opened();
    const radios = $$<HTMLInputElement>(el, 'input[type=radio]');
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal([
      '默认配色',
      '白底黑字',
      '黑底黄字',
      '蓝底白字',
    ]);
    expect(radios[0].checked).to.be.true;
    radios[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(root.getAttribute('data-zw-contrast')).to.equal('yellow-on-black');
    expect(el.getAttribute('data-zw-contrast')).to.equal('yellow-on-black');
    expect(stored()!.contrast).to.equal('yellow-on-black');
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    new PrefsStore(page);
    expect(page.getAttribute('data-zw-contrast')).to.equal('yellow-on-black');
  });

  it('resets everything to a first visit', async () => {
    const el = await opened();
    pagePrefsStore().set({ elder: true, contrast: 'white-on-blue', spacing: true, fontScale: 2 });
    await el.updateComplete;
    const event = oneEvent(el, 'zw-a11y-change');
    byText(el, '恢复默认').click();
    expect((await event).detail.key).to.equal('reset');
    await el.updateComplete;
    for (const a of ['data-zw-elder', 'data-zw-contrast', 'data-zw-spacing']) expect(root.hasAttribute(a), a).to.be.false;
    expect(root.style.getPropertyValue('--zw-font-scale')).to.equal('1');
    expect(localStorage.getItem(PREFS_STORAGE_KEY)).to.be.null;
  });

  it('honours the system settings on a first visit: reduced motion, more contrast, forced colours', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(new PrefsStore(document.createElement('div')).value.reducedMotion).to.be.true;
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    // prefers-contrast and forced-colors cannot be emulated through this launcher: answer them at matchMedia.
    const real = window.matchMedia;
    const answering = (matches: string[]) =>
      ((q: string) => ({ matches: matches.some((m) => q.includes(m)) }) as MediaQueryList) as typeof matchMedia;
    try {
      window.matchMedia = answering(['prefers-contrast: more']);
      expect(new PrefsStore(document.createElement('div')).value.contrast).to.equal('black-on-white');
      window.matchMedia = answering(['prefers-contrast: more', 'forced-colors: active']);
      expect(new PrefsStore(document.createElement('div')).value.contrast).to.equal('none');
      // Once the resident has chosen, the stored choice wins over the system.
      localStorage.setItem(PREFS_STORAGE_KEY, JSON.stringify({ contrast: 'yellow-on-black' }));
      expect(new PrefsStore(document.createElement('div')).value.contrast).to.equal('yellow-on-black');
    } finally {
      window.matchMedia = real;
    }
  });

  it('ignores a tampered or outdated stored value', async () => {
    localStorage.setItem(PREFS_STORAGE_KEY, JSON.stringify({ elder: 'yes', fontScale: 9, contrast: 'pink', spacing: true }));
    const p = new PrefsStore(document.createElement('div')).value;
    expect(p).to.include({ elder: false, fontScale: 1, contrast: 'none', spacing: true });
  });

  describe('keyboard', () => {
    it('opens with Alt+Shift+A from anywhere, moves focus in, and Esc closes and returns focus', async () => {
      const el = await toolbar(html`<button id="host">办事指南</button><zw-a11y-toolbar></zw-a11y-toolbar>`);
      const hostButton = el.parentElement!.querySelector('#host') as HTMLButtonElement;
      hostButton.focus();
      const launcher = $(el, '.open');
      expect(launcher.getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+A');
      await press('Alt', 'Shift', 'KeyA');
      await el.updateComplete;
      expect(el.open).to.be.true;
      expect(launcher.getAttribute('aria-expanded')).to.equal('true');
      expect($(el, '#panel').contains(deepActive()), 'focus inside the panel').to.be.true;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.open).to.be.false;
      expect($(el, '#panel').hidden).to.be.true;
      expect(document.activeElement === hostButton, 'focus returns to the host button').to.be.true;
    });

    it('works as a disclosure button: Enter opens, Esc closes back onto the button', async () => {
      const el = await toolbar();
      const launcher = $(el, '.open');
      launcher.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.open).to.be.true;
      expect(deepActive() === launcher, 'focus on the launcher').to.be.true;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.open).to.be.false;
      expect(deepActive() === launcher, 'focus on the launcher').to.be.true;
    });

    it('reaches every control with Tab, each with a visible focus indicator, and operates switches with Space', async () => {
      const el = await opened(html`<button id="before">前</button><zw-a11y-toolbar></zw-a11y-toolbar>`);
      (el.parentElement!.querySelector('#before') as HTMLElement).focus();
      const reached = new Set<Element>();
      for (let i = 0; i < 30; i++) {
        await sendKeys({ press: 'Tab' });
        const a = deepActive()!;
        if (!el.shadowRoot!.contains(a)) break;
        reached.add(a.closest('label') ?? a);
        const style = getComputedStyle(a.closest('label') ?? a);
        expect(style.outlineStyle, `focus ring on ${a.textContent}`).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      }
      // One radio group is one tab stop.
      const expected = targets(el).filter((t) => t.localName === 'button' || t.querySelector('input:checked'));
      const names = (list: Element[]) => list.map((t) => t.textContent!.trim()).sort();
      expect(names([...reached])).to.deep.equal(names(expected));
      const spacing = byText(el, '加大间距');
      spacing.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(spacing.getAttribute('aria-checked')).to.equal('true');
    });
  });

  describe('elder mode numbers', () => {
    for (const contrastScheme of ['none', 'yellow-on-black'] as ContrastScheme[]) {
      it(`gives every text ≥ 24 px, headings larger, line height ≥ 1.5, targets ≥ 60×60, contrast ≥ 4.5 (${contrastScheme})`, async () => {
        pagePrefsStore().set({ elder: true, contrast: contrastScheme });
        const el = await opened();
        byText(el, '连读').click(); // shows the caption strip with its buttons
        await el.updateComplete;
        const texts = textElements(el);
        expect(texts.length).to.be.greaterThan(15);
        for (const t of texts) {
          const s = getComputedStyle(t);
          const size = parseFloat(s.fontSize);
          expect(size, `font size of “${t.textContent!.trim()}”`).to.be.at.least(24);
          expect(parseFloat(s.lineHeight) / size, `line height of “${t.textContent!.trim()}”`).to.be.at.least(1.5);
          expect(textContrast(t), `contrast of “${t.textContent!.trim()}”`).to.be.at.least(4.5);
        }
        for (const h of $$(el, '.label')) expect(parseFloat(getComputedStyle(h).fontSize)).to.be.at.least(30);
        for (const t of targets(el)) {
          const r = t.getBoundingClientRect();
          expect(r.width, `width of “${t.textContent!.trim()}”`).to.be.at.least(60);
          expect(r.height, `height of “${t.textContent!.trim()}”`).to.be.at.least(60);
        }
        expect(parseFloat(getComputedStyle($(el, '.caption p')).fontSize)).to.be.at.least(36);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('high contrast', () => {
    for (const scheme of ['black-on-white', 'yellow-on-black', 'white-on-blue'] as ContrastScheme[]) {
      it(`keeps every text at 7:1 or more in ${scheme}, and is accessible`, async () => {
        pagePrefsStore().set({ contrast: scheme });
        const el = await opened();
        byText(el, '连读').click();
        await el.updateComplete;
        for (const t of textElements(el)) {
          expect(textContrast(t), `“${t.textContent!.trim()}” in ${scheme}`).to.be.at.least(7);
        }
        await expect(el).to.be.accessible();
      });
    }

    it('meets 4.5:1 with the default colours', async () => {
      const el = await opened();
      for (const t of textElements(el)) {
        expect(textContrast(t), t.textContent!).to.be.at.least(4.5);
      }
    });
  });

  describe('read aloud', () => {
    const page = html`<zw-a11y-toolbar open></zw-a11y-toolbar>
      <main>
        <h1>办事指南</h1>
        <p>第一句。第二句！</p>
        <p hidden>藏起来的字。</p>
        <p aria-hidden="true">装饰</p>
        <zw-a11y-toggle mode="spacing"></zw-a11y-toggle>
        <zw-read-probe><span>插槽里的话。</span></zw-read-probe>
        <script type="text/plain">代码</script>
        <p>地址：广安区<br />电话：0826-1234567</p>
      </main>`;

    it('连读 reads the main content in order, through shadow roots and slots, with a caption for each sentence', async () => {
      const el = await toolbar(page);
      byText(el, '连读').click();
      await el.updateComplete;
      const captions = [];
      for (let i = 0; i < 20 && synth.current; i++) {
        await el.updateComplete;
        captions.push($(el, '.caption p').textContent);
        synth.finish();
      }
      const order = ['办事指南', '第一句。', '第二句！', '影子里的话。', '插槽里的话。', '地址：广安区', '电话：0826-1234567'];
      expect(synth.texts).to.deep.equal(order);
      expect(captions).to.deep.equal(order);
      expect((synth.spoken[0].voice as { lang: string }).lang).to.equal('zh-CN');
      await el.updateComplete;
      expect($(el, '.caption') === null, 'finished: the strip goes away').to.be.true;
      expect(byText(el, '连读')).to.exist;
    });

    it('pauses, resumes and stops from the caption strip; after stop nothing more is spoken', async () => {
      const el = await toolbar(page);
      byText(el, '连读').click();
      await el.updateComplete;
      synth.finish();
      await el.updateComplete;
      expect($(el, '.caption p').textContent).to.equal('第一句。');
      byText(el, '暂停').click();
      await el.updateComplete;
      expect(synth.paused).to.be.true;
      byText(el, '继续').click();
      await el.updateComplete;
      expect(synth.paused).to.be.false;
      const panelStop = $(el, '.read');
      expect(panelStop.textContent!.trim()).to.equal('停止朗读');
      $(el, '.caption button + button').click();
      await el.updateComplete;
      expect(synth.cancels).to.be.greaterThan(0);
      expect($(el, '.caption') === null, 'caption strip gone').to.be.true;
      expect(deepActive() === panelStop, 'focus goes to the panel’s read button, not to <body>').to.be.true;
      synth.finish();
      expect(synth.texts).to.deep.equal(['办事指南', '第一句。']);
    });

    it('reads what read-target selects, and says so when there is nothing to read', async () => {
      const el = await toolbar(html`<zw-a11y-toolbar open read-target="#notice"></zw-a11y-toolbar>
        <main><p>不读这里。</p></main>
        <aside id="notice"><p>今天下午停电。</p></aside><aside id="empty"></aside>`);
      byText(el, '连读').click();
      expect(synth.texts).to.deep.equal(['今天下午停电。']);
      reader.stop();
      el.readTarget = '#empty';
      await el.updateComplete;
      byText(el, '连读').click();
      await el.updateComplete;
      expect(synth.texts.at(-1)).to.equal('没有找到可以朗读的内容。');
      expect($(el, '.caption p').textContent).to.equal('没有找到可以朗读的内容。');
    });

    it('指读 speaks what gets focus or the pointer, and stays quiet while the page is read', async () => {
      pagePrefsStore().set({ speakOnPoint: true });
      const el = await toolbar(html`<zw-a11y-toolbar></zw-a11y-toolbar>
        <main><button id="b">预约取号</button><p id="p">请携带<b>身份证</b>原件。</p></main>`);
      const button = el.parentElement!.querySelector('#b') as HTMLButtonElement;
      button.focus();
      expect(synth.texts).to.deep.equal(['预约取号']);
      await el.updateComplete;
      expect($(el, '.caption p').textContent).to.equal('预约取号');
      const r = el.parentElement!.querySelector('#p')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.left + 5), Math.round(r.top + r.height / 2)] });
      expect(synth.texts).to.deep.equal(['预约取号', '请携带身份证原件。']);
      const bold = el.parentElement!.querySelector('b')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(bold.left + 3), Math.round(bold.top + bold.height / 2)] });
      expect(synth.texts, 'moving within the same paragraph does not repeat it').to.have.length(2);
      // While 连读 runs, pointing does not interrupt it.
      reader.read([{ text: '正在连读。' }], synth.voices[2] as unknown as SpeechSynthesisVoice, true);
      button.blur();
      button.focus();
      expect(synth.texts.at(-1)).to.equal('正在连读。');
    });

    it('says there is no Chinese voice and disables read-aloud, then enables it when voices arrive', async () => {
      installSpeech(['en-US', 'zh-HK']);
      const el = await opened();
      const [point, read] = [byText(el, '指读'), byText(el, '连读')];
      expect(point.disabled && read.disabled).to.be.true;
      const note = $(el, '#nv');
      expect(note.textContent).to.equal('本设备没有中文语音，无法朗读。');
      expect(read.getAttribute('aria-describedby')).to.equal('nv');
      await expect(el).to.be.accessible();
      synth.voices.push({ lang: 'zh_CN', name: 'late' });
      synth.dispatchEvent(new Event('voiceschanged'));
      await el.updateComplete;
      expect(point.disabled || read.disabled).to.be.false;
      expect($(el, '#nv') === null, 'note gone').to.be.true;
    });

    it('is disabled, and says why, in a browser without speech synthesis', async () => {
      installSpeech(null);
      const el = await opened();
      expect(byText(el, '连读').disabled).to.be.true;
      expect($(el, '#nv')).to.exist;
    });

    it('speaks English with an English voice when the toolbar is in English', async () => {
      installSpeech(['zh-CN']);
      const el = await opened(html`<zw-a11y-toolbar lang="en"></zw-a11y-toolbar><main><p>Opening hours.</p></main>`);
      expect($(el, '#nv').textContent).to.equal('This device has no English voice: reading aloud is unavailable.');
      installSpeech(['zh-CN', 'en-GB']);
      synth.dispatchEvent(new Event('voiceschanged'));
      el.requestUpdate();
      await el.updateComplete;
      byText(el, 'Read page').click();
      expect(synth.texts).to.deep.equal(['Opening hours.']);
      expect((synth.spoken[0].voice as { lang: string }).lang).to.equal('en-GB');
      await expect(el).to.be.accessible();
    });
  });

  describe('page-wide effects', () => {
    it('draws a crosshair that follows the pointer and the focus, without catching the pointer', async () => {
      pagePrefsStore().set({ readingGuide: true });
      const el = await toolbar(html`<zw-a11y-toolbar></zw-a11y-toolbar><button id="b" style="margin:40px">办理</button>`);
      const guide = $(el, '.guide');
      expect(guide.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(guide).pointerEvents).to.equal('none');
      expect(getComputedStyle(guide).position).to.equal('fixed');
      await sendMouse({ type: 'move', position: [120, 90] });
      await nextFrame();
      const [h, v] = $$(el, '.guide i');
      expect(h.style.transform).to.equal('translateY(90px)');
      expect(v.style.transform).to.equal('translateX(120px)');
      const b = el.parentElement!.querySelector('#b') as HTMLButtonElement;
      b.focus();
      await nextFrame();
      const r = b.getBoundingClientRect();
      expect(h.style.transform).to.equal(`translateY(${r.bottom + 6}px)`);
      pagePrefsStore().set({ readingGuide: false });
      await el.updateComplete;
      expect($(el, '.guide') === null, 'crosshair gone').to.be.true;
    });

    it('enlarges the cursor on the host page and inside widgets, and lets a strict-CSP page supply its own picture', async () => {
      const el = await toolbar(html`<zw-a11y-toolbar open></zw-a11y-toolbar><a href="#x" id="link">办事指南</a>`);
      const link = el.parentElement!.querySelector('#link')!;
      expect(getComputedStyle(link).cursor).to.equal('pointer');
      pagePrefsStore().set({ largeCursor: true });
      await el.updateComplete;
      expect(getComputedStyle(link).cursor).to.match(/^url\("data:image\/svg\+xml.*\) 6 4, pointer$/);
      expect(getComputedStyle(document.body).cursor).to.match(/^url\("data:image\/svg\+xml.*\) 6 4, auto$/);
      expect(getComputedStyle(byText(el, '恢复默认')).cursor).to.match(/^url\("data:image\/svg\+xml.*, pointer$/);
      root.style.setProperty('--zw-cursor-pointer', 'url(/img/hand.svg) 6 4');
      try {
        expect(getComputedStyle(link).cursor).to.match(/url\(".*\/img\/hand.svg"\) 6 4, pointer$/);
      } finally {
        root.style.removeProperty('--zw-cursor-pointer');
      }
    });

    it('never changes the host page’s markup, whatever the resident switches on', async () => {
      const el = await toolbar(html`<zw-a11y-toolbar open></zw-a11y-toolbar>
        <main id="m"><h1>标题</h1><p>正文。</p><a href="#">链接</a></main>`);
      const main = el.parentElement!.querySelector('#m')!;
      const before = main.outerHTML;
      const changes: MutationRecord[] = [];
      const watcher = new MutationObserver((m) => changes.push(...m));
      watcher.observe(main, { subtree: true, attributes: true, childList: true, characterData: true });
      pagePrefsStore().set({ elder: true, contrast: 'white-on-blue', spacing: true, largeCursor: true, readingGuide: true, speakOnPoint: true, reducedMotion: true, fontScale: 2 });
      await el.updateComplete;
      byText(el, '连读').click();
      synth.finish();
      (main.querySelector('a') as HTMLElement).focus();
      await nextFrame();
      watcher.disconnect();
      expect(changes).to.have.length(0);
      expect(main.outerHTML).to.equal(before);
    });
  });

  describe('host-page recipe (docs/host-page.md)', () => {
    it('scales the host page and the widgets once each: 24 px in elder mode, 32 px at 200%', async () => {
      const recipe = new CSSStyleSheet();
      recipe.replaceSync(`html { font-size: calc(100% * var(--zw-font-scale, 1)); --zw-base-font-size: max(16px, calc(1rem / var(--zw-font-scale, 1))); }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, recipe];
      try {
        const el = await toolbar(html`<zw-a11y-toolbar></zw-a11y-toolbar><p id="host" style="font-size:1rem">主页正文</p><zw-read-probe></zw-read-probe>`);
        const hostText = el.parentElement!.querySelector('#host')!;
        const probe = el.parentElement!.querySelector('zw-read-probe') as ZwReadProbe;
        const sizes = async () => {
          await probe.updateComplete;
          return [getComputedStyle(hostText).fontSize, getComputedStyle($(probe, 'p')).fontSize];
        };
        expect(await sizes()).to.deep.equal(['16px', '16px']);
        pagePrefsStore().set({ elder: true });
        expect(await sizes()).to.deep.equal(['24px', '24px']);
        pagePrefsStore().set({ elder: false, fontScale: 2 });
        expect(await sizes()).to.deep.equal(['32px', '32px']);
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== recipe);
      }
    });
  });

  describe('axe', () => {
    it('is accessible closed, open, in elder mode, in English, and while reading', async () => {
      const el = await toolbar();
      await expect(el).to.be.accessible();
      el.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      pagePrefsStore().set({ elder: true, spacing: true, fontScale: 2, readingGuide: true });
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(byText(el, 'Elder mode')).to.exist;
      await expect(el).to.be.accessible();
      el.removeAttribute('lang');
      await el.updateComplete;
      byText(el, '连读').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
