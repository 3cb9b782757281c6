import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, chromeArgs } from './scripts/find-chrome.js';
import { apiMiddleware, apiServerPlugin } from './test/support/api-middleware.ts';
import { secondCopyPlugin } from './test/support/second-copy.ts';
import { mediaFeaturesPlugin } from './test/support/media-features.ts';
import { ssrPlugin } from './test/support/ssr-plugin.ts';

// Browser tests run in real headless Chromium. `/api/*` is served by the reference server itself (in-memory
// PGlite, simulator paused), so tests that say "the server stored one rating" mean it.
export default {
  // Node's own test runner runs test/api, test/ssr and test/packaged.
  files: ['test/**/*.test.ts', '!test/api/**', '!test/ssr/**', '!test/packaged/**', '!test/fault/**'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [apiServerPlugin(), secondCopyPlugin(), mediaFeaturesPlugin(), ssrPlugin(), esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: [apiMiddleware()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), args: chromeArgs } })],
};
