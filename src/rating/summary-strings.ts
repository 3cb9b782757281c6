import { defineStrings } from '../core/i18n.js';

/** Strings of `<zw-rating-summary>` (the level names come from `ratingStrings`). */
export const summaryStrings = defineStrings(
  {
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
  () => import('./summary-strings.en.js'),
);
