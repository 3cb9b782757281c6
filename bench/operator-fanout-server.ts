/**
 * Child process of the operator fan-out benchmark: the reference server alone in its own process, with the hall
 * run by its staff (no simulator, windows closed until opened), the development issuer for the staff token.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../api/server/app.ts';
import { createApiKey } from '../api/server/auth/api-keys.ts';

const HALL = 'guangan-zwzx';
const reference = await createApp({ simulatorSpeed: 0, alwaysOpen: true, staffedHalls: [HALL], heartbeatMs: 15_000 });
const { key } = await createApiKey(reference.db, HALL, 'bench kiosk', new Date());
const server = serve({ fetch: reference.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send!({ op: 'ready', port: info.port, key });
});
process.on('message', (msg: { op: string }) => {
  if (msg.op === 'close') {
    server.close();
    void reference.close().then(() => process.exit(0));
  }
});
