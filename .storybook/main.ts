import type { StorybookConfig } from '@storybook/web-components-vite';
import { zwApiPlugin } from '../api/server/vite-plugin.ts';

// Stories talk to the real reference API, mounted on Storybook's own dev server (same as the demo portal).
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), zwApiPlugin()];
    return viteConfig;
  },
};
export default config;
