import type { Draw } from '../hash.ts';
import type { Profile } from './classify.ts';
import type { Material } from '../payloads.ts';


const m = (name: string, form: Material['form'] = 'either', extra: Partial<Material> = {}): Material => ({
  name,
  form,
  copies: 1,
  required: true,
  ...extra,
});

const ID_CARD = m('居民身份证', 'either', { note: '可出示电子身份证' });
const HOUSEHOLD_BOOK = m('居民户口簿');
const LICENCE = m('营业执照', 'either', { note: '可使用电子营业执照' });
const LEGAL_REP_ID = m('法定代表人（负责人）身份证明', 'paper');
const PROXY = m('授权委托书及受托人身份证件', 'paper', { required: false, note: '委托他人办理时提供' });
const PROMISE = m('告知承诺书', 'either', { note: '实行告知承诺制，可替代部分证明材料' });

/** Materials that only make sense for a domain, chosen by keywords in the name where one fits better. */
function domainMaterials(p: Profile, name: string): Material[] {
  switch (p.domain) {
    case 'social':
      if (/社会保障卡|社保卡/.test(name)) return [m('近期免冠证件照片', 'electronic', { note: '白色背景，可现场拍摄' })];
      if (/退休|养老金|待遇/.test(name)) return [m('社会保障卡'), m('本人社会保障卡金融账户信息', 'either')];
      if (/失业|就业|创业/.test(name)) return [m('就业创业证', 'either'), m('社会保障卡')];
      if (/工伤/.test(name)) return [m('工伤认定决定书', 'paper'), m('医疗诊断证明及病历', 'paper')];
      return [m('社会保障卡')];
    case 'medical':
      if (/报销|费用|支付/.test(name)) return [m('医保电子凭证或社会保障卡'), m('医疗费用票据及费用明细清单', 'paper'), m('出院记录或诊断证明', 'paper')];
      if (/备案|异地/.test(name)) return [m('医保电子凭证或社会保障卡'), m('异地就医备案表', 'either')];
      return [m('医保电子凭证或社会保障卡')];
    case 'household':
      if (/护照/.test(name)) return [m('近期免冠证件照片', 'electronic', { note: '可在出入境窗口现场采集' })];
      if (/迁移|落户/.test(name)) return [HOUSEHOLD_BOOK, m('准迁证明或迁入地落户证明', 'paper')];
      if (/身份证/.test(name)) return [HOUSEHOLD_BOOK, m('近期免冠证件照片', 'electronic', { note: '现场采集' })];
      if (/居住证/.test(name)) return [m('居住证明（房屋租赁合同或房产证明）', 'paper'), m('近期免冠证件照片', 'electronic')];
      return [HOUSEHOLD_BOOK];
    case 'marriage':
      if (/离婚/.test(name)) return [HOUSEHOLD_BOOK, m('结婚证', 'paper'), m('离婚协议书', 'paper', { copies: 3 })];
      if (/收养/.test(name)) return [HOUSEHOLD_BOOK, m('收养人身体健康检查证明', 'paper')];
      return [HOUSEHOLD_BOOK, m('近期二寸半身免冠合影照片', 'paper', { copies: 3 })];
    case 'civil':
      if (/残疾/.test(name)) return [m('中华人民共和国残疾人证', 'either'), HOUSEHOLD_BOOK];
      if (/退役|伤残|军人|预备役/.test(name)) return [m('退役证件或伤残证件', 'paper')];
      if (/低保|最低生活保障|救助|特困|困难/.test(name)) return [HOUSEHOLD_BOOK, m('家庭收入及财产状况说明', 'paper'), m('银行账户信息', 'either')];
      if (/社会团体|民办非企业|慈善|社会组织/.test(name)) return [m('章程草案', 'either'), m('住所使用证明', 'paper')];
      if (/高龄|老年/.test(name)) return [HOUSEHOLD_BOOK, m('银行账户信息', 'either')];
      return [HOUSEHOLD_BOOK];
    case 'realestate':
      if (/矿/.test(name)) return [m('矿产资源勘查或开采方案', 'electronic'), m('矿区范围图', 'electronic')];
      return [m('不动产权证书', 'either'), m('宗地图及界址点坐标', 'electronic')];
    case 'tax':
      if (/发票/.test(name)) return [m('经办人身份证件'), m('发票领用簿', 'paper')];
      return [m('经办人身份证件'), m('相关涉税资料', 'either')];
    case 'enterprise':
      if (/食品/.test(name)) return [m('食品经营许可证', 'either'), m('经营场所平面图及设备布局图', 'electronic')];
      if (/个体工商户设立/.test(name)) return [m('经营者身份证件'), m('经营场所使用证明', 'either')];
      if (/设立/.test(name)) return [m('公司章程或合伙协议', 'either'), m('住所（经营场所）使用证明', 'either'), m('投资人主体资格证明', 'either')];
      if (/股权/.test(name)) return [m('股权出质合同', 'paper')];
      return [m('股东会决议或决定', 'either')];
    case 'transport':
      if (/驾驶员|驾驶/.test(name)) return [m('机动车驾驶证', 'either'), m('培训场地使用证明', 'paper')];
      if (/车辆|出租汽车|运输证|客运|货运/.test(name)) return [m('机动车行驶证', 'either'), m('道路运输经营许可证', 'either')];
      return [m('工程设计图纸及说明', 'electronic'), m('施工安全保障方案', 'electronic')];
    case 'construction':
      if (/供水|供气|报装/.test(name)) return [m('房屋产权证明或购房合同', 'either'), m('用水（用气）地址示意', 'electronic', { required: false })];
      if (/物业|维修资金|租赁|住房|公租房/.test(name)) return [HOUSEHOLD_BOOK, m('房屋产权证明或租赁合同', 'either')];
      return [m('建设工程规划许可证', 'either'), m('施工图设计文件审查合格书', 'electronic')];
    case 'health':
      if (/医师|护士|乡村医生/.test(name)) return [m('执业证书', 'either'), m('健康体检证明', 'paper'), m('近期免冠证件照片', 'electronic')];
      return [m('医疗机构执业许可证', 'either'), m('场所平面布局图', 'electronic')];
    case 'education':
      if (/学生|学籍|入学|休学/.test(name)) return [HOUSEHOLD_BOOK, m('学籍信息表', 'either')];
      return [m('办学许可证', 'either'), m('校舍产权或使用证明', 'paper'), m('教师资格证明材料', 'either')];
    case 'culture':
      if (/文物/.test(name)) return [m('文物保护方案', 'electronic')];
      if (/宗教/.test(name)) return [m('宗教活动场所登记证', 'paper')];
      return [m('经营场所产权或租赁证明', 'either'), m('消防安全检查合格证明', 'either')];
    case 'agri':
      if (/拖拉机|联合收割机/.test(name)) return [m('拖拉机和联合收割机驾驶证或行驶证', 'either'), m('近期免冠证件照片', 'electronic')];
      if (/动物|兽/.test(name)) return [m('动物防疫条件合格证', 'either'), m('场所布局图', 'electronic')];
      if (/种子|菌种|种畜禽|蚕种/.test(name)) return [m('种子（种畜禽）生产经营许可证', 'either'), m('检验设施和仪器清单', 'paper')];
      if (/渔业|水产|水生|水域/.test(name)) return [m('渔业船舶检验证书', 'paper'), m('养殖水域位置图', 'electronic')];
      if (/采伐|林|森林/.test(name)) return [m('林权证明', 'either'), m('伐区调查设计文件', 'electronic')];
      return [m('生产经营场所证明', 'paper')];
    case 'water':
      return [m('水资源论证报告', 'electronic'), m('工程建设方案', 'electronic')];
    case 'env':
      return [m('环境影响评价文件', 'electronic'), m('污染防治设施说明', 'either')];
    case 'safety':
      if (/烟花爆竹/.test(name)) return [m('储存场所安全评价报告', 'paper'), m('安全管理制度', 'either')];
      return [m('安全生产管理制度及应急预案', 'either'), m('从业人员安全培训证明', 'paper')];
    case 'tobacco':
      return [m('烟草专卖零售许可证', 'either'), m('经营场所产权或租赁证明', 'either')];
    case 'police':
      if (/犬/.test(name)) return [m('犬只狂犬病免疫证明', 'paper'), m('犬只近期照片', 'electronic')];
      if (/旅馆|特种行业|公章/.test(name)) return [m('经营场所安全防范设施说明', 'paper')];
      if (/化学品|爆炸|放射/.test(name)) return [m('运输车辆及人员资质证明', 'paper'), m('购买或运输合同', 'paper')];
      return [HOUSEHOLD_BOOK];
    case 'justice':
      return [m('相关证明材料', 'either')];
    default:
      return [m('相关证明材料', 'either')];
  }
}

function actionMaterials(p: Profile): Material[] {
  switch (p.action) {
    case 'reissue':
      return [m('遗失声明或损毁证件', 'paper')];
    case 'renew':
      return [m('原证件', 'paper')];
    case 'cancel':
      return [m('原证照正、副本', 'paper', { required: false, note: '遗失的提交遗失声明' })];
    case 'change':
      return [m('变更事项证明材料', 'either')];
    default:
      return [];
  }
}

/** 2–6 materials: the application, the applicant's identity, what the domain and the action need, then optional ones. */
export function materialsFor(p: Profile, name: string, d: Draw): Material[] {
  const list: Material[] = [];
  const asks = !['query', 'consult'].includes(p.action);
  if (asks) list.push(m(`${p.shortName.replace(/[、，,]/g, '')}申请表`, 'either', { note: '可在线填写，窗口免费提供' }));
  if (p.audience === 'person') list.push(ID_CARD);
  else if (/设立|成立|筹设|筹建|新办|首次/.test(name)) list.push(LEGAL_REP_ID);
  else list.push(LICENCE, LEGAL_REP_ID);
  if (asks) list.push(...domainMaterials(p, name), ...actionMaterials(p));
  if (p.action === 'approve' && d.chance(0.3)) list.push(PROMISE);
  list.push(PROXY);
  const seen = new Set<string>();
  const unique = list.filter((x) => !seen.has(x.name) && seen.add(x.name));
  const max = d.int(Math.min(4, unique.length), 6);
  const chosen = unique.slice(0, max);
  if (chosen.length < 2) chosen.push(m('其他依法需要提交的材料', 'either', { required: false }));
  // Paper originals of certificates are often asked for twice: one to keep on file, one returned.
  return chosen.map((x) => (x.form === 'paper' && x.required && d.chance(0.15) ? { ...x, copies: 2 } : x));
}
