import { defineConfig } from 'vite';

// CDN build: one self-registering, minified ES module with Lit inside, for
// <script type="module" src=".../zhengwu-widgets.js"> on a portal with no build step. What it loads on demand
// (the English tables, rarely used parts) sits beside it and is fetched relative to it. Template text (the CSS and
// HTML in Lit's tagged templates) is left exactly as written: the packaged tests open this very file.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Library mode keeps whitespace by default; a CDN file is shipped as is, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'zhengwu-widgets.js' },
  },
});
