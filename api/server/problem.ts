import type { Context } from 'hono';

/** Problem slugs of the API; each is published as `urn:zhengwu-widgets:problem:<slug>`. */
export type ProblemSlug =
  | 'validation'
  | 'malformed-json'
  | 'payload-too-large'
  | 'not-found'
  | 'unsupported-media-type'
  | 'method-not-allowed'
  | 'rate-limited'
  | 'hall-closed'
  | 'quota-exhausted'
  | 'already-rated'
  | 'idempotency-key-reuse'
  | 'idempotency-key-missing'
  | 'internal';

export interface FieldError {
  pointer: string;
  message: string;
  code: string;
}

const STATUS: Record<ProblemSlug, number> = {
  validation: 422,
  'malformed-json': 400,
  'payload-too-large': 413,
  'not-found': 404,
  'unsupported-media-type': 415,
  'method-not-allowed': 405,
  'rate-limited': 429,
  'hall-closed': 409,
  'quota-exhausted': 409,
  'already-rated': 409,
  'idempotency-key-reuse': 422,
  'idempotency-key-missing': 400,
  internal: 500,
};

const TITLES: Record<ProblemSlug, { zh: string; en: string }> = {
  validation: { zh: '请求参数有误', en: 'The request has invalid fields' },
  'malformed-json': { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'payload-too-large': { zh: '请求体过大', en: 'The request body is too large' },
  'not-found': { zh: '未找到', en: 'Not found' },
  'unsupported-media-type': { zh: '不支持的内容类型', en: 'Unsupported media type' },
  'method-not-allowed': { zh: '不支持该请求方法', en: 'Method not allowed' },
  'rate-limited': { zh: '请求过于频繁', en: 'Too many requests' },
  'hall-closed': { zh: '大厅当前不在服务时间', en: 'The hall is closed' },
  'quota-exhausted': { zh: '今日线上取号名额已满', en: "Today's online tickets are used up" },
  'already-rated': { zh: '该办件已评价', en: 'This case has already been rated' },
  'idempotency-key-reuse': {
    zh: '幂等键已用于另一个请求',
    en: 'The idempotency key was used for a different request',
  },
  'idempotency-key-missing': { zh: '缺少 Idempotency-Key 请求头', en: 'The Idempotency-Key header is missing' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
};

export type Lang = 'zh' | 'en';

/** English only when the client prefers it; the portals' default language is Chinese. */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag.startsWith('en') || entry.tag.startsWith('zh'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}

/** Thrown by handlers and middleware; the app's error handler turns it into application/problem+json. */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    slug: ProblemSlug,
    init: {
      detail?: string;
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(init.detail ?? slug);
    this.slug = slug;
    this.status = STATUS[slug];
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }
}

export function validationProblem(errors: FieldError[], detail?: string): ProblemError {
  return new ProblemError('validation', { errors, ...(detail ? { detail } : {}) });
}

export function problemResponse(c: Context, problem: ProblemError): Response {
  const lang = preferredLang(c.req.header('accept-language'));
  const body: Record<string, unknown> = {
    type: `urn:zhengwu-widgets:problem:${problem.slug}`,
    title: TITLES[problem.slug][lang],
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  };
  const headers = new Headers(problem.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  headers.set('Content-Language', lang === 'en' ? 'en' : 'zh-CN');
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status: problem.status, headers });
}
