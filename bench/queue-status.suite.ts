/**
 * Benchmarks of the queue-status family (`npm run bench -- queue`):
 * - updating a 40-window wall board in Chromium: milliseconds per update (median, p95);
 * - the reference server's Server-Sent Events fan-out on loopback with 100, 1,000 and 5,000 clients: time from a
 *   change until the last client has it, and the server's memory per connected client. The server runs in a child
 *   process (its memory alone is measured); the clients are raw sockets in this process, so on a small machine the
 *   "last client" time includes the clients' own work. `publishMedianMs` is the server's synchronous part (the change,
 *   its one serialization, the enqueue to every stream). The run also checks that each change is serialized once
 *   whatever the audience, that heartbeats reach every client, and that streams are released on disconnect.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { runInBrowser, stats } from './harness.ts';

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function boardUpdate() {
  const r = await runInBrowser<{ samples: number[]; windows: number; size: string }>('bench/queue-status-board.ts');
  const s = stats(r.samples);
  return { windows: r.windows, board: r.size, updates: s.n, medianMs: round(s.median), p95Ms: round(s.p95) };
}

// ---------------------------------------------------------------- SSE fan-out

/** The reference server in a child process, spoken to over IPC. */
class ServerProcess {
  private seq = 0;
  private readonly waiting = new Map<number, (body: Record<string, unknown>) => void>();
  port = 0;
  constructor(readonly child: ChildProcess) {
    child.on('message', (msg: { id?: number; op?: string; port?: number }) => {
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg);
    });
  }
  static async start(): Promise<ServerProcess> {
    const child = fork('bench/queue-status-fanout-server.ts', [], {
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=2048'],
      env: { ...process.env, ZW_BENCH_HEARTBEAT_MS: '2000' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new ServerProcess(child);
    server.port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (msg: { op?: string; port?: number }) => msg.op === 'ready' && resolve(msg.port!));
    });
    return server;
  }
  ask<T>(op: string): Promise<T> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, (body) => {
        this.waiting.delete(id);
        resolve(body as T);
      });
      this.child.send({ op, id });
    });
  }
}

/** A minimal event-stream client on a raw socket: notes when each event id and each heartbeat arrives. */
class StreamClient {
  readonly seen = new Map<number, bigint>();
  heartbeats = 0;
  private tail = '';
  readonly socket: Socket;
  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('connect', () =>
      this.socket.write(
        `GET /api/v1/halls/guangan-zwzx/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
      ),
    );
    this.socket.on('data', (chunk: Buffer) => {
      const at = process.hrtime.bigint();
      const text = this.tail + chunk.toString('latin1');
      for (const m of text.matchAll(/\nid: (\d+)\n/g))
        if (!this.seen.has(Number(m[1]))) this.seen.set(Number(m[1]), at);
      if (text.includes(': hb\n')) this.heartbeats++;
      this.tail = text.slice(-40);
    });
    this.socket.on('error', () => {});
  }
}

const until = async (ok: () => boolean, what: string, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`fan-out benchmark: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};

type Memory = { rss: number; heap: number; external: number; gc: boolean };

async function fanOut() {
  const server = await ServerProcess.start();
  const rows = [];
  try {
    for (const count of [100, 1_000, 5_000]) {
      const before = await server.ask<Memory>('memory');
      const clients: StreamClient[] = [];
      // Connect in batches, as a hall's audience arrives over minutes rather than in one instant.
      for (let n = 0; n < count; n += 250) {
        const batch = Array.from({ length: Math.min(250, count - n) }, () => new StreamClient(server.port));
        clients.push(...batch);
        await until(() => batch.every((c) => c.seen.size > 0), 'the opening snapshots');
      }
      const connected = (await server.ask<{ clients: number }>('clients')).clients;
      const after = await server.ask<Memory>('memory');

      const latencies: number[] = [];
      const publish: number[] = [];
      let serialized = 0;
      for (let r = 0; r < 15; r++) {
        const tick = await server.ask<{ t0: string; version: number; serialized: number; publishMs: number }>('tick');
        serialized = Math.max(serialized, tick.serialized);
        publish.push(tick.publishMs);
        await until(() => clients.every((c) => c.seen.has(tick.version)), `patch ${tick.version} at every client`);
        const last = clients.reduce(
          (max, c) => (c.seen.get(tick.version)! > max ? c.seen.get(tick.version)! : max),
          0n,
        );
        latencies.push(Number(last - BigInt(tick.t0)) / 1e6);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Heartbeats reach every client (the child sends one every 2 s in this benchmark).
      await until(() => clients.every((c) => c.heartbeats > 0), 'a heartbeat at every client', 10_000);

      // Every stream is released when its client goes away.
      for (const c of clients) c.socket.destroy();
      let held = connected;
      for (let n = 0; n < 400 && held > 0; n++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        held = (await server.ask<{ clients: number }>('clients')).clients;
      }

      const s = stats(latencies);
      rows.push({
        clients: count,
        connected,
        lastClientMedianMs: round(s.median),
        lastClientP95Ms: round(s.p95),
        publishMedianMs: round(stats(publish).median),
        serializationsPerChange: serialized,
        heapPlusExternalKbPerClient: round(
          (after.heap + after.external - before.heap - before.external) / count / 1024,
          1,
        ),
        rssKbPerClient: round((after.rss - before.rss) / count / 1024, 1),
        heldAfterDisconnect: held,
      });
    }
  } finally {
    server.child.send({ op: 'close', id: 0 });
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
  return rows;
}

export const suites = [
  { name: 'queue-status board update (40 windows, Chromium)', run: boardUpdate },
  { name: 'queue-status SSE fan-out (reference server, loopback)', run: fanOut },
];
