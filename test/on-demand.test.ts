import { expect, fixture, html } from '@open-wc/testing';
import '../src/a11y-toolbar/index.ts';
import type { ZwA11yToggle } from '../src/a11y-toolbar/index.ts';
import { defineStrings, loadStrings, pickStrings } from '../src/core/i18n.ts';
import { Lazy } from '../src/core/lazy.ts';

// This file runs in a page of its own, so no other test has fetched an English table before these run.
const englishTablesFetched = () =>
  performance.getEntriesByType('resource').filter((e) => /strings\.en\.[tj]s/.test(e.name)).length;

const label = (el: ZwA11yToggle) => el.shadowRoot!.querySelector('[role=switch]')!.textContent!.trim();

describe('string tables', () => {
  it('a Chinese page renders without fetching any English table', async () => {
    const el = await fixture<ZwA11yToggle>(html`<zw-a11y-toggle mode="elder"></zw-a11y-toggle>`);
    expect(label(el)).to.equal('长辈模式');
    expect(englishTablesFetched()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('an English element fetches its table first and never shows Chinese on the way', async () => {
    const seen: string[] = [];
    const el = document.createElement('zw-a11y-toggle') as ZwA11yToggle;
    el.setAttribute('mode', 'elder');
    el.setAttribute('lang', 'en');
    const watch = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await el.updateComplete;
    watch.disconnect();
    expect(label(el)).to.equal('Elder mode');
    expect(englishTablesFetched()).to.be.greaterThan(0);
    expect(seen.join(' ')).not.to.match(/[\u4e00-\u9fff]/);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('switching a rendered element to English re-renders it in English', async () => {
    const el = await fixture<ZwA11yToggle>(html`<zw-a11y-toggle mode="contrast"></zw-a11y-toggle>`);
    expect(label(el)).to.equal('高对比度');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(label(el)).to.equal('High contrast');
  });

  it('a table that cannot be fetched falls back to Chinese instead of leaving the element mute', async () => {
    const t = defineStrings({ hello: '您好' }, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(pickStrings(t, 'en').hello, 'before').to.equal('您好');
    await loadStrings(t, 'en');
    expect(pickStrings(t, 'en').hello).to.equal('您好');
    expect(loadStrings(t, 'en'), 'no second attempt loop').to.equal(undefined);
  });

  it('loads a table once, however many elements ask at the same time', async () => {
    let calls = 0;
    const t = defineStrings({ hello: '您好' }, async () => (calls++, { default: { hello: 'Hello' } }));
    await Promise.all([loadStrings(t, 'en'), loadStrings(t, 'en'), loadStrings(t, 'en')]);
    expect(calls).to.equal(1);
    expect(pickStrings(t, 'en').hello).to.equal('Hello');
    expect(loadStrings(t, 'zh-CN')).to.equal(undefined);
  });
});

describe('parts fetched on demand', () => {
  /** Stands in for an element: counts the renders it was asked for. */
  const host = () => ({ renders: 0, requestUpdate() { this.renders++; }, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) });

  it('fetches once for every asker and re-renders each host when the part arrives', async () => {
    let fetches = 0;
    const part = new Lazy(async () => (fetches++, { answer: 42 }));
    const [a, b] = [host(), host()];
    expect(part.get(a)).to.equal(undefined);
    expect(part.get(b)).to.equal(undefined);
    await part.load();
    await Promise.resolve();
    expect(fetches).to.equal(1);
    expect([a.renders, b.renders]).to.deep.equal([1, 1]);
    expect(part.get(a)?.answer).to.equal(42);
  });

  it('after a failed fetch it stops asking until the resident retries', async () => {
    let fetches = 0;
    const part = new Lazy(async () => {
      if (++fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { answer: 42 };
    });
    const a = host();
    part.get(a);
    await part.load().catch(() => undefined);
    expect(part.failed).to.be.true;
    expect(part.get(a), 'no loop of failing fetches').to.equal(undefined);
    expect(fetches).to.equal(1);
    part.retry(a);
    await part.load();
    expect(part.failed).to.be.false;
    expect(part.get(a)?.answer).to.equal(42);
  });
});
