import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories talk to request handlers in the browser (msw), answering from a recording of the reference API made
// when Storybook starts or builds: `storybook dev` and the built Storybook show the same thing, with no server
// behind either (docs/decisions/007-storybook-request-handlers.md). `public/` gets msw's worker script from the
// installed msw at every start and build (see the storybook scripts in package.json).
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};
export default config;
