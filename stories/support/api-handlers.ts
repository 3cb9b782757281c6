/**
 * The API every story talks to: request handlers (msw) that answer in the browser, in `storybook dev` and in the
 * built Storybook alike, from a recording of the reference server (.storybook/reference-api.ts) and, for search,
 * from the reference server's own search code over its own catalogue records. See
 * docs/decisions/007-storybook-request-handlers.md.
 *
 * What the recording cannot hold as fixed answers is played here the way the server plays it: the queue's event
 * stream replays the simulator's patches at the pace they were recorded (one every 2.5 s, from the moment the page
 * loaded), polling gets the snapshot of the moment, a taken ticket follows the recording, a case can be rated once.
 * A story that needs another answer (a failure, a particular state) adds its own handlers in `parameters.msw`;
 * `answers` below hands them the recorded ones to start from.
 */
import { http, HttpResponse } from 'msw';
import type { Exchange, HallRecording, Problem, ServicesRecording } from '../../.storybook/reference-api.ts';
import { EventHub } from '../../api/server/queue/event-hub.ts';
import { searchServices, type SearchQuery } from '../../api/server/services/search.ts';
import type { ServiceData, ServiceRecord } from '../../api/server/services/catalogue.ts';
import type { HallSnapshot, RatingInput, RatingReceipt, ServiceSummary, Ticket } from '../../src/core/api/types.gen.ts';
import { UNKNOWN_SCOPE, UNKNOWN_SERVICE, UNKNOWN_TICKET } from './recording-placeholders.ts';

/** Every path of the API, on any origin (stories may point `api-base` elsewhere). */
export const API = '*/api/v1';

// ---------------------------------------------------------------- the recording, one chunk per part

const once = <T>(load: () => Promise<{ default: T }>) => {
  let part: Promise<T> | undefined;
  return () => (part ??= load().then((m) => m.default));
};
export const recorded = {
  queue: once(() => import('virtual:zw-reference/queue')),
  ratings: once(() => import('virtual:zw-reference/ratings')),
  system: once(() => import('virtual:zw-reference/system')),
  catalogue: once(() => import('virtual:zw-reference/catalogue')),
  services: once(() => import('virtual:zw-reference/services')),
};

/** The replay's clock starts when the page loads; switching stories in Storybook keeps it running. */
const started = performance.now();

// ---------------------------------------------------------------- answers

/** A recorded answer; `body` replaces the recorded one (JSON is serialized). */
export function reply(
  ex: Exchange,
  change: { status?: number; headers?: Record<string, string>; body?: unknown } = {},
) {
  const status = change.status ?? ex.status;
  const body =
    change.body === undefined ? ex.body : typeof change.body === 'string' ? change.body : JSON.stringify(change.body);
  return new HttpResponse(status === 304 ? null : body, { status, headers: { ...ex.headers, ...change.headers } });
}

/** A recorded problem in the language asked for; `placeholder` is replaced with `actual` (an id the request named). */
export function problem(p: Problem, request: Request, placeholder?: string, actual?: string) {
  const ex = (request.headers.get('accept-language') ?? '').toLowerCase().startsWith('en') ? p.en : p.zh;
  return reply(ex, placeholder && actual !== undefined ? { body: ex.body.replaceAll(placeholder, actual) } : {});
}

const json = <T>(ex: Exchange): T => JSON.parse(ex.body) as T;

/**
 * A failure of the server itself (500/503), as the reference server words it (app.ts `onError`): the recording
 * has none, since the reference server does not fail on request.
 */
export function serverError(request: Request, status = 500) {
  const en = (request.headers.get('accept-language') ?? '').toLowerCase().startsWith('en');
  return HttpResponse.json(
    {
      type: 'urn:zhengwu-widgets:problem:internal',
      title: en ? 'Internal server error' : '服务器内部错误',
      status,
      detail: en ? 'The service is unavailable; please try again later.' : '服务暂时不可用，请稍后再试。',
    },
    {
      status,
      headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
    },
  );
}

/** The recorded answers a story's own handlers may start from. */
export const answers = {
  /** The hall's snapshot at the start of the recording, parsed. */
  snapshot: async (hall = 'guangan-zwzx') =>
    JSON.parse((await recorded.queue()).halls[hall]!.snapshots[0]!.body) as HallSnapshot,
  /** The same hall at 17:30, closed. */
  closedSnapshot: async (hall = 'guangan-zwzx') =>
    json<HallSnapshot>((await recorded.queue()).halls[hall]!.closed.snapshot),
  /** An online ticket as the server issued it, parsed. */
  ticket: async (category = 'C', hall = 'guangan-zwzx') =>
    json<Ticket>((await recorded.queue()).halls[hall]!.taken[category]!),
  hall: async (id = 'guangan-zwzx') => (await recorded.queue()).halls[id]!,
  ratings: () => recorded.ratings(),
  system: () => recorded.system(),
  catalogue: () => recorded.catalogue(),
};

// ---------------------------------------------------------------- the queue

/** The server's heartbeat period (api/openapi.yaml, "Live hall events"; the reference server's default). */
const HEARTBEAT_MS = 15_000;

/**
 * One recorded hall, played back: the snapshot of the moment, the patches published as they fall due, through the
 * reference server's own event fan-out (api/server/queue/event-hub.ts), so streams, resumes and heartbeats are
 * framed and timed as the server does it.
 */
class HallReplay {
  step = 0;
  readonly hub: EventHub;
  private parsed?: { step: number; snapshot: HallSnapshot };

  constructor(readonly hall: HallRecording) {
    this.hub = new EventHub(() => this.snapshot(), HEARTBEAT_MS);
    setInterval(() => this.advance(), 250);
  }

  /** Publishes every patch due by now. */
  advance(): this {
    const due = Math.min(this.hall.patches.length, Math.floor((performance.now() - started) / this.hall.stepMs));
    for (; this.step < due; this.step++) {
      const patch = this.hall.patches[this.step];
      // As the server serialized it (any: the hub takes the patch whichever way it is typed).
      if (patch) this.hub.publish(JSON.parse(patch));
    }
    return this;
  }

  snapshot(): HallSnapshot {
    if (this.parsed?.step !== this.step) {
      this.parsed = { step: this.step, snapshot: JSON.parse(this.hall.snapshots[this.step]!.body) as HallSnapshot };
    }
    return this.parsed.snapshot;
  }

  /** The snapshot of the moment, as GET /snapshot answers it. */
  snapshotAnswer(): Exchange {
    const { body, etag } = this.hall.snapshots[this.step]!;
    return { status: 200, headers: { ...this.hall.snapshotHeaders, etag }, body };
  }

  /** A followed ticket as the server described it at this step. */
  ticket(number: string): Exchange | undefined {
    return this.hall.tickets[number]?.filter((t) => t.step <= this.step).at(-1)?.answer;
  }
}

const replays = new Map<string, HallReplay>();

async function hallOf(params: Record<string, string | readonly string[] | undefined>) {
  const queue = await recorded.queue();
  const id = String(params.hallId);
  const hall = queue.halls[id];
  if (hall && !replays.has(id)) replays.set(id, new HallReplay(hall));
  return { queue, id, hall, replay: replays.get(id)?.advance() };
}

/**
 * A hall that shows `state` and nothing else happens (but the heartbeat): one story's own stream, through the
 * reference server's event fan-out. `then: 'drop'` breaks the connection off after the opening frames.
 */
export function hallStream(state: () => Promise<HallSnapshot>, then: 'stay' | 'drop' = 'stay') {
  let hub: Promise<{ hub: EventHub; headers: Record<string, string> }> | undefined;
  return async (request: Request) => {
    hub ??= Promise.all([state(), recorded.queue()]).then(([snapshot, queue]) => ({
      hub: new EventHub(() => snapshot, HEARTBEAT_MS),
      headers: Object.values(queue.halls)[0]!.events,
    }));
    const { hub: h, headers } = await hub;
    const last =
      request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId') ?? undefined;
    let stream = h.connect(last, request.signal);
    if (then === 'drop') {
      const reader = stream.getReader();
      stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value } = await reader.read();
          controller.enqueue(value!);
          if (new TextDecoder().decode(value).includes('event:')) {
            setTimeout(() => controller.error(new TypeError('connection lost')), 50);
            void reader.cancel();
          }
        },
      });
    }
    return new HttpResponse(stream, { headers });
  };
}

/** Online tickets taken on this page: the category of each Idempotency-Key, and the categories used up. */
const takenByKey = new Map<string, string>();
const usedUp = new Set<string>();

const queueHandlers = [
  http.get(`${API}/halls`, async () => reply((await recorded.queue()).list)),

  http.get(`${API}/halls/:hallId/snapshot`, async ({ request, params }) => {
    const { queue, id, replay } = await hallOf(params);
    if (!replay) return problem(queue.unknownHall, request, UNKNOWN_SCOPE, id);
    const answer = replay.snapshotAnswer();
    if (request.headers.get('if-none-match') === answer.headers.etag) return reply(answer, { status: 304 });
    return reply(answer);
  }),

  http.get(`${API}/halls/:hallId/events`, async ({ request, params }) => {
    const { queue, id, hall, replay } = await hallOf(params);
    if (!hall || !replay) return problem(queue.unknownHall, request, UNKNOWN_SCOPE, id);
    // The header wins over the query parameter, as on the server.
    const last =
      request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId') ?? undefined;
    return new HttpResponse(replay.hub.connect(last, request.signal), { headers: hall.events });
  }),

  http.get(`${API}/halls/:hallId/forecast`, async ({ request, params }) => {
    const { queue, id, hall } = await hallOf(params);
    return hall ? reply(hall.forecast) : problem(queue.unknownHall, request, UNKNOWN_SCOPE, id);
  }),

  http.get(`${API}/halls/:hallId/tickets/:number`, async ({ request, params }) => {
    const { queue, id, hall, replay } = await hallOf(params);
    if (!hall || !replay) return problem(queue.unknownHall, request, UNKNOWN_SCOPE, id);
    const number = String(params.number);
    const known = replay.ticket(number);
    return known ? reply(known) : problem(hall.unknownTicket, request, UNKNOWN_TICKET, number);
  }),

  /** One online ticket per category and page (the recording ran with a quota of one); a retried key gets it again. */
  http.post(`${API}/halls/:hallId/tickets`, async ({ request, params }) => {
    const { queue, id, hall, replay } = await hallOf(params);
    if (!hall || !replay) return problem(queue.unknownHall, request, UNKNOWN_SCOPE, id);
    if (!replay.snapshot().open) return problem(hall.closed.take, request);
    const { categoryId = '' } = (await request.json()) as { categoryId?: string };
    const taken = hall.taken[categoryId];
    if (!taken) return problem(hall.unknownCategory, request);
    const key = `${id}:${request.headers.get('idempotency-key') ?? ''}`;
    if (takenByKey.get(key) === categoryId)
      return reply(taken, { status: 200, headers: { 'Idempotent-Replayed': 'true' } });
    if (usedUp.has(`${id}:${categoryId}`)) return problem(hall.quotaExhausted[categoryId]!, request);
    takenByKey.set(key, categoryId);
    usedUp.add(`${id}:${categoryId}`);
    return reply(taken);
  }),
];

// ---------------------------------------------------------------- services

/** The reference server's records, rebuilt from the recording once, for its own `searchServices`. */
let searchData:
  Promise<{ data: ServiceData; summaries: Map<string, ServiceSummary>; services: ServicesRecording }> | undefined;
const loadSearch = () =>
  (searchData ??= Promise.all([recorded.services(), recorded.catalogue()]).then(([services, { catalogue }]) => {
    const records: ServiceRecord[] = services.entries.map((e) => ({ ...e.record, detail: e.detail }));
    // What the server's own search reads besides the records (the catalogue's pinyin and traditional tables).
    const { version, region, attribution, departments, types, charPinyin, traditional } = JSON.parse(catalogue.body as string);
    const data: ServiceData = {
      version,
      region,
      attribution,
      departments,
      types,
      charPinyin,
      traditional,
      records,
      byCode: new Map(records.map((r) => [r.detail.code, r])),
    };
    return { data, services, summaries: new Map(services.entries.map((e) => [e.detail.code, e.summary])) };
  }));

const TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]);
const SCOPES = new Set(['none', 'province', 'southwest', 'national']);

/**
 * The query of `GET /services/search` as the spec declares it (empty values count as absent); returns the name
 * of the first invalid parameter instead when there is one.
 */
function searchQuery(params: URLSearchParams): SearchQuery | string {
  const query: SearchQuery = {};
  const value = (name: string) =>
    params
      .getAll(name)
      .filter((v) => v !== '')
      .pop();
  const int = (name: string, min: number, max: number) => {
    const v = value(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    return /^-?\d+$/.test(v) && n >= min && n <= max ? n : null;
  };
  const bool = (name: string) => {
    const v = value(name);
    return v === undefined ? undefined : v === 'true' ? true : v === 'false' ? false : null;
  };
  const q = value('q');
  if (q !== undefined && q.length > 100) return 'q';
  query.q = q;
  const dept = value('dept');
  if (dept !== undefined && dept.length > 50) return 'dept';
  query.dept = dept;
  const checks: [keyof SearchQuery, number | boolean | null | undefined][] = [
    ['fullyOnline', bool('fullyOnline')],
    ['visits', int('visits', 0, 3)],
    ['instant', bool('instant')],
    ['type', int('type', 1, 20)],
    ['page', int('page', 1, 10_000)],
    ['pageSize', int('pageSize', 1, 100)],
  ];
  for (const [name, v] of checks) {
    if (v === null || (name === 'type' && v !== undefined && !TYPES.has(v as number))) return name;
    if (v !== undefined) (query as Record<string, unknown>)[name] = v;
  }
  const scope = value('crossRegion');
  if (scope !== undefined && !SCOPES.has(scope)) return 'crossRegion';
  query.crossRegion = scope;
  return query;
}

const serviceHandlers = [
  http.get(`${API}/services/catalogue`, async ({ request }) => {
    const { catalogue } = await recorded.catalogue();
    const etag = catalogue.headers.etag;
    if (etag && request.headers.get('if-none-match') === etag) return reply(catalogue, { status: 304 });
    return reply(catalogue);
  }),

  http.get(`${API}/services/search`, async ({ request }) => {
    const { data, summaries, services } = await loadSearch();
    const query = searchQuery(new URL(request.url).searchParams);
    if (typeof query === 'string') return problem(services.invalidSearch[query]!, request);
    const result = searchServices(data, query);
    // Answered like any plain JSON answer of the server (health's headers).
    return reply((await recorded.system()).health, {
      body: {
        q: result.q,
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        items: result.records.map((r) => summaries.get(r.detail.code)!),
      },
    });
  }),

  http.get(`${API}/services/:code`, async ({ request, params }) => {
    const { data, services } = await loadSearch();
    const code = String(params.code);
    const record = data.records.find((r) => r.detail.code === code);
    if (!record) return problem(services.unknownService, request, UNKNOWN_SERVICE, code);
    return reply((await recorded.system()).health, { body: record.detail });
  }),
];

// ---------------------------------------------------------------- ratings

/** The case number of a case id (`number.signature`). */
const caseNumber = (caseId: string) => caseId.split('.')[0]!;

/** Ratings given on this page, by case number: a case can be rated once (a retry with the same key is a replay). */
const rated = new Map<string, { key: string; receipt: RatingReceipt }>();
let signed: Set<string> | undefined;

const ratingHandlers = [
  http.get(`${API}/ratings/reasons`, async () => reply((await recorded.ratings()).reasons)),

  http.post(`${API}/ratings`, async ({ request }) => {
    const ratings = await recorded.ratings();
    const key = request.headers.get('idempotency-key') ?? '';
    const input = (await request.json()) as RatingInput;
    // Only case ids signed as the recording signed them are accepted (the server checks the signature).
    signed ??= new Set(ratings.cases);
    if (!signed.has(input.caseId)) return problem(ratings.unsignedCase, request);
    const number = caseNumber(input.caseId);
    const earlier = rated.get(number);
    if (earlier?.key === key) {
      return reply(ratings.receipts[earlier.receipt.level]!, {
        status: 200,
        headers: { 'Idempotent-Replayed': 'true' },
        body: earlier.receipt,
      });
    }
    if (earlier) {
      const ex = (request.headers.get('accept-language') ?? '').startsWith('en')
        ? ratings.alreadyRated.en
        : ratings.alreadyRated.zh;
      const existing = { level: earlier.receipt.level, createdAt: earlier.receipt.createdAt };
      return reply(ex, { body: { ...json<object>(ex), existing } });
    }
    const recordedReceipt = ratings.receipts[input.level];
    if (!recordedReceipt || (input.level <= 2 && input.reasons.length === 0)) {
      return problem(ratings.missingReason, request);
    }
    // The receipt names the case by its number, as the server's does.
    const receipt: RatingReceipt = {
      ...json<RatingReceipt>(recordedReceipt),
      id: typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}`,
      caseId: number,
      reasons: input.reasons,
    };
    rated.set(number, { key, receipt });
    return reply(recordedReceipt, { body: receipt });
  }),

  http.get(`${API}/ratings/summary`, async ({ request }) => {
    const ratings = await recorded.ratings();
    const params = new URL(request.url).searchParams;
    const scope = (['hall', 'window', 'service'] as const).filter((k) => params.get(k));
    const known = scope.length === 1 ? ratings.summaries[`${scope[0]}=${params.get(scope[0]!)}`] : undefined;
    if (known) return reply(known);
    const empty = json<object>(ratings.emptySummary);
    const asked = {
      service: params.get('service') || null,
      window: params.get('window') || null,
      hall: params.get('hall') || null,
    };
    return reply(ratings.emptySummary, { body: { ...empty, scope: asked } });
  }),

  /**
   * A follow-up is found by its tracking code together with the case it belongs to: a 差评 given on this page (just
   * received), or one of the recorded hall's; anything else is one 404.
   */
  http.get(`${API}/ratings/follow-up/:trackingCode`, async ({ request, params }) => {
    const ratings = await recorded.ratings();
    const code = String(params.trackingCode);
    const asked = caseNumber(new URL(request.url).searchParams.get('case') ?? '');
    const mine = rated.get(asked)?.receipt;
    if (mine?.trackingCode === code) return reply(ratings.followUpAtOnce[mine.level]!);
    const known = ratings.followUps[code];
    return known && known.caseNumber === asked ? reply(known.answer) : problem(ratings.unknownFollowUp, request);
  }),
];

// ---------------------------------------------------------------- the rest

const systemHandlers = [
  http.get(`${API}/health`, async () => reply((await recorded.system()).health)),
  http.all(`${API}/*`, async ({ request }) => problem((await recorded.system()).notFound, request)),
];

/** Every handler of the reference API, most specific first; a story's own handlers go before them. */
export const referenceHandlers = [...queueHandlers, ...serviceHandlers, ...ratingHandlers, ...systemHandlers];
