import { localTime } from '../clock.ts';
import type { Db, Queryable } from '../db.ts';
import type { Draw } from '../hash.ts';
import type { HallPatch, OperatorActionInput } from '../payloads.ts';
import { isDayOverAt, isHallOpenAt, type HallQueue, type OnlineTicketState } from './hall-queue.ts';
import type { HallDef } from './halls.ts';
import { SharedHall, type HallClock, type QueueLogLimits } from './shared-hall.ts';
import { applyAction } from './operator-actions.ts';
import { heldWindows } from './window-leases.ts';
import { createLogger, type Logger } from '../log.ts';

export interface SimulatorOptions {
  halls: HallDef[];
  /** The database the halls' queues are shared through (see shared-hall.ts). */
  db: Db;
  now: () => Date;
  /** 1 = one event per hall every `stepMs` of real time; 4 = four times as often; 0 = paused (drive with tick()). */
  speed: number;
  seed: number;
  /** Keep every hall open whatever the clock says (demo and browser tests). */
  alwaysOpen: boolean;
  stepMs?: number;
  heartbeatMs?: number;
  log?: Logger;
  /** How much of each hall's log the database keeps (see shared-hall.ts). */
  queueLog?: Partial<QueueLogLimits>;
  /**
   * Halls run by their staff (or fed by their own queuing system) rather than simulated: no invented history, no
   * simulated steps, and windows stay closed until their staff open them.
   */
  staffed?: readonly string[];
}

/** A hall as the routes and the simulator see it: its shared queue, this process's event streams, its random draws. */
export type Hall = SharedHall;

/** Longest a warm-up runs, in simulated steps: enough for a busy late-morning state. */
const MAX_WARM_UP_STEPS = 240;

/**
 * Plays a day at the halls: walk-in tickets, windows calling the next ticket, no-shows, short pauses, and
 * opening and closing by the clock. Each step changes at most one thing per hall and publishes one patch.
 *
 * The simulator is one more client of the shared queue, like a window's staff: each step is a write to the hall's
 * log. Every replica runs one; a step's time slot is claimed in the hall's head row, so that however many replicas
 * run, the hall moves once per step.
 */
export class QueueSimulator implements HallClock {
  readonly halls = new Map<string, SharedHall>();
  private readonly options: SimulatorOptions;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stepping = false;
  /** Steps in flight, awaited by settled() and close(). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(options: SimulatorOptions) {
    this.options = options;
    const now = options.now();
    for (const def of options.halls) {
      this.halls.set(def.id, new SharedHall(def, options.db, this, { seed: options.seed, heartbeatMs: options.heartbeatMs, now, log: options.log, queueLog: options.queueLog }));
    }
  }

  hall(id: string): Hall | undefined {
    return this.halls.get(id);
  }

  /** Is the hall run by its staff (not simulated)? */
  isStaffed(def: HallDef): boolean {
    return this.options.staffed?.includes(def.id) ?? false;
  }

  isOpen(def: HallDef, at: Date): boolean {
    return this.options.alwaysOpen || isHallOpenAt(def, at);
  }

  /** Has the hall closed for the day (as opposed to its lunch break)? */
  isDayOver(def: HallDef, at: Date): boolean {
    return !this.options.alwaysOpen && isDayOverAt(def, at);
  }

  /**
   * Joins each hall's shared queue. The first replica ever makes the first state: online tickets of today that an
   * older server kept (`restored`) back as they were, and otherwise a plausible state for this time of day. The
   * first replica of a new day warms the hall up the same way. A hall with real tickets today gets no invented
   * history: the walk-ins and calls a warm-up makes up would come before tickets issued later, and would call
   * them before they existed.
   */
  async open(restored: (hallId: string, day: string, q: Queryable) => Promise<OnlineTicketState[]> = async () => []): Promise<void> {
    const now = this.options.now();
    for (const hall of this.halls.values()) {
      await hall.open(
        now,
        async (queue, tx) => {
          queue.setOpen(this.isOpen(queue.def, now), this.isDayOver(queue.def, now), this.isStaffed(queue.def));
          queue.restore(await restored(queue.def.id, queue.day, tx), this.isDayOver(queue.def, now));
          if (queue.open && !queue.hasTickets && !this.isStaffed(queue.def)) this.warmUp(queue, hall.random, now);
        },
        (queue) => {
          queue.rollDay(localTime(now).date);
          queue.setOpen(this.isOpen(queue.def, now), this.isDayOver(queue.def, now), this.isStaffed(queue.def));
          if (queue.open && !this.isStaffed(queue.def)) this.warmUp(queue, hall.random, now);
        },
      );
    }
  }

  private warmUp(queue: HallQueue, random: Draw, now: Date): void {
    const minutes = Math.max(0, (now.getTime() - queue.openedAt().getTime()) / 60_000);
    const steps = Math.min(MAX_WARM_UP_STEPS, Math.max(24, Math.floor(minutes * 2)));
    for (let i = 0; i < steps; i += 1) this.act(queue, random, new Date(now.getTime() - (steps - i) * 30_000));
  }

  start(): void {
    if (this.options.speed <= 0 || this.timer) return;
    const every = Math.max(50, (this.options.stepMs ?? 10_000) / this.options.speed);
    this.timer = setInterval(() => {
      if (this.stepping) return;
      this.stepping = true;
      const slot = Math.floor(Date.now() / every);
      const run = this.steps(undefined, slot)
        .catch((err: Error) => (this.options.log ?? createLogger({ level: 'warn' })).error({ err }, 'simulator: step failed'))
        .finally(() => {
          this.stepping = false;
          this.inFlight.delete(run);
        });
      this.inFlight.add(run);
    }, every);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One simulation step for every hall (or one hall); resolves to the patches published. */
  tick(hallId?: string): Promise<HallPatch[]> {
    const run = this.steps(hallId);
    this.inFlight.add(run);
    void run.then(
      () => this.inFlight.delete(run),
      () => this.inFlight.delete(run),
    );
    return run;
  }

  private async steps(hallId: string | undefined, slot?: number): Promise<HallPatch[]> {
    const patches: HallPatch[] = [];
    for (const [id, hall] of this.halls) {
      if (hallId && id !== hallId) continue;
      const patch = await this.step(hall, slot);
      if (patch) patches.push(patch);
    }
    return patches;
  }

  /**
   * One step of one hall: a timer's (`slot`: only if no replica took that slot, and not while a hall admin has the
   * simulator paused), or one asked for (`also` then runs in the step's transaction: its audit entry).
   */
  async step(hall: Hall, slot?: number, also?: (tx: Queryable) => Promise<void>): Promise<HallPatch | null> {
    const now = this.options.now();
    const { patch } = await hall.write(now, async (queue, tx, head) => {
      if (slot !== undefined) {
        // Another replica took this step already, or the hall's simulator is paused.
        if (head.simSlot >= slot || head.simPaused) return;
        await tx.query('UPDATE hall_heads SET sim_slot = $2 WHERE hall_id = $1', [hall.def.id, slot]);
      }
      await also?.(tx);
      // The clock's change (a new day, opening, closing) is this step's change.
      if (hall.applyClock(queue, now)) return;
      // A staffed hall is run by people; a window a console holds, by its staff.
      if (queue.open && !this.isStaffed(hall.def)) this.act(queue, hall.random, now, await heldWindows(tx, hall.def.id, now));
    });
    return patch;
  }

  /** Whether the simulator plays the hall on its own: it runs (speed above 0) and no hall admin paused it. */
  async running(hall: Hall, q: Queryable = this.options.db): Promise<boolean> {
    if (this.options.speed <= 0) return false;
    const { rows } = await q.query<{ sim_paused: boolean }>('SELECT sim_paused FROM hall_heads WHERE hall_id = $1', [hall.def.id]);
    return !rows[0]?.sim_paused;
  }

  /** Resolves once the steps started so far are written. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * One thing happens at the hall, through the same window actions a console takes (operator-actions.ts):
   * a window pauses or reopens, a resident takes a ticket, or a window moves its current ticket on — calls the
   * next one, starts serving the one who came, finishes, or marks a no-show. Windows a console holds are left alone.
   */
  private act(queue: HallQueue, d: Draw, at: Date, held: ReadonlySet<string> = new Set()): void {
    const windows = queue.windowStates.filter((w) => !held.has(w.def.id));
    const act = (windowId: string, input: OperatorActionInput) => {
      const before = queue.pendingCommands.length;
      applyAction(queue, windowId, input, at);
      return queue.pendingCommands.length > before;
    };
    const paused = windows.filter((w) => w.status === 'paused');
    const roll = d();
    if (roll < 0.03 && paused.length < 2) {
      const idle = windows.filter((w) => w.status === 'open' && !w.serving);
      if (idle.length > 1 && act(d.pick(idle).def.id, { action: 'pause' })) return;
    }
    if (roll < 0.08 && paused.length > 0) {
      if (act(d.pick(paused).def.id, { action: 'open' })) return;
    }
    if (roll < 0.4) {
      const category = d.weighted(queue.def.categories.map((c) => [c.id, c.weight] as const));
      // A long line discourages walk-ins; let the windows catch up instead. Some residents have priority.
      if (queue.waitingCount(category) < 30 && queue.issueWalkIn(category, at, d.chance(0.04) ? 'elderly' : null)) return;
    }
    const open = windows.filter((w) => w.status === 'open');
    for (let tries = 0; tries < 3 && open.length; tries += 1) {
      const w = d.pick(open);
      const current = w.serving;
      const step: OperatorActionInput['action'] = !current ? 'call-next' : current.stage === 'serving' ? 'finish' : d.chance(0.06) ? 'no-show' : 'start';
      if (act(w.def.id, { action: step })) return;
    }
    const category = d.weighted(queue.def.categories.map((c) => [c.id, c.weight] as const));
    queue.issueWalkIn(category, at);
  }

  close(): void {
    this.stop();
    for (const hall of this.halls.values()) hall.close();
  }
}
