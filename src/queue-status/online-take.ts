import type { ReactiveController } from 'lit';
import type { Ticket } from '../core/api/types.gen.js';
import { Ticket as TicketSchema } from '../core/api/schemas.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { recall, remember } from './device-memory.js';
import { hallPath, type QueueHost } from './queue-host.js';

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
          { headers: { 'Idempotency-Key': attempt.key }, schema: TicketSchema, signal, retries: 2 },
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
