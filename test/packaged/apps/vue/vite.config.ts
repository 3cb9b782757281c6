import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: './',
  // The zw-* tags are custom elements, not Vue components: Vue sets their properties and listens to their events.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('zw-') } } })],
  build: { target: 'es2022' },
});
