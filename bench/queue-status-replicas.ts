/**
 * The event fan-out across replicas (`npm run bench -- fanout-replicas`): 4 replicas of the reference server, each a
 * process of its own (bench/queue-status-replica-server.ts) on one PostgreSQL, with 2,500 event-stream clients each on
 * loopback (raw sockets in this process). Changes are made through the replicas in turn; the time from a change until
 * the last of all 10,000 clients has it is measured with the monotonic clock all processes share. Mid-run one replica
 * is killed (SIGKILL, a crash): its clients reconnect after 500 ms to the others with their Last-Event-ID, while changes
 * go on through the survivors, and every client must end up with every change exactly as made (0 events lost).
 * Memory per client is each replica's heap and external memory after garbage collection, before and after its clients.
 *
 * Needs DATABASE_URL (bench/queue-status-replicas.suite.ts runs it under scripts/with-postgres.ts). Prints one line
 * `RESULT <json>`. ZW_BENCH_REPLICAS and ZW_BENCH_CLIENTS (per replica) change the sizes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { stats } from './harness.ts';

const REPLICAS = Number(process.env.ZW_BENCH_REPLICAS ?? 4);
const PER_REPLICA = Number(process.env.ZW_BENCH_CLIENTS ?? 2_500);
const CHANGES_BEFORE = 12;
const CHANGES_DURING = 6;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Replica {
  private seq = 0;
  private readonly waiting = new Map<number, (body: Record<string, unknown>) => void>();
  port = 0;
  alive = true;
  readonly exited: Promise<void>;
  constructor(readonly child: ChildProcess) {
    child.on('message', (msg: { id?: number }) => {
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }
  static async start(): Promise<Replica> {
    const child = fork('bench/queue-status-replica-server.ts', [], {
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=2048'],
      env: { ...process.env, ZW_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const replica = new Replica(child);
    replica.port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (msg: { op?: string; port?: number }) => msg.op === 'ready' && resolve(msg.port!));
    });
    return replica;
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

/** Arrivals per version across all clients: how many have it, and when the last one got it. */
const arrivals = new Map<number, { count: number; last: bigint }>();

/** An event-stream client on a raw socket that reconnects, with its Last-Event-ID, when its replica goes away. */
class Client {
  /** Versions received as patches, and the version of each snapshot (a snapshot after a gap would hide a loss). */
  readonly patches = new Set<number>();
  readonly snapshots: number[] = [];
  duplicates = 0;
  reconnects = 0;
  lastId = 0;
  private tail = '';
  private socket!: Socket;
  private closing = false;
  constructor(
    private replica: Replica,
    private readonly pick: () => Replica,
  ) {
    this.open();
  }
  private open(): void {
    const socket = (this.socket = connect(this.replica.port, '127.0.0.1'));
    this.tail = '';
    socket.setNoDelay(true);
    socket.on('connect', () => {
      const resume = this.lastId ? `Last-Event-ID: ${this.lastId}\r\n` : '';
      socket.write(`GET /api/v1/halls/guangan-zwzx/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n${resume}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      const at = process.hrtime.bigint();
      const text = this.tail + chunk.toString('latin1');
      const cut = text.lastIndexOf('\n\n');
      if (cut < 0) {
        this.tail = text;
        return;
      }
      this.tail = text.slice(cut + 2);
      for (const m of text.slice(0, cut + 2).matchAll(/event: (patch|snapshot)\nid: (\d+)\n/g)) {
        const version = Number(m[2]);
        if (m[1] === 'snapshot') this.snapshots.push(version);
        else if (this.patches.has(version)) this.duplicates++;
        else this.patches.add(version);
        if (version > this.lastId) {
          this.lastId = version;
          const a = arrivals.get(version) ?? { count: 0, last: 0n };
          a.count++;
          if (at > a.last) a.last = at;
          arrivals.set(version, a);
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.closing) return;
      // The stream's replica went away: back after the retry the server asks for, to whichever replica is up.
      setTimeout(() => {
        this.reconnects++;
        this.replica = this.pick();
        this.open();
      }, 500);
    });
  }
  /** Versions after the first snapshot up to `last` that never arrived as a patch. */
  lost(last: number): number {
    const first = this.snapshots[0] ?? last;
    let missing = 0;
    for (let v = first + 1; v <= last; v++) if (!this.patches.has(v)) missing++;
    return missing;
  }
  close(): void {
    this.closing = true;
    this.socket.destroy();
  }
}

const until = async (ok: () => boolean, what: string, ms = 120_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`fan-out across replicas: timed out waiting for ${what}`);
    await sleep(5);
  }
};

type Memory = { rss: number; heap: number; external: number };

const replicas: Replica[] = [];
for (let i = 0; i < REPLICAS; i++) replicas.push(await Replica.start());
const clients: Client[] = [];
let turn = 0;
const pickAlive = () => {
  const alive = replicas.filter((r) => r.alive);
  return alive[turn++ % alive.length]!;
};
try {
  const before = await Promise.all(replicas.map((r) => r.ask<Memory>('memory')));
  for (const replica of replicas) {
    for (let n = 0; n < PER_REPLICA; n += 250) {
      const batch = Array.from({ length: Math.min(250, PER_REPLICA - n) }, () => new Client(replica, pickAlive));
      clients.push(...batch);
      await until(() => batch.every((c) => c.snapshots.length > 0), 'the opening snapshots');
    }
  }
  const held = await Promise.all(replicas.map((r) => r.ask<{ clients: number }>('clients')));
  const after = await Promise.all(replicas.map((r) => r.ask<Memory>('memory')));
  const total = clients.length;

  /** A change through a replica, and the time until all clients have it. */
  const change = async (replica: Replica): Promise<number> => {
    const tick = await replica.ask<{ t0: string; version: number }>('tick');
    await until(() => (arrivals.get(tick.version)?.count ?? 0) >= total, `version ${tick.version} at all ${total} clients`);
    return Number(arrivals.get(tick.version)!.last - BigInt(tick.t0)) / 1e6;
  };

  const latencies: number[] = [];
  for (let i = 0; i < CHANGES_BEFORE; i++) {
    latencies.push(await change(replicas[i % REPLICAS]!));
    await sleep(50);
  }

  // A replica crashes; changes go on through the others while its clients come back.
  const victim = replicas[REPLICAS - 1]!;
  const killedAt = Date.now();
  victim.alive = false;
  victim.child.kill('SIGKILL');
  await victim.exited;
  const survivors = replicas.filter((r) => r.alive);
  let final = 0;
  for (let i = 0; i < CHANGES_DURING; i++) {
    final = (await survivors[i % survivors.length]!.ask<{ version: number }>('tick')).version;
    await sleep(150);
  }
  await until(() => (arrivals.get(final)?.count ?? 0) >= total, `the last version at every client after the crash`);
  const recoveredMs = Date.now() - killedAt;
  const reconnected = clients.filter((c) => c.reconnects > 0).length;
  const lost = clients.reduce((sum, c) => sum + c.lost(final), 0);
  const duplicates = clients.reduce((sum, c) => sum + c.duplicates, 0);
  const resumedBySnapshot = clients.filter((c) => c.snapshots.length > 1).length;

  const after2: number[] = [];
  for (let i = 0; i < 6; i++) after2.push(await change(survivors[i % survivors.length]!));

  const s = stats(latencies);
  const s2 = stats(after2);
  const perClient = (pick: (m: Memory) => number) =>
    round(replicas.reduce((sum, _r, i) => sum + (pick(after[i]!) - pick(before[i]!)), 0) / total / 1024, 1);
  console.log(
    `RESULT ${JSON.stringify({
      replicas: REPLICAS,
      clients: total,
      clientsPerReplica: held.map((h) => h.clients),
      lastClientMedianMs: round(s.median),
      lastClientP95Ms: round(s.p95),
      afterCrashMedianMs: round(s2.median),
      killedReplicaClients: PER_REPLICA,
      reconnected,
      recoveredMs,
      eventsLost: lost,
      duplicateEvents: duplicates,
      resumedWithSnapshot: resumedBySnapshot,
      heapPlusExternalKbPerClient: perClient((m) => m.heap + m.external),
      rssKbPerClient: perClient((m) => m.rss),
    })}`,
  );
} finally {
  for (const c of clients) c.close();
  await Promise.all(replicas.filter((r) => r.alive).map((r) => (r.child.send({ op: 'close', id: 0 }), r.exited)));
}
