import { defineStrings } from '../core/i18n.js';

/** Strings of the figures in `<zw-rating-summary by=…>`, fetched with that part. */
export const figuresStrings = defineStrings(
  {
    title: (by: string) =>
      ({ hall: '各大厅好差评指标', department: '各部门好差评指标', month: '各月好差评指标' })[by] ?? '好差评指标',
    goodRate: '好评率',
    rectificationRate: '差评整改率',
    revisitRate: '回访率',
    onTimeRate: '按期办结率',
    goodRateIs: '“非常满意”“满意”“基本满意”的评价占全部评价的比例',
    rectificationRateIs: '已整改办结的差评占全部差评的比例',
    revisitRateIs: '留有联系电话的差评中，已回访联系上评价人的比例',
    onTimeRateIs: '已办结或已到期的差评中，在时限内办结的比例',
    group: (by: string) => ({ hall: '大厅', department: '部门', month: '月份' })[by] ?? '分组',
    ratings: '评价数',
    bad: '差评数',
    counts: (n: number, bad: number) => `${n} 条评价，其中差评 ${bad} 条`,
    notApplicable: '不适用',
    suppressed: (min: number) => `评价少于 ${min} 条，不公布具体数字`,
    none: '暂无评价',
    table: '以表格查看',
    definitions: '指标说明',
  },
  () => import('./figures-strings.en.js'),
);

export type FiguresStrings = (typeof figuresStrings)['zh-CN'];
