import type { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { clientIp } from '../http/client-ip.ts';
import { route } from '../http/route.ts';
import { preferredLang, ProblemError } from '../problem.ts';
import { COMMENT_MAX_LENGTH, FOLLOW_UP_WORKING_DAYS, RATING_LEVELS } from '../ratings/reasons.ts';
import type { RatingInput } from '../payloads.ts';
import { OperationValidator } from '../validate.ts';

export function ratingRoutes(app: Hono, ctx: AppContext): void {
  const submit = new OperationValidator(ctx.spec, '/ratings', 'post');
  const summary = new OperationValidator(ctx.spec, '/ratings/summary', 'get');
  const reasons = { levels: RATING_LEVELS, commentMaxLength: COMMENT_MAX_LENGTH, followUpWorkingDays: FOLLOW_UP_WORKING_DAYS };

  route(app, '/api/v1/ratings/reasons', {
    GET: (c) => c.json(reasons, 200, { 'Cache-Control': 'public, max-age=3600' }),
  });

  route(app, '/api/v1/ratings', {
    POST: async (c) => {
      // Every attempt counts, valid or not: the limit protects the endpoint, not just the table.
      const wait = ctx.ratingLimiter.hit(clientIp(c, ctx.trustProxy), ctx.now().getTime());
      if (wait > 0) {
        throw new ProblemError('rate-limited', { detail: { zh: `请 ${wait} 秒后再试。`, en: `Please try again in ${wait} s.` }, headers: { 'Retry-After': String(wait) } });
      }
      const key = submit.idempotencyKey(c);
      const input = await submit.body<RatingInput>(c);
      const { receipt, replayed } = await ctx.ratings.submit(input, key, preferredLang(c.req.header('accept-language')));
      if (replayed) return c.json(receipt, 200, { 'Idempotent-Replayed': 'true' });
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
      const code = c.req.param('trackingCode') ?? '';
      const followUp = /^HC[0-9]{8}-[0-9A-Z]{4}$/.test(code) ? await ctx.ratings.followUp(code) : null;
      if (!followUp) throw new ProblemError('not-found', { detail: { zh: `没有跟踪码为 ${code} 的差评整改记录。`, en: `There is no follow-up ${code}.` } });
      return c.json(followUp);
    },
  });
}
