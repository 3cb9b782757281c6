import { backoffDelay, sleep, type ApiClient } from '../core/api/client.js';
import { ApiError, type ApiErrorKind, type ProblemBody } from '../core/api/errors.js';
import type { ServiceSearchPage } from '../core/api/types.gen.js';
import type { Filters, Found, ServiceSource } from './service-source.js';
import type { WorkerRequest } from './search-worker.js';
import type { OpenFailure } from './catalogue-search.js';

const CATALOGUE = '/api/v1/services/catalogue';
/** The search API's first page of nothing: its `total` is the catalogue's size. */
const COUNT = '/api/v1/services/search?pageSize=1';
/** Cache Storage bucket for saved catalogues, one entry per API origin. */
const SAVED = 'zw-service-catalogue:v1';
/** How long a worker may take to start before the page searches by itself. */
const WORKER_START_MS = 10_000;

/** A catalogue searched in the worker or, when none could be started, in the page. */
export class CatalogueSource implements ServiceSource {
  /** True when the server could not be reached and this is the saved copy. */
  offline = false;
  readonly remote = false;

  constructor(
    readonly departments: readonly string[],
    readonly types: Readonly<Record<string, string>>,
    /** Items in the catalogue. */
    readonly count: number,
    private readonly finder: (q: string, filters: Filters, limit: number) => Promise<Found>,
  ) {}

  find(q: string, filters: Filters, limit: number): Promise<Found> {
    return this.finder(q, filters, limit);
  }
}

/** Where client mode's catalogues are opened and searched. */
interface Engine {
  /** Parses, checks and indexes a catalogue as the server sent it (the bytes may be handed over). */
  open(bytes: ArrayBuffer): Promise<CatalogueSource>;
  close(): void;
}

type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'loaded'; id: number; departments: string[]; types: Record<string, string>; count: number }
  | { kind: 'found'; id: number; found: Found }
  | { kind: 'failed'; id: number; error: { kind: ApiErrorKind; message: string; details: ApiError['details'] } };

/**
 * The search worker (search-worker.ts), started from its module's own URL. Undefined when the page cannot start
 * one: no Worker, a policy that forbids it (a cross-origin CDN file under `worker-src 'self'`), or a worker that
 * fails to start.
 */
async function startWorker(signal: AbortSignal): Promise<Engine | undefined> {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    const { workerUrl, WORKER_NAME } = await import('./search-worker.js');
    worker = new Worker(workerUrl(), { type: 'module', name: WORKER_NAME });
  } catch {
    return undefined;
  }
  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), WORKER_START_MS);
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      clearTimeout(timer);
      resolve(data.kind === 'ready');
    };
    worker.onerror = (e) => {
      e.preventDefault();
      clearTimeout(timer);
      resolve(false);
    };
  });
  if (!started || signal.aborted) {
    worker.terminate();
    return undefined;
  }
  let next = 0;
  const waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (e: unknown) => void }>();
  const fail = (message: string) => {
    for (const { reject } of waiting.values()) reject(new ApiError('network', message));
    waiting.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    if (!('id' in data)) return;
    const pending = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.kind === 'failed') pending?.reject(new ApiError(data.error.kind, data.error.message, data.error.details));
    else pending?.resolve(data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail('The search worker stopped');
  };
  const ask = (request: WorkerRequest, transfer: Transferable[] = []) =>
    new Promise<WorkerReply>((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      worker.postMessage(request, transfer);
    });
  return {
    async open(bytes) {
      const reply = await ask({ kind: 'load', id: ++next, bytes }, [bytes]);
      if (reply.kind !== 'loaded') throw new ApiError('network', 'Unexpected answer from the search worker');
      return new CatalogueSource(reply.departments, reply.types, reply.count, async (q, filters, limit) => {
        const answer = await ask({ kind: 'find', id: ++next, q, filters, limit });
        return (answer as { found: Found }).found;
      });
    },
    close() {
      worker.terminate();
      fail('aborted');
    },
  };
}

/** Without a worker, the page itself opens and searches the catalogue. */
const pageEngine: Engine = {
  async open(bytes) {
    const { CatalogueSearch } = await import('./catalogue-search.js');
    let opened: ReturnType<typeof CatalogueSearch.open>;
    try {
      opened = CatalogueSearch.open(bytes);
    } catch (error) {
      const e = error as OpenFailure;
      throw new ApiError(e.kind, e.message, e.details);
    }
    return new CatalogueSource(opened.departments, opened.types, opened.count, async (q, filters, limit) =>
      opened.find(q, filters, limit),
    );
  },
  close() {},
};

/**
 * The catalogue for client mode, as it becomes known: first the copy saved in Cache Storage (so the search works at
 * once, and offline), then — revalidated with its ETag — the server's newer one, which replaces the saved copy.
 * When the server cannot be reached the saved copy is yielded again, marked offline; with no saved copy, the
 * error is thrown (a malformed catalogue names the broken field).
 *
 * The page only moves bytes: parsing, checking, indexing and every search happen in the search worker.
 */
export async function* catalogues(api: ApiClient, signal: AbortSignal): AsyncGenerator<CatalogueSource> {
  const engine = (await startWorker(signal)) ?? pageEngine;
  signal.addEventListener('abort', () => engine.close(), { once: true });
  const saved = await savedCatalogue(api);
  const etag = saved?.headers.get('ETag');
  let first: CatalogueSource | undefined;
  if (saved && etag) {
    try {
      first = await engine.open(await saved.arrayBuffer());
    } catch {
      first = undefined;
    }
  }
  if (first) yield first;
  try {
    const res = await getBytes(api, CATALOGUE, signal, first ? etag : undefined, first ? 0 : 2);
    // 304: the saved copy is current.
    if (!res.body) return;
    const fresh = res.headers.get('ETag');
    const copy =
      fresh && fresh !== etag
        ? new Response(res.body.slice(0), { headers: { ETag: fresh, 'Content-Type': 'application/json' } })
        : undefined;
    const source = await engine.open(res.body);
    if (copy) {
      try {
        await (await caches.open(SAVED)).put(api.url(CATALOGUE), copy);
      } catch {
        /* nowhere to save it: the search still works until the page is closed */
      }
    }
    if (!first || fresh !== etag) yield source;
  } catch (error) {
    const e = error as ApiError;
    if (!first || e.kind === 'aborted') throw error;
    // Unreachable: say so. A malformed new copy: keep the saved one.
    if (e.transient) {
      first.offline = true;
      yield first;
    }
  }
}

/**
 * A GET whose body is kept as bytes for the worker (the API client would parse it in the page): the client's
 * timeout, retries with backoff for answers worth retrying, and errors. `body` is undefined for a 304.
 */
async function getBytes(
  api: ApiClient,
  path: string,
  signal: AbortSignal,
  etag: string | null | undefined,
  retries: number,
  timeoutMs = 10_000,
): Promise<{ body?: ArrayBuffer; headers: Headers }> {
  const url = api.url(path);
  for (let attempt = 0; ; attempt++) {
    try {
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal.addEventListener('abort', abort, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      let res: Response;
      try {
        const headers: Record<string, string> = { Accept: 'application/json' };
        if (etag) headers['If-None-Match'] = etag;
        res = await fetch(url, { headers, signal: controller.signal });
        // Every body is read to its end, even a 304's empty one: one left unread is reported as an aborted request.
        if (res.status === 304) {
          await res.arrayBuffer();
          return { headers: res.headers };
        }
        if (!res.ok) {
          const retryAfter = Number(res.headers.get('Retry-After'));
          throw new ApiError('http', `GET ${url} answered ${res.status}`, {
            status: res.status,
            problem: problemOf(await res.text()),
            retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
          });
        }
        return { body: await res.arrayBuffer(), headers: res.headers };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        if (signal.aborted) throw new ApiError('aborted', 'aborted');
        if (timedOut) throw new ApiError('timeout', `No answer from ${url} within ${timeoutMs} ms`);
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        throw new ApiError(offline ? 'offline' : 'network', `Could not reach ${url}`);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', abort);
      }
    } catch (error) {
      const e = error as ApiError;
      if (!e.transient || attempt >= retries) throw error;
      await sleep(e.details.retryAfterMs ?? backoffDelay(attempt), signal);
    }
  }
}

function problemOf(text: string): ProblemBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as ProblemBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `mode="auto"`: client mode when the catalogue has at most `clientMax` items. A saved catalogue answers that
 * without a request; otherwise one `GET /services/search?pageSize=1` tells the count (its `total` with no query).
 */
export async function chooseMode(api: ApiClient, clientMax: number, signal: AbortSignal): Promise<'client' | 'server'> {
  if (await savedCatalogue(api)) return 'client';
  const { data } = await api.get<ServiceSearchPage>(COUNT, { schema: 'ServiceSearchPage', signal });
  return data.total <= clientMax ? 'client' : 'server';
}

async function savedCatalogue(api: ApiClient): Promise<Response | undefined> {
  try {
    return await (await caches.open(SAVED)).match(api.url(CATALOGUE));
  } catch {
    return undefined; // no Cache Storage (insecure context, private mode): nothing saved
  }
}
