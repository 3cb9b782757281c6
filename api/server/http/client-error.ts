import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody, type ProblemSlug } from '../problem.ts';

/** What can emit Node's `clientError`: an http or https server (the types of @hono/node-server's and Vite's). */
interface ClientErrorSource {
  on(event: 'clientError', listener: (err: Error & { code?: string }, socket: Duplex) => void): unknown;
}

/** Node's parser errors and what the client is told about each. */
function slugOf(code: string | undefined): ProblemSlug {
  if (code === 'HPE_HEADER_OVERFLOW') return 'request-header-fields-too-large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  return 'bad-request';
}

/**
 * The raw HTTP/1.1 answer to a request the parser refused: a problem document like every other error of the API
 * (Node would send a bare `400 Bad Request` with no body), with CORS so that browser code can read it. The request
 * was not understood, so there is no `instance` and the language is the default.
 */
export function clientErrorResponse(code: string | undefined): string {
  const slug = slugOf(code);
  const { status, body } = problemBody(slug, 'zh', undefined, undefined);
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/problem+json; charset=utf-8',
    'Content-Language: zh-CN',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Cache-Control: no-store',
    'Access-Control-Allow-Origin: *',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}

/** Answers the requests Node's HTTP parser refuses (malformed, headers too large, too slow) with problem+json. */
export function answerClientErrors(server: ClientErrorSource): void {
  server.on('clientError', (err, socket) => {
    // A connection that is already gone (the client reset it) has nobody to answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err.code));
  });
}

/**
 * Whether an error only says that the client went away in the middle of its request (closed the tab, lost the
 * network): nothing to answer and nothing wrong with the server, so it is not logged as a failure.
 */
export function isClientGone(err: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  const e = err as { message?: string; code?: string; name?: string } | null;
  return Boolean(e && (e.message === 'aborted' || e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE' || e.name === 'AbortError'));
}
