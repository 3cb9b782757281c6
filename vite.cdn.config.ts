import { defineConfig } from 'vite';

// CDN build: self-registering, minified ES modules with Lit inside, for <script type="module" src="…"> on a portal
// with no build step. zhengwu-widgets.js registers the residents' elements, zhengwu-widgets-staff.js the staff ones;
// the two share their common code (Lit, the core) through chunks beside them, and what either loads on demand (the
// English tables, rarely used parts) sits beside it too, fetched relative to it. Template text (the CSS and HTML in
// Lit's tagged templates) is left exactly as written: the packaged tests open these very files.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Library mode keeps whitespace by default; a CDN file is shipped as is, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: { 'zhengwu-widgets': 'src/index.ts', 'zhengwu-widgets-staff': 'src/staff-elements.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
