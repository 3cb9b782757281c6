import { defineStrings } from '../core/i18n.js';

const ZH_LEVELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];

/**
 * Strings of the `<zw-rating>` form and its outcomes; the level names (GB/T 39734-2020) also label
 * `<zw-rating-summary>`. What follows a 差评 is in follow-up-strings.ts, the summary's own words in summary-strings.ts.
 */
export const ratingStrings = defineStrings(
  {
    level: (n: number) => ZH_LEVELS[n] ?? '',
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
    sent: '提交成功，感谢您的评价！',
    queued: '已保存，联网后自动提交',
    unconfirmed: '已保存，服务器尚未确认收到，稍后自动重新提交',
    queuedPage: '网络异常：评价暂存在本页，联网后自动提交，请勿关闭本页。',
    rated: (level: string) => (level ? `该办件已评价（${level}）` : '该办件已评价'),
    noCase: '缺少办件编号，无法评价。',
  },
  () => import('./strings.en.js'),
);

export type RatingStrings = (typeof ratingStrings)['zh-CN'];
