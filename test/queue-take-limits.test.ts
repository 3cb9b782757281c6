import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/queue-status/index.ts';
import { DEVICE_ID_KEY } from '../src/queue-status/device-id.ts';
import type { ZwQueueStatus } from '../src/queue-status/queue-status.ts';

// Online take against the real server (in memory, every hall open), with the network seen at the fetch boundary.
const hall = 'guangan-zwzx';
const realFetch = window.fetch.bind(window);
const posts: { headers: Headers }[] = [];
/** When set, answers the next take itself (the server is not asked). */
let answer: (() => Response) | undefined;

const problem429 = (per: 'day' | 'minute', retryAfter: number, detail: string) =>
  new Response(
    JSON.stringify({
      type: 'urn:zhengwu-widgets:problem:rate-limited',
      title: 'Too many requests',
      status: 429,
      detail,
      limit: { scope: per === 'day' ? 'device' : 'address', max: 3, per },
    }),
    { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfter) } },
  );

const root = (el: ZwQueueStatus) => el.shadowRoot!;
const alertText = (el: ZwQueueStatus) => root(el).querySelector('.take [role="alert"]')?.textContent ?? '';

async function takeForm(): Promise<ZwQueueStatus> {
  const el = await fixture<ZwQueueStatus>(html`<zw-queue-status hall=${hall} allow-take></zw-queue-status>`);
  await waitUntil(() => root(el).querySelector('.take input[type="radio"]'), 'the take form', { timeout: 10_000 });
  [...root(el).querySelectorAll<HTMLInputElement>('.take input[type="radio"]')].find((r) => r.value === 'D')!.click();
  return el;
}
const press = (el: ZwQueueStatus) => root(el).querySelector<HTMLButtonElement>('.take button')!.click();

beforeEach(() => {
  posts.length = 0;
  answer = undefined;
  localStorage.clear();
  delete (window as { EventSource?: unknown }).EventSource; // polled: the test watches only the takes
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (init.method === 'POST' && String(input).endsWith('/tickets')) {
      posts.push({ headers: new Headers(init.headers) });
      const next = answer;
      answer = undefined;
      if (next) return next();
    }
    return realFetch(input, init);
  }) as typeof fetch;
});
afterEach(() => {
  window.fetch = realFetch;
});

describe('online take and the server’s limits', () => {
  it('sends one random device id, kept on the device, with every take', async function () {
    this.timeout(20_000);
    const el = await takeForm();
    press(el);
    await waitUntil(() => root(el).querySelector('.mine .num'), 'the ticket', { timeout: 10_000 });
    const id = localStorage.getItem(DEVICE_ID_KEY);
    expect(id).to.match(/^[A-Za-z0-9_-]{16,64}$/);
    expect(posts.map((p) => p.headers.get('Zw-Device-Id'))).to.deep.equal([id]);
  });

  it('says at once which daily limit was reached, in the server’s words, and a new press is a new attempt', async function () {
    this.timeout(20_000);
    const el = await takeForm();
    // Until midnight: a client that slept on Retry-After would show "正在取号…" for ten hours.
    answer = () => problem429('day', 36_000, '本设备今日已在广安区政务服务中心取号 3 次，已达上限，请明日再来或到大厅自助取号机取号。');
    press(el);
    await waitUntil(() => alertText(el).includes('已达上限'), 'the limit in words', { timeout: 5_000 });
    expect(alertText(el)).not.to.include('不会重复取号');
    expect(localStorage.getItem(`zw-queue:${hall}:take`), 'a definite refusal ends the attempt').to.equal(null);
    await expect(el).to.be.accessible();
    press(el);
    await waitUntil(() => root(el).querySelector('.mine .num'), 'the ticket', { timeout: 10_000 });
    const keys = posts.map((p) => p.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('waits out a short per-minute limit by itself and keeps the attempt’s key', async function () {
    this.timeout(20_000);
    const el = await takeForm();
    answer = () => problem429('minute', 1, '操作过于频繁，请 1 秒后再试。');
    press(el);
    await waitUntil(() => root(el).querySelector('.mine .num'), 'the ticket', { timeout: 10_000 });
    const keys = posts.map((p) => p.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });
});
