import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from '../log.ts';
import { problemBody } from '../problem.ts';
import { answerClientErrors } from './client-error.ts';

/**
 * The answer to a request that reached Node but could not be made into a Web `Request` (a backslash in the path,
 * a Host header that does not match the URL): a problem document, where @hono/node-server would send an empty 400.
 */
function requestErrorResponse(err: unknown, log?: Logger): Response {
  const slug = err instanceof RequestError ? 'bad-request' : 'internal';
  if (slug === 'internal') {
    if (log) log.error({ err }, 'unhandled error before the app');
    else console.error('[api] unhandled error:', err);
  }
  const { status, body } = problemBody(slug, 'zh', undefined, undefined);
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Language': 'zh-CN',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The app as a Node request listener (for an http server, Vite's and web-test-runner's middleware). */
export function nodeListener(app: Hono, log?: Logger): ReturnType<typeof getRequestListener> {
  return getRequestListener(app.fetch, { errorHandler: (err) => requestErrorResponse(err, log) });
}

/** An HTTP server for the app whose every answer, even to a request it cannot read, is the API's. */
export function listen(app: Hono, port: number, hostname: string, ready?: (info: AddressInfo) => void, log?: Logger): Server {
  const server = createServer(nodeListener(app, log));
  answerClientErrors(server);
  server.listen(port, hostname, () => ready?.(server.address() as AddressInfo));
  return server;
}
