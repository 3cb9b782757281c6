import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Serves `/__ssr.json`: the server-rendered HTML of every element (test/ssr/fixtures.ts), made by @lit-labs/ssr in a
 * separate Node process so that its DOM shim never reaches the test runner's own globals. Rendered once per run.
 */
export function ssrPlugin() {
  let body: Promise<string> | undefined;
  return {
    name: 'zw-ssr',
    async serve(context: { path: string }) {
      if (context.path !== '/__ssr.json') return undefined;
      body ??= promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/ssr/render.ts'], {
        maxBuffer: 16 * 1024 * 1024,
      }).then((r) => r.stdout);
      return { body: await body, type: 'json' };
    },
  };
}
