/**
 * One replica of the replicated fan-out benchmark (bench/queue-status-replicas.ts): the reference server in a process
 * of its own on the PostgreSQL of DATABASE_URL, simulator paused, driven over IPC:
 *   { op: 'memory' }   → memory after garbage collection
 *   { op: 'clients' }  → event-stream clients this replica holds
 *   { op: 'tick' }     → one simulator step through this replica: the new version and the monotonic time before it
 *   { op: 'close' }    → stops (streams end, the process exits)
 */
import { createApp } from '../api/server/app.ts';
import { listen } from '../api/server/http/node-server.ts';

const HALL = 'guangan-zwzx';
const reference = await createApp({ databaseUrl: process.env.DATABASE_URL, simulatorSpeed: 0, alwaysOpen: true });
const hall = reference.simulator.hall(HALL)!;
const server = listen(reference.app, 0, '127.0.0.1', (info) => process.send!({ op: 'ready', port: info.port }));
server.maxConnections = 20_000;

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', async (msg: { op: string; id: number }) => {
  const reply = (body: object) => process.send!({ id: msg.id, ...body });
  if (msg.op === 'memory') {
    for (let n = 0; n < 3; n++) gc?.();
    const m = process.memoryUsage();
    reply({ rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers, gc: Boolean(gc) });
  } else if (msg.op === 'clients') {
    reply({ clients: hall.hub.clientCount });
  } else if (msg.op === 'tick') {
    let patches: { version: number }[] = [];
    let t0 = 0n;
    for (let n = 0; n < 20 && !patches.length; n++) {
      t0 = process.hrtime.bigint();
      patches = await reference.simulator.tick(HALL);
    }
    reply({ t0: String(t0), version: patches[0]?.version });
  } else if (msg.op === 'close') {
    server.close();
    await reference.close();
    process.exit(0);
  }
});
