import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/service-search/index.ts';
import type { ZwServiceSearch } from '../src/service-search/zw-service-search.ts';

// A page of its own, importing nothing of the search engine: what the element fetches shows in the resource timing.
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => pattern.test(name));
const ENGINE = /\/(catalogue-source|search-worker|catalogue-search|search-index|colloquial|aligner|syllables)\.[tj]s/;
const GUIDE = /\/guide-card\.[tj]s/;

const root = (el: Element) => el.shadowRoot!;
const options = (el: Element) => [...root(el).querySelectorAll('[role=option]')];

/** A server-mode element on the page, with the results for `text` typed into it. */
async function searchOnServer(text: string): Promise<ZwServiceSearch> {
  const el = await fixture<ZwServiceSearch>(html`<zw-service-search mode="server"></zw-service-search>`);
  await waitUntil(() => (el as unknown as { source?: unknown }).source, 'ready', { timeout: 8000 });
  root(el).querySelector<HTMLInputElement>('#q')!.focus();
  await sendKeys({ type: text });
  await waitUntil(() => options(el).length > 0, 'server results', { timeout: 8000 });
  return el;
}

describe('<zw-service-search> fetches what a page uses, when it uses it', () => {
  it('server mode searches and shows results without ever fetching the in-page engine or the guide', async () => {
    const el = await searchOnServer('社保卡');
    expect(options(el)[0].textContent).to.contain('社会保障卡');
    expect(fetched(ENGINE)).to.deep.equal([]);
    expect(fetched(GUIDE)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('choosing an item fetches the guide with its details and shows it', async () => {
    const el = await searchOnServer('社保卡');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.card h3'), 'guide shown', { timeout: 8000 });
    expect(fetched(GUIDE)).to.have.length(1);
    await waitUntil(() => /承诺|法定|无时限/.test(root(el).querySelector('.card dl')!.textContent!), 'details');
    expect(fetched(ENGINE)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('client mode fetches the engine, then finds by initials, searching in a worker', async () => {
    const started: string[] = [];
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(options?.name ?? '');
      }
    };
    after(() => (window.Worker = Real));
    const el = await fixture<ZwServiceSearch>(html`<zw-service-search mode="client"></zw-service-search>`);
    await waitUntil(() => (el as unknown as { source?: unknown }).source, 'catalogue loaded', { timeout: 8000 });
    expect(fetched(/\/catalogue-source\.[tj]s/)).to.have.length(1);
    root(el).querySelector<HTMLInputElement>('#q')!.focus();
    await sendKeys({ type: 'sbk' });
    await waitUntil(() => options(el).length > 0, 'results');
    expect(options(el)[0].textContent).to.contain('社会保障卡');
    // The catalogue is opened and searched in the worker started from the search worker's module.
    expect(fetched(/\/search-worker\.[tj]s/)).not.to.deep.equal([]);
    expect(started).to.deep.equal(['zw-service-search']);
  });
});
