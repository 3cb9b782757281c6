import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import type { ApiError } from '../core/api/errors.js';
import { chinaDateTime } from '../core/china-time.js';
import type { RatingFollowUp, RatingReceipt, RatingVerdict } from '../core/api/types.gen.js';
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
  /** For the resident's verdict on the fix: the element's API client, the rated case's id, the element, and the
   * sentence for a failure in the resident's language. */
  api?: ApiClient;
  describe?: (error: unknown) => string;
  caseId?: string;
  host?: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
}

const VERDICTS: RatingVerdict[] = ['satisfied', 'basically-satisfied', 'dissatisfied'];

/** The verdict being given in one element: the choice, whether it is on its way, and what the server answered. */
interface VerdictState {
  code: string;
  choice?: RatingVerdict;
  tried?: boolean;
  sending?: boolean;
  error?: unknown;
  /** The follow-up as the server answered the verdict (newer than the lookup's). */
  answer?: RatingFollowUp;
}
const verdicts = new WeakMap<object, VerdictState>();

function verdictState(view: FollowUpView, code: string): VerdictState {
  let state = view.host && verdicts.get(view.host);
  if (!state || state.code !== code) {
    state = { code };
    if (view.host) verdicts.set(view.host, state);
  }
  return state;
}

/**
 * Sends the resident's verdict on the fix (accepted once by the server: the same verdict again is a replay, another
 * one a 409 whose words are shown, followed by a fresh lookup that shows the verdict on record).
 */
async function sendVerdict(view: FollowUpView, state: VerdictState): Promise<void> {
  const { api, host } = view;
  if (!api || !host || state.sending) return;
  state.tried = true;
  if (!state.choice) return host.requestUpdate();
  Object.assign(state, { sending: true, error: undefined });
  host.requestUpdate();
  try {
    const query = view.caseId ? `?${new URLSearchParams({ case: view.caseId })}` : '';
    const path = `/api/v1/ratings/follow-up/${encodeURIComponent(state.code)}/verdict${query}`;
    const { data } = await api.post<RatingFollowUp>(path, { verdict: state.choice }, { schema: RatingFollowUpSchema });
    state.answer = data;
  } catch (error) {
    state.error = error;
    if ((error as ApiError).status === 409) view.lookup(state.code);
  }
  state.sending = false;
  host.requestUpdate();
  if (!state.answer) return;
  // Focus goes to the verdict as recorded (the question it replaces is gone).
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('#verdict')?.focus();
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

/**
 * The follow-up: its state, due date and department, then each step with its date in China time and the officer's
 * reply in plain words (the history, from a server without steps), announced politely when it arrives; 重试 after a
 * failure. Once it is closed, the resident's verdict on the fix: asked once, then shown as given.
 */
export function renderFollowUp(view: FollowUpView) {
  const { s, locale, note, retry, retryText } = view;
  const state = view.follow && verdictState(view, view.follow.trackingCode);
  const f = state?.answer ?? view.follow;
  const when = (iso: string) => html`<time datetime=${iso}>${chinaDateTime(iso, locale)}</time>`;
  return html`<div aria-live="polite">
      ${
        !f
          ? html`<p>${note}</p>`
          : html`<dl>
                <dt>${s.code}</dt>
                <dd>${f.trackingCode}</dd>
                <dt>${s.now}</dt>
                <dd>${s.status(f.state ?? f.status)}</dd>
                <dt>${s.due}</dt>
                <dd>${f.dueBy}</dd>
                ${
                  f.department
                    ? html`<dt>${s.department}</dt>
                        <dd>${f.department}</dd>`
                    : nothing
                }
              </dl>
              <ol>
                ${
                  f.steps
                    ? f.steps.map(
                        (step) =>
                          html`<li>
                            ${when(step.at)} ${s.status(step.state)}${step.reply ? `${s.colon}${step.reply}` : ''}
                          </li>`,
                      )
                    : f.history.map((h) => html`<li>${when(h.at)} ${s.status(h.status)}${s.colon}${h.note}</li>`)
                }
              </ol>`
      }
    </div>
    ${f && state ? renderVerdict(view, f, state) : nothing}
    ${retry ? html`<button type="button" @click=${retry}>${retryText}</button>` : nothing}`;
}

/**
 * The verdict on the fix: as given (or deemed), or — once the follow-up is closed and none was given — a radio group
 * and a button (not a form: the receipt sits inside the rating's own form). Focus goes to the verdict once recorded.
 */
function renderVerdict(view: FollowUpView, f: RatingFollowUp, state: VerdictState) {
  const { s } = view;
  // A verdict refused because another was recorded first keeps the server's words beside the one on record.
  const failed = state.error ? html`<p role="alert">${view.describe?.(state.error)}</p>` : nothing;
  if (f.verdict)
    return html`<p id="verdict" tabindex="-1">
        ${s.yours}${s.colon}<strong>${s.verdict(f.verdict.verdict)}</strong>${f.verdict.defaulted ? s.deemed : ''}
      </p>
      ${failed}`;
  if (!f.verdictOpen || !view.api) return nothing;
  const missing = state.tried && !state.choice;
  const pick = (v: RatingVerdict) => {
    state.choice = v;
    view.host?.requestUpdate();
  };
  return html`<fieldset ?disabled=${state.sending} aria-describedby="vh${missing ? ' ve' : ''}">
      <legend>${s.ask}</legend>
      ${VERDICTS.map(
        (v) =>
          html`<label
            ><input type="radio" name="verdict" .checked=${state.choice === v} @change=${() => pick(v)} />${s.verdict(
              v,
            )}</label
          >`,
      )}
      <p id="vh" class="hint">${s.once}</p>
      ${missing ? html`<p id="ve" class="err" role="alert">${s.needVerdict}</p>` : nothing}
    </fieldset>
    <p role="status">${state.sending ? s.sending : ''}</p>
    ${failed}
    <button type="button" ?disabled=${state.sending} @click=${() => void sendVerdict(view, state)}>
      ${state.error ? view.retryText : s.submitVerdict}
    </button>`;
}
