import { asDate, type Db, type Queryable } from '../db.ts';
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
 * it. The number is taken in the hall's shared queue (shared-hall.ts), in the same transaction as the ticket's row,
 * so that replicas on one database never hand out one number twice; the row then follows the ticket's state.
 */
export class OnlineTickets {
  private readonly db: Db;
  private readonly simulator: QueueSimulator;
  private readonly quota: number;
  private readonly limiters: Limiters;
  private readonly now: () => Date;
  /** The last service day whose earlier client counts were deleted. */
  private sweptDay = '';

  constructor(db: Db, simulator: QueueSimulator, quota: number, limiters: Limiters, now: () => Date) {
    this.db = db;
    this.simulator = simulator;
    this.quota = quota;
    this.limiters = limiters;
    this.now = now;
  }

  /**
   * A day's online tickets of a hall as an older server (which kept no queue log) left them, for the first state of
   * the hall's shared queue.
   */
  async load(hallId: string, day: string, q: Queryable = this.db): Promise<OnlineTicketState[]> {
    const { rows } = await q.query<{
      number: string;
      category_id: string;
      status: TicketStatus;
      issued_at: Date | string;
      called_at: Date | string | null;
      window_id: string | null;
    }>(
      `SELECT number, category_id, status, issued_at, called_at, window_id FROM online_tickets
       WHERE hall_id = $1 AND service_date = $2::date ORDER BY number`,
      [hallId, day],
    );
    return rows.map((r) => ({
      day,
      number: r.number,
      categoryId: r.category_id,
      status: r.status,
      issuedAt: asDate(r.issued_at),
      calledAt: r.called_at === null ? null : asDate(r.called_at),
      windowId: r.window_id,
    }));
  }

  async take(hall: Hall, categoryId: string, key: string, client: Client): Promise<TakeResult> {
    const requestHash = sha256Hex(canonicalJson({ op: 'takeTicket', hallId: hall.def.id, body: { categoryId } }));
    // A retry is answered with its ticket whatever the limits say now: it asks for nothing new.
    const earlier = await this.replay(this.db, key, requestHash, true);
    if (earlier) return earlier;

    const category = hall.queue.category(categoryId);
    if (!category) {
      throw validationProblem([{ pointer: '/categoryId', code: 'enum', message: `该大厅没有业务类别 ${categoryId}` }]);
    }
    const now = this.now();
    // The clock may have moved past closing or midnight since the last simulator step.
    await hall.syncClock(now);
    const def = hall.def;
    const closed = () =>
      new ProblemError('hall-closed', {
        detail: {
          zh: `${def.name}当前不在服务时间，工作日 ${def.hours.opens} 起可取号。`,
          en: `${def.name} is closed; tickets can be taken from ${def.hours.opens} on working days.`,
        },
      });
    if (!hall.queue.open) throw closed();
    const exhausted = () =>
      new ProblemError('quota-exhausted', {
        detail: {
          zh: `“${category.name}”今日线上号源已取完，请到大厅自助取号机取号。`,
          en: `Today's online tickets for ${category.name} are all taken; please use the kiosk in the hall.`,
        },
      });
    const today = hall.queue.day;
    if (today !== this.sweptDay) {
      this.sweptDay = today;
      // A client's counts matter for its day only; addresses and device ids are not kept longer.
      await this.db.query('DELETE FROM online_client_counts WHERE service_date < $1::date', [today]);
    }
    const share = this.limiters.addressShare(this.quota);
    const perDevice = this.limiters.limits.takesPerDevice;
    const { result } = await hall.write(now, async (queue, tx): Promise<TakeResult> => {
      // One take per key at a time, across connections and processes: a concurrent retry waits here until the
      // first one commits, then finds its ticket below and replays it instead of issuing another.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`online-ticket:${key}`]);
      const winner = await this.replay(tx, key, requestHash);
      if (winner) return winner;
      // The clock may have moved on since (a refusal below undoes this too; the next request redoes it).
      hall.applyClock(queue, now);
      if (!queue.open) throw closed();
      const day = queue.day;
      const quota = await tx.query(
        `INSERT INTO online_quota (hall_id, service_date, category_id, issued) VALUES ($1, $2::date, $3, 1)
         ON CONFLICT (hall_id, service_date, category_id)
         DO UPDATE SET issued = online_quota.issued + 1 WHERE online_quota.issued < $4
         RETURNING issued`,
        [def.id, day, categoryId, this.quota],
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
            [def.id, day, client, max],
          )
          .then((r) => r.rows.length > 0);
      if (client.device && !(await counted(`device:${client.device}`, perDevice))) {
        throw rateLimited(
          secondsToNextDay(now),
          {
            zh: `本设备今日已在${def.name}取得 ${perDevice} 个线上号，达到每台设备每日上限。请明日再取，或到大厅自助取号机取号。`,
            en: `This device has taken ${perDevice} online tickets at ${def.name} today, the most one device may take. Please come back tomorrow or use the kiosk in the hall.`,
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
      const issued = queue.issue(categoryId, now, true);
      if (!issued) throw exhausted();
      const ticket = queue.ticket(issued.number)!;
      await tx.query(
        `INSERT INTO online_tickets (hall_id, service_date, number, category_id, idempotency_key, request_hash, ticket, issued_at)
         VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8)`,
        [def.id, day, issued.number, categoryId, key, requestHash, JSON.stringify(ticket), now.toISOString()],
      );
      return { ticket, replayed: false };
    });
    if (result.replayed) return result;
    return { ticket: hall.queue.ticket(result.ticket.number) ?? result.ticket, replayed: false };
  }

  /** The outcome of an earlier request with this key: the same ticket, or 422 if the key came with another body. */
  private async replay(q: Queryable, key: string, requestHash: string, mayRefresh = false): Promise<TakeResult | null> {
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
    let live = hall && hall.queue.day === row.service_date ? hall.queue.ticket(row.number) : null;
    if (mayRefresh && hall && !live && hall.queue.day === row.service_date) {
      // Issued through another replica a moment ago: this one's queue catches up first.
      await hall.refresh();
      live = hall.queue.ticket(row.number);
    }
    const stored = typeof row.ticket === 'string' ? (JSON.parse(row.ticket) as TicketView) : row.ticket;
    return { ticket: live ?? stored, replayed: true };
  }
}
