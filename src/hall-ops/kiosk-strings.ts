import { defineStrings } from '../core/i18n.js';

import type { PriorityReason } from '../core/api/types.gen.js';

/** The priority reasons of 绿色通道 the kiosk offers, in order (`other` is for staff, who know the hall's rules). */
export const PRIORITY_REASONS: readonly PriorityReason[] = ['elderly', 'disabled', 'pregnant', 'seriously-ill'];

/** What the ticket kiosk says and prints. */
export const kioskStrings = defineStrings(
  {
    title: '自助取号',
    choose: '请选择您要办理的业务',
    waiting: (n: number) => `等候 ${n} 人`,
    priority: '绿色通道',
    priorityHint: '60 岁以上老人、残疾人、孕妇、重病患者优先办理',
    priorityChoose: '请选择优先办理的原因',
    priorityCategory: '绿色通道：请选择您要办理的业务',
    reason: (r: PriorityReason) =>
      ({ elderly: '60 岁以上老人', disabled: '残疾人', pregnant: '孕妇', 'seriously-ill': '重病患者', other: '其他' })[
        r
      ],
    back: '返回',
    issuing: '正在取号，请稍候…',
    yourNumber: '您的号码',
    ticketCategory: '业务类别',
    ahead: (n: number) => (n === 0 ? '前面没有人，请留意叫号' : `前面还有 ${n} 人`),
    issuedAt: '取号时间',
    priorityMark: '优先',
    scan: '扫码查看排队进度',
    print: '打印号票',
    printing: '正在打印号票，请在下方取票',
    done: '完成',
    spokenWelcome: '欢迎。请选择您要办理的业务。',
    spokenTicket: (number: string, ahead: number) =>
      ahead === 0 ? `您的号码是 ${number}，前面没有人，请留意叫号。` : `您的号码是 ${number}，前面还有 ${ahead} 人。`,
    closed: '大厅当前不在服务时间，暂停取号。',
    failed: '取号失败',
    loadFailed: '暂时无法读取业务列表。',
    noCategories: '本大厅暂无可取号的业务。',
    noHall: '未指定大厅。',
  },
  () => import('./kiosk-strings.en.js'),
);

export type KioskStrings = (typeof kioskStrings)['zh-CN'];
