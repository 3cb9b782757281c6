import { defineStrings } from '../core/i18n.js';
import type { PriorityReason, TicketStage } from '../core/api/types.gen.js';

/** The actions of the console, as the keyboard and the queue name them. */
export type ConsoleAction =
  'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'pause' | 'open' | 'close';

/** What the window console says. */
export const consoleStrings = defineStrings(
  {
    title: '窗口工作台',
    chooseWindow: '选择窗口',
    window: '窗口',
    useWindow: '进入工作台',
    claiming: '正在连接窗口…',
    claimedBy: (who: string, since: string) =>
      `该窗口正由 ${who} 的工作台使用（自 ${since} 起）。同一窗口只能有一个工作台。`,
    takeover: '确认接管此窗口',
    leaseLost: '此窗口已被其他工作台接管，或连接已过期。本工作台的操作已停止。',
    reclaim: '重新接管',
    signedInAs: (name: string) => `工作人员：${name}`,
    signOut: '退出登录',
    status_open: '服务中',
    status_paused: '暂停服务',
    status_closed: '未开窗',
    hallClosed: '大厅当前不在服务时间。',
    current: '当前办理',
    noCurrent: '当前没有办理中的号码。',
    stage: (stage: TicketStage) =>
      ({ waiting: '等候中', called: '已叫号，等待到窗', serving: '办理中', served: '已办结', missed: '过号' })[stage],
    elapsedCalled: (t: string) => `叫号后 ${t}`,
    elapsedServing: (t: string) => `已办理 ${t}`,
    recalls: (n: number) => `已重呼 ${n} 次`,
    priority: '优先',
    priorityReason: (r: PriorityReason) =>
      ({ elderly: '60 岁以上', disabled: '残疾人', pregnant: '孕妇', 'seriously-ill': '重病', other: '其他' })[r],
    online: '线上取号',
    transferred: '转入',
    action: (a: ConsoleAction) =>
      ({
        'call-next': '叫号',
        recall: '重呼',
        start: '开始办理',
        finish: '办结',
        'no-show': '过号',
        transfer: '转移',
        pause: '暂停',
        open: '恢复服务',
        close: '关窗',
      })[a],
    openWindow: '开窗服务',
    categories: '本窗口办理的业务',
    changeCategories: '调整本窗口业务',
    saveCategories: '保存',
    shortcut: (key: string) => `快捷键 ${key}`,
    next: '等候队列',
    nextEmpty: '暂无等候。',
    waitedFor: (min: number) => `已等 ${min} 分钟`,
    waitingCounts: '各业务等候人数',
    waitingCount: (name: string, n: number, p: number) => (p ? `${name}：${n} 人（优先 ${p} 人）` : `${name}：${n} 人`),
    missed: '过号可重呼',
    recallNumber: (n: string) => `重呼 ${n}`,
    transferTitle: (n: string) => `转移 ${n}`,
    transferToCategory: '转到业务类别',
    transferToWindow: '转到窗口',
    transferGo: '确认转移',
    cancel: '取消',
    online_ok: '网络正常',
    offline: '网络已断开：操作将在恢复后依次发送',
    pending: (n: number) => `${n} 项操作待发送`,
    pendingList: '待发送的操作',
    sending: '正在发送',
    held: '已暂停发送（前一项被拒绝）',
    rejected: (a: string, why: string) => `“${a}”未执行：${why}`,
    sendHeld: '继续发送',
    dropHeld: '放弃这些操作',
    dismiss: '知道了',
    done: (a: string, n: string) => `${a}：${n}`,
    doneNone: (a: string) => `${a}：暂无等候`,
    nobodyWaiting: '当前没有等候的号码。',
    leaveWarning: '还有操作未发送，离开将丢失这些操作。',
    loadFailed: '暂时无法读取窗口信息。',
    noHall: '未指定大厅。',
  },
  () => import('./console-strings.en.js'),
);

export type ConsoleStrings = (typeof consoleStrings)['zh-CN'];
