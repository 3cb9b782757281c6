import { html, nothing } from 'lit';
import { coreStrings } from '../core/strings.js';
import type { RatingCase, RatingCaseItem } from '../core/api/types.gen.js';
import { errorText, type Desk } from './desk.js';
import type { DeskStrings } from './strings.js';

/** What the inbox filter offers: the open cases (the server's default), every case, or one state. */
export const FILTERS = [
  'open',
  'all',
  'accepted',
  'verifying',
  'rectifying',
  'revisiting',
  'closed',
  'appealed',
  'reviewed',
];

/**
 * A case's deadline in words, from the working days the server counted on the official calendar: overdue by N
 * working days, due today, due soon, or the days left; nothing once the case is closed or annulled.
 */
export function deadline(c: RatingCaseItem | RatingCase, s: DeskStrings): { flag: string; tone: '' | 'late' | 'soon' } {
  if (c.state === 'closed' || ('annulled' in c ? c.annulled : c.appeal?.outcome === 'annulled'))
    return { flag: '', tone: '' };
  if (c.overdue) return { flag: s.overdue(Math.max(1, -c.workingDaysLeft)), tone: 'late' };
  if (c.workingDaysLeft === 0) return { flag: s.dueToday, tone: 'soon' };
  return {
    flag: c.dueSoon ? s.dueSoon(c.workingDaysLeft) : s.daysLeft(c.workingDaysLeft),
    tone: c.dueSoon ? 'soon' : '',
  };
}

/**
 * The inbox: a state filter (a native select), the count and how many are overdue, then the cases in the server's
 * order (nearest deadline first) as a list of buttons, each saying its tracking code, level, state and deadline.
 */
export function renderInbox(desk: Desk) {
  const s = desk.s;
  const core = desk.words(coreStrings);
  const items = desk.items;
  const late = items?.filter((c) => c.overdue).length ?? 0;
  const pick = (e: Event) => desk.setFilter((e.target as HTMLSelectElement).value);
  return html`<section aria-labelledby="inbox-h">
    <h2 id="inbox-h">${s.inbox}</h2>
    <label class="field" for="filter">${s.filter}</label>
    <select id="filter" @change=${pick}>
      ${FILTERS.map(
        (v) =>
          html`<option value=${v} ?selected=${desk.filter === v}>
            ${v === 'open' ? s.open : v === 'all' ? s.all : s.state(v)}
          </option>`,
      )}
    </select>
    ${
      desk.listError !== undefined
        ? html`<p role="alert">${errorText(desk, desk.listError)}</p>
            <button type="button" @click=${() => void desk.loadList()}>${core.retry}</button>`
        : !items
          ? html`<p role="status">${core.loading}</p>`
          : html`<p role="status">${s.counts(items.length, late)}</p>
              ${desk.stale ? html`<p class="stale" role="alert">${s.stale}</p>` : nothing}
              ${
                items.length
                  ? html`<ul>
                      ${items.map((c) => renderItem(desk, c, s))}
                    </ul>`
                  : html`<p>${s.none}</p>`
              }`
    }
  </section>`;
}

function renderItem(desk: Desk, c: RatingCaseItem, s: DeskStrings) {
  const { flag, tone } = deadline(c, s);
  const what = [c.serviceName, c.department].filter(Boolean).join(' · ');
  return html`<li>
    <button type="button" class="case ${tone}" data-case=${c.id} @click=${() => desk.show(c.id)}>
      <span><strong>${c.trackingCode}</strong> · ${s.level(c.level)} · ${s.state(c.state)}</span>
      ${what ? html`<span class="meta">${what}</span>` : nothing}
      <span class="meta due">${s.dueBy} ${c.dueBy}</span>
      ${flag ? html`<span class="flag">${flag}</span>` : nothing}
    </button>
  </li>`;
}
