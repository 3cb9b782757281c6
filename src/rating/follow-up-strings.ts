import { defineStrings } from '../core/i18n.js';

const ZH_STATUS: Record<string, string> = {
  received: '已受理',
  assigned: '已转办',
  rectifying: '整改中',
  revisited: '已回访',
  closed: '已办结',
};

/** Strings of what follows a 差评 (the receipt and the follow-up lookup), fetched with that part of `<zw-rating>`. */
export const followUpStrings = defineStrings(
  {
    // A stage this version does not know yet (a newer server) is named neutrally, never guessed at.
    status: (s: string) => ZH_STATUS[s] ?? '处理中',
    colon: '：',
    code: '差评跟踪码',
    next: (days: number, due: string) =>
      `相关部门将在 ${days} 个工作日内（${due} 前）整改，并按您留下的方式回访。凭跟踪码可查询处理进度。`,
    nextNoCall: (days: number, due: string) =>
      `相关部门将在 ${days} 个工作日内（${due} 前）整改。您没有留下联系电话，因此不会电话回访；凭跟踪码可查询处理进度。`,
    lookup: '查询处理进度',
    now: '当前状态',
    due: '办结时限',
  },
  () => import('./follow-up-strings.en.js'),
);

export type FollowUpStrings = (typeof followUpStrings)['zh-CN'];
