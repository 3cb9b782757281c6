import type { Context, Hono } from 'hono';
import { audit } from '../auth/audit.ts';
import { requireRole } from '../auth/require-role.ts';
import { localTime } from '../clock.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { route } from '../http/route.ts';
import type { IngestEvent, IngestReceipt } from '../payloads.ts';
import { ProblemError, validationProblem, type FieldError } from '../problem.ts';
import type { HallQueue } from '../queue/hall-queue.ts';
import { OperationValidator } from '../validate.ts';
import { hallOf } from './operator.ts';

/** How far past the applied position an event may be: what is held back behind a gap is bounded by it. */
export const MAX_AHEAD = 5_000;
const MAX_GAPS = 20;

/** What each event type needs besides `seq`, `type` and `at`. */
const NEEDS: Record<IngestEvent['type'], (keyof IngestEvent)[]> = {
  'ticket-issued': ['ticket', 'categoryId'],
  'ticket-called': ['ticket', 'windowId'],
  'ticket-recalled': ['ticket', 'windowId'],
  'ticket-served': ['ticket'],
  'ticket-missed': ['ticket'],
  'window-opened': ['windowId'],
  'window-paused': ['windowId'],
  'window-closed': ['windowId'],
};

/**
 * Applies one vendor event to the queue, through the same queue operations the operator API uses; returns why it
 * did not fit (it is then passed over), or null. The vendor's system is the truth: a call from a closed window
 * opens it, a window opens before the hall's hours if the vendor's does, a close settles what it had current.
 */
export function applyIngestEvent(queue: HallQueue, e: IngestEvent): string | null {
  const at = new Date(e.at);
  const refused = (outcome: { refused: string } | { ticket: unknown }) =>
    'refused' in outcome ? `${e.type} ${e.ticket ?? e.windowId ?? ''}: ${outcome.refused}` : null;
  switch (e.type) {
    case 'ticket-issued':
      if (!queue.category(e.categoryId!)) return `no category ${e.categoryId}`;
      return queue.issue(e.categoryId!, at, false, e.priority ?? null, e.ticket!)
        ? null
        : `ticket ${e.ticket} was issued before`;
    case 'ticket-called':
    case 'ticket-recalled':
      return refused(queue.callTicket(e.windowId!, e.ticket!, at));
    case 'ticket-served':
      return refused(queue.endTicket(e.ticket!, at, 'served'));
    case 'ticket-missed':
      return refused(queue.endTicket(e.ticket!, at, 'missed'));
    case 'window-opened':
      return refused(queue.setWindow(e.windowId!, 'open', e.categoryIds, false, true));
    case 'window-paused':
      return refused(queue.setWindow(e.windowId!, 'paused', undefined, false, true));
    case 'window-closed':
      return refused(queue.setWindow(e.windowId!, 'closed', undefined, true, true));
  }
}

interface Position {
  appliedThrough: number;
  pending: number;
  missing: { from: number; to: number }[];
}

async function position(q: Queryable, hallId: string, day: string): Promise<Position> {
  const head = await q.query<{ applied_through: number | string }>(
    'SELECT applied_through FROM ingest_heads WHERE hall_id = $1 AND service_date = $2::date',
    [hallId, day],
  );
  const appliedThrough = Number(head.rows[0]?.applied_through ?? 0);
  const { rows } = await q.query<{ seq: number | string }>(
    'SELECT seq FROM ingest_events WHERE hall_id = $1 AND service_date = $2::date AND seq > $3 ORDER BY seq',
    [hallId, day, appliedThrough],
  );
  const missing: Position['missing'] = [];
  let expected = appliedThrough + 1;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (seq > expected && missing.length < MAX_GAPS) missing.push({ from: expected, to: seq - 1 });
    expected = seq + 1;
  }
  return { appliedThrough, pending: rows.length, missing };
}

/**
 * The ingest feed of a hall's own queuing system (docs/decisions/062-ingest-feed.md): events are stored by the
 * vendor's sequence number, then applied strictly in that order as far as they run without a gap, all in one
 * write to the hall's log. Duplicates are ignored, a sequence number with other content is refused.
 */
export function ingestRoutes(app: Hono, ctx: AppContext): void {
  const auth = ctx.auth;
  const machine = requireRole(auth, 'ingest', { hall: (c: Context) => c.req.param('hallId') ?? '' });
  const batchOp = new OperationValidator(ctx.spec, '/ingest/halls/{hallId}/events', 'post');

  route(app, '/api/v1/ingest/halls/:hallId/events', {
    GET: [
      machine,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const pos = await position(ctx.db, hall.def.id, hall.queue.day);
        const body: IngestReceipt = {
          hallId: hall.def.id,
          ...pos,
          accepted: 0,
          duplicates: 0,
          skipped: [],
          version: hall.queue.version,
        };
        return c.json(body, 200, { 'Cache-Control': 'no-store' });
      },
    ],
    POST: [
      machine,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const { events } = await batchOp.body<{ events: IngestEvent[] }>(c);
        const errors: FieldError[] = [];
        events.forEach((e, i) => {
          for (const field of NEEDS[e.type]) {
            if (e[field] === undefined)
              errors.push({
                pointer: `/events/${i}/${field}`,
                code: 'required',
                message: `${e.type} 事件须包含 ${field}`,
              });
          }
        });
        if (errors.length) throw validationProblem(errors);
        const now = ctx.now();
        const { result } = await hall.write(now, async (queue, tx) => {
          hall.applyClock(queue, now);
          const day = queue.day;
          const hallId = hall.def.id;
          const start = await position(tx, hallId, day);
          let accepted = 0;
          let duplicates = 0;
          const skipped: IngestReceipt['skipped'] = [];
          const conflicts: number[] = [];
          const seen = new Map<number, string>();
          for (const e of events) {
            const hash = sha256Hex(canonicalJson(e));
            if (localTime(new Date(e.at)).date !== day) {
              skipped.push({ seq: e.seq, reason: `not of the hall's current day ${day}` });
              continue;
            }
            if (e.seq > start.appliedThrough + MAX_AHEAD) {
              throw new ProblemError('conflict', {
                detail: {
                  zh: `事件序号 ${e.seq} 超出已处理位置（${start.appliedThrough}）${MAX_AHEAD} 以上，请先补发缺失的事件。`,
                  en: `Event ${e.seq} is more than ${MAX_AHEAD} past the applied position (${start.appliedThrough}); send the missing events first.`,
                },
                extensions: { code: 'too-far-ahead' },
              });
            }
            const inBatch = seen.get(e.seq);
            if (inBatch !== undefined) {
              if (inBatch === hash) duplicates += 1;
              else conflicts.push(e.seq);
              continue;
            }
            seen.set(e.seq, hash);
            // Under the hall's lock: no other batch of this hall reads or writes these rows meanwhile.
            const { rows } = await tx.query<{ body_hash: string }>(
              'SELECT body_hash FROM ingest_events WHERE hall_id = $1 AND service_date = $2::date AND seq = $3',
              [hallId, day, e.seq],
            );
            if (rows[0]) {
              if (rows[0].body_hash === hash) duplicates += 1;
              else conflicts.push(e.seq);
              continue;
            }
            if (e.seq <= start.appliedThrough) {
              // Applied before and since pruned: nothing to compare with, so it counts as a duplicate.
              duplicates += 1;
              continue;
            }
            await tx.query(
              `INSERT INTO ingest_events (hall_id, service_date, seq, body_hash, body, received_at) VALUES ($1, $2::date, $3, $4, $5::jsonb, $6)`,
              [hallId, day, e.seq, hash, JSON.stringify(e), now.toISOString()],
            );
            accepted += 1;
          }
          if (conflicts.length) {
            throw new ProblemError('conflict', {
              detail: {
                zh: `事件序号 ${conflicts.slice(0, 5).join('、')} 此前已收到不同的内容；本批事件均未处理。`,
                en: `Events ${conflicts.slice(0, 5).join(', ')} were received before with other content; nothing of this batch was taken.`,
              },
              extensions: { code: 'sequence-conflict', seqs: conflicts.slice(0, 500) },
            });
          }
          // Apply what now runs on from the applied position without a gap, in order.
          const { rows: ready } = await tx.query<{ seq: number | string; body: IngestEvent | string }>(
            `SELECT seq, body FROM ingest_events WHERE hall_id = $1 AND service_date = $2::date AND NOT applied AND seq > $3 ORDER BY seq`,
            [hallId, day, start.appliedThrough],
          );
          let applied = start.appliedThrough;
          for (const row of ready) {
            if (Number(row.seq) !== applied + 1) break;
            const event = typeof row.body === 'string' ? (JSON.parse(row.body) as IngestEvent) : row.body;
            const reason = applyIngestEvent(queue, event);
            if (reason) skipped.push({ seq: event.seq, reason: reason.slice(0, 200) });
            applied += 1;
          }
          if (applied > start.appliedThrough) {
            await tx.query(
              'UPDATE ingest_events SET applied = true WHERE hall_id = $1 AND service_date = $2::date AND seq > $3 AND seq <= $4',
              [hallId, day, start.appliedThrough, applied],
            );
            await tx.query(
              `INSERT INTO ingest_heads (hall_id, service_date, applied_through) VALUES ($1, $2::date, $3)
               ON CONFLICT (hall_id, service_date) DO UPDATE SET applied_through = $3`,
              [hallId, day, applied],
            );
          }
          const pos = await position(tx, hallId, day);
          if (accepted) {
            await audit(tx, {
              principal: c.get('principal'),
              role: c.get('role'),
              action: 'ingest.events',
              hallId,
              detail: { accepted, duplicates, appliedThrough: pos.appliedThrough, skipped: skipped.length },
              at: now,
              requestId: c.get('requestId'),
            });
          }
          const receipt: IngestReceipt = {
            hallId,
            ...pos,
            accepted,
            duplicates,
            skipped: skipped.slice(0, 500),
            version: queue.version + (queue.changed ? 1 : 0),
          };
          return receipt;
        });
        return c.json(result, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });
}
