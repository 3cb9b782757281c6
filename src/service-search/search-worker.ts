/**
 * The search worker: client mode parses, checks, indexes and searches the catalogue here, so that none of it is a
 * long task on the page (at 10,000 names, building the index takes a few hundred milliseconds).
 *
 * The page imports this module for its URL (`workerUrl`) and starts it as a module worker named `WORKER_NAME`: a
 * module's own URL is right in every build (unbundled, a bundler's chunk, the CDN file's chunk), where a path
 * written next to it would not be after esbuild or Rollup. In the worker the module sees its name and serves; on the
 * page it does nothing (the engine's code is downloaded and compiled there, never run).
 *
 * What the worker loads must not reach the page's entry chunk (Lit and the element definitions cannot run in a
 * worker): so no `import()` here or in the engine — Vite wraps each in a preload helper that lives in the entry —
 * and no ApiError (Rollup keeps it in the entry; see catalogue-check.ts).
 *
 * Messages in: `{ kind: 'load', id, bytes }` (the catalogue as the server sent it), `{ kind: 'find', id, q, filters,
 * limit }`. Out: `{ kind: 'ready' }` once it runs, `{ kind: 'loaded', id,
 * departments, types, count }`, `{ kind: 'found', id, found }`, `{ kind: 'failed', id, error }` (an ApiError's kind,
 * message and details).
 */
import { CatalogueSearch } from './catalogue-search.js';
import type { Filters } from './service-source.js';

export const WORKER_NAME = 'zw-service-search';

/** This module's URL, to start the worker from. */
export const workerUrl = (): string => import.meta.url;

export type WorkerRequest =
  | { kind: 'load'; id: number; bytes: ArrayBuffer }
  | { kind: 'find'; id: number; q: string; filters: Filters; limit: number };

interface WorkerScope {
  name?: string;
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
if (typeof document === 'undefined' && typeof scope.postMessage === 'function' && scope.name === WORKER_NAME) serve();

function serve(): void {
  let current: CatalogueSearch | undefined;
  scope.postMessage({ kind: 'ready' });
  const fail = (id: number, error: unknown) => {
    const e = error as { kind?: string; message?: string; details?: unknown };
    scope.postMessage({
      kind: 'failed',
      id,
      error: { kind: e?.kind ?? 'invalid-payload', message: e?.message ?? String(error), details: e?.details ?? {} },
    });
  };
  scope.onmessage = async ({ data }) => {
    if (data.kind === 'load') {
      try {
        const opened = await CatalogueSearch.open(data.bytes);
        current = opened;
        scope.postMessage({
          kind: 'loaded',
          id: data.id,
          departments: opened.departments,
          types: opened.types,
          count: opened.count,
        });
      } catch (error) {
        fail(data.id, error);
      }
    } else if (data.kind === 'find') {
      try {
        if (!current) throw new Error('No catalogue loaded');
        scope.postMessage({ kind: 'found', id: data.id, found: current.find(data.q, data.filters, data.limit) });
      } catch (error) {
        fail(data.id, error);
      }
    }
  };
}
