import type { Handler, Hono } from 'hono';
import { ProblemError } from '../problem.ts';

type Methods = Partial<Record<'GET' | 'POST', Handler>>;

/**
 * Registers a path's handlers and answers every other method with 405 and an Allow header
 * (HEAD follows GET, OPTIONS is the CORS preflight).
 */
export function route(app: Hono, path: string, methods: Methods): void {
  for (const [method, handler] of Object.entries(methods)) app.on(method, path, handler);
  const allow = [...Object.keys(methods), ...(methods.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  app.all(path, () => {
    throw new ProblemError('method-not-allowed', { headers: { Allow: allow }, detail: { zh: `此路径支持的方法：${allow}`, en: `Allowed methods: ${allow}` } });
  });
}
