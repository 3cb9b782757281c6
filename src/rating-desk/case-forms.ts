import { html, nothing } from 'lit';
import type {
  RatingCase,
  RatingCaseTransitionInput,
  RatingRevisitInput,
  RatingVerdict,
} from '../core/api/types.gen.js';
import type { Desk } from './desk.js';
import type { DeskStrings } from './strings.js';

/** What the officer has entered in the open case's forms (kept while the desk re-renders). */
export interface CaseForm {
  to: string;
  outcome: '' | NonNullable<RatingCaseTransitionInput['outcome']>;
  annulReason: '' | NonNullable<RatingCaseTransitionInput['annulReason']>;
  note: string;
  /** The 回访 form's own note. */
  rnote: string;
  reply: string;
  department: string;
  reached: '' | 'yes' | 'no';
  verdict: '' | RatingVerdict;
  /** A submit was attempted: show what is missing. */
  tried: '' | 'move' | 'revisit' | 'assign';
  /** The Idempotency-Key of the action being sent (and retried). */
  key?: string;
}

export const emptyForm = (): CaseForm => ({
  to: '',
  outcome: '',
  annulReason: '',
  note: '',
  rnote: '',
  reply: '',
  department: '',
  reached: '',
  verdict: '',
  tried: '',
});

const VERDICTS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
const OUTCOMES = ['upheld', 'annulled'] as const;
const ANNUL_REASONS = ['malicious', 'mistaken'] as const;
/** States in which a 回访 can be recorded. */
const REVISIT_STATES = ['rectifying', 'revisiting'];

/** A native radio group with a legend; `value` is the chosen one. */
function radios<V extends string>(
  name: string,
  legend: string,
  options: (readonly [V, string])[],
  value: string,
  set: (v: V) => void,
  error = '',
) {
  return html`<fieldset aria-describedby=${error ? `${name}-err` : nothing}>
    <legend>${legend}</legend>
    ${options.map(
      ([v, text]) =>
        html`<label
          ><input type="radio" name=${name} value=${v} .checked=${value === v} @change=${() => set(v)} />${text}</label
        >`,
    )}
    ${error ? html`<p id="${name}-err" class="err">${error}</p>` : nothing}
  </fieldset>`;
}

/**
 * What can be done with the case now, as the server allows it for its state: assign it to a department, move it to
 * a next state (with an internal note and an optional reply, previewed as the resident will read it; a review
 * names its outcome), and record the 回访. Nothing else is offered.
 */
export function renderActions(desk: Desk, c: RatingCase) {
  const s = desk.s;
  const assign = !c.closedAt;
  const revisit = REVISIT_STATES.includes(c.state);
  if (!c.next.length && !assign && !revisit) return html`<p>${s.noActions}</p>`;
  return html`<section aria-labelledby="act-h">
    <h3 id="act-h">${s.move}</h3>
    ${assign ? assignForm(desk, c, s) : nothing} ${c.next.length ? moveForm(desk, c, s) : nothing}
    ${revisit ? revisitForm(desk, s) : nothing}
  </section>`;
}

const update = (desk: Desk, change: Partial<CaseForm>) => {
  Object.assign(desk.form, change, { key: undefined });
  desk.host.requestUpdate();
};

function assignForm(desk: Desk, c: RatingCase, s: DeskStrings) {
  const f = desk.form;
  const departments = desk.departments ?? [];
  const submit = (e: Event) => {
    e.preventDefault();
    const department = f.department || c.department || departments[0] || '';
    if (!department) return;
    void desk.act({ kind: 'assignment', body: { department } }, s.assigned(department));
  };
  return html`<form @submit=${submit}>
    <fieldset ?disabled=${desk.busy}>
      <legend>${s.assign}</legend>
      <label class="field" for="dept">${s.assignTo}</label>
      <select id="dept" @change=${(e: Event) => update(desk, { department: (e.target as HTMLSelectElement).value })}>
        ${departments.map(
          (d) => html`<option value=${d} ?selected=${(f.department || c.department) === d}>${d}</option>`,
        )}
      </select>
      <button type="submit">${s.assignSubmit}</button>
    </fieldset>
  </form>`;
}

function moveForm(desk: Desk, c: RatingCase, s: DeskStrings) {
  const f = desk.form;
  const to = c.next.find((n) => n === f.to);
  // A review names its outcome, and an annulment its reason.
  const review = to === 'reviewed';
  const annul = review && f.outcome === 'annulled';
  const tried = f.tried === 'move';
  const missing = {
    to: tried && !to ? s.needChoice : '',
    outcome: tried && review && !f.outcome ? s.needChoice : '',
    annulReason: tried && annul && !f.annulReason ? s.needChoice : '',
    note: tried && !f.note.trim() ? s.needNote : '',
  };
  const submit = (e: Event) => {
    e.preventDefault();
    update(desk, { tried: 'move' });
    if (!to || !f.note.trim() || (review && !f.outcome) || (annul && !f.annulReason)) return;
    const body: RatingCaseTransitionInput = { to, note: f.note.trim() };
    if (f.reply.trim()) body.reply = f.reply.trim();
    if (review && f.outcome) body.outcome = f.outcome;
    if (annul && f.annulReason) body.annulReason = f.annulReason;
    void desk.act({ kind: 'transitions', body }, s.done(s.state(to)));
  };
  return html`<form novalidate @submit=${submit}>
    <fieldset ?disabled=${desk.busy}>
      <legend>${s.moveTitle}</legend>
      ${radios(
        'to',
        s.next,
        c.next.map((n) => [n, s.state(n)] as const),
        f.to,
        (next) => update(desk, { to: next, outcome: '', annulReason: '' }),
        missing.to,
      )}
      ${
        review
          ? radios(
              'outcome',
              s.outcomeLabel,
              OUTCOMES.map((o) => [o, s.outcome(o)] as const),
              f.outcome,
              (outcome) => update(desk, { outcome, annulReason: '' }),
              missing.outcome,
            )
          : nothing
      }
      ${
        annul
          ? radios(
              'annul',
              s.annulLabel,
              ANNUL_REASONS.map((o) => [o, s.outcome(o)] as const),
              f.annulReason,
              (annulReason) => update(desk, { annulReason }),
              missing.annulReason,
            )
          : nothing
      }
      ${note(desk, 'note', s.noteLabel, f.note, missing.note)}
      <label class="field" for="reply">${s.replyLabel}</label>
      <textarea
        id="reply"
        maxlength="500"
        .value=${f.reply}
        @input=${(e: Event) => update(desk, { reply: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${
        f.reply.trim()
          ? html`<p class="hint">${s.preview}</p>
              <p class="preview">${f.reply.trim()}</p>`
          : nothing
      }
      <button type="submit">${s.submit}</button>
    </fieldset>
  </form>`;
}

function revisitForm(desk: Desk, s: DeskStrings) {
  const f = desk.form;
  const tried = f.tried === 'revisit';
  const missing = {
    reached: tried && !f.reached ? s.needChoice : '',
    verdict: tried && f.reached === 'yes' && !f.verdict ? s.needChoice : '',
    note: tried && !f.rnote.trim() ? s.needNote : '',
  };
  const submit = (e: Event) => {
    e.preventDefault();
    update(desk, { tried: 'revisit' });
    if (!f.reached || (f.reached === 'yes' && !f.verdict) || !f.rnote.trim()) return;
    const body: RatingRevisitInput = { reached: f.reached === 'yes', note: f.rnote.trim() };
    if (body.reached && f.verdict) body.verdict = f.verdict;
    void desk.act({ kind: 'revisits', body }, s.done(s.revisit));
  };
  return html`<form novalidate @submit=${submit}>
    <fieldset ?disabled=${desk.busy}>
      <legend>${s.revisit}</legend>
      ${radios(
        'reached',
        s.reached,
        [
          ['yes', s.yes],
          ['no', s.no],
        ] as const,
        f.reached,
        (reached) => update(desk, { reached }),
        missing.reached,
      )}
      ${
        f.reached === 'yes'
          ? radios(
              'verdict',
              s.verdictLabel,
              VERDICTS.map((v) => [v, s.verdict(v)] as const),
              f.verdict,
              (verdict) => update(desk, { verdict }),
              missing.verdict,
            )
          : nothing
      }
      ${note(desk, 'rnote', s.noteLabel, f.rnote, missing.note)}
      <button type="submit">${s.submit}</button>
    </fieldset>
  </form>`;
}

function note(desk: Desk, id: 'note' | 'rnote', label: string, value: string, error: string) {
  return html`<label class="field" for=${id}>${label}</label>
    <textarea
      id=${id}
      maxlength="500"
      required
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-err` : nothing}
      .value=${value}
      @input=${(e: Event) => update(desk, { [id]: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
    ${error ? html`<p id="${id}-err" class="err">${error}</p>` : nothing}`;
}
