import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/rating/index.ts';
import type { ZwRating } from '../src/rating/rating.ts';
import type { RatingFollowUp, RatingReceipt } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';

// The resident's tracking view (<zw-rating tracking-code case>) against the reference server: the steps of a 差评
// with their dates and the officer's replies, and — once it is closed — the resident's verdict on the fix, once.
// The cases are moved along through the desk's API with a development token.

const HALL = 'guangan-zwzx';
const realFetch = window.fetch.bind(window);
const uid = () => Math.random().toString(36).slice(2, 10);
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 15_000 });
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (el: Element | null | undefined) => (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const send = (el: Element) => $$<HTMLButtonElement>(el, 'button').find((b) => /提交评价|重试|Send/.test(text(b)))!;

let officer = '';
before(async function () {
  this.timeout(60_000);
  const r = await realFetch('/api/v1/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles: ['rating-officer'], halls: [HALL] }),
  });
  officer = ((await r.json()) as { access_token: string }).access_token;
});
afterEach(() => {
  window.fetch = realFetch;
  pagePrefsStore().reset();
});

/** A 差评 without a phone number, moved along `states` with a reply at each step. */
async function followUp(states: string[]): Promise<{ code: string; caseId: string }> {
  const caseId = `F-${uid()}${uid()}`;
  const r = await realFetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ caseId, hallId: HALL, channel: 'pc', level: 2, reasons: ['212'] }),
  });
  const receipt = (await r.json()) as RatingReceipt;
  for (const to of states) {
    const step = await realFetch(`/api/v1/staff/rating-cases/${receipt.id}/transitions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${officer}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ to, note: `内部：${to}`, reply: `答复：${to}` }),
    });
    expect(step.status, to).to.equal(200);
  }
  return { code: receipt.trackingCode!, caseId };
}
const CLOSED = ['verifying', 'revisiting', 'closed'];

async function tracking(f: { code: string; caseId: string }, lang = 'zh-CN') {
  const el = await fixture<ZwRating>(
    html`<zw-rating tracking-code=${f.code} case=${f.caseId} lang=${lang}></zw-rating>`,
  );
  await until(() => $(el, 'ol li'), 'the steps');
  return el;
}
function verdictOf(f: { code: string; caseId: string }): Promise<RatingFollowUp> {
  return realFetch(`/api/v1/ratings/follow-up/${f.code}?case=${f.caseId}`).then((r) => r.json());
}

describe('<zw-rating> tracking view', () => {
  it('shows each step with its date and the reply, and asks for no verdict before 办结', async () => {
    const f = await followUp(['verifying']);
    const el = await tracking(f);
    const steps = $$(el, 'ol li');
    expect(steps.map(text)[1]).to.match(/核实中：答复：verifying$/);
    expect(steps[1]!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(text(el)).not.to.contain('内部');
    expect($(el, 'input[name=verdict]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes the verdict on the fix once, with the keyboard, and then shows it as given', async () => {
    const f = await followUp(CLOSED);
    const el = await tracking(f);
    await until(() => $(el, 'fieldset legend'), 'the question');
    expect(text($(el, 'fieldset legend'))).to.equal('您对整改结果满意吗？');
    expect(
      $$<HTMLInputElement>(el, 'input[name=verdict]').map((r) => r.closest('label')!.textContent!.trim()),
    ).to.deep.equal(['满意', '基本满意', '不满意']);
    await expect(el).to.be.accessible();
    // Nothing chosen: said, and nothing sent.
    send(el).click();
    await el.updateComplete;
    expect(text($(el, '#ve'))).to.equal('请选择一项。');
    expect((await verdictOf(f)).verdict).to.equal(null);
    // The radio group by keyboard: the first radio, then ↓ to 基本满意, then Tab to the button and Enter.
    $<HTMLInputElement>(el, 'input[name=verdict]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name=verdict]:checked')!.closest('label')!.textContent!.trim()).to.equal(
      '基本满意',
    );
    send(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#verdict'), 'the verdict given');
    expect(text($(el, '#verdict'))).to.equal('您对整改结果的评价：基本满意');
    expect(el.shadowRoot!.activeElement?.id).to.equal('verdict');
    expect($(el, 'input[name=verdict]')).to.equal(null);
    expect((await verdictOf(f)).verdict?.verdict).to.equal('basically-satisfied');
    await expect(el).to.be.accessible();
  });

  it('says so when another verdict was recorded meanwhile, and shows the one on record', async () => {
    const f = await followUp(CLOSED);
    const el = await tracking(f);
    await until(() => $(el, 'input[name=verdict]'), 'the question');
    // Another tab answered first.
    const first = await realFetch(`/api/v1/ratings/follow-up/${f.code}/verdict?case=${f.caseId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ verdict: 'satisfied' }),
    });
    expect(first.status).to.equal(201);
    $$<HTMLInputElement>(el, 'input[name=verdict]')[2]!.click();
    send(el).click();
    await until(() => $(el, '#verdict'), 'the verdict on record');
    expect(text($(el, '#verdict'))).to.equal('您对整改结果的评价：满意');
    expect(text($(el, '[role=alert]'))).to.not.equal('');
    expect((await verdictOf(f)).verdict?.verdict).to.equal('satisfied');
  });

  it('keeps the choice through a failed send and sends it with 重试', async () => {
    const f = await followUp(CLOSED);
    const el = await tracking(f);
    await until(() => $(el, 'input[name=verdict]'), 'the question');
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('/verdict')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : realFetch(input, init)) as typeof fetch;
    $$<HTMLInputElement>(el, 'input[name=verdict]')[0]!.click();
    send(el).click();
    await until(() => text($(el, '[role=alert]')) === '暂时无法连接服务器，请稍后重试。', 'the failure said');
    expect(text(send(el))).to.equal('重试');
    expect($<HTMLInputElement>(el, 'input[name=verdict]')!.checked).to.be.true;
    await expect(el).to.be.accessible();
    window.fetch = realFetch;
    send(el).click();
    await until(() => $(el, '#verdict'), 'sent on retry');
    expect((await verdictOf(f)).verdict?.verdict).to.equal('satisfied');
  });

  it('speaks English and stays accessible in elder mode and a contrast scheme', async () => {
    const f = await followUp(CLOSED);
    const el = await tracking(f, 'en');
    await until(() => $(el, 'fieldset legend'), 'the question');
    expect(text($(el, 'fieldset legend'))).to.equal('Are you satisfied with how the problem was fixed?');
    expect(text(el)).to.contain('Closed');
    for (const prefs of [{ elder: true }, { contrast: 'yellow-on-black' }] as const) {
      pagePrefsStore().set(prefs);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
