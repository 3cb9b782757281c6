import { html, nothing } from 'lit';
import { chinaDateTime } from '../core/china-time.js';
import type { RatingCase } from '../core/api/types.gen.js';
import { errorText, type Desk } from './desk.js';
import { deadline } from './inbox.js';

/**
 * One case as the officer reads it: the heading (focused when the case opens), its state and deadline in words, the
 * rating and the handled case as a list of terms, the phone number on request, the steps so far with their internal
 * notes and the replies the resident reads, and the 回访 made. Everything from the server is text, never HTML.
 */
export function renderCase(desk: Desk, c: RatingCase) {
  const s = desk.s;
  const locale = desk.host.locale;
  const when = (iso: string) => html`<time datetime=${iso}>${chinaDateTime(iso, locale)}</time>`;
  const { flag, tone } = deadline(c, s);
  const r = c.rating;
  const h = c.handled;
  const or = (v: string | null | undefined) => v || s.unknown;
  return html`<section aria-labelledby="case-h">
    <h2 id="case-h" tabindex="-1">${s.caseTitle(c.trackingCode)}</h2>
    <p>
      ${s.nowState}${s.colon}<strong>${s.state(c.state)}</strong>
      ${c.appeal ? html` · ${s.outcome(c.appeal.outcome)}` : nothing}
      ${flag ? html` · <span class="flag ${tone}">${flag}</span>` : nothing}
    </p>
    <dl>
      <dt>${s.ratedLevel}</dt>
      <dd>${s.level(r.level)}</dd>
      <dt>${s.reasons}</dt>
      <dd>${r.reasons.map((x) => x.text).join('；') || s.unknown}</dd>
      <dt>${s.comment}</dt>
      <dd>${r.comment || s.noComment}</dd>
      <dt>${s.service}</dt>
      <dd>${[h.serviceName, h.serviceCode].filter(Boolean).join(' ') || s.unknown}</dd>
      <dt>${s.window}</dt>
      <dd>${or(h.windowLabel ?? h.windowId)}</dd>
      <dt>${s.staff}</dt>
      <dd>${or(h.staffId)}</dd>
      <dt>${s.caseId}</dt>
      <dd>${r.caseId}</dd>
      <dt>${s.ratedAt}</dt>
      <dd>${when(r.createdAt)}</dd>
      <dt>${s.dueBy}</dt>
      <dd>${c.dueBy}</dd>
      <dt>${s.department}</dt>
      <dd>${c.department || s.unassigned}</dd>
      ${
        c.verdict
          ? html`<dt>${s.resident}</dt>
              <dd>${s.verdict(c.verdict.verdict)}</dd>`
          : nothing
      }
    </dl>
    ${renderContact(desk, c)}
    <h3>${s.steps}</h3>
    <ol>
      ${c.steps.map(
        (step) =>
          html`<li>
            ${when(step.at)} <strong>${s.state(step.state)}</strong> · ${step.by === 'system' ? s.system : step.by}
            ${step.outcome ? html`<br />${s.outcome(step.outcome)}${step.annulReason ? `（${s.outcome(step.annulReason)}）` : ''}` : nothing}
            ${step.note ? html`<br /><span class="meta">${s.note}${s.colon}</span>${step.note}` : nothing}
            ${step.reply ? html`<br /><span class="meta">${s.reply}${s.colon}</span>${step.reply}` : nothing}
          </li>`,
      )}
    </ol>
    ${
      c.revisits.length
        ? html`<h3>${s.revisits}</h3>
            <ol>
              ${c.revisits.map(
                (v) =>
                  html`<li>
                    ${when(v.at)} · ${v.by}<br />
                    ${v.reached ? s.reachedOn(v.verdict ? s.verdict(v.verdict) : '') : s.notReached}
                    <br /><span class="meta">${s.note}${s.colon}</span>${v.note}
                  </li>`,
              )}
            </ol>`
        : nothing
    }
  </section>`;
}

/**
 * The resident's phone number: only while the case is worked, only on an explicit press (each opening is written
 * to the hall's audit log by the server), and gone again once the case is closed.
 */
function renderContact(desk: Desk, c: RatingCase) {
  const s = desk.s;
  if (c.closedAt) return nothing;
  if (!c.hasContact)
    return html`<h3>${s.contact}</h3>
      <p>${s.noContact}</p>`;
  const p = desk.phone?.ratingId === c.ratingId ? desk.phone : undefined;
  return html`<h3>${s.contact}</h3>
    ${
      p
        ? html`<p id="phone" class="phone" tabindex="-1">${p.phone}</p>
            <p class="hint">${s.phoneKept(p.deleteOn)}</p>`
        : html`<button type="button" @click=${() => void desk.showPhone()}>${s.showPhone}</button>
            <p class="hint">${s.phoneAudit}</p>
            ${
              desk.phoneError
                ? html`<p id="phone-err" role="alert" tabindex="-1">${errorText(desk, desk.phoneError)}</p>`
                : nothing
            }`
    }`;
}
