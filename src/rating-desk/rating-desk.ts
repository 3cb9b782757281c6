import { html, type PropertyDeclarations } from 'lit';
import { ZwStaffElement } from '../core/staff/staff-element.js';
import { coreStrings } from '../core/strings.js';
import { Lazy } from '../core/lazy.js';
import type { StaffRole } from '../core/api/types.gen.js';

/**
 * The desk itself (sign-in, inbox, case view, forms, their strings and styles): fetched when the element first renders, so
 * a staff page that loads every staff element ships only this small class until a desk is shown (decision 075).
 */
const deskPart = new Lazy(() => import('./desk.js'));

type Desk = InstanceType<Awaited<ReturnType<typeof deskPart.load>>['Desk']>;

/**
 * 差评 desk for the hall's rating officer: the inbox of bad ratings ordered by deadline (working days on the
 * official calendar, overdue and due-soon cases flagged in words), a case with the rating, reasons, comment, the
 * handled case's service, window and staff and its steps so far; assigning it to a department, moving it through
 * its states (受理 → 核实 → 整改 → 回访 → 办结, or 申诉 → 复核 with an outcome) with an internal note and an optional
 * reply that the resident will read, the 回访 record, and the resident's phone number on an explicit request (the
 * server writes each opening to the audit log). Only what the server allows for the case's state is offered.
 * The inbox keeps itself current (every minute while the page is in view, and when the officer comes back to it).
 *
 * The host page signs the officer in: it sets `tokenProvider` (a function that returns the identity provider's
 * access token) and listens for `zw-sign-in-required`. Against the reference server without an identity provider
 * the element offers a marked development sign-in.
 *
 * @summary 好差评 差评 desk: the rating officer's inbox and cases.
 * @tag zw-rating-desk
 *
 * @attr hall - The hall whose 差评 are worked; defaults to `<zw-config hall>`.
 * @attr case - Open this case (its id) instead of the inbox.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @prop {StaffTokenProvider | undefined} tokenProvider - Returns the officer's access token (never an attribute).
 *
 * @fires zw-sign-in-required - No token, or the server refused it: the host page starts its sign-in;
 *   `detail: { reason, roles, hall }`.
 * @fires zw-rating-case-changed - The officer changed a case (assigned, moved, recorded a 回访);
 *   `detail: { caseId, state }`.
 *
 * @csspart base - The desk's content.
 */
export class ZwRatingDesk extends ZwStaffElement {
  static override tables = [coreStrings];
  static override staffRoles: StaffRole[] = ['rating-officer'];
  // The token styles only: the desk's own come with its part (adopted by it), so that resident pages never ship them.

  static override properties: PropertyDeclarations = {
    caseId: { attribute: 'case' },
  };

  /** The open case's id; empty for the inbox. */
  caseId = '';

  /** The desk, once its part has arrived. */
  #desk?: Desk;

  /** @internal The officer's sign-in, for the desk's part. */
  get staffSession() {
    return this.session;
  }

  override render() {
    const core = this.strings(coreStrings);
    const m = this.partReady(deskPart, (part) => part.deskStrings);
    if (m) {
      this.#desk ??= new m.Desk(this);
      return html`<div part="base">${this.#desk.render()}</div>`;
    }
    if (!deskPart.failed) return html`<p part="base" role="status">${core.loading}</p>`;
    return html`<div part="base">
      <p role="alert">${navigator.onLine === false ? core.offline : core.network}</p>
      <button type="button" @click=${() => deskPart.retry(this)}>${core.retry}</button>
    </div>`;
  }
}
