import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Category, HallPatch, HallSnapshot, Window } from '../core/api/types.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { coreStrings, describeError } from '../core/strings.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { ZwElement } from '../core/zw-element.js';
import { BusyHours } from './busy-hours.js';
import { recall } from './device-memory.js';
import { hallClock } from './hall-time.js';
import { LiveFeed, type FeedHost } from './live-feed.js';
import { MyTicket, TICKET_FORMAT } from './my-ticket.js';
import { OnlineTake } from './online-take.js';
import { hallPath, type QueueHost } from './queue-host.js';
import { queueStrings, type QueueStrings } from './strings.js';
import { queueStyles } from './styles.js';

/**
 * Live queue status of a government service hall (取号/叫号): waiting counts and estimated waits per category,
 * each window's current number, the hall's hours, the resident's own ticket and its call, online ticket taking and
 * today's busy hours. Updates arrive by Server-Sent Events, or by polling where those are blocked.
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
  private readonly mine = new MyTicket(this);
  private readonly taking = new OnlineTake(this, (ticket) => {
    this.mine.follow(ticket.number, true);
    this.mine.accept(ticket);
    this.notice = this.text().taken(ticket.number);
  });
  private readonly busy = new BusyHours(this);
  /** The hall the parts were started for; `null` forces a start. */
  private started: string | undefined | null = null;
  /** Windows changed by the last patch (highlighted on the board). */
  private changed = new Set<string>();

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
    return Math.max(2, this.mine.near ? Math.min(seconds, 5) : seconds) * 1000;
  }

  /** @internal Keep the feed running while the page is hidden. */
  keepAwake(): boolean {
    return this.variant !== 'board' && this.mine.watching;
  }

  /** @internal The feed delivered a new state. */
  fed(_state: HallSnapshot, patch?: HallPatch): void {
    this.changed = new Set(patch?.windows?.map((w) => w.id));
    this.mine.calls(patch?.calls);
    if (this.mine.watching && this.mine.touchedBy(patch)) void this.mine.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.started = null;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const hall = this.hallId;
    let follow = changed.has('ticket');
    if (hall !== this.started) {
      this.started = hall;
      this.feed.restart();
      this.mine.follow(undefined);
      follow = true;
      if (this.allowTake) this.taking.resume();
      if (this.showForecast) void this.busy.load();
    }
    if (follow) this.mine.follow(this.ticket || (hall ? recall<string>(hall, 'ticket') : undefined));
    const count = this.variant === 'board' ? (this.feed.state?.windows.length ?? 0) : 0;
    if (count) {
      const cols = Math.ceil(Math.sqrt(count * 1.6));
      this.style.setProperty('--_cols', String(cols));
      this.style.setProperty('--_rows', String(Math.ceil(count / cols)));
    }
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
    this.mine.follow(number, true);
  }

  private onTake(event: SubmitEvent): void {
    event.preventDefault();
    const choice = new FormData(event.target as HTMLFormElement).get('cat');
    if (choice) this.taking.take(String(choice));
  }

  private failure(error: unknown): string {
    const slug = (error as ApiError).problemSlug;
    const s = this.text();
    return slug === 'hall-closed'
      ? s.hallClosed
      : slug === 'quota-exhausted'
        ? s.quota
        : describeError(error, this.strings(coreStrings));
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

  /** How live the figures are, in words; never "live" when they are not. */
  private freshness(s: QueueStrings) {
    const { feed } = this;
    const [text, warn] = feed.offline
      ? [s.offline, true]
      : feed.stale
        ? [s.stale, true]
        : feed.error
          ? [this.failure(feed.error), true]
          : [s.live, false];
    return html`<span role="status" class=${warn ? 'warn' : ''}>${text}</span>`;
  }

  private windowState(w: Window, s: QueueStrings): string {
    return w.status === 'paused' ? s.paused : w.status === 'closed' ? s.shut : w.serving ? '' : s.idle;
  }

  protected override render() {
    const s = this.text();
    const state = this.feed.state;
    if (!this.hallId) return html`<p class="card err" part="base">${s.noHall}</p>`;
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
      return html`<div class="board" part="base">
        <header>${head}</header>
        <ol class="grid">
          ${windows.map((w) => {
            const note = this.windowState(w, s);
            return html`<li class="${w.status} ${this.changed.has(w.id) ? 'new' : ''}">
              <span class="lbl">${w.label}</span>
              ${note ? html`<span class="lbl">${note}</span>` : html`<span class="num">${w.serving}</span>`}
            </li>`;
          })}
        </ol>
        <ul class="cats">
          ${categories.map((c) => html`<li>${c.name} ${s.waiting(c.waiting)} · ${s.wait(c.estimatedWaitMinutes)}</li>`)}
        </ul>
      </div>`;
    }

    // A followed ticket comes first: its call must not be below the fold (elder mode makes the card long).
    const mine = this.renderMine(s);
    return html`<section class="card" part="base" aria-labelledby="hall">
      <header>${head}</header>
      ${this.mine.number ? mine : nothing}
      <h3>${s.queues}</h3>
      <ul class="rows">
        ${categories.map(
          (c) =>
            html`<li>
              <span>${c.prefix} · ${c.name}</span>
              <span>${s.waiting(c.waiting)} · <b>${s.wait(c.estimatedWaitMinutes)}</b></span>
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
      ${this.mine.number ? nothing : mine} ${this.renderTake(s, categories)}
      ${this.showForecast ? this.busy.render() : nothing}
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.mine.announcement}</div>
      <div class="visually-hidden" role="status">${this.notice}</div>
    </section>`;
  }

  private renderMine(s: QueueStrings) {
    const { number, ticket, error, sound } = this.mine;
    let body;
    if (!number) {
      body = html`<form @submit=${this.onCheck}>
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
      </form>`;
    } else if (error) {
      body = html`<p class="err">${(error as ApiError).status === 404 ? s.notFound : this.failure(error)}</p>`;
    } else if (!ticket) {
      body = html`<p>${this.strings(coreStrings).loading}</p>`;
    } else if (ticket.status === 'called' && ticket.window) {
      body = html`<div class="called">
        <p class="go">${s.goTo(ticket.window.label)}</p>
        <p>${s.calledNote(number)}</p>
      </div>`;
    } else if (ticket.status === 'waiting') {
      body = html`<p class="num">${number}</p>
        <p>${s.ahead(ticket.ahead)} · ${s.eta(s.wait(ticket.estimatedWaitMinutes))}</p>
        ${this.mine.near ? html`<p class="near">${s.near}</p>` : nothing}`;
    } else {
      body = html`<p class="num">${number}</p>
        <p>${ticket.status === 'missed' ? s.missed : s.served}</p>`;
    }
    return html`<section class="mine" aria-labelledby="mine">
      <h3 id="mine">${s.mine}</h3>
      ${body}
      <div class="tools">
        ${
          number && this.mine.watching
            ? html`<button class="plain" aria-pressed=${sound} @click=${() => this.mine.toggleSound()}>
                🔔 ${s.sound}
              </button>`
            : nothing
        }
        ${
          number && !this.ticket
            ? html`<button
                class="plain"
                @click=${() => {
                  this.notice = '';
                  this.mine.follow(undefined, true);
                }}
              >
                ${s.forget}
              </button>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderTake(s: QueueStrings, categories: Category[]) {
    const { busy, error, choice } = this.taking;
    if (!this.allowTake || (this.mine.watching && !busy)) return nothing;
    return html`<section class="take" aria-labelledby="take">
      <h3 id="take">${s.take}</h3>
      <form @submit=${this.onTake}>
        <fieldset>
          <legend>${s.pick}</legend>
          ${categories.map(
            (c) =>
              html`<label class="opt">
                <input type="radio" name="cat" required .value=${c.id} .checked=${c.id === choice} />
                ${c.name} <span class="hint">${s.waiting(c.waiting)}</span>
              </label>`,
          )}
        </fieldset>
        <button aria-disabled=${busy}>${busy ? s.taking : s.takeBtn}</button>
      </form>
      ${error ? html`<p class="err" role="alert">${this.failure(error)}</p>` : nothing}
    </section>`;
  }
}
