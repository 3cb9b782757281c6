import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { configContext, prefsContext } from '../src/core/context.ts';
import '../src/core/index.ts';
import { ApiClient } from '../src/core/api/client.ts';
import { ApiError } from '../src/core/api/errors.ts';
import { validate } from '../src/core/api/validate.ts';
import { define } from '../src/core/define.ts';
import { ZwElement } from '../src/core/zw-element.ts';
import { pagePrefsStore, PREFS_STORAGE_KEY } from '../src/core/prefs/store.ts';

class ZwProbe extends ZwElement {
  override render() {
    return `${this.locale}|${this.apiBase ?? this.config.apiBase ?? ''}`;
  }
  client() {
    return this.api;
  }
  get abortSignal() {
    return this.signal;
  }
}
define('zw-probe', ZwProbe);

const realFetch = window.fetch;
function stubFetch(responder: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  window.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return responder(url, init);
  }) as typeof fetch;
  return calls;
}
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

afterEach(() => {
  window.fetch = realFetch;
});

describe('define()', () => {
  it('skips a tag that is already defined instead of throwing', () => {
    class Other extends LitElement {}
    expect(() => define('zw-probe', Other)).not.to.throw();
    expect(customElements.get('zw-probe')).to.equal(ZwProbe);
  });
});

describe('<zw-config>', () => {
  it('hands api-base and lang to elements inside; an own attribute wins', async () => {
    const el = await fixture(html`<zw-config api-base="https://zwfw.example.gov.cn" lang="en">
      <zw-probe></zw-probe><zw-probe api-base="/local" lang="zh-CN"></zw-probe>
    </zw-config>`);
    const [a, b] = el.querySelectorAll('zw-probe');
    await (a as ZwProbe).updateComplete;
    expect(a.shadowRoot!.textContent).to.equal('en|https://zwfw.example.gov.cn');
    expect(b.shadowRoot!.textContent).to.equal('zh-CN|/local');
  });

  it('follows the closest lang on the page and defaults to zh-CN', async () => {
    const el = await fixture(html`<div lang="en-GB"><zw-probe></zw-probe></div>`);
    const probe = el.querySelector('zw-probe') as ZwProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('en|');
    const plain = await fixture<ZwProbe>(html`<zw-probe></zw-probe>`);
    expect(plain.locale).to.equal('zh-CN');
    plain.setAttribute('lang', 'en');
    await plain.updateComplete;
    expect(plain.shadowRoot!.textContent).to.equal('en|');
  });

  it('keeps elements live through changes and moves between configs', async () => {
    const el = await fixture(html`<div>
      <zw-config id="a" api-base="/a"><zw-probe></zw-probe></zw-config><zw-config id="b" api-base="/b"></zw-config>
    </div>`);
    const [a, b] = el.querySelectorAll('zw-config');
    const probe = el.querySelector('zw-probe') as ZwProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('zh-CN|/a');
    a.apiBase = '/a2';
    await a.updateComplete;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('zh-CN|/a2');
    b.append(probe);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('zh-CN|/b');
    a.apiBase = '/a3';
    await a.updateComplete;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('zh-CN|/b');
  });

  it('answers @lit/context consumers: config from <zw-config>, preferences from the page', async () => {
    class LitConsumer extends LitElement {
      config = new ContextConsumer(this, { context: configContext, subscribe: true });
      prefs = new ContextConsumer(this, { context: prefsContext, subscribe: true });
    }
    customElements.define('zw-test-lit-consumer', LitConsumer);
    pagePrefsStore();
    const el = await fixture(html`<zw-config api-base="/x"><zw-test-lit-consumer></zw-test-lit-consumer></zw-config>`);
    const consumer = el.querySelector('zw-test-lit-consumer') as LitConsumer;
    expect(consumer.config.value?.apiBase).to.equal('/x');
    pagePrefsStore().set({ spacing: true });
    expect(consumer.prefs.value?.spacing).to.be.true;
    pagePrefsStore().reset();
    expect(consumer.prefs.value?.spacing).to.be.false;
  });
});

describe('ApiClient', () => {
  it('retries a failed GET with backoff, then succeeds', async () => {
    let n = 0;
    const calls = stubFetch(() => (++n < 2 ? new Response('oops', { status: 503 }) : json({ ok: true })));
    const res = await new ApiClient({ base: 'https://api.test' }).get<{ ok: boolean }>('/api/v1/health');
    expect(res.data.ok).to.be.true;
    expect(calls).to.have.length(2);
    expect(calls[0].url).to.equal('https://api.test/api/v1/health');
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const calls = stubFetch(() => new Response('{}', { status: 502 }));
    const err = await new ApiClient().post('/api/v1/x', { a: 1 }).catch((e) => e);
    expect(err).to.be.instanceOf(ApiError);
    expect(err.status).to.equal(502);
    expect(calls).to.have.length(1);
  });

  it('revalidates with If-None-Match and serves the kept copy on 304', async () => {
    const calls = stubFetch((_, init) =>
      (init.headers as Record<string, string>)['If-None-Match'] === '"v1"'
        ? new Response(null, { status: 304 })
        : json({ n: 1 }, { headers: { ETag: '"v1"', 'Content-Type': 'application/json' } }),
    );
    const client = new ApiClient();
    await client.get('/a');
    const second = await client.get<{ n: number }>('/a');
    expect(second.notModified).to.be.true;
    expect(second.data.n).to.equal(1);
    expect((calls[1].init.headers as Record<string, string>)['If-None-Match']).to.equal('"v1"');
  });

  it('turns a timeout into a timeout error', async () => {
    stubFetch((_, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')))));
    const err = await new ApiClient({ timeoutMs: 30 }).get('/slow', { retries: 0 }).catch((e) => e);
    expect(err.kind).to.equal('timeout');
  });

  it('names the malformed field of a payload', async () => {
    stubFetch(() => json({ items: [{ name: 'ok' }, { name: 42 }] }));
    const schema = { t: ['object'], r: ['items'], p: { items: { t: ['array'], i: { t: ['object'], r: ['name'], p: { name: { t: ['string'] } } } } } } as const;
    const err = await new ApiClient().get('/x', { schema }).catch((e) => e);
    expect(err.kind).to.equal('invalid-payload');
    expect(err.field).to.equal('items[1].name');
  });

  it('validates against a schema given by its name in the spec', async () => {
    stubFetch(() => json({ halls: [{ id: 'h1', name: '政务服务中心', address: 42 }] }));
    const err = await new ApiClient().get('/api/v1/halls', { schema: 'HallList' }).catch((e) => e);
    expect(err.kind).to.equal('invalid-payload');
    expect(err.field).to.equal('halls[0].address');
    stubFetch(() => json({ halls: [{ id: 'h1', name: '政务服务中心', address: '广安区' }] }));
    const ok = await new ApiClient().get<{ halls: unknown[] }>('/api/v1/halls', { schema: 'HallList' });
    expect(ok.data.halls).to.have.length(1);
  });

  it('turns a non-JSON 200 into an invalid-payload error', async () => {
    stubFetch(() => new Response('<html>502 Bad Gateway</html>', { status: 200 }));
    const err = await new ApiClient().get('/x').catch((e) => e);
    expect(err.kind).to.equal('invalid-payload');
  });

  it('aborts requests when the element leaves the page', async () => {
    let aborted = false;
    stubFetch((_, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => { aborted = true; reject(new DOMException('x', 'AbortError')); })));
    const el = await fixture<ZwProbe>(html`<zw-probe></zw-probe>`);
    const pending = el.client().get('/never', { signal: el.abortSignal }).catch((e) => e);
    el.remove();
    const err = await pending;
    expect(aborted).to.be.true;
    expect(err.kind).to.equal('aborted');
  });
});

describe('validate()', () => {
  it('accepts unknown extra fields from a newer server', () => {
    expect(validate({ a: 'x', extra: 1 }, { t: ['object'], r: ['a'], p: { a: { t: ['string'] } } })).to.deep.equal({ a: 'x', extra: 1 });
  });
  it('rejects a value outside an enum', () => {
    expect(() => validate({ s: 'gone' }, { t: ['object'], p: { s: { e: ['open', 'closed'] } } })).to.throw(/s: unexpected value/);
  });
});

describe('preference store', () => {
  it('mirrors preferences onto <html>, persists them and reaches elements live', async () => {
    const el = await fixture<ZwProbe>(html`<zw-probe></zw-probe>`);
    const store = pagePrefsStore();
    store.set({ elder: true, contrast: 'yellow-on-black' });
    await el.updateComplete;
    expect(document.documentElement.hasAttribute('data-zw-elder')).to.be.true;
    expect(document.documentElement.getAttribute('data-zw-contrast')).to.equal('yellow-on-black');
    expect(el.hasAttribute('data-zw-elder')).to.be.true;
    expect(getComputedStyle(el).fontSize).to.equal('24px');
    expect(JSON.parse(localStorage.getItem(PREFS_STORAGE_KEY)!).elder).to.be.true;
    store.reset();
    await el.updateComplete;
    expect(el.hasAttribute('data-zw-elder')).to.be.false;
    expect(localStorage.getItem(PREFS_STORAGE_KEY)).to.be.null;
  });
});
