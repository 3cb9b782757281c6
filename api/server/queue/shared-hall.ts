import { randomBytes } from 'node:crypto';
import { localTime } from '../clock.ts';
import type { Db, Queryable } from '../db.ts';
import { draw, seedOf, type Draw } from '../hash.ts';
import type { HallPatch } from '../payloads.ts';
import { EventHub, eventVersion, type StoredPatch } from './event-hub.ts';
import { HallQueue, type OnlineTicketState, type QueueCommand, type QueueState } from './hall-queue.ts';
import type { HallDef } from './halls.ts';
import { createLogger, type Logger } from '../log.ts';

/** The channel on which a replica that changed a hall says so: the payload is `<hall id>:<version>`. */
export const HALL_CHANNEL = 'zw_hall_events';
/** How much of each hall's log the database keeps. */
export interface QueueLogLimits {
  /** Patches kept for clients that resume (Last-Event-ID) on any replica (default 2,000). */
  keep: number;
  /** A row carries the whole state every this many versions, so a starting replica replays at most that many (500). */
  checkpointEvery: number;
}

export const DEFAULT_QUEUE_LOG: QueueLogLimits = { keep: 2_000, checkpointEvery: 500 };

/** When a hall serves, by the clock (or always, for demos). */
export interface HallClock {
  isOpen(def: HallDef, at: Date): boolean;
  isDayOver(def: HallDef, at: Date): boolean;
  /** A hall run by its staff: its windows open when staff open them, not with the hall. */
  isStaffed?(def: HallDef): boolean;
}

/** The hall's row in hall_heads, locked by a writer. */
export interface HallHead {
  version: number;
  epoch: string;
  simSlot: number;
  /** A hall admin paused the simulator for this hall. */
  simPaused: boolean;
}

interface LogRow {
  version: number | string;
  commands: QueueCommand[] | string | null;
  state: QueueState | string | null;
  patch: string | null;
  at: Date | string;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export interface WriteOptions {
  /**
   * The change remakes the hall (a new day's warm-up): what it did step by step is not kept, the patch carries the
   * whole hall, and the row keeps the whole state.
   */
  whole?: boolean;
}

/**
 * One hall's queue, shared by every replica on one database (docs/decisions/053-replicas-share-the-queue.md).
 *
 * The database holds the truth: an ordered log of the hall's changes (`hall_log`: per version, the commands that made
 * it, the patch clients were sent and, now and then, the whole state) and its head (`hall_heads`: the current version,
 * locked by whoever writes). Each replica keeps a mirror of the queue in memory, made from the latest state in the log
 * and the commands after it, so that reads and the event streams cost no query per client.
 *
 * A change (a ticket taken, a window calling, the clock opening the hall) is made under the head's row lock, on a copy
 * of the mirror brought up to the head's version first, and written to the log in the same transaction: so two
 * replicas can never hand out one number or one version twice. After the commit the copy becomes the mirror and the
 * patch goes to this replica's clients; a NOTIFY tells the other replicas, which read the new rows, apply the same
 * commands to their mirrors and send the stored patch — serialized once, by the replica that made the change.
 */
export class SharedHall {
  readonly def: HallDef;
  readonly hub: EventHub;
  /** The simulator's random draws for this hall (this process's; replicas draw independently). */
  readonly random: Draw;
  private mirror: HallQueue;
  private readonly db: Db;
  private readonly clock: HallClock;
  /** Distinguishes this database's versions from another's in ETags (a hall's log that was started over). */
  epoch = '';
  /** The last version handed to the hub; patches are handed over strictly in order. */
  private published = 0;
  private readonly pending = new Map<number, string | null>();
  /** A catch-up in flight, and whether another was asked for meanwhile. */
  private catching: Promise<void> | undefined;
  private again = false;
  /** Told of each patch delivered to this replica's clients (for metrics). */
  onPublish: ((patch: StoredPatch) => void) | undefined;

  private readonly log: Logger;

  private readonly limits: QueueLogLimits;

  constructor(def: HallDef, db: Db, clock: HallClock, options: { seed: number; heartbeatMs?: number; now: Date; log?: Logger; queueLog?: Partial<QueueLogLimits> }) {
    this.def = def;
    this.db = db;
    this.clock = clock;
    this.limits = { ...DEFAULT_QUEUE_LOG, ...options.queueLog };
    this.log = options.log ?? createLogger({ level: 'warn' });
    this.mirror = new HallQueue(def, options.now);
    this.hub = new EventHub(() => this.mirror.snapshot(), options.heartbeatMs);
    this.random = draw(seedOf(`${options.seed}:${def.id}`));
  }

  /** The queue as last committed (what reads and new streams see). Never change it: use write(). */
  get queue(): HallQueue {
    return this.mirror;
  }

  // ------------------------------------------------------------------ start

  /**
   * Joins the hall's log: creates it if this is the first replica ever (`initial` makes the first state), otherwise
   * loads the mirror from it; then `newDay` remakes the hall when the log's day is over (the first replica of the day).
   */
  async open(now: Date, initial: (queue: HallQueue, tx: Queryable) => Promise<void> | void, newDay: (queue: HallQueue) => void): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO hall_heads (hall_id, version, epoch, sim_slot) VALUES ($1, 0, $2, 0) ON CONFLICT (hall_id) DO NOTHING`, [
        this.def.id,
        randomBytes(6).toString('hex'),
      ]);
      const head = await this.lockHead(tx);
      this.epoch = head.epoch;
      if (head.version > 0) return;
      const queue = new HallQueue(this.def, now);
      await initial(queue, tx);
      queue.discardChanges();
      queue.version = 1;
      queue.updatedAt = now;
      // The first state has no patch: a client that knows nothing older starts from a snapshot.
      await this.append(tx, { version: 1, commands: null, state: queue.toState(), patch: null, at: now });
    });
    await this.reload();
    if (this.mirror.day !== localTime(now).date) {
      await this.write(
        now,
        (queue) => {
          // Another replica may have started the day meanwhile.
          if (queue.day !== localTime(now).date) newDay(queue);
        },
        { whole: true },
      );
    }
    await this.syncClock(now);
  }

  /** Builds the mirror afresh from the latest whole state in the log and the commands after it. */
  private async reload(q: Queryable = this.db): Promise<void> {
    const { rows } = await q.query<LogRow>(
      `SELECT version, commands, state, patch, at FROM hall_log
       WHERE hall_id = $1 AND version >= (SELECT max(version) FROM hall_log WHERE hall_id = $1 AND state IS NOT NULL)
       ORDER BY version`,
      [this.def.id],
    );
    const base = rows[0];
    if (!base) throw new Error(`hall ${this.def.id}: the log holds no state`);
    const fresh = HallQueue.fromState(this.def, json<QueueState>(base.state!));
    this.mirror = fresh;
    if (this.published === 0) {
      // A starting replica: the patches kept in the database are its resume buffer.
      const { rows: recent } = await q.query<{ version: number | string; patch: string | null }>(
        `SELECT version, patch FROM hall_log WHERE hall_id = $1 AND version <= $2 ORDER BY version DESC LIMIT $3`,
        [this.def.id, fresh.version, this.limits.keep],
      );
      const chain: StoredPatch[] = [];
      for (const r of recent) {
        if (r.patch === null) break;
        chain.unshift({ version: Number(r.version), json: r.patch });
      }
      this.hub.preload(chain);
      this.published = fresh.version;
    } else if (fresh.version > this.published) {
      // Rebuilt past patches this replica never sent: its clients start over from a snapshot.
      this.hub.restart();
      this.published = fresh.version;
      this.pending.clear();
    }
    this.applyRows(rows.slice(1));
  }

  // ------------------------------------------------------------------ following the log

  /** Applies committed rows in version order to the mirror and hands their patches to the hub. */
  private applyRows(rows: readonly LogRow[]): void {
    for (const row of rows) {
      const version = Number(row.version);
      if (version <= this.mirror.version) continue;
      if (version !== this.mirror.version + 1 && row.state === null) {
        throw new Error(`hall ${this.def.id}: version ${version} does not follow ${this.mirror.version}`);
      }
      if (row.state !== null) {
        this.mirror = HallQueue.fromState(this.def, json<QueueState>(row.state));
      } else {
        const next = this.mirror;
        for (const command of json<QueueCommand[]>(row.commands ?? [])) next.apply(command);
        next.commit(row.at instanceof Date ? row.at : new Date(row.at));
        next.drainOnlineChanges();
        if (next.version !== version) throw new Error(`hall ${this.def.id}: replaying version ${version} gave ${next.version}`);
      }
      this.deliver(version, row.patch);
    }
  }

  /** Hands patches to the hub in version order, whichever path (own write, catch-up) brought them first. */
  private deliver(version: number, patch: string | null): void {
    if (version <= this.published) return;
    this.pending.set(version, patch);
    for (let next = this.published + 1; this.pending.has(next); next += 1) {
      const json = this.pending.get(next)!;
      this.pending.delete(next);
      this.published = next;
      if (json === null) this.hub.restart();
      else {
        const stored = { version: next, json };
        this.hub.publish(stored);
        this.onPublish?.(stored);
      }
    }
  }

  /**
   * Brings the mirror up to the database: after a NOTIFY, and before a read, so that a ticket taken through another
   * replica can be read here at once. Calls that come while one runs share the next run.
   */
  refresh(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          await this.catchUp(this.db);
        } while (this.again);
      } finally {
        this.catching = undefined;
      }
    };
    this.catching = run();
    return this.catching;
  }

  /** Reads and applies the rows after the mirror's version (or rebuilds the mirror if they do not follow on). */
  private async catchUp(q: Queryable): Promise<void> {
    const { rows } = await q.query<LogRow>(
      `SELECT version, commands, state, patch, at FROM hall_log WHERE hall_id = $1 AND version > $2 ORDER BY version`,
      [this.def.id, this.mirror.version],
    );
    try {
      this.applyRows(rows);
    } catch (err) {
      this.log.warn({ err, hall: this.def.id }, 'hall queue: rebuilding the mirror from the log');
      await this.reload(q);
    }
  }

  /** A NOTIFY said the hall is at `version`. */
  notified(version: number): void {
    if (version > this.mirror.version) void this.refresh().catch((err: Error) => this.log.error({ err, hall: this.def.id }, 'hall queue: catching up failed'));
  }

  /**
   * The patches after `lastEventId` that this process no longer keeps in memory, from the database, for a client
   * that resumes from further back than the hub remembers (they precede what the hub has).
   */
  async olderPatches(lastEventId: string | undefined): Promise<StoredPatch[]> {
    const last = eventVersion(lastEventId);
    const oldest = this.hub.oldestBuffered;
    if (!Number.isSafeInteger(last) || last >= this.mirror.version || (Number.isFinite(oldest) && last + 1 >= oldest)) return [];
    const { rows } = await this.db.query<{ version: number | string; patch: string | null }>(
      `SELECT version, patch FROM hall_log WHERE hall_id = $1 AND version > $2 AND version < $3 ORDER BY version`,
      [this.def.id, last, Number.isFinite(oldest) ? oldest : this.mirror.version + 1],
    );
    const out: StoredPatch[] = [];
    for (const r of rows) {
      if (r.patch === null) return [];
      out.push({ version: Number(r.version), json: r.patch });
    }
    return out;
  }

  // ------------------------------------------------------------------ changing the hall

  private async lockHead(tx: Queryable): Promise<HallHead> {
    const { rows } = await tx.query<{ version: number | string; epoch: string; sim_slot: number | string; sim_paused: boolean }>(
      `SELECT version, epoch, sim_slot, sim_paused FROM hall_heads WHERE hall_id = $1 FOR UPDATE`,
      [this.def.id],
    );
    const row = rows[0];
    if (!row) throw new Error(`hall ${this.def.id} has no head row`);
    return { version: Number(row.version), epoch: row.epoch, simSlot: Number(row.sim_slot), simPaused: row.sim_paused };
  }

  /**
   * Changes the hall, from whichever replica: `fn` gets a copy of the queue at the head's version, under the head's
   * row lock, and the transaction it may do more work in (and throw to refuse, which changes nothing). What it changed
   * becomes the next version in the log, committed with that work; then the patch goes out.
   */
  async write<R>(
    now: Date,
    fn: (queue: HallQueue, tx: Queryable, head: HallHead) => Promise<R> | R,
    options: WriteOptions = {},
  ): Promise<{ result: R; patch: HallPatch | null }> {
    let written: { queue: HallQueue; version: number; json: string } | undefined;
    const out = await this.db.transaction(async (tx) => {
      const head = await this.lockHead(tx);
      if (head.version !== this.mirror.version) await this.catchUp(tx);
      if (head.version !== this.mirror.version) {
        // The rows after the mirror were pruned (a replica that was stopped for long): start from the latest state.
        await this.reload(tx);
      }
      const draft = HallQueue.fromState(this.def, this.mirror.toState());
      const result = await fn(draft, tx, head);
      const commands = [...draft.pendingCommands];
      if (options.whole && commands.length) {
        draft.discardChanges();
        draft.touchAll();
      }
      const patch = draft.commit(now);
      if (!patch) return { result, patch: null };
      const json = JSON.stringify(patch);
      const whole = options.whole || commands.some((c) => c.op === 'roll') || patch.version % this.limits.checkpointEvery === 0;
      await this.append(tx, {
        version: patch.version,
        commands: options.whole ? null : commands,
        state: whole ? draft.toState() : null,
        patch: json,
        at: now,
      });
      await this.recordOnline(tx, draft.drainOnlineChanges());
      written = { queue: draft, version: patch.version, json };
      return { result, patch };
    });
    if (written) {
      // A catch-up may have applied this very row meanwhile; the copy is then the same state.
      if (written.version > this.mirror.version) this.mirror = written.queue;
      this.deliver(written.version, written.json);
    }
    return out;
  }

  /** Adds a version to the log, moves the head and tells the other replicas (NOTIFY is sent at commit). */
  private async append(
    tx: Queryable,
    row: { version: number; commands: QueueCommand[] | null; state: QueueState | null; patch: string | null; at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO hall_log (hall_id, version, commands, state, patch, at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)`,
      [
        this.def.id,
        row.version,
        row.commands ? JSON.stringify(row.commands) : null,
        row.state ? JSON.stringify(row.state) : null,
        row.patch,
        row.at.toISOString(),
      ],
    );
    await tx.query(`UPDATE hall_heads SET version = $2 WHERE hall_id = $1`, [this.def.id, row.version]);
    if (row.state) {
      // Older rows are needed only for resume, and older states not at all.
      await tx.query(`DELETE FROM hall_log WHERE hall_id = $1 AND version <= $2`, [this.def.id, row.version - this.limits.keep]);
      await tx.query(`UPDATE hall_log SET state = NULL WHERE hall_id = $1 AND version < $2 AND state IS NOT NULL`, [this.def.id, row.version]);
    }
    await tx.query(`SELECT pg_notify($1, $2)`, [HALL_CHANNEL, `${this.def.id}:${row.version}`]);
  }

  /** Keeps the rows of online tickets up to date with the queue (what a restart before the log put back). */
  private async recordOnline(tx: Queryable, changes: OnlineTicketState[]): Promise<void> {
    if (!changes.length) return;
    const rows = changes.map((c) => ({
      service_date: c.day,
      number: c.number,
      status: c.status,
      called_at: c.calledAt?.toISOString() ?? null,
      window_id: c.windowId,
    }));
    await tx.query(
      `UPDATE online_tickets AS t SET status = x.status, called_at = x.called_at, window_id = x.window_id
       FROM jsonb_to_recordset($2::jsonb) AS x(service_date date, number text, status text, called_at timestamptz, window_id text)
       WHERE t.hall_id = $1 AND t.service_date = x.service_date AND t.number = x.number`,
      [this.def.id, JSON.stringify(rows)],
    );
  }

  // ------------------------------------------------------------------ the clock

  /** Does the clock change the hall (a new day, opening or closing, the end of a day it was already closed for)? */
  clockChanges(queue: HallQueue, now: Date): boolean {
    if (localTime(now).date !== queue.day) return true;
    const open = this.clock.isOpen(this.def, now);
    if (open !== queue.open) return true;
    return !open && this.clock.isDayOver(this.def, now) && queue.hasOpenTickets;
  }

  /** Applies what the clock says to a queue (inside a write); true if that changed it. */
  applyClock(queue: HallQueue, now: Date): boolean {
    if (!this.clockChanges(queue, now)) return false;
    const today = localTime(now).date;
    if (today !== queue.day) queue.rollDay(today);
    const open = this.clock.isOpen(this.def, now);
    const dayOver = this.clock.isDayOver(this.def, now);
    if (open !== queue.open) queue.setOpen(open, dayOver, this.clock.isStaffed?.(this.def) ?? false);
    else if (!open && dayOver) queue.settleDay();
    return true;
  }

  /** Brings the hall in line with the clock, if the clock changed it (one write, by whichever replica sees it first). */
  async syncClock(now: Date): Promise<void> {
    if (this.clockChanges(this.mirror, now)) await this.write(now, (queue) => this.applyClock(queue, now));
  }

  /** Ends this replica's event streams (clients reconnect, to another replica when this one stops). */
  close(): void {
    this.hub.close();
  }
}
