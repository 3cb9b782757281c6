/**
 * The 差评 follow-up for the `<zw-rating-desk>` stories and the tracking views of the `<zw-rating>` stories: who is
 * signed in, the hall's cases, one case in each state, the resident's number, the departments, and the follow-up a
 * resident looks up with its steps and verdict. The recording (api-handlers.ts) holds no staff side and no case
 * worked by an officer, so these answers are built here from the API's own types and shaped as the reference
 * server shapes them (a case in guangan-zwzx, rated at window w05, ten working days to fix).
 */
import { delay, http, HttpResponse } from 'msw';
import type {
  RatingCase,
  RatingCaseItem,
  RatingCaseState,
  RatingCaseTransitionInput,
  RatingContact,
  RatingFollowUp,
  StaffIdentity,
} from '../../src/core/api/types.gen.ts';
import { API, serverError } from './api-handlers.ts';

const HALL = 'guangan-zwzx';
const CORS = { 'Access-Control-Allow-Origin': '*' };
/** An instant `days` days and `hours` hours ago, in China time as the server writes it. */
const ago = (days: number, hours = 0) =>
  new Date(Date.now() - (days * 24 + hours) * 3_600_000 + 8 * 3_600_000)
    .toISOString()
    .replace('Z', '+08:00')
    .replace(/\.\d+/, '');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const officer: StaffIdentity = {
  sub: 'staff-0108',
  name: '李敏',
  roles: ['rating-officer'],
  halls: [HALL],
  via: 'token',
};

const id = (n: number) => `0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d${String(n).padStart(2, '0')}`;

/** A case as the inbox lists it. */
const item = (n: number, change: Partial<RatingCaseItem>): RatingCaseItem => ({
  id: id(n),
  ratingId: id(n),
  trackingCode: `HC2026112${n % 10}-7F3K-9QMA-2XWD-PL${String(n).padStart(2, '0').replace(/[01]/g, 'R')}`,
  hallId: HALL,
  level: 2,
  reasons: ['212'],
  serviceCode: '511A0138000000',
  serviceName: '社会保障卡补领、换领、换发',
  windowId: 'w05',
  state: 'accepted',
  department: null,
  acceptedAt: ago(1),
  dueBy: day(13),
  workingDaysLeft: 9,
  overdue: false,
  dueSoon: false,
  hasContact: true,
  annulled: false,
  ...change,
});

/** The hall's open cases, nearest deadline first: one overdue, one due soon, the rest in time. */
export const inbox: RatingCaseItem[] = [
  item(11, {
    state: 'rectifying',
    department: '区人社局',
    acceptedAt: ago(19),
    dueBy: day(-3),
    workingDaysLeft: -3,
    overdue: true,
    level: 1,
    reasons: ['115'],
  }),
  item(12, {
    state: 'verifying',
    department: '区医疗保障局',
    serviceName: '城乡居民医保参保登记',
    acceptedAt: ago(12),
    dueBy: day(1),
    workingDaysLeft: 1,
    dueSoon: true,
  }),
  item(13, {
    state: 'appealed',
    department: '区公安分局',
    serviceName: '居民身份证换领',
    acceptedAt: ago(5),
    dueBy: day(8),
    workingDaysLeft: 6,
    hasContact: false,
  }),
  item(14, {}),
];

const steps: Record<string, RatingCase['steps'][number]> = {
  accepted: { state: 'accepted', at: ago(6), note: '差评已受理，10 个工作日内整改反馈', by: 'system' },
  verifying: {
    state: 'verifying',
    at: ago(5, 20),
    note: '调取 5 号窗口录像核实：窗口未一次性告知需带户口簿。',
    reply: '我们正在核实您反映的情况。',
    by: '李敏',
  },
  rectifying: {
    state: 'rectifying',
    at: ago(4),
    note: '区人社局已更正办事指南并组织窗口培训。',
    reply: '已在办事指南材料清单中补充户口簿要求，并对窗口人员开展一次性告知培训。',
    by: '李敏',
  },
  revisiting: { state: 'revisiting', at: ago(1), note: '回访完成，评价人认可整改。', by: '李敏' },
  closed: { state: 'closed', at: ago(0, 2), note: '整改完成。', reply: '问题已整改完毕，感谢您的监督。', by: '李敏' },
  appealed: {
    state: 'appealed',
    at: ago(4),
    note: '区公安分局认为该办件材料齐全当场办结，评价与事实不符，申请复核。',
    by: '李敏',
  },
};
type Path = 'accepted' | 'verifying' | 'rectifying' | 'revisiting' | 'closed' | 'appealed';
const PATHS: Record<Path, RatingCaseState[]> = {
  accepted: ['accepted'],
  verifying: ['accepted', 'verifying'],
  rectifying: ['accepted', 'verifying', 'rectifying'],
  revisiting: ['accepted', 'verifying', 'rectifying', 'revisiting'],
  closed: ['accepted', 'verifying', 'rectifying', 'revisiting', 'closed'],
  appealed: ['accepted', 'appealed'],
};
const NEXT: Record<string, RatingCaseState[]> = {
  accepted: ['verifying', 'appealed'],
  verifying: ['rectifying', 'revisiting', 'appealed'],
  rectifying: ['revisiting'],
  revisiting: ['closed'],
  closed: [],
  appealed: ['reviewed'],
};

/** One case in `state`, with the steps that lead there. */
export function deskCase(state: Path): RatingCase {
  const closed = state === 'closed';
  const base = state === 'appealed' ? inbox[2]! : inbox[0]!;
  return {
    id: base.id,
    ratingId: base.ratingId,
    trackingCode: base.trackingCode,
    hallId: HALL,
    hallName: '广安区政务服务中心',
    state,
    department: state === 'accepted' ? null : base.department,
    acceptedAt: ago(6),
    dueBy: day(closed ? 8 : 4),
    workingDays: 10,
    workingDaysLeft: closed ? 6 : state === 'revisiting' ? 2 : 4,
    overdue: false,
    dueSoon: state === 'revisiting',
    closedAt: closed ? ago(0, 2) : null,
    onTime: closed ? true : null,
    rating: {
      caseId: 'GA20261122-00318',
      level: base.level,
      levelName: base.level === 1 ? '非常不满意' : '不满意',
      reasons: [{ code: '212', text: '未一次性告知所需材料' }],
      comment: '第一次来没说要带户口簿，又跑了一趟。',
      channel: 'pc',
      createdAt: ago(6),
    },
    handled: {
      serviceCode: base.serviceCode,
      serviceName: base.serviceName,
      serviceDepartment: base.department,
      windowId: 'w05',
      windowLabel: '5 号窗口',
      staffId: 'GA0517',
    },
    hasContact: state !== 'appealed',
    steps: PATHS[state]!.map((s) => steps[s]!),
    revisits: ['revisiting', 'closed'].includes(state)
      ? [{ at: ago(1, 2), reached: true, verdict: 'satisfied', note: '电话回访，评价人认可整改。', by: '李敏' }]
      : [],
    appeal: null,
    verdict: null,
    next: NEXT[state]!,
  };
}

const contact = (c: RatingCase): RatingContact => ({
  ratingId: c.ratingId,
  hallId: HALL,
  level: c.rating.level,
  trackingCode: c.trackingCode,
  phone: '13890261234',
  createdAt: c.rating.createdAt,
  deleteOn: day(54),
});

const problem = (status: number, slug: string, detail: string) =>
  HttpResponse.json(
    { type: `urn:zhengwu-widgets:problem:${slug}`, title: slug, status, detail },
    { status, headers: { ...CORS, 'Content-Type': 'application/problem+json; charset=utf-8' } },
  );

export interface Desk {
  /** The open case (`case` attribute) answers in this state. */
  state?: Path;
  /** The inbox: the cases, a server failure, never, or the cases once and then failures (its refreshes). */
  list?: 'cases' | 'error' | 'hang' | 'then-error';
  /** The server refuses this officer the hall (`403`). */
  forbidden?: boolean;
}

/** Handlers for one desk story (put before the recorded ones in `parameters.msw.handlers`). */
export function deskHandlers(o: Desk = {}) {
  let current = deskCase(o.state ?? 'accepted');
  let listed = 0;
  const json = (body: object) => HttpResponse.json(body as Record<string, unknown>, { headers: CORS });
  const refused = () => problem(403, 'forbidden', '您没有广安区政务服务中心差评回访专员的权限。');
  return [
    // The reference server's development issuer is not part of the API: no story offers it.
    http.get(`${API}/dev-issuer/*`, () => delay('infinite')),
    http.get(`${API}/staff/me`, () => json(officer)),
    http.get(`${API}/staff/halls/:hall/rating-cases`, async ({ request }) => {
      if (o.forbidden) return refused();
      if (o.list === 'hang') return delay('infinite');
      if (o.list === 'error' || (o.list === 'then-error' && listed > 0)) return serverError(request);
      listed++;
      const state = new URL(request.url).searchParams.get('state') ?? 'open';
      const items = inbox.filter((c) => state === 'open' || state === 'all' || c.state === state);
      return json({ items, workingDays: 10 });
    }),
    http.get(`${API}/staff/rating-cases/:id`, () => (o.forbidden ? refused() : json(current))),
    http.get(`${API}/staff/rating-departments`, () =>
      json({ departments: ['区人社局', '区医疗保障局', '区公安分局', '区行政审批局'] }),
    ),
    http.get(`${API}/staff/ratings/:id/contact`, () => json(contact(current))),
    http.post(`${API}/staff/rating-cases/:id/transitions`, async ({ request }) => {
      const input = (await request.json()) as RatingCaseTransitionInput;
      if (!current.next.includes(input.to)) return problem(409, 'conflict', '该差评当前状态下不能办理此步骤。');
      const next = input.to in PATHS ? deskCase(input.to as Path) : current;
      current = {
        ...next,
        steps: [...current.steps, { state: input.to, at: ago(0), note: input.note, reply: input.reply, by: '李敏' }],
      };
      return json(current);
    }),
    http.post(`${API}/staff/rating-cases/:id/assignment`, async ({ request }) => {
      const { department } = (await request.json()) as { department: string };
      current = { ...current, department };
      return json(current);
    }),
  ];
}

// ---------------------------------------------------------------- the resident's tracking view

/** The follow-up of the recorded hall's 差评 as its resident looks it up, in `state`, with the officer's replies. */
export function residentFollowUp(state: 'rectifying' | 'closed' | 'verdict'): RatingFollowUp {
  const c = deskCase(state === 'rectifying' ? 'rectifying' : 'closed');
  return {
    trackingCode: c.trackingCode,
    level: c.rating.level,
    status: state === 'rectifying' ? 'rectifying' : 'closed',
    createdAt: c.rating.createdAt,
    dueBy: c.dueBy,
    history: [{ status: 'received', at: c.rating.createdAt, note: '差评已受理' }],
    state: c.state,
    department: c.department,
    steps: c.steps.map((s) => ({ state: s.state, at: s.at, ...(s.reply ? { reply: s.reply } : {}) })),
    verdict: state === 'verdict' ? { verdict: 'basically-satisfied', at: ago(0, 1), defaulted: false } : null,
    verdictOpen: state === 'closed',
  };
}

/** The tracking lookup answers with this follow-up; a verdict is taken once. */
export function followUpHandlers(state: 'rectifying' | 'closed' | 'verdict') {
  let answer = residentFollowUp(state);
  return [
    http.get(`${API}/ratings/follow-up/:code`, () => HttpResponse.json(answer, { headers: CORS })),
    http.post(`${API}/ratings/follow-up/:code/verdict`, async ({ request }) => {
      const { verdict } = (await request.json()) as { verdict: 'satisfied' | 'basically-satisfied' | 'dissatisfied' };
      answer = { ...answer, verdict: { verdict, at: ago(0), defaulted: false }, verdictOpen: false };
      return HttpResponse.json(answer, { status: 201, headers: CORS });
    }),
  ];
}

// ---------------------------------------------------------------- the published figures

/** The figures of `<zw-rating-summary by=…>`: three months or departments of the recorded hall, one too small to publish. */
export function figuresHandlers(by: 'month' | 'department') {
  const row = (key: string, label: string, n: number | null, bad: number, rates: (number | null)[]) => ({
    key,
    label,
    suppressed: n === null,
    ratings: n,
    bad: n === null ? null : bad,
    goodRate: n === null ? null : rates[0]!,
    rectificationRate: n === null ? null : rates[1]!,
    revisitRate: n === null ? null : rates[2]!,
    onTimeRate: n === null ? null : rates[3]!,
  });
  const rows =
    by === 'month'
      ? [
          row('2026-09', '2026年9月', 388, 7, [0.982, 1, 1, 0.8571]),
          row('2026-10', '2026年10月', 301, 9, [0.9701, 0.8889, 0.875, 0.7778]),
          row('2026-11', '2026年11月', 412, 9, [0.9782, 0.7778, 1, null]),
        ]
      : [
          row('区人社局', '区人社局', 530, 12, [0.9774, 0.9167, 1, 0.8333]),
          row('区医疗保障局', '区医疗保障局', 204, 4, [0.9804, 0.75, 0.6667, 1]),
          row('区残联', '区残联', null, 0, []),
        ];
  return [
    http.get(`${API}/ratings/figures`, () =>
      HttpResponse.json({ by, hall: HALL, from: null, to: null, minimumCount: 5, rows }, { headers: CORS }),
    ),
  ];
}
