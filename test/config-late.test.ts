import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// The README's order for a bundler: the elements first, `zhengwu-widgets/config.js` after them. <zw-config> is
// defined in the middle of the test, so no other module of this page may import src/core/index.ts.
import '../src/queue-status/index.ts';
import '../src/service-search/index.ts';
import type { ZwQueueStatus } from '../src/queue-status/queue-status.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';

const realFetch = window.fetch.bind(window);
const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  window.fetch = realFetch;
});

describe('a <zw-config> defined after the elements inside it', () => {
  it('is heard by them, and they ask nothing of the network before it is', async function () {
    this.timeout(30_000);
    // The API base is this origin written out in full, so a request that ignored it (a bare `/api/…`) shows.
    const base = location.origin;
    const urls: string[] = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      return realFetch(input, init);
    }) as typeof fetch;
    const root = await fixture(
      html`<zw-config api-base=${base} hall="guangan-zwzx">
        <zw-queue-status></zw-queue-status>
        <zw-service-search></zw-service-search>
      </zw-config>`,
    );
    const queue = root.querySelector<ZwQueueStatus>('zw-queue-status')!;
    const search = root.querySelector<ZwServiceSearch>('zw-service-search')!;
    expect(customElements.get('zw-config'), 'not defined yet').to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urls, 'requests before the settings are known').to.deep.equal([]);
    expect(text(queue.shadowRoot)).not.to.contain('未指定服务大厅');

    await import('../src/core/index.ts');

    await waitUntil(
      () => text(queue.shadowRoot!.querySelector('h2')) === '广安区政务服务中心',
      'the hall of <zw-config>',
      {
        timeout: 10_000,
      },
    );
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = '社保卡';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => search.shadowRoot!.querySelectorAll('[role=option]').length > 0, 'results', {
      timeout: 10_000,
    });
    expect(text(search.shadowRoot!.querySelector('[role=alert]'))).to.equal('');
    expect(urls.length).to.be.greaterThan(0);
    expect(urls.filter((url) => !url.startsWith(`${base}/api/`))).to.deep.equal([]);
  });
});
