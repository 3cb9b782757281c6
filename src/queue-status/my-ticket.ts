import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Call, HallPatch, Ticket } from '../core/api/types.gen.js';
import type { ApiError } from '../core/api/errors.js';
import { defineStrings, pickStrings } from '../core/i18n.js';
import type { Lazy } from '../core/lazy.js';
import type * as CallSound from './call-sound.js';
import { hallPath, type QueueHost } from './queue-host.js';
import { TitleFlag } from './title-flag.js';
import { shownRange } from './strings.js';

/** What the followed ticket says, in zh-CN (the English table comes only to English pages). */
export const ticketStrings = defineStrings(
  {
    forget: '不再关注此号',
    ahead: (n: number) => `前面还有 ${n} 人`,
    eta: (wait: string) => `预计等候：${wait}`,
    near: '快到您了，请留意叫号。',
    goTo: (w: string) => `请到 ${w}`,
    calledSay: (t: string, w: string) => `请 ${t} 号到 ${w}办理。`,
    calledTitle: (w: string) => `【请到 ${w}】`,
    calledNote: (t: string) => `您的号码 ${t} 已叫到`,
    missed: '您的号码已过号。请到咨询台咨询，或重新取号。',
    served: '已办理完毕，感谢您的耐心等候。',
    notFound: '今天没有查到这个号码，请核对后再试。',
    unknown: '请留意大厅叫号屏和广播。',
    sound: '叫到我时响铃并语音播报',
  },
  () => import('./my-ticket.en.js'),
);

/**
 * The followed ticket's near and called states. The call is a filled block (ButtonText on ButtonFace in forced
 * colours); its 请到 N 号窗口 is as large as the card's width allows, never smaller than the body text, and the window's
 * label breaks from 请到 as a whole (16 号窗口, never 16 / 号窗口). (No comments inside: the CSS ships as written.)
 */
export const ticketStyles = css`
  .near {
    font-weight: 700;
    color: var(--_primary);
  }
  .called {
    background: var(--_fill);
    color: var(--_on-fill);
    border: 4px double var(--_on-fill);
    outline: 3px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin-top: 0.5em;
    text-align: center;
  }
  .called .go {
    font-size: clamp(var(--_fs), 14cqi, calc(var(--_fs-large) * 1.6));
    font-weight: 800;
    line-height: 1.2;
    word-break: keep-all;
  }
  .go .window {
    display: inline-block;
    max-width: 100%;
  }
`;

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

  /** `soundCode` is the chime and speech, fetched when the resident first asks for sound. */
  constructor(
    private readonly host: QueueHost,
    private readonly soundCode: Lazy<typeof CallSound>,
  ) {
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

  /** Follows `number` (or nothing). */
  follow(number: string | undefined): void {
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
        .get<Ticket>(`${hallPath(hall)}/tickets/${number}`, { schema: 'Ticket', signal: this.life.signal });
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
    }
    if (this.sound) this.ring(); // so the resident knows what to listen for, and can set the volume
    this.host.requestUpdate();
  }

  /**
   * Chimes (and reads `words` aloud) as soon as the sound code is here. Only the sound waits for it: the call's
   * text, announcement, title and event never do. A failed fetch is shown beside the switch, never thrown.
   */
  private ring(words?: string): void {
    void this.soundCode.load().then(
      ({ chime, speak }) => {
        if (!this.sound) return;
        if (this.audio) chime(this.audio);
        if (words) speak(words, this.host.locale);
      },
      () => this.host.requestUpdate(),
    );
  }

  private call(ticket: string, windowId: string, windowLabel: string): void {
    const key = `${ticket}@${windowId}`;
    if (key === this.announced) return;
    this.announced = key;
    const s = pickStrings(ticketStrings, this.host.locale);
    this.announcement = s.calledSay(ticket, windowLabel);
    this.title.set(s.calledTitle(windowLabel));
    if (this.sound) this.ring(this.announcement);
    this.host.dispatchEvent(
      new CustomEvent<ZwCalledDetail>('zw-called', {
        detail: { ticket, windowId, windowLabel },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * The followed ticket: its number always, its state (the call first and largest), the sound switch while a call may
   * still come, and `forget` when the resident chose the number. `soundNote` tells how the sound code is coming.
   */
  render(words: { loading: string; retry: string }, soundNote: unknown, forget?: () => void): TemplateResult {
    const { number, ticket, error, sound } = this;
    const q = this.host.text();
    const s = pickStrings(ticketStrings, this.host.locale);
    let body;
    if (error) {
      const missing = (error as ApiError).status === 404;
      body = html`<p class="num">${number}</p>
        <p class="err">${missing ? s.notFound : this.host.failure(error)}</p>
        ${missing ? nothing : html`<button class="plain" @click=${() => void this.refresh()}>${words.retry}</button>`}`;
    } else if (!ticket) {
      body = html`<p class="num">${number}</p>
        <p>${words.loading}</p>`;
    } else if (ticket.status === 'called' && ticket.window) {
      const label = ticket.window.label;
      const go = s.goTo(label);
      const at = go.indexOf(label);
      const place =
        at < 0 ? go : html`${go.slice(0, at)}<span class="window">${label}</span>${go.slice(at + label.length)}`;
      body = html`<div class="called">
        <p class="go">${place}</p>
        <p>${s.calledNote(number!)}</p>
      </div>`;
    } else if (ticket.status === 'waiting') {
      body = html`<p class="num">${number}</p>
        <p>${s.ahead(ticket.ahead)} · ${s.eta(q.wait(ticket.estimatedWaitMinutes, shownRange(ticket.estimatedWaitRange)))}</p>
        ${this.near ? html`<p class="near">${s.near}</p>` : nothing}`;
    } else {
      // A status this version does not know (a newer server) is not guessed at: the number and a neutral word.
      const known = { missed: s.missed, served: s.served }[ticket.status as string];
      body = html`<p class="num">${number}</p>
        <p>${known ?? s.unknown}</p>`;
    }
    return html`<section class="mine" aria-labelledby="mine">
      <h3 id="mine" tabindex="-1">${q.mine}</h3>
      ${body}
      <div class="tools">
        ${
          this.watching
            ? html`<button class="plain" aria-pressed=${sound} @click=${() => this.toggleSound()}>🔔 ${s.sound}</button>
                ${soundNote}`
            : nothing
        }
        ${forget ? html`<button class="plain" @click=${forget}>${s.forget}</button>` : nothing}
      </div>
    </section>`;
  }
}
