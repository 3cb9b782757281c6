import { defineStrings } from '../core/i18n.js';

/** A wait's likely range in minutes (the API's EstimateRange). */
export interface WaitRange {
  low: number;
  high: number;
}

/**
 * The range a wait is shown as, if any: one whose ends differ and that reaches a minute. Otherwise (no range, or
 * ends equal or reversed in a server's answer) the point estimate is shown.
 */
export const shownRange = (r: WaitRange | undefined): WaitRange | undefined =>
  r && r.high > r.low && r.high >= 1 ? r : undefined;

/** Minutes in words: 6 分钟, 1 小时 35 分钟. */
const duration = (m: number) => (m < 60 ? `${m}\u00a0分钟` : `${Math.floor(m / 60)}\u00a0小时${m % 60 ? ` ${m % 60}\u00a0分钟` : ''}`);

/**
 * The words of `<zw-queue-status>`'s card, in zh-CN (the reference) and en. The parts fetched on demand (see
 * `parts`) bring their own tables, so a plain card does not download their words.
 */
export const queueStrings = defineStrings(
  {
    open: '办公中',
    closed: '未在办公时间',
    hours: (opens: string, closes: string, lunch: string) => `今日 ${opens}–${closes}${lunch ? `，午休 ${lunch}` : ''}`,
    updated: (time: string) => `更新于 ${time}`,
    live: '实时更新',
    polled: (n: number) => `每 ${n} 秒刷新`,
    reconnecting: '正在重新连接…',
    stale: '数据可能已过期',
    offline: '网络已断开',
    queues: '排队人数',
    waiting: (n: number) => `等候 ${n} 人`,
    // A number and its unit, and 约 with its number, are joined by no-break spaces (U+00A0): a narrow line may break
    // between the hours and the minutes, never inside 约 6 分钟.
    // With a range (the server is unsure: few tickets measured today, or times that vary; see shownRange), its two
    // ends, joined by 至 rather than a dash, which read-aloud voices read as 减.
    wait: (m: number, range?: WaitRange) =>
      range
        ? range.low < 1
          ? `${duration(range.high)}以内`
          : range.high < 60
            ? `约\u00a0${range.low}\u00a0至\u00a0${range.high}\u00a0分钟`
            : `约\u00a0${duration(range.low)} 至 ${duration(range.high)}`
        : m < 1
          ? '无需等候'
          : `约\u00a0${duration(m)}`,
    windows: '窗口',
    serving: '正在办理',
    idle: '等候叫号',
    paused: '暂停服务',
    shut: '未开放',
    unknown: '状态未知',
    partFailed: '这部分内容未能加载，请检查网络后重试。',
    noHall: '未指定服务大厅，请设置 hall 属性。',
    mine: '我的号码',
    number: '号码',
    numberHint: '一个大写字母加三位数字，例如 A023',
    numberBad: '号码格式不对：请输入一个字母加三位数字，例如 A023。',
    check: '查询',
    take: '线上取号',
    taken: (t: string) => `取号成功，您的号码是 ${t}。`,
    busy: '繁忙时段',
  },
  () => import('./strings.en.js'),
);

export type QueueStrings = (typeof queueStrings)['zh-CN'];
