import type { Context, Hono } from 'hono';
import { localTime } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { etagMatches } from '../http/etag.ts';
import { route } from '../http/route.ts';
import { echo, ProblemError } from '../problem.ts';
import { forecast } from '../queue/forecast.ts';
import { HALLS } from '../queue/halls.ts';
import type { Hall } from '../queue/simulator.ts';
import { OperationValidator } from '../validate.ts';

export function queueRoutes(app: Hono, ctx: AppContext): void {
  const take = new OperationValidator(ctx.spec, '/halls/{hallId}/tickets', 'post');

  /**
   * The hall named in the path, brought up to date with the database (a change made through another replica a
   * moment ago is seen here) and with the clock (the simulator may be paused).
   */
  const hallOf = async (c: Context): Promise<Hall> => {
    const id = c.req.param('hallId') ?? '';
    const hall = ctx.simulator.hall(id);
    if (!hall) throw new ProblemError('not-found', { detail: { zh: `没有 id 为 ${echo(id)} 的大厅。`, en: `There is no hall ${echo(id)}.` } });
    await hall.refresh();
    await hall.syncClock(ctx.now());
    return hall;
  };

  route(app, '/api/v1/halls', {
    GET: (c) => c.json({ halls: HALLS.map((h) => ({ id: h.id, name: h.name, address: h.address })) }),
  });

  route(app, '/api/v1/halls/:hallId/snapshot', {
    GET: async (c) => {
      const hall = await hallOf(c);
      const { queue } = hall;
      const etag = `"${hall.epoch}.${queue.version}"`;
      if (etagMatches(c.req.header('if-none-match'), etag)) {
        return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' });
      }
      return c.json(queue.snapshot(), 200, { ETag: etag, 'Cache-Control': 'no-cache' });
    },
  });

  route(app, '/api/v1/halls/:hallId/events', {
    GET: async (c) => {
      if (ctx.draining()) {
        // A stopping replica takes no new streams: the client reconnects, through the load balancer, elsewhere.
        throw new ProblemError('unavailable', {
          detail: { zh: '此服务实例正在停止，请重新连接。', en: 'This replica is stopping; please reconnect.' },
          headers: { 'Retry-After': '1' },
        });
      }
      const hall = await hallOf(c);
      // The header wins over the query parameter; an unusable value simply gets a fresh snapshot.
      const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
      // A HEAD request would never read (or cancel) the stream, so it must not join the fan-out.
      const stream = c.req.method === 'HEAD' ? null : hall.hub.connect(lastEventId, c.req.raw.signal, await hall.olderPatches(lastEventId));
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          // no-transform keeps compression middleware (e.g. a dev server's) from buffering the stream.
          'Cache-Control': 'no-cache, no-transform',
          // Reverse proxies (nginx) must pass events through as they come.
          'X-Accel-Buffering': 'no',
        },
      });
    },
  });

  route(app, '/api/v1/halls/:hallId/tickets', {
    POST: async (c) => {
      const client = ctx.limiters.client(c);
      // Every attempt counts, valid or not.
      await ctx.limiters.take(client);
      const hall = await hallOf(c);
      const key = take.idempotencyKey(c);
      const body = await take.body<{ categoryId: string }>(c);
      const { ticket, replayed } = await ctx.online.take(hall, body.categoryId, key, client);
      if (replayed) {
        ctx.metrics.replays.inc({ operation: 'takeTicket' });
        return c.json(ticket, 200, { 'Idempotent-Replayed': 'true' });
      }
      return c.json(ticket, 201);
    },
  });

  route(app, '/api/v1/halls/:hallId/tickets/:number', {
    GET: async (c) => {
      const { queue } = await hallOf(c);
      const number = c.req.param('number') ?? '';
      const ticket = /^[A-Z][0-9]{3}$/.test(number) ? queue.ticket(number) : null;
      if (!ticket) throw new ProblemError('not-found', { detail: { zh: `今日没有号码为 ${echo(number)} 的排队号。`, en: `There is no ticket ${echo(number)} today.` } });
      return c.json(ticket);
    },
  });

  route(app, '/api/v1/halls/:hallId/forecast', {
    GET: async (c) => {
      const { queue } = await hallOf(c);
      return c.json(forecast(queue.def, localTime(ctx.now()).date));
    },
  });
}
