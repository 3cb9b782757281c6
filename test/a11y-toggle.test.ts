import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/a11y-toolbar/index.ts';
import type { ZwA11yToggle } from '../src/a11y-toolbar/index.ts';
import { reader } from '../src/a11y-toolbar/speech.ts';
import { pagePrefsStore, PREFS_STORAGE_KEY } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { textContrast } from './support/contrast.ts';

/** Only what the toggle asks of the speech engine: the list of voices, which may arrive late. */
class Voices extends EventTarget {
  constructor(public voices: { lang: string }[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  cancel() {}
  resume() {}
}
let voices: Voices;
function installVoices(langs: string[]) {
  voices = new Voices(langs.map((lang) => ({ lang, name: lang })));
  Object.defineProperty(window, 'speechSynthesis', { value: voices, configurable: true, writable: true });
}

const root = document.documentElement;
const control = (el: ZwA11yToggle) => el.shadowRoot!.querySelector('button')!;
const stored = () => JSON.parse(localStorage.getItem(PREFS_STORAGE_KEY) ?? 'null');

async function toggle(markup: ReturnType<typeof html>) {
  const wrap = await fixture(html`<div>${markup}</div>`);
  const el = wrap.querySelector('zw-a11y-toggle') as ZwA11yToggle;
  await el.updateComplete;
  return el;
}

beforeEach(() => {
  localStorage.clear();
  installVoices(['zh-CN']);
});

afterEach(() => {
  reader.stop();
  pagePrefsStore().reset();
});

describe('<zw-a11y-toggle>', () => {
  it('is a switch named by its slotted label that turns elder mode on and off, live and stored', async () => {
    const el = await toggle(html`<zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle>`);
    const sw = control(el);
    expect(sw.getAttribute('role')).to.equal('switch');
    expect(sw.getAttribute('aria-checked')).to.equal('false');
    expect(el.checked).to.be.false;
    const changed = oneEvent(el, 'zw-a11y-change');
    sw.click();
    expect((await changed).detail).to.deep.include({ key: 'elder' });
    await el.updateComplete;
    expect(sw.getAttribute('aria-checked')).to.equal('true');
    expect(root.hasAttribute('data-zw-elder')).to.be.true;
    expect(stored().elder).to.be.true;
    await expect(el).to.be.accessible();
    sw.click();
    await el.updateComplete;
    expect(root.hasAttribute('data-zw-elder')).to.be.false;
  });

  it('follows a change made elsewhere (another toggle, the toolbar, code) without firing an event', async () => {
    const el = await toggle(html`<zw-a11y-toggle mode="spacing"></zw-a11y-toggle><zw-a11y-toggle mode="spacing"></zw-a11y-toggle>`);
    const other = el.nextElementSibling as ZwA11yToggle;
    let events = 0;
    el.addEventListener('zw-a11y-change', () => events++);
    control(other).click();
    await el.updateComplete;
    expect(control(el).getAttribute('aria-checked')).to.equal('true');
    pagePrefsStore().set({ spacing: false });
    await el.updateComplete;
    expect(control(el).getAttribute('aria-checked')).to.equal('false');
    expect(events).to.equal(0);
  });

  it('operates with Space and Enter', async () => {
    const el = await toggle(html`<zw-a11y-toggle mode="motion"></zw-a11y-toggle>`);
    control(el).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(root.hasAttribute('data-zw-reduced-motion')).to.be.true;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.hasAttribute('data-zw-reduced-motion')).to.be.false;
  });

  it('has a default label and the documented attribute for every mode', async () => {
    const modes: [string, string, string][] = [
      ['elder', '长辈模式', 'data-zw-elder'],
      ['contrast', '高对比度', 'data-zw-contrast'],
      ['spacing', '加大间距', 'data-zw-spacing'],
      ['cursor', '大鼠标', 'data-zw-large-cursor'],
      ['guide', '十字线', 'data-zw-reading-guide'],
      ['motion', '减少动画', 'data-zw-reduced-motion'],
      ['speech', '指读', 'data-zw-speak-on-point'],
    ];
    for (const [mode, label, attr] of modes) {
      const el = await toggle(html`<zw-a11y-toggle mode=${mode}></zw-a11y-toggle>`);
      expect(control(el).textContent!.trim(), mode).to.equal(label);
      control(el).click();
      await el.updateComplete;
      expect(root.hasAttribute(attr), attr).to.be.true;
      expect(el.checked, mode).to.be.true;
      pagePrefsStore().reset();
    }
  });

  it('switches on the scheme it names in contrast mode and back to none', async () => {
    const el = await toggle(html`<zw-a11y-toggle mode="contrast" scheme="white-on-blue" lang="en"></zw-a11y-toggle>`);
    expect(control(el).textContent!.trim()).to.equal('High contrast');
    control(el).click();
    await el.updateComplete;
    expect(root.getAttribute('data-zw-contrast')).to.equal('white-on-blue');
    control(el).click();
    await el.updateComplete;
    expect(root.hasAttribute('data-zw-contrast')).to.be.false;
  });

  describe('in a form', () => {
    it('submits its value while on, keeps the preference on form reset, and is disabled with its fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <fieldset><zw-a11y-toggle mode="elder" name="care" value="yes">长辈版</zw-a11y-toggle></fieldset>
      </form>`);
      const el = form.querySelector('zw-a11y-toggle') as ZwA11yToggle;
      await el.updateComplete;
      expect(new FormData(form).get('care')).to.be.null;
      control(el).click();
      await el.updateComplete;
      expect(new FormData(form).get('care')).to.equal('yes');
      form.reset();
      await el.updateComplete;
      expect(root.hasAttribute('data-zw-elder'), 'a form reset is not the resident asking to leave elder mode').to.be.true;
      expect(new FormData(form).get('care')).to.equal('yes');
      form.querySelector('fieldset')!.disabled = true;
      await el.updateComplete;
      expect(control(el).disabled).to.be.true;
      form.querySelector('fieldset')!.disabled = false;
      el.disabled = true;
      await el.updateComplete;
      expect(control(el).disabled).to.be.true;
    });
  });

  describe('speech mode', () => {
    it('says there is no Chinese voice and is disabled, then works once a voice arrives', async () => {
      installVoices(['en-US']);
      const el = await toggle(html`<zw-a11y-toggle mode="speech"></zw-a11y-toggle>`);
      expect(control(el).disabled).to.be.true;
      const why = el.shadowRoot!.querySelector('#nv')!;
      expect(why.textContent).to.equal('本设备没有中文语音，无法朗读。');
      expect(control(el).getAttribute('aria-describedby')).to.equal('nv');
      await expect(el).to.be.accessible();
      voices.voices.push({ lang: 'cmn-Hans-CN' });
      voices.dispatchEvent(new Event('voiceschanged'));
      await el.updateComplete;
      expect(control(el).disabled).to.be.false;
      expect(el.shadowRoot!.querySelector('#nv') === null, 'note gone').to.be.true;
    });
  });

  it('draws the crosshair itself only when no toolbar is on the page', async () => {
    pagePrefsStore().set({ readingGuide: true });
    const el = await toggle(html`<zw-a11y-toggle mode="guide"></zw-a11y-toggle>`);
    const guide = (host: Element) => host.shadowRoot!.querySelector('.guide') !== null;
    expect(guide(el), 'toggle draws alone').to.be.true;
    const bar = document.createElement('zw-a11y-toolbar');
    el.after(bar);
    await bar.updateComplete;
    await el.updateComplete;
    expect(guide(el), 'toggle leaves it to the toolbar').to.be.false;
    expect(guide(bar), 'toolbar draws').to.be.true;
    bar.remove();
    await el.updateComplete;
    expect(guide(el), 'toggle draws again').to.be.true;
  });

  it('meets the elder-mode numbers: text ≥ 24 px, line height ≥ 1.5, target ≥ 60×60', async () => {
    pagePrefsStore().set({ elder: true });
    const el = await toggle(html`<zw-a11y-toggle mode="speech"></zw-a11y-toggle>`);
    installVoices([]);
    voices.dispatchEvent(new Event('voiceschanged'));
    el.requestUpdate();
    await el.updateComplete;
    for (const t of [el.shadowRoot!.querySelector('slot')!, el.shadowRoot!.querySelector('#nv')!]) {
      const s = getComputedStyle(t);
      expect(parseFloat(s.fontSize)).to.be.at.least(24);
      expect(parseFloat(s.lineHeight) / parseFloat(s.fontSize)).to.be.at.least(1.5);
    }
    const r = control(el).getBoundingClientRect();
    expect(r.width).to.be.at.least(60);
    expect(r.height).to.be.at.least(60);
    await expect(el).to.be.accessible();
  });

  for (const scheme of ['black-on-white', 'yellow-on-black', 'white-on-blue'] as ContrastScheme[]) {
    it(`reaches 7:1 on and off in ${scheme}`, async () => {
      pagePrefsStore().set({ contrast: scheme });
      const el = await toggle(html`<zw-a11y-toggle mode="spacing">加大间距</zw-a11y-toggle>`);
      for (const on of [false, true]) {
        pagePrefsStore().set({ spacing: on });
        await el.updateComplete;
        expect(textContrast(el.shadowRoot!.querySelector('slot')!), `${scheme}, on=${on}`).to.be.at.least(7);
        await expect(el).to.be.accessible();
      }
    });
  }
});
