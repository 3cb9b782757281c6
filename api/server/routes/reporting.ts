import type { Context, Hono } from 'hono';
import { audit } from '../auth/audit.ts';
import { assertHall, requireRole } from '../auth/require-role.ts';
import { isValidDate } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { route } from '../http/route.ts';
import { preferredLang, ProblemError, validationProblem } from '../problem.ts';
import { toCsv } from '../reporting/csv.ts';
import { exportRecords } from '../reporting/national-record.ts';
import { OperationValidator } from '../validate.ts';

/** The longest range one export covers. */
const MAX_DAYS = 366;

/**
 * National reporting (docs/decisions/073-national-rating-records.md): hall admins export the ratings of a date range
 * as national evaluation records, and see how the push to the provincial platform stands. An admin of some halls
 * exports one of them; one of every hall may export every rating (also those naming no hall). Each export is
 * audit-logged: it carries staff numbers and residents' comments.
 */
export function reportingRoutes(app: Hono, ctx: AppContext): void {
  const exportOp = new OperationValidator(ctx.spec, '/staff/reporting/ratings', 'get');
  const admin = requireRole(ctx.auth, 'hall-admin');

  route(app, '/api/v1/staff/reporting/ratings', {
    GET: [
      admin,
      async (c: Context) => {
        const q = exportOp.query<{ from: string; to: string; format?: 'json' | 'csv'; hall?: string }>(c);
        const en = preferredLang(c.req.header('accept-language')) === 'en';
        const errors = (['from', 'to'] as const)
          .filter((k) => !isValidDate(q[k]))
          .map((k) => ({
            pointer: `/${k}`,
            code: 'format',
            message: en ? 'not a calendar day (YYYY-MM-DD)' : '不是有效的日期（YYYY-MM-DD）',
          }));
        if (!errors.length && q.to < q.from)
          errors.push({
            pointer: '/to',
            code: 'minimum',
            message: en ? '`to` is before `from`' : '结束日期早于开始日期',
          });
        const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
        if (!errors.length && days > MAX_DAYS)
          errors.push({
            pointer: '/to',
            code: 'maximum',
            message: en ? `at most ${MAX_DAYS} days at once` : `一次最多导出 ${MAX_DAYS} 天`,
          });
        if (errors.length) throw validationProblem(errors);
        const principal = c.get('principal');
        if (q.hall) assertHall(c, q.hall);
        else if (principal.halls !== '*') {
          throw new ProblemError('forbidden', {
            detail: {
              zh: '请指定您所管理的大厅（hall）；导出全区评价须为全区的大厅管理员。',
              en: 'Name one of your halls (hall): only a district-wide hall admin exports every rating.',
            },
          });
        }
        const result = await ctx.db.transaction(async (tx) => {
          const found = await exportRecords(tx, ctx.ratings.cases, {
            from: q.from,
            to: q.to,
            ...(q.hall ? { hall: q.hall } : {}),
          });
          await audit(tx, {
            principal,
            role: c.get('role'),
            action: 'report.export',
            hallId: q.hall ?? '*',
            detail: { from: q.from, to: q.to, format: q.format ?? 'json', count: found.count },
            at: ctx.now(),
            requestId: c.get('requestId'),
          });
          return found;
        });
        if (q.format === 'csv') {
          const name = `ratings-${q.from}-${q.to}${q.hall ? `-${q.hall}` : ''}.csv`;
          return c.body(toCsv(result.records), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${name}"`,
            'Cache-Control': 'no-store',
          });
        }
        return c.json(result, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });

  route(app, '/api/v1/staff/reporting/provincial-push', {
    GET: [
      admin,
      async (c: Context) => {
        if (c.get('principal').halls !== '*') {
          throw new ProblemError('forbidden', {
            detail: {
              zh: '仅全区的大厅管理员可查看省级平台推送情况。',
              en: 'Only a district-wide hall admin may see the provincial push.',
            },
          });
        }
        const push = ctx.provincialPush;
        const counts = push ? await push.status() : { pending: 0, delivered: 0, failed: 0 };
        return c.json({ configured: Boolean(push), ...counts }, 200, { 'Cache-Control': 'no-store' });
      },
    ],
  });
}
