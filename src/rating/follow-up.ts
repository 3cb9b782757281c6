import { html, nothing } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import { validate } from '../core/api/validate.js';
import type { RatingFollowUp, RatingReceipt } from '../core/api/types.gen.js';
import {
  RatingFollowUp as RatingFollowUpSchema,
  RatingReceipt as RatingReceiptSchema,
} from '../core/api/schemas.gen.js';
import type { FollowUpStrings } from './follow-up-strings.js';

/*
 * What follows a 差评 in `<zw-rating>`: the receipt with its tracking code and next steps, and the lookup of the
 * follow-up (整改, 回访). Most ratings are good and most pages never show either, so this module is fetched the
 * first time a page does (see `followUpPart` in rating.ts). Nothing here is on the way to the outbox.
 */

export { followUpStrings } from './follow-up-strings.js';

/** What the follow-up view shows: the follow-up once looked up, else the loading text or what went wrong. */
export type FollowUpState = RatingFollowUp | string | undefined;

/** What the element hands to this part's views. */
export interface FollowUpView {
  s: FollowUpStrings;
  locale: string;
  follow: FollowUpState;
  /** `followUpWorkingDays` of the reasons payload, when it has arrived. */
  days?: number;
  /** Looks up the follow-up of this tracking code (into `follow`). */
  lookup: (code: string) => void;
}

/** The follow-up of the 差评 with this tracking code. */
export async function fetchFollowUp(api: ApiClient, code: string, signal: AbortSignal): Promise<RatingFollowUp> {
  const path = `/api/v1/ratings/follow-up/${encodeURIComponent(code)}`;
  return (await api.get<RatingFollowUp>(path, { schema: RatingFollowUpSchema, signal })).data;
}

/**
 * The receipt of a sent 差评: tracking code, next steps and a 查询处理进度 button, then the follow-up once looked up.
 * Nothing when the receipt does not fit the API: the rating was stored all the same, only its details cannot be
 * shown.
 */
export function renderReceipt(data: unknown, view: FollowUpView) {
  let r: RatingReceipt;
  try {
    r = validate<RatingReceipt>(data, RatingReceiptSchema);
  } catch {
    return nothing;
  }
  const { s } = view;
  const code = r.trackingCode;
  if (!r.bad || !code) return nothing;
  return html`<dl>
      <dt>${s.code}</dt>
      <dd>${code}</dd>
    </dl>
    ${r.followUp ? html`<p>${s.next(view.days ?? r.followUp.workingDays, r.followUp.dueBy)}</p>` : nothing}
    <button type="button" @click=${() => view.lookup(code)}>${s.lookup}</button>
    ${renderFollowUp(view)}`;
}

/** The follow-up (stage, due date, history), announced politely when it arrives. */
export function renderFollowUp({ s, locale, follow: f }: FollowUpView) {
  return html`<div aria-live="polite">
    ${
      !f || typeof f === 'string'
        ? html`<p>${f}</p>`
        : html`<dl>
              <dt>${s.code}</dt>
              <dd>${f.trackingCode}</dd>
              <dt>${s.now}</dt>
              <dd>${s.status(f.status)}</dd>
              <dt>${s.due}</dt>
              <dd>${f.dueBy}</dd>
            </dl>
            <ol>
              ${f.history.map(
                (h) =>
                  html`<li>
                    <time datetime=${h.at}>${new Date(h.at).toLocaleString(locale)}</time>
                    ${s.status(h.status)}${s.colon}${h.note}
                  </li>`,
              )}
            </ol>`
    }
  </div>`;
}
