import type { ReactiveController } from 'lit';
import type { Call, HallPatch, Ticket } from '../core/api/types.gen.js';
import { Ticket as TicketSchema } from '../core/api/schemas.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { chime, speak, TitleFlag } from './call-alert.js';
import { remember } from './device-memory.js';
import { hallPath, type QueueHost } from './queue-host.js';

/** Ticket numbers as printed: the category letter and three digits. */
export const TICKET_FORMAT = /^[A-Z]\d{3}$/;

/** Detail of the `zw-called` event. */
export interface ZwCalledDetail {
  ticket: string;
  windowId: string;
  windowLabel: string;
}

/**
 * The resident's own ticket: looks it up, follows it as the hall changes, and makes its call unmistakable —
 * once, through the assertive live region, the tab title while the page is hidden, a `zw-called` event and,
 * when the resident asked for them, a chime and speech.
 */
export class MyTicket implements ReactiveController {
  number?: string;
  ticket?: Ticket;
  error?: unknown;
  /** The text of the assertive live region; set once per call, so it is announced once. */
  announcement = '';
  /** The resident pressed "ring and read out". */
  sound = false;

  private announced = '';
  private busy = false;
  private again = false;
  private audio?: AudioContext;
  private readonly title = new TitleFlag();
  private life = new AbortController();

  constructor(private readonly host: QueueHost) {
    host.addController(this);
  }

  /** Waiting with three or fewer ahead. */
  get near(): boolean {
    return this.ticket?.status === 'waiting' && this.ticket.ahead <= 3;
  }

  /** A ticket whose call may still come (or whose outcome is still open). */
  get watching(): boolean {
    const status = this.ticket?.status;
    return !!this.number && status !== 'served' && status !== 'missed';
  }

  hostConnected(): void {
    this.life = new AbortController();
    document.addEventListener('visibilitychange', () => document.hidden || this.title.restore(), {
      signal: this.life.signal,
    });
  }

  hostDisconnected(): void {
    this.life.abort();
    this.title.restore();
    void this.audio?.close();
    this.audio = undefined;
    this.sound = false;
  }

  /** Follows `number` (or nothing); `keep` remembers the choice on this device for the hall. */
  follow(number: string | undefined, keep = false): void {
    const hall = this.host.hallId;
    if (keep && hall) remember(hall, 'ticket', number);
    if (number === this.number) return;
    this.number = number;
    this.ticket = this.error = undefined;
    this.announcement = '';
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const { number } = this;
    const hall = this.host.hallId;
    if (!number || !hall) return this.host.requestUpdate();
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      const { data } = await this.host
        .feedApi()
        .get<Ticket>(`${hallPath(hall)}/tickets/${number}`, { schema: TicketSchema, signal: this.life.signal });
      if (number === this.number) {
        this.error = undefined;
        this.accept(data);
      }
    } catch (error) {
      if (number === this.number && (error as ApiError).kind !== 'aborted') this.error = error;
    }
    this.busy = false;
    this.host.requestUpdate();
    if (this.again && !this.life.signal.aborted) {
      this.again = false;
      void this.refresh();
    }
  }

  /** A ticket's state from the server (lookup or online take). */
  accept(ticket: Ticket): void {
    this.ticket = ticket;
    if (ticket.status === 'called' && ticket.window) this.call(ticket.number, ticket.window.id, ticket.window.label);
    this.host.requestUpdate();
  }

  /** Whether a change of the hall may have moved this ticket (a snapshot, a call, or its category changed). */
  touchedBy(patch?: HallPatch): boolean {
    const category = this.ticket?.categoryId;
    return !patch || !category || !!patch.calls?.length || !!patch.categories?.some((c) => c.id === category);
  }

  /** Calls from a stream patch: the resident hears of their call without waiting for a lookup. */
  calls(calls: Call[] = []): void {
    for (const c of calls) {
      if (c.ticket === this.number && this.ticket) {
        const window = { id: c.windowId, label: c.windowLabel };
        this.accept({ ...this.ticket, status: 'called', ahead: 0, estimatedWaitMinutes: 0, window, calledAt: c.at });
      }
    }
  }

  /** The "ring and read out" switch; pressing it is the gesture that lets the page play sound. */
  toggleSound(): void {
    this.sound = !this.sound;
    if (this.sound && typeof AudioContext === 'function') {
      this.audio ??= new AudioContext();
      void this.audio.resume();
      chime(this.audio); // so the resident knows what to listen for, and can set the volume
    }
    this.host.requestUpdate();
  }

  private call(ticket: string, windowId: string, windowLabel: string): void {
    const key = `${ticket}@${windowId}`;
    if (key === this.announced) return;
    this.announced = key;
    const s = this.host.text();
    this.announcement = s.calledSay(ticket, windowLabel);
    this.title.set(s.calledTitle(windowLabel));
    if (this.sound) {
      if (this.audio) chime(this.audio);
      speak(this.announcement, this.host.locale);
    }
    this.host.dispatchEvent(
      new CustomEvent<ZwCalledDetail>('zw-called', {
        detail: { ticket, windowId, windowLabel },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
