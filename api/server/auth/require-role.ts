import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db.ts';
import type { Logger } from '../log.ts';
import { ProblemError } from '../problem.ts';
import { findHall } from '../queue/halls.ts';
import { API_KEY_HEADER, verifyApiKey } from './api-keys.ts';
import { mayActIn, roleFor, type Principal, type Role } from './principal.ts';
import { TokenRefused, type TokenVerifier } from './tokens.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who a staff or machine request comes from (set by requireRole). */
    principal: Principal;
    /** The role requireRole let the request in with (what the audit log records). */
    role: Role;
  }
}

/** How requests prove who they are: staff tokens, and machines' API keys kept in the database. */
export interface Authenticator {
  tokens: TokenVerifier;
  db: Db;
  log?: Logger;
}

const REALM = 'Bearer realm="zhengwu-widgets"';

const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  'window-staff': { zh: '窗口工作人员', en: 'window staff' },
  'hall-admin': { zh: '大厅管理员', en: 'hall admin' },
  'rating-officer': { zh: '差评回访专员', en: 'rating officer' },
  ingest: { zh: '大厅设备', en: 'hall machine' },
};

function unauthorized(detail: { zh: string; en: string }, error?: string): ProblemError {
  const challenge = error ? `${REALM}, error="${error}", error_description="${detail.en.replace(/"/g, "'")}"` : REALM;
  return new ProblemError('unauthorized', { detail, headers: { 'WWW-Authenticate': challenge } });
}

/** The principal of a request's credentials (a bearer token, or an API key), or a 401/503 problem. */
export async function authenticate(auth: Authenticator, c: Context): Promise<Principal> {
  const header = c.req.header('authorization');
  const apiKey = c.req.header(API_KEY_HEADER);
  if (header !== undefined) {
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
    if (!match) throw unauthorized({ zh: 'Authorization 请求头须为 Bearer 登录凭证。', en: 'The Authorization header must carry a Bearer token.' }, 'invalid_request');
    try {
      return await auth.tokens.verify(match[1]!);
    } catch (err) {
      if (err instanceof TokenRefused) throw unauthorized({ zh: err.zh, en: err.message }, 'invalid_token');
      auth.log?.error({ err }, 'auth: staff tokens cannot be verified (identity provider unreachable?)');
      throw new ProblemError('unavailable', {
        detail: { zh: '暂时无法验证登录凭证，请稍后再试。', en: 'Tokens cannot be checked at the moment; please try again later.' },
        headers: { 'Retry-After': '5' },
      });
    }
  }
  if (apiKey !== undefined) {
    const principal = await verifyApiKey(auth.db, apiKey);
    if (!principal) throw unauthorized({ zh: 'API 密钥无效或已被吊销。', en: 'The API key is unknown or revoked.' });
    return principal;
  }
  throw unauthorized({ zh: '此操作仅限工作人员，请先登录。', en: 'This operation is for staff: sign in first.' });
}

/** 403 unless the principal may act in the hall. */
export function assertHall(c: Context, hallId: string): void {
  const principal = c.get('principal');
  if (mayActIn(principal, hallId)) return;
  const hall = findHall(hallId)?.name ?? hallId;
  const role = ROLE_NAMES[c.get('role')];
  throw new ProblemError('forbidden', {
    detail: { zh: `您在${hall}没有${role.zh}的权限。`, en: `You are not ${role.en} at ${hall}.` },
  });
}

/**
 * Lets a request through only with credentials that give one of `roles` (in the hall `hall` names, when it names
 * one): 401 without valid credentials, 403 without the role or the hall, as problem documents. The principal and
 * the role it acts in are then `c.get('principal')` and `c.get('role')`.
 */
export function requireRole(auth: Authenticator, roles: Role | readonly Role[], options: { hall?: (c: Context) => string | undefined } = {}): MiddlewareHandler {
  const needed = typeof roles === 'string' ? [roles] : roles;
  return async (c, next) => {
    const principal = await authenticate(auth, c);
    const role = roleFor(principal, needed);
    if (!role) {
      const names = needed.map((r) => ROLE_NAMES[r]);
      throw new ProblemError('forbidden', {
        detail: {
          zh: `此操作需要以下角色之一：${names.map((n) => n.zh).join('、')}。`,
          en: `This operation needs one of these roles: ${names.map((n) => n.en).join(', ')}.`,
        },
      });
    }
    c.set('principal', principal);
    c.set('role', role);
    const hallId = options.hall?.(c);
    if (hallId !== undefined) assertHall(c, hallId);
    await next();
  };
}
