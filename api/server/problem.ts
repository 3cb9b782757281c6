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

/** Text the server has in both languages; plain strings are sent as they are. */
export type Localized = string | { zh: string; en: string };

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
  validation: { zh: '请求参数校验失败', en: 'The request has invalid fields' },
  'malformed-json': { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'payload-too-large': { zh: '请求体过大', en: 'The request body is too large' },
  'not-found': { zh: '未找到', en: 'Not found' },
  'unsupported-media-type': { zh: '不支持的内容类型', en: 'Unsupported media type' },
  'method-not-allowed': { zh: '不支持该请求方法', en: 'Method not allowed' },
  'rate-limited': { zh: '请求过于频繁', en: 'Too many requests' },
  'hall-closed': { zh: '大厅未开放', en: 'The hall is closed' },
  'quota-exhausted': { zh: '今日线上号源已取完', en: "Today's online tickets are used up" },
  'already-rated': { zh: '该办件已评价', en: 'This case has already been rated' },
  'idempotency-key-reuse': {
    zh: '幂等键已用于其他请求',
    en: 'The idempotency key was used for a different request',
  },
  'idempotency-key-missing': { zh: '缺少幂等键', en: 'The Idempotency-Key header is missing or malformed' },
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
  readonly detail: Localized | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    slug: ProblemSlug,
    init: {
      detail?: Localized;
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(typeof init.detail === 'object' ? init.detail.en : (init.detail ?? slug));
    this.slug = slug;
    this.status = STATUS[slug];
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }
}

export const KEY_REUSED: Localized = {
  zh: '该 Idempotency-Key 已用于内容不同的请求，请为新的操作生成新的键。',
  en: 'This Idempotency-Key was used with a different request; use a new key for a new action.',
};

export function validationProblem(errors: FieldError[]): ProblemError {
  const n = errors.length;
  return new ProblemError('validation', {
    errors,
    detail: { zh: `有 ${n} 项内容不符合要求。`, en: `${n} ${n === 1 ? 'field breaks' : 'fields break'} the rules.` },
  });
}

export function problemResponse(c: Context, problem: ProblemError): Response {
  const lang = preferredLang(c.req.header('accept-language'));
  const body: Record<string, unknown> = {
    type: `urn:zhengwu-widgets:problem:${problem.slug}`,
    title: TITLES[problem.slug][lang],
    status: problem.status,
    ...(problem.detail ? { detail: typeof problem.detail === 'object' ? problem.detail[lang] : problem.detail } : {}),
    instance: pathAndQuery(c.req.url),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  };
  const headers = new Headers(problem.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  headers.set('Content-Language', lang === 'en' ? 'en' : 'zh-CN');
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status: problem.status, headers });
}

function pathAndQuery(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
