/**
 * A recording of the reference API (api/server), made in Node when Storybook starts or builds, for the request
 * handlers that answer the stories in the browser (stories/support/api-handlers.ts). See
 * docs/decisions/007-storybook-request-handlers.md.
 *
 * The reference app runs in-process (in-memory PGlite, simulator paused, a fixed clock) and is asked over its own
 * HTTP interface, so every recorded answer — status, headers, body, problem details in both languages — is what the
 * server itself says. Two things cannot be a fixed list of answers and are shipped as data for the server's own
 * code instead: the catalogue records that `searchServices` (api/server/services/search.ts) searches in the browser,
 * and the service details. The queue is recorded as the simulator plays it: a snapshot, then one patch per step.
 */
import type { Plugin } from 'vite';
import { createApp } from '../api/server/app.ts';
import { HALLS } from '../api/server/queue/halls.ts';
import { DEV_CASE_ID_SECRET, signCaseId } from '../api/server/ratings/case-ids.ts';
import { loadServiceData, serviceSummary } from '../api/server/services/catalogue.ts';
import type { ServiceRecord } from '../api/server/services/catalogue.ts';
import {
  UNKNOWN_FOLLOW_UP,
  UNKNOWN_SCOPE,
  UNKNOWN_SERVICE,
  UNKNOWN_TICKET,
} from '../stories/support/recording-placeholders.ts';
import type { RatingReceipt, RatingLevel, ServiceDetail, ServiceSummary, Ticket } from '../src/core/api/types.gen.ts';

/** Monday 23 November 2026, 10:30 in the hall: a busy late morning (the day the spec's examples are from). */
export const RECORDED_AT = '2026-11-23T10:30:00+08:00';
/** One simulator step every 2.5 s, as on the dev server (speed 4). The replay keeps the same pace. */
export const STEP_MS = 2_500;
/** Ten minutes of the hall; then the replay rests on the last state (heartbeats go on). */
const STEPS = 240;

/** One answer of the reference server. */
export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A problem answer in the two languages the server speaks (by Accept-Language). */
export interface Problem {
  zh: Exchange;
  en: Exchange;
}

export interface HallRecording {
  id: string;
  stepMs: number;
  /** The event stream's headers (a HEAD request: the stream itself is replayed by the server's own EventHub). */
  events: Record<string, string>;
  /** The snapshot's headers, but its ETag, which changes with every step. */
  snapshotHeaders: Record<string, string>;
  /** The hall after each step (0 = the start), and its ETag. */
  snapshots: { body: string; etag: string }[];
  /** The patch the simulator published at each step (step i leads from snapshot i to snapshot i + 1), if any. */
  patches: (string | null)[];
  /** The online tickets taken before the recording starts, as GET /tickets/{number} answered whenever they changed. */
  tickets: Record<string, { step: number; answer: Exchange }[]>;
  forecast: Exchange;
  /** What taking those tickets answered, one per category (their calls are in the patches). */
  taken: Record<string, Exchange>;
  /** The second online ticket of a category: the recording runs with a quota of one. */
  quotaExhausted: Record<string, Problem>;
  unknownCategory: Problem;
  /** A ticket nobody holds, for the number UNKNOWN_TICKET (the handler puts the asked number in). */
  unknownTicket: Problem;
  /** The same hall at 17:30: closed, and what taking a ticket then says. */
  closed: { snapshot: Exchange; take: Problem };
}

export interface QueueRecording {
  halls: Record<string, HallRecording>;
  list: Exchange;
  /** A hall that does not exist, for UNKNOWN_SCOPE (the handler puts the asked id in). */
  unknownHall: Problem;
}

export interface RatingsRecording {
  reasons: Exchange;
  /**
   * Case ids for the stories to rate, signed as a case system signs them (with the development secret the
   * reference server accepts); the handlers refuse others as the server does.
   */
  cases: string[];
  /** What rating a case id without a valid signature says. */
  unsignedCase: Problem;
  /** A receipt per level (1–5), for handing back with the asking case's number and reasons. */
  receipts: Record<string, Exchange>;
  /** The follow-up of the 差评 receipts (levels 2 and 1) looked up at once: received, nothing more yet. */
  followUpAtOnce: Record<string, Exchange>;
  /** What rating a case a second time says; `existing` is the first rating. */
  alreadyRated: Problem;
  /** A 差评 without a reason. */
  missingReason: Problem;
  /** Keyed by the query string (`hall=guangan-zwzx`, `window=w05`, `service=…`). */
  summaries: Record<string, Exchange>;
  /** A scope nobody rated, for UNKNOWN_SCOPE (the handler puts the asked scope in). */
  emptySummary: Exchange;
  /** Two working days after the ratings, by tracking code, with the number of the case it belongs to. */
  followUps: Record<string, { caseNumber: string; answer: Exchange }>;
  /** A tracking code that does not go with the case given (or does not exist): answered alike. */
  unknownFollowUp: Problem;
  /** The first recorded 不满意 (level 2): its tracking code and case id, whose follow-up the stories show. */
  followUpCode: string;
  followUpCase: string;
}

export interface SystemRecording {
  health: Exchange;
  notFound: Problem;
}

export interface CatalogueRecording {
  catalogue: Exchange;
}

/** What `searchServices` reads of a record, the summary it answers with, and the detail of the item. */
export interface ServiceEntry {
  record: Omit<ServiceRecord, 'detail'>;
  summary: ServiceSummary;
  detail: ServiceDetail;
}

export interface ServicesRecording {
  entries: ServiceEntry[];
  unknownService: Problem;
  /** A 422 for an invalid value of each search parameter, by parameter name. */
  invalidSearch: Record<string, Problem>;
}

export interface Recording {
  queue: QueueRecording;
  ratings: RatingsRecording;
  system: SystemRecording;
  catalogue: CatalogueRecording;
  services: ServicesRecording;
}

/** A value the spec refuses, for each parameter of `GET /services/search`. */
const INVALID_SEARCH: Record<string, string> = {
  q: 'x'.repeat(101),
  dept: 'x'.repeat(51),
  fullyOnline: 'maybe',
  visits: '9',
  crossRegion: 'moon',
  instant: 'maybe',
  type: '99',
  page: '0',
  pageSize: '0',
};

/** Headers a browser sees and the widgets read; transport details (encoding, length, vary) are left out. */
const KEPT = [
  'content-type',
  'etag',
  'cache-control',
  'retry-after',
  'idempotent-replayed',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'x-content-type-options',
];

/** The ratings the recorded hall has had today: mostly 非常满意, a few 差评 (deterministic). */
function seedRatings(levels: RatingLevel[]) {
  const spread = [5, 5, 5, 5, 5, 4, 5, 5, 4, 5, 3, 5, 5, 4, 5, 5, 2, 5, 4, 5, 5, 5, 3, 5, 1];
  const services = ['511A0138000000', '511A0131000000', '511B0021000000'];
  return Array.from({ length: 100 }, (_, i) => {
    const level = spread[i % spread.length]!;
    const reasons = levels.find((l) => l.level === level)!.reasons.map((r) => r.code);
    return {
      caseId: signCaseId(`SEED-${String(i + 1).padStart(4, '0')}`, DEV_CASE_ID_SECRET),
      channel: (['hall', 'mobile', 'pc', 'kiosk'] as const)[i % 4],
      level,
      reasons: level <= 2 || i % 3 === 0 ? reasons.slice(i % 3, (i % 3) + 1 + (i % 2)) : [],
      serviceCode: services[i % services.length],
      windowId: `w${String((i % 16) + 1).padStart(2, '0')}`,
      hallId: 'guangan-zwzx',
    };
  });
}

/** Runs the reference app and records what the stories need. Takes a few seconds (PGlite starts and seeds). */
export async function recordReferenceApi(): Promise<Recording> {
  let now = new Date(RECORDED_AT);
  const ref = await createApp({
    now: () => new Date(now),
    simulatorSpeed: 0,
    onlineQuota: 1,
    // The recording asks from one address, many times a minute; the quota of one per category stays.
    limits: {
      ratingsPerMinute: 1_000_000,
      takesPerMinute: 1_000_000,
      takeShare: 1,
      takesPerDevice: 1_000_000,
      lookupsPerMinute: 1_000_000,
    },
  });
  let keys = 0;
  const ask = async (
    method: 'GET' | 'HEAD' | 'POST',
    path: string,
    init: { body?: unknown; lang?: 'zh-CN' | 'en'; key?: boolean } = {},
  ): Promise<Exchange> => {
    const headers: Record<string, string> = { 'Accept-Language': init.lang ?? 'zh-CN' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.key) headers['Idempotency-Key'] = `storybook-recording-${++keys}`;
    const res = await ref.app.fetch(
      new Request(`http://reference.local/api/v1${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
    const kept: Record<string, string> = {};
    for (const name of KEPT) {
      const value = res.headers.get(name);
      if (value !== null) kept[name] = value;
    }
    return { status: res.status, headers: kept, body: await res.text() };
  };
  const expect = (ex: Exchange, status: number, what: string): Exchange => {
    if (ex.status !== status) throw new Error(`recording ${what}: expected ${status}, got ${ex.status} ${ex.body}`);
    return ex;
  };
  const problem = async (
    method: 'GET' | 'POST',
    path: string,
    status: number,
    init: { body?: unknown; key?: boolean } = {},
  ): Promise<Problem> => ({
    zh: expect(await ask(method, path, { ...init, lang: 'zh-CN' }), status, path),
    en: expect(await ask(method, path, { ...init, lang: 'en' }), status, path),
  });
  const json = <T>(ex: Exchange) => JSON.parse(ex.body) as T;

  try {
    const system: SystemRecording = {
      health: expect(await ask('GET', '/health'), 200, 'health'),
      notFound: await problem('GET', '/no-such-path', 404),
    };

    // ------------------------------------------------------------ ratings, given this morning before 09:30
    const reasons = expect(await ask('GET', '/ratings/reasons'), 200, 'reasons');
    const levels = json<{ levels: RatingLevel[] }>(reasons).levels;
    const receipts: Record<string, Exchange> = {};
    const followUpAtOnce: Record<string, Exchange> = {};
    /** The case id of each 差评, by tracking code. */
    const bad = new Map<string, string>();
    for (const [i, input] of seedRatings(levels).entries()) {
      now = new Date(new Date(RECORDED_AT).getTime() - (100 - i) * 50_000);
      const receipt = expect(await ask('POST', '/ratings', { body: input, key: true }), 201, 'rating');
      const code = json<RatingReceipt>(receipt).trackingCode;
      if (code) bad.set(code, input.caseId);
      if (receipts[input.level]) continue;
      receipts[input.level] = receipt;
      if (code) {
        const lookup = await ask('GET', `/ratings/follow-up/${code}?case=${input.caseId}`);
        followUpAtOnce[input.level] = expect(lookup, 200, 'follow-up at once');
      }
    }
    const followUpCode = json<RatingReceipt>(receipts[2]!).trackingCode!;
    const first = seedRatings(levels)[0]!;
    const noReason = { ...first, caseId: signCaseId('SEED-NO-REASON', DEV_CASE_ID_SECRET), level: 2, reasons: [] };
    const summaries: Record<string, Exchange> = {};
    const scopes = [
      'hall=guangan-zwzx',
      'hall=xiexing-bmfw',
      ...HALLS[0]!.windows.map((w) => `window=${w.id}`),
      ...['511A0138000000', '511A0131000000', '511B0021000000'].map((s) => `service=${s}`),
    ];
    for (const scope of scopes) summaries[scope] = expect(await ask('GET', `/ratings/summary?${scope}`), 200, scope);
    const ratings: RatingsRecording = {
      reasons,
      cases: Array.from({ length: 200 }, (_, i) =>
        signCaseId(`SB-${String(i + 1).padStart(4, '0')}`, DEV_CASE_ID_SECRET),
      ),
      unsignedCase: await problem('POST', '/ratings', 422, { body: { ...first, caseId: 'SB-UNSIGNED' }, key: true }),
      receipts,
      followUpAtOnce,
      alreadyRated: await problem('POST', '/ratings', 409, { body: first, key: true }),
      missingReason: await problem('POST', '/ratings', 422, { body: noReason, key: true }),
      summaries,
      emptySummary: expect(await ask('GET', `/ratings/summary?service=${UNKNOWN_SCOPE}`), 200, 'empty summary'),
      followUps: {},
      unknownFollowUp: await problem('GET', `/ratings/follow-up/${UNKNOWN_FOLLOW_UP}?case=${first.caseId}`, 404),
      followUpCode,
      followUpCase: bad.get(followUpCode)!,
    };

    // ------------------------------------------------------------ queue: take tickets, then play the halls
    now = new Date(RECORDED_AT);
    const queue: QueueRecording = {
      halls: {},
      list: expect(await ask('GET', '/halls'), 200, 'halls'),
      unknownHall: await problem('GET', `/halls/${UNKNOWN_SCOPE}/snapshot`, 404),
    };
    for (const def of HALLS) {
      const path = `/halls/${def.id}`;
      const taken: Record<string, Exchange> = {};
      const quotaExhausted: Record<string, Problem> = {};
      for (const c of def.categories) {
        const body = { categoryId: c.id };
        taken[c.id] = expect(await ask('POST', `${path}/tickets`, { body, key: true }), 201, 'take');
        quotaExhausted[c.id] = await problem('POST', `${path}/tickets`, 409, { body, key: true });
      }
      const tickets = Object.fromEntries(Object.values(taken).map((ex) => [json<Ticket>(ex).number, []]));
      const start = expect(await ask('GET', `${path}/snapshot`), 200, 'snapshot');
      const { etag = '', ...snapshotHeaders } = start.headers;
      queue.halls[def.id] = {
        id: def.id,
        stepMs: STEP_MS,
        events: expect(await ask('HEAD', `${path}/events`), 200, 'events').headers,
        snapshotHeaders,
        snapshots: [{ body: start.body, etag }],
        patches: [],
        tickets,
        forecast: expect(await ask('GET', `${path}/forecast`), 200, 'forecast'),
        taken,
        quotaExhausted,
        unknownCategory: await problem('POST', `${path}/tickets`, 422, { body: { categoryId: 'Q' }, key: true }),
        unknownTicket: await problem('GET', `${path}/tickets/${UNKNOWN_TICKET}`, 404),
        closed: undefined as unknown as HallRecording['closed'],
      };
    }
    /** Notes each followed ticket's answer when it differs from the last one noted. */
    const noteTickets = async (hall: HallRecording, step: number) => {
      for (const [number, answers] of Object.entries(hall.tickets)) {
        const answer = await ask('GET', `/halls/${hall.id}/tickets/${number}`);
        if (answers.at(-1)?.answer.body !== answer.body) answers.push({ step, answer });
      }
    };
    for (const hall of Object.values(queue.halls)) await noteTickets(hall, 0);
    for (let step = 1; step <= STEPS; step++) {
      now = new Date(now.getTime() + STEP_MS);
      for (const hall of Object.values(queue.halls)) {
        const [patch] = await ref.simulator.tick(hall.id);
        hall.patches.push(patch ? JSON.stringify(patch) : null);
        const snapshot = expect(await ask('GET', `/halls/${hall.id}/snapshot`), 200, 'snapshot');
        hall.snapshots.push({ body: snapshot.body, etag: snapshot.headers.etag ?? '' });
        await noteTickets(hall, step);
      }
    }

    // ------------------------------------------------------------ services
    const catalogue: CatalogueRecording = {
      catalogue: expect(await ask('GET', '/services/catalogue'), 200, 'catalogue'),
    };
    const data = loadServiceData();
    const services: ServicesRecording = {
      entries: data.records.map((r) => ({
        record: {
          deptIndex: r.deptIndex,
          popularity: r.popularity,
          promisedDays: r.promisedDays,
          queueCategory: r.queueCategory,
          pinyin: r.pinyin,
          initials: r.initials,
          starts: r.starts,
          aliasKeys: r.aliasKeys,
        },
        summary: serviceSummary(r, data.departments),
        detail: r.detail,
      })),
      unknownService: await problem('GET', `/services/${UNKNOWN_SERVICE}`, 404),
      invalidSearch: {},
    };
    for (const [name, value] of Object.entries(INVALID_SEARCH)) {
      const query = new URLSearchParams({ [name]: value });
      services.invalidSearch[name] = await problem('GET', `/services/search?${query}`, 422);
    }

    // ------------------------------------------------------------ the end of the day, then two working days on
    now = new Date('2026-11-23T17:30:00+08:00');
    for (const def of HALLS) {
      queue.halls[def.id]!.closed = {
        snapshot: expect(await ask('GET', `/halls/${def.id}/snapshot`), 200, 'closed snapshot'),
        take: await problem('POST', `/halls/${def.id}/tickets`, 409, {
          body: { categoryId: def.categories[0]!.id },
          key: true,
        }),
      };
    }
    now = new Date('2026-11-25T16:00:00+08:00');
    for (const [code, caseId] of bad) {
      const answer = expect(await ask('GET', `/ratings/follow-up/${code}?case=${caseId}`), 200, 'follow-up');
      ratings.followUps[code] = { caseNumber: caseId.split('.')[0]!, answer };
    }

    return { queue, ratings, system, catalogue, services };
  } finally {
    await ref.close();
  }
}

const PREFIX = 'virtual:zw-reference/';
const PARTS = ['queue', 'ratings', 'system', 'catalogue', 'services'] as const;

/**
 * Serves the recording to the stories as `virtual:zw-reference/<part>` modules (queue, ratings, system,
 * catalogue, services), each a lazily loaded chunk. The recording is made once per Storybook process.
 */
export function referenceRecording(): Plugin {
  let recording: Promise<Recording> | undefined;
  const record = () => (recording ??= recordReferenceApi());
  return {
    name: 'zw-reference-recording',
    configureServer() {
      // Dev: start at once, so the first story does not wait for PGlite.
      void record().catch(() => undefined);
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const part = id.slice(PREFIX.length + 1) as (typeof PARTS)[number];
      if (!PARTS.includes(part)) throw new Error(`no recorded part ${part}`);
      const data = (await record())[part];
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
