import { LitElement, css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ZwElement } from '../core/zw-element.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { coreStrings, describeError } from '../core/strings.js';
import { idempotencyKey, keptAnswer, pageOutbox, type OutboxOutcome } from '../core/outbox.js';
import { Lazy } from '../core/lazy.js';
import type { Locale } from '../core/i18n.js';
import type { ApiError } from '../core/api/errors.js';
import type { Channel, RatingFollowUp, RatingInput, RatingReceipt } from '../core/api/types.gen.js';
import { loadReasons } from './reasons.js';
import { ratingStrings, type RatingStrings } from './strings.js';
import type { FollowUpView, Receipt } from './follow-up.js';

type Phase = 'form' | 'sending' | 'sent' | 'queued' | 'rated';

/**
 * Where this device remembers the receipt of each case it rated (see `OutboxEntry.keep`): only what the element
 * shows again after a reload (the level, whether it was a 差评, its tracking code and follow-up plan) and whether a
 * phone number was left; never the comment or the number itself.
 */
const RECEIPTS = 'zw-rating-receipts:v1';
const KEPT: (keyof RatingReceipt)[] = ['level', 'bad', 'trackingCode', 'followUp'];

const PHONE = /^1[3-9]\d{9}$/;

/** The case number of a case id: a signed id (`number.signature`, see `RatingInput.caseId`) less its signature. */
const caseNumber = (caseId: string) => caseId.replace(/\.[\w-]{22}$/, '');
const LEVELS = [5, 4, 3, 2, 1];

/**
 * What follows a 差评 (the receipt with its tracking code, the follow-up lookup and their strings): fetched the
 * first time a page shows either, never before the form renders and never on the way to the outbox.
 */
const followUpPart = new Lazy(() => import('./follow-up.js'));

/**
 * 政务服务“好差评”: the five national levels as a radio group, the reasons for the chosen level, an optional comment
 * and an optional phone number for the follow-up call (回访) given only with consent.
 *
 * Delivery: the rating gets an Idempotency-Key once, is written to the page's outbox (localStorage) and then sent.
 * If the network or the server fails it stays there and is retried with backoff, on the `online` event and on the
 * next page load that has a zw-rating or `<zw-config>`; the resident reads "已保存，联网后自动提交" until the server
 * has it, then "提交成功". A second click, a retry or a resend after a reload can never store it twice.
 *
 * Inside a `<form>` the element is a form control and does not send anything itself: the host form submits the
 * level as the value of `name` (plus `name-reason` for each reason, `name-comment`, and `name-phone` only with
 * consent), `required` makes a missing level invalid, a 差评 without a reason is always invalid, and a form reset
 * clears it.
 *
 * With `tracking-code` it shows the follow-up (整改) of that bad rating instead of the form. That view and the receipt
 * of a 差评 are fetched the first time a page shows one (正在加载… meanwhile, 重试 if the fetch fails).
 *
 * @summary The 好差评 rating of one handled case, delivered exactly once.
 * @tag zw-rating
 *
 * @attr case - 办件编号 of the case being rated (required outside a form).
 * @attr service - 事项编码 of the service item.
 * @attr window - Window id, when the case was handled at a hall window.
 * @attr staff - Staff id (工号).
 * @attr hall - Hall id; defaults to `<zw-config hall>`.
 * @attr {'pc' | 'mobile' | 'app' | 'kiosk' | 'hall' | 'wechat' | 'phone'} channel - Where the rating is given: `pc`
 *   (default), `mobile`, `app`, `kiosk`, `hall`, `wechat`, `phone`.
 * @attr tracking-code - Show the follow-up of the bad rating with this tracking code instead of the form.
 * @attr name - Form field name inside a host `<form>` (default `rating`).
 * @attr required - Inside a form, a level must be chosen.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @fires zw-rating-change - The resident chose a level; `detail: { level }`. Not fired when code sets `level`.
 * @fires zw-rating-sent - The server recorded the rating; `detail: { receipt }` (a RatingReceipt).
 * @fires zw-rating-queued - The rating could not be sent yet and waits in the outbox; `detail: { key }`.
 *
 * @csspart base - The element's form.
 * @cssproperty --zw-color-primary - Buttons and the chosen level's border.
 */
export class ZwRating extends ZwElement {
  static override tables = [coreStrings, ratingStrings];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // Laid out for its own width, a 320 px phone first (docs/decisions/037): a level is its radio beside its name with
  // the stars under the name, side by side where there is room; the name is never broken (非常不满意 on one line).
  static override styles = [
    tokenStyles,
    visuallyHidden,
    css`
      :host {
        background: var(--_bg);
      }
      [part='base'] {
        container-type: inline-size;
      }
      fieldset {
        border: 0;
        margin: 0 0 var(--_gap);
        padding: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
      }
      legend,
      .msg,
      .err,
      dt,
      .lv:has(:checked) {
        font-weight: 600;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: var(--_target);
      }
      input,
      textarea,
      button {
        font: inherit;
      }
      .lv,
      textarea,
      [type='tel'] {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .lv {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0 0.5em;
        padding: 0.25em min(var(--_gap), 4cqi);
        margin-block: 0.5em;
        word-break: keep-all;
      }
      .lv input {
        grid-row: span 2;
      }
      .lv span {
        grid-area: 2 / 2;
        white-space: nowrap;
        font-size: min(1em, 8cqi);
      }
      @container (min-width: 18em) {
        .lv {
          grid-template-columns: auto auto minmax(0, 1fr);
        }
        .lv input,
        .lv span {
          grid-area: auto;
        }
      }
      .lv:has(:checked) {
        outline: 3px solid var(--_primary);
      }
      .lv span {
        color: var(--_warning);
        letter-spacing: 0.1em;
      }
      [type='radio'],
      [type='checkbox'] {
        inline-size: 1.25em;
        block-size: 1.25em;
        margin: 0;
        flex: none;
        accent-color: var(--_primary);
      }
      textarea,
      [type='tel'] {
        display: block;
        inline-size: 100%;
        min-block-size: var(--_target);
        color: var(--_text);
        background: var(--_bg);
        padding: 0.5em;
      }
      textarea {
        min-block-size: 5em;
      }
      :disabled {
        opacity: 0.6;
      }
      p {
        margin: 0.25em 0;
      }
      .hint {
        color: var(--_muted);
        font-size: var(--_fs-small);
      }
      .err {
        color: var(--_danger);
      }
      .msg {
        font-size: var(--_fs-large);
      }
      button {
        min-block-size: var(--_target);
        min-inline-size: var(--_target);
        padding: 0 min(1.25em, 4cqi);
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_primary);
        cursor: pointer;
      }
      [type='submit'] {
        background: var(--_fill);
        color: var(--_on-fill);
      }
      dd {
        margin: 0 0 0.5em;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    caseId: { attribute: 'case' },
    service: {},
    windowId: { attribute: 'window' },
    staff: {},
    hall: {},
    channel: {},
    trackingCode: { attribute: 'tracking-code' },
    required: { type: Boolean },
    level: { type: Number },
    // Internal state (Lit's @state).
    picked: { state: true },
    comment: { state: true },
    consent: { state: true },
    phone: { state: true },
    phase: { state: true },
    tried: { state: true },
    durable: { state: true },
    error: { state: true },
    receipt: { state: true },
    unsure: { state: true },
    earlier: { state: true },
    off: { state: true },
    said: { state: true },
  };

  /** 办件编号 of the case being rated. */
  caseId = '';
  /** 事项编码 of the service item. */
  service?: string;
  /** Window id. */
  windowId?: string;
  /** Staff id (工号). */
  staff?: string;
  /** Hall id; defaults to `<zw-config hall>`. */
  hall?: string;
  /** Where the rating is given. */
  channel: Channel = 'pc';
  /** Follow-up lookup mode: the tracking code of a bad rating. */
  trackingCode?: string;
  /** Inside a form: a level must be chosen. */
  required = false;
  /** The chosen level, 1 (非常不满意) to 5 (非常满意); 0 when none. */
  level = 0;

  private picked: string[] = [];
  private comment = '';
  private consent = false;
  private phone = '';
  private phase: Phase = 'form';
  /** A submit was attempted: show what is missing. */
  private tried = false;
  private durable = true;
  private error = '';
  /** The receipt of the rating (validated by the outbox), or the one this device kept for the case. */
  private receipt?: Receipt;
  /** The last attempt was answered, but not with a receipt for this rating: it is being sent again. */
  private unsure = false;
  private earlier = 0;
  private off = false;
  private said = '';

  private internals = this.attachInternals();
  private key?: string;
  /** A phone number was left for the 回访 (the receipt says so only when one was). */
  private contact = false;
  /** The tracking code whose follow-up the resident asked for from the receipt. */
  private asked?: string;

  /** The levels and reasons for the element's API and language; an answer for an earlier pair is ignored. */
  private reasonsTask = new Task(this, {
    task: ([, locale]: [unknown, Locale]) => loadReasons(this.api, locale),
    args: (): [unknown, Locale] => [this.api, this.locale],
  });

  /** The follow-up of a 差评 (fetching that part of the element first); a newer lookup makes an older one moot. */
  private followTask = new Task(this, {
    task: async ([code]: [string], { signal }): Promise<RatingFollowUp | typeof initialState> =>
      code ? (await followUpPart.load()).fetchFollowUp(this.api, code, this.caseId, signal) : initialState,
    args: (): [string] => [this.trackingCode || this.asked || ''],
    autoRun: false,
  });

  private get reasons() {
    return this.reasonsTask.value;
  }
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  private get s(): RatingStrings {
    return this.strings(ratingStrings);
  }

  private get inForm(): boolean {
    // The server renders the element on its own; its form is known in the browser (see attributesOnly).
    return !this.attributesOnly && Boolean(this.internals.form);
  }

  private get bad(): boolean {
    return this.reasons?.levels.find((l) => l.level === this.level)?.bad ?? (this.level > 0 && this.level < 3);
  }

  /** What blocks sending, per field, in the resident's language ('' when fine). */
  private problems() {
    const s = this.s;
    return {
      level: this.level ? '' : s.needLevel,
      reason: this.bad && !this.picked.length ? s.needReason : '',
      phone: this.consent && !PHONE.test(this.phone) ? s.badPhone : '',
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const outbox = pageOutbox();
    this.unsubscribe = outbox.subscribe(this.onOutcome);
    void outbox.flush(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    clearTimeout(this.timer);
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.off = disabled;
  }

  formResetCallback(): void {
    Object.assign(this, { level: 0, picked: [], comment: '', consent: false, phone: '', tried: false, error: '' });
  }

  formStateRestoreCallback(state: string | null): void {
    this.level = Number(state) || 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // What this device saved (the outbox, kept receipts) and the follow-up lookup need the browser (attributesOnly).
    if (this.attributesOnly) return;
    if (changed.has('caseId')) {
      // Another case in the same element (a single-page portal): start afresh.
      if (changed.get('caseId')) {
        this.formResetCallback();
        Object.assign(this, { phase: 'form', key: undefined, receipt: undefined, unsure: false, asked: undefined });
        void this.followTask.run();
      }
      this.recall();
    }
    if (changed.has('trackingCode') && this.trackingCode) void this.followTask.run();
  }

  /** What this device knows of the case: a rating saved and not delivered yet, or the receipt of one delivered. */
  private recall(): void {
    if (!this.caseId) return;
    const waiting = pageOutbox()
      .entries()
      .find((e) => (e.body as RatingInput | null)?.caseId === this.caseId);
    const kept = keptAnswer(RECEIPTS, this.caseId) as (Receipt & { contact?: boolean }) | undefined;
    if (waiting) {
      [this.key, this.phase] = [waiting.key, 'queued'];
      this.contact = (waiting.body as RatingInput).contactConsent === true;
    } else if (kept) {
      [this.phase, this.earlier, this.receipt, this.contact] = ['rated', kept.level, kept, kept.contact === true];
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const p = this.problems();
    const root = this.renderRoot as ShadowRoot;
    const form = new FormData();
    const name = this.getAttribute('name') || 'rating';
    if (this.level) {
      form.append(name, String(this.level));
      for (const code of this.picked) form.append(`${name}-reason`, code);
      if (this.comment) form.append(`${name}-comment`, this.comment);
      if (this.consent) form.append(`${name}-phone`, this.phone);
    }
    this.internals.setFormValue(this.level ? form : null, String(this.level || ''));
    const [flags, message, anchor] =
      this.required && p.level
        ? [{ valueMissing: true }, p.level, 'input']
        : p.reason || p.phone
          ? [{ customError: true }, p.reason || p.phone, p.reason ? '.rs input' : '#ph']
          : [{}, '', ''];
    this.internals.setValidity(flags, message, (anchor && root.querySelector<HTMLElement>(anchor)) || undefined);
    // On the resident's own submit, focus goes to the status line ("正在提交…", then the outcome), since the
    // form they were in is disabled and then replaced; later changes are announced there without moving focus.
    if (changed.has('phase' as keyof ZwRating) && this.phase === 'sending')
      root.querySelector<HTMLElement>('.msg')?.focus();
  }

  /** Looks up the follow-up of the 差评 with this tracking code (asked from its receipt). */
  private lookup(code: string): void {
    this.asked = code;
    void this.followTask.run();
  }

  private onOutcome = (o: OutboxOutcome): void => {
    // The final outcomes of other tabs arrive here too: whichever tab delivers this rating, this one hears of it.
    if (o.key !== this.key) return;
    this.unsure = false;
    if (o.state === 'sent') {
      this.receipt = o.data as RatingReceipt;
      this.phase = 'sent';
      this.emit('zw-rating-sent', { receipt: o.data as RatingReceipt });
    } else if (o.state === 'waiting') {
      this.unsure = o.error.kind === 'invalid-payload';
      if (this.phase === 'sending') {
        this.phase = 'queued';
        this.emit('zw-rating-queued', { key: o.key });
      }
    } else {
      this.key = undefined;
      const e: ApiError = o.error;
      const existing = e.problem?.existing as { level?: number } | undefined;
      if (e.problemSlug === 'already-rated') [this.phase, this.earlier] = ['rated', existing?.level ?? 0];
      else [this.phase, this.error] = ['form', describeError(e, this.strings(coreStrings))];
    }
  };

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.inForm) {
      this.internals.form?.requestSubmit();
      return;
    }
    // A second click while the first is under way (or after it) does nothing.
    if (this.phase !== 'form' || !this.caseId) return;
    this.tried = true;
    const p = this.problems();
    if (p.level || p.reason || p.phone) {
      void this.updateComplete.then(() =>
        (this.renderRoot as ShadowRoot)
          .querySelector<HTMLElement>(p.level ? '.lv input' : p.reason ? '.rs input' : '#ph')
          ?.focus(),
      );
      return;
    }
    const hall = this.hall ?? this.config.hall;
    const comment = this.comment.trim();
    const body: RatingInput = {
      caseId: this.caseId,
      channel: this.channel,
      level: this.level,
      reasons: this.picked,
      ...(this.service && { serviceCode: this.service }),
      ...(this.windowId && { windowId: this.windowId }),
      ...(this.staff && { staffId: this.staff }),
      ...(hall && { hallId: hall }),
      ...(comment && { comment }),
      ...(this.consent && { contactConsent: true, phone: this.phone }),
    };
    const outbox = pageOutbox();
    this.key = idempotencyKey();
    [this.phase, this.error, this.contact, this.unsure] = ['sending', '', this.consent, false];
    // Stored before the first attempt: from here on, a dead network or a closed tab cannot lose it. It leaves the
    // outbox only with a receipt that fits the API and names this case and level.
    this.durable = outbox.add({
      key: this.key,
      url: this.api.url('/api/v1/ratings'),
      body,
      lang: this.locale,
      receipt: 'RatingReceipt',
      match: { caseId: caseNumber(body.caseId), level: body.level },
      keep: { store: RECEIPTS, id: body.caseId, fields: KEPT, extra: { contact: this.consent } },
    });
    void outbox.flush();
  }

  private pick(event: Event): void {
    this.level = Number((event.target as HTMLInputElement).value);
    this.picked = [];
    this.emit('zw-rating-change', { level: this.level });
  }

  private toggle(code: string): void {
    this.picked = this.picked.includes(code) ? this.picked.filter((c) => c !== code) : [...this.picked, code];
  }

  private type(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    // Say the count once the resident pauses, not at every keystroke.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.said = this.s.left(this.max - this.comment.length)), 1000);
  }

  private get max(): number {
    return this.reasons?.commentMaxLength ?? 500;
  }

  override render() {
    const s = this.s;
    if (this.trackingCode) return html`<div part="base">${this.renderFollowUpPart()}</div>`;
    const message = {
      form: this.error || (!this.caseId && !this.inForm ? s.noCase : ''),
      sending: s.sending,
      sent: s.sent,
      queued: this.unsure ? s.unconfirmed : this.durable ? s.queued : s.queuedPage,
      rated: s.rated(s.level(this.earlier)),
    }[this.phase];
    // Only a 差评 has a receipt to show: a page where every rating is good never fetches that part.
    const r = this.phase === 'sent' || this.phase === 'rated' ? this.receipt : undefined;
    return html`<form part="base" novalidate @submit=${this.submit}>
      <p class="msg" role="status" tabindex="-1">${message}</p>
      ${
        this.phase === 'form' || this.phase === 'sending'
          ? this.caseId || this.inForm
            ? this.renderForm(s)
            : nothing
          : r?.bad && r.trackingCode
            ? this.renderFollowUpPart(r)
            : nothing
      }
    </form>`;
  }

  /**
   * What follows a 差评: the receipt of this rating, or (in `tracking-code` mode) the follow-up alone. Until the
   * part and, on an English page, its strings have arrived, the loading text; if it cannot be fetched, what went
   * wrong and 重试.
   */
  private renderFollowUpPart(receipt?: Receipt) {
    const core = this.strings(coreStrings);
    const m = this.partReady(followUpPart, (part) => part.followUpStrings);
    if (m) {
      const task = this.followTask;
      const view: FollowUpView = {
        s: this.strings(m.followUpStrings),
        locale: this.locale,
        follow: task.status === TaskStatus.COMPLETE ? task.value : undefined,
        note:
          task.status === TaskStatus.PENDING
            ? core.loading
            : task.status === TaskStatus.ERROR
              ? describeError(task.error, core)
              : undefined,
        retry: task.status === TaskStatus.ERROR ? () => void task.run() : undefined,
        retryText: core.retry,
        days: this.reasons?.followUpWorkingDays,
        contact: this.contact,
        lookup: (code) => this.lookup(code),
        api: this.api,
        caseId: this.caseId,
        host: this,
        describe: (error) => describeError(error, core),
      };
      return receipt ? m.renderReceipt(receipt, view) : m.renderFollowUp(view);
    }
    if (!followUpPart.failed) return html`<p>${core.loading}</p>`;
    const retry = () => {
      followUpPart.retry(this);
      if (this.trackingCode) void this.followTask.run();
    };
    return html`<p role="alert">${navigator.onLine === false ? core.offline : core.network}</p>
      <button type="button" @click=${retry}>${core.retry}</button>`;
  }

  private renderForm(s: RatingStrings) {
    const p = this.tried ? this.problems() : { level: '', reason: '', phone: '' };
    const level = this.reasons?.levels.find((l) => l.level === this.level);
    const core = this.strings(coreStrings);
    const left = this.max - this.comment.length;
    const error = (id: string, text: string) =>
      text ? html`<p id=${id} class="err" role="alert">${text}</p>` : nothing;
    return html`<fieldset ?disabled=${this.off || this.phase === 'sending'}>
      <fieldset aria-describedby=${p.level ? 'le' : nothing}>
        <legend>${s.legend}</legend>
        ${LEVELS.map(
          (n) =>
            html`<label class="lv"
              ><input
                type="radio"
                name="level"
                value=${n}
                .checked=${this.level === n}
                ?required=${this.required || !this.inForm}
                @change=${this.pick}
              /><span aria-hidden="true">${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span>${s.level(n)}</label
            >`,
        )}
        ${error('le', p.level)}
      </fieldset>
      ${
        this.level
          ? html`<fieldset class="rs" aria-describedby=${p.reason ? 're' : nothing}>
              <legend>${s.reasons}${this.bad ? s.required : s.optional}</legend>
              ${
                level
                  ? level.reasons.map(
                      (r) =>
                        html`<label
                          ><input
                            type="checkbox"
                            .checked=${this.picked.includes(r.code)}
                            @change=${() => this.toggle(r.code)}
                          />${r.text}</label
                        >`,
                    )
                  : this.reasonsTask.status === TaskStatus.ERROR
                    ? html`<p>${describeError(this.reasonsTask.error, core)}</p>
                        <button type="button" @click=${() => void this.reasonsTask.run()}>${core.retry}</button>`
                    : html`<p>${core.loading}</p>`
              }
              ${error('re', p.reason)}
            </fieldset>`
          : nothing
      }
      <label for="c">${s.comment}</label>
      <p id="cp" class="hint">${s.privacy}</p>
      <textarea
        id="c"
        maxlength=${this.max}
        .value=${this.comment}
        aria-describedby="cp cn"
        @input=${this.type}
      ></textarea>
      <p id="cn" class="hint">${s.left(left)}</p>
      <p class="visually-hidden" aria-live="polite">${this.said}</p>
      <label
        ><input
          type="checkbox"
          .checked=${this.consent}
          @change=${() => (this.consent = !this.consent)}
        />${s.consent}</label
      >
      <label for="ph">${s.phone}</label>
      <input
        id="ph"
        type="tel"
        inputmode="numeric"
        autocomplete="tel-national"
        maxlength="13"
        .value=${this.phone}
        ?disabled=${!this.consent}
        aria-invalid=${p.phone ? 'true' : 'false'}
        aria-describedby=${p.phone ? 'pe' : nothing}
        @input=${(e: Event) => (this.phone = (e.target as HTMLInputElement).value.replace(/[\s-]/g, ''))}
      />
      ${error('pe', p.phone)} ${this.inForm ? nothing : html`<p><button type="submit">${s.submit}</button></p>`}
    </fieldset>`;
  }
}
