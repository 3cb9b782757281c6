/**
 * `npm run bench -- operator`: from a window's 叫号 (an operator API call) until the hall board's snapshot and 1,000
 * live clients have it, on loopback. The server runs in a child process with the hall staffed (no simulator); the
 * clients are raw event-stream sockets in this process, so on a small machine the "last client" time includes the
 * clients' own work. Each round issues a ticket at the kiosk, then measures one `call-next` and finishes it.
 *
 * - `responseMs`: until the console has the answer (the change is committed and published);
 * - `boardMs`: until a board that reads the snapshot right after sees the window serving the ticket;
 * - `lastClientMs`: until the last of the 1,000 event streams has the patch.
 */
import { fork } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { stats } from './harness.ts';

const HALL = 'guangan-zwzx';
const CLIENTS = 1_000;
const ROUNDS = 30;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** An event-stream client on a raw socket: notes when each event id arrives. */
class StreamClient {
  readonly seen = new Map<number, bigint>();
  private tail = '';
  readonly socket: Socket;
  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('connect', () =>
      this.socket.write(
        `GET /api/v1/halls/${HALL}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
      ),
    );
    this.socket.on('data', (chunk: Buffer) => {
      const at = process.hrtime.bigint();
      const text = this.tail + chunk.toString('latin1');
      for (const m of text.matchAll(/\nid: (\d+)\n/g))
        if (!this.seen.has(Number(m[1]))) this.seen.set(Number(m[1]), at);
      this.tail = text.slice(-40);
    });
    this.socket.on('error', () => {});
  }
}

const until = async (ok: () => boolean, what: string, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`operator fan-out benchmark: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
};

async function operatorFanOut() {
  const child = fork('bench/operator-fanout-server.ts', [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
    child.once('error', reject);
    child.on(
      'message',
      (msg: { op?: string; port?: number; key?: string }) =>
        msg.op === 'ready' && resolve({ port: msg.port!, key: msg.key! }),
    );
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const clients: StreamClient[] = [];
  try {
    const minted = await fetch(`${base}/dev-issuer/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ roles: ['window-staff'], halls: [HALL] }),
    });
    const staff = {
      Authorization: `Bearer ${((await minted.json()) as { access_token: string }).access_token}`,
      'Content-Type': 'application/json',
    };
    let n = 0;
    const act = async (action: string) => {
      const res = await fetch(`${base}/staff/halls/${HALL}/windows/w01/actions`, {
        method: 'POST',
        headers: { ...staff, 'Idempotency-Key': `bench-${Date.now()}-${(n += 1)}` },
        body: JSON.stringify({ action }),
      });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { version: number; ticket: { number: string } | null };
    };
    await act('open');
    for (let i = 0; i < CLIENTS; i += 250) {
      const batch = Array.from({ length: Math.min(250, CLIENTS - i) }, () => new StreamClient(port));
      clients.push(...batch);
      await until(() => batch.every((c) => c.seen.size > 0), 'the opening snapshots');
    }
    const response: number[] = [];
    const board: number[] = [];
    const last: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const issued = await fetch(`${base}/staff/halls/${HALL}/tickets`, {
        method: 'POST',
        headers: {
          'X-Api-Key': key,
          'Content-Type': 'application/json',
          'Idempotency-Key': `bench-ticket-${Date.now()}-${r}`,
        },
        body: JSON.stringify({ categoryId: 'A' }),
      });
      const number = ((await issued.json()) as { number: string }).number;
      const t0 = process.hrtime.bigint();
      const called = await act('call-next');
      const answered = process.hrtime.bigint();
      if (called.ticket?.number !== number) throw new Error(`called ${called.ticket?.number}, expected ${number}`);
      const snapshot = (await (await fetch(`${base}/halls/${HALL}/snapshot`)).json()) as {
        windows: { id: string; serving: string | null }[];
      };
      const seenOnBoard = process.hrtime.bigint();
      if (snapshot.windows.find((w) => w.id === 'w01')?.serving !== number)
        throw new Error('the board does not show the call');
      await until(() => clients.every((c) => c.seen.has(called.version)), `version ${called.version} at every client`);
      const lastAt = clients.reduce(
        (max, c) => (c.seen.get(called.version)! > max ? c.seen.get(called.version)! : max),
        0n,
      );
      response.push(Number(answered - t0) / 1e6);
      board.push(Number(seenOnBoard - t0) / 1e6);
      last.push(Number(lastAt - t0) / 1e6);
      await act('finish');
    }
    const row = (what: string, samples: number[]) => {
      const s = stats(samples);
      return { measure: what, clients: CLIENTS, rounds: s.n, medianMs: round(s.median), p95Ms: round(s.p95) };
    };
    return [row('responseMs', response), row('boardMs', board), row('lastClientMs', last)];
  } finally {
    for (const c of clients) c.socket.destroy();
    child.send({ op: 'close' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export const suites = [
  { name: 'operator 叫号 to board and 1,000 live clients (reference server, loopback)', run: operatorFanOut },
];
