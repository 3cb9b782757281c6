import { html, nothing } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import { chinaDateTime } from '../core/china-time.js';
import type { RatingFollowUp, RatingReceipt } from '../core/api/types.gen.js';
import { RatingFollowUp as RatingFollowUpSchema } from '../core/api/schemas.gen.js';
import type { FollowUpStrings } from './follow-up-strings.js';

/*
 * What follows a 差评 in `<zw-rating>`: the receipt with its tracking code and next steps, and the lookup of the
 * follow-up (整改, 回访). Most ratings are good and most pages never show either, so this module is fetched the
 * first time a page does (see `followUpPart` in rating.ts). Nothing here is on the way to the outbox.
 */

export { followUpStrings } from './follow-up-strings.js';

/** What the receipt view needs of a receipt (validated by the outbox, or kept on this device for the case). */
export type Receipt = Pick<RatingReceipt, 'level' | 'bad' | 'trackingCode' | 'followUp'>;

/** What the element hands to this part's views. */
export interface FollowUpView {
  s: FollowUpStrings;
  locale: string;
  /** The follow-up, once looked up. */
  follow?: RatingFollowUp;
  /** Instead of it: the loading text, or why the lookup failed. */
  note?: string;
  /** After a failed lookup: asks again. */
  retry?: () => void;
  retryText: string;
  /** `followUpWorkingDays` of the reasons payload, when it has arrived. */
  days?: number;
  /** The resident left a phone number for the 回访. */
  contact: boolean;
  /** Looks up the follow-up of this tracking code. */
  lookup: (code: string) => void;
}

/**
 * The follow-up of the 差评 with this tracking code; `caseId` (the rated case's id, as given for the rating) is the
 * second factor that servers ask for with the code.
 */
export async function fetchFollowUp(
  api: ApiClient,
  code: string,
  caseId: string,
  signal: AbortSignal,
): Promise<RatingFollowUp> {
  const query = caseId ? `?${new URLSearchParams({ case: caseId })}` : '';
  const path = `/api/v1/ratings/follow-up/${encodeURIComponent(code)}${query}`;
  return (await api.get<RatingFollowUp>(path, { schema: RatingFollowUpSchema, signal })).data;
}

/**
 * The receipt of a sent 差评: tracking code, next steps (a call back only when a number was left) and a 查询处理进度
 * button, then the follow-up once looked up.
 */
export function renderReceipt(r: Receipt, view: FollowUpView) {
  const { s } = view;
  const code = r.trackingCode;
  if (!r.bad || !code) return nothing;
  const next = view.contact ? s.next : s.nextNoCall;
  return html`<dl>
      <dt>${s.code}</dt>
      <dd>${code}</dd>
    </dl>
    ${r.followUp ? html`<p>${next(view.days ?? r.followUp.workingDays, r.followUp.dueBy)}</p>` : nothing}
    <button type="button" @click=${() => view.lookup(code)}>${s.lookup}</button>
    ${renderFollowUp(view)}`;
}

/** The follow-up (stage, due date, history in China time), announced politely when it arrives; 重试 after a failure. */
export function renderFollowUp({ s, locale, follow: f, note, retry, retryText }: FollowUpView) {
  return html`<div aria-live="polite">
      ${
        !f
          ? html`<p>${note}</p>`
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
                      <time datetime=${h.at}>${chinaDateTime(h.at, locale)}</time>
                      ${s.status(h.status)}${s.colon}${h.note}
                    </li>`,
                )}
              </ol>`
      }
    </div>
    ${retry ? html`<button type="button" @click=${retry}>${retryText}</button>` : nothing}`;
}
