/**
 * The staff side of the hall for the `<zw-window-console>` and `<zw-ticket-kiosk>` stories: who is signed in, the
 * window as its console sees it, its lease, its actions, and walk-in tickets. The recording (api-handlers.ts) holds
 * the hall's public side only, so these answers are built here from the API's own types and examples, for the
 * recorded hall (guangan-zwzx, window w05 serving B), and shaped as the reference server shapes them. The hall's
 * snapshot and live feed stay the recorded ones.
 */
import { delay, http, HttpResponse } from 'msw';
import type {
  OperatorActionInput,
  OperatorTicket,
  OperatorWindow,
  StaffIdentity,
  Ticket,
  WindowClaim,
} from '../../src/core/api/types.gen.ts';
import { API, serverError } from './api-handlers.ts';

const HALL = 'guangan-zwzx';
const CORS = { 'Access-Control-Allow-Origin': '*' };
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

export const identity: StaffIdentity = {
  sub: 'staff-0042',
  name: '王芳',
  roles: ['window-staff'],
  halls: [HALL],
  via: 'token',
};

/** A ticket as staff see it. */
export const opTicket = (number: string, change: Partial<OperatorTicket> = {}): OperatorTicket => ({
  number,
  categoryId: number[0]!,
  stage: 'waiting',
  priority: null,
  issuedAt: at(25),
  calledAt: null,
  startedAt: null,
  recalls: 0,
  windowId: null,
  forWindowId: null,
  transferred: false,
  online: false,
  ...change,
});

/** Window w05 (户籍证照, B) with a line of five, one of them with priority and one online. */
export const windowView = (change: Partial<OperatorWindow> = {}): OperatorWindow => ({
  hallId: HALL,
  hallOpen: true,
  window: { id: 'w05', label: '5 号窗口', status: 'open', serving: null, categoryIds: ['B'] },
  current: null,
  claim: { sub: identity.sub, name: identity.name, since: at(40), expiresAt: at(-1.5) },
  waiting: [{ categoryId: 'B', waiting: 9, priority: 1 }],
  next: [
    opTicket('B031', { priority: 'elderly', issuedAt: at(12) }),
    opTicket('B024', { issuedAt: at(31) }),
    opTicket('B025', { online: true, issuedAt: at(29) }),
    opTicket('B026', { issuedAt: at(27) }),
    opTicket('B027', { issuedAt: at(22) }),
  ],
  missed: [],
  version: 1288,
  ...change,
});

/** The same window with B031 called four minutes ago. */
export const calledView = (stage: 'called' | 'serving' = 'called') => {
  const current = opTicket('B031', {
    priority: 'elderly',
    stage,
    windowId: 'w05',
    calledAt: at(4),
    startedAt: stage === 'serving' ? at(3) : null,
    issuedAt: at(12),
  });
  const base = windowView();
  return windowView({
    current,
    window: { ...base.window, serving: 'B031' },
    next: base.next.slice(1),
    missed: [opTicket('B019', { stage: 'missed', windowId: 'w05', calledAt: at(9), issuedAt: at(48) })],
  });
};

const claim = (): WindowClaim => ({
  lease: 'storyLease0000000000',
  hallId: HALL,
  windowId: 'w05',
  holder: { sub: identity.sub, name: identity.name, since: at(0), expiresAt: at(-1.5) },
  renewAfterSeconds: 30,
  ttlSeconds: 90,
  tookOverFrom: null,
});

const problem = (status: number, slug: string, detail: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: `urn:zhengwu-widgets:problem:${slug}`, title: slug, status, detail, ...extra },
    { status, headers: { ...CORS, 'Content-Type': 'application/problem+json; charset=utf-8' } },
  );

export interface StaffHall {
  /** What GET …/staff/me answers: an identity, `403` (another hall), or `401`. */
  me?: StaffIdentity | 401;
  /** The window's view. */
  view?: OperatorWindow;
  /** How a claim is answered: granted, or held by another console. */
  claim?: 'granted' | 'held';
  /** How actions are answered: done (the view after), refused, or never (the network is gone). */
  actions?: 'done' | 'refused' | 'hang';
  /** How a walk-in is answered. */
  tickets?: 'issued' | 'closed' | 'error' | 'hang';
}

/** Handlers for one story's staff side (put before the recorded ones in `parameters.msw.handlers`). */
export function staffHall(o: StaffHall = {}) {
  const view = o.view ?? windowView();
  return [
    // The reference server's development issuer is not part of the API: no story offers it.
    http.get(`${API}/dev-issuer/*`, () => delay('infinite')),
    http.get(`${API}/staff/me`, () =>
      o.me === 401
        ? problem(401, 'unauthorized', '登录已失效。')
        : HttpResponse.json(o.me ?? identity, { headers: CORS }),
    ),
    http.get(`${API}/staff/halls/:hall/windows/:window`, () => HttpResponse.json(view, { headers: CORS })),
    http.post(`${API}/staff/halls/:hall/windows/:window/claim`, () =>
      o.claim === 'held'
        ? problem(409, 'conflict', '5 号窗口已由李娜的工作台使用。', {
            code: 'window-claimed',
            holder: { sub: 'staff-0017', name: '李娜', since: at(35), expiresAt: at(-1) },
          })
        : HttpResponse.json(claim(), { headers: CORS }),
    ),
    http.post(`${API}/staff/halls/:hall/windows/:window/release`, () => HttpResponse.json(view, { headers: CORS })),
    http.post(`${API}/staff/halls/:hall/windows/:window/actions`, async ({ request }) => {
      const input = (await request.json()) as OperatorActionInput;
      if (o.actions === 'hang') return delay('infinite');
      if (o.actions === 'refused') {
        return problem(409, 'conflict', '5 号窗口正在处理 B031，请先办结、标记过号或转移后再操作。', {
          code: 'window-busy',
        });
      }
      const after = input.action === 'call-next' ? calledView() : view;
      return HttpResponse.json(
        { action: input.action, ticket: after.current, window: after, version: after.version + 1 },
        { headers: CORS },
      );
    }),
    http.post(`${API}/staff/halls/:hall/tickets`, async ({ request }) => {
      const input = (await request.json()) as { categoryId: string; priority?: string };
      if (o.tickets === 'hang') return delay('infinite');
      if (o.tickets === 'error') return serverError(request);
      if (o.tickets === 'closed') return problem(409, 'hall-closed', '广安区政务服务中心当前不在服务时间。');
      const ticket: Ticket = {
        number: `${input.categoryId}032`,
        hallId: HALL,
        categoryId: input.categoryId,
        status: 'waiting',
        ahead: 6,
        estimatedWaitMinutes: 35,
        window: null,
        issuedAt: new Date().toISOString(),
        calledAt: null,
        online: false,
      };
      return HttpResponse.json(ticket, { status: 201, headers: CORS });
    }),
  ];
}
