import { localTime } from '../clock.ts';
import type { Queryable } from '../db.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import type { OperatorActionInput, OperatorTicketView, OperatorWindowView } from '../payloads.ts';
import { KEY_REUSED, ProblemError } from '../problem.ts';
import type { ActionOutcome, HallQueue, Refusal } from './hall-queue.ts';
import { leaseHolder } from './window-leases.ts';

/**
 * The operator actions at a window (docs/decisions/060-hall-operations.md), as one function that the operator API,
 * the simulator and the tests all go through: one code path for what a window may do.
 */
export function applyAction(queue: HallQueue, windowId: string, input: OperatorActionInput, at: Date): ActionOutcome {
  switch (input.action) {
    case 'open':
      return queue.setWindow(windowId, 'open', input.categoryIds);
    case 'pause':
      return queue.setWindow(windowId, 'paused');
    case 'close':
      return queue.setWindow(windowId, 'closed');
    case 'call-next':
      return queue.next(windowId, at);
    case 'recall':
      return queue.recall(windowId, at, input.number);
    case 'start':
      return queue.start(windowId, at);
    case 'finish':
      return queue.finish(windowId, at, 'served');
    case 'no-show':
      return queue.finish(windowId, at, 'missed');
    case 'transfer':
      if (!input.to) return { refused: 'unknown-category' };
      return queue.transfer(
        windowId,
        at,
        'categoryId' in input.to && input.to.categoryId
          ? { categoryId: input.to.categoryId }
          : { windowId: input.to.windowId ?? '' },
      );
  }
}

/** The problem a refusal is for the console: 409 with a `code` it can act on, and words for the person at it. */
export function refusalProblem(
  refusal: Refusal,
  queue: HallQueue,
  windowId: string,
  at: Date,
  input?: OperatorActionInput,
): ProblemError {
  const label = queue.def.windows.find((w) => w.id === windowId)?.label ?? windowId;
  const desk = queue.windowDesk(windowId, at);
  const current = desk?.current ?? null;
  const conflict = (code: string, zh: string, en: string, extra: Record<string, unknown> = {}) =>
    new ProblemError('conflict', { detail: { zh, en }, extensions: { code, ...extra } });
  switch (refusal) {
    case 'window-busy':
      return conflict(
        'window-busy',
        `${label}正在处理 ${current?.number ?? ''}，请先办结、标记过号或转移后再操作。`,
        `${label} is dealing with ${current?.number ?? 'a ticket'}: finish it, mark it missed or transfer it first.`,
        current ? { current } : {},
      );
    case 'no-current-ticket':
      return conflict(
        'no-current-ticket',
        `${label}当前没有正在叫号或办理的号码。`,
        `${label} has no ticket called or in service.`,
      );
    case 'window-not-open':
      return conflict('window-not-open', `${label}未开放，请先开启窗口。`, `${label} is not open: open it first.`);
    case 'window-closed':
      return conflict('window-closed', `${label}已关闭。`, `${label} is closed.`);
    case 'hall-closed':
      return conflict('hall-closed', `${queue.def.name}当前不在服务时间。`, `${queue.def.name} is closed now.`);
    case 'not-recallable':
      return conflict(
        'not-recallable',
        `${input?.number ?? current?.number ?? '该号码'}已不能重呼（过号超过 30 分钟、重呼已达 3 次，或不是本窗口的过号）。`,
        `${input?.number ?? current?.number ?? 'The ticket'} can no longer be recalled (missed over 30 minutes ago, recalled 3 times, or not missed at this window).`,
      );
    case 'unknown-ticket':
      return conflict(
        'unknown-ticket',
        `今日没有号码 ${input?.number ?? ''}。`,
        `There is no ticket ${input?.number ?? ''} today.`,
      );
    case 'unknown-category':
      return new ProblemError('validation', {
        detail: { zh: '该大厅没有所选的业务类别。', en: 'The hall has no such category.' },
        errors: [
          {
            pointer: input?.action === 'transfer' ? '/to/categoryId' : '/categoryIds',
            code: 'enum',
            message: '该大厅没有此业务类别',
          },
        ],
      });
    case 'unknown-window':
      return new ProblemError('validation', {
        detail: {
          zh: '该大厅没有所选的窗口（或就是本窗口）。',
          en: 'The hall has no such window (or it is this one).',
        },
        errors: [{ pointer: '/to/windowId', code: 'enum', message: '该大厅没有此窗口' }],
      });
  }
}

/** A window as its console sees it: the queue's desk view plus who holds the console. */
export async function operatorWindow(
  q: Queryable,
  queue: HallQueue,
  windowId: string,
  at: Date,
  version = queue.version,
): Promise<OperatorWindowView> {
  const desk = queue.windowDesk(windowId, at)!;
  return {
    hallId: queue.def.id,
    hallOpen: queue.open,
    ...desk,
    claim: await leaseHolder(q, queue.def.id, windowId, at),
    version,
  };
}

export function ticketOf(queue: HallQueue, outcome: ActionOutcome): OperatorTicketView | null {
  return 'ticket' in outcome && outcome.ticket ? queue.operatorTicket(outcome.ticket.number) : null;
}

// ------------------------------------------------------------------ idempotency

/** An earlier answer to a key: replay it, or refuse a key reused for another request. */
export interface StoredAnswer {
  status: number;
  body: string;
}

export function requestHash(operation: string, path: string, sub: string, body: unknown): string {
  return sha256Hex(canonicalJson({ operation, path, sub, body }));
}

/**
 * The answer already given to this key in the hall, if any (read under the hall's lock, so a concurrent retry
 * waits for the first and then finds its answer); a key reused for another request is a 422.
 */
export async function earlierAnswer(
  tx: Queryable,
  hallId: string,
  key: string,
  hash: string,
): Promise<StoredAnswer | null> {
  const { rows } = await tx.query<{ request_hash: string; status: number; response: string }>(
    'SELECT request_hash, status, response FROM operator_requests WHERE hall_id = $1 AND idempotency_key = $2',
    [hallId, key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.request_hash !== hash) throw new ProblemError('idempotency-key-reuse', { detail: KEY_REUSED });
  return { status: Number(row.status), body: row.response };
}

export async function rememberAnswer(
  tx: Queryable,
  hallId: string,
  key: string,
  hash: string,
  status: number,
  body: unknown,
  at: Date,
): Promise<string> {
  const json = JSON.stringify(body);
  await tx.query(
    `INSERT INTO operator_requests (hall_id, idempotency_key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [hallId, key, hash, status, json, at.toISOString()],
  );
  return json;
}

/**
 * Forgets what hall operations keep only for a while: answers to Idempotency-Keys after two days (the contract
 * promises at least 24 hours), and ingest events and positions of days before yesterday.
 */
export async function forgetOldOperations(q: Queryable, now: Date): Promise<void> {
  const twoDaysAgo = new Date(now.getTime() - 48 * 3600_000);
  await q.query('DELETE FROM operator_requests WHERE created_at < $1', [twoDaysAgo.toISOString()]);
  await q.query('DELETE FROM ingest_events WHERE service_date < $1::date', [localTime(twoDaysAgo).date]);
  await q.query('DELETE FROM ingest_heads WHERE service_date < $1::date', [localTime(twoDaysAgo).date]);
}
