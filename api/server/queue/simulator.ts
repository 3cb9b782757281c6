import { localTime } from '../clock.ts';
import { draw, seedOf, type Draw } from '../hash.ts';
import { EventHub } from './event-hub.ts';
import { HallQueue, isDayOverAt, isHallOpenAt, type OnlineTicketState } from './hall-queue.ts';
import type { HallDef } from './halls.ts';
import type { HallPatch } from '../payloads.ts';

export interface SimulatorOptions {
  halls: HallDef[];
  now: () => Date;
  /** 1 = one event per hall every `stepMs` of real time; 4 = four times as often; 0 = paused (drive with tick()). */
  speed: number;
  seed: number;
  /** Keep every hall open whatever the clock says (demo and browser tests). */
  alwaysOpen: boolean;
  stepMs?: number;
  heartbeatMs?: number;
}

export interface Hall {
  queue: HallQueue;
  hub: EventHub;
  random: Draw;
}

/** Longest a warm-up runs, in simulated steps: enough for a busy late-morning state. */
const MAX_WARM_UP_STEPS = 240;

/**
 * Plays a day at the halls: walk-in tickets, windows calling the next ticket, no-shows, short pauses, and
 * opening and closing by the clock. Each step changes at most one thing per hall and publishes one patch.
 */
export class QueueSimulator {
  readonly halls = new Map<string, Hall>();
  /** Told of every change to an online ticket's state, so that the database keeps up (set by OnlineTickets). */
  onOnlineChanges: ((hall: Hall, changes: OnlineTicketState[]) => void) | undefined;
  private readonly options: SimulatorOptions;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: SimulatorOptions) {
    this.options = options;
    const now = options.now();
    for (const def of options.halls) {
      const queue = new HallQueue(def, now);
      const hub = new EventHub(() => queue.snapshot(), options.heartbeatMs);
      this.halls.set(def.id, { queue, hub, random: draw(seedOf(`${options.seed}:${def.id}`)) });
    }
  }

  hall(id: string): Hall | undefined {
    return this.halls.get(id);
  }

  isOpen(def: HallDef, at: Date): boolean {
    return this.options.alwaysOpen || isHallOpenAt(def, at);
  }

  /** Has the hall closed for the day (as opposed to its lunch break)? */
  isDayOver(def: HallDef, at: Date): boolean {
    return !this.options.alwaysOpen && isDayOverAt(def, at);
  }

  /**
   * Brings each hall to the state it would plausibly be in at this time of day, before anyone listens. A hall with
   * real tickets of today (online tickets kept in the database, `restored`) gets those back as they were, and no
   * invented history: the walk-ins and calls a warm-up makes up would come before tickets issued later, and
   * would call them before they existed.
   */
  warmUp(restored: ReadonlyMap<string, readonly OnlineTicketState[]> = new Map()): void {
    const now = this.options.now();
    for (const hall of this.halls.values()) {
      const { queue, random } = hall;
      queue.setOpen(this.isOpen(queue.def, now), this.isDayOver(queue.def, now));
      queue.restore(restored.get(queue.def.id) ?? [], this.isDayOver(queue.def, now));
      const changes = queue.drainOnlineChanges();
      if (changes.length) this.onOnlineChanges?.(hall, changes);
      if (queue.open && !queue.hasTickets) {
        const minutes = Math.max(0, (now.getTime() - queue.openedAt().getTime()) / 60_000);
        const steps = Math.min(MAX_WARM_UP_STEPS, Math.max(24, Math.floor(minutes * 2)));
        for (let i = 0; i < steps; i += 1) {
          this.act(queue, random, new Date(now.getTime() - (steps - i) * 30_000));
        }
      }
      queue.discardChanges();
      queue.version = 1;
      queue.updatedAt = now;
    }
  }

  start(): void {
    if (this.options.speed <= 0 || this.timer) return;
    const every = Math.max(50, (this.options.stepMs ?? 10_000) / this.options.speed);
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One simulation step for every hall (or one hall); returns the patches published. */
  tick(hallId?: string): HallPatch[] {
    const now = this.options.now();
    const patches: HallPatch[] = [];
    for (const [id, hall] of this.halls) {
      if (hallId && id !== hallId) continue;
      this.step(hall, now);
      const patch = this.publish(hall, now);
      if (patch) patches.push(patch);
    }
    return patches;
  }

  /** Commits a hall's pending changes as one patch and fans it out. */
  publish(hall: Hall, at: Date): HallPatch | null {
    const patch = hall.queue.commit(at);
    if (patch) hall.hub.publish(patch);
    const changes = hall.queue.drainOnlineChanges();
    if (changes.length) this.onOnlineChanges?.(hall, changes);
    return patch;
  }

  /** Keeps the service day and the open state in line with the clock; true if that was this step's change. */
  syncClock(queue: HallQueue, now: Date): boolean {
    const today = localTime(now).date;
    let changed = false;
    if (today !== queue.day) {
      queue.rollDay(today);
      changed = true;
    }
    const open = this.isOpen(queue.def, now);
    if (open !== queue.open) {
      queue.setOpen(open, this.isDayOver(queue.def, now));
      changed = true;
    }
    return changed;
  }

  private step(hall: Hall, now: Date): void {
    if (this.syncClock(hall.queue, now)) return;
    if (hall.queue.open) this.act(hall.queue, hall.random, now);
  }

  private act(queue: HallQueue, d: Draw, at: Date): void {
    const windows = queue.windowStates;
    const paused = windows.filter((w) => w.status === 'paused');
    const roll = d();
    if (roll < 0.03 && paused.length < 2) {
      const open = windows.filter((w) => w.status === 'open');
      if (open.length > 1 && queue.setWindowStatus(d.pick(open).def.id, 'paused')) return;
    }
    if (roll < 0.08 && paused.length > 0) {
      if (queue.setWindowStatus(d.pick(paused).def.id, 'open')) return;
    }
    if (roll < 0.5) {
      const category = d.weighted(queue.def.categories.map((c) => [c.id, c.weight] as const));
      // A long line discourages walk-ins; let the windows catch up instead.
      if (queue.waitingCount(category) < 30 && queue.issueWalkIn(category, at)) return;
    }
    const open = windows.filter((w) => w.status === 'open');
    for (let tries = 0; tries < 3 && open.length; tries += 1) {
      const w = d.pick(open);
      if (queue.callNext(w.def.id, at, d.chance(0.06) ? 'missed' : 'served')) return;
    }
    const category = d.weighted(queue.def.categories.map((c) => [c.id, c.weight] as const));
    queue.issueWalkIn(category, at);
  }

  close(): void {
    this.stop();
    for (const { hub } of this.halls.values()) hub.close();
  }
}
