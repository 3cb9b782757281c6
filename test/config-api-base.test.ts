import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.ts';
import type { ZwRating } from '../src/rating/rating.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';

// The API on another origin, named only on <zw-config>. The network is faked at the fetch boundary: that origin is
// answered by the reference server, the page's own origin has no API (the request fails, as it would in a portal).
const API = 'https://zwfw.example.gov.cn';
const realFetch = window.fetch.bind(window);
let urls: string[] = [];

beforeEach(() => {
  urls = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    urls.push(url);
    return url.startsWith(`${API}/`)
      ? realFetch(url.slice(API.length), init)
      : Promise.reject(new TypeError('Failed to fetch'));
  }) as typeof fetch;
});
afterEach(() => {
  window.fetch = realFetch;
});

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<zw-config api-base> alone', () => {
  it('is where the first request of every element inside goes: search and 差评 reasons work at once', async function () {
    this.timeout(30_000);
    const root = await fixture(
      html`<zw-config api-base=${API}>
        <zw-service-search></zw-service-search>
        <zw-rating case="CFG-${Date.now()}" channel="pc"></zw-rating>
      </zw-config>`,
    );
    const search = root.querySelector<ZwServiceSearch>('zw-service-search')!;
    const rating = root.querySelector<ZwRating>('zw-rating')!;
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = '社保卡';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(
      () =>
        search.shadowRoot!.querySelectorAll('[role=option]').length > 0 ||
        search.shadowRoot!.querySelector('[role=alert]'),
      'results or a failure',
      { timeout: 10_000 },
    );
    expect(text(search.shadowRoot!.querySelector('[role=alert]')), 'no failure, no 重试').to.equal('');
    expect(search.shadowRoot!.querySelectorAll('[role=option]').length).to.be.greaterThan(0);

    // A 差评 needs a reason: the reasons must be there without pressing 重试.
    await waitUntil(() => rating.shadowRoot!.querySelector('input[name=level]'), 'the form');
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[name=level][value="1"]')!.click();
    await waitUntil(
      () => rating.shadowRoot!.querySelector('.rs input[type=checkbox], .rs button'),
      'reasons or a failure',
      { timeout: 10_000 },
    );
    expect(rating.shadowRoot!.querySelectorAll('.rs input[type=checkbox]').length, 'the reasons').to.be.greaterThan(0);
    expect(rating.shadowRoot!.querySelector('.rs button'), '重试').to.equal(null);

    expect(
      urls.filter((url) => !url.startsWith(`${API}/`)),
      'requests to the page itself',
    ).to.deep.equal([]);
  });
});
