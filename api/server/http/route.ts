import type { Handler, Hono, MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.ts';

/** A handler, or middleware (requireRole) followed by the handler. */
type Methods = Partial<Record<'GET' | 'POST', Handler | [...MiddlewareHandler[], Handler]>>;

/**
 * Registers a path's handlers and answers every other method with 405 and an Allow header
 * (HEAD follows GET, OPTIONS is the CORS preflight).
 */
export function route(app: Hono, path: string, methods: Methods): void {
  for (const [method, handler] of Object.entries(methods)) {
    const handlers = (Array.isArray(handler) ? handler : [handler]) as Handler[];
    app.on(method, path, ...(handlers as [Handler]));
  }
  const allow = [...Object.keys(methods), ...(methods.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  app.all(path, () => {
    throw new ProblemError('method-not-allowed', { headers: { Allow: allow }, detail: { zh: `此路径支持的方法：${allow}`, en: `Allowed methods: ${allow}` } });
  });
}
