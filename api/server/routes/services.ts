import type { Context, Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { etagMatches } from '../http/etag.ts';
import { route } from '../http/route.ts';
import { echo, ProblemError } from '../problem.ts';
import { serviceSummary } from '../services/catalogue.ts';
import { searchServices, type SearchQuery } from '../services/search.ts';
import { findService } from '../services/store.ts';
import { OperationValidator } from '../validate.ts';

const CATALOGUE_CACHE = 'public, max-age=300';

/** br, then gzip, then none, as the client accepts them (q=0 refuses). */
function encodingFor(c: Context): 'br' | 'gzip' | null {
  const accepted = (c.req.header('accept-encoding') ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => (name ?? '').trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

export function serviceRoutes(app: Hono, ctx: AppContext): void {
  const search = new OperationValidator(ctx.spec, '/services/search', 'get');

  route(app, '/api/v1/services/catalogue', {
    GET: (c) => {
      const cat = ctx.catalogue;
      const headers: Record<string, string> = { ETag: cat.etag, 'Cache-Control': CATALOGUE_CACHE, Vary: 'Accept-Encoding' };
      if (etagMatches(c.req.header('if-none-match'), cat.etag)) return c.body(null, 304, headers);
      const encoding = encodingFor(c);
      const body = encoding === 'br' ? cat.brotli : encoding === 'gzip' ? cat.gzip : cat.json;
      return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
    },
  });

  route(app, '/api/v1/services/search', {
    GET: (c) => {
      const query = search.query<SearchQuery>(c);
      const result = searchServices(ctx.services, query);
      return c.json({
        q: result.q,
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        items: result.records.map((r) => serviceSummary(r, ctx.services.departments)),
      });
    },
  });

  route(app, '/api/v1/services/:code', {
    GET: async (c) => {
      const code = c.req.param('code') ?? '';
      const detail = /^[A-Za-z0-9-]{1,64}$/.test(code) ? await findService(ctx.db, code) : null;
      if (!detail) throw new ProblemError('not-found', { detail: { zh: `没有编码为 ${echo(code)} 的办事事项。`, en: `There is no service item ${echo(code)}.` } });
      return c.json(detail);
    },
  });
}
