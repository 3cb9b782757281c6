import { instantAt, isoLocal, localTime, parseClockTime } from '../clock.ts';
import type { CategoryDef, HallDef, WindowDef } from './halls.ts';
import type { Call, CategoryView, HallPatch, HallSnapshot, TicketStatus, TicketView, WindowView } from '../payloads.ts';

interface TicketState {
  number: string;
  seq: number;
  categoryId: string;
  status: TicketStatus;
  issuedAt: Date;
  calledAt: Date | null;
  window: WindowDef | null;
  online: boolean;
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

/**
 * One change to a hall's queue, as the shared log keeps it (see shared-hall.ts): applied in order to the same state,
 * the same commands give every replica the same queue, numbers and versions.
 */
export type QueueCommand =
  | { op: 'roll'; day: string }
  | { op: 'open'; open: boolean; dayOver: boolean }
  | { op: 'settle' }
  | { op: 'issue'; categoryId: string; at: string; online: boolean }
  | { op: 'call'; windowId: string; at: string; outcome: 'served' | 'missed' }
  | { op: 'window'; windowId: string; status: 'open' | 'paused' };

/** A hall's whole queue as plain JSON: where a replica starts replaying the log from. */
export interface QueueState {
  version: number;
  updatedAt: string;
  open: boolean;
  day: string;
  counters: Record<string, number>;
  windows: { id: string; status: WindowView['status']; serving: string | null }[];
  tickets: {
    number: string;
    seq: number;
    categoryId: string;
    status: TicketStatus;
    issuedAt: string;
    calledAt: string | null;
    windowId: string | null;
    online: boolean;
  }[];
}

interface WindowState {
  def: WindowDef;
  status: WindowView['status'];
  serving: TicketState | null;
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
 */
export class HallQueue {
  readonly def: HallDef;
  version = 0;
  updatedAt: Date;
  open = false;
  day: string;
  private tickets = new Map<string, TicketState>();
  private waiting = new Map<string, TicketState[]>();
  private counters = new Map<string, number>();
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
    this.windows = def.windows.map((w) => ({ def: w, status: 'closed', serving: null }));
    for (const c of def.categories) {
      this.waiting.set(c.id, []);
      this.counters.set(c.id, 0);
    }
  }

  category(id: string): CategoryDef | undefined {
    return this.def.categories.find((c) => c.id === id);
  }

  get windowStates(): readonly WindowState[] {
    return this.windows;
  }

  waitingCount(categoryId: string): number {
    return this.waiting.get(categoryId)?.length ?? 0;
  }

  // ------------------------------------------------------------------ mutations

  /** Starts a new service day: yesterday's tickets are gone and numbering restarts. */
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
    for (const w of this.windows) {
      if (w.serving) this.touch(w);
      w.serving = null;
    }
  }

  /**
   * Opens or closes the windows. `dayOver` says the hall closes for the day (not for its lunch break): whoever
   * still waits then is served before the staff leave; over lunch they keep their place in line.
   */
  setOpen(open: boolean, dayOver = true): void {
    if (this.open === open) return;
    this.journal.push({ op: 'open', open, dayOver });
    this.open = open;
    this.openChanged = true;
    for (const w of this.windows) {
      this.finish(w, 'served');
      w.status = open ? 'open' : 'closed';
      this.touch(w);
    }
    if (!open && dayOver) this.serveEveryone();
  }

  /** Has anyone still a place in line or at a window (what the end of the day settles)? */
  get hasOpenTickets(): boolean {
    return [...this.waiting.values()].some((list) => list.length > 0) || this.windows.some((w) => w.serving);
  }

  /**
   * The day is over for a hall that was already closed (over lunch, say, with nobody running the queue at closing
   * time): whoever still waits or stands at a window was served before the staff left.
   */
  settleDay(): void {
    if (!this.hasOpenTickets) return;
    this.journal.push({ op: 'settle' });
    for (const w of this.windows) this.finish(w, 'served');
    this.serveEveryone();
  }

  private serveEveryone(): void {
    for (const [categoryId, list] of this.waiting) {
      for (const t of list) this.setStatus(t, 'served');
      if (list.length) this.touchedCategories.add(categoryId);
      this.waiting.set(categoryId, []);
    }
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
      const w = r.windowId ? this.windows.find((x) => x.def.id === r.windowId) : undefined;
      const t: TicketState = {
        number: r.number,
        seq,
        categoryId: r.categoryId,
        status: r.status,
        issuedAt: r.issuedAt,
        calledAt: r.calledAt,
        window: w?.def ?? null,
        online: true,
      };
      this.tickets.set(t.number, t);
      if (seq > (this.counters.get(t.categoryId) ?? 0)) this.counters.set(t.categoryId, seq);
      if (t.status === 'waiting') {
        if (dayOver) this.setStatus(t, 'served');
        else this.waiting.get(t.categoryId)!.push(t);
      } else if (t.status === 'called') {
        if (w && w.status === 'open' && !w.serving) {
          w.serving = t;
          this.touch(w);
        } else this.setStatus(t, 'served');
      }
      this.touchedCategories.add(t.categoryId);
    }
    for (const list of this.waiting.values()) list.sort((a, b) => a.seq - b.seq);
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
      status: t.status,
      issuedAt: t.issuedAt,
      calledAt: t.calledAt,
      windowId: t.window?.id ?? null,
    }));
    this.changedOnline.clear();
    return out;
  }

  private setStatus(t: TicketState, status: TicketStatus): void {
    t.status = status;
    if (t.online) this.changedOnline.add(t);
  }

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
   * numbers are used up. Kiosk and online tickets share one sequence.
   */
  issue(categoryId: string, at: Date, online: boolean): TicketState | null {
    const next = this.nextNumber(categoryId);
    if (!next) return null;
    this.journal.push({ op: 'issue', categoryId, at: at.toISOString(), online });
    const ticket: TicketState = { number: next.number, seq: next.seq, categoryId, status: 'waiting', issuedAt: at, calledAt: null, window: null, online };
    this.tickets.set(ticket.number, ticket);
    this.waiting.get(categoryId)!.push(ticket);
    this.touchedCategories.add(categoryId);
    return ticket;
  }

  issueWalkIn(categoryId: string, at: Date): TicketState | null {
    return this.issue(categoryId, at, false);
  }

  /** The window finishes its current ticket and calls the longest-waiting one it serves. */
  callNext(windowId: string, at: Date, outcome: 'served' | 'missed' = 'served'): boolean {
    const w = this.windows.find((x) => x.def.id === windowId);
    if (!w || w.status !== 'open') return false;
    this.journal.push({ op: 'call', windowId, at: at.toISOString(), outcome });
    const hadTicket = this.finish(w, outcome);
    let head: TicketState | undefined;
    for (const id of w.def.categoryIds) {
      const candidate = this.waiting.get(id)?.[0];
      if (candidate && (!head || candidate.issuedAt < head.issuedAt)) head = candidate;
    }
    if (!head) {
      if (hadTicket) this.touch(w);
      return hadTicket;
    }
    this.waiting.get(head.categoryId)!.shift();
    head.calledAt = at;
    head.window = w.def;
    this.setStatus(head, 'called');
    w.serving = head;
    this.touch(w);
    this.touchedCategories.add(head.categoryId);
    this.calls.push({ ticket: head.number, windowId: w.def.id, windowLabel: w.def.label, at: isoLocal(at) });
    return true;
  }

  setWindowStatus(windowId: string, status: 'open' | 'paused'): boolean {
    const w = this.windows.find((x) => x.def.id === windowId);
    if (!w || w.status === status || w.status === 'closed') return false;
    this.journal.push({ op: 'window', windowId, status });
    if (status === 'paused') this.finish(w, 'served');
    w.status = status;
    this.touch(w);
    return true;
  }

  private finish(w: WindowState, outcome: 'served' | 'missed'): boolean {
    if (!w.serving) return false;
    this.setStatus(w.serving, outcome);
    w.serving = null;
    this.touch(w);
    return true;
  }

  private touch(w: WindowState): void {
    this.touchedWindows.add(w.def.id);
    // A window opening, pausing or closing changes the estimates of the categories it serves.
    for (const id of w.def.categoryIds) this.touchedCategories.add(id);
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
        return this.setOpen(command.open, command.dayOver);
      case 'settle':
        return this.settleDay();
      case 'issue':
        this.issue(command.categoryId, new Date(command.at), command.online);
        return;
      case 'call':
        this.callNext(command.windowId, new Date(command.at), command.outcome);
        return;
      case 'window':
        this.setWindowStatus(command.windowId, command.status);
        return;
    }
  }

  /** The whole queue as plain JSON (see QueueState). */
  toState(): QueueState {
    return {
      version: this.version,
      updatedAt: this.updatedAt.toISOString(),
      open: this.open,
      day: this.day,
      counters: Object.fromEntries(this.counters),
      windows: this.windows.map((w) => ({ id: w.def.id, status: w.status, serving: w.serving?.number ?? null })),
      tickets: [...this.tickets.values()].map((t) => ({
        number: t.number,
        seq: t.seq,
        categoryId: t.categoryId,
        status: t.status,
        issuedAt: t.issuedAt.toISOString(),
        calledAt: t.calledAt?.toISOString() ?? null,
        windowId: t.window?.id ?? null,
        online: t.online,
      })),
    };
  }

  /** A queue as a state left it (with nothing pending to publish). */
  static fromState(def: HallDef, state: QueueState): HallQueue {
    const queue = new HallQueue(def, new Date(state.updatedAt));
    queue.version = state.version;
    queue.open = state.open;
    queue.day = state.day;
    for (const [id, n] of Object.entries(state.counters)) queue.counters.set(id, n);
    const windowDefs = new Map(def.windows.map((w) => [w.id, w]));
    for (const t of state.tickets) {
      if (!queue.category(t.categoryId)) continue;
      queue.tickets.set(t.number, {
        number: t.number,
        seq: t.seq,
        categoryId: t.categoryId,
        status: t.status,
        issuedAt: new Date(t.issuedAt),
        calledAt: t.calledAt ? new Date(t.calledAt) : null,
        window: (t.windowId && windowDefs.get(t.windowId)) || null,
        online: t.online,
      });
    }
    const waiting = [...queue.tickets.values()].filter((t) => t.status === 'waiting').sort((a, b) => a.seq - b.seq);
    for (const t of waiting) queue.waiting.get(t.categoryId)!.push(t);
    for (const w of queue.windows) {
      const saved = state.windows.find((x) => x.id === w.def.id);
      if (!saved) continue;
      w.status = saved.status;
      w.serving = saved.serving ? (queue.tickets.get(saved.serving) ?? null) : null;
    }
    return queue;
  }

  /** Turns the changes since the last commit into one patch, or null if nothing changed. */
  commit(at: Date): HallPatch | null {
    if (!this.openChanged && !this.touchedWindows.size && !this.touchedCategories.size && !this.calls.length) return null;
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
    return { id: w.def.id, label: w.def.label, status: w.status, serving: w.serving?.number ?? null, categoryIds: [...w.def.categoryIds] };
  }

  /** Open windows that serve a category; at least one, so an estimate never divides by zero. */
  private servingWindows(categoryId: string): number {
    return Math.max(1, this.windows.filter((w) => w.status === 'open' && w.def.categoryIds.includes(categoryId)).length);
  }

  private estimate(ahead: number, c: CategoryDef): number {
    return Math.ceil((ahead * c.avgServiceMinutes) / this.servingWindows(c.id));
  }

  categoryView(c: CategoryDef): CategoryView {
    const waiting = this.waitingCount(c.id);
    return {
      id: c.id,
      name: c.name,
      prefix: c.prefix,
      waiting,
      avgServiceMinutes: c.avgServiceMinutes,
      estimatedWaitMinutes: this.estimate(waiting, c),
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

  ticket(number: string): TicketView | null {
    const t = this.tickets.get(number);
    if (!t) return null;
    const c = this.category(t.categoryId)!;
    const ahead = t.status === 'waiting' ? this.waiting.get(t.categoryId)!.indexOf(t) : 0;
    return {
      number: t.number,
      hallId: this.def.id,
      categoryId: t.categoryId,
      status: t.status,
      ahead: Math.max(0, ahead),
      estimatedWaitMinutes: t.status === 'waiting' ? this.estimate(Math.max(0, ahead), c) : 0,
      window: t.window ? { id: t.window.id, label: t.window.label } : null,
      issuedAt: isoLocal(t.issuedAt),
      calledAt: t.calledAt ? isoLocal(t.calledAt) : null,
      online: t.online,
    };
  }

  /** When today's opening began, for warming the queue up to a plausible mid-day state. */
  openedAt(): Date {
    return instantAt(this.day, parseClockTime(this.def.hours.opens));
  }
}
