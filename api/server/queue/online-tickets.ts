import { asDate, type Db, type Queryable } from '../db.ts';
import { isoLocal } from '../clock.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { rateLimited, secondsToNextDay, type Client, type Limiters } from '../http/limits.ts';
import { KEY_REUSED, ProblemError, validationProblem } from '../problem.ts';
import type { OnlineTicketState } from './hall-queue.ts';
import type { Hall, QueueSimulator } from './simulator.ts';
import type { TicketStatus, TicketView } from '../payloads.ts';

export interface TakeResult {
  ticket: TicketView;
  replayed: boolean;
}

interface KeyRow {
  hall_id: string;
  number: string;
  request_hash: string;
  ticket: TicketView | string;
  service_date: string;
}

/**
 * Online tickets (线上取号): persisted with their Idempotency-Key so a retried request gets the ticket it was
 * given, counted per hall, day and category against the daily online quota and per client against its share of
 * it, and kept up to date as they are called and served, so that a restarted server puts them back as they were.
 */
export class OnlineTickets {
  private readonly db: Db;
  private readonly simulator: QueueSimulator;
  private readonly quota: number;
  private readonly limiters: Limiters;
  private readonly now: () => Date;
  /** State writes, one after another in the order the queue made them. */
  private writes: Promise<void> = Promise.resolve();
  /** The last service day whose earlier client counts were deleted. */
  private sweptDay = '';

  constructor(db: Db, simulator: QueueSimulator, quota: number, limiters: Limiters, now: () => Date) {
    this.db = db;
    this.simulator = simulator;
    this.quota = quota;
    this.limiters = limiters;
    this.now = now;
    simulator.onOnlineChanges = (hall, changes) => this.record(hall, changes);
  }

  /** Today's online tickets of every hall as the database has them, for the simulator to put back after a restart. */
  async load(): Promise<Map<string, OnlineTicketState[]>> {
    const byHall = new Map<string, OnlineTicketState[]>();
    for (const [hallId, hall] of this.simulator.halls) {
      const { rows } = await this.db.query<{
        number: string;
        category_id: string;
        status: TicketStatus;
        issued_at: Date | string;
        called_at: Date | string | null;
        window_id: string | null;
      }>(
        `SELECT number, category_id, status, issued_at, called_at, window_id FROM online_tickets
         WHERE hall_id = $1 AND service_date = $2::date ORDER BY number`,
        [hallId, hall.queue.day],
      );
      byHall.set(
        hallId,
        rows.map((r) => ({
          day: hall.queue.day,
          number: r.number,
          categoryId: r.category_id,
          status: r.status,
          issuedAt: asDate(r.issued_at),
          calledAt: r.called_at === null ? null : asDate(r.called_at),
          windowId: r.window_id,
        })),
      );
    }
    return byHall;
  }

  /** Writes the changed states of online tickets (called, served, missed), in order, without holding up the queue. */
  private record(hall: Hall, changes: OnlineTicketState[]): void {
    const rows = changes.map((c) => ({
      service_date: c.day,
      number: c.number,
      status: c.status,
      called_at: c.calledAt?.toISOString() ?? null,
      window_id: c.windowId,
    }));
    this.writes = this.writes
      .then(() =>
        this.db.query(
          `UPDATE online_tickets AS t SET status = x.status, called_at = x.called_at, window_id = x.window_id
           FROM jsonb_to_recordset($2::jsonb) AS x(service_date date, number text, status text, called_at timestamptz, window_id text)
           WHERE t.hall_id = $1 AND t.service_date = x.service_date AND t.number = x.number`,
          [hall.queue.def.id, JSON.stringify(rows)],
        ),
      )
      .then(
        () => undefined,
        (err: Error) => console.error('[api] could not record the state of online tickets:', err.message),
      );
  }

  /** Waits for the state writes made so far (before the database closes). */
  flush(): Promise<void> {
    return this.writes;
  }

  async take(hall: Hall, categoryId: string, key: string, client: Client): Promise<TakeResult> {
    const requestHash = sha256Hex(canonicalJson({ op: 'takeTicket', hallId: hall.queue.def.id, body: { categoryId } }));
    // A retry is answered with its ticket whatever the limits say now: it asks for nothing new.
    const earlier = await this.replay(this.db, key, requestHash);
    if (earlier) return earlier;

    const queue = hall.queue;
    const category = queue.category(categoryId);
    if (!category) {
      throw validationProblem([{ pointer: '/categoryId', code: 'enum', message: `该大厅没有业务类别 ${categoryId}` }]);
    }
    const now = this.now();
    // The clock may have moved past closing or midnight since the last simulator step.
    if (this.simulator.syncClock(queue, now)) this.simulator.publish(hall, now);
    if (!queue.open) {
      throw new ProblemError('hall-closed', {
        detail: {
          zh: `${queue.def.name}当前不在服务时间，工作日 ${queue.def.hours.opens} 起可取号。`,
          en: `${queue.def.name} is closed; tickets can be taken from ${queue.def.hours.opens} on working days.`,
        },
      });
    }
    const exhausted = () =>
      new ProblemError('quota-exhausted', {
        detail: {
          zh: `“${category.name}”今日线上号源已取完，请到大厅自助取号机取号。`,
          en: `Today's online tickets for ${category.name} are all taken; please use the kiosk in the hall.`,
        },
      });
    const day = queue.day;
    if (day !== this.sweptDay) {
      this.sweptDay = day;
      // A client's counts matter for its day only; addresses and device ids are not kept longer.
      await this.db.query('DELETE FROM online_client_counts WHERE service_date < $1::date', [day]);
    }
    const share = this.limiters.addressShare(this.quota);
    const perDevice = this.limiters.limits.takesPerDevice;
    const outcome = await this.db.transaction(async (tx): Promise<TakeResult | TicketView> => {
      // One take per key at a time, across connections and processes: a concurrent retry waits here until the
      // first one commits, then finds its ticket below and replays it instead of issuing another.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`online-ticket:${key}`]);
      const winner = await this.replay(tx, key, requestHash);
      if (winner) return winner;
      const quota = await tx.query(
        `INSERT INTO online_quota (hall_id, service_date, category_id, issued) VALUES ($1, $2::date, $3, 1)
         ON CONFLICT (hall_id, service_date, category_id)
         DO UPDATE SET issued = online_quota.issued + 1 WHERE online_quota.issued < $4
         RETURNING issued`,
        [queue.def.id, day, categoryId, this.quota],
      );
      // The hall's quota first: when it is used up, that is the answer for everyone.
      if (quota.rows.length === 0) throw exhausted();
      // Each count goes up only if it is below its limit; a refusal rolls every count of this take back.
      const counted = (client: string, max: number) =>
        tx
          .query(
            `INSERT INTO online_client_counts (hall_id, service_date, client, issued) VALUES ($1, $2::date, $3, 1)
             ON CONFLICT (hall_id, service_date, client)
             DO UPDATE SET issued = online_client_counts.issued + 1 WHERE online_client_counts.issued < $4
             RETURNING issued`,
            [queue.def.id, day, client, max],
          )
          .then((r) => r.rows.length > 0);
      if (client.device && !(await counted(`device:${client.device}`, perDevice))) {
        throw rateLimited(
          secondsToNextDay(now),
          {
            zh: `本设备今日已在${queue.def.name}取得 ${perDevice} 个线上号，达到每台设备每日上限。请明日再取，或到大厅自助取号机取号。`,
            en: `This device has taken ${perDevice} online tickets at ${queue.def.name} today, the most one device may take. Please come back tomorrow or use the kiosk in the hall.`,
          },
          { scope: 'device', max: perDevice, per: 'day' },
        );
      }
      if (!client.shared && !(await counted(`address:${categoryId}:${client.address}`, share))) {
        throw rateLimited(
          secondsToNextDay(now),
          {
            zh: `同一网络今日已取得“${category.name}”线上号 ${share} 个，达到每个网络的上限（该类今日线上号源共 ${this.quota} 个）。请明日再取，或到大厅自助取号机取号。`,
            en: `This network has taken ${share} online tickets for ${category.name} today, the most one network may take of the ${this.quota} on offer. Please come back tomorrow or use the kiosk in the hall.`,
          },
          { scope: 'address', max: share, per: 'day' },
        );
      }
      // Every refusal is decided above, so a number is taken only for a ticket that is issued.
      const next = queue.nextNumber(categoryId);
      if (!next) throw exhausted();
      const ticket: TicketView = {
        number: next.number,
        hallId: queue.def.id,
        categoryId,
        status: 'waiting',
        ahead: queue.waitingCount(categoryId),
        estimatedWaitMinutes: 0,
        window: null,
        issuedAt: isoLocal(now),
        calledAt: null,
        online: true,
      };
      await tx.query(
        `INSERT INTO online_tickets (hall_id, service_date, number, category_id, idempotency_key, request_hash, ticket, issued_at)
         VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8)`,
        [queue.def.id, day, next.number, categoryId, key, requestHash, JSON.stringify(ticket), now.toISOString()],
      );
      return ticket;
    });
    if ('replayed' in outcome) return outcome;
    queue.enqueue(outcome.number, Number(outcome.number.slice(1)), categoryId, now, true);
    this.simulator.publish(hall, now);
    return { ticket: queue.ticket(outcome.number) ?? outcome, replayed: false };
  }

  /** The outcome of an earlier request with this key: the same ticket, or 422 if the key came with another body. */
  private async replay(q: Queryable, key: string, requestHash: string): Promise<TakeResult | null> {
    const { rows } = await q.query<KeyRow>(
      `SELECT hall_id, number, request_hash, ticket, to_char(service_date, 'YYYY-MM-DD') AS service_date
       FROM online_tickets WHERE idempotency_key = $1`,
      [key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.request_hash !== requestHash) {
      throw new ProblemError('idempotency-key-reuse', {
        detail: KEY_REUSED,
      });
    }
    // Today's ticket is shown as it stands now; an older one as it was issued.
    const hall = this.simulator.hall(row.hall_id);
    const live = hall && hall.queue.day === row.service_date ? hall.queue.ticket(row.number) : null;
    const stored = typeof row.ticket === 'string' ? (JSON.parse(row.ticket) as TicketView) : row.ticket;
    return { ticket: live ?? stored, replayed: true };
  }
}
