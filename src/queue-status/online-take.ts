import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Category, Ticket } from '../core/api/types.gen.js';
import { ApiError } from '../core/api/errors.js';
import { defineStrings, pickStrings } from '../core/i18n.js';
import { deviceId } from './device-id.js';
import { recall, remember } from './device-memory.js';
import { hallPath, type QueueHost } from './queue-host.js';

/** What the take form says, in zh-CN (the English table comes only to English pages). */
export const takeStrings = defineStrings(
  {
    pick: '选择业务类别',
    takeBtn: '取号',
    taking: '正在取号…',
    hallClosed: '大厅现在不在办公时间，请在办公时间内取号。',
    quota: '今日线上取号名额已用完，请明天再取，或到大厅现场取号。',
    unsure: '未能确认取号结果。再按“取号”会查询同一次取号，不会重复取号。',
  },
  () => import('./online-take.en.js'),
);

/**
 * The category choice of the take form: the radio beside the category's name, its waiting count under the name on a
 * narrow card and beside it on a wide one; names are never broken.
 */
export const takeStyles = css`
  legend {
    display: block;
    font-weight: 600;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    width: 100%;
    min-width: 0;
  }
  .opt {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    gap: 0 0.5em;
    min-height: var(--_target);
    font-weight: 400;
    word-break: keep-all;
  }
  .opt input {
    grid-row: span 2;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  .opt .hint {
    grid-column: 2;
  }
  @container (min-width: 20em) {
    .opt {
      grid-template-columns: auto auto minmax(0, 1fr);
    }
    .opt input,
    .opt .hint {
      grid-area: auto;
    }
  }
`;

/** An attempt to take a ticket whose answer has not arrived yet. */
interface Attempt {
  key: string;
  categoryId: string;
}

/** 32 hex digits. `crypto.randomUUID` exists only on https pages; `getRandomValues` works on any portal. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A refusal that a resend cannot change: the attempt is over (a 409 of a kind this version does not know is not). */
/** The device's id for the server's per-device limit, when this browser can keep one. */
function deviceHeader(): Record<string, string> {
  const id = deviceId();
  return id ? { 'Zw-Device-Id': id } : {};
}

function refused(error: unknown): boolean {
  const e = error as ApiError;
  const status = e.kind === 'http' ? (e.status ?? 0) : 0;
  if (status === 409) return e.problemSlug === 'hall-closed' || e.problemSlug === 'quota-exhausted';
  // A daily limit is checked after the server looked for this key's ticket, so it is a definite "no"; a per-minute
  // one comes first and may hide a ticket that was issued, so the attempt stays.
  if (status === 429) return (e.problem?.limit as { per?: string } | undefined)?.per === 'day';
  return status >= 400 && status < 500 && !e.transient;
}

/**
 * 线上取号. Each attempt gets one Idempotency-Key, created when the resident first asks and kept on this device
 * until a valid ticket for it (of this hall and category) or a definite refusal is in hand. A second click, an
 * automatic retry, a resend when the network returns or a reload of the page sends the same key, so the server hands
 * back the same ticket instead of issuing another.
 */
export class OnlineTake implements ReactiveController {
  busy = false;
  error?: unknown;
  /** The category of the attempt in flight (or left unanswered by an earlier visit). */
  choice?: string;

  private life = new AbortController();

  constructor(
    private readonly host: QueueHost,
    private readonly done: (ticket: Ticket) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.life = new AbortController();
    // An attempt left without a valid answer is finished as soon as the network is back.
    addEventListener('online', () => this.busy || this.resume(), { signal: this.life.signal });
  }

  hostDisconnected(): void {
    this.life.abort(); // the attempt stays stored and is resumed on the next visit
    this.busy = false;
  }

  /** Finishes an attempt that an earlier visit left without an answer. */
  resume(): void {
    const hall = this.host.hallId;
    const pending = hall ? recall<Attempt>(hall, 'take') : undefined;
    if (pending) void this.send(hall!, pending);
  }

  take(categoryId: string): void {
    const hall = this.host.hallId;
    if (!hall || this.busy) return;
    // An unanswered attempt may already have made a ticket: finish it rather than start a second one.
    const attempt = recall<Attempt>(hall, 'take') ?? { key: newKey(), categoryId };
    remember(hall, 'take', attempt);
    void this.send(hall, attempt);
  }

  /**
   * The take form: one radio button per category, and why the last attempt failed. A closed hall (`open` false)
   * offers no form, only why.
   */
  render(categories: Category[], open = true): TemplateResult {
    const s = pickStrings(takeStrings, this.host.locale);
    const { busy, error, choice } = this;
    if (!open && !busy)
      return html`<section class="take" aria-labelledby="take">
        <h3 id="take">${this.host.text().take}</h3>
        <p>${s.hallClosed}</p>
      </section>`;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const picked = new FormData(event.target as HTMLFormElement).get('cat');
      if (picked) this.take(String(picked));
    };
    return html`<section class="take" aria-labelledby="take">
      <h3 id="take">${this.host.text().take}</h3>
      <form @submit=${submit}>
        <fieldset>
          <legend>${s.pick}</legend>
          ${categories.map(
            (c) =>
              html`<label class="opt">
                <input type="radio" name="cat" required .value=${c.id} .checked=${c.id === choice} />
                ${c.name} <span class="hint">${this.host.text().waiting(c.waiting)}</span>
              </label>`,
          )}
        </fieldset>
        <button aria-disabled=${busy}>${busy ? s.taking : s.takeBtn}</button>
      </form>
      ${error ? html`<p class="err" role="alert">${this.failure(error)}</p>` : nothing}
    </section>`;
  }

  /**
   * Why the attempt failed, in words: a closed hall and a used-up quota have their own; an attempt still open (no
   * valid answer yet) says that pressing again cannot make a second ticket.
   */
  private failure(error: unknown): string {
    const slug = (error as ApiError).problemSlug;
    const s = pickStrings(takeStrings, this.host.locale);
    if (slug === 'hall-closed') return s.hallClosed;
    if (slug === 'quota-exhausted') return s.quota;
    return refused(error) ? this.host.failure(error) : `${this.host.failure(error)} ${s.unsure}`;
  }

  private async send(hall: string, attempt: Attempt): Promise<void> {
    this.busy = true;
    this.choice = attempt.categoryId;
    this.error = undefined;
    this.host.requestUpdate();
    const { signal } = this.life;
    try {
      const { data } = await this.host
        .feedApi()
        .post<Ticket>(
          `${hallPath(hall)}/tickets`,
          { categoryId: attempt.categoryId },
          { headers: { 'Idempotency-Key': attempt.key, ...deviceHeader() }, schema: 'Ticket', signal, retries: 2 },
        );
      // A ticket of another hall or category is not the answer to this attempt (a proxy's cached answer).
      const other = data.hallId !== hall ? 'hallId' : data.categoryId !== attempt.categoryId ? 'categoryId' : '';
      if (other) throw new ApiError('invalid-payload', `The ticket is not for this attempt`, { field: other });
      remember(hall, 'take');
      this.done(data);
    } catch (error) {
      if (signal.aborted) return;
      // A definite refusal ends the attempt. After a lost answer, or one that is not a valid ticket for it, the key
      // stays for the next press, the next `online` and the next visit: the server may have issued the ticket.
      if (refused(error)) remember(hall, 'take');
      this.error = error;
    }
    this.busy = false;
    this.host.requestUpdate();
  }
}
