import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../core/api/errors.js';
import type {
  HallSnapshot,
  OperatorActionInput,
  OperatorActionResult,
  OperatorProblem,
  OperatorTicket,
  OperatorWindow,
  WindowClaim,
  WindowClaimHolder,
} from '../core/api/types.gen.js';
import { chinaDateTime } from '../core/china-time.js';
import { signInPanel, signInStyles } from '../core/staff/sign-in-panel.js';
import { ZwStaffElement } from '../core/staff/staff-element.js';
import { staffStrings } from '../core/staff/strings.js';
import { coreStrings, describeError } from '../core/strings.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { ActionQueue, type QueuedAction } from './action-queue.js';
import { consoleStrings, type ConsoleAction, type ConsoleStrings } from './console-strings.js';
import { consoleStyles } from './console-styles.js';

/**
 * The console's keyboard: function keys, which no screen reader's browse mode and no typing uses, pressed without
 * modifiers (decision 066). F7 (caret browsing) is left alone.
 */
export const SHORTCUTS: Record<string, ConsoleAction> = {
  F1: 'call-next',
  F2: 'recall',
  F3: 'start',
  F4: 'finish',
  F5: 'no-show',
  F6: 'transfer',
  F8: 'pause',
};
const KEY_OF = Object.fromEntries(Object.entries(SHORTCUTS).map(([k, a]) => [a, k])) as Record<ConsoleAction, string>;

/** How often the window's view is read again when the live feed is unavailable. */
const POLL_MS = 15_000;

/** What `zw-window-action` tells the host page. */
export interface ZwWindowActionDetail {
  action: ConsoleAction;
  /** The ticket the action concerned (the one called, finished…), if any. */
  number: string | null;
}

/** What the window's state will be once the waiting actions are done (which buttons make sense now). */
interface Expected {
  status: 'open' | 'paused' | 'closed';
  current: boolean;
  stage?: OperatorTicket['stage'];
}

/**
 * The window PC's console (窗口叫号工作台): sign in, pick the window and its categories, then call, recall, start,
 * finish, mark no-show, transfer and pause with large buttons or function keys (F1–F8), with the current resident
 * (number, category, priority and online marks, time since the call or the start), the waiting line and the missed
 * tickets that may be recalled. One console per window: it holds the window's lease, and a window held by another
 * console is taken over only on request. Through a network drop the actions wait in order, counted on the screen,
 * and are sent once when the network is back; a refused action is shown with the server's reason.
 *
 * @summary Window console for hall staff: 叫号, 重呼, 办结, 过号, 转移 with keys, the line, offline-safe actions.
 * @tag zw-window-console
 *
 * @attr hall - Hall id; falls back to `<zw-config hall>`.
 * @attr window - Window id (`w05`); otherwise the staff member picks one.
 * @attr api-base - Base URL of the API; falls back to `<zw-config api-base>`.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @fires zw-window-action - The server took an action; `detail: { action, number }`.
 * @fires zw-sign-in-required - The console needs a staff token; `detail: { reason, roles, hall }`.
 *
 * @csspart base - The console.
 * @csspart actions - The action buttons.
 */
export class ZwWindowConsole extends ZwStaffElement {
  static override tables = [coreStrings, consoleStrings, staffStrings];
  static override styles = [tokenStyles, visuallyHidden, signInStyles, consoleStyles];

  static override properties: PropertyDeclarations = {
    window: {},
    windowId: { state: true },
    view: { state: true },
    hallState: { state: true },
    claim: { state: true },
    holder: { state: true },
    leaseLost: { state: true },
    problem: { state: true },
    said: { state: true },
    transferring: { state: true },
  };

  /** Window id; otherwise the staff member picks one. */
  window?: string;

  private windowId?: string;
  private view?: OperatorWindow;
  private hallState?: HallSnapshot;
  private claim?: WindowClaim;
  /** Who holds the window when this console's claim was refused. */
  private holder?: WindowClaimHolder;
  private leaseLost = false;
  /** A failure to read or claim the window, in words. */
  private problem = '';
  /** The last action's outcome, said in the status region. */
  private said = '';
  private transferring = false;

  #queue = new ActionQueue({
    send: (a) => this.#send(a),
    changed: () => this.requestUpdate(),
    done: (result, a) => this.#done(result, a),
  });
  #renew?: ReturnType<typeof setTimeout>;
  #tick?: ReturnType<typeof setInterval>;
  #poll?: ReturnType<typeof setInterval>;
  #feed?: EventSource;
  #reading?: Promise<void>;
  #readAgain = false;
  #sessionState = this.session.state;

  protected override configuredCallback(): void {
    super.configuredCallback();
    void this.#loadHall();
    const on = { signal: this.signal };
    window.addEventListener('keydown', (e) => this.#key(e), on);
    window.addEventListener(
      'online',
      () => {
        this.requestUpdate();
        void this.#queue.flush();
      },
      on,
    );
    window.addEventListener('offline', () => this.requestUpdate(), on);
    window.addEventListener(
      'beforeunload',
      (e) => {
        if (this.#queue.count) e.preventDefault();
      },
      on,
    );
    this.#queue.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWork();
    this.#queue.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.attributesOnly) return;
    if (changed.has('window') && this.window) this.windowId = this.window;
    const state = this.session.state;
    if (state !== this.#sessionState) {
      this.#sessionState = state;
      if (state === 'signed-in') {
        if (this.windowId && !this.claim) void this.#claim(false);
        void this.#queue.flush();
      } else if (state === 'signed-out') this.#stopWork();
    }
    if ((changed as PropertyValues).has('windowId') && this.windowId && state === 'signed-in') void this.#claim(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.transferring && !dialog.open) dialog.showModal();
    // A current ticket's clock moves every second; nothing else does.
    const ticking = !!this.view?.current;
    if (ticking && !this.#tick) this.#tick = setInterval(() => this.requestUpdate(), 1000);
    if (!ticking && this.#tick) this.#tick = void clearInterval(this.#tick);
  }

  #text(): ConsoleStrings {
    return this.strings(consoleStrings);
  }

  #hallPath(): string {
    return `/api/v1/halls/${encodeURIComponent(this.hallId ?? '')}`;
  }

  #windowPath(): string {
    return `/api/v1/staff/halls/${encodeURIComponent(this.hallId ?? '')}/windows/${encodeURIComponent(this.windowId ?? '')}`;
  }

  /** The hall's windows and category names (public). */
  async #loadHall(): Promise<void> {
    if (!this.hallId) return;
    try {
      const { data } = await this.api.get<HallSnapshot>(`${this.#hallPath()}/snapshot`, {
        schema: 'HallSnapshot',
        signal: this.signal,
      });
      this.hallState = data;
    } catch (error) {
      if ((error as ApiError).kind !== 'aborted') this.problem = describeError(error, this.strings(coreStrings));
    }
  }

  /** Takes the window's lease (or, with `takeover`, takes it from the console that holds it). */
  async #claim(takeover: boolean): Promise<void> {
    this.holder = undefined;
    this.leaseLost = false;
    this.problem = '';
    try {
      const { data } = await this.session.request<WindowClaim>(`${this.#windowPath()}/claim`, {
        method: 'POST',
        body: takeover ? { takeover: true } : {},
        schema: 'WindowClaim',
      });
      this.claim = data;
      this.#scheduleRenew();
      this.#follow();
      await this.#read();
      void this.#queue.flush();
    } catch (error) {
      this.#claimFailed(error);
    }
  }

  #claimFailed(error: unknown): void {
    const e = error as ApiError;
    if (e.kind === 'aborted') return;
    const problem = e.problem as OperatorProblem | undefined;
    if (problem?.code === 'window-claimed' && problem.holder) this.holder = problem.holder;
    else if (problem?.code === 'lease-lost') this.#lost();
    else if (e.status !== 401 && e.status !== 403) this.problem = describeError(e, this.strings(coreStrings));
  }

  /** Renews the lease before it expires; a renewal refused as `lease-lost` stops the console. */
  #scheduleRenew(): void {
    clearTimeout(this.#renew);
    const claim = this.claim;
    if (!claim) return;
    this.#renew = setTimeout(async () => {
      try {
        const { data } = await this.session.request<WindowClaim>(`${this.#windowPath()}/claim`, {
          method: 'POST',
          body: { lease: claim.lease },
          schema: 'WindowClaim',
        });
        if (this.claim === claim) this.claim = data;
      } catch (error) {
        if ((error as ApiError).problem?.code === 'lease-lost') return this.#lost();
      }
      this.#scheduleRenew(); // a failed renewal (offline) is tried again at the next turn, within the lease's life
    }, claim.renewAfterSeconds * 1000);
  }

  #lost(): void {
    this.leaseLost = true;
    this.claim = undefined;
    clearTimeout(this.#renew);
    this.#queue.clear();
  }

  /** Follows the hall's live feed: any change reads the window's view again (polling where streams are blocked). */
  #follow(): void {
    this.#feed?.close();
    clearInterval(this.#poll);
    if (typeof EventSource === 'function') {
      this.#feed = new EventSource(this.api.url(`${this.#hallPath()}/events`));
      const changed = () => void this.#read();
      this.#feed.addEventListener('patch', changed);
      this.#feed.addEventListener('snapshot', changed);
    }
    this.#poll = setInterval(() => void this.#read(), POLL_MS);
  }

  #stopWork(): void {
    this.#feed?.close();
    this.#feed = undefined;
    clearInterval(this.#poll);
    clearTimeout(this.#renew);
    clearInterval(this.#tick);
    this.#tick = undefined;
  }

  /** Reads the window's view; calls while a read runs make one more read after it, not one each. */
  #read(): Promise<void> {
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    this.#reading = (async () => {
      do {
        this.#readAgain = false;
        try {
          const { data } = await this.session.request<OperatorWindow>(this.#windowPath(), { schema: 'OperatorWindow' });
          this.view = data;
          if (this.problem === this.#text().loadFailed) this.problem = '';
        } catch (error) {
          if ((error as ApiError).kind === 'aborted') return;
          if (!this.view && !(error as ApiError).transient) this.problem = this.#text().loadFailed;
        }
      } while (this.#readAgain);
    })().finally(() => (this.#reading = undefined));
    return this.#reading;
  }

  async #send(action: QueuedAction): Promise<OperatorActionResult> {
    const headers: Record<string, string> = { 'Idempotency-Key': action.key };
    if (this.claim) headers['Zw-Window-Lease'] = this.claim.lease;
    try {
      const { data } = await this.session.request<OperatorActionResult>(`${this.#windowPath()}/actions`, {
        method: 'POST',
        body: action.input,
        headers,
        schema: 'OperatorActionResult',
        retries: 0,
      });
      return data;
    } catch (error) {
      if ((error as ApiError).problem?.code === 'lease-lost') queueMicrotask(() => this.#lost());
      throw error;
    }
  }

  #done(result: OperatorActionResult, action: QueuedAction): void {
    this.view = result.window;
    const s = this.#text();
    const name = s.action(
      action.input.action === 'open' && this.#expected().status === 'paused' ? 'open' : action.input.action,
    );
    const number = result.ticket?.number ?? null;
    this.said =
      action.input.action === 'call-next' && !number ? s.doneNone(name) : number ? s.done(name, number) : name;
    this.dispatchEvent(
      new CustomEvent<ZwWindowActionDetail>('zw-window-action', {
        bubbles: true,
        composed: true,
        detail: { action: action.input.action, number },
      }),
    );
  }

  /** The window as it will be once the waiting actions are done (for which buttons make sense). */
  #expected(): Expected {
    const v = this.view;
    const e: Expected = { status: v?.window.status ?? 'closed', current: !!v?.current, stage: v?.current?.stage };
    for (const { input } of this.#queue.items) {
      switch (input.action) {
        case 'call-next':
        case 'recall':
          if (input.action === 'call-next' || input.number) Object.assign(e, { current: true, stage: 'called' });
          break;
        case 'start':
          e.stage = 'serving';
          break;
        case 'finish':
        case 'no-show':
        case 'transfer':
          Object.assign(e, { current: false, stage: undefined });
          break;
        case 'pause':
          e.status = 'paused';
          break;
        case 'open':
          e.status = 'open';
          break;
        case 'close':
          e.status = 'closed';
          break;
      }
    }
    return e;
  }

  /** Whether `action` makes sense now (taking the waiting actions into account). */
  #can(action: ConsoleAction): boolean {
    const e = this.#expected();
    switch (action) {
      case 'call-next':
        return e.status === 'open' && !e.current;
      case 'recall':
      case 'start':
      case 'no-show':
        return e.current && e.stage === 'called';
      case 'finish':
      case 'transfer':
        return e.current;
      case 'pause':
        return e.status === 'open';
      case 'open':
        return e.status !== 'open';
      case 'close':
        return e.status !== 'closed' && !e.current;
    }
  }

  /** A press of an action's button or key. */
  #act(action: ConsoleAction, extra: Partial<OperatorActionInput> = {}): void {
    if (!this.#working) return;
    if (action === 'pause' && this.#expected().status !== 'open') action = 'open';
    if (action === 'transfer' && !extra.to) {
      if (this.#can('transfer')) this.transferring = true;
      return;
    }
    if (!this.#can(action) && !(action === 'recall' && extra.number)) return;
    if (action === 'open' && !extra.categoryIds) extra = { categoryIds: this.#chosenCategories() };
    this.said = '';
    this.#queue.add({ action, ...extra } as OperatorActionInput);
  }

  get #working(): boolean {
    return this.session.state === 'signed-in' && !!this.claim && !this.leaseLost;
  }

  #key(event: KeyboardEvent): void {
    const action = SHORTCUTS[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !this.#working) return;
    if (this.transferring) return; // the dialog is modal: its own keys only
    event.preventDefault();
    this.#act(action);
  }

  #chosenCategories(): string[] {
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name=category]:checked')];
    const chosen = boxes.map((b) => b.value);
    return chosen.length ? chosen : (this.view?.window.categoryIds ?? []);
  }

  #transfer(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (form.elements.namedItem('to') as RadioNodeList).value;
    this.#closeTransfer();
    if (!value) return;
    const [kind, id] = value.split(':');
    this.#act('transfer', { to: kind === 'window' ? { windowId: id } : { categoryId: id } });
  }

  #closeTransfer(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.transferring = false;
  }

  async #signOut(): Promise<void> {
    const claim = this.claim;
    this.#stopWork();
    this.#queue.clear();
    this.claim = undefined;
    this.view = undefined;
    if (claim) {
      await this.session
        .request(`${this.#windowPath()}/release`, { method: 'POST', headers: { 'Zw-Window-Lease': claim.lease } })
        .catch(() => undefined); // an unreleased lease expires by itself
    }
    this.session.signOut();
  }

  #category(id: string): string {
    return this.hallState?.categories.find((c) => c.id === id)?.name ?? id;
  }

  // ------------------------------------------------------------------------------------------------ render

  protected override render() {
    const s = this.#text();
    if (!this.hallId) return html`<div part="base" class="console"><p role="alert">${s.noHall}</p></div>`;
    const hallName = this.hallState?.name ?? this.hallId;
    const heading = html`<h1>${s.title}<span class="hall">${hallName}</span></h1>`;
    if (this.session.state !== 'signed-in') {
      return html`<div part="base" class="console">
        ${heading}${signInPanel(this.session, this.strings(staffStrings), this.strings(coreStrings), hallName)}
      </div>`;
    }
    return html`<div part="base" class="console">
      ${heading} ${this.#who(s)} ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.#body(s)}
    </div>`;
  }

  #who(s: ConsoleStrings): TemplateResult {
    const id = this.session.identity;
    return html`<p class="who">
      <span>${s.signedInAs(id?.name ?? id?.sub ?? '')}</span>
      <button type="button" class="small" @click=${() => void this.#signOut()}>${s.signOut}</button>
    </p>`;
  }

  #body(s: ConsoleStrings): TemplateResult {
    if (!this.windowId) return this.#pickWindow(s);
    if (this.leaseLost) {
      return html`<section class="notice" aria-labelledby="lost-h">
        <h2 id="lost-h">${this.#windowLabel()}</h2>
        <p role="alert">${s.leaseLost}</p>
        <button type="button" @click=${() => void this.#claim(true)}>${s.reclaim}</button>
      </section>`;
    }
    if (this.holder) {
      const who = this.holder.name ?? this.holder.sub;
      const since = chinaDateTime(this.holder.since, this.locale);
      return html`<section class="notice" aria-labelledby="held-h">
        <h2 id="held-h">${this.#windowLabel()}</h2>
        <p role="alert">${s.claimedBy(who, since)}</p>
        <button type="button" @click=${() => void this.#claim(true)}>${s.takeover}</button>
      </section>`;
    }
    if (!this.claim || !this.view) return html`<p role="status">${s.claiming}</p>`;
    return this.#work(s, this.view);
  }

  #windowLabel(): string {
    return (
      this.view?.window.label ??
      this.hallState?.windows.find((w) => w.id === this.windowId)?.label ??
      this.windowId ??
      ''
    );
  }

  #pickWindow(s: ConsoleStrings): TemplateResult {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const select = (event.currentTarget as HTMLFormElement).elements.namedItem('window') as HTMLSelectElement;
      this.windowId = select.value;
    };
    return html`<form class="pick" @submit=${submit}>
      <h2>${s.chooseWindow}</h2>
      <label for="window">${s.window}</label>
      <select id="window" name="window" required>
        ${(this.hallState?.windows ?? []).map((w) => html`<option value=${w.id}>${w.label}</option>`)}
      </select>
      <button type="submit" class="primary">${s.useWindow}</button>
    </form>`;
  }

  #work(s: ConsoleStrings, v: OperatorWindow): TemplateResult {
    const status = v.window.status;
    return html`
      <div class="bar">
        <h2>${v.window.label}</h2>
        <span class="status ${status}">${s[`status_${status}`]}</span>
        ${v.hallOpen ? nothing : html`<span class="status closed">${s.hallClosed}</span>`} ${this.#network(s)}
      </div>
      ${this.#pending(s)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.said}</p>
      <div class="grid">
        <section class="current" aria-labelledby="current-h">
          <h3 id="current-h">${s.current}</h3>
          ${v.current ? this.#ticket(s, v.current) : html`<p class="none">${s.noCurrent}</p>`}
          ${this.said ? html`<p class="said" aria-hidden="true">${this.said}</p>` : nothing} ${this.#buttons(s)}
          ${
            status === 'open'
              ? html`<details class="change">
                  <summary>${s.changeCategories}</summary>
                  ${this.#openForm(s, v, true)}
                </details>`
              : this.#openForm(s, v, false)
          }
        </section>
        <section class="line" aria-labelledby="line-h">
          <h3 id="line-h">${s.next}</h3>
          ${
            v.next.length
              ? html`<ol>
                  ${v.next.map((t) => html`<li>${this.#lineTicket(s, t)}</li>`)}
                </ol>`
              : html`<p>${s.nextEmpty}</p>`
          }
          <h3>${s.waitingCounts}</h3>
          <ul class="counts">
            ${v.waiting.map((w) => html`<li>${s.waitingCount(this.#category(w.categoryId), w.waiting, w.priority)}</li>`)}
          </ul>
          ${
            v.missed.length
              ? html`<h3>${s.missed}</h3>
                  <ul class="missed">
                    ${v.missed.map(
                      (t) =>
                        html`<li>
                          <button
                            type="button"
                            class="small"
                            ?disabled=${!this.#can('call-next')}
                            @click=${() => this.#act('recall', { number: t.number })}
                          >
                            ${s.recallNumber(t.number)}
                          </button>
                        </li>`,
                    )}
                  </ul>`
              : nothing
          }
        </section>
      </div>
      ${this.transferring && v.current ? this.#transferDialog(s, v.current) : nothing}
    `;
  }

  #network(s: ConsoleStrings): TemplateResult {
    const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || !!this.#queue.stalled;
    return html`<span class="net ${offline ? 'off' : 'on'}">${offline ? s.offline : s.online_ok}</span>`;
  }

  /** What is not sent yet, and an action the server refused. */
  #pending(s: ConsoleStrings): TemplateResult | typeof nothing {
    const q = this.#queue;
    if (!q.count && !q.refused) return nothing;
    const held = q.items.some((a) => a.state === 'held');
    const refused = q.refused;
    return html`<section class="pending" aria-labelledby="pending-h">
      <h3 id="pending-h">${s.pendingList}</h3>
      <p role="status">${q.count ? s.pending(q.count) : nothing}</p>
      ${
        q.count
          ? html`<ol>
              ${q.items.map(
                (a) =>
                  html`<li>
                    ${s.action(a.input.action)}${a.input.number ? ` ${a.input.number}` : ''}
                    ${a.state === 'sending' ? html` · ${s.sending}` : a.state === 'held' ? html` · ${s.held}` : nothing}
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      ${
        refused
          ? html`<p class="problem" role="alert">
                ${s.rejected(s.action(refused.input.action), describeError(refused.error, this.strings(coreStrings)))}
              </p>
              ${
                held
                  ? html`<button type="button" class="small" @click=${() => q.release()}>${s.sendHeld}</button>
                      <button type="button" class="small" @click=${() => q.dropHeld()}>${s.dropHeld}</button>`
                  : html`<button type="button" class="small" @click=${() => q.dismiss()}>${s.dismiss}</button>`
              }`
          : nothing
      }
    </section>`;
  }

  #marks(s: ConsoleStrings, t: OperatorTicket): TemplateResult {
    return html`${
      t.priority ? html`<span class="mark priority">${s.priority} · ${s.priorityReason(t.priority)}</span>` : nothing
    }${t.online ? html`<span class="mark online">${s.online}</span>` : nothing}${
      t.transferred ? html`<span class="mark">${s.transferred}</span>` : nothing
    }`;
  }

  #ticket(s: ConsoleStrings, t: OperatorTicket): TemplateResult {
    const since = t.stage === 'serving' ? t.startedAt : t.calledAt;
    const elapsed = since ? clock(Date.now() - Date.parse(since)) : '';
    return html`<p class="number">${t.number}</p>
      <p class="meta">${this.#category(t.categoryId)} · ${s.stage(t.stage)} ${this.#marks(s, t)}</p>
      <p class="meta">
        ${elapsed ? (t.stage === 'serving' ? s.elapsedServing(elapsed) : s.elapsedCalled(elapsed)) : nothing}
        ${t.recalls ? html` · ${s.recalls(t.recalls)}` : nothing}
      </p>`;
  }

  #lineTicket(s: ConsoleStrings, t: OperatorTicket): TemplateResult {
    const waited = Math.max(0, Math.floor((Date.now() - Date.parse(t.issuedAt)) / 60_000));
    return html`<span class="num">${t.number}</span> <span>${this.#category(t.categoryId)}</span> ${this.#marks(s, t)}
      <span class="meta">${s.waitedFor(waited)}</span>`;
  }

  #buttons(s: ConsoleStrings): TemplateResult {
    const paused = this.#expected().status !== 'open';
    const actions: ConsoleAction[] = ['call-next', 'recall', 'start', 'finish', 'no-show', 'transfer', 'pause'];
    return html`<div class="actions" part="actions">
      ${actions.map((a) => {
        const shown = a === 'pause' && paused ? 'open' : a;
        const key = KEY_OF[a];
        return html`<button
          type="button"
          class=${a === 'call-next' ? 'act primary' : 'act'}
          data-action=${a}
          aria-keyshortcuts=${key}
          ?disabled=${!this.#can(shown)}
          @click=${() => this.#act(shown)}
        >
          <span>${s.action(shown)}</span><kbd aria-hidden="true">${key}</kbd>
        </button>`;
      })}
    </div>`;
  }

  /** The categories to serve: to open the window with, or (`change`) to serve from now on while it is open. */
  #openForm(s: ConsoleStrings, v: OperatorWindow, change: boolean): TemplateResult {
    const own = new Set(v.window.categoryIds);
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const categoryIds = this.#chosenCategories();
      // An open window is opened again to change what it serves.
      if (change) {
        if (this.#working) this.#queue.add({ action: 'open', categoryIds });
        (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
      } else this.#act('open', { categoryIds });
    };
    return html`<form class="open" @submit=${submit}>
      <fieldset>
        <legend>${s.categories}</legend>
        ${(this.hallState?.categories ?? []).map(
          (c) =>
            html`<label
              ><input type="checkbox" name="category" value=${c.id} ?checked=${own.has(c.id)} /> ${c.name}</label
            >`,
        )}
      </fieldset>
      <button type="submit" class="primary" ?disabled=${!change && !this.#can('open')}>
        ${change ? s.saveCategories : s.openWindow}
      </button>
    </form>`;
  }

  #transferDialog(s: ConsoleStrings, t: OperatorTicket): TemplateResult {
    const categories = (this.hallState?.categories ?? []).filter((c) => c.id !== t.categoryId);
    const windows = (this.hallState?.windows ?? []).filter((w) => w.id !== this.windowId);
    return html`<dialog aria-labelledby="transfer-h" @close=${() => (this.transferring = false)}>
      <form @submit=${(e: SubmitEvent) => this.#transfer(e)}>
        <h2 id="transfer-h">${s.transferTitle(t.number)}</h2>
        <fieldset>
          <legend>${s.transferToCategory}</legend>
          ${categories.map(
            (c) => html`<label><input type="radio" name="to" value="category:${c.id}" required /> ${c.name}</label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>${s.transferToWindow}</legend>
          ${windows.map((w) => html`<label><input type="radio" name="to" value="window:${w.id}" /> ${w.label}</label>`)}
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary">${s.transferGo}</button>
          <button type="button" @click=${() => this.#closeTransfer()}>${s.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

/** `m:ss` (or `h:mm:ss`) of a duration. */
function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}
