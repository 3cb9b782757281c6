import { ApiError, type ProblemBody } from './errors.js';
import { checkFor, type PayloadCheck, type SchemaRef } from './payload.js';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Validates a 2xx JSON body; a mismatch becomes an `invalid-payload` error naming the field. Prefer the schema's
   * name (`'Ticket'`): the checks module is fetched alongside the request (see payload.ts).
   */
  schema?: SchemaRef;
  /** Aborts the request (and any wait between retries). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Extra attempts after the first; GETs only unless the request carries an Idempotency-Key. */
  retries?: number;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** True when the server answered 304 and `data` is the copy kept from the earlier 200. */
  notModified: boolean;
  headers: Headers;
}

export interface ApiClientOptions {
  /** Where the API lives: '' or '/' for the same origin, or an absolute URL. Paths start with `/api/v1`. */
  base?: string;
  timeoutMs?: number;
  /** Sent as Accept-Language so problem details come back in the resident's language. */
  lang?: string;
}

const RETRY_BASE_MS = 400;
const RETRY_CAP_MS = 8000;

/** Waits `ms`, or rejects as aborted when `signal` fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('aborted', 'aborted'));
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', abort, { once: true });
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new ApiError('aborted', 'aborted'));
    }
  });
}

/** Exponential backoff with "equal jitter": half fixed, half random, so many clients do not retry in step. */
export function backoffDelay(attempt: number, base = RETRY_BASE_MS, cap = RETRY_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The longest `Retry-After` the client waits out by itself before it retries. */
export const MAX_RETRY_WAIT_MS = 60_000;

/**
 * A small fetch wrapper for the zhengwu-widgets API: timeouts, retries with backoff for safe requests,
 * ETag revalidation, problem+json errors and runtime payload validation. One client per element.
 */
export class ApiClient {
  #cache = new Map<string, { etag: string; data: unknown }>();
  #options: ApiClientOptions;

  constructor(options: ApiClientOptions = {}) {
    this.#options = options;
  }

  url(path: string): string {
    const base = (this.#options.base ?? '').replace(/\/+$/, '');
    return base + path;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  post<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { retries: 0, ...options, method: 'POST', body });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const method = options.method ?? 'GET';
    const idempotent = method === 'GET' || Boolean(options.headers?.['Idempotency-Key']);
    const retries = idempotent ? (options.retries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      // Asked for with the request, so that the check arrives while the server answers.
      const check = options.schema === undefined ? undefined : checkFor(options.schema);
      check?.catch(() => undefined);
      try {
        return await this.#once<T>(path, method, options, check);
      } catch (error) {
        const apiError = error as ApiError;
        if (!(apiError instanceof ApiError) || !apiError.transient || attempt >= retries) throw error;
        // A server that asks for a long wait (a daily limit answers "until midnight") is answered now, not slept on.
        if ((apiError.details.retryAfterMs ?? 0) > MAX_RETRY_WAIT_MS) throw error;
        await sleep(apiError.details.retryAfterMs ?? backoffDelay(attempt), options.signal);
      }
    }
  }

  async #once<T>(
    path: string,
    method: string,
    options: RequestOptions,
    check?: Promise<PayloadCheck>,
  ): Promise<ApiResponse<T>> {
    const url = this.url(path);
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (this.#options.lang) headers['Accept-Language'] = this.#options.lang;
    const cached = method === 'GET' ? this.#cache.get(url) : undefined;
    if (cached) headers['If-None-Match'] = cached.etag;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 10_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    options.signal?.addEventListener('abort', forwardAbort, { once: true });
    if (options.signal?.aborted) controller.abort();

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch {
      if (options.signal?.aborted) throw new ApiError('aborted', 'aborted');
      if (timedOut) throw new ApiError('timeout', `No answer from ${url} within ${timeoutMs} ms`);
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new ApiError(offline ? 'offline' : 'network', `Could not reach ${url}`);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', forwardAbort);
    }

    if (response.status === 304 && cached) {
      return { data: cached.data as T, status: 304, notModified: true, headers: response.headers };
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ApiError('http', `${method} ${url} answered ${response.status}`, {
        status: response.status,
        problem: parseProblem(text),
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      });
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ApiError('invalid-payload', `${url} did not answer with JSON`, { status: response.status, field: '(root)' });
    }
    // A check that could not be fetched fails this attempt as the network would (and is asked for again).
    const data = check ? (await check)<T>(body) : (body as T);
    const etag = response.headers.get('ETag');
    if (method === 'GET' && etag) this.#cache.set(url, { etag, data });
    return { data, status: response.status, notModified: false, headers: response.headers };
  }
}

function parseProblem(text: string): ProblemBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as ProblemBody) : undefined;
  } catch {
    return undefined;
  }
}
