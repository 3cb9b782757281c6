/** The controls every story offers: the resident's language, elder mode and contrast scheme. */
export const modeArgTypes = {
  lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  elder: { control: 'boolean', description: '长辈模式 / elder mode' },
  contrast: { control: 'select', options: ['none', 'black-on-white', 'yellow-on-black', 'white-on-blue'] },
} as const;
