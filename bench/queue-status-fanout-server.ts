/**
 * Child process of the SSE fan-out benchmark: the reference server alone in its own process (so that its memory
 * is measured without the benchmark's clients), simulator paused. The parent drives it over IPC:
 *   { op: 'memory' }        → memory after garbage collection
 *   { op: 'tick' }          → one simulator step that produced a patch: its version, the monotonic time just before
 *                             it, how long the synchronous part took (the change, its serialization and the enqueue
 *                             to every stream), and how many JSON.stringify calls it made (one per change, whatever
 *                             the audience)
 *   { op: 'clients' }       → event-stream clients the hall's hub holds
 */
import { serve } from '@hono/node-server';
import { createApp } from '../api/server/app.ts';

const HALL = 'guangan-zwzx';
const heartbeatMs = Number(process.env.ZW_BENCH_HEARTBEAT_MS ?? 15_000);
const reference = await createApp({ simulatorSpeed: 0, alwaysOpen: true, heartbeatMs });
const hall = reference.simulator.hall(HALL)!;

const gc = (globalThis as { gc?: () => void }).gc;
const server = serve({ fetch: reference.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send!({ op: 'ready', port: info.port });
});

process.on('message', async (msg: { op: string; id: number }) => {
  const reply = (body: object) => process.send!({ id: msg.id, ...body });
  if (msg.op === 'memory') {
    for (let n = 0; n < 3; n++) gc?.();
    const m = process.memoryUsage();
    reply({ rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers, gc: Boolean(gc) });
  } else if (msg.op === 'clients') {
    reply({ clients: hall.hub.clientCount });
  } else if (msg.op === 'tick') {
    const stringify = JSON.stringify;
    let serialized = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => (
      serialized++,
      stringify(...args)
    )) as typeof stringify;
    let t0 = 0n;
    let patches: { version: number }[] = [];
    try {
      for (let n = 0; n < 20 && !patches.length; n++) {
        serialized = 0;
        t0 = process.hrtime.bigint();
        patches = await reference.simulator.tick(HALL);
      }
    } finally {
      JSON.stringify = stringify;
    }
    const publishMs = Number(process.hrtime.bigint() - t0) / 1e6;
    reply({ t0: String(t0), version: patches[0]?.version, serialized, publishMs });
  } else if (msg.op === 'close') {
    server.close();
    void reference.close().then(() => process.exit(0));
  }
});
