import { defineStrings } from '../core/i18n.js';

const ZH_LEVELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const ZH_STATUS: Record<string, string> = {
  received: '已受理',
  assigned: '已转办',
  rectifying: '整改中',
  revisited: '已回访',
  closed: '已办结',
};

/** Strings of `<zw-rating>` and `<zw-rating-summary>`. Level names follow GB/T 39734-2020. */
export const ratingStrings = defineStrings(
  {
    level: (n: number) => ZH_LEVELS[n] ?? '',
    status: (s: string) => ZH_STATUS[s] ?? s,
    legend: '您对本次服务满意吗？',
    reasons: '评价原因',
    required: '（至少选一项）',
    optional: '（选填）',
    needLevel: '请选择满意程度。',
    needReason: '请至少选择一项原因。',
    comment: '意见建议（选填）',
    privacy: '请勿填写身份证号、手机号、住址等个人信息。',
    left: (n: number) => `还可输入 ${n} 字`,
    consent: '我同意工作人员就本次评价电话回访我',
    phone: '手机号码',
    badPhone: '请输入 11 位手机号码，如 13812345678。',
    submit: '提交评价',
    sending: '正在提交…',
    colon: '：',
    sent: '提交成功，感谢您的评价！',
    queued: '已保存，联网后自动提交',
    queuedPage: '网络异常：评价暂存在本页，联网后自动提交，请勿关闭本页。',
    rated: (level: string) => (level ? `该办件已评价（${level}）` : '该办件已评价'),
    noCase: '缺少办件编号，无法评价。',
    code: '差评跟踪码',
    next: (days: number, due: string) =>
      `相关部门将在 ${days} 个工作日内（${due} 前）整改，并按您留下的方式回访。凭跟踪码可查询处理进度。`,
    lookup: '查询处理进度',
    now: '当前状态',
    due: '办结时限',
    goodRate: '好评率',
    goodRateIs: '好评率指“非常满意”“满意”“基本满意”的评价占全部评价的比例。',
    count: (n: number) => `共 ${n} 条评价`,
    none: '暂无评价',
    table: '以表格查看',
    byLevel: '各满意程度的评价数',
    countShare: (n: number, share: string) => `${n} 条（${share}）`,
    share: '占比',
    number: '评价数',
    levelCol: '满意程度',
  },
  () => import('./strings.en.js'),
);

export type RatingStrings = (typeof ratingStrings)['zh-CN'];
