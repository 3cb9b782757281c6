import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { referenceHandlers } from '../stories/support/api-handlers.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';

setCustomElementsManifest(manifest);

/**
 * The API of every story: msw's service worker hands each request to the handlers of the reference API
 * (stories/support/api-handlers.ts), which stay for every story; a story adds its own in `parameters.msw`.
 * A request for the API that no handler answers is an error in the console (the story test fails on it).
 */
async function startWorker() {
  const worker = setupWorker(...referenceHandlers);
  await worker.start({
    quiet: true,
    // Relative, so a Storybook published under a sub-path finds its worker.
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.includes('/api/v1/')) print.error();
    },
  });
  return worker;
}

// Toolbar globals let a designer preview any story in either language, elder mode and each contrast scheme.
const preview: Preview = {
  globalTypes: {
    lang: {
      description: '界面语言 / Language',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'zh-CN', title: '中文' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    elder: {
      description: '长辈模式 / Elder mode',
      toolbar: { title: 'Elder mode', icon: 'accessibility', items: [{ value: 'off', title: '标准' }, { value: 'on', title: '长辈模式' }], dynamicTitle: true },
    },
    contrast: {
      description: '高对比度 / High contrast',
      toolbar: {
        title: 'Contrast',
        icon: 'contrast',
        items: ['none', 'black-on-white', 'yellow-on-black', 'white-on-blue'].map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'zh-CN', elder: 'off', contrast: 'none' },
  loaders: [mswLoader(startWorker)],
  decorators: [
    (story, context) => {
      document.documentElement.lang = context.globals.lang ?? 'zh-CN';
      pagePrefsStore().set({
        elder: context.globals.elder === 'on',
        contrast: (context.globals.contrast ?? 'none') as ContrastScheme,
      });
      return story();
    },
  ],
  parameters: { controls: { expanded: true }, docs: { toc: true } },
};
export default preview;
