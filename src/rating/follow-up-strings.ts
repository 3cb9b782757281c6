import { defineStrings } from '../core/i18n.js';

const ZH_STATUS: Record<string, string> = {
  received: '已受理',
  assigned: '已转办',
  rectifying: '整改中',
  revisited: '已回访',
  closed: '已办结',
  // The steps' finer states (`RatingCaseState`).
  accepted: '已受理',
  verifying: '核实中',
  revisiting: '回访中',
  appealed: '申诉中',
  reviewed: '已复核',
};
const ZH_VERDICTS: Record<string, string> = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
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
    department: '责任部门',
    verdict: (v: string) => ZH_VERDICTS[v] ?? v,
    ask: '您对整改结果满意吗？',
    needVerdict: '请选择一项。',
    submitVerdict: '提交评价',
    sending: '正在提交…',
    yours: '您对整改结果的评价',
    deemed: '（未在期限内评价，按规定视为基本满意）',
    once: '只能评价一次，提交后不能修改。',
  },
  () => import('./follow-up-strings.en.js'),
);

export type FollowUpStrings = (typeof followUpStrings)['zh-CN'];
