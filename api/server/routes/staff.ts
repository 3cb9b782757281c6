import type { Context, Hono } from 'hono';
import { audit, auditEntries, auditEntry } from '../auth/audit.ts';
import { requireRole } from '../auth/require-role.ts';
import type { AppContext } from '../context.ts';
import { route } from '../http/route.ts';
import { echo, ProblemError, validationProblem } from '../problem.ts';
import type { Hall } from '../queue/simulator.ts';
import { OperationValidator } from '../validate.ts';

/**
 * The operator API: what staff and machines do in a hall (docs/decisions/054-staff-sign-in.md). Every operation
 * needs credentials with a role in the hall (requireRole), and every write is audit-logged in the transaction that
 * makes it, so there is no change without its entry and no entry without its change.
 */
export function staffRoutes(app: Hono, ctx: AppContext): void {
  const auth = ctx.auth;
  const inHall = { hall: (c: Context) => c.req.param('hallId') ?? '' };
  const callOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/windows/{windowId}/call', 'post');
  const statusOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/windows/{windowId}/status', 'post');
  const walkInOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/walk-ins', 'post');
  const simulatorOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/simulator', 'post');
  const auditOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/audit', 'get');

  const hallOf = async (c: Context): Promise<Hall> => {
    const id = c.req.param('hallId') ?? '';
    const hall = ctx.simulator.hall(id);
    if (!hall) throw new ProblemError('not-found', { detail: { zh: `没有 id 为 ${echo(id)} 的大厅。`, en: `There is no hall ${echo(id)}.` } });
    await hall.refresh();
    await hall.syncClock(ctx.now());
    return hall;
  };
  const windowOf = (c: Context, hall: Hall) => {
    const id = c.req.param('windowId') ?? '';
    const w = hall.def.windows.find((x) => x.id === id);
    if (!w) throw new ProblemError('not-found', { detail: { zh: `${hall.def.name}没有窗口 ${echo(id)}。`, en: `${hall.def.name} has no window ${echo(id)}.` } });
    return w;
  };
  const windowView = (hall: Hall, id: string) => hall.queue.snapshot().windows.find((w) => w.id === id)!;

  route(app, '/api/v1/staff/me', {
    GET: [
      requireRole(auth, ['window-staff', 'hall-admin', 'rating-officer', 'ingest']),
      (c) => {
        const p = c.get('principal');
        return c.json({ sub: p.sub, ...(p.name ? { name: p.name } : {}), roles: p.roles, halls: p.halls, via: p.via }, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId/call', {
    POST: [
      requireRole(auth, ['window-staff', 'hall-admin'], inHall),
      async (c) => {
        const hall = await hallOf(c);
        const w = windowOf(c, hall);
        const { outcome = 'served' } = await callOp.optionalBody<{ outcome?: 'served' | 'missed' }>(c);
        const now = ctx.now();
        const { result, patch } = await hall.write(now, async (queue, tx) => {
          hall.applyClock(queue, now);
          const state = queue.windowStates.find((x) => x.def.id === w.id)!;
          if (state.status !== 'open') {
            throw new ProblemError('conflict', { detail: { zh: `${w.label}当前未开放。`, en: `${w.label} is not open.` } });
          }
          const finished = state.serving?.number ?? null;
          queue.callNext(w.id, now, outcome);
          const called = queue.windowStates.find((x) => x.def.id === w.id)!.serving?.number ?? null;
          await audit(tx, auditEntry(c, ctx.now(), 'window.call', hall.def.id, w.id, { outcome, finished, called }));
          return called;
        });
        return c.json({ window: windowView(hall, w.id), called: result ? hall.queue.ticket(result) : null, version: patch?.version ?? hall.queue.version });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/windows/:windowId/status', {
    POST: [
      requireRole(auth, ['window-staff', 'hall-admin'], inHall),
      async (c) => {
        const hall = await hallOf(c);
        const w = windowOf(c, hall);
        const { status } = await statusOp.body<{ status: 'open' | 'paused' }>(c);
        const now = ctx.now();
        await hall.write(now, async (queue, tx) => {
          hall.applyClock(queue, now);
          const state = queue.windowStates.find((x) => x.def.id === w.id)!;
          if (state.status === 'closed') {
            throw new ProblemError('conflict', { detail: { zh: `${hall.def.name}当前不在服务时间，${w.label}已关闭。`, en: `${hall.def.name} is closed, and so is ${w.label}.` } });
          }
          const before = state.status;
          queue.setWindowStatus(w.id, status);
          await audit(tx, auditEntry(c, ctx.now(), 'window.status', hall.def.id, w.id, { from: before, to: status }));
        });
        return c.json(windowView(hall, w.id));
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/walk-ins', {
    POST: [
      requireRole(auth, ['ingest', 'window-staff', 'hall-admin'], inHall),
      async (c) => {
        const hall = await hallOf(c);
        const { categoryId } = await walkInOp.body<{ categoryId: string }>(c);
        const category = hall.def.categories.find((x) => x.id === categoryId);
        if (!category) throw validationProblem([{ pointer: '/categoryId', code: 'enum', message: `该大厅没有业务类别 ${echo(categoryId)}` }]);
        const now = ctx.now();
        const { result: number } = await hall.write(now, async (queue, tx) => {
          hall.applyClock(queue, now);
          if (!queue.open) {
            throw new ProblemError('hall-closed', { detail: { zh: `${hall.def.name}当前不在服务时间。`, en: `${hall.def.name} is closed.` } });
          }
          const ticket = queue.issue(categoryId, now, false);
          if (!ticket) {
            throw new ProblemError('quota-exhausted', { detail: { zh: `“${category.name}”今日号码已发完。`, en: `Today's numbers for ${category.name} are used up.` } });
          }
          await audit(tx, auditEntry(c, ctx.now(), 'walk-in.issue', hall.def.id, ticket.number, { categoryId }));
          return ticket.number;
        });
        return c.json(hall.queue.ticket(number), 201);
      },
    ],
  });

  const simulatorState = async (hall: Hall) => ({ hallId: hall.def.id, running: await ctx.simulator.running(hall), version: hall.queue.version });

  route(app, '/api/v1/staff/halls/:hallId/simulator', {
    GET: [requireRole(auth, 'hall-admin', inHall), async (c) => c.json(await simulatorState(await hallOf(c)), 200, { 'Cache-Control': 'no-store' })],
    POST: [
      requireRole(auth, 'hall-admin', inHall),
      async (c) => {
        const hall = await hallOf(c);
        const { action } = await simulatorOp.body<{ action: 'pause' | 'resume' | 'step' }>(c);
        if (action === 'step') {
          await ctx.simulator.step(hall, undefined, (tx) => audit(tx, auditEntry(c, ctx.now(), 'simulator.step', hall.def.id)));
        } else {
          await hall.write(ctx.now(), async (_queue, tx) => {
            await tx.query('UPDATE hall_heads SET sim_paused = $2 WHERE hall_id = $1', [hall.def.id, action === 'pause']);
            await audit(tx, auditEntry(c, ctx.now(), `simulator.${action}`, hall.def.id));
          });
        }
        return c.json(await simulatorState(hall), 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/halls/:hallId/audit', {
    GET: [
      requireRole(auth, 'hall-admin', inHall),
      async (c) => {
        const hall = await hallOf(c);
        const { limit = 50 } = auditOp.query<{ limit?: number }>(c);
        return c.json({ entries: await auditEntries(ctx.db, hall.def.id, limit) }, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });
}
