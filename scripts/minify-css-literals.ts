/**
 * Minifies the CSS inside Lit `css\`…\`` templates at build time (bundlers minify the JavaScript around it but
 * leave template text alone). Only templates without interpolations or backslashes are touched, so the result is
 * always the same stylesheet. Used by the npm and CDN builds and by the size benchmark, so the figures match
 * what ships.
 */
import { transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

const CSS_TEMPLATE = /\bcss`((?:[^`\\$]|\$(?!\{))*)`/g;

export async function minifyCssLiterals(source: string): Promise<string> {
  const found = [...source.matchAll(CSS_TEMPLATE)];
  if (!found.length) return source;
  const minified = await Promise.all(
    found.map(async (m) => (await transform(m[1], { loader: 'css', minify: true, logLevel: 'silent' })).code.trim()),
  );
  let index = 0;
  return source.replace(CSS_TEMPLATE, () => `css\`${minified[index++]}\``);
}

const isSource = (id: string) => /\/src\/.*\.ts$/.test(id) && !id.includes('node_modules');

export function minifyCssVite(): VitePlugin {
  return {
    name: 'zw-minify-css-literals',
    enforce: 'pre',
    async transform(code, id) {
      return isSource(id) ? { code: await minifyCssLiterals(code), map: null } : null;
    },
  };
}

export function minifyCssEsbuild(): EsbuildPlugin {
  return {
    name: 'zw-minify-css-literals',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => ({
        contents: await minifyCssLiterals(await readFile(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}
