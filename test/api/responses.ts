import assert from 'node:assert/strict';
import { ApiSpec, type HttpMethod } from '../../api/server/spec.ts';

/** The spec every response is checked against, loaded once per process. */
export const spec = ApiSpec.load();

export interface Checked<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

// Any endpoint may answer these even when the operation does not list them (see the spec's "Errors").
const GENERIC: Record<number, string> = { 405: 'method-not-allowed', 429: 'rate-limited', 500: 'internal', 503: 'unavailable' };

function schemaErrors(pointer: string, value: unknown): string | null {
  const validate = spec.validator(pointer);
  if (validate(value)) return null;
  return JSON.stringify(validate.errors?.slice(0, 5), null, 1);
}

/**
 * Sends a request and checks the answer against api/openapi.yaml: the status is documented for the operation
 * (or one any endpoint may give), the Content-Type is the documented one, and the JSON body validates.
 */
export async function call<T = any>(
  baseUrl: string,
  method: HttpMethod,
  template: string,
  init: {
    path?: Record<string, string>;
    query?: Record<string, string | number | boolean>;
    headers?: Record<string, string>;
    body?: unknown;
    rawBody?: BodyInit;
    expect?: number | number[];
  } = {},
): Promise<Checked<T>> {
  let path = template;
  for (const [k, v] of Object.entries(init.path ?? {})) path = path.replace(`{${k}}`, encodeURIComponent(v));
  const url = new URL(`/api/v1${path}`, baseUrl);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...init.headers };
  let body: BodyInit | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  const where = `${method.toUpperCase()} ${url.pathname}${url.search} → ${res.status}`;
  if (init.expect !== undefined) {
    const expected = Array.isArray(init.expect) ? init.expect : [init.expect];
    assert.ok(expected.includes(res.status), `${where}, expected ${expected.join(' or ')}: ${text.slice(0, 500)}`);
  }
  assert.equal(res.headers.get('access-control-allow-origin'), '*', `${where}: CORS header missing`);
  const known = spec.hasOperation(template, method);
  const documented = known ? spec.documentedStatuses(template, method) : [];
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = undefined;
  if (res.status === 304) {
    assert.equal(text, '', `${where}: 304 must have no body`);
    assert.ok(res.headers.get('etag'), `${where}: 304 must repeat the ETag`);
  } else if (res.status >= 400) {
    assert.match(contentType, /^application\/problem\+json/, `${where}: errors are problem+json, got ${contentType}`);
    parsed = JSON.parse(text);
    const problem = parsed as { type: string; status: number };
    assert.equal(problem.status, res.status, `${where}: problem.status`);
    const err = schemaErrors('/components/schemas/Problem', parsed);
    assert.equal(err, null, `${where}: problem body breaks the Problem schema: ${err}`);
    // An undocumented path or method may only be refused as such.
    const generic = known ? GENERIC[res.status] : ({ 404: 'not-found', 405: 'method-not-allowed' } as Record<number, string>)[res.status];
    if (generic && !documented.includes(String(res.status))) {
      assert.equal(problem.type, `urn:zhengwu-widgets:problem:${generic}`, `${where}: undocumented status`);
    } else {
      assert.ok(documented.includes(String(res.status)), `${where}: status not documented for ${template}`);
    }
    assert.doesNotMatch(text, /\bat .+\.(ts|js):\d+/, `${where}: a stack trace leaked`);
  } else {
    assert.ok(documented.includes(String(res.status)), `${where}: status not documented (${documented.join(', ')})`);
    const pointer = spec.responsePointer(template, method, res.status, contentType);
    assert.ok(pointer, `${where}: content type ${contentType} is not documented`);
    if (/json/.test(contentType)) {
      parsed = JSON.parse(text);
      const err = schemaErrors(pointer, parsed);
      assert.equal(err, null, `${where}: body breaks the schema: ${err}`);
    }
  }
  return { status: res.status, headers: res.headers, text, body: parsed as T };
}

/** Asserts a problem's slug, and for validation problems that some error names `pointer`. */
export function assertProblem(res: Checked, status: number, slug: string, pointer?: string): void {
  assert.equal(res.status, status, `expected ${status} ${slug}, got ${res.status}: ${res.text.slice(0, 300)}`);
  const problem = res.body as { type: string; errors?: { pointer: string }[] };
  assert.equal(problem.type, `urn:zhengwu-widgets:problem:${slug}`);
  if (pointer !== undefined) {
    const pointers = (problem.errors ?? []).map((e) => e.pointer);
    assert.ok(pointers.includes(pointer), `expected an error at ${pointer}, got ${JSON.stringify(pointers)}`);
  }
}

/** A value that validates against a named component schema (for SSE data and nested checks). */
export function assertSchema(name: string, value: unknown, what = name): void {
  const err = schemaErrors(`/components/schemas/${name}`, value);
  assert.equal(err, null, `${what} breaks ${name}: ${err}`);
}
