import type { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { route } from '../http/route.ts';
import { preferredLang, ProblemError } from '../problem.ts';
import { TRACKING_CODE } from '../ratings/follow-up.ts';
import type { Verdict } from '../ratings/case-states.ts';
import { ratingFigures } from '../ratings/figures.ts';
import { COMMENT_MAX_LENGTH, RATING_LEVELS } from '../ratings/reasons.ts';
import type { RatingInput } from '../payloads.ts';
import { OperationValidator } from '../validate.ts';

export function ratingRoutes(app: Hono, ctx: AppContext): void {
  const submit = new OperationValidator(ctx.spec, '/ratings', 'post');
  const summary = new OperationValidator(ctx.spec, '/ratings/summary', 'get');
  const followUp = new OperationValidator(ctx.spec, '/ratings/follow-up/{trackingCode}', 'get');
  const verdictOp = new OperationValidator(ctx.spec, '/ratings/follow-up/{trackingCode}/verdict', 'post');
  const figuresOp = new OperationValidator(ctx.spec, '/ratings/figures', 'get');
  const reasons = { levels: RATING_LEVELS, commentMaxLength: COMMENT_MAX_LENGTH, followUpWorkingDays: ctx.ratings.cases.policy.workingDays };

  route(app, '/api/v1/ratings/reasons', {
    GET: (c) => c.json(reasons, 200, { 'Cache-Control': 'public, max-age=3600' }),
  });

  route(app, '/api/v1/ratings', {
    POST: async (c) => {
      await ctx.limiters.rating(ctx.limiters.client(c));
      const key = submit.idempotencyKey(c);
      const input = await submit.body<RatingInput>(c);
      const { receipt, replayed } = await ctx.ratings.submit(input, key, preferredLang(c.req.header('accept-language')));
      if (replayed) {
        ctx.metrics.replays.inc({ operation: 'submitRating' });
        return c.json(receipt, 200, { 'Idempotent-Replayed': 'true' });
      }
      ctx.metrics.ratings.inc({ level: String(receipt.level) });
      return c.json(receipt, 201);
    },
  });

  route(app, '/api/v1/ratings/summary', {
    GET: async (c) => {
      const scope = summary.query<{ service?: string; window?: string; hall?: string }>(c);
      return c.json(await ctx.ratings.summary(scope));
    },
  });

  route(app, '/api/v1/ratings/follow-up/:trackingCode', {
    GET: async (c) => {
      // Every lookup counts, found or not: trying codes is what the limit is for.
      await ctx.limiters.lookup(ctx.limiters.client(c));
      const query = followUp.query<{ case: string }>(c);
      const code = c.req.param('trackingCode') ?? '';
      const found = TRACKING_CODE.test(code) ? await ctx.ratings.followUp(code, query.case) : null;
      // An unknown code and a code of another case are answered alike, so neither can be told from the other.
      if (!found) throw noFollowUp();
      return c.json(found);
    },
  });

  // The resident's verdict on the fix, once, authorised as the lookup is (the code and the case id).
  route(app, '/api/v1/ratings/follow-up/:trackingCode/verdict', {
    POST: async (c) => {
      await ctx.limiters.lookup(ctx.limiters.client(c));
      const query = verdictOp.query<{ case: string }>(c);
      const { verdict } = await verdictOp.body<{ verdict: Verdict }>(c);
      const code = c.req.param('trackingCode') ?? '';
      const outcome = TRACKING_CODE.test(code) ? await ctx.ratings.cases.giveVerdict(code, query.case, verdict) : null;
      if (!outcome) throw noFollowUp();
      return outcome.replayed ? c.json(outcome.view, 200, { 'Idempotent-Replayed': 'true' }) : c.json(outcome.view, 201);
    },
  });

  route(app, '/api/v1/ratings/figures', {
    GET: async (c) => {
      const query = figuresOp.query<{ by: 'hall' | 'department' | 'month'; hall?: string; from?: string; to?: string }>(c);
      return c.json(await ratingFigures(ctx.db, ctx.now(), query), 200, { 'Cache-Control': 'public, max-age=300' });
    },
  });
}

const noFollowUp = () =>
  new ProblemError('not-found', {
    detail: { zh: '没有与这个跟踪码和办件编号相符的差评整改记录。', en: 'There is no follow-up with this tracking code for this case.' },
  });
