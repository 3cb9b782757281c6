import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/service-search/index.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';
import { SearchIndex, Tier } from '../src/service-search/search-index.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { Catalogue, ServiceSummary } from '../src/core/api/types.gen.ts';
import { recallAt3, relevanceSet } from './fixtures/search-relevance.ts';

// The catalogue is the real 广安区 one, served by the reference server on this origin. Network is faked only at
// the fetch boundary, for failures and for payloads the server would never send.

const realFetch = window.fetch.bind(window);
const SAVED = 'zw-service-catalogue:v1';
let catalogue: Catalogue;

type Call = { url: string; headers: Record<string, string> };
/** Wraps fetch: records every request, then answers through `via` (the real server by default). */
function spyFetch(via: (url: string, init: RequestInit) => Promise<Response> = (url, init) => realFetch(url, init)) {
  const calls: Call[] = [];
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), headers: (init.headers ?? {}) as Record<string, string> });
    return via(String(input), init);
  }) as typeof fetch;
  return calls;
}
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const input = (el: Element) => $<HTMLInputElement>(el, '#q');
const options = (el: Element) => $$(el, '[role=option]');
const names = (el: Element) => options(el).map((o) => o.querySelector('span')?.textContent ?? o.textContent!.trim());
const status = (el: Element) => $(el, '[role=status]').textContent!.trim();

async function ready(el: ZwServiceSearch): Promise<ZwServiceSearch> {
  await waitUntil(() => (el as unknown as { source?: unknown }).source, 'catalogue loaded', { timeout: 8000 });
  return el;
}
/** Types `text` into the box and waits until the results for it are shown (the worker answers asynchronously). */
async function searchFor(el: ZwServiceSearch, text: string): Promise<void> {
  input(el).focus();
  input(el).value = '';
  await sendKeys({ type: text });
  await settled(el);
}
async function settled(el: ZwServiceSearch): Promise<void> {
  await waitUntil(() => (el as unknown as { foundFor?: string }).foundFor === input(el).value, 'results shown', {
    timeout: 8000,
  });
  await el.updateComplete;
}

before(async function () {
  // Generous for a slow CI machine (the catalogue is large); the reference server is built before tests start.
  this.timeout(60_000);
  catalogue = await (await realFetch('/api/v1/services/catalogue')).json();
});
beforeEach(async () => {
  await caches.delete(SAVED);
});
afterEach(() => {
  window.fetch = realFetch;
  pagePrefsStore().reset();
});

describe('search relevance over the real 广安区 catalogue', () => {
  it('finds an accepted item in the first three for the relevance set', () => {
    const index = new SearchIndex(catalogue);
    const { recall, misses } = recallAt3((q) => index.search(q, {}, 3).hits.map((h) => h.item.name));
    console.log(
      `recall@3 = ${recall.toFixed(3)} over ${relevanceSet.length} queries; misses: ${JSON.stringify(misses)}`,
    );
    expect(relevanceSet.length).to.be.at.least(50);
    // Held at the level reached (all 97 found): a change that loses one is a regression to look at.
    expect(misses).to.deep.equal([]);
    expect(recall).to.equal(1);
  });
});

describe('search index over names that repeat a service and a department', () => {
  // A provincial catalogue spells out who implements each item: the same service name, qualified by a county's
  // department, many times over.
  const counties = [
    ['岳池县', 'yue chi xian'],
    ['武胜县', 'wu sheng xian'],
    ['邻水县', 'lin shui xian'],
  ];
  const qualified = (): Catalogue => {
    const base = catalogue.items.find((i) => i.name === '社会保障卡申领')!;
    const charPinyin = { ...catalogue.charPinyin };
    for (const [chars, spoken] of [...counties, ['人社局', 'ren she ju']])
      [...chars].forEach((ch, k) => (charPinyin[ch] ??= [spoken.split(' ')[k]]));
    const items = counties.map(([county, spoken], k) => ({
      ...base,
      code: `Q-${k}`,
      name: `${base.name}（${county}人社局）`,
      pinyin: `${base.pinyin} ${spoken} ren she ju`,
      aliases: [],
      popularity: base.popularity - 1 - k,
    }));
    return { ...catalogue, charPinyin, items: [...catalogue.items, ...items] };
  };
  it('finds a slip in every name that repeats the words it is in', () => {
    const index = new SearchIndex(qualified());
    const result = index.search('shebaoak', {}, 50);
    expect(result.corrected).to.equal('社保卡');
    const found = result.hits.map((h) => h.item.name);
    for (const [county] of counties) expect(found).to.include(`社会保障卡申领（${county}人社局）`);
    expect(found).to.include('社会保障卡申领');
  });

  it('matches pinyin in every name that repeats the words it starts in', () => {
    const index = new SearchIndex(qualified());
    const repeated = ['社会保障卡申领', ...counties.map(([county]) => `社会保障卡申领（${county}人社局）`)];
    for (const q of ['shehuibaozhangkas', 'shbzksl', 'kashenling']) {
      const found = index.search(q, {}, 50).hits;
      for (const name of repeated)
        expect(found.find((h) => h.item.name === name)?.tier, `${q}: ${name}`).to.equal(Tier.Pinyin);
    }
    // In the repeated department too, one name per county.
    const department = index.search('renshej', {}, 50).hits.map((h) => h.item.name);
    for (const [county] of counties) expect(department).to.include(`社会保障卡申领（${county}人社局）`);
  });

  it('aligns a field from where its first stretch left the aligner, as it aligns the whole field', () => {
    const index = new SearchIndex(qualified());
    // The shortcut is internal: compared here with aligning each whole field, field by field.
    const inside = index as unknown as {
      aligner: { prepare(text: string, slips: number): void; score(text: string, sy: Uint16Array): number };
      alignedScore(f: number): number;
      texts: string[];
      at: Uint32Array;
      sy: Uint16Array;
    };
    const cases: [string, number][] = [
      ['社会保障卡申岭', 1],
      ['身份证补岭', 2],
      ['shebaoka', 0],
      ['shebaoak', 1],
      ['renshejv', 2],
    ];
    let matched = 0;
    for (const [q, slips] of cases) {
      inside.aligner.prepare(q, slips);
      for (let f = 0; f < inside.texts.length; f++) {
        const whole = inside.aligner.score(inside.texts[f], inside.sy.subarray(inside.at[f], inside.at[f + 1]));
        expect(inside.alignedScore(f), `${q} on ${inside.texts[f]}`).to.equal(whole);
        if (whole !== -Infinity) matched++;
      }
    }
    expect(matched).to.be.greaterThan(20);
  });

  it('matches pinyin with gaps across a bracket, and never contiguously', () => {
    const index = new SearchIndex(qualified());
    for (const q of ['shebaokayuechi', 'shbzkyc']) {
      const { hits } = index.search(q, {}, 50);
      expect(hits.map((h) => h.item.name)).to.deep.equal(['社会保障卡申领（岳池县人社局）']);
      expect(hits[0].tier).to.equal(Tier.Fuzzy);
    }
    // 领（岳: the bracket between them breaks a contiguous match, so this is one with a gap.
    const across = index.search('lingyue', {}, 50).hits.find((h) => h.item.name.includes('岳池县'));
    expect(across?.tier).to.equal(Tier.Fuzzy);
  });

  it('counts every item one, two or three letters match, as a filter that keeps every item does', () => {
    const index = new SearchIndex(qualified());
    for (const q of ['s', 'sh', 'she', 'x', 'zh', 'b']) {
      const quick = index.search(q, {}, 20);
      const counted = index.search(q, () => true, 20);
      expect(quick.total, q).to.equal(counted.total);
      expect(quick.total, q).to.be.greaterThan(20);
      expect(quick.hits.map((h) => h.item.code)).to.deep.equal(counted.hits.map((h) => h.item.code));
    }
  });
});

const hasSaved = async () => Boolean(await (await caches.open(SAVED)).match('/api/v1/services/catalogue'));
const isCatalogue = (url: string) => url.endsWith('/api/v1/services/catalogue');
const withItem = (extra: Partial<Catalogue['items'][number]>): Catalogue => ({
  ...catalogue,
  items: [
    { ...catalogue.items[0], code: 'XSS-1', pinyin: '', initials: '', aliases: [], popularity: 100, ...extra },
    ...catalogue.items,
  ],
});
const compose = (el: Element, type: string, value?: string, composing = false) => {
  if (value !== undefined) input(el).value = value;
  const event =
    type === 'input'
      ? new InputEvent('input', {
          bubbles: true,
          composed: true,
          isComposing: composing,
          inputType: 'insertCompositionText',
        })
      : new CompositionEvent(type, { bubbles: true, composed: true, data: value });
  input(el).dispatchEvent(event);
};

describe('<zw-service-search>', () => {
  it('finds 社会保障卡 items for 社保卡, highlights what matched and announces the count', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, '社保卡');
    expect(names(el)[0]).to.match(/^社会保障卡/);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '[role=option]:first-child mark').map((m) => m.textContent)).to.deep.equal(['社', '保', '卡']);
    expect(options(el)[0].textContent).to.contain('区人社局');
    await waitUntil(() => /^找到 \d+ 项$/.test(status(el)), 'count announced');
    await expect(el).to.be.accessible();
  });

  it('says it is loading, then stays quiet and accessible until the resident types', async () => {
    let answer: ((r: Response) => void) | undefined;
    spyFetch((url, init) =>
      isCatalogue(url) ? new Promise<Response>((resolve) => (answer = resolve)) : realFetch(url, init),
    );
    const el = await fixture<ZwServiceSearch>(html`<zw-service-search mode="client"></zw-service-search>`);
    expect(status(el)).to.equal('正在加载…');
    await expect(el).to.be.accessible();
    await waitUntil(() => answer, 'catalogue requested');
    answer!(json(catalogue, { ETag: '"v1"' }));
    await ready(el);
    await el.updateComplete;
    expect(status(el)).to.equal('');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('matches pinyin, initials and mixed input as they are typed', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    for (const typed of ['jhdj', 'hukouqianyi', '户口qy', 'sfz']) {
      await searchFor(el, typed);
      expect(names(el).slice(0, 3).join(), typed).to.match(/结婚登记|户口迁移审批|居民身份证/);
    }
  });

  it('neither searches nor chooses while an input method is composing', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    input(el).focus();
    await el.updateComplete;
    const before = names(el);
    let selected = 0;
    el.addEventListener('zw-select', () => selected++);
    compose(el, 'compositionstart');
    compose(el, 'input', 'she', true);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(before);
    input(el).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, isComposing: true }),
    );
    input(el).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, isComposing: true }),
    );
    await el.updateComplete;
    expect(input(el).hasAttribute('aria-activedescendant')).to.be.false;
    compose(el, 'compositionend', '社保');
    await el.updateComplete;
    expect(names(el)[0]).to.match(/^社会保障/);
    expect(selected).to.equal(0);
  });

  it('moves with ↑ ↓ Home End, chooses with Enter, closes and clears with Esc', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, '户口');
    const active = () => input(el).getAttribute('aria-activedescendant');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active()).to.equal('o0');
    expect(options(el)[0].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active()).to.equal('o1');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active()).to.equal(`o${options(el).length - 1}`);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(active()).to.equal('o0');
    await expect(el).to.be.accessible();
    const first = names(el)[0];
    const chosen = oneEvent(el, 'zw-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await chosen) as CustomEvent<{ item: ServiceSummary }>;
    expect(detail.item.name).to.equal(first);
    expect(detail.item.dept).to.equal('区公安分局');
    await el.updateComplete;
    expect(input(el).value).to.equal(first);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await waitUntil(() => el.shadowRoot!.querySelector('.card h3'), 'guide shown');
    expect($(el, '.card h3').textContent).to.equal(first);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal(first);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('chooses with the pointer too, and never fires zw-select when code sets the value', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    let fired = 0;
    el.addEventListener('zw-select', () => fired++);
    el.value = '结婚登记';
    await el.updateComplete;
    expect(fired).to.equal(0);
    await searchFor(el, '结婚登记');
    options(el)[0].click();
    expect(fired).to.equal(1);
  });

  it('shows what to know before going: visits, limits, fee, online link, materials and where to go', async () => {
    const el = await ready(
      await fixture<ZwServiceSearch>(html`<zw-service-search href-template="/bs/{code}"></zw-service-search>`),
    );
    await searchFor(el, '社会保障卡挂失');
    options(el)[0].click();
    const dl = () => el.shadowRoot!.querySelector('.card dl')?.textContent ?? '';
    await waitUntil(() => /法定|承诺|无时限/.test(dl()) && !/正在加载/.test(dl()), 'detail loaded');
    const item = catalogue.items.find((i) => i.name === '社会保障卡挂失')!;
    const detail = await (await realFetch(`/api/v1/services/${item.code}`)).json();
    const text = $(el, '.card dl').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(item.visits === 0 ? '零跑动' : item.visits === 1 ? '最多跑一次' : '跑动');
    if (detail.legalLimit) expect(text).to.contain(`法定 ${detail.legalLimit.value} 个`);
    if (!detail.fee.charged) expect(text).to.contain('不收费');
    expect($<HTMLAnchorElement>(el, '.card a').getAttribute('href')).to.equal(`/bs/${item.code}`);
    const more = $<HTMLDetailsElement>(el, '.card details');
    $(el, '.card summary').click();
    await el.updateComplete;
    expect(more.open).to.be.true;
    expect($$(el, '.card ol li')).to.have.length(detail.materials.length);
    expect($(el, '.card ul').textContent).to.contain(detail.locations[0].name);
    await expect(el).to.be.accessible();
  });

  it('makes a link of href-template only when it is a web link, never a script to run', async function () {
    this.timeout(60_000); // eight elements, each searching and opening a guide
    const hostile = [
      'javascript:window.pwned=1//{code}',
      ' JaVaScRiPt:window.pwned=2//{code}',
      'java\tscript:window.pwned=3//{code}',
      'data:text/html,<script>parent.pwned=4</script>{code}',
      'vbscript:msgbox({code})',
    ];
    const item = catalogue.items.find((i) => i.name === '社会保障卡挂失')!;
    for (const template of [...hostile, '/bs/{code}', 'https://zwfw.example.gov.cn/bs/{code}', 'bs?item={code}']) {
      const el = await ready(
        await fixture<ZwServiceSearch>(html`<zw-service-search href-template=${template}></zw-service-search>`),
      );
      await searchFor(el, '社会保障卡挂失');
      options(el)[0].click();
      await waitUntil(() => el.shadowRoot!.querySelector('.card h3'), 'guide shown');
      const links = $$<HTMLAnchorElement>(el, '.card a');
      const web = (a: HTMLAnchorElement) => /^https?:$/.test(new URL(a.href).protocol);
      // The resident presses every link that is not a web link, if there is one (a web link would leave the page).
      for (const a of links.filter((a) => !web(a))) a.click();
      await new Promise((r) => setTimeout(r, 50));
      expect((window as { pwned?: number }).pwned, template).to.equal(undefined);
      expect(
        links.filter((a) => !web(a)).map((a) => a.getAttribute('href')),
        template,
      ).to.deep.equal([]);
      if (!hostile.includes(template))
        expect(links.map((a) => a.getAttribute('href'))).to.include(template.replace('{code}', item.code));
      el.remove();
    }
  });

  it('says an item settled on the spot is settled on the spot, never "承诺 0 个工作日"', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    const item = catalogue.items.find((i) => i.promisedDays === 0)!;
    await searchFor(el, item.name);
    options(el)[0].click();
    const dl = () => el.shadowRoot!.querySelector('.card dl')?.textContent ?? '';
    await waitUntil(() => /法定|承诺|无时限/.test(dl()) && !/正在加载/.test(dl()), 'detail loaded');
    expect(dl()).not.to.match(/承诺 0 /);
    expect(dl()).to.contain('即来即办');
  });

  it('says so when nothing matches, at the top of the open list with where to ask, and offers the closest and popular items', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, 'shebaokaxyz');
    await waitUntil(() => status(el).startsWith('没有找到'), 'no-result message');
    expect(status(el)).to.match(/^没有找到与“shebaokaxyz”相关的事项 .*12345.*帮办代办/);
    // Where the eye is: right under the box, above the suggestions, and read with the box.
    const none = $(el, '#none');
    expect(none.textContent).to.contain('没有找到与“shebaokaxyz”相关的事项');
    expect(none.textContent).to.contain('12345');
    expect(input(el).getAttribute('aria-describedby')).to.contain('none');
    const [box, panel, list] = [input(el), none, $(el, '#list')].map((e) => e.getBoundingClientRect());
    expect(panel.top).to.be.within(box.bottom, box.bottom + 16);
    expect(list.top).to.be.at.least(panel.bottom - 1);
    const heads = $$(el, '[role=group] .head').map((h) => h.textContent);
    expect(heads).to.deep.equal(['您是不是要找', '热门事项']);
    expect(options(el).length).to.be.greaterThan(3);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('o0');
    await expect(el).to.be.accessible();
  });

  it('renders the first page of a large result and adds more on request', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, 's');
    expect(options(el)).to.have.length(21);
    expect(options(el)[20].textContent).to.match(/显示更多（还有 \d+ 项）/);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => options(el).length === 41, 'second page');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('o20');
  });

  it('applies filters from attributes and from its own controls', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search no-visit></zw-service-search>`));
    await searchFor(el, '社保卡');
    const zero = catalogue.items.filter((i) => i.visits === 0 && i.name.startsWith('社会保障卡')).map((i) => i.name);
    expect(names(el).slice(0, zero.length).sort()).to.deep.equal([...zero].sort());
    for (const o of options(el)) expect(o.textContent).to.contain('零跑动');
    $(el, '.filters summary').click();
    const online = $$<HTMLInputElement>(el, '.filters input[type=checkbox]')[0];
    online.click();
    await waitUntil(() => options(el).every((o) => o.textContent!.includes('全程网办')), 'fully online only');
    const dept = $<HTMLSelectElement>(el, '.filters select');
    dept.value = '区医疗保障局';
    dept.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await searchFor(el, '报销');
    await waitUntil(() => options(el).length > 0, 'results');
    for (const o of options(el)) expect(o.textContent).to.contain('区医疗保障局');
    await expect(el).to.be.accessible();
  });

  it('shows an item named like markup as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    spyFetch((url, init) =>
      isCatalogue(url) ? Promise.resolve(json(withItem({ name: evil }), { ETag: '"x1"' })) : realFetch(url, init),
    );
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search mode="client"></zw-service-search>`));
    await searchFor(el, 'img');
    expect(names(el)[0]).to.equal(evil);
    expect($$(el, 'img')).to.have.length(0);
  });

  it('keeps an item whose type and scope a newer server added, and names what it does not know neutrally', async () => {
    const base = catalogue.items[0];
    const detail = await (await realFetch(`/api/v1/services/${base.code}`)).json();
    spyFetch((url, init) => {
      if (isCatalogue(url))
        return Promise.resolve(
          json(withItem({ name: '新增类别测试事项', type: 30 as never, crossRegion: 'interprovincial' as never })),
        );
      if (url.endsWith('/api/v1/services/XSS-1'))
        return Promise.resolve(
          json({
            ...detail,
            code: 'XSS-1',
            name: '新增类别测试事项',
            type: 30,
            crossRegion: 'interprovincial',
            legalLimit: { value: 3, unit: 'hour' },
            promisedLimit: null,
            materials: [{ name: '申请表', form: 'hologram', copies: 1, required: true }],
          }),
        );
      return realFetch(url, init);
    });
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search mode="client"></zw-service-search>`));
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    await searchFor(el, '新增类别测试事项');
    expect(names(el)[0]).to.equal('新增类别测试事项');
    options(el)[0].click();
    await waitUntil(() => /法定/.test(el.shadowRoot!.querySelector('.card dl')?.textContent ?? ''), 'detail shown');
    const text = $(el, '.card').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('跨域通办 可跨地区办理，详见办事指南');
    expect(text).to.contain('法定 3 （单位详见办事指南）');
    expect(text).not.to.contain('interprovincial');
    expect(text).not.to.contain('hologram');
    expect($(el, '.card ol li').textContent!.replace(/\s+/g, ' ')).to.contain('申请表1 份');
    await expect(el).to.be.accessible();
  });

  it('works offline from the saved catalogue', async () => {
    const first = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await waitUntil(hasSaved, 'catalogue saved');
    first.remove();
    const calls = spyFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, '身份证丢了');
    expect(names(el)[0]).to.equal('居民身份证挂失申报、丢失招领');
    await waitUntil(() => $(el, '.note:not([role])'), 'offline note');
    expect($(el, '.note:not([role])').textContent).to.contain('离线');
    expect(calls.every((c) => isCatalogue(c.url) && c.headers['If-None-Match'])).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('revalidates the saved catalogue with its ETag', async () => {
    await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await waitUntil(hasSaved, 'catalogue saved');
    const calls = spyFetch();
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await waitUntil(() => calls.length > 0, 'revalidated');
    const etag = (await (await caches.open(SAVED)).match('/api/v1/services/catalogue'))!.headers.get('ETag');
    expect(calls.map((c) => [c.url, c.headers['If-None-Match']])).to.deep.equal([['/api/v1/services/catalogue', etag]]);
    await searchFor(el, '户口');
    expect(options(el).length).to.be.greaterThan(0);
  });

  it('explains a malformed catalogue and offers to retry', async () => {
    const broken = withItem({});
    (broken.items[3] as unknown as { name: number }).name = 42;
    spyFetch((url, init) => (isCatalogue(url) ? Promise.resolve(json(broken)) : realFetch(url, init)));
    const el = await fixture<ZwServiceSearch>(html`<zw-service-search mode="client"></zw-service-search>`);
    await waitUntil(() => $(el, '[role=alert]'), 'error shown');
    expect($(el, '[role=alert]').textContent).to.contain('服务器返回的数据有误（items[3].name）');
    await expect(el).to.be.accessible();
    window.fetch = realFetch;
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    await ready(el);
    expect($(el, '[role=alert]')).to.be.null;
  });

  it('searches on the server in server mode, and picks it by itself for a catalogue over client-max', async () => {
    const calls = spyFetch();
    const el = await fixture<ZwServiceSearch>(html`<zw-service-search client-max="100"></zw-service-search>`);
    await ready(el);
    await searchFor(el, '社保卡');
    await waitUntil(() => names(el).length > 0, 'server results');
    expect(names(el)[0]).to.match(/社会保障卡/);
    expect(calls.some((c) => isCatalogue(c.url))).to.be.false;
    expect(calls[0].url).to.equal('/api/v1/services/search?pageSize=1');
    expect(calls.some((c) => c.url.includes(`q=${encodeURIComponent('社保卡')}`))).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('stays accessible in elder mode, the contrast schemes and English', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search lang="en"></zw-service-search>`));
    await searchFor(el, 'hukou');
    await waitUntil(() => /services? found$/.test(status(el)), 'English count');
    expect($(el, 'label').textContent).to.equal('Search government services');
    for (const prefs of [
      { elder: true },
      { contrast: 'yellow-on-black' },
      { contrast: 'white-on-blue' },
      { contrast: 'black-on-white' },
    ] as const) {
      pagePrefsStore().set(prefs);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
    expect(getComputedStyle(input(el)).minHeight).to.equal('60px');
  });
});
