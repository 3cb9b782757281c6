import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import decodeQR from 'qr/decode.js';
import '../src/core/index.ts';
import '../src/hall-ops/index.ts';
import type { ZwTicketKiosk } from '../src/hall-ops/index.ts';
import type { Ticket } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { forcedColors, forcedTextPair } from './support/forced-colors.ts';
import { strictCspFrame, violations } from './support/csp-frame.ts';

// The kiosk against the reference server (same origin in the test runner): it issues real tickets in the
// guangan-zwzx hall (the console's tests work in another hall, so neither disturbs the other's line).

const HALL = 'guangan-zwzx';
const until = (fn: () => unknown, what: string) => waitUntil(fn, what, { timeout: 10_000 });
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function token(roles: string[], halls: string[]): Promise<string> {
  const r = await fetch('/api/v1/dev-issuer/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, name: '取号机测试' }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

/** Reads the QR code the way a phone does: the rendered SVG drawn to pixels, then decoded. */
async function readQr(svg: SVGSVGElement): Promise<string> {
  const image = new Image();
  const markup = new XMLSerializer().serializeToString(svg);
  image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 400;
  const g = canvas.getContext('2d')!;
  g.drawImage(image, 0, 0, 400, 400);
  const { data, width, height } = g.getImageData(0, 0, 400, 400);
  return decodeQR({ data, width, height });
}

let printed = 0;
const realPrint = window.print;

describe('zw-ticket-kiosk', () => {
  let staff: string;
  before(async () => {
    staff = await token(['window-staff'], [HALL]);
  });
  beforeEach(() => {
    printed = 0;
    window.print = () => void printed++;
  });
  afterEach(async () => {
    window.print = realPrint;
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('asks the host page to sign in, offers the marked development sign-in, and signs in with it', async () => {
    const el = document.createElement('zw-ticket-kiosk');
    el.setAttribute('hall', HALL);
    const asked = oneEvent(el, 'zw-sign-in-required');
    document.body.append(el);
    try {
      const { detail } = await asked;
      expect(detail).to.include({ reason: 'no-token', hall: HALL });
      await until(() => $(el, 'form.dev'), 'the development sign-in');
      expect($(el, '.dev legend')!.textContent).to.contain('仅限开发和测试');
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, '#dev-name')!.value = '张三';
      $<HTMLButtonElement>(el, '.dev button')!.click();
      await until(() => $(el, '.choice'), 'the categories after sign-in');
      // The token stays in memory: nothing of it in the attributes or storage.
      expect(el.outerHTML).not.to.match(/eyJ/);
      expect(JSON.stringify({ ...localStorage })).not.to.match(/eyJ/);
    } finally {
      el.remove();
    }
  });

  it('issues a ticket with one touch, prints it on one receipt, and its QR code opens the live ticket', async () => {
    const el = await fixture<ZwTicketKiosk>(
      html`<zw-ticket-kiosk
        hall=${HALL}
        ticket-url="/demo/staff/my-ticket.html?hall={hall}&ticket={ticket}"
      ></zw-ticket-kiosk>`,
    );
    el.tokenProvider = () => staff;
    await until(() => $(el, '.choice'), 'the categories');
    // Elder sizing by default, and every target at least 64 px.
    expect(el.hasAttribute('data-zw-elder')).to.equal(true);
    for (const b of el.shadowRoot!.querySelectorAll('button'))
      expect(b.getBoundingClientRect().height).to.be.at.least(64);
    await expect(el).to.be.accessible();

    const issued = oneEvent(el, 'zw-ticket-issued');
    const first = $<HTMLButtonElement>(el, '.choice')!;
    expect(first.textContent).to.contain('社保医保');
    first.click();
    first.click(); // a double tap: the screen has changed, the second touch issues nothing
    const { detail } = await issued;
    await until(() => $(el, '.qr'), 'the ticket with its QR code');
    const number = detail.ticket.number;
    expect(number).to.match(/^A\d{3}$/);
    expect($(el, '.number')!.textContent).to.equal(number);
    expect(text(el)).to.contain('社保医保');
    expect($(el, '[role=status]')!.textContent).to.contain(number);
    // The server has it, waiting.
    const onServer = (await (await fetch(`/api/v1/halls/${HALL}/tickets/${number}`)).json()) as Ticket;
    expect(onServer.status).to.equal('waiting');
    // One ticket for the double tap: the next number issued is the one after it.
    const after = await fetch(`/api/v1/staff/halls/${HALL}/tickets`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${staff}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ categoryId: 'A' }),
    });
    expect(((await after.json()) as Ticket).number).to.equal(
      `A${String(Number(number.slice(1)) + 1).padStart(3, '0')}`,
    );
    const url = `${location.origin}/demo/staff/my-ticket.html?hall=${HALL}&ticket=${number}`;
    expect(detail.url).to.equal(url);
    expect(await readQr($<SVGSVGElement>(el, '.qr')!)).to.equal(url);
    await until(() => printed === 1, 'the print dialog, once');
    await expect(el).to.be.accessible();

    // The print layout: the ticket alone, receipt-wide, in one piece.
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, 'h1')!).display).to.equal('none');
    expect(getComputedStyle($(el, '.actions')!).display).to.equal('none');
    const ticket = $(el, '.ticket')!.getBoundingClientRect();
    // 72 mm wide; at most 112 mm high, the printable height of an 80 × 120 mm receipt with 4 mm margins.
    expect(ticket.width).to.be.closeTo(72 * 3.78, 2);
    expect(ticket.height).to.be.at.most(112 * 3.78);
    await emulateMedia({ media: 'screen' });

    $<HTMLButtonElement>(el, '.actions .back')!.click();
    await until(() => $(el, '.choice .name'), 'back at the start');
  });

  it('绿色通道: the resident picks the reason, and the ticket is issued with priority', async () => {
    const el = await fixture<ZwTicketKiosk>(html`<zw-ticket-kiosk hall=${HALL} print="button"></zw-ticket-kiosk>`);
    el.tokenProvider = () => staff;
    await until(() => $(el, '.priority'), 'the priority button');
    $<HTMLButtonElement>(el, '.priority')!.click();
    await until(() => el.shadowRoot!.activeElement?.localName === 'h2', 'the reasons, focused');
    expect(text(el)).to.contain('请选择优先办理的原因');
    await expect(el).to.be.accessible();
    const reasons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.choice')];
    expect(reasons.map((b) => b.textContent!.trim())).to.deep.equal(['60 岁以上老人', '残疾人', '孕妇', '重病患者']);
    reasons[2].click();
    await until(() => text(el).includes('绿色通道：孕妇'), 'the categories for the priority ticket');
    const issued = oneEvent(el, 'zw-ticket-issued');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.choice')][1].click();
    const { detail } = await issued;
    expect(detail.priorityReason).to.equal('pregnant');
    await until(() => $(el, '.mark'), 'the priority mark');
    expect($(el, '.mark')!.textContent).to.contain('孕妇');
    const onServer = (await (await fetch(`/api/v1/halls/${HALL}/tickets/${detail.ticket.number}`)).json()) as Ticket & {
      priority?: boolean;
    };
    expect(onServer.priority).to.equal(true);
    expect(printed).to.equal(0); // print="button": only on request
    $<HTMLButtonElement>(el, '.actions .choice')!.click();
    expect(printed).to.equal(1);
    // Left alone, the kiosk goes back to the start for the next resident.
    el.resetAfter = 2;
    el.dispatchEvent(new PointerEvent('pointerdown'));
    await until(() => !$(el, '.ticket') && $(el, '.priority'), 'back at the start');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('请选择您要办理的业务');
  });

  it('works on a 320 px screen in English and high contrast, and says the ticket aloud when asked to', async () => {
    await setViewport({ width: 320, height: 640 });
    const spoken: string[] = [];
    const realSynth = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
    const realUtterance = window.SpeechSynthesisUtterance;
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { getVoices: () => [{ lang: 'en-US' }], cancel() {}, speak: (u: { text: string }) => spoken.push(u.text) },
    });
    window.SpeechSynthesisUtterance = class {
      constructor(readonly text: string) {}
    } as unknown as typeof SpeechSynthesisUtterance;
    pagePrefsStore().set({ contrast: 'yellow-on-black' });
    try {
      const el = await fixture<ZwTicketKiosk>(
        html`<zw-ticket-kiosk hall=${HALL} lang="en" print="off" speak></zw-ticket-kiosk>`,
      );
      el.tokenProvider = () => staff;
      await until(() => $(el, '.choice'), 'the categories');
      expect(text(el)).to.contain('Choose the service you need');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.choice')!.click();
      await until(() => $(el, '.number'), 'the ticket');
      const number = $(el, '.number')!.textContent!;
      expect(spoken.at(-1)).to.contain(`Your number is ${number}`);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      pagePrefsStore().set({ contrast: 'none' });
      if (realSynth) Object.defineProperty(window, 'speechSynthesis', realSynth);
      else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      window.SpeechSynthesisUtterance = realUtterance;
    }
  });

  it('is larger on a kiosk’s own 1080 px screen than in a narrow column, and fits its screen', async () => {
    await setViewport({ width: 1080, height: 1920 });
    const el = await fixture<ZwTicketKiosk>(html`<zw-ticket-kiosk hall=${HALL} print="off"></zw-ticket-kiosk>`);
    el.tokenProvider = () => staff;
    await until(() => $(el, '.choice'), 'the categories');
    const big = $(el, '.choice .name')!.getBoundingClientRect().height;
    expect(document.documentElement.scrollWidth).to.be.at.most(1080);
    el.style.display = 'block';
    el.style.width = '600px';
    await until(() => $(el, '.choice .name')!.getBoundingClientRect().height < big, 'the narrow column’s smaller names');
    expect(big / $(el, '.choice .name')!.getBoundingClientRect().height).to.be.above(1.3);
  });

  it('keeps every word readable in forced colours', async () => {
    await forcedColors(true);
    try {
      const el = await fixture<ZwTicketKiosk>(html`<zw-ticket-kiosk hall=${HALL} print="off"></zw-ticket-kiosk>`);
      el.tokenProvider = () => staff;
      await until(() => $(el, '.priority'), 'the categories');
      for (const node of el.shadowRoot!.querySelectorAll('h1, h2, .name, .count, .hint'))
        expect(forcedTextPair(node).ratio, node.textContent!).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    } finally {
      await forcedColors(false);
    }
  });

  it('the hall-ops family works under a strict Content-Security-Policy (the ticket with its QR code, the console)', async function () {
    this.timeout(60_000);
    const console_ = await token(['window-staff'], ['xiexing-bmfw']);
    const frame = strictCspFrame(
      ['src/core/index.ts', 'src/hall-ops/index.ts'],
      `<zw-ticket-kiosk hall="${HALL}" print="off"></zw-ticket-kiosk>
       <zw-window-console hall="xiexing-bmfw" window="w04"></zw-window-console>`,
      [1000, 1400],
    );
    try {
      await until(() => frame.contentWindow?.customElements?.get('zw-window-console'), 'the family defined');
      const doc = frame.contentDocument!;
      const kiosk = doc.querySelector('zw-ticket-kiosk')!;
      const desk = doc.querySelector('zw-window-console')!;
      kiosk.tokenProvider = () => staff;
      desk.tokenProvider = () => console_;
      await until(() => $(kiosk, '.choice'), 'the categories');
      $<HTMLButtonElement>(kiosk, '.choice')!.click();
      await until(() => $(kiosk, '.qr path'), 'the ticket and its QR code');
      await until(() => $(desk, '.actions'), 'the console at work');
      expect(getComputedStyle($(kiosk, '.number')!).fontWeight).to.equal('700');
      expect(violations(frame)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
