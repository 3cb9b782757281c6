import { defineStrings } from './i18n.js';
import type { ApiError } from './api/errors.js';

/** Messages every element shows for the same failures, so residents meet the same words everywhere. */
export const coreStrings = defineStrings(
  {
    offline: '网络已断开，请检查网络后重试。',
    network: '暂时无法连接服务器，请稍后重试。',
    timeout: '服务器响应超时，请稍后重试。',
    server: '服务暂时不可用，请稍后重试。',
    notFound: '未找到相关信息。',
    rateLimited: '操作过于频繁，请稍后再试。',
    invalidPayload: (field: string) => `服务器返回的数据有误（${field}），请稍后重试或联系网站管理员。`,
    retry: '重试',
    loading: '正在加载…',
  },
  () => import('./strings.en.js'),
);

type CoreStrings = (typeof coreStrings)['zh-CN'];

/** A resident-facing sentence for any failure; the details stay in the console for the web team. */
export function describeError(error: unknown, s: CoreStrings): string {
  const e = error as ApiError;
  switch (e?.name === 'ApiError' ? e.kind : undefined) {
    case 'offline':
      return s.offline;
    case 'timeout':
      return s.timeout;
    case 'invalid-payload':
      return s.invalidPayload(e.field ?? '?');
    case 'http':
      if (e.status === 404) return s.notFound;
      // The server's own words say which limit and until when (localized by Accept-Language).
      if (e.status === 429) return e.problem?.detail || s.rateLimited;
      return e.problem?.detail && (e.status ?? 500) < 500 ? e.problem.detail : s.server;
    default:
      return s.network;
  }
}
