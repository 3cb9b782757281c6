import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyCssVite } from './scripts/minify-css-literals.ts';

// npm build: one ESM entry per element family (`zhengwu-widgets/queue-status.js`), Lit left to the app's bundler.
const families = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'core' && existsSync(`src/${d.name}/index.ts`))
  .map((d) => d.name);

export default defineConfig({
  plugins: [minifyCssVite()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: Object.fromEntries([
        ['index', 'src/index.ts'],
        ['config', 'src/core/index.ts'],
        // The in-page search as a plain class, apart from the element so that loading the element never loads it.
        ['search-engine', 'src/service-search/search-index.ts'],
        ...families.map((f) => [f, `src/${f}/index.ts`]),
      ]),
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
