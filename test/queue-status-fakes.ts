import { fixture, html, waitUntil } from '@open-wc/testing';
import type { HallSnapshot, Ticket, Window } from '../src/core/api/types.gen.ts';
import type { ZwQueueStatus } from '../src/queue-status/index.ts';
import { loadStreamChecks } from '../src/queue-status/live-feed.ts';

// What the queue-status test files share: a stand-in for the browser's EventSource, realistic payloads, helpers.

/** Stands in for the browser's EventSource; the test plays the server. */
export class FakeSource extends EventTarget {
  static all: FakeSource[] = [];
  /** Called with every new source, as the browser would start connecting it (a test may make the path fail). */
  static onCreate?: (source: FakeSource) => void;
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  /** `Date.now()` when the page opened it. */
  readonly createdAt = Date.now();
  constructor(readonly url: string) {
    super();
    FakeSource.all.push(this);
    FakeSource.onCreate?.(this);
  }
  static get last(): FakeSource {
    return FakeSource.all[FakeSource.all.length - 1];
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(type: 'snapshot' | 'patch', data: unknown, id = (data as { version?: number }).version) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.dispatchEvent(new MessageEvent(type, { data: text, lastEventId: String(id ?? '') }));
  }
  /** The server's heartbeat event (no id: it does not move Last-Event-ID), naming its interval when given. */
  heartbeat(version = 0, intervalMs?: number) {
    this.dispatchEvent(new MessageEvent('heartbeat', { data: JSON.stringify({ version, intervalMs }) }));
  }
  /** A failed connection: the browser retries it (CONNECTING) unless `closed`. */
  fail(closed = false) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Counts the chime's tones and keeps what is read aloud, at the browser's boundary; `restore` puts both back. */
export function listenForSound() {
  const realSpeak = speechSynthesis.speak;
  const realOscillator = AudioContext.prototype.createOscillator;
  const heard = {
    tones: 0,
    spoken: [] as SpeechSynthesisUtterance[],
    restore() {
      speechSynthesis.speak = realSpeak;
      AudioContext.prototype.createOscillator = realOscillator;
    },
  };
  speechSynthesis.speak = (u) => void heard.spoken.push(u);
  AudioContext.prototype.createOscillator = function () {
    heard.tones++;
    return realOscillator.call(this);
  };
  return heard;
}

// ---------------------------------------------------------------- payloads

export const win = (n: number, patch: Partial<Window> = {}): Window => ({
  id: `w${String(n).padStart(2, '0')}`,
  label: `${n} 号窗口`,
  status: 'open',
  serving: `A${String(n).padStart(3, '0')}`,
  categoryIds: ['A'],
  ...patch,
});

export function snapshot(patch: Partial<HallSnapshot> = {}): HallSnapshot {
  return {
    hallId: 'test-hall',
    name: '广安区政务服务中心',
    open: true,
    hours: { opens: '09:00', closes: '17:00', lunch: '12:00-13:30' },
    windows: [
      win(5, { serving: 'A019' }),
      win(6, { status: 'paused', serving: null, categoryIds: ['A', 'B'] }),
      win(12, { serving: 'B007', categoryIds: ['B'] }),
      win(16, { status: 'closed', serving: null, categoryIds: ['C'] }),
    ],
    categories: [
      { id: 'A', name: '社保医保', prefix: 'A', waiting: 7, avgServiceMinutes: 6.5, estimatedWaitMinutes: 23 },
      { id: 'B', name: '不动产登记', prefix: 'B', waiting: 3, avgServiceMinutes: 15, estimatedWaitMinutes: 95 },
      { id: 'C', name: '企业开办', prefix: 'C', waiting: 0, avgServiceMinutes: 12, estimatedWaitMinutes: 0 },
    ],
    version: 1287,
    updatedAt: '2026-11-23T10:15:00+08:00',
    ...patch,
  };
}

export const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  number: 'A023',
  hallId: 'test-hall',
  categoryId: 'A',
  status: 'waiting',
  ahead: 6,
  estimatedWaitMinutes: 20,
  window: null,
  issuedAt: '2026-11-23T09:41:07+08:00',
  calledAt: null,
  online: false,
  ...patch,
});

// ---------------------------------------------------------------- helpers

export const text = (el: ZwQueueStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
export const $ = <T extends Element = HTMLElement>(el: ZwQueueStatus, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
export const until = (fn: () => unknown, message?: string, timeout = 8000) => waitUntil(fn, message, { timeout });

/** A card fed by a fake stream that has sent `snap` (once the stream's checks are here). */
export async function streamed(markup = html`<zw-queue-status hall="test-hall"></zw-queue-status>`, snap = snapshot()) {
  const el = await fixture<ZwQueueStatus>(markup);
  await loadStreamChecks(); // as on a real connection, they arrive before the first message
  const source = FakeSource.last;
  source.open();
  source.send('snapshot', snap);
  await el.updateComplete;
  return { el, source };
}
