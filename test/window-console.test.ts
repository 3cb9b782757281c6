import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/core/index.ts';
import '../src/hall-ops/index.ts';
import '../src/queue-status/index.ts';
import type { ZwWindowConsole } from '../src/hall-ops/index.ts';
import type { OperatorWindow, Ticket, WindowClaim } from '../src/core/api/types.gen.ts';
import { forcedColors, forcedTextPair } from './support/forced-colors.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';

// The console against the reference server (same origin in the test runner), in the xiexing-bmfw hall (the kiosk's
// tests issue tickets in another). Window w03 serves category B; each test starts from a free, open window.

const HALL = 'xiexing-bmfw';
const WINDOW = 'w03';
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 15_000 });
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: Element, action: string) => $<HTMLButtonElement>(el, `button[data-action=${action}]`)!;

async function token(roles: string[], halls: string[], name: string): Promise<string> {
  const r = await fetch('/api/v1/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, name, sub: `test-${name}` }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

let admin: string;
let staff: string;

async function api<T>(
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: T }> {
  const r = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, data: (await r.json()) as T };
}
const win = `/api/v1/staff/halls/${HALL}/windows/${WINDOW}`;

/** Takes the window over, finishes what it was doing, opens it for B and gives it back: a free, open window. */
async function freshWindow(): Promise<void> {
  const { data: claim } = await api<WindowClaim>(`${win}/claim`, { takeover: true });
  const lease = { 'Zw-Window-Lease': claim.lease };
  const act = (action: string, extra = {}) =>
    api(`${win}/actions`, { action, ...extra }, { ...lease, 'Idempotency-Key': crypto.randomUUID() });
  const { data: view } = await api<OperatorWindow>(win);
  if (view.current) await act('finish');
  await act('open', { categoryIds: ['B'] });
  await api(`${win}/release`, {}, lease);
}

/** Issues a walk-in ticket of category B. */
async function walkIn(priority?: string): Promise<string> {
  const { data } = await api<Ticket>(
    `/api/v1/staff/halls/${HALL}/tickets`,
    { categoryId: 'B', ...(priority ? { priority } : {}) },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  return data.number;
}
const ticketOf = async (number: string) =>
  (await (await fetch(`/api/v1/halls/${HALL}/tickets/${number}`)).json()) as Ticket;

/** A signed-in console on the window, ready to work. */
async function console_(provider: () => string = () => staff): Promise<ZwWindowConsole> {
  const el = await fixture<ZwWindowConsole>(
    html`<zw-window-console hall=${HALL} window=${WINDOW}></zw-window-console>`,
  );
  el.tokenProvider = provider;
  await until(() => $(el, '.actions'), 'the console at work');
  return el;
}
const current = (el: Element) => $(el, '.current .number')?.textContent ?? null;

describe('zw-window-console', () => {
  before(async () => {
    admin = await token(['hall-admin'], [HALL], '管理员');
    staff = await token(['window-staff'], [HALL], '王芳');
  });
  beforeEach(async () => {
    await freshWindow();
    await walkIn();
    await walkIn();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('calls with F1; the resident’s own page says 请到 3 号窗口 and the wall board shows the number', async () => {
    const board = await fixture(html`<zw-queue-status hall=${HALL} variant="board"></zw-queue-status>`);
    const el = await console_();
    expect(text(el)).to.contain('工作人员：王芳');
    expect(text(el)).to.contain('3 号窗口');
    await expect(el).to.be.accessible();
    button(el, 'call-next').focus();
    await sendKeys({ press: 'F1' });
    await until(() => current(el), 'the called resident');
    const number = current(el)!;
    expect(text(el)).to.contain('已叫号');
    await until(() => $(el, '[role=status][aria-live]')!.textContent!.includes(number), 'the call said');

    // The resident's page: another document, reading the server's live feed.
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe
        title="my ticket"
        style="width:360px;height:600px"
        src="/demo/staff/my-ticket.html?hall=${HALL}&ticket=${number}"
      ></iframe>`,
    );
    await until(() => {
      const card = frame.contentDocument?.querySelector('zw-queue-status');
      return card?.shadowRoot?.textContent?.includes('请到 3 号窗口');
    }, 'the resident sees 请到 3 号窗口');
    await until(() => text(board).includes(number), 'the board shows the number');
    await expect(el).to.be.accessible();
  });

  it('calls priority tickets first and shows their mark; transfer keeps the ticket', async () => {
    const plain = await walkIn();
    const first = await walkIn('elderly');
    const el = await console_();
    await until(() => $(el, '.line li .mark.priority'), 'the priority mark in the line');
    expect($(el, '.line ol li')!.textContent).to.contain(first);
    button(el, 'call-next').click();
    await until(() => current(el), 'the call');
    expect(current(el)).to.equal(first);
    expect(text(el)).to.contain('优先 · 60 岁以上');

    button(el, 'transfer').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the transfer dialog');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[value="category:A"]')!.click();
    $<HTMLButtonElement>(el, 'dialog button[type=submit]')!.click();
    await until(() => !current(el), 'the window free again');
    const moved = await ticketOf(first);
    expect(moved).to.include({ number: first, status: 'waiting', categoryId: 'A' });
    expect((await ticketOf(plain)).status).to.equal('waiting');
  });

  it('a double-clicked 叫号 calls one resident; no-show, then recall', async () => {
    const el = await console_();
    const { data: before } = await api<OperatorWindow>(win);
    const [one, two] = before.next;
    const call = button(el, 'call-next');
    call.click();
    call.click();
    await sendKeys({ press: 'F1' });
    await until(() => current(el) && !$(el, '.pending'), 'the call, and nothing left to send');
    expect(current(el)).to.equal(one.number);
    expect((await ticketOf(two.number)).status).to.equal('waiting');
    expect($(el, '.problem')).to.equal(null);

    await sendKeys({ press: 'F5' });
    await until(() => !current(el) && $(el, '.missed button'), 'the no-show, recallable');
    expect((await ticketOf(one.number)).status).to.equal('missed');
    $<HTMLButtonElement>(el, '.missed button')!.click();
    await until(() => current(el) === one.number, 'the recall');
    expect(text(el)).to.contain('已重呼 1 次');
    expect((await ticketOf(one.number)).status).to.equal('called');
    await sendKeys({ press: 'F3' });
    await until(() => text(el).includes('办理中'), 'service started');
    await sendKeys({ press: 'F4' });
    await until(() => !current(el), 'finished');
    expect((await ticketOf(one.number)).status).to.equal('served');
  });

  it('refuses a second console on the window until it takes over explicitly', async () => {
    const first = await console_();
    const second = await fixture<ZwWindowConsole>(
      html`<zw-window-console hall=${HALL} window=${WINDOW}></zw-window-console>`,
    );
    second.tokenProvider = () => staff;
    await until(() => text(second).includes('同一窗口只能有一个工作台'), 'the refusal naming the holder');
    expect(text(second)).to.contain('王芳');
    await expect(second).to.be.accessible();
    $<HTMLButtonElement>(second, '.notice button')!.click();
    await until(() => $(second, '.actions'), 'the second console at work');
    button(first, 'call-next').click();
    await until(() => text(first).includes('已被其他工作台接管'), 'the first console stopped');
    expect(current(second)).to.equal(null);
    await expect(first).to.be.accessible();
  });

  it('keeps working through a network drop: the action waits, counted, and is sent once', async () => {
    const el = await console_();
    const { data: before } = await api<OperatorWindow>(win);
    const realFetch = window.fetch;
    let lost = 0;
    // The request reaches the server, but its answer is lost on the way back (the worst case for a resend).
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      if (String(input).endsWith('/actions') && lost++ === 0) throw new TypeError('Failed to fetch');
      return response;
    }) as typeof fetch;
    try {
      await sendKeys({ press: 'F1' });
      await until(() => text(el).includes('网络已断开'), 'the drop told');
      expect(text(el)).to.contain('1 项操作待发送');
      expect(text(el)).not.to.contain('正在发送');
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      await until(() => current(el) && !$(el, '.pending'), 'sent when the network is back');
    } finally {
      window.fetch = realFetch;
    }
    expect(current(el)).to.equal(before.next[0].number);
    expect((await ticketOf(before.next[1].number)).status).to.equal('waiting');
  });

  it('shows a refused action with the server’s reason and holds what was pressed after it', async () => {
    const el = await console_();
    const realFetch = window.fetch;
    let refuse!: () => void;
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/actions') && (init?.body as string).includes('pause')) {
        await refused;
        return new Response(
          JSON.stringify({
            type: 'urn:zhengwu-widgets:problem:conflict',
            title: '冲突',
            status: 409,
            detail: '3 号窗口暂不能暂停。',
            code: 'window-not-open',
          }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      await sendKeys({ press: 'F8' }); // 暂停, held up on the way
      await until(() => text(el).includes('1 项操作待发送'), 'the pause waiting');
      await sendKeys({ press: 'F8' }); // 恢复服务, pressed expecting the pause to have happened
      await until(() => text(el).includes('2 项操作待发送'), 'both waiting');
      refuse();
      await until(() => $(el, '.pending .problem'), 'the refusal');
      expect($(el, '.pending .problem')!.textContent).to.contain('3 号窗口暂不能暂停。');
      expect(text(el)).to.contain('已暂停发送');
      await expect(el).to.be.accessible();
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pending button')]
        .find((b) => b.textContent!.includes('放弃'))!
        .click();
      await until(() => !$(el, '.pending'), 'the held action dropped');
      const { data } = await api<OperatorWindow>(win);
      expect(data.window.status).to.equal('open');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('changes the categories the window serves while it is open', async () => {
    const el = await console_();
    $<HTMLElement>(el, 'details.change summary')!.click();
    $<HTMLInputElement>(el, 'details.change input[value=A]')!.click();
    $<HTMLButtonElement>(el, 'details.change button[type=submit]')!.click();
    await until(async () => (await api<OperatorWindow>(win)).data.window.categoryIds.includes('A'), 'serving A too');
    expect((await api<OperatorWindow>(win)).data.window.categoryIds).to.have.members(['A', 'B']);
    await until(() => $(el, '.counts')!.textContent!.includes('社保医保'), 'the line of A counted');
  });

  it('asks for sign-in without a token, renews a refused token once, and says so when the token is for another hall', async () => {
    const el = document.createElement('zw-window-console');
    el.setAttribute('hall', HALL);
    const asked = oneEvent(el, 'zw-sign-in-required');
    document.body.append(el);
    try {
      expect((await asked).detail.roles).to.include('window-staff');
      await until(() => $(el, 'form.dev'), 'the development sign-in');
      await expect(el).to.be.accessible();
      // A token the server refuses (401) is renewed once through the provider.
      const asks: boolean[] = [];
      el.tokenProvider = ({ renew }) => (asks.push(renew), renew ? staff : 'expired.token.value');
      await until(() => text(el).includes('工作人员：王芳'), 'signed in with the renewed token');
      expect(asks.slice(0, 2)).to.deep.equal([false, true]);
      const other = await token(['window-staff'], ['guangan-zwzx'], '李四');
      el.tokenProvider = () => other;
      await until(() => text(el).includes('无权使用'), 'no access');
      expect(text(el)).to.contain('协兴镇便民服务中心');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('keeps every word readable in forced colours', async () => {
    await forcedColors(true);
    try {
      const el = await console_();
      for (const node of el.shadowRoot!.querySelectorAll('h1, h2, h3, .status, .net, .act span, .line li'))
        expect(forcedTextPair(node).ratio, node.textContent!).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    } finally {
      await forcedColors(false);
    }
  });

  it('works at 320 px in elder mode, in English', async () => {
    await setViewport({ width: 320, height: 700 });
    pagePrefsStore().set({ elder: true });
    try {
      const el = await fixture<ZwWindowConsole>(
        html`<zw-window-console hall=${HALL} window=${WINDOW} lang="en"></zw-window-console>`,
      );
      el.tokenProvider = () => staff;
      await until(() => $(el, '.actions'), 'the console at work');
      expect(text(el)).to.contain('Call next');
      expect(el.hasAttribute('data-zw-elder')).to.equal(true);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      pagePrefsStore().set({ elder: false });
    }
  });
});
