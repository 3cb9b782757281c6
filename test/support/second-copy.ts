import { build } from 'esbuild';

/**
 * Serves `/__second-copy.js`: the whole library bundled again, Lit included, as a portal gets it when a CMS fragment
 * and a page template each bring their own script tag. Tests load it beside the first copy.
 */
export function secondCopyPlugin() {
  let code: Promise<string> | undefined;
  return {
    name: 'zw-second-copy',
    async serve(context: { path: string }) {
      if (context.path !== '/__second-copy.js') return undefined;
      code ??= build({
        entryPoints: ['src/index.ts'],
        bundle: true,
        format: 'esm',
        write: false,
        target: 'es2022',
        tsconfig: 'tsconfig.json',
        logLevel: 'silent',
      }).then((r) => r.outputFiles[0].text);
      return { body: await code, type: 'js' };
    },
  };
}
