import { defineStrings } from '../core/i18n.js';

/**
 * Strings of `<zw-a11y-toolbar>` and `<zw-a11y-toggle>`, named as on the usual 无障碍工具条 of government portals.
 * The keys `elder`, `contrast`, `spacing`, `cursor`, `guide`, `motion` and `speech` are also the toggle modes.
 */
export const a11yStrings = defineStrings(
  {
    open: '无障碍',
    elder: '长辈模式',
    size: '文字大小',
    smaller: '缩小',
    larger: '放大',
    colours: '配色',
    none: '默认配色',
    'black-on-white': '白底黑字',
    'yellow-on-black': '黑底黄字',
    'white-on-blue': '蓝底白字',
    contrast: '高对比度',
    spacing: '加大间距',
    cursor: '大鼠标',
    guide: '十字线',
    motion: '减少动画',
    speech: '指读',
    readAll: '连读',
    pause: '暂停',
    resume: '继续',
    stop: '停止朗读',
    noVoice: '本设备没有中文语音，无法朗读。',
    nothing: '没有找到可以朗读的内容。',
    reset: '恢复默认',
    close: '关闭',
    hint: '快捷键 Alt+Shift+A 打开，Esc 关闭。',
  },
  () => import('./strings.en.js'),
);

export type A11yStrings = (typeof a11yStrings)['zh-CN'];
