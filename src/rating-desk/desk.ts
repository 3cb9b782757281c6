import { adoptStyles, html, type ReactiveController } from 'lit';
import { visuallyHidden } from '../core/tokens.js';
import { coreStrings, describeError } from '../core/strings.js';
import { loadStrings, pickStrings, type StringTable, type Translations } from '../core/i18n.js';
import { idempotencyKey } from '../core/outbox.js';
import type { ApiError } from '../core/api/errors.js';
import type { StaffSession } from '../core/staff/session.js';
import { signInPanel, signInStyles } from '../core/staff/sign-in-panel.js';
import { staffStrings } from '../core/staff/strings.js';
import type {
  RatingCase,
  RatingCaseAssignmentInput,
  RatingCaseItem,
  RatingCaseList,
  RatingCaseTransitionInput,
  RatingContact,
  RatingDepartmentList,
  RatingRevisitInput,
} from '../core/api/types.gen.js';
import { deskStrings, type DeskStrings } from './strings.js';
import { deskStyles } from './styles.js';
import { renderInbox } from './inbox.js';
import { renderCase } from './case-view.js';
import { emptyForm, renderActions, type CaseForm } from './case-forms.js';
import type { ZwRatingDesk } from './rating-desk.js';

/*
 * The desk's work, fetched when `<zw-rating-desk>` first renders (see decision 075): the officer's session, the
 * inbox, the open case and what can be done with it. The element class holds only its attributes and this.
 */

export { deskStrings };

/** What a case action sends, by kind. */
export type CaseAction =
  | { kind: 'transitions'; body: RatingCaseTransitionInput }
  | { kind: 'assignment'; body: RatingCaseAssignmentInput }
  | { kind: 'revisits'; body: RatingRevisitInput };

/** How often the inbox is fetched again while it is in view: 差评 come in all day, and the desk stays open. */
const REFRESH_MS = 60_000;

export class Desk implements ReactiveController {
  readonly session: StaffSession;
  /** The hall's cases, once loaded. */
  items?: RatingCaseItem[];
  listError?: unknown;
  /** The last refresh nobody asked for failed: the list shown may be out of date. */
  stale = false;
  /** Which cases the inbox shows: `open` (not closed), `all`, or one state (the server filters). */
  filter = 'open';
  /** The departments a case can be assigned to, once loaded. */
  departments?: string[];
  /** The open case, once loaded, and the id it was loaded for. */
  open?: RatingCase;
  openId = '';
  caseError?: unknown;
  /** The resident's phone number, opened on request for the open case. */
  phone?: RatingContact;
  phoneError?: unknown;
  form: CaseForm = emptyForm();
  /** What the last action said (the status line; announced). */
  said = '';
  /** An action is on its way. */
  busy = false;
  /** Where focus goes after the next render: a selector in the shadow root. */
  #focus?: string;
  #listRun = 0;
  /** The hall whose inbox was last asked for. */
  #listHall?: string;
  #caseRun = 0;
  #timer?: ReturnType<typeof setInterval>;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.#refresh();
  };

  constructor(readonly host: ZwRatingDesk) {
    const root = host.renderRoot;
    if (root instanceof ShadowRoot)
      adoptStyles(root, [
        ...(host.constructor as typeof ZwRatingDesk).elementStyles,
        visuallyHidden,
        signInStyles,
        deskStyles,
      ]);
    this.session = host.staffSession;
    host.addController(this);
  }

  /** The table `t` in the element's language (fetched first on an English page, like ZwBase.strings). */
  words<T extends StringTable>(t: Translations<T>): T {
    void loadStrings(t, this.host.locale)?.then(() => this.host.requestUpdate());
    return pickStrings(t, this.host.locale);
  }

  get s(): DeskStrings {
    return this.words(deskStrings);
  }

  hostConnected(): void {
    // The inbox keeps itself current: every REFRESH_MS while the page is in view, and at once when it comes back.
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#timer = setInterval(this.#onVisible, REFRESH_MS);
    // A desk put back on the page shows what it had, then fetches afresh.
    if (this.session.state !== 'signed-in') return;
    this.#listHall = this.host.staffHall();
    void this.loadList();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
  }

  /** A refresh nobody asked for: only while the inbox itself is shown, and one that fails keeps the list in view. */
  #refresh(): void {
    if (this.session.state !== 'signed-in' || this.openId || this.items === undefined) return;
    void this.loadList(true);
  }

  hostUpdate(): void {
    if (this.session.state !== 'signed-in') return;
    // The first time, and whenever the element is pointed at another hall: that hall's inbox.
    const hall = this.host.staffHall();
    if (hall !== this.#listHall) {
      [this.#listHall, this.items, this.listError] = [hall, undefined, undefined];
      void this.loadList();
    }
    if (this.host.caseId !== this.openId) void this.loadCase(this.host.caseId);
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.#focus);
    if (!target) return;
    this.#focus = undefined;
    target.focus();
    target.scrollIntoView?.({ block: 'nearest' });
  }

  /**
   * Fetches the hall's cases (the server orders them by deadline; the inbox keeps that order). A `background`
   * refresh that fails leaves the cases shown, marked as possibly out of date, instead of an error in their place.
   */
  async loadList(background = false): Promise<void> {
    const run = ++this.#listRun;
    const hall = this.host.staffHall();
    if (!hall) return;
    try {
      // The whole inbox of a hall (the API's largest page): an officer works through it by deadline, not page by page.
      const query = new URLSearchParams({ state: this.filter, limit: '500' });
      const { data } = await this.session.request<RatingCaseList>(
        `/api/v1/staff/halls/${encodeURIComponent(hall)}/rating-cases?${query}`,
        { schema: 'RatingCaseList' },
      );
      if (run !== this.#listRun) return;
      [this.items, this.listError, this.stale] = [data.items, undefined, false];
    } catch (error) {
      if (run !== this.#listRun || (error as ApiError).kind === 'aborted') return;
      if (background && this.items) this.stale = true;
      else this.listError = error;
    }
    this.host.requestUpdate();
  }

  /** Shows the cases in `filter` (see FILTERS). */
  setFilter(filter: string): void {
    [this.filter, this.items] = [filter, undefined];
    void this.loadList();
    this.host.requestUpdate();
  }

  /** The departments a case can be assigned to (once per desk; the assignment form waits for them). */
  async loadDepartments(): Promise<void> {
    if (this.departments) return;
    try {
      const { data } = await this.session.request<RatingDepartmentList>('/api/v1/staff/rating-departments', {
        schema: 'RatingDepartmentList',
      });
      this.departments = data.departments;
      this.host.requestUpdate();
    } catch {
      /* the assignment form offers the case's own department meanwhile; opening another case asks again */
    }
  }

  /** Fetches one case (or closes the case view for ''). */
  async loadCase(id: string): Promise<void> {
    const run = ++this.#caseRun;
    const changed = id !== this.openId;
    this.openId = id;
    if (changed) {
      [this.open, this.caseError, this.phone, this.phoneError] = [undefined, undefined, undefined, undefined];
      this.form = emptyForm();
    }
    if (!id) return this.host.requestUpdate();
    void this.loadDepartments();
    try {
      const { data } = await this.session.request<RatingCase>(`/api/v1/staff/rating-cases/${encodeURIComponent(id)}`, {
        schema: 'RatingCase',
      });
      if (run !== this.#caseRun) return;
      [this.open, this.caseError] = [data, undefined];
      // The number is shown while the case is worked, never once it is closed.
      if (data.closedAt) this.phone = undefined;
      if (changed) this.#focus = '#case-h';
    } catch (error) {
      if (run !== this.#caseRun || (error as ApiError).kind === 'aborted') return;
      this.caseError = error;
      if (changed) this.#focus = '#case-err';
    }
    this.host.requestUpdate();
  }

  /** Opens a case from the inbox. */
  show(id: string): void {
    this.said = '';
    this.host.caseId = id;
  }

  /** Back to the inbox, focus on the case that was open. */
  back(): void {
    const id = this.openId;
    this.said = '';
    this.host.caseId = '';
    this.#focus = `[data-case="${CSS.escape(id)}"]`;
    void this.loadList();
  }

  /** Opens the resident's phone number (the server records the opening in the audit log). */
  async showPhone(): Promise<void> {
    const c = this.open;
    if (!c) return;
    this.phoneError = undefined;
    try {
      const { data } = await this.session.request<RatingContact>(
        `/api/v1/staff/ratings/${encodeURIComponent(c.ratingId)}/contact`,
        { schema: 'RatingContact' },
      );
      if (this.open?.id === c.id) [this.phone, this.#focus] = [data, '#phone'];
    } catch (error) {
      if ((error as ApiError).kind !== 'aborted') [this.phoneError, this.#focus] = [error, '#phone-err'];
    }
    this.host.requestUpdate();
  }

  /**
   * Sends one action on the open case. Each action has its own Idempotency-Key, kept while the same action is
   * retried, so a double press or a retry after a lost answer changes the case once.
   */
  async act(action: CaseAction, done: string): Promise<void> {
    const c = this.open;
    if (!c || this.busy) return;
    this.form.key ??= idempotencyKey();
    [this.busy, this.said] = [true, this.s.sending];
    this.#focus = '#msg';
    this.host.requestUpdate();
    try {
      const { data } = await this.session.request<RatingCase>(
        `/api/v1/staff/rating-cases/${encodeURIComponent(c.id)}/${action.kind}`,
        { method: 'POST', body: action.body, schema: 'RatingCase', headers: { 'Idempotency-Key': this.form.key } },
      );
      this.open = data;
      if (data.closedAt) this.phone = undefined;
      [this.form, this.said] = [emptyForm(), done];
      this.host.dispatchEvent(
        new CustomEvent('zw-rating-case-changed', {
          bubbles: true,
          composed: true,
          detail: { caseId: data.id, state: data.state },
        }),
      );
      void this.loadList();
    } catch (error) {
      const e = error as ApiError;
      if (e.kind === 'aborted') return;
      // Someone else moved the case meanwhile: say so and show where it stands now.
      if (e.status === 409) {
        this.said = `${describeError(e, this.words(coreStrings))} ${this.s.changed}`;
        this.form = emptyForm();
        void this.loadCase(c.id);
      } else {
        this.said = describeError(e, this.words(coreStrings));
        if (!e.transient) this.form.key = undefined;
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  render() {
    const core = this.words(coreStrings);
    if (this.session.state !== 'signed-in') {
      return signInPanel(this.session, this.words(staffStrings), core, this.host.staffHall() ?? '');
    }
    const s = this.s;
    const status = html`<p id="msg" class="msg" role="status" tabindex="-1">${this.said}</p>`;
    if (this.openId) {
      const c = this.open;
      return html`<button type="button" @click=${() => this.back()}>${s.back}</button> ${
          c
            ? html`${renderCase(this, c)} ${status} ${renderActions(this, c)}`
            : this.caseError
              ? html`<p id="case-err" role="alert" tabindex="-1">${describeError(this.caseError, core)}</p>
                  <button type="button" @click=${() => void this.loadCase(this.openId)}>${core.retry}</button>`
              : html`<p role="status">${core.loading}</p>`
        }`;
    }
    return renderInbox(this);
  }
}

/** The error text of a failure, in the element's language. */
export const errorText = (desk: Desk, error: unknown) => describeError(error, desk.words(coreStrings));
