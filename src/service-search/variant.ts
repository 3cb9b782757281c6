/**
 * Which variant of a service an item is, read from the action words of its name. One certificate, licence or status
 * usually comes as a family of items — 残疾人证新办, 残疾人证换领, 残疾人证挂失补办, 残疾人证迁移, 残疾人证注销 — and a
 * resident who types the bare name (残疾证, 社保卡, 营业执照) is most often applying for the first time. So for a
 * bare query the search ranks, within one match tier:
 *
 * 0. the first-time application (新办, 核发, 申领, 办理, 申请, 签发, 首次, 设立, 认定, 登记, …);
 * 1. names with no action word at all (最低生活保障: the service itself);
 * 2. the common follow-ups (换领, 换发, 补领, 补发, 补办, 换证, 延续, …);
 * 3. the rest (注销, 变更, 挂失, 迁移, 查询, 咨询, 启用, …).
 *
 * A follow-up word decides over the others (残疾人证挂失补办 is a replacement), then a word of the rest (个体工商户变更登记
 * is a change, though it says 登记), then a first-time word.
 */
const FIRST = '新办,核发,申领,办理,申请,签发,首次,初次,设立,认定,登记,备案,采集,发放,注册,开办,领取,开具'.split(',');
const FOLLOW_UP = '换领,换发,补领,补发,补办,补换,换证,补证,延续,换卡,补卡'.split(',');
const REST =
  '注销,变更,挂失,撤销,吊销,迁移,转移,解挂,停业,歇业,恢复,更正,延期,查询,咨询,启用,激活,终止,修改,重置,暂停,取消,解除,退出,年检,年审'.split(
    ',',
  );

export const enum Variant {
  First,
  Neutral,
  FollowUp,
  Rest,
}

/** The variant an item name stands for. */
export function variantOf(name: string): Variant {
  if (FOLLOW_UP.some((w) => name.includes(w))) return Variant.FollowUp;
  if (REST.some((w) => name.includes(w))) return Variant.Rest;
  if (FIRST.some((w) => name.includes(w))) return Variant.First;
  return Variant.Neutral;
}

/**
 * Words in a query that name an action, so that the query is not bare: the official ones above and what residents
 * say for them (丢了 → 挂失, 补领; 到期 → 换领; 改名 → 变更; 办 is "apply", the first-time action itself).
 */
const SPOKEN = '丢,掉,补,换,到期,过期,改,转,迁,销,忘,密码,查,问,年审'.split(',');

/** Whether `text` (a normalized query in Chinese) names an action. */
export function namesAction(text: string): boolean {
  return [...FIRST, ...FOLLOW_UP, ...REST, ...SPOKEN].some((w) => text.includes(w));
}

/** The pinyin of the action words, for a query typed in pinyin ("shebaokabuling" names one). */
export function actionSpellings(readingOf: (ch: string) => string | undefined): string[] {
  const out = new Set<string>();
  for (const word of [...FIRST, ...FOLLOW_UP, ...REST]) {
    const spelled = [...word].map(readingOf);
    if (spelled.every(Boolean)) out.add(spelled.join(''));
  }
  return [...out];
}
