import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/service-search/index.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';
import { SearchIndex } from '../src/service-search/search-index.ts';
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

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const input = (el: Element) => $<HTMLInputElement>(el, '#q');
const options = (el: Element) => $$(el, '[role=option]');
const names = (el: Element) => options(el).map((o) => o.querySelector('span')?.textContent ?? o.textContent!.trim());
const status = (el: Element) => $(el, '[role=status]').textContent!.trim();

async function ready(el: ZwServiceSearch): Promise<ZwServiceSearch> {
  await waitUntil(() => (el as unknown as { source?: unknown }).source, 'catalogue loaded', { timeout: 8000 });
  return el;
}
async function searchFor(el: ZwServiceSearch, text: string): Promise<void> {
  input(el).focus();
  input(el).value = '';
  await sendKeys({ type: text });
  await el.updateComplete;
}

before(async () => {
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
    console.log(`recall@3 = ${recall.toFixed(3)} over ${relevanceSet.length} queries; misses: ${JSON.stringify(misses)}`);
    expect(relevanceSet.length).to.be.at.least(50);
    expect(recall).to.be.at.least(0.97);
  });
});

describe('<zw-service-search>', () => {
  it('finds 社会保障卡 items for 社保卡, highlights them and announces the count', async () => {
    const el = await ready(await fixture<ZwServiceSearch>(html`<zw-service-search></zw-service-search>`));
    await searchFor(el, '社保卡');
    expect(names(el)[0]).to.match(/^社会保障卡/);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    const marks = $$(el, '[role=option] mark').map((m) => m.textContent);
    expect(marks).to.include('社');
    await waitUntil(() => /^找到 \d+ 项$/.test(status(el)), 'count announced');
    await expect(el).to.be.accessible();
  });
});
