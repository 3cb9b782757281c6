import { html, type TemplateResult } from 'lit';

/** One element as a portal's server would render it: its markup, and words the rendered HTML must hold. */
export interface SsrFixture {
  name: string;
  template: TemplateResult;
  /** Text that must be in the element's declarative shadow DOM (or its light DOM, for slotted content). */
  says: string[];
}

/** Every element of the library, with the attributes of the README's embed. */
export const ssrFixtures: SsrFixture[] = [
  {
    // The queue takes its hall from <zw-config>, which the server cannot ask: it renders the loading card.
    name: 'zw-config',
    template: html`<zw-config api-base="/" hall="guangan-zwzx" lang="zh-CN"
      ><zw-queue-status show-forecast></zw-queue-status
    ></zw-config>`,
    says: ['<slot></slot>', '正在加载…'],
  },
  {
    name: 'zw-queue-status',
    template: html`<zw-queue-status hall="guangan-zwzx" allow-take show-forecast></zw-queue-status>`,
    says: ['part="base"', '正在加载…'],
  },
  {
    name: 'zw-service-search',
    template: html`<zw-service-search href-template="/bs/{code}"></zw-service-search>`,
    says: ['搜索办事事项', 'role="combobox"', '事项名称、拼音或首字母', '正在加载…'],
  },
  {
    name: 'zw-a11y-toolbar',
    template: html`<zw-a11y-toolbar read-target="main"></zw-a11y-toolbar>`,
    says: ['role="switch"', 'aria-checked="false"', '长辈模式', '无障碍', 'aria-keyshortcuts="Alt+Shift+A"'],
  },
  {
    name: 'zw-a11y-toggle',
    template: html`<zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle>`,
    says: ['role="switch"', 'aria-checked="false"', '<slot>', '长辈版'],
  },
  {
    name: 'zw-rating',
    template: html`<zw-rating case="GA20261122-00318" service="511A0138000000" channel="pc"></zw-rating>`,
    says: ['您对本次服务满意吗？', '非常满意', '非常不满意', 'type="radio"', '提交评价'],
  },
  {
    name: 'zw-rating-summary',
    template: html`<zw-rating-summary hall="guangan-zwzx"></zw-rating-summary>`,
    says: ['正在加载…'],
  },
];
