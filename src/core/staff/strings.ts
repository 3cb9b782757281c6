import { defineStrings } from '../i18n.js';

/** What every staff element says about signing in (the window console, the kiosk's staff mode, the 差评 desk). */
export const staffStrings = defineStrings(
  {
    checking: '正在核验登录…',
    signInTitle: '工作人员登录',
    signInNeeded: '请使用统一身份认证登录后继续。',
    signIn: '登录',
    signOut: '退出登录',
    signedInAs: (name: string) => `已登录：${name}`,
    forbiddenTitle: '无权使用',
    forbidden: (hall: string) => `当前账号没有${hall}的相应权限，请联系大厅管理员。`,
    devTitle: '开发环境登录（仅限开发和测试，生产环境不可用）',
    devName: '姓名',
    devSignIn: '以开发账号登录',
    devFailed: '开发账号登录失败。',
  },
  () => import('./strings.en.js'),
);

export type StaffStrings = (typeof staffStrings)['zh-CN'];
