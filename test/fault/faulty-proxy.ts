/**
 * A faulty network path for the widgets: an HTTP proxy in front of an API server that, by a seeded PRNG, breaks
 * requests the ways a government intranet, an operator's proxy or a hall's Wi-Fi breaks them. Pages are served from
 * the proxy's own origin (the `site` handler), so every API request they make goes through it.
 *
 * What it injects (one fault per request at most; `stage` says whether the server saw the request first):
 *
 * - `delay`: the request waits 0.2–4 s (one in five: 9–13 s, beyond a client's 10 s timeout) before it is forwarded.
 * - `error-problem` / `error-bare`: a 500, 502, 503 or 504, as `application/problem+json` or as a bare HTML or empty
 *   page. Before the server (it never saw the request) or after (it handled it; the answer is replaced).
 * - `malformed-json`: a 200 whose body is not JSON (a truncated object, or a captive portal's HTML login page).
 * - `wrong-shape`: a 200 with well-formed JSON of the wrong shape: `{}`, `[]`, or a rating receipt / ticket that
 *   belongs to another case, level, hall or category.
 * - `empty-200`: a 200 with an empty body.
 * - `drop-before`: the connection is destroyed before the request is forwarded.
 * - `drop-after`: the request is forwarded, the server's whole answer read, then the connection destroyed: the
 *   server stored it and the answer was lost.
 * - `hang`: the request is never answered (held open until the client gives up), before or after the server.
 * - `stream-stall` (event streams only): the stream opens (headers sent) and goes silent at once, or after passing
 *   the server's frames for 0.5–5 s; silent means nothing at all, heartbeats included, for as long as the client
 *   keeps it open. Some streams already open when the path degrades stall too (0.5–8 s later).
 * - `stream-cut` (event streams only): the stream passes the server's chunks for 0.3–6 s, then the connection is
 *   destroyed, sometimes in the middle of a frame. Also drawn for streams already open when the path degrades.
 *
 * The path starts healed; `degrade()` turns the faults on and `heal()` off again (requests already held or
 * stalled stay so: a dead connection does not come back when the network does). The first faults of a run go to
 * the kinds that have not fired yet, so every kind is seen even in a short run; the rest are drawn by weight.
 */
import { Agent, createServer, request as forward, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prng } from '../../api/server/prng.ts';

export const FAULT_KINDS = [
  'delay',
  'error-problem',
  'error-bare',
  'malformed-json',
  'wrong-shape',
  'empty-200',
  'drop-before',
  'drop-after',
  'hang',
  'stream-stall',
  'stream-cut',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that apply to an ordinary request, and to an event stream (`GET …/events`). */
const REQUEST_KINDS: readonly FaultKind[] = FAULT_KINDS.filter((k) => !k.startsWith('stream-'));
const STREAM_KINDS: readonly FaultKind[] = ['delay', 'error-problem', 'error-bare', 'drop-before', 'hang', 'stream-stall', 'stream-cut'];

/** Relative weights of the kinds once every kind has fired. */
const WEIGHTS: Record<FaultKind, number> = {
  delay: 4,
  'error-problem': 2,
  'error-bare': 2,
  'malformed-json': 2,
  'wrong-shape': 3,
  'empty-200': 2,
  'drop-before': 2,
  'drop-after': 3,
  hang: 1.5,
  'stream-stall': 4,
  'stream-cut': 3,
};

/** One request through the proxy, as the log keeps it. */
export interface Exchange {
  seq: number;
  /** When it arrived (ms since the epoch). */
  at: number;
  method: string;
  path: string;
  /** The page that made it (see `ProxyOptions.pageOf`). */
  page?: string;
  /** Its Idempotency-Key, if any. */
  key?: string;
  /** The JSON body of a POST. */
  body?: unknown;
  fault?: FaultKind;
  stage?: 'before' | 'after';
  /** What exactly was injected (the status, the body's variant, the delay). */
  detail?: string;
  /** The server's status, when the server saw it. */
  upstreamStatus?: number;
  /** An event stream whose headers reached the client (until then, to the client, it hangs). */
  opened?: boolean;
}

export interface ProxyOptions {
  /** The API server, e.g. `http://127.0.0.1:4010`. */
  upstream: string;
  seed: number;
  /** Share of ordinary API requests that get a fault while the path is degraded (default 0.3). */
  rate?: number;
  /** Share of event-stream requests that get a fault while degraded (default 0.5). */
  streamRate?: number;
  /** Share of the healthy event streams open when the path degrades that it stalls or cuts (default 0.35). */
  openStreamRate?: number;
  /** Which paths go to the server (default: `/api/`); the others go to `site`. */
  isApi?: (path: string) => boolean;
  /** Serves everything that is not API (the pages and their scripts). */
  site: (req: IncomingMessage, res: ServerResponse) => void;
  /** Names the page a request comes from (the suite reads it from the Referer), for the per-page records. */
  pageOf?: (req: IncomingMessage) => string | undefined;
  /** Paths whose successful answers keep a page's live view fresh (default: a hall's snapshot and events). */
  isFeed?: (path: string) => boolean;
}

/** Hop-by-hop headers, never passed on. */
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

function passHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP.has(name)) out[name] = value;
  return out;
}

/** How an event stream passes: everything until `stallAt` (then nothing), and until `cutAt` (then the end). */
interface Flow {
  x: Exchange;
  stallAt: number;
  cutAt: number;
  cut: (partial?: Buffer) => void;
  /** Applies a new `stallAt` or `cutAt`. */
  changed?: () => void;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FaultyProxy {
  /** Every request, in arrival order. */
  readonly exchanges: Exchange[] = [];
  private readonly options: Required<Omit<ProxyOptions, 'pageOf'>> & Pick<ProxyOptions, 'pageOf'>;
  private readonly random: () => number;
  private readonly fired = new Map<FaultKind, number>(FAULT_KINDS.map((k) => [k, 0]));
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** Requests and streams held open by `hang` and `stream-stall`, ended only by their client (or `close`). */
  private readonly held = new Set<ServerResponse>();
  /** Event streams passing through without a fault, which a degrading path may still break. */
  private readonly flowing = new Set<Flow>();
  private readonly feedAt = new Map<string, number>();
  /** The event streams open to each page (headers sent, or held before them), with their fault. */
  private readonly streams = new Map<string, Set<Exchange>>();
  private server?: Server;
  private faulty = false;
  private seq = 0;

  constructor(options: ProxyOptions) {
    this.options = {
      rate: 0.3,
      streamRate: 0.5,
      openStreamRate: 0.35,
      isApi: (path) => path.startsWith('/api/'),
      isFeed: (path) => /^\/api\/v1\/halls\/[^/]+\/(snapshot|events)$/.test(path),
      ...options,
    };
    this.random = prng(options.seed);
  }

  /** Starts listening on loopback; resolves to the proxy's origin. */
  async start(): Promise<string> {
    const server = (this.server = createServer((req, res) => void this.handle(req, res)));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Faults on: for new requests, and for the event streams already open. */
  degrade(): void {
    this.faulty = true;
    this.breakOpenStreams();
  }

  /** Faults off for every request from now on. */
  heal(): void {
    this.faulty = false;
  }

  get healed(): boolean {
    return !this.faulty;
  }

  /** How many times each kind was injected. */
  counts(): Record<FaultKind, number> {
    return Object.fromEntries(this.fired) as Record<FaultKind, number>;
  }

  /** When `page` last received live data: a chunk of an event stream (heartbeats too) or a snapshot answer. */
  lastFeed(page: string): number | undefined {
    return this.feedAt.get(page);
  }

  /** The event streams open to `page` right now (asked for and not yet closed, whether answered or not). */
  openStreams(page: string): Exchange[] {
    return [...(this.streams.get(page) ?? [])];
  }

  /** The requests `page` made since `since` (ms since the epoch), for a report. */
  history(page: string, since: number): Exchange[] {
    return this.exchanges.filter((x) => x.page === page && x.at >= since);
  }

  private track(x: Exchange, res: ServerResponse): void {
    if (!x.page) return;
    const open = this.streams.get(x.page) ?? new Set<Exchange>();
    this.streams.set(x.page, open.add(x));
    res.on('close', () => open.delete(x));
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    this.agent.destroy();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private pick(kinds: readonly FaultKind[]): FaultKind {
    const unseen = kinds.filter((k) => this.fired.get(k) === 0);
    if (unseen.length) return unseen[0]!;
    const total = kinds.reduce((sum, k) => sum + WEIGHTS[k], 0);
    let roll = this.random() * total;
    for (const k of kinds) {
      roll -= WEIGHTS[k];
      if (roll < 0) return k;
    }
    return kinds[kinds.length - 1]!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (!this.options.isApi(url.pathname)) return this.options.site(req, res);
    const method = req.method ?? 'GET';
    const stream = method === 'GET' && url.pathname.endsWith('/events');
    const key = req.headers['idempotency-key'];
    const x: Exchange = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      path: url.pathname,
      page: this.options.pageOf?.(req),
      key: typeof key === 'string' ? key : undefined,
    };
    this.exchanges.push(x);
    // An event stream counts as open to its page from the moment it is asked for (held, delayed or answered).
    if (stream) this.track(x, res);
    const body = await this.readBody(req);
    if (body === null) return; // the client went away while sending
    if (body.length) {
      try {
        x.body = JSON.parse(body.toString('utf8'));
      } catch {
        /* kept as not JSON */
      }
    }
    if (this.faulty && this.random() < (stream ? this.options.streamRate : this.options.rate)) {
      x.fault = this.pick(stream ? STREAM_KINDS : REQUEST_KINDS);
      this.fired.set(x.fault, this.fired.get(x.fault)! + 1);
    }
    const gone = () => res.destroyed || req.socket.destroyed;
    try {
      switch (x.fault) {
        case undefined:
          return stream ? await this.stream(req, res, url, x) : await this.pass(req, res, url, body, x);
        case 'delay': {
          const ms = this.random() < 0.2 ? 9_000 + this.random() * 4_000 : 200 + this.random() * 3_800;
          x.detail = `${Math.round(ms)} ms`;
          await sleep(ms);
          // A POST the client gave up on still reaches the server (the proxy had it); a GET does not.
          if (gone() && method === 'GET') return;
          return stream ? await this.stream(req, res, url, x) : await this.pass(req, res, url, body, x);
        }
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'drop-after': {
          const answer = await this.upstream(req, res, url, body, x);
          x.detail = `after ${answer.status}`;
          req.socket.destroy();
          return;
        }
        case 'hang': {
          x.stage = stream || this.random() < 0.5 ? 'before' : 'after';
          if (x.stage === 'after') await this.upstream(req, res, url, body, x);
          this.hold(res);
          return;
        }
        case 'stream-stall':
        case 'stream-cut':
          return await this.stream(req, res, url, x);
        default: {
          // A made-up answer instead of the server's, before the server saw the request or after it handled it.
          x.stage = stream || this.random() < 0.5 ? 'before' : 'after';
          const real = x.stage === 'after' ? await this.upstream(req, res, url, body, x) : undefined;
          if (gone()) return;
          this.fake(res, x, real);
        }
      }
    } catch {
      // The server is unreachable or went away mid-answer: the client sees the connection end.
      if (!res.headersSent) res.destroy();
      else res.end();
    }
  }

  /** The request body, or null when the client closed the connection before sending all of it. */
  private readBody(req: IncomingMessage): Promise<Buffer | null> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', () => resolve(null));
      req.on('close', () => {
        if (!req.complete) resolve(null);
      });
    });
  }

  /** The server's whole answer to the request. */
  private upstream(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, x: Exchange): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const out = forward(
        new URL(url.pathname + url.search, this.options.upstream),
        { method: req.method, headers: passHeaders(req.headers), agent: this.agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            x.upstreamStatus = answer.statusCode ?? 0;
            resolve({ status: answer.statusCode ?? 502, headers: passHeaders(answer.headers), body: Buffer.concat(chunks) });
          });
          answer.on('error', reject);
        },
      );
      out.on('error', reject);
      // A GET whose client went away is not worth finishing; a POST is (the server may store it regardless).
      if (req.method === 'GET') res.on('close', () => out.destroy());
      out.end(body);
    });
  }

  /** Passes the server's answer on unchanged. */
  private async pass(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, x: Exchange): Promise<void> {
    const answer = await this.upstream(req, res, url, body, x);
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
    if (x.page && this.options.isFeed(x.path) && (answer.status === 200 || answer.status === 304)) this.fed(x.page);
  }

  /** An event stream, passed through, stalled or cut according to `x.fault` (which `degrade()` may set later). */
  private stream(req: IncomingMessage, res: ServerResponse, url: URL, x: Exchange): Promise<void> {
    return new Promise((resolve, reject) => {
      const page = x.page;
      const now = Date.now();
      const flow: Flow = { x, stallAt: Infinity, cutAt: Infinity, cut: () => undefined };
      if (x.fault === 'stream-cut') flow.cutAt = now + 300 + this.random() * 5_700;
      if (x.fault === 'stream-stall') flow.stallAt = this.random() < 0.3 ? now : now + 500 + this.random() * 4_500;
      if (x.fault === 'stream-stall' || x.fault === 'stream-cut') x.detail = `after ${Math.round(Math.min(flow.stallAt, flow.cutAt) - now)} ms`;
      const midFrame = this.random() < 0.5;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const out = forward(
        new URL(url.pathname + url.search, this.options.upstream),
        { method: 'GET', headers: passHeaders(req.headers), agent: this.agent },
        (answer) => {
          x.upstreamStatus = answer.statusCode ?? 0;
          res.writeHead(answer.statusCode ?? 502, passHeaders(answer.headers));
          res.flushHeaders();
          x.opened = true;
          // Cut at `cutAt`, in the middle of the frame on its way when there is one.
          flow.cut = (partial?: Buffer) => {
            clearTimeout(timer);
            if (partial && partial.length > 1) res.write(partial.subarray(0, Math.floor(partial.length / 2)));
            req.socket.destroy();
          };
          const schedule = () => {
            clearTimeout(timer);
            if (Number.isFinite(flow.cutAt)) timer = setTimeout(() => flow.cut(), Math.max(0, flow.cutAt - Date.now()));
            if (Number.isFinite(flow.stallAt)) this.held.add(res);
          };
          flow.changed = schedule;
          schedule();
          if (!x.fault) this.flowing.add(flow);
          answer.on('data', (chunk: Buffer) => {
            if (res.destroyed) return;
            if (Date.now() >= flow.cutAt) return flow.cut(midFrame ? chunk : undefined);
            if (Date.now() >= flow.stallAt) return; // stalled: read and dropped, so the server never notices
            res.write(chunk);
            if (page && this.options.isFeed(x.path)) this.fed(page);
          });
          answer.on('end', () => {
            clearTimeout(timer);
            if (!res.destroyed) res.end();
          });
          answer.on('error', () => res.destroy());
        },
      );
      res.on('close', () => {
        clearTimeout(timer);
        this.held.delete(res);
        this.flowing.delete(flow);
        out.destroy();
        resolve();
      });
      out.on('error', (e) => (res.headersSent ? res.destroy() : reject(e)));
      out.end();
    });
  }

  /** A path that degrades also breaks what is already open on it: some healthy streams stall or are cut 0.5–8 s later. */
  private breakOpenStreams(): void {
    for (const flow of this.flowing) {
      if (this.random() >= this.options.openStreamRate) continue;
      const kind: FaultKind = this.random() < 0.5 ? 'stream-stall' : 'stream-cut';
      const at = Date.now() + 500 + this.random() * 7_500;
      this.flowing.delete(flow);
      this.fired.set(kind, this.fired.get(kind)! + 1);
      flow.x.fault = kind;
      flow.x.stage = 'after';
      flow.x.detail = `open when the path degraded; ${kind === 'stream-stall' ? 'stalled' : 'cut'} ${Math.round((at - flow.x.at) / 1000)} s after it opened`;
      if (kind === 'stream-stall') flow.stallAt = at;
      else flow.cutAt = at;
      flow.changed?.();
    }
  }

  private hold(res: ServerResponse): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  private fed(page: string): void {
    this.feedAt.set(page, Date.now());
  }

  /** Answers with a made-up response of the exchange's kind; `real` is the server's answer when it saw the request. */
  private fake(res: ServerResponse, x: Exchange, real?: Upstream): void {
    const send = (status: number, type: string | undefined, text: string, variant: string) => {
      x.detail = `${status} ${variant}`;
      const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(text)) };
      if (type) headers['content-type'] = type;
      res.writeHead(status, headers);
      res.end(text);
    };
    const status = [500, 502, 503, 504][Math.floor(this.random() * 4)]!;
    switch (x.fault) {
      case 'error-problem':
        return send(
          status,
          'application/problem+json',
          JSON.stringify({ type: 'urn:zhengwu-widgets:problem:internal', title: '服务暂时不可用', status, detail: '网关错误，请稍后再试。' }),
          'problem',
        );
      case 'error-bare':
        return this.random() < 0.5
          ? send(status, 'text/html; charset=utf-8', `<html><body><h1>${status} Bad Gateway</h1><hr>nginx</body></html>`, 'html')
          : send(status, undefined, '', 'empty');
      case 'malformed-json':
        return this.random() < 0.5
          ? send(200, 'application/json', (real?.body.toString('utf8') || '{"id":"a1b2c3","caseId":"').slice(0, 17), 'truncated')
          : send(200, 'text/html; charset=utf-8', '<!doctype html><html><body><form action="/portal/login">请先登录上网认证</form></body></html>', 'portal');
      case 'empty-200':
        return send(200, 'application/json', '', 'empty');
      case 'wrong-shape': {
        const [variant, value] = this.wrongShape(x, real);
        return send(200, 'application/json', JSON.stringify(value), variant);
      }
    }
  }

  /** JSON that parses but is not the answer to this request. */
  private wrongShape(x: Exchange, real?: Upstream): [string, unknown] {
    const roll = this.random();
    if (roll < 0.3) return ['{}', {}];
    if (roll < 0.4) return ['[]', []];
    const body = (x.body ?? {}) as Record<string, unknown>;
    let answer: Record<string, unknown> | undefined;
    try {
      answer = real && real.status < 300 ? (JSON.parse(real.body.toString('utf8')) as Record<string, unknown>) : undefined;
    } catch {
      answer = undefined;
    }
    if (x.method === 'POST' && x.path === '/api/v1/ratings') {
      // A receipt of the right shape for another case, or for this case at another level (a cached answer).
      // A receipt names the case by its number, without the signature of a signed case id.
      const receipt = answer ?? {
        id: '7f1c2a4e-0b7d-4a8e-9d6c-3b2a1f0e9d8c',
        caseId: String(body.caseId).split('.')[0],
        level: body.level,
        reasons: body.reasons ?? [],
        createdAt: '2026-11-23T10:00:00+08:00',
        bad: false,
        trackingCode: null,
        followUp: null,
      };
      return roll < 0.7
        ? ['receipt of another case', { ...receipt, caseId: `OTHER-${String(receipt.caseId)}` }]
        : ['receipt of another level', { ...receipt, level: body.level === 5 ? 4 : 5, bad: false, trackingCode: null, followUp: null }];
    }
    const ticket = /^\/api\/v1\/halls\/([^/]+)\/tickets$/.exec(x.path);
    if (x.method === 'POST' && ticket) {
      const base = answer ?? {
        number: 'Z999',
        hallId: ticket[1],
        categoryId: body.categoryId,
        status: 'waiting',
        ahead: 3,
        estimatedWaitMinutes: 12,
        window: null,
        issuedAt: '2026-11-23T10:00:00+08:00',
        calledAt: null,
        online: true,
      };
      return roll < 0.7
        ? ['ticket of another category', { ...base, categoryId: body.categoryId === 'A' ? 'B' : 'A' }]
        : ['ticket of another hall', { ...base, hallId: `${String(ticket[1])}-other` }];
    }
    return ['object of another shape', { version: 'x', ok: true }];
  }
}
