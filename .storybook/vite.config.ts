import { defineConfig } from 'vite';
import { referenceRecording } from './reference-api.ts';

// Storybook's own Vite config, named in main.ts so that Storybook does not read the demo portal's vite.config.ts
// (which mounts the reference server at /api/ and would answer module requests for api/server/… with its 404).
// The stories' API is the request handlers, fed by the recording this plugin makes (reference-api.ts).
export default defineConfig({
  plugins: [referenceRecording()],
});
