import type { HallPatch, HallSnapshot } from '../payloads.ts';

const encoder = new TextEncoder();
const RETRY = encoder.encode('retry: 3000\n\n');
/** Sent to clients whose stream the server ends: reconnect after half a second. */
const SOON = encoder.encode('retry: 500\n\n');

/**
 * How often a stream hears a heartbeat by default: often enough that a client tells a stalled stream (two missed
 * heartbeats) within 10 s, for a few dozen bytes per client.
 */
export const HEARTBEAT_MS = 4_000;

/**
 * The heartbeat: an `event: heartbeat` that script can see (a stalled stream is then told from a quiet hall), with
 * the hall's version and the heartbeat interval, and no `id` (so it does not move Last-Event-ID), after the `: hb`
 * comment that proxies and older tools know. Clients that listen only for `snapshot` and `patch` never receive it.
 */
function heartbeat(version: number, intervalMs: number): Uint8Array {
  return encoder.encode(`: hb\nevent: heartbeat\ndata: {"version":${version},"intervalMs":${intervalMs}}\n\n`);
}

/** How many recent patches are kept for Last-Event-ID resume. */
const RING_SIZE = 512;
/** A client this many frames behind is not reading; it is dropped rather than buffered without bound. */
const MAX_BACKLOG = 2_000;

interface Client {
  controller: ReadableStreamDefaultController<Uint8Array>;
  closed: boolean;
}

function frame(event: 'snapshot' | 'patch', version: number, json: string): Uint8Array {
  return encoder.encode(`event: ${event}\nid: ${version}\ndata: ${json}\n\n`);
}

/** A Last-Event-ID as a version, or NaN for anything that is not one. */
export function eventVersion(lastEventId: string | undefined): number {
  const last = lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : NaN;
  return Number.isSafeInteger(last) ? last : NaN;
}

/** A patch as it was serialized by the replica that made it, with its version (the hall's event id). */
export interface StoredPatch {
  version: number;
  json: string;
}

/**
 * The Server-Sent Events fan-out of one hall in this process. A patch arrives serialized (once, by whichever
 * replica made the change; see shared-hall.ts), is encoded once, and the very same bytes go to every client and into
 * the resume buffer.
 */
export class EventHub {
  private readonly clients = new Set<Client>();
  private ring: { version: number; bytes: Uint8Array }[] = [];
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly snapshot: () => HallSnapshot;
  /** Called with the number of clients whenever it changes (for the metrics). */
  onClients: ((count: number) => void) | undefined;
  private readonly heartbeatMs: number;

  constructor(snapshot: () => HallSnapshot, heartbeatMs = HEARTBEAT_MS) {
    this.snapshot = snapshot;
    this.heartbeatMs = heartbeatMs;
    this.heartbeat = setInterval(() => {
      if (this.clients.size) this.broadcast(heartbeat(this.snapshot().version, heartbeatMs));
    }, heartbeatMs);
    this.heartbeat.unref?.();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** The oldest version a client can resume after from this process's memory (NaN when none). */
  get oldestBuffered(): number {
    return this.ring[0]?.version ?? NaN;
  }

  /** Sends a patch (serialized already, or to be serialized here once) to every client and keeps it for resume. */
  publish(patch: StoredPatch | HallPatch): Uint8Array {
    const json = 'json' in patch ? patch.json : JSON.stringify(patch);
    const bytes = frame('patch', patch.version, json);
    this.ring.push({ version: patch.version, bytes });
    if (this.ring.length > RING_SIZE) this.ring.shift();
    this.broadcast(bytes);
    return bytes;
  }

  /** Fills the resume buffer with patches published before this process started (oldest first). */
  preload(patches: readonly StoredPatch[]): void {
    this.ring = patches.slice(-RING_SIZE).map((p) => ({ version: p.version, bytes: frame('patch', p.version, p.json) }));
  }

  /**
   * The hall's state jumped to `version` without a patch (it was rebuilt): nothing before it can be resumed, and
   * clients that listen now are closed, so that they reconnect and start over from a snapshot.
   */
  restart(): void {
    this.ring = [];
    for (const client of [...this.clients]) this.drop(client);
  }

  /**
   * The frames a (re)connecting client must get first: the patches after `lastEventId` when all of them are
   * still buffered (here, or in `older`, read from the database), otherwise a fresh snapshot; then a heartbeat, so
   * the client knows the interval from the first moment and tells a stream that stalls right after opening within
   * two intervals, not the 45 s it must allow before it has heard one.
   */
  private opening(lastEventId: string | undefined, older: readonly StoredPatch[]): Uint8Array[] {
    const snap = this.snapshot();
    const beat = heartbeat(snap.version, this.heartbeatMs);
    const last = eventVersion(lastEventId);
    if (Number.isSafeInteger(last) && last <= snap.version) {
      if (last === snap.version) return [beat];
      const frames = [...older.map((p) => ({ version: p.version, bytes: frame('patch', p.version, p.json) })), ...this.ring].filter(
        (f) => f.version > last,
      );
      // Resumable only if the frames follow on from `last` without a gap up to the current version.
      const unbroken = frames.every((f, i) => f.version === last + 1 + i) && frames.at(-1)?.version === snap.version;
      if (frames.length && unbroken) return [...frames.map((f) => f.bytes), beat];
    }
    return [frame('snapshot', snap.version, JSON.stringify(snap)), beat];
  }

  /** A new event stream; it ends when the client goes away (signal) or the hub closes. */
  connect(lastEventId: string | undefined, signal: AbortSignal, older: readonly StoredPatch[] = []): ReadableStream<Uint8Array> {
    let client: Client | undefined;
    const remove = () => {
      if (!client || client.closed) return;
      client.closed = true;
      this.clients.delete(client);
      this.onClients?.(this.clients.size);
      try {
        client.controller.close();
      } catch {
        // already closed or errored by the consumer
      }
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        client = { controller, closed: false };
        // Opening frames and registration happen in one synchronous step, so no patch can fall in between.
        controller.enqueue(RETRY);
        for (const bytes of this.opening(lastEventId, older)) controller.enqueue(bytes);
        if (signal.aborted) {
          remove();
          return;
        }
        this.clients.add(client);
        this.onClients?.(this.clients.size);
        signal.addEventListener('abort', remove, { once: true });
      },
      cancel: () => remove(),
    });
  }

  private broadcast(bytes: Uint8Array): void {
    for (const client of this.clients) {
      if ((client.controller.desiredSize ?? 0) < -MAX_BACKLOG) {
        this.drop(client);
        continue;
      }
      try {
        client.controller.enqueue(bytes);
      } catch {
        this.drop(client);
      }
    }
  }

  private drop(client: Client): void {
    client.closed = true;
    this.clients.delete(client);
    this.onClients?.(this.clients.size);
    try {
      client.controller.close();
    } catch {
      // nothing left to close
    }
  }

  /** Ends every stream, telling clients to come back soon (to another replica, when this one is stopping). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const client of [...this.clients]) {
      try {
        client.controller.enqueue(SOON);
      } catch {
        // closed meanwhile
      }
      this.drop(client);
    }
  }
}
