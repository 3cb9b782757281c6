import type { RatingLevel } from '../payloads.ts';

/** The national 好差评 levels and reason codes (the first digit of a code is its level). */
const level = (n: number, name: string, reasons: [string, string][]): RatingLevel => ({
  level: n,
  name,
  bad: n <= 2,
  reasons: reasons.map(([code, text]) => ({ code, text })),
});

export const RATING_LEVELS: RatingLevel[] = [
  level(5, '非常满意', [
    ['513', '可以全程网上办理'],
    ['514', '可以使用手机办理'],
    ['515', '可以就近办理'],
    ['516', '无需材料直接办理'],
    ['517', '服务热情效率高'],
  ]),
  level(4, '满意', [
    ['409', '用告知承诺减免申报材料'],
    ['410', '可以在线预约办理'],
    ['411', '跑大厅一次办完'],
    ['412', '可以使用自助机办理'],
    ['413', '服务态度较好'],
  ]),
  level(3, '基本满意', [
    ['310', '办事指南指引准确'],
    ['311', '按办事指南要求的材料即可办理'],
    ['312', '可以快递送达'],
    ['313', '跑动次数与承诺的一致'],
    ['314', '服务态度一般'],
  ]),
  level(2, '不满意', [
    ['210', '同样内容的证明材料被要求多次提交'],
    ['211', '承诺网办但无法在线办理'],
    ['212', '在线预约办理后到实体大厅重复取号排队'],
    ['213', '窗口人员业务不熟练'],
    ['214', '服务态度生硬'],
  ]),
  level(1, '非常不满意', [
    ['111', '办事指南提供样本有错'],
    ['112', '承诺在线收取申报材料实际无法收取'],
    ['113', '多头跑窗口和部门'],
    ['114', '跑动次数与承诺的不一致'],
    ['115', '服务态度差效率低'],
  ]),
];

export const COMMENT_MAX_LENGTH = 500;

export function reasonsFor(n: number): Set<string> {
  return new Set(RATING_LEVELS.find((l) => l.level === n)?.reasons.map((r) => r.code) ?? []);
}

/**
 * Comments are shown to staff and in reports: control characters (except line breaks) and the bidirectional
 * overrides that can disguise text are removed; CRLF becomes LF.
 */
export function cleanComment(comment: string): string {
  return comment
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}
