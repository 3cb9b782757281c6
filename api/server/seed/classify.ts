import type { SourceItem } from './source.ts';

/**
 * A coarse reading of what an item is about, from its department and name. Every illustrative field
 * (materials, limits, aliases, popularity, queue category) derives from this, so they agree with each other.
 */
export type Domain =
  | 'social' | 'medical' | 'household' | 'marriage' | 'civil' | 'realestate' | 'tax' | 'enterprise'
  | 'transport' | 'construction' | 'health' | 'education' | 'culture' | 'agri' | 'water' | 'env'
  | 'safety' | 'tobacco' | 'police' | 'justice' | 'other';

export type Action =
  | 'query' | 'consult' | 'reissue' | 'renew' | 'change' | 'cancel' | 'filing' | 'subsidy'
  | 'register' | 'approve' | 'other';

export type Audience = 'person' | 'enterprise';

export interface Profile {
  domain: Domain;
  action: Action;
  audience: Audience;
  /** The name without administrative qualifiers such as （县级）or（县级行使）. */
  shortName: string;
}

const BY_DEPARTMENT: Record<string, Domain> = {
  区人社局: 'social',
  区医疗保障局: 'medical',
  区公安分局: 'police',
  区民政局: 'civil',
  区残联: 'civil',
  区退役军人事务局: 'civil',
  区自然资源和规划局: 'realestate',
  区住建局: 'construction',
  区交通运输局: 'transport',
  区市监局: 'enterprise',
  广安区税务局: 'tax',
  区卫健局: 'health',
  区教科体局: 'education',
  区文广旅局: 'culture',
  区农业农村局: 'agri',
  区林业局: 'agri',
  区生态环境局: 'env',
  区水务局: 'water',
  区应急管理局: 'safety',
  区消防大队: 'safety',
  区烟草专卖局: 'tobacco',
  区司法局: 'justice',
};

// Checked in order; the first match wins. Used for departments that handle many kinds of items.
const BY_NAME: [Domain, RegExp][] = [
  ['marriage', /婚姻|结婚|离婚|收养/],
  ['household', /户口|户籍|居民身份证|身份证明|居住证|落户|护照/],
  ['medical', /医保|医疗保障|医疗保险|异地就医|门诊|住院|生育医疗|生育津贴/],
  ['social', /社会保障卡|社保|养老保险|养老金|失业|工伤|就业|创业|职称|劳务派遣|人力资源|劳动/],
  ['tobacco', /烟草/],
  ['agri', /拖拉机|联合收割机|农药|兽药|种子|种畜禽|动物|渔业|水产|蚕种|生鲜乳|菌种|农业|野生植物|采伐|林木/],
  ['tax', /税|发票/],
  ['realestate', /不动产|土地|宅基地|用地|矿|测绘/],
  ['water', /取水|河道|水利|水库|水工程|行洪|灌溉|提灌|大坝/],
  ['env', /环境|排污|环卫|垃圾|辐射/],
  ['safety', /危险化学品|烟花爆竹|特种设备|安全生产|易制毒|民用爆炸/],
  ['health', /医疗机构|医师|护士|乡村医生|卫生许可|母婴保健|放射|诊所|体检|毒性药品/],
  ['education', /学校|幼儿园|办学|学籍|培训机构|教育/],
  ['culture', /文物|演出|娱乐|互联网上网|出版|广播|电视|电影|体育|健身|攀岩|潜水|滑雪|游泳|宗教|文旅|艺术品/],
  ['transport', /公路|道路|运输|出租汽车|驾驶员|车辆|船舶|港口|航道|校车/],
  ['construction', /建设工程|建筑|施工|规划|市政|燃气|物业|房地产|供水|排水|广告|城市道路/],
  ['civil', /社会团体|民办非企业|慈善|墓|殡葬|残疾|退役|低保|救助|特困|养老机构|高龄/],
  ['enterprise', /企业|公司|个体工商户|合伙|合作社|分支机构|市场主体|股权|计量|食品|证照/],
];

const ACTIONS: [Action, RegExp][] = [
  ['consult', /咨询|指引|政策解读/],
  ['query', /查询|查阅|打印|核验|开具|出具|证明$/],
  ['reissue', /补领|补发|补办|补证|补换|遗失|挂失|解挂/],
  ['renew', /换领|换发|换证|延续|延期|续期|校验|复查|复审|再注册|年检/],
  ['cancel', /注销|撤销|终止|歇业|暂停|解除/],
  ['change', /变更|更正|更名|修改|重置|迁移|转移|转入|转出|互转|调档/],
  ['subsidy', /补贴|补助|资助|救助|津贴|抚恤|奖励|补助金|待遇|报销|费用|生活费|支付|贴息|给付/],
  ['filing', /备案|报告|告知/],
  ['register', /登记|申领|申报|参保|认定|确认|签发|激活|启用|报到|申请|办理/],
  ['approve', /审批|许可|核发|审核|审查|批准|核准|验收|审定|裁决/],
];

const ENTERPRISE_HINT = /企业|公司|单位|机构|法人|合伙|合作社|经营|生产|工程|项目|场所|分支|市场主体|站|厂|馆|学校|幼儿园|团体|组织|出口|纳税人|扣缴|商店|报装/;
const PERSON_HINT = /个人|居民|公民|身份证|户口|婚|收养|生育|养老|医保|社会保障卡|学生|残疾|退役|退休|老年|儿童|出生|死亡|驾驶证|护士|医师|乡村医生|公证员|失业|就业|创业|毕业生|亲属|遗属|伤残|工伤|低保|特困|救助|个体演员|犬/;

/** Removes parenthesised administrative qualifiers that residents never type. */
export function shortNameOf(name: string): string {
  return name
    .replace(/[（(](?:县级行使|县级|市级\/县级|承诺件|即办件|指引)[)）]/g, '')
    .replace(/[（(]据省政府令.*?[)）]/g, '')
    .replace(/[（(]根据省政府.*?[)）]/g, '')
    .trim();
}

export function classify(item: SourceItem): Profile {
  const name = item.name;
  const byName = BY_NAME.find(([, re]) => re.test(name))?.[0];
  const byDept = BY_DEPARTMENT[item.department];
  // Departments with one clear remit keep it unless the name says otherwise for a resident matter.
  let domain: Domain = byDept ?? byName ?? 'other';
  if (byDept === 'police' && (byName === 'household' || byName === 'safety')) domain = byName;
  else if (byDept === 'civil' && byName === 'marriage') domain = 'marriage';
  else if (byDept === 'social' && byName === 'medical') domain = 'medical';
  else if (!byDept || byDept === 'realestate' || byDept === 'agri') domain = byName ?? byDept ?? 'other';

  const action = ACTIONS.find(([, re]) => re.test(name))?.[0] ?? 'other';
  const personish = PERSON_HINT.test(name);
  const enterprisish = ENTERPRISE_HINT.test(name);
  let audience: Audience;
  if (personish && !enterprisish) audience = 'person';
  else if (enterprisish && !personish) audience = 'enterprise';
  else audience = ['social', 'medical', 'household', 'marriage', 'civil', 'police'].includes(domain) ? 'person' : 'enterprise';
  return { domain, action, audience, shortName: shortNameOf(name) };
}
