import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Category, HallSnapshot, PriorityReason, Ticket } from '../core/api/types.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { chinaDateTime } from '../core/china-time.js';
import { Lazy } from '../core/lazy.js';
import { idempotencyKey } from '../core/outbox.js';
import { signInPanel, signInStyles } from '../core/staff/sign-in-panel.js';
import { ZwStaffElement } from '../core/staff/staff-element.js';
import { staffStrings } from '../core/staff/strings.js';
import { coreStrings, describeError } from '../core/strings.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { kioskStrings, PRIORITY_REASONS, type KioskStrings } from './kiosk-strings.js';
import { kioskStyles } from './kiosk-styles.js';
import { speak } from './speak.js';

/** The QR encoder, fetched right after the first render: the home screen never waits for it. */
const qr = new Lazy(() => import('./ticket-qr.js'));

/** How often the home screen refreshes the waiting counts. */
const REFRESH_MS = 30_000;

type Screen = 'home' | 'reason' | 'priority-category' | 'issuing' | 'ticket';

/** What `zw-ticket-issued` tells the host page. */
export interface ZwTicketIssuedDetail {
  ticket: Ticket;
  /** The 绿色通道 reason the resident chose, if any. */
  priorityReason?: PriorityReason;
  /** The address of the ticket's live page (the QR code's content). */
  url: string;
}

/**
 * The self-service ticket kiosk at the hall's door (取号机): a big button per category with its waiting count, a
 * 绿色通道 button (priority for residents over 60, disabled, pregnant, seriously ill; the resident picks the reason),
 * and the issued ticket with the people ahead, the time and a QR code of its live page, printed through the
 * browser's print dialog (a kiosk browser in kiosk-printing mode prints at once). Elder sizing by default, touch
 * targets of 64 px and more, no keyboard needed, back to the start after a while without a touch, spoken prompts
 * when asked for. Signs in as a machine of the hall (its API key) or a member of staff, through `tokenProvider`.
 *
 * @summary Self-service ticket kiosk: categories, 绿色通道, a printed ticket with a QR code.
 * @tag zw-ticket-kiosk
 *
 * @attr hall - Hall id; falls back to `<zw-config hall>`.
 * @attr ticket-url - The address of a ticket's live page, with `{hall}` and `{ticket}` (default
 *   `./?hall={hall}&ticket={ticket}`, relative to the page); it is what the QR code opens.
 * @attr print - `auto` (default: the print dialog opens when a ticket is issued), `button` (a 打印 button) or `off`.
 * @attr size - `elder` (default: 长辈版 sizing whatever the page's preferences) or `standard`.
 * @attr speak - Say the prompts and the ticket aloud (also on when the page's 指读 preference is).
 * @attr reset-after - Seconds without a touch before the kiosk goes back to the start (default 20, at least 2).
 * @attr api-base - Base URL of the API; falls back to `<zw-config api-base>`.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @fires zw-ticket-issued - A ticket was issued; `detail: { ticket, priorityReason, url }`.
 * @fires zw-sign-in-required - The kiosk needs credentials; `detail: { reason, roles, hall }`.
 *
 * @csspart base - The kiosk's screen.
 * @csspart ticket - The issued ticket (what prints).
 * @csspart qr - The ticket's QR code.
 */
export class ZwTicketKiosk extends ZwStaffElement {
  static override tables = [coreStrings, kioskStrings, staffStrings];
  static override styles = [tokenStyles, visuallyHidden, signInStyles, kioskStyles];
  static override staffRoles: ZwStaffElement['session']['roles'] = ['ingest', 'window-staff', 'hall-admin'];

  static override properties: PropertyDeclarations = {
    ticketUrl: { attribute: 'ticket-url' },
    print: {},
    size: { reflect: true },
    speak: { type: Boolean },
    resetAfter: { type: Number, attribute: 'reset-after' },
    screen: { state: true },
    hallState: { state: true },
    issued: { state: true },
    reason: { state: true },
    problem: { state: true },
  };

  /** The address of a ticket's live page, with `{hall}` and `{ticket}`. */
  ticketUrl = './?hall={hall}&ticket={ticket}';

  /** When the print dialog opens. */
  print: 'auto' | 'button' | 'off' = 'auto';

  /** Elder sizing (default) or the page's own. */
  size: 'elder' | 'standard' = 'elder';

  /** Say the prompts aloud. */
  speak = false;

  /** Seconds without a touch before going back to the start. */
  resetAfter = 20;

  private screen: Screen = 'home';
  private hallState?: HallSnapshot;
  private issued?: { ticket: Ticket; url: string; reason?: PriorityReason };
  private reason?: PriorityReason;
  /** What went wrong last, in words for the resident. */
  private problem = '';

  #idle?: ReturnType<typeof setTimeout>;
  #refresh?: ReturnType<typeof setInterval>;
  #focusHeading = false;
  #printed?: Ticket;

  protected override configuredCallback(): void {
    super.configuredCallback();
    void this.load();
    clearInterval(this.#refresh);
    this.#refresh = setInterval(() => this.screen === 'home' && void this.load(), REFRESH_MS);
    this.addEventListener('pointerdown', this.#touched, { signal: this.signal });
    this.addEventListener('keydown', this.#touched, { signal: this.signal });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#refresh);
    clearTimeout(this.#idle);
  }

  /** Reads the hall's categories and waiting counts (public, no credentials). */
  async load(): Promise<void> {
    const hall = this.hallId;
    if (!hall) return;
    try {
      const { data } = await this.api.get<HallSnapshot>(`/api/v1/halls/${encodeURIComponent(hall)}/snapshot`, {
        schema: 'HallSnapshot',
        signal: this.signal,
      });
      this.hallState = data;
      if (this.problem === this.#text().loadFailed) this.problem = '';
    } catch (error) {
      if ((error as ApiError).kind === 'aborted') return;
      if (!this.hallState) this.problem = this.#text().loadFailed;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.attributesOnly) return;
    // Elder sizing by default, whatever the page's preferences say (a kiosk serves many old residents).
    if (this.size !== 'standard') {
      this.setAttribute('data-zw-elder', '');
      this.style.setProperty('--zw-font-scale', String(Math.max(1.5, this.prefs.fontScale)));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!qr.failed) qr.get(this);
    if (this.#focusHeading) {
      const heading = this.renderRoot.querySelector<HTMLElement>('h2');
      if (heading) {
        this.#focusHeading = false;
        heading.focus();
      }
    }
    const ticket = this.issued?.ticket;
    if (this.screen === 'ticket' && ticket && this.#printed !== ticket && this.print === 'auto' && qr.get(this)) {
      this.#printed = ticket;
      // After the ticket (with its QR code) is on the screen, which is what prints.
      requestAnimationFrame(() => window.print());
    }
  }

  #text(): KioskStrings {
    return this.strings(kioskStrings);
  }

  #touched = () => {
    clearTimeout(this.#idle);
    if (this.screen !== 'home') this.#idle = setTimeout(() => this.#go('home'), Math.max(2, this.resetAfter) * 1000);
  };

  #go(screen: Screen): void {
    this.screen = screen;
    this.#focusHeading = true;
    if (screen === 'home') {
      this.reason = undefined;
      this.issued = undefined;
      void this.load();
    }
    this.#touched();
  }

  #say(text: string): void {
    if (this.speak || this.prefs.speakOnPoint) speak(text, this.locale);
  }

  #choosePriority(): void {
    this.problem = '';
    this.#go('reason');
    this.#say(this.#text().priorityChoose);
  }

  #chooseReason(reason: PriorityReason): void {
    this.reason = reason;
    this.#go('priority-category');
    this.#say(this.#text().priorityCategory);
  }

  /** Issues a ticket of `category` (one press, one ticket: the buttons are gone while it is issued). */
  async #issue(category: Category): Promise<void> {
    const hall = this.hallId;
    if (!hall || this.screen === 'issuing') return;
    const reason = this.reason;
    this.problem = '';
    this.#go('issuing');
    try {
      const { data } = await this.session.request<Ticket>(`/api/v1/staff/halls/${encodeURIComponent(hall)}/tickets`, {
        method: 'POST',
        body: { categoryId: category.id, ...(reason ? { priority: reason } : {}) },
        headers: { 'Idempotency-Key': idempotencyKey() },
        schema: 'Ticket',
        retries: 2,
      });
      const url = this.ticketLink(data.number);
      this.issued = { ticket: data, url, reason };
      this.#go('ticket');
      this.#say(this.#text().spokenTicket(data.number, data.ahead));
      this.dispatchEvent(
        new CustomEvent<ZwTicketIssuedDetail>('zw-ticket-issued', {
          bubbles: true,
          composed: true,
          detail: { ticket: data, priorityReason: reason, url },
        }),
      );
    } catch (error) {
      if ((error as ApiError).kind === 'aborted') return;
      const e = error as ApiError;
      this.problem =
        e.problemSlug === 'hall-closed' ? this.#text().closed : describeError(error, this.strings(coreStrings));
      this.#go(reason ? 'priority-category' : 'home');
    }
  }

  /** The live page of ticket `number` (absolute, as a QR code must be). */
  ticketLink(number: string): string {
    const hall = this.hallId ?? '';
    const path = this.ticketUrl
      .replaceAll('{hall}', encodeURIComponent(hall))
      .replaceAll('{ticket}', encodeURIComponent(number));
    return new URL(path, document.baseURI).href;
  }

  protected override render() {
    const s = this.#text();
    const hall = this.hallState;
    const live = html`<p class="visually-hidden" role="status">${this.#spoken(s)}</p>`;
    if (!this.hallId) return html`<div part="base" class="kiosk"><p role="alert">${s.noHall}</p></div>`;
    if (this.session.state !== 'signed-in') {
      return html`<div part="base" class="kiosk">
        <h1>${hall?.name ?? s.title}</h1>
        ${signInPanel(this.session, this.strings(staffStrings), this.strings(coreStrings), hall?.name ?? this.hallId)}
      </div>`;
    }
    return html`<div part="base" class="kiosk" data-screen=${this.screen}>
      <h1>${hall?.name ?? s.title}</h1>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing} ${this.#screen(s, hall)}
      ${live}
    </div>`;
  }

  /** What the status region says for the screen (the heading says it too; this reaches a screen reader at once). */
  #spoken(s: KioskStrings): string {
    if (this.screen === 'issuing') return s.issuing;
    const t = this.issued?.ticket;
    if (this.screen === 'ticket' && t) return s.spokenTicket(t.number, t.ahead);
    return '';
  }

  #screen(s: KioskStrings, hall: HallSnapshot | undefined): TemplateResult {
    switch (this.screen) {
      case 'reason':
        return html`<h2 tabindex="-1">${s.priorityChoose}</h2>
          <ul class="choices" role="list">
            ${PRIORITY_REASONS.map(
              (r) =>
                html`<li>
                  <button type="button" class="choice" @click=${() => this.#chooseReason(r)}>${s.reason(r)}</button>
                </li>`,
            )}
          </ul>
          <button type="button" class="back" @click=${() => this.#go('home')}>${s.back}</button>`;
      case 'issuing':
        return html`<h2 tabindex="-1" aria-busy="true">${s.issuing}</h2>`;
      case 'ticket':
        return this.#ticket(s);
      default:
        return this.#categories(s, hall);
    }
  }

  #categories(s: KioskStrings, hall: HallSnapshot | undefined): TemplateResult {
    const priority = this.screen === 'priority-category';
    const heading = priority ? s.priorityCategory : s.choose;
    if (!hall) return html`<h2 tabindex="-1">${heading}</h2>`;
    if (!hall.open)
      return html`<h2 tabindex="-1">${s.title}</h2>
        <p class="problem" role="alert">${s.closed}</p>`;
    if (!hall.categories.length)
      return html`<h2 tabindex="-1">${heading}</h2>
        <p>${s.noCategories}</p>`;
    return html`<h2 tabindex="-1">${heading}</h2>
      ${priority ? html`<p class="reason">${s.priority}：${s.reason(this.reason!)}</p>` : nothing}
      <ul class="choices" role="list">
        ${hall.categories.map(
          (c) =>
            html`<li>
              <button type="button" class="choice" @click=${() => void this.#issue(c)}>
                <span class="name">${c.name}</span>
                <span class="count">${s.waiting(c.waiting)}</span>
              </button>
            </li>`,
        )}
      </ul>
      ${
        priority
          ? html`<button type="button" class="back" @click=${() => this.#go('home')}>${s.back}</button>`
          : html`<button type="button" class="priority" @click=${() => this.#choosePriority()}>
              <span class="name">${s.priority}</span>
              <span class="hint">${s.priorityHint}</span>
            </button>`
      }`;
  }

  #ticket(s: KioskStrings): TemplateResult {
    const { ticket, url, reason } = this.issued!;
    const category = this.hallState?.categories.find((c) => c.id === ticket.categoryId)?.name ?? ticket.categoryId;
    const code = qr.get(this);
    return html`<h2 tabindex="-1" class="visually-hidden">${s.yourNumber} ${ticket.number}</h2>
      <article class="ticket" part="ticket" aria-label=${s.yourNumber}>
        <p class="hall">${this.hallState?.name ?? ''}</p>
        <p class="label">${s.yourNumber}</p>
        <p class="number">${ticket.number}</p>
        ${reason ? html`<p class="mark">${s.priority} · ${s.reason(reason)}</p>` : nothing}
        <dl>
          <div>
            <dt>${s.ticketCategory}</dt>
            <dd>${category}</dd>
          </div>
          <div>
            <dt>${s.issuedAt}</dt>
            <dd>${chinaDateTime(ticket.issuedAt, this.locale)}</dd>
          </div>
        </dl>
        <p class="ahead">${s.ahead(ticket.ahead)}</p>
        ${code ? code.ticketQr(url, s.scan) : nothing}
        <p class="scan">${s.scan}</p>
      </article>
      <div class="actions">
        ${
          this.print === 'off'
            ? nothing
            : html`<button type="button" class="choice" @click=${() => window.print()}>${s.print}</button>`
        }
        <button type="button" class="back" @click=${() => this.#go('home')}>${s.done}</button>
      </div>`;
  }
}
