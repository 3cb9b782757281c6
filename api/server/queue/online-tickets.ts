import type { Db, Queryable } from '../db.ts';
import { isoLocal } from '../clock.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { KEY_REUSED, ProblemError, validationProblem } from '../problem.ts';
import type { Hall, QueueSimulator } from './simulator.ts';
import type { TicketView } from '../payloads.ts';

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
 * given, and counted per hall, day and category against the daily online quota.
 */
export class OnlineTickets {
  private readonly db: Db;
  private readonly simulator: QueueSimulator;
  private readonly quota: number;
  private readonly now: () => Date;

  constructor(db: Db, simulator: QueueSimulator, quota: number, now: () => Date) {
    this.db = db;
    this.simulator = simulator;
    this.quota = quota;
    this.now = now;
  }

  /** Puts today's online tickets back in line after a restart, before the simulator warms up. */
  async restore(): Promise<void> {
    for (const [hallId, hall] of this.simulator.halls) {
      const { rows } = await this.db.query<{ number: string; category_id: string; issued_at: Date | string }>(
        `SELECT number, category_id, issued_at FROM online_tickets
         WHERE hall_id = $1 AND service_date = $2::date ORDER BY issued_at`,
        [hallId, hall.queue.day],
      );
      for (const row of rows) {
        if (!hall.queue.category(row.category_id)) continue;
        hall.queue.enqueue(row.number, Number(row.number.slice(1)), row.category_id, new Date(row.issued_at), true);
      }
      hall.queue.discardChanges();
    }
  }

  async take(hall: Hall, categoryId: string, key: string): Promise<TakeResult> {
    const requestHash = sha256Hex(canonicalJson({ op: 'takeTicket', hallId: hall.queue.def.id, body: { categoryId } }));
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
    const outcome = await this.db.transaction(async (tx): Promise<TakeResult | TicketView> => {
      // One take per key at a time, across connections and processes: a concurrent retry waits here until the
      // first one commits, then finds its ticket below and replays it instead of issuing another.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`online-ticket:${key}`]);
      const winner = await this.replay(tx, key, requestHash);
      if (winner) return winner;
      const counted = await tx.query(
        `INSERT INTO online_quota (hall_id, service_date, category_id, issued) VALUES ($1, $2::date, $3, 1)
         ON CONFLICT (hall_id, service_date, category_id)
         DO UPDATE SET issued = online_quota.issued + 1 WHERE online_quota.issued < $4
         RETURNING issued`,
        [queue.def.id, day, categoryId, this.quota],
      );
      if (counted.rows.length === 0) throw exhausted();
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

