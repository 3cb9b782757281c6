import { draw, seedOf, type Draw } from '../hash.ts';
import { findHall, hoursText, type HallDef } from '../queue/halls.ts';
import { aliasesFor } from './aliases.ts';
import { classify, type Profile } from './classify.ts';
import { materialsFor } from './materials.ts';
import { TASK_TYPES, type SourceItem } from './source.ts';
import type { CrossRegion, ServiceDetail, ServiceLocation, TimeLimit } from '../payloads.ts';

export interface EnrichedService {
  detail: ServiceDetail;
  popularity: number;
  promisedDays: number | null;
  /** The queue category at the district hall where the item is handled in person. */
  queueCategory: string;
}

/** Bumped whenever the rules below change, so stored seeds and cached catalogues are rebuilt. */
export const ENRICHMENT_VERSION = 'enrich-1';

export function enrich(item: SourceItem): EnrichedService {
  const d = draw(seedOf(item.itemCode));
  const profile = classify(item);
  const instant = isInstant(item, profile, d);
  const legalLimit = legalLimitFor(item, profile, d);
  const promisedLimit = promisedLimitFor(legalLimit, profile, instant, d);
  const onlineDepth = onlineDepthFor(profile, item.name, d);
  const fullyOnline = onlineDepth === 4;
  const visits = visitsFor(onlineDepth, item.name, d);
  const crossRegion = crossRegionFor(item.name, profile, onlineDepth, d);
  const queueCategory = queueCategoryFor(profile);
  const detail: ServiceDetail = {
    code: item.itemCode,
    name: item.name,
    department: item.department,
    type: item.taskType as ServiceDetail['type'],
    typeName: TASK_TYPES[item.taskType] ?? '其他',
    legalLimit,
    promisedLimit,
    visits,
    onlineDepth,
    fullyOnline,
    crossRegion,
    ...(crossRegion !== 'none' ? { crossRegionNote: CROSS_REGION_NOTES[crossRegion] } : {}),
    instant,
    fee: feesFor(item.name),
    materials: materialsFor(profile, item.name, d),
    locations: locationsFor(item, profile, queueCategory, d),
    onlineUrl: fullyOnline ? item.guideUrl : null,
    guideUrl: item.guideUrl,
    aliases: aliasesFor(item.name, profile.shortName),
    illustrative: true,
  };
  return {
    detail,
    popularity: popularityFor(item.name, profile, d),
    promisedDays: promisedLimit ? promisedLimit.value : null,
    queueCategory,
  };
}

function isInstant(item: SourceItem, p: Profile, d: Draw): boolean {
  if (/即办件/.test(item.name)) return true;
  if (/承诺件/.test(item.name)) return false;
  if (p.action === 'query' || p.action === 'consult') return true;
  if (item.taskType === 20 && ['change', 'reissue', 'register', 'cancel'].includes(p.action)) return d.chance(0.55);
  if (item.taskType === 10 && p.action === 'filing') return d.chance(0.4);
  return d.chance(0.04);
}

/** Statutory limits by kind of power: 行政许可 20 working days (行政许可法 §42), 裁决 in calendar days. */
function legalLimitFor(item: SourceItem, p: Profile, d: Draw): TimeLimit | null {
  switch (item.taskType) {
    case 1:
      return { value: d.weighted([[20, 70], [15, 12], [10, 10], [30, 8]] as const), unit: 'workday' };
    case 5:
      return { value: d.pick([20, 30]), unit: 'workday' };
    case 7:
      return { value: d.pick([15, 20, 30]), unit: 'workday' };
    case 8:
      return { value: 30, unit: 'workday' };
    case 9:
      return { value: 60, unit: 'day' };
    case 10:
      return { value: d.pick([10, 15, 20, 20]), unit: 'workday' };
    default:
      // Many public services have no statutory limit at all, only the district's promise.
      if (p.action === 'query' || p.action === 'consult' || d.chance(0.35)) return null;
      return { value: d.pick([5, 7, 10, 15, 20]), unit: 'workday' };
  }
}

function promisedLimitFor(legal: TimeLimit | null, p: Profile, instant: boolean, d: Draw): TimeLimit | null {
  if (instant) return { value: 0, unit: 'workday' };
  if (!legal) return p.action === 'other' && d.chance(0.3) ? null : { value: d.pick([1, 3, 5, 7]), unit: 'workday' };
  // Compare like with like: calendar days shrink to about five sevenths in working days.
  const legalWorkdays = legal.unit === 'day' ? Math.floor((legal.value * 5) / 7) : legal.value;
  const share = d.pick([0.2, 0.25, 0.3, 0.4, 0.5]);
  return { value: Math.max(1, Math.min(legalWorkdays, Math.ceil(legalWorkdays * share))), unit: 'workday' };
}

function onlineDepthFor(p: Profile, name: string, d: Draw): 1 | 2 | 3 | 4 {
  if (p.action === 'query') return 4;
  if (p.action === 'consult') return d.pick([3, 4] as const);
  if (/现场|验收|勘验|竣工|场所|设立.*(娱乐|歌舞|网吧)/.test(name)) return d.weighted([[1, 20], [2, 45], [3, 35]] as const);
  switch (p.domain) {
    case 'social':
    case 'medical':
    case 'tax':
      return d.weighted([[4, 55], [3, 30], [2, 15]] as const);
    case 'enterprise':
      return d.weighted([[4, 35], [3, 45], [2, 20]] as const);
    case 'household':
    case 'marriage':
    case 'police':
      // Identity checks and photos keep most of these at the counter.
      return d.weighted([[2, 50], [3, 35], [4, 15]] as const);
    default:
      return d.weighted([[4, 25], [3, 40], [2, 30], [1, 5]] as const);
  }
}

function visitsFor(depth: number, name: string, d: Draw): number {
  let visits: number;
  if (depth === 4) visits = 0;
  else if (depth === 3) visits = d.chance(0.55) ? 0 : 1;
  else if (depth === 2) visits = d.chance(0.85) ? 1 : 2;
  else visits = d.weighted([[1, 55], [2, 35], [3, 10]] as const);
  // An on-site inspection is a trip of its own.
  if (depth < 4 && /验收|勘验|现场/.test(name)) visits = Math.min(3, visits + 1);
  return visits;
}

const CROSS_REGION_NOTES: Record<Exclude<CrossRegion, 'none'>, string> = {
  national: '全国跨省通办：可在全国范围内异地申请办理',
  southwest: '西南地区跨省通办：可在四川、重庆、云南、贵州、西藏五省区市申请办理',
  province: '全省通办：可在四川省内任一政务服务大厅申请办理',
};

// Items on the national 跨省通办 lists (social security cards, pension transfers, ID cards, marriage …).
const NATIONAL = /社会保障卡|养老保险关系转移|医疗保险关系转移|异地|居民身份证|户口迁移|结婚登记|个体工商户设立|失业保险金|就业创业证|护士.*执业|医师.*执业|残疾人证/;

function crossRegionFor(name: string, p: Profile, depth: number, d: Draw): CrossRegion {
  if (NATIONAL.test(name) && d.chance(0.8)) return 'national';
  if (['social', 'medical', 'household', 'enterprise', 'transport', 'tax'].includes(p.domain) && d.chance(0.2)) {
    return 'southwest';
  }
  if (depth >= 3 && d.chance(0.3)) return 'province';
  return 'none';
}

const ID_FEE_BASIS = '《中华人民共和国居民身份证法》；《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）';
const PROPERTY_FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';

/** Most items are free of charge; the few that are not follow the national fee notices. */
function feesFor(name: string): ServiceDetail['fee'] {
  if (/居民身份证办理/.test(name)) {
    return {
      charged: true,
      items: [
        { name: '居民身份证工本费（申领、换领、补领）', amount: '20元', basis: ID_FEE_BASIS },
        { name: '临时居民身份证工本费', amount: '10元', basis: ID_FEE_BASIS },
      ],
    };
  }
  if (/普通护照签发/.test(name)) {
    return {
      charged: true,
      items: [{ name: '普通护照工本费', amount: '120元', basis: '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》' }],
    };
  }
  if (/不动产.*(首次|转移|变更|抵押)登记/.test(name)) {
    return {
      charged: true,
      items: [
        { name: '住宅类不动产登记费', amount: '80元', basis: PROPERTY_FEE_BASIS },
        { name: '非住宅类不动产登记费', amount: '550元', basis: PROPERTY_FEE_BASIS },
        { name: '不动产权属证书工本费（第二本起）', amount: '10元', basis: PROPERTY_FEE_BASIS },
      ],
    };
  }
  return { charged: false, items: [] };
}

/** Which numbered queue at the district hall serves the item. */
function queueCategoryFor(p: Profile): string {
  switch (p.domain) {
    case 'social':
    case 'medical':
      return 'A';
    case 'household':
    case 'police':
    case 'marriage':
      return 'B';
    case 'realestate':
      return 'C';
    case 'enterprise':
    case 'tobacco':
      return 'D';
    case 'tax':
      return 'E';
    default:
      return 'F';
  }
}

const DEPARTMENT_PHONE_SUFFIX = (code: string) => String(2_000_000 + (seedOf(code) % 999_999)).padStart(7, '0');

function locationsFor(item: SourceItem, p: Profile, category: string, d: Draw): ServiceLocation[] {
  const hall = findHall('guangan-zwzx') as HallDef;
  const windows = hall.windows.filter((w) => w.categoryIds[0] === category).map((w) => w.label.replace(/ 号窗口$/, ''));
  const categoryName = hall.categories.find((c) => c.id === category)?.name ?? '综合受理';
  const range = windows.length > 1 ? `${windows[0]}–${windows[windows.length - 1]} 号窗口` : `${windows[0] ?? '15'} 号窗口`;
  const locations: ServiceLocation[] = [
    {
      name: hall.name,
      address: hall.address,
      window: `${categoryName}区 ${range}（${item.department}）`,
      hours: hoursText(hall),
      phone: `0826-${DEPARTMENT_PHONE_SUFFIX(item.department)}`,
    },
  ];
  // Resident matters can often also be handled at the town service centre (就近办).
  if (p.audience === 'person' && ['social', 'medical', 'civil', 'household'].includes(p.domain) && d.chance(0.6)) {
    const town = findHall('xiexing-bmfw') as HallDef;
    locations.push({
      name: town.name,
      address: town.address,
      window: p.domain === 'social' || p.domain === 'medical' ? '社保医保窗口（1–2 号窗口）' : '综合受理窗口（3–4 号窗口）',
      hours: hoursText(town),
      phone: town.phone,
    });
  }
  return locations;
}

// What residents come for most; enterprise permits and filings rank far lower.
const POPULAR: [RegExp, number][] = [
  [/居民身份证|社会保障卡/, 92],
  [/医保|医疗保险|门诊|住院|生育/, 85],
  [/户口|户籍|居住证/, 84],
  [/养老|退休/, 82],
  [/婚姻|结婚|离婚/, 80],
  [/公积金/, 80],
  [/不动产|房产/, 78],
  [/失业|就业|创业/, 70],
  [/个体工商户|公司设立|营业执照/, 68],
  [/低保|救助|特困|高龄|残疾/, 62],
  [/无犯罪记录|亲属关系证明|护照/, 60],
  [/发票|个人所得税|完税/, 58],
  [/供水|供气|公租房|维修资金/, 55],
  [/驾驶证|学籍|入学/, 50],
];

function popularityFor(name: string, p: Profile, d: Draw): number {
  const base = POPULAR.find(([re]) => re.test(name))?.[1] ?? (p.audience === 'person' ? 30 : 12);
  const penalty = /备案|县级行使|审查|核准/.test(name) ? 10 : 0;
  return Math.max(0, Math.min(100, base - penalty + d.int(-6, 6)));
}
