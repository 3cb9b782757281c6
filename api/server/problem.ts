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
  | 'bad-request'
  | 'request-timeout'
  | 'request-header-fields-too-large'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'unavailable'
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
  'bad-request': 400,
  'request-timeout': 408,
  'request-header-fields-too-large': 431,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  unavailable: 503,
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
  'bad-request': { zh: '无法读取请求', en: 'The request could not be read' },
  'request-timeout': { zh: '请求超时', en: 'The request took too long' },
  'request-header-fields-too-large': { zh: '请求头过大', en: 'The request headers are too large' },
  unauthorized: { zh: '需要登录', en: 'Authentication required' },
  forbidden: { zh: '无权执行此操作', en: 'Not allowed' },
  conflict: { zh: '当前状态下无法执行此操作', en: 'Not possible in the current state' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
};

/** What the HTTP layer says when it refuses a request before the API sees it (see http/client-error.ts). */
const HTTP_DETAILS: Partial<Record<ProblemSlug, { zh: string; en: string }>> = {
  'bad-request': { zh: '请求行或请求头格式不正确。', en: 'The request line or a header is malformed.' },
  'request-timeout': { zh: '请求未能在规定时间内完整送达，请重试。', en: 'The request did not arrive in time; please try again.' },
  'request-header-fields-too-large': {
    zh: '请求行和请求头的总长度超过服务器的上限。',
    en: 'The request line and headers are longer than the server accepts.',
  },
};

/** The Problem schema's limits (api/openapi.yaml), kept whatever a request held. */
const MAX_DETAIL = 1000;
const MAX_INSTANCE = 2048;
const MAX_POINTER = 200;
const MAX_MESSAGE = 500;
const MAX_CODE = 64;
/** More than this many field errors tell the client nothing more (a body with thousands of unknown members). */
const MAX_ERRORS = 100;

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

export function validationProblem(errors: FieldError[], detail?: Localized): ProblemError {
  const n = errors.length;
  return new ProblemError('validation', {
    errors,
    detail: detail ?? { zh: `有 ${n} 项内容不符合要求。`, en: `${n} ${n === 1 ? 'field breaks' : 'fields break'} the rules.` },
  });
}

/** A value from the request quoted in a message: at most `max` characters, so a message never carries much of it. */
export function echo(value: string, max = 64): string {
  return clamp(value, max);
}

/** At most `max` characters (code points, as JSON Schema counts them), an ellipsis marking a cut. */
function clamp(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The body of a problem document, within the Problem schema's limits whatever the request held: `detail` and
 * the field errors cut to their maximum lengths, and `instance` a URI reference of at most 2048 characters.
 */
export function problemBody(
  slug: ProblemSlug,
  lang: Lang,
  problem: Pick<ProblemError, 'detail' | 'errors' | 'extensions'> | undefined,
  url: string | undefined,
): { status: number; body: Record<string, unknown> } {
  const detail = problem?.detail ?? HTTP_DETAILS[slug];
  const instance = url === undefined ? undefined : instanceOf(url);
  const body: Record<string, unknown> = {
    type: `urn:zhengwu-widgets:problem:${slug}`,
    title: TITLES[slug][lang],
    status: STATUS[slug],
    ...(detail ? { detail: clamp(typeof detail === 'object' ? detail[lang] : detail, MAX_DETAIL) } : {}),
    ...(instance ? { instance } : {}),
    ...(problem?.errors
      ? {
          errors: problem.errors.slice(0, MAX_ERRORS).map((e) => ({
            pointer: clamp(e.pointer, MAX_POINTER),
            message: clamp(e.message, MAX_MESSAGE),
            code: clamp(e.code, MAX_CODE),
          })),
        }
      : {}),
    ...problem?.extensions,
  };
  return { status: STATUS[slug], body };
}

export function problemResponse(c: Context, problem: ProblemError): Response {
  const lang = preferredLang(c.req.header('accept-language'));
  const { status, body } = problemBody(problem.slug, lang, problem, c.req.url);
  const headers = new Headers(problem.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  headers.set('Content-Language', lang === 'en' ? 'en' : 'zh-CN');
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}

/** Characters a URI reference may hold as they are (RFC 3986 unreserved, sub-delims, ":", "@", "/" and "?"). */
const URI_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/;

/** Percent-encodes whatever a URI reference may not hold as it is, including a "%" that starts no escape. */
function uriReference(raw: string): string {
  let out = '';
  const chars = Array.from(raw);
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (ch === '%' && /^[0-9A-Fa-f]$/.test(chars[i + 1] ?? '') && /^[0-9A-Fa-f]$/.test(chars[i + 2] ?? '')) out += ch;
    else if (URI_CHAR.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The request's path and query, as a URI reference of at most 2048 characters: the query is dropped when the
 * whole is longer, then the path is cut (never inside a %XX escape). A path that starts with "//" would read as
 * another host, so its leading slashes become one.
 */
function instanceOf(url: string): string {
  let path: string;
  let search: string;
  try {
    const u = new URL(url);
    [path, search] = [u.pathname, u.search];
  } catch {
    [path, search] = ['/', ''];
  }
  path = uriReference(path).replace(/^\/{2,}/, '/');
  search = uriReference(search);
  if (path.length + search.length <= MAX_INSTANCE) return path + search;
  if (path.length <= MAX_INSTANCE) return path;
  const cut = path.slice(0, MAX_INSTANCE);
  return cut.replace(/%[0-9A-F]?$/, '');
}
