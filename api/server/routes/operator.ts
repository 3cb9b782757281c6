import type { Context, Hono } from 'hono';
import { audit, auditEntry } from '../auth/audit.ts';
import { requireRole } from '../auth/require-role.ts';
import type { AppContext } from '../context.ts';
import { route } from '../http/route.ts';
import type { OperatorActionInput, OperatorActionResult, PriorityReasonName, WindowClaimView } from '../payloads.ts';
import { echo, ProblemError, validationProblem } from '../problem.ts';
import {
  applyAction,
  earlierAnswer,
  operatorWindow,
  refusalProblem,
  rememberAnswer,
  requestHash,
  ticketOf,
  type StoredAnswer,
} from '../queue/operator-actions.ts';
import type { Hall } from '../queue/simulator.ts';
import { assertLease, claimWindow, releaseWindow, RENEW_SECONDS, TTL_SECONDS } from '../queue/window-leases.ts';
import { OperationValidator } from '../validate.ts';

/** Where a console sends its lease (see queue/window-leases.ts). */
export const LEASE_HEADER = 'zw-window-lease';
const LEASE = /^[A-Za-z0-9_-]{16,64}$/;

/** The hall a request names, brought up to date with the log and the clock; 404 if there is none. */
export async function hallOf(ctx: AppContext, c: Context): Promise<Hall> {
  const id = c.req.param('hallId') ?? '';
  const hall = ctx.simulator.hall(id);
  if (!hall)
    throw new ProblemError('not-found', {
      detail: { zh: `没有 id 为 ${echo(id)} 的大厅。`, en: `There is no hall ${echo(id)}.` },
    });
  await hall.refresh();
  await hall.syncClock(ctx.now());
  return hall;
}

function windowOf(c: Context, hall: Hall) {
  const id = c.req.param('windowId') ?? '';
  const w = hall.def.windows.find((x) => x.id === id);
  if (!w)
    throw new ProblemError('not-found', {
      detail: { zh: `${hall.def.name}没有窗口 ${echo(id)}。`, en: `${hall.def.name} has no window ${echo(id)}.` },
    });
  return w;
}

function leaseOf(c: Context): string | undefined {
  const lease = c.req.header(LEASE_HEADER);
  if (lease === undefined) return undefined;
  if (!LEASE.test(lease)) {
    throw validationProblem([{ pointer: '/Zw-Window-Lease', code: 'pattern', message: '窗口租约格式不正确' }], {
      zh: 'Zw-Window-Lease 请求头格式不正确。',
      en: 'The Zw-Window-Lease header is malformed.',
    });
  }
  return lease;
}

/** An answer given before to the same Idempotency-Key, sent again as it was. */
const replayed = (c: Context, answer: StoredAnswer) =>
  c.body(answer.body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Idempotent-Replayed': 'true',
    'Cache-Control': 'no-store',
  });

/**
 * Hall operations (docs/decisions/060-hall-operations.md): a window's console — its lease, its actions — and
 * walk-in tickets with priority. Every write is audit-logged in the transaction that makes it and, where it is an
 * action, remembered by Idempotency-Key in that transaction too, so that a retry replays it and changes nothing.
 */
export function operatorRoutes(app: Hono, ctx: AppContext): void {
  const auth = ctx.auth;
  const inHall = { hall: (c: Context) => c.req.param('hallId') ?? '' };
  const staff = requireRole(auth, ['window-staff', 'hall-admin'], inHall);
  const claimOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/windows/{windowId}/claim', 'post');
  const actionOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/windows/{windowId}/actions', 'post');
  const ticketOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/tickets', 'post');

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId', {
    GET: [
      staff,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const w = windowOf(c, hall);
        return c.json(await operatorWindow(ctx.db, hall.queue, w.id, ctx.now()), 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId/claim', {
    POST: [
      staff,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const w = windowOf(c, hall);
        const { lease, takeover = false } = await claimOp.optionalBody<{ lease?: string; takeover?: boolean }>(c);
        const p = c.get('principal');
        const now = ctx.now();
        const claim = await ctx.db.transaction(async (tx) => {
          const got = await claimWindow(tx, {
            hallId: hall.def.id,
            windowId: w.id,
            label: w.label,
            sub: p.sub,
            name: p.name,
            lease,
            takeover,
            now,
          });
          if (lease === undefined) {
            await audit(
              tx,
              auditEntry(
                c,
                ctx.now(),
                got.tookOverFrom ? 'window.takeover' : 'window.claim',
                hall.def.id,
                w.id,
                got.tookOverFrom ? { from: got.tookOverFrom.sub } : undefined,
              ),
            );
          }
          return got;
        });
        const body: WindowClaimView = {
          lease: claim.lease,
          hallId: hall.def.id,
          windowId: w.id,
          holder: claim.holder,
          renewAfterSeconds: RENEW_SECONDS,
          ttlSeconds: TTL_SECONDS,
          tookOverFrom: claim.tookOverFrom,
        };
        return c.json(body, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId/release', {
    POST: [
      staff,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const w = windowOf(c, hall);
        const lease = leaseOf(c);
        const now = ctx.now();
        const view = await ctx.db.transaction(async (tx) => {
          if (lease !== undefined && (await releaseWindow(tx, hall.def.id, w.id, lease, now)))
            await audit(tx, auditEntry(c, ctx.now(), 'window.release', hall.def.id, w.id));
          return operatorWindow(tx, hall.queue, w.id, now);
        });
        return c.json(view, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId/actions', {
    POST: [
      staff,
      async (c) => {
        const hall = await hallOf(ctx, c);
        const w = windowOf(c, hall);
        const key = actionOp.idempotencyKey(c);
        const input = await actionOp.body<OperatorActionInput>(c);
        const lease = leaseOf(c);
        const hash = requestHash('performWindowAction', `${hall.def.id}/${w.id}`, c.get('principal').sub, input);
        const now = ctx.now();
        const { result } = await hall.write(now, async (queue, tx) => {
          // Under the hall's lock: a retry that raced the first request finds its answer here.
          const earlier = await earlierAnswer(tx, hall.def.id, key, hash);
          if (earlier) return earlier;
          hall.applyClock(queue, now);
          await assertLease(tx, hall.def.id, w.id, w.label, lease, now);
          const outcome = applyAction(queue, w.id, input, now);
          if ('refused' in outcome) throw refusalProblem(outcome.refused, queue, w.id, now, input);
          const version = queue.version + (queue.changed ? 1 : 0);
          const ticket = ticketOf(queue, outcome);
          const body: OperatorActionResult = {
            action: input.action,
            ticket,
            window: await operatorWindow(tx, queue, w.id, now, version),
            version,
          };
          await audit(
            tx,
            auditEntry(c, ctx.now(), `window.${input.action}`, hall.def.id, w.id, {
              ticket: ticket?.number ?? null,
              ...(input.categoryIds ? { categoryIds: input.categoryIds } : {}),
              ...(input.to ? { to: input.to } : {}),
            }),
          );
          return { status: 200, body: await rememberAnswer(tx, hall.def.id, key, hash, 200, body, now), fresh: true };
        });
        if (!('fresh' in result)) return replayed(c, result);
        return c.body(result.body, 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/tickets', {
    POST: [
      requireRole(auth, ['ingest', 'window-staff', 'hall-admin'], inHall),
      async (c) => {
        const hall = await hallOf(ctx, c);
        const key = ticketOp.idempotencyKey(c);
        const input = await ticketOp.body<{ categoryId: string; priority?: PriorityReasonName }>(c);
        const category = hall.def.categories.find((x) => x.id === input.categoryId);
        if (!category)
          throw validationProblem([
            { pointer: '/categoryId', code: 'enum', message: `该大厅没有业务类别 ${echo(input.categoryId)}` },
          ]);
        const hash = requestHash('issueHallTicket', hall.def.id, c.get('principal').sub, input);
        const now = ctx.now();
        const { result } = await hall.write(now, async (queue, tx) => {
          const earlier = await earlierAnswer(tx, hall.def.id, key, hash);
          if (earlier) return earlier;
          hall.applyClock(queue, now);
          if (!queue.open)
            throw new ProblemError('hall-closed', {
              detail: { zh: `${hall.def.name}当前不在服务时间。`, en: `${hall.def.name} is closed.` },
            });
          const issued = queue.issueWalkIn(input.categoryId, now, input.priority ?? null);
          if (!issued) {
            throw new ProblemError('quota-exhausted', {
              detail: {
                zh: `“${category.name}”今日号码已发完。`,
                en: `Today's numbers for ${category.name} are used up.`,
              },
            });
          }
          await audit(
            tx,
            auditEntry(c, ctx.now(), 'walk-in.issue', hall.def.id, issued.number, {
              categoryId: input.categoryId,
              ...(input.priority ? { priority: input.priority } : {}),
            }),
          );
          return {
            status: 201,
            body: await rememberAnswer(tx, hall.def.id, key, hash, 201, queue.ticket(issued.number), now),
            fresh: true,
          };
        });
        if (!('fresh' in result)) return replayed(c, result);
        return c.body(result.body, 201, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
      },
    ],
  });
}
