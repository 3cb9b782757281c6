import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { layoutProblems, pageScrollsSideways, shadowTexts } from './support/layout.ts';
import { forcedColors, forcedTextPair } from './support/forced-colors.ts';
import { strictCspFrame, violations } from './support/csp-frame.ts';
import '../src/core/index.ts';
import '../src/rating/index.ts';
import '../src/rating-desk/index.ts';
import type { ZwRating } from '../src/rating/rating.ts';
import type { ZwRatingDesk } from '../src/rating-desk/rating-desk.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { OUTBOX_STORAGE_KEY } from '../src/core/outbox.ts';
import type { RatingCaseList, RatingReceipt } from '../src/core/api/types.gen.ts';

// The 差评 desk against the reference server (same origin in the test runner): a resident's page rates a case
// through <zw-rating>, the officer's <zw-rating-desk> (signed in with the server's development issuer) works it,
// and the resident's tracking view shows what the officer told them. Cases are in the guangan-zwzx hall; the
// other hall's officer is the one who must be refused.

const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const realFetch = window.fetch.bind(window);
const uid = () => Math.random().toString(36).slice(2, 10);
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 15_000 });
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (el: Element | null | undefined) => (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (el: Element, name: string) => $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === name);

async function token(roles: string[], halls: string[]): Promise<string> {
  const r = await realFetch('/api/v1/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, name: '李敏', sub: 'test-officer' }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

/** A staff request with the officer's token (to set a case up quickly). */
async function staff<T>(path: string, body?: unknown): Promise<T> {
  const r = await realFetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${officer}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, `${path} ${JSON.stringify(body)}`).to.equal(200);
  return (await r.json()) as T;
}

/** A 差评 given through the API (a case the tests do not rate through the form). */
async function badRating(phone = true): Promise<RatingReceipt & { caseId: string }> {
  const caseId = `D-${uid()}${uid()}`;
  const r = await realFetch('/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      caseId,
      serviceCode: '511A0138000000',
      hallId: HALL,
      windowId: 'w05',
      staffId: 'GA0517',
      channel: 'pc',
      level: 2,
      reasons: ['212'],
      comment: '材料清单没写户口簿',
      ...(phone ? { contactConsent: true, phone: '13812345678' } : {}),
    }),
  });
  expect(r.status).to.equal(201);
  return { ...((await r.json()) as RatingReceipt), caseId };
}

async function desk(provider: () => string | undefined, attrs: { hall?: string; caseId?: string; lang?: string } = {}) {
  const el = await fixture<ZwRatingDesk>(
    html`<zw-rating-desk
      hall=${attrs.hall ?? HALL}
      case=${attrs.caseId ?? ''}
      lang=${attrs.lang ?? 'zh-CN'}
      .tokenProvider=${provider}
    ></zw-rating-desk>`,
  );
  return el;
}
const inboxShows = (el: ZwRatingDesk, code: string) =>
  until(() => $(el, `[data-case]`) && text(el).includes(code), `the inbox lists ${code}`);
const caseButton = (el: ZwRatingDesk, id: string) => $<HTMLButtonElement>(el, `[data-case="${id}"]`)!;
const caseOpen = (el: ZwRatingDesk) => until(() => $(el, '#case-h'), 'the case is open');

let officer = '';
before(async function () {
  this.timeout(60_000);
  officer = await token(['rating-officer'], [HALL]);
});
afterEach(() => {
  window.fetch = realFetch;
  localStorage.removeItem(OUTBOX_STORAGE_KEY);
  pagePrefsStore().reset();
});

describe('<zw-rating-desk>', () => {
  it('lists a 差评 that a resident page just gave, by deadline, and opens it with the keyboard', async function () {
    this.timeout(40_000);
    // The resident's page: a 差评 through the rating form, with a comment and a number for the 回访.
    const form = await fixture<ZwRating>(
      html`<zw-rating
        case=${`R-${uid()}${uid()}`}
        service="511A0138000000"
        hall=${HALL}
        window="w05"
        staff="GA0517"
      ></zw-rating>`,
    );
    await until(() => $(form, 'input[name=level]'), 'rating form');
    $(form, 'input[name=level][value="1"]')!.click();
    await until(() => $(form, '.rs input'), 'reasons');
    $(form, '.rs input')!.click();
    const comment = $<HTMLTextAreaElement>(form, 'textarea')!;
    comment.value = '窗口等了一个小时';
    comment.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(form, 'input[type=checkbox]:not(.rs input)')!.click();
    await form.updateComplete;
    const phone = $<HTMLInputElement>(form, '#ph')!;
    phone.value = '13912345678';
    phone.dispatchEvent(new Event('input'));
    await form.updateComplete;
    const sent = oneEvent(form, 'zw-rating-sent');
    $(form, 'button[type=submit]')!.click();
    const { receipt } = (await sent).detail;
    expect(receipt.bad).to.be.true;

    const el = await desk(() => officer);
    await inboxShows(el, receipt.trackingCode!);
    expect(text($(el, 'h2'))).to.equal('差评工单');
    // Nearest deadline first: the list is in the server's order, which the API promises by deadline.
    const dues = $$(el, '[data-case] .due').map((m) => text(m).replace('办结时限 ', ''));
    expect([...dues].sort()).to.deep.equal(dues);
    const item = caseButton(el, receipt.id);
    expect(text(item)).to.contain('非常不满意').and.contain('受理').and.contain('剩 10 个工作日');
    await expect(el).to.be.accessible();

    item.focus();
    await sendKeys({ press: 'Enter' });
    await caseOpen(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('case-h');
    const facts = text($(el, 'dl'));
    expect(facts)
      .to.contain('窗口等了一个小时')
      .and.contain('5 号窗口')
      .and.contain('GA0517')
      .and.contain('511A0138000000');
    // The number is not on the page until asked for.
    expect(text(el)).not.to.contain('13912345678');
    await expect(el).to.be.accessible();

    // Back to the list: focus returns to the case that was open.
    buttonNamed(el, '返回差评列表')!.click();
    await until(() => el.shadowRoot!.activeElement === caseButton(el, receipt.id), 'focus back on the case');
  });

  it('brings a 差评 given meanwhile into the open inbox when the page is back in view, and keeps the list when a refresh fails', async function () {
    this.timeout(40_000);
    const first = await badRating();
    const el = await desk(() => officer);
    await inboxShows(el, first.trackingCode!);
    const later = await badRating(false);
    expect(text(el)).not.to.contain(later.trackingCode!);
    // The officer comes back to the tab (the same refresh also runs every minute while it is in view).
    document.dispatchEvent(new Event('visibilitychange'));
    await inboxShows(el, later.trackingCode!);
    expect($(el, '.stale')).to.equal(null);

    // The network fails on the next refresh: the cases stay, and the desk says the list may be out of date.
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => $(el, '.stale'), 'the out-of-date note');
    expect(text($(el, '.stale'))).to.equal('未能刷新列表，显示的可能不是最新情况。');
    expect(caseButton(el, later.id)).to.exist;
    await expect(el).to.be.accessible();
    window.fetch = realFetch;
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => !$(el, '.stale'), 'the note gone once a refresh works');
  });

  it('moves a case through its states, each with a note and a reply the resident then reads', async function () {
    this.timeout(60_000);
    const rating = await badRating();
    const el = await desk(() => officer, { caseId: rating.id });
    await caseOpen(el);

    expect(text($(el, 'section ol li'))).to.contain('受理 · 系统');
    // The phone number only on an explicit press.
    buttonNamed(el, '查看联系电话')!.click();
    await until(() => $(el, '#phone'), 'the number shown');
    expect(text($(el, '#phone'))).to.equal('13812345678');
    expect(el.shadowRoot!.activeElement?.id).to.equal('phone');

    // Only what the server allows for 受理: 核实 or 申诉.
    const nexts = () => $$<HTMLInputElement>(el, 'input[name=to]').map((r) => r.value);
    expect(nexts()).to.deep.equal(['verifying', 'appealed']);

    // A note is required; the reply is previewed as the resident will read it.
    $<HTMLInputElement>(el, 'input[name=to][value=verifying]')!.click();
    await el.updateComplete;
    buttonNamed(el, '提交')!.click();
    await el.updateComplete;
    expect(text($(el, '#note-err'))).to.equal('请填写内部备注。');
    const type = async (id: string, value: string) => {
      const box = $<HTMLTextAreaElement>(el, `#${id}`)!;
      box.value = value;
      box.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await type('note', '调取 5 号窗口录像核实');
    await type('reply', '我们正在核实您反映的情况。');
    expect(text($(el, '.preview'))).to.equal('我们正在核实您反映的情况。');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'zw-rating-case-changed');
    buttonNamed(el, '提交')!.click();
    expect((await changed).detail).to.deep.equal({ caseId: rating.id, state: 'verifying' });
    await until(() => text($(el, '#msg')) === '已提交：核实', 'the outcome said');
    expect($(el, '#msg')!.getAttribute('role')).to.equal('status');
    expect(nexts()).to.deep.equal(['rectifying', 'revisiting', 'appealed']);

    // Assign to a department (from the server's list).
    await until(() => $$(el, '#dept option').length > 1, 'departments');
    const dept = $<HTMLSelectElement>(el, '#dept')!;
    dept.value = '区人社局';
    dept.dispatchEvent(new Event('change'));
    buttonNamed(el, '分派')!.click();
    await until(() => text($(el, '#msg')) === '已分派给区人社局', 'assigned');

    // 整改, then the 回访 with the resident's verdict, then 办结.
    $<HTMLInputElement>(el, 'input[name=to][value=rectifying]')!.click();
    await el.updateComplete;
    await type('note', '补充办事指南材料清单');
    await type('reply', '已在办事指南中补充户口簿要求。');
    buttonNamed(el, '提交')!.click();
    await until(() => text($(el, '#msg')) === '已提交：整改', 'rectifying');
    $<HTMLInputElement>(el, 'input[name=reached][value=yes]')!.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name=verdict][value=satisfied]')!.click();
    await type('rnote', '电话回访，评价人认可整改');
    $$<HTMLButtonElement>(el, 'form button[type=submit]').at(-1)!.click();
    await until(() => text($(el, '#msg')) === '已提交：记录回访', 'revisit recorded');
    expect(text(el)).to.contain('已联系上，评价人意见：满意');
    await staff(`/api/v1/staff/rating-cases/${rating.id}/transitions`, { to: 'revisiting', note: '回访完成' });
    // Another officer's step: the desk shows it when the case is opened again.
    buttonNamed(el, '返回差评列表')!.click();
    await until(() => caseButton(el, rating.id), 'inbox');
    caseButton(el, rating.id).click();
    await caseOpen(el);
    $<HTMLInputElement>(el, 'input[name=to][value=closed]')!.click();
    await el.updateComplete;
    await type('note', '整改完成');
    await type('reply', '问题已整改完毕，感谢您的监督。');
    buttonNamed(el, '提交')!.click();
    await until(() => text($(el, '#msg')) === '已提交：办结', 'closed');
    // The number is gone with the case closed; nothing more can be done.
    expect(buttonNamed(el, '查看联系电话')).to.equal(undefined);
    expect(text(el)).not.to.contain('13812345678');
    expect(text(el)).to.contain('此状态下没有可办理的操作。');
    await expect(el).to.be.accessible();

    // The resident's tracking view: each step with its date and the officer's replies, never the internal notes.
    const track = await fixture<ZwRating>(
      html`<zw-rating tracking-code=${rating.trackingCode!} case=${rating.caseId}></zw-rating>`,
    );
    await until(() => text(track).includes('已办结'), 'the resident sees the follow-up');
    const steps = $$(track, 'ol li').map(text);
    expect(steps.some((s) => s.includes('核实中：我们正在核实您反映的情况。'))).to.be.true;
    expect(steps.some((s) => s.includes('整改中：已在办事指南中补充户口簿要求。'))).to.be.true;
    expect(steps.at(-1)).to.contain('已办结：问题已整改完毕，感谢您的监督。');
    expect($(track, 'ol li time')!.getAttribute('datetime')).to.match(/T/);
    expect(text(track)).not.to.contain('调取').and.not.to.contain('补充办事指南材料清单').and.not.to.contain('李敏');
    expect(text(track)).to.contain('区人社局');
    await expect(track).to.be.accessible();
  });

  it('flags overdue and due-soon cases in words, and filters by state', async function () {
    this.timeout(30_000);
    const late = await badRating(false);
    const soon = await badRating(false);
    // The server counts working days on the official calendar; a case weeks old is made here at the fetch boundary.
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if (!String(input).includes('/rating-cases?')) return res;
      const list = (await res.json()) as RatingCaseList;
      for (const c of list.items) {
        if (c.id === late.id) Object.assign(c, { workingDaysLeft: -3, overdue: true, dueBy: '2026-01-05' });
        if (c.id === soon.id) Object.assign(c, { workingDaysLeft: 1, dueSoon: true, dueBy: '2026-01-06' });
      }
      list.items.sort((a, b) => a.dueBy.localeCompare(b.dueBy));
      return new Response(JSON.stringify(list), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const el = await desk(() => officer);
    await inboxShows(el, late.trackingCode!);
    const first = $$(el, '[data-case]')[0]!;
    expect(first.dataset.case).to.equal(late.id);
    expect(text(first.querySelector('.flag'))).to.equal('已超期 3 个工作日');
    expect(first.classList.contains('late')).to.be.true;
    expect(text(caseButton(el, soon.id).querySelector('.flag'))).to.equal('还剩 1 个工作日');
    expect(text($(el, 'section > p[role=status]'))).to.match(/^共 \d+ 件，其中 1 件已超期$/);
    await expect(el).to.be.accessible();

    const filter = $<HTMLSelectElement>(el, '#filter')!;
    filter.value = 'closed';
    filter.dispatchEvent(new Event('change'));
    await until(
      () => !caseButton(el, late.id) && text($(el, 'section > p[role=status]')).startsWith('共'),
      'the closed cases',
    );
    expect($$(el, '[data-case]').every((b) => text(b).includes('办结'))).to.be.true;

    // Pointed at another hall (an officer of both): that hall's inbox, none of this hall's cases.
    const both = await token(['rating-officer'], [HALL, OTHER]);
    const two = await desk(() => both);
    await inboxShows(two, late.trackingCode!);
    two.hall = OTHER;
    await until(
      () => !caseButton(two, late.id) && text($(two, 'section > p[role=status]')).startsWith('共'),
      "the other hall's inbox",
    );
    expect($$(two, '[data-case]').every((b) => !text(b).includes(late.trackingCode!))).to.be.true;
  });

  it('refuses other halls and roles clearly, and asks for sign-in without a token', async function () {
    this.timeout(30_000);
    const rating = await badRating();
    // An officer of another hall opening this hall's case: the server's 403, in its words.
    const other = await token(['rating-officer'], [OTHER]);
    const el = await desk(() => other, { hall: OTHER, caseId: rating.id });
    await until(() => $(el, '[role=alert]'), 'refused');
    expect(text($(el, 'h2'))).to.equal('无权使用');
    expect(text(el)).not.to.contain('材料清单没写户口簿');
    await expect(el).to.be.accessible();
    const contact = await realFetch(`/api/v1/staff/ratings/${rating.id}/contact`, {
      headers: { Authorization: `Bearer ${other}` },
    });
    expect(contact.status).to.equal(403);

    // Window staff of this hall: not the desk's role.
    const clerk = await token(['window-staff'], [HALL]);
    const el2 = await desk(() => clerk);
    await until(() => $(el2, '[role=alert]'), 'refused');
    expect(text($(el2, 'h2'))).to.equal('无权使用');

    // Nobody signed in: the host page is asked for its sign-in.
    const asked = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('zw-sign-in-required', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el3 = await desk(() => undefined);
    expect((await asked).detail).to.deep.include({ reason: 'no-token', hall: HALL });
    await until(() => text($(el3, 'h2')) === '工作人员登录', 'sign-in');
    await expect(el3).to.be.accessible();
  });

  it('speaks English, and stays accessible in elder mode and the contrast schemes', async function () {
    this.timeout(40_000);
    const rating = await badRating();
    const el = await desk(() => officer, { caseId: rating.id, lang: 'en' });
    await caseOpen(el);
    expect(text($(el, '#case-h'))).to.equal(`Bad rating ${rating.trackingCode}`);
    expect(text(el)).to.contain('State: Accepted').and.contain('Show phone number');
    await expect(el).to.be.accessible();
    for (const prefs of [{ elder: true }, { contrast: 'yellow-on-black' }, { contrast: 'white-on-blue' }] as const) {
      pagePrefsStore().set(prefs);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
    pagePrefsStore().set({ elder: true });
    const list = await desk(() => officer);
    await inboxShows(list, rating.trackingCode!);
    await expect(list).to.be.accessible();
  });

  it('fits a 320 px phone in elder mode, and keeps its text readable in forced colours', async function () {
    this.timeout(40_000);
    const rating = await badRating();
    await setViewport({ width: 320, height: 720 });
    try {
      pagePrefsStore().set({ elder: true });
      const list = await desk(() => officer);
      await inboxShows(list, rating.trackingCode!);
      expect([...pageScrollsSideways(), ...layoutProblems(list)]).to.deep.equal([]);
      const el = await desk(() => officer, { caseId: rating.id });
      await caseOpen(el);
      $<HTMLInputElement>(el, 'input[name=to][value=appealed]')!.click();
      await el.updateComplete;
      expect([...pageScrollsSideways(), ...layoutProblems(el)]).to.deep.equal([]);
      await forcedColors(true);
      const unreadable = shadowTexts(el)
        .map((t) => [t.textContent!.trim(), forcedTextPair(t.parentElement!).ratio] as const)
        .filter(([, ratio]) => ratio < 4.5);
      expect(unreadable).to.deep.equal([]);
    } finally {
      await forcedColors(false);
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('works on the demo staff page with the development sign-in', async function () {
    this.timeout(40_000);
    const rating = await badRating();
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe
        title="差评回访工作台"
        style="width:800px;height:900px"
        src="/demo/staff/rating-desk.html"
      ></iframe>`,
    );
    const el = () => frame.contentDocument?.querySelector('zw-rating-desk');
    await until(() => el()?.shadowRoot?.querySelector('#dev-name'), 'the development sign-in');
    el()!.shadowRoot!.querySelector<HTMLButtonElement>('.dev button[type=submit]')!.click();
    await until(() => text(el()).includes(rating.trackingCode!), 'the inbox after signing in');
    const figures = frame.contentDocument!.querySelector('zw-rating-summary')!;
    await until(() => figures.shadowRoot?.querySelector('.groups'), 'the figures beside it');
  });

  it('works under a strict Content-Security-Policy, its own styles included', async function () {
    this.timeout(40_000);
    const rating = await badRating();
    const frame = strictCspFrame(
      ['src/rating-desk/index.ts'],
      `<zw-rating-desk hall="${HALL}"></zw-rating-desk>`,
      [800, 900],
    );
    try {
      await until(() => frame.contentWindow?.customElements?.get('zw-rating-desk'), 'defined');
      const el = frame.contentDocument!.querySelector<ZwRatingDesk>('zw-rating-desk')!;
      el.tokenProvider = () => officer;
      await until(() => el.shadowRoot?.querySelector(`[data-case="${rating.id}"]`), 'the inbox');
      // The desk's stylesheet, adopted when its part arrived: each case is a card with a thick leading edge.
      const card = el.shadowRoot!.querySelector(`[data-case="${rating.id}"]`)!;
      expect(getComputedStyle(card).borderInlineStartWidth).to.equal('6px');
      expect(violations(frame)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
