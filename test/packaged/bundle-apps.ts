/**
 * Production bundles of the fixture apps with the bundlers integrators use (esbuild, Rollup, Vite), each resolving
 * `zhengwu-widgets` from the installed tarball and honouring its `sideEffects`, exactly as in a real app.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build as viteBuild } from 'vite';
import { work } from './install.ts';

export const BUNDLERS = ['esbuild', 'rollup', 'vite'] as const;
export const ENTRIES = ['families', 'everything'] as const;
export type Bundler = (typeof BUNDLERS)[number];
export type Entry = (typeof ENTRIES)[number];

const page = (body: string, script: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>fixture</title>
<script type="module" src="${script}"></script></head>
<body>${body}</body></html>`;

/** Builds every bundler × entry into `.work/out/<bundler>-<entry>/` with an index.html showing `body`. */
export async function bundleApps(body: string): Promise<void> {
  const apps = join(work, 'apps');
  cpSync(join(import.meta.dirname, 'apps'), apps, { recursive: true });
  for (const entry of ENTRIES) {
    const input = join(apps, 'bundled', `${entry}.js`);
    for (const bundler of BUNDLERS) {
      const out = join(work, 'out', `${bundler}-${entry}`);
      mkdirSync(out, { recursive: true });
      if (bundler === 'esbuild') {
        await esbuild({
          entryPoints: { main: input },
          bundle: true,
          splitting: true,
          format: 'esm',
          minify: true,
          target: 'es2022',
          outdir: out,
          logLevel: 'silent',
        });
        writeFileSync(join(out, 'index.html'), page(body, './main.js'));
      } else if (bundler === 'rollup') {
        const bundle = await rollup({ input, plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
        await bundle.write({ dir: out, format: 'es', entryFileNames: 'main.js' });
        await bundle.close();
        writeFileSync(join(out, 'index.html'), page(body, './main.js'));
      } else {
        const src = join(apps, `vite-${entry}`);
        mkdirSync(src, { recursive: true });
        writeFileSync(join(src, 'index.html'), page(body, `../bundled/${entry}.js`));
        await viteBuild({
          root: src,
          base: './',
          logLevel: 'silent',
          configFile: false,
          build: { outDir: out, emptyOutDir: true, target: 'es2022' },
        });
      }
    }
  }
}
