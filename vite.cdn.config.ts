import { defineConfig } from 'vite';

// CDN build: one self-registering, minified ES module with Lit inside, for
// <script type="module" src=".../zhengwu-widgets.js"> on a portal with no build step.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'zhengwu-widgets.js' },
  },
});
