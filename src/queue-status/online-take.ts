import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Category, Ticket } from '../core/api/types.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { defineStrings, pickStrings } from '../core/i18n.js';
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
  },
  () => import('./online-take.en.js'),
);

/** The category choice of the take form. */
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
  }
  .opt {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_target);
    font-weight: 400;
  }
  .opt input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
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

/**
 * 线上取号. Each attempt gets one Idempotency-Key, created when the resident first asks and kept on this device
 * until the server's answer arrives. A second click, an automatic retry or a reload of the page sends the same key,
 * so the server hands back the same ticket instead of issuing another.
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

  /** The take form: one radio button per category, and why the last attempt failed. */
  render(categories: Category[]): TemplateResult {
    const s = pickStrings(takeStrings, this.host.locale);
    const { busy, error, choice } = this;
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

  /** Why the server refused, in words: a closed hall and a used-up quota have their own. */
  private failure(error: unknown): string {
    const slug = (error as ApiError).problemSlug;
    const s = pickStrings(takeStrings, this.host.locale);
    return slug === 'hall-closed' ? s.hallClosed : slug === 'quota-exhausted' ? s.quota : this.host.failure(error);
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
          { headers: { 'Idempotency-Key': attempt.key }, schema: 'Ticket', signal, retries: 2 },
        );
      remember(hall, 'take');
      this.done(data);
    } catch (error) {
      if (signal.aborted) return;
      // A definite refusal ends the attempt; after a lost answer the key is kept for the next try.
      if (!(error as ApiError).transient) remember(hall, 'take');
      this.error = error;
    }
    this.busy = false;
    this.host.requestUpdate();
  }
}
