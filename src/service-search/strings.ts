import { defineStrings } from '../core/i18n.js';
import type { TimeLimit } from '../core/api/types.gen.js';

const ZH_SCOPE: Record<string, string> = { province: '全省通办', southwest: '西南五省区市通办', national: '全国通办' };
const ZH_FORM: Record<string, string> = { paper: '纸质', electronic: '电子', either: '纸质或电子' };

/** Strings of `<zw-service-search>`. */
export const searchStrings = defineStrings(
  {
    label: '搜索办事事项',
    placeholder: '事项名称、拼音或首字母，如“社保卡”“sbk”',
    hint: '输入后用上下方向键选择，按回车查看办事指南',
    results: '搜索结果',
    found: (n: number) => `找到 ${n} 项`,
    none: (q: string) => `没有找到与“${q}”相关的事项`,
    chosen: (name: string) => `已选择“${name}”，办事指南在搜索框下方。`,
    corrected: (text: string) => `您是不是要找“${text}”？`,
    help: '可以换个说法再搜，或拨打 12345 政务服务便民热线，也可以到政务服务大厅“帮办代办”窗口咨询。',
    closest: '您是不是要找',
    popular: '热门事项',
    more: (n: number) => `显示更多（还有 ${n} 项）`,
    filters: '筛选',
    dept: '实施部门',
    type: '事项类型',
    all: '全部',
    fullyOnline: '全程网办',
    noVisit: '零跑动',
    crossRegion: '跨域通办',
    instant: '即办件',
    visits: (n: number) => (n ? (n === 1 ? '最多跑一次' : `跑动 ${n} 次`) : '零跑动'),
    promised: (days: number) => (days ? `承诺 ${days} 个工作日` : '即来即办'),
    limit: (legal: TimeLimit | null, promised: TimeLimit | null) =>
      [legal && `法定 ${zhLimit(legal)}`, promised && (promised.value ? `承诺 ${zhLimit(promised)}` : '承诺即来即办')].filter(Boolean).join('，') ||
      '无时限要求',
    // A scope, material form or time unit that a newer server added is named neutrally, never guessed at.
    scope: (s: string) => ZH_SCOPE[s] ?? '可跨地区办理，详见办事指南',
    limits: '办理时限',
    fee: '收费',
    free: '不收费',
    visitsLabel: '跑动次数',
    online: '在线办理',
    guide: '办事指南',
    details: '申请材料和办理地点',
    materials: '申请材料',
    material: (form: string, copies: number, required: boolean) =>
      `${ZH_FORM[form] ?? ''} ${copies} 份${required ? '' : '（非必需）'}`.trim(),
    where: '办理地点',
    offline: '当前离线，显示的是已保存的事项目录。',
  },
  () => import('./strings.en.js'),
);

export type SearchStrings = (typeof searchStrings)['zh-CN'];

const ZH_UNIT: Record<string, string> = { workday: '个工作日', day: '个自然日' };
const zhLimit = (l: TimeLimit) => `${l.value} ${ZH_UNIT[l.unit] ?? '（单位详见办事指南）'}`;
