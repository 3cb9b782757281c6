import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import { audit, auditEntry } from '../auth/audit.ts';
import { assertHall, requireRole } from '../auth/require-role.ts';
import type { AppContext } from '../context.ts';
import { route } from '../http/route.ts';
import { preferredLang, ProblemError } from '../problem.ts';
import { findHall } from '../queue/halls.ts';
import type { AssignmentInput, DeskWrite, RatingCase, RevisitInput, TransitionInput } from '../ratings/cases.ts';
import type { CaseState } from '../ratings/case-states.ts';
import { OperationValidator } from '../validate.ts';

/**
 * The 差评 desk (docs/decisions/072-rating-desk-scope.md): rating officers work the 差评 of their halls. Every
 * operation needs the `rating-officer` role in the rating's hall (a rating that names no hall: in every hall), every
 * write and every reading of a resident's number is audit-logged in the transaction that makes it, and residents'
 * numbers are opened one rating at a time, never listed.
 */
export function ratingDeskRoutes(app: Hono, ctx: AppContext): void {
  const auth = ctx.auth;
  const cases = ctx.ratings.cases;
  const officer = requireRole(auth, 'rating-officer');
  const inHall = requireRole(auth, 'rating-officer', { hall: (c: Context) => c.req.param('hallId') ?? '' });
  const listOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/rating-cases', 'get');
  const followUpsOp = new OperationValidator(ctx.spec, '/staff/halls/{hallId}/follow-ups', 'get');
  const transitionOp = new OperationValidator(ctx.spec, '/staff/rating-cases/{caseId}/transitions', 'post');
  const assignmentOp = new OperationValidator(ctx.spec, '/staff/rating-cases/{caseId}/assignment', 'post');
  const revisitOp = new OperationValidator(ctx.spec, '/staff/rating-cases/{caseId}/revisits', 'post');

  const hallNamed = (c: Context) => {
    const id = c.req.param('hallId') ?? '';
    if (!findHall(id))
      throw new ProblemError('not-found', { detail: { zh: '没有这个大厅。', en: 'There is no such hall.' } });
    return id;
  };
  const noCase = () =>
    new ProblemError('not-found', { detail: { zh: '没有这个差评。', en: 'There is no such 差评 case.' } });

  /**
   * The audit log's hall of a rating, once the officer may act in it: 403 for another hall. A rating that names no
   * hall is the district's: only an officer of every hall may open it.
   */
  const scope = (c: Context, hallId: string | null): string => {
    if (hallId === null && c.get('principal').halls !== '*') {
      throw new ProblemError('forbidden', {
        detail: {
          zh: '该评价不属于任何大厅，仅全区的差评回访专员可查看。',
          en: 'This rating names no hall: only a district-wide rating officer may open it.',
        },
      });
    }
    if (hallId !== null) assertHall(c, hallId);
    return hallId ?? '*';
  };
  /** The case the path names and its hall, once the officer may act in it: 404 for no case, 403 for another hall. */
  const scopedCase = async (c: Context): Promise<{ id: string; hall: string }> => {
    const id = c.req.param('caseId') ?? '';
    const hallId = /^[0-9a-f-]{36}$/.test(id) ? await cases.hallOf(id) : undefined;
    if (hallId === undefined) throw noCase();
    return { id, hall: scope(c, hallId) };
  };
  route(app, '/api/v1/staff/halls/:hallId/rating-cases', {
    GET: [
      inHall,
      async (c) => {
        const hallId = hallNamed(c);
        const { state = 'open', limit = 100 } = listOp.query<{ state?: 'open' | 'all' | CaseState; limit?: number }>(c);
        const items = await cases.list(hallId, state, limit);
        return c.json({ items, workingDays: cases.policy.workingDays }, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/rating-cases/:caseId', {
    GET: [
      officer,
      async (c) => {
        const { id } = await scopedCase(c);
        const found = await cases.get(id);
        if (!found) throw noCase();
        return c.json(found, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  /**
   * The three writes read alike: the case in the officer's scope, the key, the checked body; then the store writes
   * the change and its audit entry in one transaction.
   */
  const write = <T>(
    op: OperationValidator,
    action: string,
    detailOf: (input: T) => Record<string, unknown>,
    run: (w: DeskWrite, input: T) => Promise<{ view: RatingCase; replayed: boolean } | null>,
  ): [MiddlewareHandler, Handler] => [
    officer,
    async (c: Context) => {
      const { id, hall } = await scopedCase(c);
      const key = op.idempotencyKey(c);
      const input = await op.body<T>(c);
      const p = c.get('principal');
      const w: DeskWrite = {
        id,
        key,
        actor: { sub: p.sub, ...(p.name ? { name: p.name } : {}) },
        lang: preferredLang(c.req.header('accept-language')),
        log: (tx) => audit(tx, auditEntry(c, ctx.now(), action, hall, id, detailOf(input))),
      };
      const outcome = await run(w, input);
      if (!outcome) throw noCase();
      return c.json(outcome.view, 200, {
        'Cache-Control': 'no-store',
        ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      });
    },
  ];

  route(app, '/api/v1/staff/rating-cases/:caseId/transitions', {
    POST: write<TransitionInput>(
      transitionOp,
      'rating-case.transition',
      (i) => ({
        to: i.to,
        ...(i.outcome ? { outcome: i.outcome } : {}),
        ...(i.annulReason ? { annulReason: i.annulReason } : {}),
      }),
      (w, i) => cases.transition(w, i),
    ),
  });
  route(app, '/api/v1/staff/rating-cases/:caseId/assignment', {
    POST: write<AssignmentInput>(
      assignmentOp,
      'rating-case.assign',
      (i) => ({ department: i.department }),
      (w, i) => cases.assign(w, i),
    ),
  });
  route(app, '/api/v1/staff/rating-cases/:caseId/revisits', {
    POST: write<RevisitInput>(
      revisitOp,
      'rating-case.revisit',
      (i) => ({ reached: i.reached, ...(i.verdict ? { verdict: i.verdict } : {}) }),
      (w, i) => cases.revisit(w, i),
    ),
  });

  route(app, '/api/v1/staff/rating-departments', {
    GET: [
      officer,
      async (c) => c.json({ departments: await cases.departments() }, 200, { 'Cache-Control': 'no-store' }),
    ],
  });

  // The first desk's list, newest first (kept for clients written before rating-cases).
  route(app, '/api/v1/staff/halls/:hallId/follow-ups', {
    GET: [
      inHall,
      async (c) => {
        const hallId = hallNamed(c);
        const { limit = 50 } = followUpsOp.query<{ limit?: number }>(c);
        return c.json({ items: await ctx.ratings.followUps(hallId, limit) }, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/ratings/:ratingId/contact', {
    GET: [
      officer,
      async (c) => {
        const id = c.req.param('ratingId') ?? '';
        const missing = () =>
          new ProblemError('not-found', {
            detail: {
              zh: `该评价没有留存的联系电话：评价人未留下，或已在评价 ${ctx.personalDataDays} 天后删除。`,
              en: `No phone number is kept for this rating: none was left, or it was deleted ${ctx.personalDataDays} days after the rating.`,
            },
          });
        const hallId = /^[0-9a-f-]{36}$/.test(id) ? await ctx.ratings.hallOf(id) : undefined;
        if (hallId === undefined) throw missing();
        const hall = scope(c, hallId);
        // Opening the number and logging who opened it happen together, or not at all.
        const contact = await ctx.db.transaction(async (tx) => {
          const found = await ctx.ratings.contact(id, tx);
          if (found) await audit(tx, auditEntry(c, ctx.now(), 'contact.read', hall, id));
          return found;
        });
        if (!contact) throw missing();
        return c.json(contact, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });
}
