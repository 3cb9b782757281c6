import { instantAt, isoLocal, localTime, parseClockTime } from '../clock.ts';
import type { CategoryDef, HallDef, WindowDef } from './halls.ts';
import type { Call, CategoryView, HallPatch, HallSnapshot, OperatorTicketView, OperatorWaiting, TicketStatus, TicketView, WindowView } from '../payloads.ts';

/** Why a ticket is served first (绿色通道). */
export type PriorityReason = 'elderly' | 'disabled' | 'pregnant' | 'seriously-ill' | 'other';

/** Where a ticket is, as staff see it (residents see `serving` as `called`). */
export type TicketStage = 'waiting' | 'called' | 'serving' | 'served' | 'missed';

interface TicketState {
  number: string;
  seq: number;
  categoryId: string;
  stage: TicketStage;
  issuedAt: Date;
  /** The first call (what residents are shown), and the latest one (a recall). */
  calledAt: Date | null;
  lastCalledAt: Date | null;
  startedAt: Date | null;
  window: WindowDef | null;
  online: boolean;
  priority: PriorityReason | null;
  recalls: number;
  /** A ticket transferred to one window waits for that window only. */
  forWindow: string | null;
  transferred: boolean;
  /** When and where it was marked missed (its grace for a recall runs from then). */
  missedAt: Date | null;
}

/** An online ticket's state as the database keeps it, written on every change and read back after a restart. */
export interface OnlineTicketState {
  day: string;
  number: string;
  categoryId: string;
  status: TicketStatus;
  issuedAt: Date;
  calledAt: Date | null;
  windowId: string | null;
}

/** Where a transferred ticket goes. */
export type TransferTarget = { categoryId: string } | { windowId: string };

/**
 * One change to a hall's queue, as the shared log keeps it (see shared-hall.ts): applied in order to the same state,
 * the same commands give every replica the same queue, numbers and versions. `call` (finish and call in one) and
 * `window` without `categoryIds` are the older forms, still read from logs written before the operator API.
 */
export type QueueCommand =
  | { op: 'roll'; day: string }
  | { op: 'open'; open: boolean; dayOver: boolean; staffed?: boolean }
  | { op: 'settle' }
  | { op: 'issue'; categoryId: string; at: string; online: boolean; priority?: PriorityReason; number?: string }
  | { op: 'call'; windowId: string; at: string; outcome: 'served' | 'missed' }
  | { op: 'window'; windowId: string; status: 'open' | 'paused' | 'closed'; categoryIds?: string[]; keep?: boolean; force?: boolean }
  | { op: 'next'; windowId: string; at: string }
  | { op: 'call-ticket'; windowId: string; number: string; at: string }
  | { op: 'recall'; windowId: string; at: string; number?: string }
  | { op: 'start'; windowId: string; at: string }
  | { op: 'end'; number: string; at: string; outcome: 'served' | 'missed' }
  | { op: 'transfer'; windowId: string; at: string; to: TransferTarget };

/** A category's measured service time: an exponentially weighted moving average and variance, in minutes. */
export interface ServiceStats {
  avg: number;
  variance: number;
  n: number;
}

/** A hall's whole queue as plain JSON: where a replica starts replaying the log from. */
export interface QueueState {
  version: number;
  updatedAt: string;
  open: boolean;
  day: string;
  counters: Record<string, number>;
  windows: { id: string; status: WindowView['status']; serving: string | null; categoryIds?: string[] }[];
  tickets: {
    number: string;
    seq: number;
    categoryId: string;
    status: TicketStatus;
    stage?: TicketStage;
    issuedAt: string;
    calledAt: string | null;
    lastCalledAt?: string | null;
    startedAt?: string | null;
    windowId: string | null;
    online: boolean;
    priority?: PriorityReason | null;
    recalls?: number;
    forWindow?: string | null;
    transferred?: boolean;
    missedAt?: string | null;
  }[];
  stats?: Record<string, ServiceStats>;
}

interface WindowState {
  def: WindowDef;
  status: WindowView['status'];
  /** The current ticket: called, or being served. */
  serving: TicketState | null;
  /** The categories it serves now (chosen when opened; its definition's by default). */
  categoryIds: string[];
}

/** What a window's console shows of the queue (OperatorWindow without the claim and the hall). */
export interface WindowDesk {
  window: WindowView;
  current: OperatorTicketView | null;
  waiting: OperatorWaiting[];
  next: OperatorTicketView[];
  missed: OperatorTicketView[];
}

/** Why the queue refused an operator action (the routes turn it into a localized problem). */
export type Refusal =
  | 'window-busy'
  | 'no-current-ticket'
  | 'window-not-open'
  | 'window-closed'
  | 'hall-closed'
  | 'not-recallable'
  | 'unknown-ticket'
  | 'unknown-category'
  | 'unknown-window';

/** What an operator action did: the ticket it concerned (or null), or why it did nothing. */
export type ActionOutcome = { ticket: TicketState | null } | { refused: Refusal };

/** A missed ticket may be brought back for this long after it was missed, */
export const MISSED_GRACE_MINUTES = 30;
/** and while it was recalled fewer times than this. */
export const MAX_RECALLS = 3;
/** Service times are measured between these bounds (minutes): a ticket left open over lunch says nothing. */
const MIN_MEASURED = 0.25;
const MAX_MEASURED = 120;
/** Below this many measured tickets the average is mostly the hall's prior, and the estimate is a wide range. */
export const MIN_SAMPLE = 5;

/** Residents see a ticket at the window (`serving`) as called; the finer stages are staff's. */
const statusOf = (stage: TicketStage): TicketStatus => (stage === 'serving' ? 'called' : stage);

/** Call order: priority tickets first, then by issue time (online ones at the time taken), then by number. */
function before(a: TicketState, b: TicketState): boolean {
  if (!!a.priority !== !!b.priority) return !!a.priority;
  if (a.issuedAt.getTime() !== b.issuedAt.getTime()) return a.issuedAt < b.issuedAt;
  return a.seq < b.seq;
}

function insertOrdered(list: TicketState[], t: TicketState): void {
  let i = list.length;
  while (i > 0 && before(t, list[i - 1]!)) i -= 1;
  list.splice(i, 0, t);
}

/** Ticket numbers are a prefix and three digits, so a category can issue at most 999 a day. */
export const MAX_TICKETS_PER_CATEGORY = 999;

/** Is the hall's day over at this instant (not a working day, or past closing time)? Not so in the lunch break. */
export function isDayOverAt(hall: HallDef, at: Date): boolean {
  const t = localTime(at);
  return !hall.weekdays.includes(t.weekday) || t.minutes >= parseClockTime(hall.hours.closes);
}

/** Is the hall serving at this instant (working day, inside hours, outside the lunch break)? */
export function isHallOpenAt(hall: HallDef, at: Date): boolean {
  const t = localTime(at);
  if (!hall.weekdays.includes(t.weekday)) return false;
  if (t.minutes < parseClockTime(hall.hours.opens) || t.minutes >= parseClockTime(hall.hours.closes)) return false;
  if (hall.hours.lunch) {
    const [from = '', to = ''] = hall.hours.lunch.split('-');
    if (t.minutes >= parseClockTime(from) && t.minutes < parseClockTime(to)) return false;
  }
  return true;
}

/**
 * The live state of one hall's queue. Mutations record what they touched; `commit()` turns that into one
 * HallPatch with the next version, so every change a client sees is a single patch.
 *
 * The operator actions (docs/decisions/060-hall-operations.md) are methods here, used alike by the operator API,
 * the ingest feed and the simulator: each one checks that it is possible, journals itself, and changes the queue,
 * or returns why not and changes nothing.
 */
export class HallQueue {
  readonly def: HallDef;
  version = 0;
  updatedAt: Date;
  open = false;
  day: string;
  private tickets = new Map<string, TicketState>();
  /** Per category, the tickets waiting in call order. */
  private waiting = new Map<string, TicketState[]>();
  /** Per window, the tickets transferred to it, in call order. */
  private waitingFor = new Map<string, TicketState[]>();
  private counters = new Map<string, number>();
  private stats = new Map<string, ServiceStats>();
  private windows: WindowState[];
  private touchedWindows = new Set<string>();
  private touchedCategories = new Set<string>();
  private calls: Call[] = [];
  private openChanged = false;
  /** Online tickets whose state changed since they were last handed to the database. */
  private changedOnline = new Set<TicketState>();
  /** The commands applied since the last commit, for the shared log. */
  private journal: QueueCommand[] = [];

  constructor(def: HallDef, now: Date) {
    this.def = def;
    this.updatedAt = now;
    this.day = localTime(now).date;
    this.windows = def.windows.map((w) => ({ def: w, status: 'closed', serving: null, categoryIds: [...w.categoryIds] }));
    for (const c of def.categories) {
      this.waiting.set(c.id, []);
      this.counters.set(c.id, 0);
    }
    for (const w of def.windows) this.waitingFor.set(w.id, []);
  }

  category(id: string): CategoryDef | undefined {
    return this.def.categories.find((c) => c.id === id);
  }

  get windowStates(): readonly WindowState[] {
    return this.windows;
  }

  private windowOf(id: string): WindowState | undefined {
    return this.windows.find((w) => w.def.id === id);
  }

  waitingCount(categoryId: string): number {
    return this.waiting.get(categoryId)?.length ?? 0;
  }

  /** The measured service time of a category (the hall's prior until tickets are served). */
  serviceStats(categoryId: string): ServiceStats {
    const known = this.stats.get(categoryId);
    if (known) return known;
    const prior = this.category(categoryId)?.avgServiceMinutes ?? 10;
    return { avg: prior, variance: (prior / 2) ** 2, n: 0 };
  }

  // ------------------------------------------------------------------ the day

  /** Starts a new service day: yesterday's tickets are gone and numbering restarts; service times are kept. */
  rollDay(date: string): void {
    this.journal.push({ op: 'roll', day: date });
    this.day = date;
    this.tickets.clear();
    this.changedOnline.clear();
    for (const c of this.def.categories) {
      this.waiting.set(c.id, []);
      this.counters.set(c.id, 0);
      this.touchedCategories.add(c.id);
    }
    for (const w of this.def.windows) this.waitingFor.set(w.id, []);
    for (const w of this.windows) {
      if (w.serving) this.touch(w);
      w.serving = null;
    }
  }

  /**
   * Opens or closes the hall. `dayOver` says the hall closes for the day (not for its lunch break): whoever
   * still waits then is served before the staff leave; over lunch they keep their place in line. In a simulated
   * hall every window opens with the hall; in a `staffed` one each window stays closed until its staff open it.
   */
  setOpen(open: boolean, dayOver = true, staffed = false): void {
    if (this.open === open) return;
    this.journal.push({ op: 'open', open, dayOver, ...(staffed ? { staffed } : {}) });
    this.open = open;
    this.openChanged = true;
    for (const w of this.windows) {
      if (open && staffed) continue;
      this.settle(w);
      w.status = open ? 'open' : 'closed';
      if (!open) w.categoryIds = [...w.def.categoryIds];
      this.touch(w);
    }
    if (!open && dayOver) this.serveEveryone();
  }

  /** Has anyone still a place in line or at a window (what the end of the day settles)? */
  get hasOpenTickets(): boolean {
    return [...this.waiting.values(), ...this.waitingFor.values()].some((list) => list.length > 0) || this.windows.some((w) => w.serving);
  }

  /**
   * The day is over for a hall that was already closed (over lunch, say, with nobody running the queue at closing
   * time): whoever still waits or stands at a window was served before the staff left.
   */
  settleDay(): void {
    if (!this.hasOpenTickets) return;
    this.journal.push({ op: 'settle' });
    for (const w of this.windows) this.settle(w);
    this.serveEveryone();
  }

  private serveEveryone(): void {
    for (const [categoryId, list] of this.waiting) {
      for (const t of list) this.setStage(t, 'served');
      if (list.length) this.touchedCategories.add(categoryId);
      this.waiting.set(categoryId, []);
    }
    for (const [windowId, list] of this.waitingFor) {
      for (const t of list) {
        this.setStage(t, 'served');
        this.touchedCategories.add(t.categoryId);
      }
      this.waitingFor.set(windowId, []);
    }
  }

  /** A window's current ticket counts as served, without a measured time (the hall closed, the old pause). */
  private settle(w: WindowState): void {
    if (!w.serving) return;
    this.setStage(w.serving, 'served');
    w.serving = null;
    this.touch(w);
  }

  /**
   * Puts today's online tickets back as the database has them, after a restart: waiting ones in line with their
   * own issue times, a called one at its window. What happened while the server was down is settled as the day
   * would have settled it: a called ticket whose window is closed now was served, and when the day is over, so
   * was everyone still waiting. Nothing is called here, so no call time can precede an issue time.
   */
  restore(tickets: readonly OnlineTicketState[], dayOver: boolean): void {
    for (const r of tickets) {
      const seq = Number(r.number.slice(1));
      if (r.day !== this.day || !this.category(r.categoryId) || !Number.isInteger(seq)) continue;
      const w = r.windowId ? this.windowOf(r.windowId) : undefined;
      const t = this.newTicket(r.number, seq, r.categoryId, r.issuedAt, true, null);
      t.stage = r.status;
      t.calledAt = r.calledAt;
      t.lastCalledAt = r.calledAt;
      t.window = w?.def ?? null;
      this.tickets.set(t.number, t);
      if (seq > (this.counters.get(t.categoryId) ?? 0)) this.counters.set(t.categoryId, seq);
      if (t.stage === 'waiting') {
        if (dayOver) this.setStage(t, 'served');
        else insertOrdered(this.waiting.get(t.categoryId)!, t);
      } else if (t.stage === 'called') {
        if (w && w.status === 'open' && !w.serving) {
          w.serving = t;
          this.touch(w);
        } else this.setStage(t, 'served');
      }
      this.touchedCategories.add(t.categoryId);
    }
  }

  /** Has the day any tickets yet (restored ones included)? */
  get hasTickets(): boolean {
    return this.tickets.size > 0;
  }

  /** The online tickets that changed since the last call, for the database. */
  drainOnlineChanges(): OnlineTicketState[] {
    const out = [...this.changedOnline].map((t) => ({
      day: this.day,
      number: t.number,
      categoryId: t.categoryId,
      status: statusOf(t.stage),
      issuedAt: t.issuedAt,
      calledAt: t.calledAt,
      windowId: t.window?.id ?? null,
    }));
    this.changedOnline.clear();
    return out;
  }

  private setStage(t: TicketState, stage: TicketStage): void {
    t.stage = stage;
    if (t.online) this.changedOnline.add(t);
  }

  private newTicket(number: string, seq: number, categoryId: string, at: Date, online: boolean, priority: PriorityReason | null): TicketState {
    return {
      number,
      seq,
      categoryId,
      stage: 'waiting',
      issuedAt: at,
      calledAt: null,
      lastCalledAt: null,
      startedAt: null,
      window: null,
      online,
      priority,
      recalls: 0,
      forWindow: null,
      transferred: false,
      missedAt: null,
    };
  }

  // ------------------------------------------------------------------ tickets

  /** The next number of a category, or null when the day's numbers are used up. */
  private nextNumber(categoryId: string): { number: string; seq: number } | null {
    const c = this.category(categoryId);
    const seq = (this.counters.get(categoryId) ?? 0) + 1;
    if (!c || seq > MAX_TICKETS_PER_CATEGORY) return null;
    this.counters.set(categoryId, seq);
    return { number: `${c.prefix}${String(seq).padStart(3, '0')}`, seq };
  }

  /**
   * Issues the next ticket of a category (at the kiosk, or online), in its category's line, or null when the day's
   * numbers are used up. Kiosk and online tickets share one sequence. A hall's own queuing system (ingest) gives
   * the `number` it printed; null if the queue has it already.
   */
  issue(categoryId: string, at: Date, online: boolean, priority: PriorityReason | null = null, number?: string): TicketState | null {
    let next: { number: string; seq: number } | null;
    if (number !== undefined) {
      const seq = Number(number.slice(1));
      if (this.tickets.has(number) || !this.category(categoryId) || !Number.isInteger(seq)) return null;
      if (seq > (this.counters.get(categoryId) ?? 0)) this.counters.set(categoryId, seq);
      next = { number, seq };
    } else next = this.nextNumber(categoryId);
    if (!next) return null;
    this.journal.push({ op: 'issue', categoryId, at: at.toISOString(), online, ...(priority ? { priority } : {}), ...(number !== undefined ? { number } : {}) });
    const ticket = this.newTicket(next.number, next.seq, categoryId, at, online, priority);
    this.tickets.set(ticket.number, ticket);
    insertOrdered(this.waiting.get(categoryId)!, ticket);
    this.touchedCategories.add(categoryId);
    return ticket;
  }

  issueWalkIn(categoryId: string, at: Date, priority: PriorityReason | null = null): TicketState | null {
    return this.issue(categoryId, at, false, priority);
  }

  /** Takes a waiting ticket out of whichever line holds it. */
  private unqueue(t: TicketState): void {
    const list = t.forWindow ? this.waitingFor.get(t.forWindow) : this.waiting.get(t.categoryId);
    const i = list?.indexOf(t) ?? -1;
    if (i >= 0) list!.splice(i, 1);
    this.touchedCategories.add(t.categoryId);
  }

  /** The tickets a window would call, in order (at most `limit`). */
  nextFor(windowId: string, limit: number): TicketState[] {
    const w = this.windowOf(windowId);
    if (!w) return [];
    const lists = [this.waitingFor.get(windowId) ?? [], ...w.categoryIds.map((id) => this.waiting.get(id) ?? [])];
    const pos = lists.map(() => 0);
    const out: TicketState[] = [];
    while (out.length < limit) {
      let best = -1;
      for (let i = 0; i < lists.length; i += 1) {
        const t = lists[i]![pos[i]!];
        if (t && (best < 0 || before(t, lists[best]![pos[best]!]!))) best = i;
      }
      if (best < 0) break;
      out.push(lists[best]![pos[best]!]!);
      pos[best]! += 1;
    }
    return out;
  }

  /** Makes a ticket the window's current one, called now (and announced on the board). */
  private callTo(w: WindowState, t: TicketState, at: Date): void {
    t.calledAt ??= at;
    t.lastCalledAt = at;
    t.startedAt = null;
    t.window = w.def;
    t.forWindow = null;
    t.missedAt = null;
    this.setStage(t, 'called');
    w.serving = t;
    this.touch(w);
    this.touchedCategories.add(t.categoryId);
    this.calls.push({ ticket: t.number, windowId: w.def.id, windowLabel: w.def.label, at: isoLocal(at) });
  }

  /** Ends a window's current ticket as served (measured: from the start of service, else from the call) or missed. */
  private end(w: WindowState, at: Date, outcome: 'served' | 'missed'): TicketState | null {
    const t = w.serving;
    if (!t) return null;
    if (outcome === 'served') this.measure(t, at);
    else t.missedAt = at;
    this.setStage(t, outcome);
    w.serving = null;
    this.touch(w);
    return t;
  }

  /** Adds a served ticket's service time to its category's moving average (see 063-honest-estimates.md). */
  private measure(t: TicketState, at: Date): void {
    const from = t.startedAt ?? t.lastCalledAt;
    if (!from) return;
    const minutes = (at.getTime() - from.getTime()) / 60_000;
    if (!(minutes >= MIN_MEASURED && minutes <= MAX_MEASURED)) return;
    const s = this.serviceStats(t.categoryId);
    // The prior counts as about one ticket; then each new one weighs at least a fifth.
    const alpha = Math.max(0.2, 1 / (s.n + 2));
    const diff = minutes - s.avg;
    const avg = s.avg + alpha * diff;
    const variance = (1 - alpha) * (s.variance + alpha * diff * diff);
    this.stats.set(t.categoryId, { avg, variance, n: s.n + 1 });
    this.touchedCategories.add(t.categoryId);
  }

  /** 叫号: the window calls its next ticket; it must be open and have no current ticket. */
  next(windowId: string, at: Date): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (w.status !== 'open') return { refused: 'window-not-open' };
    if (w.serving) return { refused: 'window-busy' };
    const head = this.nextFor(windowId, 1)[0];
    if (!head) return { ticket: null };
    this.journal.push({ op: 'next', windowId, at: at.toISOString() });
    this.unqueue(head);
    this.callTo(w, head, at);
    return { ticket: head };
  }

  /**
   * The older 叫号 in one step (the first staff API, old logs): the window finishes its current ticket with
   * `outcome` and calls the next one. True if anything changed.
   */
  callNext(windowId: string, at: Date, outcome: 'served' | 'missed' = 'served'): boolean {
    const w = this.windowOf(windowId);
    if (!w || w.status !== 'open') return false;
    this.journal.push({ op: 'call', windowId, at: at.toISOString(), outcome });
    const had = this.end(w, at, outcome) !== null;
    const head = this.nextFor(windowId, 1)[0];
    if (head) {
      this.unqueue(head);
      this.callTo(w, head, at);
    }
    return had || head !== undefined;
  }

  /**
   * A hall's own system (ingest) calls a given ticket to a window: what the window had current is served, a window
   * not open is opened (the vendor's system is the truth), and the ticket leaves its line (or comes back, missed).
   */
  callTicket(windowId: string, number: string, at: Date): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    const t = this.tickets.get(number);
    if (!t) return { refused: 'unknown-ticket' };
    if (w.serving !== t && (t.stage === 'served' || t.stage === 'called' || t.stage === 'serving')) return { refused: 'not-recallable' };
    this.journal.push({ op: 'call-ticket', windowId, number, at: at.toISOString() });
    if (w.serving === t) {
      // Called again (重呼), however often the hall's system does so.
      t.recalls += 1;
      this.callTo(w, t, at);
      return { ticket: t };
    }
    if (w.status !== 'open') {
      w.status = 'open';
      this.touch(w);
    }
    this.end(w, at, 'served');
    if (t.stage === 'waiting') this.unqueue(t);
    else t.recalls += 1;
    this.callTo(w, t, at);
    return { ticket: t };
  }

  /**
   * 重呼: without `number`, the current (called) ticket is announced again; with it, a ticket this window marked
   * missed comes back as the current one, within its grace (MISSED_GRACE_MINUTES, MAX_RECALLS).
   */
  recall(windowId: string, at: Date, number?: string): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (w.status !== 'open') return { refused: 'window-not-open' };
    let t: TicketState;
    if (number === undefined) {
      if (!w.serving) return { refused: 'no-current-ticket' };
      t = w.serving;
      if (t.stage !== 'called') return { refused: 'not-recallable' };
    } else {
      const found = this.tickets.get(number);
      if (!found) return { refused: 'unknown-ticket' };
      if (w.serving && w.serving !== found) return { refused: 'window-busy' };
      if (w.serving === found) return this.recall(windowId, at);
      t = found;
      if (!this.recallable(t, w, at)) return { refused: 'not-recallable' };
    }
    if (t.recalls >= MAX_RECALLS && number === undefined) return { refused: 'not-recallable' };
    this.journal.push({ op: 'recall', windowId, at: at.toISOString(), ...(number !== undefined ? { number } : {}) });
    t.recalls += 1;
    this.callTo(w, t, at);
    return { ticket: t };
  }

  /** May this missed ticket still be brought back to this window? */
  recallable(t: TicketState, w: WindowState, at: Date): boolean {
    return (
      t.stage === 'missed' &&
      t.window?.id === w.def.id &&
      t.missedAt !== null &&
      at.getTime() - t.missedAt.getTime() <= MISSED_GRACE_MINUTES * 60_000 &&
      t.recalls < MAX_RECALLS
    );
  }

  /** 开始办理: the called resident is at the window. */
  start(windowId: string, at: Date): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (!w.serving) return { refused: 'no-current-ticket' };
    const t = w.serving;
    if (t.stage === 'serving') return { ticket: t };
    this.journal.push({ op: 'start', windowId, at: at.toISOString() });
    t.startedAt = at;
    this.setStage(t, 'serving');
    this.touch(w);
    return { ticket: t };
  }

  /** 办结 (`served`) or 过号 (`missed`) of the window's current ticket. */
  finish(windowId: string, at: Date, outcome: 'served' | 'missed'): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (!w.serving) return { refused: 'no-current-ticket' };
    return this.endTicket(w.serving.number, at, outcome);
  }

  /**
   * Ends a ticket by its number wherever it is (ingest: the vendor's system says it was served or missed): at a
   * window, or still in line (served without a call the feed saw).
   */
  endTicket(number: string, at: Date, outcome: 'served' | 'missed'): ActionOutcome {
    const t = this.tickets.get(number);
    if (!t) return { refused: 'unknown-ticket' };
    if (t.stage === 'served' || t.stage === 'missed') return { refused: 'no-current-ticket' };
    this.journal.push({ op: 'end', number, at: at.toISOString(), outcome });
    const w = this.windows.find((x) => x.serving === t);
    if (w) this.end(w, at, outcome);
    else {
      this.unqueue(t);
      if (outcome === 'missed') t.missedAt = at;
      this.setStage(t, outcome);
    }
    return { ticket: t };
  }

  /**
   * 转移: the window's current ticket waits again, keeping its number, priority and issue time, in another
   * category's line or for one window; the window is then free.
   */
  transfer(windowId: string, at: Date, to: TransferTarget): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (!w.serving) return { refused: 'no-current-ticket' };
    if ('categoryId' in to && !this.category(to.categoryId)) return { refused: 'unknown-category' };
    if ('windowId' in to && (!this.windowOf(to.windowId) || to.windowId === windowId)) return { refused: 'unknown-window' };
    this.journal.push({ op: 'transfer', windowId, at: at.toISOString(), to });
    const t = w.serving;
    w.serving = null;
    this.touch(w);
    this.touchedCategories.add(t.categoryId);
    t.transferred = true;
    t.startedAt = null;
    t.window = null;
    this.setStage(t, 'waiting');
    if ('categoryId' in to) {
      t.categoryId = to.categoryId;
      insertOrdered(this.waiting.get(to.categoryId)!, t);
    } else {
      t.forWindow = to.windowId;
      insertOrdered(this.waitingFor.get(to.windowId)!, t);
    }
    this.touchedCategories.add(t.categoryId);
    return { ticket: t };
  }

  // ------------------------------------------------------------------ windows

  /**
   * Opens (serving `categoryIds`, default its definition's), pauses or closes a window. Pausing keeps the current
   * ticket (the console shows it); closing needs none. `settleCurrent` is the older pause, which finished it (and
   * the ingest feed's close); `evenIfHallClosed` is the ingest feed's, whose windows open a little before the hours.
   */
  setWindow(
    windowId: string,
    status: 'open' | 'paused' | 'closed',
    categoryIds?: readonly string[],
    settleCurrent = false,
    evenIfHallClosed = false,
  ): ActionOutcome {
    const w = this.windowOf(windowId);
    if (!w) return { refused: 'unknown-window' };
    if (!this.open && status !== 'closed' && !evenIfHallClosed) return { refused: 'hall-closed' };
    if (categoryIds && !categoryIds.every((id) => this.category(id))) return { refused: 'unknown-category' };
    if (status === 'closed' && w.serving && !settleCurrent) return { refused: 'window-busy' };
    if (status === 'paused' && w.status === 'closed') return { refused: 'window-not-open' };
    const serves = status === 'open' ? [...(categoryIds ?? (w.status === 'open' ? w.categoryIds : w.def.categoryIds))] : w.categoryIds;
    if (w.status === status && serves.join() === w.categoryIds.join()) return { ticket: w.serving };
    this.journal.push({
      op: 'window',
      windowId,
      status,
      ...(categoryIds ? { categoryIds: [...categoryIds] } : {}),
      ...(settleCurrent ? {} : { keep: true }),
      ...(evenIfHallClosed ? { force: true } : {}),
    });
    if (settleCurrent) this.settle(w);
    for (const id of w.categoryIds) this.touchedCategories.add(id);
    w.status = status;
    w.categoryIds = status === 'closed' ? [...w.def.categoryIds] : serves;
    this.touch(w);
    return { ticket: w.serving };
  }

  /** The first staff API's pause and reopen (a pause finishes the current ticket). True if it changed anything. */
  setWindowStatus(windowId: string, status: 'open' | 'paused'): boolean {
    const w = this.windowOf(windowId);
    if (!w || w.status === status || w.status === 'closed') return false;
    const before = this.journal.length;
    this.setWindow(windowId, status, undefined, status === 'paused');
    return this.journal.length > before;
  }

  private touch(w: WindowState): void {
    this.touchedWindows.add(w.def.id);
    // A window opening, pausing or closing changes the estimates of the categories it serves.
    for (const id of w.categoryIds) this.touchedCategories.add(id);
  }

  /** Forgets recorded changes without publishing them (used while warming up before anyone listens). */
  discardChanges(): void {
    this.touchedWindows.clear();
    this.touchedCategories.clear();
    this.calls = [];
    this.openChanged = false;
    this.journal = [];
  }

  /** The commands applied since the last commit (commit() forgets them). */
  get pendingCommands(): readonly QueueCommand[] {
    return this.journal;
  }

  /** Marks the whole hall as changed, so that the next patch carries every window and category and the open state. */
  touchAll(): void {
    this.openChanged = true;
    for (const w of this.windows) this.touchedWindows.add(w.def.id);
    for (const c of this.def.categories) this.touchedCategories.add(c.id);
  }

  /** Applies a command from the shared log, as the replica that wrote it applied it. */
  apply(command: QueueCommand): void {
    switch (command.op) {
      case 'roll':
        return this.rollDay(command.day);
      case 'open':
        return this.setOpen(command.open, command.dayOver, command.staffed);
      case 'settle':
        return this.settleDay();
      case 'issue':
        this.issue(command.categoryId, new Date(command.at), command.online, command.priority ?? null, command.number);
        return;
      case 'call':
        this.callNext(command.windowId, new Date(command.at), command.outcome);
        return;
      case 'window':
        this.setWindow(command.windowId, command.status, command.categoryIds, !command.keep, command.force);
        return;
      case 'next':
        this.next(command.windowId, new Date(command.at));
        return;
      case 'call-ticket':
        this.callTicket(command.windowId, command.number, new Date(command.at));
        return;
      case 'recall':
        this.recall(command.windowId, new Date(command.at), command.number);
        return;
      case 'start':
        this.start(command.windowId, new Date(command.at));
        return;
      case 'end':
        this.endTicket(command.number, new Date(command.at), command.outcome);
        return;
      case 'transfer':
        this.transfer(command.windowId, new Date(command.at), command.to);
        return;
    }
  }

  /** The whole queue as plain JSON (see QueueState). */
  toState(): QueueState {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      version: this.version,
      updatedAt: this.updatedAt.toISOString(),
      open: this.open,
      day: this.day,
      counters: Object.fromEntries(this.counters),
      windows: this.windows.map((w) => ({ id: w.def.id, status: w.status, serving: w.serving?.number ?? null, categoryIds: [...w.categoryIds] })),
      tickets: [...this.tickets.values()].map((t) => ({
        number: t.number,
        seq: t.seq,
        categoryId: t.categoryId,
        status: statusOf(t.stage),
        stage: t.stage,
        issuedAt: t.issuedAt.toISOString(),
        calledAt: iso(t.calledAt),
        lastCalledAt: iso(t.lastCalledAt),
        startedAt: iso(t.startedAt),
        windowId: t.window?.id ?? null,
        online: t.online,
        priority: t.priority,
        recalls: t.recalls,
        forWindow: t.forWindow,
        transferred: t.transferred,
        missedAt: iso(t.missedAt),
      })),
      stats: Object.fromEntries(this.stats),
    };
  }

  /** A queue as a state left it (with nothing pending to publish); states written before the operator API too. */
  static fromState(def: HallDef, state: QueueState): HallQueue {
    const queue = new HallQueue(def, new Date(state.updatedAt));
    queue.version = state.version;
    queue.open = state.open;
    queue.day = state.day;
    const date = (s: string | null | undefined) => (s ? new Date(s) : null);
    for (const [id, n] of Object.entries(state.counters)) queue.counters.set(id, n);
    for (const [id, s] of Object.entries(state.stats ?? {})) queue.stats.set(id, s);
    const windowDefs = new Map(def.windows.map((w) => [w.id, w]));
    for (const t of state.tickets) {
      if (!queue.category(t.categoryId)) continue;
      queue.tickets.set(t.number, {
        number: t.number,
        seq: t.seq,
        categoryId: t.categoryId,
        stage: t.stage ?? t.status,
        issuedAt: new Date(t.issuedAt),
        calledAt: date(t.calledAt),
        lastCalledAt: date(t.lastCalledAt === undefined ? t.calledAt : t.lastCalledAt),
        startedAt: date(t.startedAt),
        window: (t.windowId && windowDefs.get(t.windowId)) || null,
        online: t.online,
        priority: t.priority ?? null,
        recalls: t.recalls ?? 0,
        forWindow: t.forWindow && windowDefs.has(t.forWindow) ? t.forWindow : null,
        transferred: t.transferred ?? false,
        missedAt: date(t.missedAt),
      });
    }
    for (const t of queue.tickets.values()) {
      if (t.stage !== 'waiting') continue;
      insertOrdered(t.forWindow ? queue.waitingFor.get(t.forWindow)! : queue.waiting.get(t.categoryId)!, t);
    }
    for (const w of queue.windows) {
      const saved = state.windows.find((x) => x.id === w.def.id);
      if (!saved) continue;
      w.status = saved.status;
      w.serving = saved.serving ? (queue.tickets.get(saved.serving) ?? null) : null;
      if (saved.categoryIds) w.categoryIds = saved.categoryIds.filter((id) => queue.category(id));
    }
    return queue;
  }

  /** Will commit() make a new version (has anything changed since the last one)? */
  get changed(): boolean {
    return this.openChanged || this.touchedWindows.size > 0 || this.touchedCategories.size > 0 || this.calls.length > 0;
  }

  /** Turns the changes since the last commit into one patch, or null if nothing changed. */
  commit(at: Date): HallPatch | null {
    if (!this.changed) return null;
    this.version += 1;
    this.updatedAt = at;
    const patch: HallPatch = { version: this.version, updatedAt: isoLocal(at) };
    if (this.openChanged) patch.open = this.open;
    if (this.touchedWindows.size) {
      patch.windows = this.windows.filter((w) => this.touchedWindows.has(w.def.id)).map((w) => this.windowView(w));
    }
    if (this.touchedCategories.size) {
      patch.categories = this.def.categories.filter((c) => this.touchedCategories.has(c.id)).map((c) => this.categoryView(c));
    }
    if (this.calls.length) patch.calls = this.calls;
    this.discardChanges();
    return patch;
  }

  // ------------------------------------------------------------------ views

  private windowView(w: WindowState): WindowView {
    return { id: w.def.id, label: w.def.label, status: w.status, serving: w.serving?.number ?? null, categoryIds: [...w.categoryIds] };
  }

  /** Open windows that serve a category; at least one, so an estimate never divides by zero. */
  private servingWindows(categoryId: string): number {
    return Math.max(1, this.windows.filter((w) => w.status === 'open' && w.categoryIds.includes(categoryId)).length);
  }

  /**
   * The wait of someone with `ahead` tickets before them, from the category's measured service time: a point
   * estimate, and a range when it is uncertain (see docs/decisions/063-honest-estimates.md).
   */
  estimate(ahead: number, categoryId: string): { minutes: number; range?: { low: number; high: number } } {
    const s = this.serviceStats(categoryId);
    const windows = this.servingWindows(categoryId);
    const exact = (ahead * s.avg) / windows;
    const minutes = Math.ceil(exact);
    if (ahead === 0) return { minutes };
    const cv = Math.sqrt(s.variance) / Math.max(s.avg, 0.1);
    // How unsure the average itself is (mostly the prior, or measured from n tickets), and how much a sum of
    // `ahead` service times varies around it.
    const ofMean = s.n < MIN_SAMPLE ? 0.4 : cv / Math.sqrt(s.n);
    const ofSum = cv / Math.sqrt(ahead);
    const spread = Math.min(0.8, Math.sqrt(ofMean * ofMean + ofSum * ofSum));
    const low = Math.max(0, Math.floor(exact * (1 - spread)));
    const high = Math.ceil(exact * (1 + spread));
    return spread >= 0.2 && high - low >= 2 ? { minutes, range: { low, high } } : { minutes };
  }

  categoryView(c: CategoryDef): CategoryView {
    const waiting = this.waitingCount(c.id);
    const s = this.serviceStats(c.id);
    const e = this.estimate(waiting, c.id);
    return {
      id: c.id,
      name: c.name,
      prefix: c.prefix,
      waiting,
      avgServiceMinutes: Math.round(s.avg * 10) / 10,
      estimatedWaitMinutes: e.minutes,
      ...(e.range ? { estimatedWaitRange: e.range } : {}),
      serviceSample: s.n,
    };
  }

  snapshot(): HallSnapshot {
    const { opens, closes, lunch, note } = this.def.hours;
    return {
      hallId: this.def.id,
      name: this.def.name,
      open: this.open,
      hours: { opens, closes, lunch, note },
      windows: this.windows.map((w) => this.windowView(w)),
      categories: this.def.categories.map((c) => this.categoryView(c)),
      version: this.version,
      updatedAt: isoLocal(this.updatedAt),
    };
  }

  /** The tickets before this one in its line (its category's, or its window's after a transfer there). */
  private aheadOf(t: TicketState): number {
    if (t.stage !== 'waiting') return 0;
    const list = t.forWindow ? this.waitingFor.get(t.forWindow) : this.waiting.get(t.categoryId);
    return Math.max(0, list?.indexOf(t) ?? 0);
  }

  ticket(number: string): TicketView | null {
    const t = this.tickets.get(number);
    if (!t) return null;
    const ahead = this.aheadOf(t);
    const e = t.stage === 'waiting' ? this.estimate(ahead, t.categoryId) : { minutes: 0 };
    return {
      number: t.number,
      hallId: this.def.id,
      categoryId: t.categoryId,
      status: statusOf(t.stage),
      ahead,
      estimatedWaitMinutes: e.minutes,
      ...(e.range ? { estimatedWaitRange: e.range } : {}),
      window: t.window ? { id: t.window.id, label: t.window.label } : null,
      issuedAt: isoLocal(t.issuedAt),
      calledAt: t.calledAt ? isoLocal(t.calledAt) : null,
      online: t.online,
      priority: t.priority !== null,
    };
  }

  /** A ticket as staff see it (operator API). */
  operatorTicket(number: string): OperatorTicketView | null {
    const t = this.tickets.get(number);
    if (!t) return null;
    return {
      number: t.number,
      categoryId: t.categoryId,
      stage: t.stage,
      priority: t.priority,
      issuedAt: isoLocal(t.issuedAt),
      calledAt: t.lastCalledAt ? isoLocal(t.lastCalledAt) : null,
      startedAt: t.startedAt ? isoLocal(t.startedAt) : null,
      recalls: t.recalls,
      windowId: t.window?.id ?? null,
      forWindowId: t.forWindow,
      transferred: t.transferred,
      online: t.online,
    };
  }

  /** What a window's console shows of the queue: its current ticket, its lines, what it would call, its missed. */
  windowDesk(windowId: string, at: Date): WindowDesk | null {
    const w = this.windowOf(windowId);
    if (!w) return null;
    const view = (t: TicketState) => this.operatorTicket(t.number)!;
    const categoryIds = [...new Set([...w.categoryIds])];
    const forMe = this.waitingFor.get(windowId) ?? [];
    return {
      window: this.windowView(w),
      current: w.serving ? view(w.serving) : null,
      waiting: categoryIds.map((id) => {
        const list = [...(this.waiting.get(id) ?? []), ...forMe.filter((t) => t.categoryId === id)];
        return { categoryId: id, waiting: list.length, priority: list.filter((t) => t.priority).length };
      }),
      next: this.nextFor(windowId, 5).map(view),
      missed: [...this.tickets.values()]
        .filter((t) => this.recallable(t, w, at))
        .sort((a, b) => b.missedAt!.getTime() - a.missedAt!.getTime())
        .slice(0, 10)
        .map(view),
    };
  }

  /** When today's opening began, for warming the queue up to a plausible mid-day state. */
  openedAt(): Date {
    return instantAt(this.day, parseClockTime(this.def.hours.opens));
  }
}
