import { html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Category, HallPatch, HallSnapshot, Window } from '../core/api/types.gen.js';
import type { Lazy } from '../core/lazy.js';
import { coreStrings, describeError } from '../core/strings.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { ZwElement } from '../core/zw-element.js';
import type { BusyHours } from './busy-hours.js';
import { recall, remember } from './device-memory.js';
import { hallClock } from './hall-time.js';
import { LiveFeed, type FeedHost } from './live-feed.js';
import type { MyTicket } from './my-ticket.js';
import type { OnlineTake } from './online-take.js';
import { parts } from './parts.js';
import { hallPath, type QueueHost } from './queue-host.js';
import { queueStrings, shownRange, type QueueStrings } from './strings.js';
import { queueStyles } from './styles.js';

/** Ticket numbers as printed: the category letter and three digits. */
const TICKET_FORMAT = /^[A-Z]\d{3}$/;

/**
 * Live queue status of a government service hall (取号/叫号): waiting counts and estimated waits per category,
 * each window's current number, the hall's hours, the resident's own ticket and its call, online ticket taking and
 * today's busy hours. Updates arrive by Server-Sent Events, or by polling where those are blocked. The board, the
 * followed ticket, online taking, busy hours and the call's sound are fetched the first time a page uses them.
 *
 * @summary Live hall queue status with "my ticket", the call, online tickets and busy hours.
 * @tag zw-queue-status
 *
 * @attr hall - Hall id (e.g. `guangan-zwzx`); falls back to `<zw-config hall>`.
 * @attr ticket - A ticket number to follow (`A023`); otherwise the resident may type one, and it is remembered.
 * @attr allow-take - Offer 线上取号 (taking a ticket online).
 * @attr variant - `compact` (a card, default) or `board` (the hall's wall display: no interaction, 40 windows fit).
 * @attr category - Comma-separated category ids to show (e.g. `A,B`); windows serving them are shown too.
 * @attr interval - Polling interval in seconds when the event stream is unavailable (default 15).
 * @attr show-forecast - Show today's busy hours.
 * @attr api-base - Base URL of the API; falls back to `<zw-config api-base>`.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @fires zw-called - The followed ticket was called; `detail: { ticket, windowId, windowLabel }`. Fires once per call.
 *
 * @csspart base - The card or board.
 * @cssproperty --board-height - Height of the board variant (default `100vh`).
 */
export class ZwQueueStatus extends ZwElement implements FeedHost, QueueHost {
  static override tables = [coreStrings, queueStrings];
  static override styles = [tokenStyles, visuallyHidden, queueStyles];

  // Declared without decorators, as in the core: the element then ships no decorator code.
  static override properties: PropertyDeclarations = {
    hall: {},
    ticket: {},
    allowTake: { type: Boolean, attribute: 'allow-take' },
    variant: { reflect: true },
    category: {},
    interval: { type: Number },
    showForecast: { type: Boolean, attribute: 'show-forecast' },
    draft: { state: true },
    draftBad: { state: true },
    notice: { state: true },
  };

  /** Hall id; falls back to `<zw-config hall>`. */
  hall?: string;

  /** Ticket number to follow, such as `A023`. */
  ticket?: string;

  /** Offer taking a ticket online. */
  allowTake = false;

  /** `compact` card or wall `board`. */
  variant: 'compact' | 'board' = 'compact';

  /** Comma-separated category ids to show. */
  category?: string;

  /** Polling interval in seconds (used when the event stream is unavailable). */
  interval = 15;

  /** Show today's busy hours. */
  showForecast = false;

  private draft = '';
  private draftBad = false;
  private notice = '';

  private readonly feed = new LiveFeed(this);
  /** The number the resident follows (typed, remembered, or the `ticket` attribute). */
  private following?: string;
  /** The followed ticket, online taking and busy hours, once their code has arrived (see `parts`). */
  private mine?: MyTicket;
  private taking?: OnlineTake;
  private busy?: BusyHours;
  /** The hall the parts were started for; `null` forces a start. */
  private started: string | undefined | null = null;
  /** Windows changed by the last patch (highlighted on the board). */
  private changed = new Set<string>();
  /** The heading of what the resident's last action shows (查询, 取号, 不再关注此号), to take the focus. */
  private focusTo?: string;
  private focused = false;

  private get numberInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('#num');
  }

  /** The hall in use: `hall`, else `<zw-config hall>`. @internal */
  get hallId(): string | undefined {
    return this.hall || this.config.hall || undefined;
  }

  /** @internal Used by the live feed. */
  feedPath(): string | undefined {
    return this.hallId && hallPath(this.hallId);
  }

  /** @internal Used by the element's controllers. */
  feedApi() {
    return this.api;
  }

  /** @internal Used by the element's controllers. */
  text(): QueueStrings {
    return this.strings(queueStrings);
  }

  /** @internal The polling interval now, in ms. */
  pollMs(): number {
    const seconds = this.interval > 0 ? this.interval : 15;
    return Math.max(2, this.mine?.near ? Math.min(seconds, 5) : seconds) * 1000;
  }

  /** @internal Keep the feed running while the page is hidden. */
  keepAwake(): boolean {
    return this.variant !== 'board' && this.watching;
  }

  /** A followed ticket whose call may still come (until its code is here, any followed number). */
  private get watching(): boolean {
    return this.mine ? this.mine.watching : !!this.following;
  }

  /** @internal The feed delivered a new state. */
  fed(_state: HallSnapshot, patch?: HallPatch): void {
    this.changed = new Set(patch?.windows?.map((w) => w.id));
    this.mine?.calls(patch?.calls);
    if (this.mine?.watching && this.mine.touchedBy(patch)) void this.mine.refresh();
    // The feed came through, so the network works: a wall board nobody touches and a ticket waiting for its call
    // ask again for code whose fetch failed (the other parts wait for the resident's 重试).
    if (this.variant === 'board' && parts.board.failed) parts.board.retry(this);
    if (this.following && parts.ticket.failed) parts.ticket.retry(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.started = null;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The feed, the remembered ticket and the parts need the browser (see attributesOnly).
    if (this.attributesOnly) return;
    const hall = this.hallId;
    let follow = changed.has('ticket');
    if (hall !== this.started) {
      this.started = hall;
      this.feed.restart();
      this.follow(undefined);
      follow = true;
      this.taking?.resume();
      void this.busy?.load();
    }
    if (follow) this.follow(this.ticket || (hall ? recall<string>(hall, 'ticket') : undefined));
    this.startParts();
    const board = this.variant === 'board' && parts.board.get(this);
    if (board) board.layBoard(this, this.feed.state?.windows.length ?? 0);
  }

  /** Follows `number` (or nothing); `keep` remembers the choice on this device for the hall. */
  private follow(number: string | undefined, keep = false): void {
    const hall = this.hallId;
    if (keep && hall) remember(hall, 'ticket', number);
    this.following = number;
    this.mine?.follow(number);
    this.requestUpdate();
  }

  /** Starts each part the element needs once its code is here (the first call asks for it). */
  private startParts(): void {
    if (!this.isConnected) return; // a part that arrives after the element left starts when it comes back
    // With its words: the call it may announce at once must be said in the element's language.
    const ticket = this.following && !this.mine && this.partReady(parts.ticket, (m) => m.ticketStrings);
    if (ticket) {
      this.adopt(ticket.ticketStyles);
      this.mine = new ticket.MyTicket(this, parts.sound);
      this.mine.follow(this.following);
    }
    const take = this.allowTake && !this.taking && parts.take.get(this);
    if (take) {
      this.adopt(take.takeStyles);
      this.taking = new take.OnlineTake(this, (ticket) => {
        this.follow(ticket.number, true);
        this.mine?.accept(ticket);
        this.notice = this.text().taken(ticket.number);
        this.showResult();
      });
      this.taking.resume();
    }
    const busy = this.showForecast && !this.busy && parts.busy.get(this);
    if (busy) {
      this.adopt(busy.busyStyles);
      this.busy = new busy.BusyHours(this);
      void this.busy.load();
    }
  }

  /** Adds a part's styles to the shadow root as a constructed sheet (a strict CSP forbids inline `<style>`). */
  private adopt(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private onCheck(event: SubmitEvent): void {
    event.preventDefault();
    const number = this.draft.trim().toUpperCase();
    this.draftBad = !TICKET_FORMAT.test(number);
    if (this.draftBad) {
      this.numberInput?.focus();
      return;
    }
    this.draft = '';
    this.follow(number, true);
    this.showResult();
  }

  /** After an action, its result (the followed ticket, or the form to type a number) takes the focus. */
  private showResult(): void {
    this.focusTo = '#mine';
    this.focused = false;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.moveFocus();
  }

  /**
   * Puts the focus on the pending result's heading and brings its section into view; again when a later render
   * replaced it under the focus (the loading placeholder, then the ticket), but never once the resident has moved on.
   * Done when the result is final: the form, or the followed ticket's own view.
   */
  private moveFocus(): void {
    const heading = this.focusTo && this.renderRoot.querySelector<HTMLElement>(this.focusTo);
    if (!heading) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || (active === this && !this.shadowRoot!.activeElement);
    if (!this.focused || lost) {
      this.focused = true;
      heading.closest('section')?.scrollIntoView({ block: 'nearest' });
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'nearest' });
    }
    if (!this.following || this.mine?.ticket || this.mine?.error) this.focusTo = undefined;
  }

  /** @internal A failure in words for the resident. */
  failure(error: unknown): string {
    return describeError(error, this.strings(coreStrings));
  }

  /** The categories and windows the `category` attribute selects. */
  private shown(state: HallSnapshot): [Category[], Window[]] {
    const ids = (this.category ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (!ids.length) return [state.categories, state.windows];
    return [
      state.categories.filter((c) => ids.includes(c.id)),
      state.windows.filter((w) => w.categoryIds.some((c) => ids.includes(c))),
    ];
  }

  /**
   * How live the figures are, in words; never "live" when they are not: live only while the stream is heard from,
   * "refreshed every N s" while polling, "reconnecting" in between, stale when nothing confirmed them for too long.
   */
  private freshness(s: QueueStrings) {
    const { feed } = this;
    const [text, warn] = feed.offline
      ? [s.offline, true]
      : feed.stale
        ? [s.stale, true]
        : feed.error
          ? [this.failure(feed.error), true]
          : feed.live
            ? [s.live, false]
            : feed.polling
              ? [s.polled(Math.round(this.pollMs() / 1000)), false]
              : [s.reconnecting, true];
    return html`<span role="status" class=${warn ? 'warn' : ''}>${text}</span>`;
  }

  /** What a window is doing, in words ('' when it serves a number); a status this version does not know is not guessed. */
  private windowState(w: Window, s: QueueStrings): string {
    const known = { open: w.serving ? '' : s.idle, paused: s.paused, closed: s.shut }[w.status as string];
    return known ?? (w.serving ? '' : s.unknown);
  }

  /** A category's queue in words; outside opening hours nobody is about to be served, so no wait is promised. */
  private queueText(c: Category, open: boolean, s: QueueStrings) {
    if (open) return html`${s.waiting(c.waiting)} · <b>${s.wait(c.estimatedWaitMinutes, shownRange(c.estimatedWaitRange))}</b>`;
    return c.waiting ? `${s.waiting(c.waiting)} · ${s.closed}` : s.closed;
  }

  /** Where a part will appear while its code is on the way: the loading text, or why it failed and 重试. */
  private pending(part: Lazy<unknown>) {
    const core = this.strings(coreStrings);
    return part.failed
      ? html`<p class="err" role="alert">${this.text().partFailed}</p>
          <button class="plain" @click=${() => part.retry(this)}>${core.retry}</button>`
      : html`<p role="status">${core.loading}</p>`;
  }

  protected override render() {
    const s = this.text();
    const state = this.feed.state;
    // The server cannot know the hall of an enclosing <zw-config>: it renders the loading card.
    if (!this.hallId && !this.attributesOnly) return html`<p class="card err" part="base">${s.noHall}</p>`;
    if (!state) {
      const { error } = this.feed;
      return html`<div class="card" part="base">
        ${this.feed.offline ? html`<p class="warn" role="status">${s.offline}</p>` : nothing}
        ${
          error
            ? html`<p class="err" role="alert">${this.failure(error)}</p>
                <button class="plain" @click=${() => this.feed.restart(true)}>
                  ${this.strings(coreStrings).retry}
                </button>`
            : html`<p role="status">${this.strings(coreStrings).loading}</p>`
        }
      </div>`;
    }
    const [categories, windows] = this.shown(state);
    const { hours } = state;
    const head = html`<h2 id="hall">${state.name}</h2>
      <p>
        <span class="badge ${state.open ? '' : 'off'}">${state.open ? s.open : s.closed}</span>
        ${s.hours(hours.opens, hours.closes, (hours.lunch ?? '').replace('-', '–'))}
      </p>
      <p class="meta">${s.updated(hallClock(state.updatedAt, this.locale))} · ${this.freshness(s)}</p>`;

    if (this.variant === 'board') {
      const board = parts.board.get(this);
      if (!board) return html`<div class="card" part="base">${this.pending(parts.board)}</div>`;
      this.adopt(board.boardStyles);
      return board.renderBoard(
        head,
        windows,
        categories,
        this.changed,
        (w) => this.windowState(w, s),
        (c) => this.queueText(c, state.open, s),
      );
    }

    // A followed ticket comes first: its call must not be below the fold (elder mode makes the card long).
    const mine = this.renderMine(s);
    return html`<section class="card" part="base" aria-labelledby="hall">
      <header>${head}</header>
      ${this.following ? mine : nothing}
      <h3>${s.queues}</h3>
      <ul class="rows">
        ${categories.map(
          (c) =>
            html`<li>
              <span>${c.prefix} · ${c.name}</span>
              <span>${this.queueText(c, state.open, s)}</span>
            </li>`,
        )}
      </ul>
      <h3>${s.windows}</h3>
      <ul class="rows">
        ${windows.map(
          (w) =>
            html`<li class=${w.status}>
              <span>${w.label}</span>
              <span class=${w.status}>${this.windowState(w, s) || html`${s.serving} <b>${w.serving}</b>`}</span>
            </li>`,
        )}
      </ul>
      ${this.following ? nothing : mine} ${this.renderTake(s, categories, state.open)} ${this.renderBusy(s)}
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.mine?.announcement}</div>
      <div class="visually-hidden" role="status">${this.notice}</div>
    </section>`;
  }

  private renderMine(s: QueueStrings) {
    if (this.following) {
      const ticket = this.partReady(parts.ticket, (m) => m.ticketStrings);
      if (!ticket || !this.mine) return this.placeholder(parts.ticket, 'mine', s.mine);
      const { sound } = this.mine;
      const forget = () => {
        this.notice = '';
        this.follow(undefined, true);
        this.showResult();
      };
      const soundNote = sound && !parts.sound.get(this) ? this.pending(parts.sound) : nothing;
      return this.mine.render(this.strings(coreStrings), soundNote, this.ticket ? undefined : forget);
    }
    return html`<section class="mine" aria-labelledby="mine">
      <h3 id="mine" tabindex="-1">${s.mine}</h3>
      <form @submit=${this.onCheck}>
        <div>
          <label for="num">${s.number}</label>
          <input
            id="num"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="4"
            aria-describedby="num-note"
            aria-invalid=${this.draftBad}
            .value=${this.draft}
            @input=${(e: InputEvent) => (this.draft = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button>${s.check}</button>
        <p id="num-note" class=${this.draftBad ? 'err' : 'hint'}>${this.draftBad ? s.numberBad : s.numberHint}</p>
      </form>
    </section>`;
  }

  private renderTake(s: QueueStrings, categories: Category[], open: boolean) {
    if (!this.allowTake || (this.watching && !this.taking?.busy)) return nothing;
    const take = this.partReady(parts.take, (m) => m.takeStrings);
    return take && this.taking ? this.taking.render(categories, open) : this.placeholder(parts.take, 'take', s.take);
  }

  private renderBusy(s: QueueStrings) {
    if (!this.showForecast) return nothing;
    const busy = this.partReady(parts.busy, (m) => m.busyStrings);
    return busy && this.busy ? this.busy.render() : this.placeholder(parts.busy, 'busy', s.busy);
  }

  /** The section of a part whose code has not arrived: its heading, then the loading text or the failure. */
  private placeholder(part: Lazy<unknown>, id: string, heading: string) {
    return html`<section class=${id} aria-labelledby=${id}>
      <h3 id=${id} tabindex="-1">${heading}</h3>
      ${this.pending(part)}
    </section>`;
  }
}
