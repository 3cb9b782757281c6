import { defineConfig } from 'vite';
import { zwApiPlugin } from './api/server/vite-plugin.ts';

// The demo portal (`npm start`): demo/index.html with the elements from src/, and the reference API mounted on
// the same dev server, persisted under .data/ so ratings and tickets survive a restart.
export default defineConfig({
  root: 'demo',
  publicDir: false,
  plugins: [zwApiPlugin()],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false, fs: { allow: ['..'] } },
  preview: { port: Number(process.env.PORT ?? 5173) },
});
