import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/rating/index.ts';
import { OUTBOX_STORAGE_KEY } from '../src/core/outbox.ts';
import type { ZwRatingSummary } from '../src/rating/rating-summary.ts';
import type { RatingFigures } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';

const realFetch = window.fetch.bind(window);
const uid = () => Math.random().toString(36).slice(2, 10);

async function rate(service: string, level: number) {
  const reasons = { 5: ['513'], 4: ['411'], 3: [], 2: ['212'], 1: ['115'] }[level];
  const res = await realFetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ caseId: `S-${uid()}${uid()}`, serviceCode: service, channel: 'hall', level, reasons }),
  });
  expect(res.status).to.equal(201);
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function summary(service: string, lang?: string): Promise<ZwRatingSummary> {
  const el = await fixture<ZwRatingSummary>(
    html`<zw-rating-summary service=${service} lang=${lang ?? 'zh-CN'}></zw-rating-summary>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.rate, [role=alert]'), 'summary shown', { timeout: 8000 });
  return el;
}

let service = '';
before(async function () {
  this.timeout(60_000); // generous for a slow CI machine; the reference server is built before tests start
  service = `SUM-${uid()}`;
  for (const level of [5, 5, 4, 3, 2, 1]) await rate(service, level);
});
afterEach(() => {
  localStorage.removeItem(OUTBOX_STORAGE_KEY);
  window.fetch = realFetch;
  pagePrefsStore().reset();
});

describe('<zw-rating-summary>', () => {
  it('shows 好评率 as the share of ratings that are not 差评, and explains it', async () => {
    const el = await summary(service);
    expect(text($(el, '.rate'))).to.equal('好评率 66.7% 共 6 条评价');
    expect(text($(el, '.rate + .hint'))).to.contain('“非常满意”“满意”“基本满意”的评价占全部评价的比例');
    await expect(el).to.be.accessible();
  });

  it('draws the count per level as a list of labelled numbers, the bars being decoration', async () => {
    const el = await summary(service);
    const items = $$(el, 'ul li');
    expect(items.map(text)).to.deep.equal([
      '非常满意 2 条（33.3%）',
      '满意 1 条（16.7%）',
      '基本满意 1 条（16.7%）',
      '不满意 1 条（16.7%）',
      '非常不满意 1 条（16.7%）',
    ]);
    const meters = $$(el, 'meter') as HTMLMeterElement[];
    expect(meters.map((m) => [m.value, m.max])).to.deep.equal([
      [2, 6],
      [1, 6],
      [1, 6],
      [1, 6],
      [1, 6],
    ]);
    expect(meters.every((m) => m.getAttribute('aria-hidden') === 'true')).to.be.true;
  });

  it('offers the same figures as a table', async () => {
    const el = await summary(service);
    const details = $(el, 'details') as HTMLDetailsElement;
    expect(text(details.querySelector('summary'))).to.equal('以表格查看');
    details.open = true;
    const rows = [...details.querySelectorAll('tr')].map((tr) => [...tr.children].map(text));
    expect(rows[0]).to.deep.equal(['满意程度', '评价数', '占比']);
    expect(rows[1]).to.deep.equal(['非常满意', '2', '33.3%']);
    expect(rows).to.have.length(6);
    expect(details.querySelector('th[scope=row]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says so when there are no ratings yet', async () => {
    const el = await summary(`NONE-${uid()}`);
    expect(text($(el, '.rate'))).to.equal('暂无评价');
    expect(el.shadowRoot!.querySelector('ul, table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows the scope attributes', async () => {
    const el = await summary(service);
    const other = `SUM-${uid()}`;
    await rate(other, 2);
    el.service = other;
    await waitUntil(() => text($(el, '.rate')) === '好评率 0.0% 共 1 条评价', 'new scope shown');
  });

  it('reports a failure and recovers with a retry', async () => {
    let fail = true;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      fail ? Promise.resolve(new Response('oops', { status: 500 })) : realFetch(input, init)) as typeof fetch;
    const el = await fixture<ZwRatingSummary>(html`<zw-rating-summary service=${service}></zw-rating-summary>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'error shown', { timeout: 8000 });
    expect(text($(el, '[role=alert]'))).to.equal('服务暂时不可用，请稍后重试。');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, 'button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.rate'), 'summary shown after retry');
    expect(text($(el, '.rate'))).to.contain('66.7%');
  });

  it('refuses a malformed payload with a message naming the field', async () => {
    window.fetch = (() =>
      Promise.resolve(
        new Response(JSON.stringify({ scope: {}, count: 3, byLevel: { 1: 1 }, goodRate: 0.5 }), { status: 200 }),
      )) as typeof fetch;
    const el = await summary(service);
    expect(text($(el, '[role=alert]'))).to.contain('byLevel.2');
  });

  it('never lets an answer for an earlier scope replace the current one', async () => {
    const slow = `SUM-${uid()}`;
    await rate(slow, 5);
    const other = `SUM-${uid()}`;
    await rate(other, 2);
    let release: () => void = () => undefined;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if (String(input).includes(`service=${slow}`)) await new Promise<void>((resolve) => (release = resolve));
      return res;
    }) as typeof fetch;
    const el = await fixture<ZwRatingSummary>(html`<zw-rating-summary service=${slow}></zw-rating-summary>`);
    el.service = other;
    await waitUntil(() => text(el.shadowRoot!.querySelector('.rate')) === '好评率 0.0% 共 1 条评价', 'current scope');
    release();
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(text($(el, '.rate'))).to.equal('好评率 0.0% 共 1 条评价');
  });

  it('counts a rating made beside it as soon as the server has it', async () => {
    const scope = `SUM-${uid()}`;
    const page = await fixture(
      html`<div>
        <zw-rating-summary service=${scope}></zw-rating-summary>
        <zw-rating case=${`S-${uid()}${uid()}`} service=${scope}></zw-rating>
      </div>`,
    );
    const el = page.querySelector('zw-rating-summary')!;
    const form = page.querySelector('zw-rating')!;
    await waitUntil(() => text(el.shadowRoot!.querySelector('.rate')) === '暂无评价', 'no ratings yet', {
      timeout: 8000,
    });
    await waitUntil(() => form.shadowRoot!.querySelector('input[name=level]'), 'form', { timeout: 8000 });
    $(form, 'input[name=level][value="5"]').click();
    await waitUntil(() => form.shadowRoot!.querySelector('.rs input'), 'reasons', { timeout: 8000 });
    $(form, 'button[type=submit]').click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('.rate')) === '好评率 100.0% 共 1 条评价', 'counted', {
      timeout: 8000,
    });
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await summary(service, 'en');
    expect(text($(el, '.rate'))).to.equal('Positive rate 66.7% 6 ratings');
    expect(text($(el, 'li'))).to.equal('Very satisfied 2 (33.3%)');
    await expect(el).to.be.accessible();
  });

  for (const prefs of [
    { elder: true },
    { contrast: 'black-on-white' },
    { contrast: 'yellow-on-black' },
    { contrast: 'white-on-blue' },
  ] as const) {
    it(`is accessible with ${JSON.stringify(prefs)}`, async () => {
      pagePrefsStore().set(prefs);
      const el = await summary(service);
      ($(el, 'details') as HTMLDetailsElement).open = true;
      await expect(el).to.be.accessible();
    });
  }
});

describe('<zw-rating-summary by=…> figures', () => {
  const HALL = 'xiexing-bmfw';
  before(async function () {
    this.timeout(30_000);
    // At least the server's minimum per group this month in the hall, 差评 among them, so figures are published.
    for (const level of [5, 4, 4, 3, 2, 1]) {
      const r = await realFetch('/api/v1/ratings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({
          caseId: `G-${uid()}${uid()}`,
          hallId: HALL,
          channel: 'hall',
          level,
          reasons: level === 2 ? ['212'] : level === 1 ? ['115'] : [],
        }),
      });
      expect(r.status).to.equal(201);
    }
  });
  const pct = (r: number | null) => (r === null ? '不适用' : `${(r * 100).toFixed(1)}%`);
  async function figures(by: string, lang = 'zh-CN') {
    const el = await fixture<ZwRatingSummary>(
      html`<zw-rating-summary by=${by} hall=${HALL} lang=${lang}></zw-rating-summary>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.groups, [role=alert]'), 'figures shown', { timeout: 8000 });
    return el;
  }

  it('draws 好评率, 差评整改率, 回访率 and the on-time rate per month as labelled numbers, as the API counts them', async () => {
    const el = await figures('month');
    const api = (await (await realFetch(`/api/v1/ratings/figures?by=month&hall=${HALL}`)).json()) as RatingFigures;
    const row = api.rows.at(-1)!;
    expect(row.suppressed).to.be.false;
    expect(text($(el, '.rate'))).to.equal('各月好差评指标');
    const group = $$(el, '.groups > li').at(-1)!;
    expect(text(group.querySelector('.group'))).to.equal(row.label);
    expect(text(group.querySelector('.hint'))).to.equal(`${row.ratings} 条评价，其中差评 ${row.bad} 条`);
    expect([...group.querySelectorAll('li')].map(text)).to.deep.equal([
      `好评率 ${pct(row.goodRate)}`,
      `差评整改率 ${pct(row.rectificationRate)}`,
      `回访率 ${pct(row.revisitRate)}`,
      `按期办结率 ${pct(row.onTimeRate)}`,
    ]);
    expect([...group.querySelectorAll('meter')].every((m) => m.getAttribute('aria-hidden') === 'true')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('offers what each figure means and the same figures as a table', async () => {
    const el = await figures('department');
    const [meaning, table] = $$(el, 'details') as HTMLDetailsElement[];
    meaning!.open = true;
    table!.open = true;
    expect(text(meaning!.querySelector('dd'))).to.equal('“非常满意”“满意”“基本满意”的评价占全部评价的比例');
    const rows = [...table!.querySelectorAll('tr')].map((tr) => [...tr.children].map(text));
    expect(rows[0]).to.deep.equal(['部门', '评价数', '差评数', '好评率', '差评整改率', '回访率', '按期办结率']);
    expect(rows.length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
    pagePrefsStore().set({ elder: true, contrast: 'white-on-blue' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('reports a failure and recovers with 重试', async () => {
    let fail = true;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      fail && String(input).includes('/figures')
        ? Promise.resolve(new Response('oops', { status: 500 }))
        : realFetch(input, init)) as typeof fetch;
    const el = await figures('hall');
    expect(text($(el, '[role=alert]'))).to.equal('服务暂时不可用，请稍后重试。');
    fail = false;
    $(el, 'button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.groups'), 'figures after retry', { timeout: 8000 });
    expect(text($(el, '.rate'))).to.equal('各大厅好差评指标');
  });

  it('speaks English', async () => {
    const el = await figures('month', 'en');
    expect(text($(el, '.rate'))).to.equal('Ratings by month');
    expect(text($$(el, '.groups > li').at(-1)!.querySelector('li'))).to.match(/^Positive rate \d+\.\d%$/);
    await expect(el).to.be.accessible();
  });
});
