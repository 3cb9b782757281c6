// Lit's hydration support must be in place before LitElement is first evaluated: before anything that imports lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import '../src/index.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';

// The HTML a portal's server renders with @lit-labs/ssr (test/ssr/fixtures.ts, served by test/support/ssr-plugin.ts),
// hydrated here: the elements must adopt the server's DOM without an error or a warning, then work as usual.

let served: Record<string, string>;
let problems: string[] = [];
const real = { warn: console.warn, error: console.error };
const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled: ${String(e.reason)}`);
let container: HTMLElement | undefined;

before(async function () {
  this.timeout(60_000); // the first request renders every element in a separate Node process
  served = await (await fetch('/__ssr.json')).json();
});
beforeEach(() => {
  problems = [];
  console.warn = (...args: unknown[]) => problems.push(`warn: ${args.join(' ')}`);
  console.error = (...args: unknown[]) => problems.push(`error: ${args.join(' ')}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  Object.assign(console, real);
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  container?.remove();
  pagePrefsStore().reset();
});

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Puts the server's HTML for `name` in the page (declarative shadow roots included, as a parser would) and waits for
 * the elements to hydrate; checks that they kept the server's nodes and that nothing went wrong.
 */
async function hydrate<T extends HTMLElement>(name: string): Promise<T> {
  container = document.createElement('div');
  document.body.append(container);
  container.setHTMLUnsafe(served[name]);
  const elements = [...container.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('*')].filter(
    (e) => e.localName.startsWith('zw-'),
  );
  const fromServer = elements.map((e) => e.shadowRoot?.querySelector(':not(style)'));
  expect(fromServer.every(Boolean), 'every element arrives with its server-rendered shadow root').to.be.true;
  for (const [i, e] of elements.entries()) {
    await e.updateComplete;
    expect(e.shadowRoot!.contains(fromServer[i]!), `${e.localName} hydrated, not rendered anew`).to.be.true;
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the update that follows hydration
  expect(problems, 'errors or warnings while hydrating').to.deep.equal([]);
  return container.querySelector<T>(name)!;
}

describe('server-rendered HTML, hydrated', () => {
  it('<zw-config> and the queue inside it: the hall comes from the config once hydrated', async () => {
    const config = await hydrate('zw-config');
    const queue = config.querySelector('zw-queue-status')!;
    await waitUntil(() => text(queue.shadowRoot!.querySelector('h2')) === '广安区政务服务中心', 'the hall', {
      timeout: 10_000,
    });
    expect(text(queue.shadowRoot)).not.to.contain('未指定服务大厅');
    expect(problems).to.deep.equal([]);
  });

  it('<zw-queue-status>', async () => {
    const queue = await hydrate('zw-queue-status');
    await waitUntil(() => text(queue.shadowRoot!.querySelector('h2')) === '广安区政务服务中心', 'the hall', {
      timeout: 10_000,
    });
    expect(problems).to.deep.equal([]);
  });

  it('<zw-service-search>', async () => {
    const search = await hydrate('zw-service-search');
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = '社保卡';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => search.shadowRoot!.querySelectorAll('[role=option]').length > 0, 'results', {
      timeout: 10_000,
    });
    expect(problems).to.deep.equal([]);
  });

  it('<zw-a11y-toolbar>', async () => {
    const toolbar = await hydrate('zw-a11y-toolbar');
    const elder = toolbar.shadowRoot!.querySelector<HTMLButtonElement>('[part=elder]')!;
    elder.click();
    await waitUntil(() => elder.getAttribute('aria-checked') === 'true', 'elder mode on');
    expect(document.documentElement.hasAttribute('data-zw-elder')).to.be.true;
    expect(problems).to.deep.equal([]);
  });

  it('<zw-a11y-toggle>', async () => {
    const toggle = await hydrate('zw-a11y-toggle');
    const button = toggle.shadowRoot!.querySelector('button')!;
    button.click();
    await waitUntil(() => button.getAttribute('aria-checked') === 'true', 'switched on');
    expect(document.documentElement.hasAttribute('data-zw-elder')).to.be.true;
    expect(problems).to.deep.equal([]);
  });

  it('<zw-rating>', async () => {
    const rating = await hydrate('zw-rating');
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[name=level][value="1"]')!.click();
    await waitUntil(() => rating.shadowRoot!.querySelectorAll('.rs input[type=checkbox]').length > 0, 'reasons', {
      timeout: 10_000,
    });
    expect(problems).to.deep.equal([]);
  });

  it('<zw-rating-summary>', async () => {
    const summary = await hydrate('zw-rating-summary');
    await waitUntil(() => summary.shadowRoot!.querySelector('.rate'), 'the figures', { timeout: 10_000 });
    expect(problems).to.deep.equal([]);
  });

  it('a resident in elder mode: the switches say so once hydrated, though the server could not know', async () => {
    pagePrefsStore().set({ elder: true });
    const toolbar = await hydrate('zw-a11y-toolbar');
    expect(toolbar.shadowRoot!.querySelector('[part=elder]')!.getAttribute('aria-checked')).to.equal('true');
    expect(toolbar.hasAttribute('data-zw-elder')).to.be.true;
    // Elder mode never shows text below 150%.
    expect(text(toolbar.shadowRoot!.querySelector('output'))).to.equal('150%');
    container!.remove();
    const toggle = await hydrate('zw-a11y-toggle');
    expect(toggle.shadowRoot!.querySelector('button')!.getAttribute('aria-checked')).to.equal('true');
  });
});
