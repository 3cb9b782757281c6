import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../api/server/app.ts';
import { RatingCases, type CaseRow } from '../../api/server/ratings/cases.ts';
import { parseDayOverrides, WorkingCalendar } from '../../api/server/ratings/working-days.ts';
import { signed, startLocal, storage, testClock, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const PHONE = '13890261234';
const SERVICE = '512B0070200006-511602000000-000-1151130108778239R-1-00';
// The Wednesday before the National Day holiday of 2026 (1–7 October off, Saturday 10 October worked instead).
const clock = testClock('2026-09-30T10:00:00+08:00');
let s: LocalServer;

before(async () => {
  s = await startLocal({ now: clock.now });
});
after(() => s.stop());

async function token(roles: string[], halls: string[] | '*', name = '李敏'): Promise<string> {
  const res = await fetch(`${s.baseUrl}/api/v1/dev-issuer/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ roles, halls, sub: `staff-${roles.join('+')}-${String(halls)}`, name }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
const bearer = async (roles: string[], halls: string[] | '*') => ({
  Authorization: `Bearer ${await token(roles, halls)}`,
});

/** A 差评 as a resident's rating page sends it: its receipt, and the case id it was given for. */
async function badRating(extra: Record<string, unknown> = {}) {
  const caseId = signed(`RD-${randomUUID().slice(0, 12)}`);
  const receipt = await call(s.baseUrl, 'post', '/ratings', {
    headers: { 'Idempotency-Key': `rd-${randomUUID()}` },
    body: {
      caseId,
      channel: 'hall',
      level: 2,
      reasons: ['213'],
      comment: '窗口人员业务不熟练，跑了两趟',
      hallId: HALL,
      windowId: 'w05',
      serviceCode: SERVICE,
      staffId: 'GA0517',
      ...extra,
    },
    expect: 201,
  });
  return { caseId, receipt: receipt.body };
}

const step = (headers: Record<string, string>, id: string, body: Record<string, unknown>, key = `st-${randomUUID()}`) =>
  call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/transitions', {
    path: { caseId: id },
    headers: { ...headers, 'Idempotency-Key': key },
    body,
  });
const getCase = (headers: Record<string, string>, id: string) =>
  call(s.baseUrl, 'get', '/staff/rating-cases/{caseId}', { path: { caseId: id }, headers });
const inbox = (headers: Record<string, string>, hallId = HALL, query: Record<string, string> = {}) =>
  call(s.baseUrl, 'get', '/staff/halls/{hallId}/rating-cases', { path: { hallId }, headers, query });
const tracking = (code: string, caseId: string) =>
  call(s.baseUrl, 'get', '/ratings/follow-up/{trackingCode}', {
    path: { trackingCode: code },
    query: { case: caseId },
    expect: 200,
  });
const verdict = (code: string, caseId: string, v: string) =>
  call(s.baseUrl, 'post', '/ratings/follow-up/{trackingCode}/verdict', {
    path: { trackingCode: code },
    query: { case: caseId },
    body: { verdict: v },
  });
const auditCount = async (action: string) =>
  (await s.ref.db.query('SELECT 1 FROM audit_log WHERE action = $1', [action])).rows.length;

describe(`the 差评 desk (${storage})`, () => {
  it('counts working days on the official calendar, with a deployment’s corrections, and weekends beyond it', () => {
    const cal = new WorkingCalendar(parseDayOverrides('2027-10-01:off,2027-10-09:on'));
    assert.equal(cal.addWorkingDays('2026-09-30', 10), '2026-10-20', 'Golden Week off, Saturday 10 October worked');
    assert.equal(cal.addWorkingDays('2026-10-01', 1), '2026-10-08', 'rated on a holiday: counting starts after it');
    assert.equal(cal.workingDaysBetween('2026-09-30', '2026-10-09'), 2);
    assert.equal(cal.workingDaysBetween('2026-10-09', '2026-09-30'), -2);
    assert.equal(
      cal.knownThrough,
      2026,
      'the calendar package knows 2026 (update it when the State Council announces 2027)',
    );
    assert.equal(cal.isWorkday('2027-10-01'), false, 'an override');
    assert.equal(cal.isWorkday('2027-10-09'), true, 'a make-up Saturday from an override');
    assert.equal(cal.isWorkday('2027-10-04'), true, 'beyond the known years: weekdays work');
    assert.throws(() => parseDayOverrides('2027-10-01:holiday'), /ZW_WORKDAY_OVERRIDES/);
  });

  it('refuses a deadline outside 5 to 15 working days at start, and deems a silent resident 基本满意 only when configured', async () => {
    await assert.rejects(createApp({ ratingDesk: { workingDays: 20 } }), /5 to 15 working days/);
    await assert.rejects(createApp({ ratingDesk: { defaultVerdictDays: 0 } }), /ZW_DEFAULT_VERDICT_DAYS/);
    const closed = {
      state: 'closed',
      closed_at: new Date('2026-10-16T08:00:00Z'),
      verdict: null,
      verdict_at: null,
    } as unknown as CaseRow;
    const at = (iso: string, days: number | null) =>
      new RatingCases(s.ref.db, () => new Date(iso), {
        workingDays: 10,
        defaultVerdictDays: days,
        calendar: new WorkingCalendar(),
      }).verdictOf(closed);
    assert.equal(at('2026-12-31T00:00:00Z', null), null, 'off by default');
    assert.equal(at('2026-10-30T07:59:00Z', 14), null, 'not before the days have passed');
    assert.deepEqual(at('2026-10-30T08:00:00Z', 14), {
      verdict: 'basically-satisfied',
      at: '2026-10-30T16:00:00+08:00',
      defaulted: true,
    });
  });

  it('brings a resident’s 差评 to the desk, and the officer’s steps and replies back to the resident, whose verdict counts once', async () => {
    clock.set('2026-09-30T10:00:00+08:00');
    const { caseId, receipt } = await badRating({ phone: PHONE, contactConsent: true });
    assert.equal(receipt.followUp.dueBy, '2026-10-20', 'ten working days over Golden Week');
    const officer = await bearer(['rating-officer'], [HALL]);

    const list = await inbox(officer);
    assert.equal(list.status, 200, list.text);
    const item = list.body.items.find((i: { id: string }) => i.id === receipt.id);
    assert.ok(item, 'the 差评 is in the hall’s inbox');
    assert.deepEqual(
      [item.state, item.dueBy, item.workingDaysLeft, item.overdue, item.dueSoon, item.hasContact],
      ['accepted', '2026-10-20', 10, false, false, true],
    );
    assert.equal(list.text.includes(PHONE), false, 'the inbox never carries the number');

    const opened = await getCase(officer, receipt.id);
    assert.equal(opened.status, 200, opened.text);
    assert.deepEqual(opened.body.rating.reasons, [{ code: '213', text: '窗口人员业务不熟练' }]);
    assert.equal(opened.body.rating.comment, '窗口人员业务不熟练，跑了两趟');
    assert.equal(opened.body.handled.windowLabel, '5 号窗口');
    assert.equal(opened.body.handled.staffId, 'GA0517');
    assert.deepEqual(opened.body.next, ['verifying', 'appealed']);
    assert.equal(opened.text.includes(PHONE), false);

    // Assigned to the department responsible for the service item (谁办理谁负责).
    const departments = await call(s.baseUrl, 'get', '/staff/rating-departments', { headers: officer, expect: 200 });
    const department = opened.body.handled.serviceDepartment as string;
    assert.ok(departments.body.departments.includes(department));
    const assigned = await call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/assignment', {
      path: { caseId: receipt.id },
      headers: { ...officer, 'Idempotency-Key': `as-${randomUUID()}` },
      body: { department },
      expect: 200,
    });
    assert.equal(assigned.body.department, department);

    // A step the state does not allow: 409 with what is allowed.
    const skipped = await step(officer, receipt.id, { to: 'closed', note: '直接办结' });
    assertProblem(skipped, 409, 'conflict');
    assert.deepEqual(skipped.body.allowed, ['verifying', 'appealed']);

    clock.set('2026-10-08T09:30:00+08:00');
    const verifyKey = `st-${randomUUID()}`;
    const verifying = await step(
      officer,
      receipt.id,
      { to: 'verifying', note: '调取 5 号窗口录像', reply: '我们已收到您的评价，正在核实情况。' },
      verifyKey,
    );
    assert.equal(verifying.status, 200, verifying.text);
    const logged = await auditCount('rating-case.transition');
    const again = await step(
      officer,
      receipt.id,
      { to: 'verifying', note: '调取 5 号窗口录像', reply: '我们已收到您的评价，正在核实情况。' },
      verifyKey,
    );
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true', 'a retried step is a replay');
    assert.equal(await auditCount('rating-case.transition'), logged, 'and is neither taken nor logged twice');
    assertProblem(
      await step(officer, receipt.id, { to: 'rectifying', note: 'x' }, verifyKey),
      422,
      'idempotency-key-reuse',
    );

    await step(officer, receipt.id, {
      to: 'rectifying',
      note: '窗口人员业务培训',
      reply: '经核实，窗口人员对该事项不熟悉，已安排业务培训。',
    }).then((r) => assert.equal(r.status, 200, r.text));
    const early = await verdict(receipt.trackingCode, caseId, 'satisfied');
    assertProblem(early, 409, 'conflict');
    await step(officer, receipt.id, { to: 'revisiting', note: '准备回访' }).then((r) =>
      assert.equal(r.status, 200, r.text),
    );
    const unvisited = await step(officer, receipt.id, { to: 'closed', note: '办结' });
    assertProblem(unvisited, 409, 'conflict');
    assert.match(unvisited.body.detail, /回访/, 'a resident who left a number is called back before closing');
    const revisit = await call(s.baseUrl, 'post', '/staff/rating-cases/{caseId}/revisits', {
      path: { caseId: receipt.id },
      headers: { ...officer, 'Idempotency-Key': `rv-${randomUUID()}` },
      body: { reached: true, verdict: 'satisfied', note: '电话回访，评价人认可' },
      expect: 200,
    });
    assert.deepEqual(
      revisit.body.revisits.map((r: { reached: boolean; verdict: string; by: string }) => [r.reached, r.verdict, r.by]),
      [[true, 'satisfied', '李敏']],
    );
    clock.set('2026-10-16T16:00:00+08:00');
    const closed = await step(officer, receipt.id, {
      to: 'closed',
      note: '整改完成',
      reply: '整改已完成，感谢您的监督。',
    });
    assert.equal(closed.status, 200, closed.text);
    assert.deepEqual(
      [closed.body.state, closed.body.onTime, closed.body.closedAt, closed.body.next],
      ['closed', true, '2026-10-16T16:00:00+08:00', []],
    );

    // The resident's tracking view: each step with its date and the reply in plain words; no notes, no names.
    const view = await tracking(receipt.trackingCode, caseId);
    assert.deepEqual(
      view.body.steps.map((x: { state: string; at: string; reply?: string }) => [
        x.state,
        x.at.slice(0, 10),
        x.reply ?? null,
      ]),
      [
        ['accepted', '2026-09-30', null],
        ['verifying', '2026-10-08', '我们已收到您的评价，正在核实情况。'],
        ['rectifying', '2026-10-08', '经核实，窗口人员对该事项不熟悉，已安排业务培训。'],
        ['revisiting', '2026-10-08', null],
        ['closed', '2026-10-16', '整改已完成，感谢您的监督。'],
      ],
    );
    assert.equal(view.body.status, 'closed', 'the older vocabulary follows');
    assert.equal(view.body.department, department);
    for (const internal of ['调取 5 号窗口录像', '窗口人员业务培训', '李敏', 'GA0517', PHONE]) {
      assert.equal(view.text.includes(internal), false, `the resident does not see ${internal}`);
    }
    assert.equal(view.body.verdictOpen, true);

    const given = await verdict(receipt.trackingCode, caseId, 'satisfied');
    assert.equal(given.status, 201, given.text);
    assert.deepEqual(
      [given.body.verdict.verdict, given.body.verdict.defaulted, given.body.verdictOpen],
      ['satisfied', false, false],
    );
    const replay = await verdict(receipt.trackingCode, caseId, 'satisfied');
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const changed = await verdict(receipt.trackingCode, caseId, 'dissatisfied');
    assertProblem(changed, 409, 'conflict');
    assert.equal(changed.body.verdict.verdict, 'satisfied');
    assertProblem(await verdict(receipt.trackingCode, signed('RD-another'), 'satisfied'), 404, 'not-found');
    assert.equal((await getCase(officer, receipt.id)).body.verdict.verdict, 'satisfied', 'the desk sees the verdict');
  });

  it('orders the inbox by deadline and flags what is due soon and overdue', async () => {
    clock.set('2026-10-16T17:00:00+08:00');
    const earlier = await badRating();
    assert.equal(earlier.receipt.followUp.dueBy, '2026-10-30');
    clock.set('2026-10-19T09:00:00+08:00');
    const later = await badRating();
    assert.equal(later.receipt.followUp.dueBy, '2026-11-02');
    const officer = await bearer(['rating-officer'], [HALL]);
    clock.set('2026-10-29T09:00:00+08:00');
    let items = (await inbox(officer)).body.items as {
      id: string;
      dueBy: string;
      workingDaysLeft: number;
      dueSoon: boolean;
      overdue: boolean;
    }[];
    const dues = items.map((i) => i.dueBy);
    assert.deepEqual(dues, [...dues].sort(), 'nearest deadline first');
    const first = items.find((i) => i.id === earlier.receipt.id)!;
    assert.deepEqual([first.workingDaysLeft, first.dueSoon, first.overdue], [1, true, false]);
    assert.ok(items.indexOf(first) < items.findIndex((i) => i.id === later.receipt.id), 'not newest first');
    clock.set('2026-11-02T09:00:00+08:00');
    items = (await inbox(officer)).body.items;
    const overdue = items.find((i) => i.id === earlier.receipt.id)!;
    assert.deepEqual([overdue.workingDaysLeft, overdue.overdue, overdue.dueSoon], [-1, true, false]);
    const today = items.find((i) => i.id === later.receipt.id)!;
    assert.deepEqual(
      [today.workingDaysLeft, today.overdue, today.dueSoon],
      [0, false, true],
      'the deadline day itself is on time',
    );
  });

  it('lets an appeal annul a mistaken rating, or uphold it and go on, once', async () => {
    clock.set('2026-11-03T10:00:00+08:00');
    const officer = await bearer(['rating-officer'], [HALL]);
    const a = await badRating();
    const summary = async () =>
      (await call(s.baseUrl, 'get', '/ratings/summary', { query: { hall: HALL }, expect: 200 })).body.byLevel[
        '2'
      ] as number;
    const badBefore = await summary();
    await step(officer, a.receipt.id, { to: 'appealed', note: '评价人误评：该办件已按时办结' }).then((r) =>
      assert.equal(r.status, 200, r.text),
    );
    assertProblem(await step(officer, a.receipt.id, { to: 'reviewed', note: '复核' }), 422, 'validation', '/outcome');
    assertProblem(
      await step(officer, a.receipt.id, { to: 'reviewed', note: '复核', outcome: 'annulled' }),
      422,
      'validation',
      '/annulReason',
    );
    const annulled = await step(officer, a.receipt.id, {
      to: 'reviewed',
      note: '经复核属误评',
      outcome: 'annulled',
      annulReason: 'mistaken',
      reply: '经复核，该评价系误评，已作废。',
    });
    assert.deepEqual(
      [annulled.body.appeal, annulled.body.next, annulled.body.onTime],
      [{ outcome: 'annulled', annulReason: 'mistaken' }, [], null],
    );
    const view = await tracking(a.receipt.trackingCode, a.caseId);
    assert.deepEqual(
      view.body.steps.map((x: { state: string }) => x.state),
      ['accepted', 'appealed', 'reviewed'],
    );
    assert.equal(view.body.verdictOpen, false);
    assert.equal(
      (await inbox(officer)).body.items.some((i: { id: string }) => i.id === a.receipt.id),
      false,
      'out of the open inbox',
    );
    assert.equal(await summary(), badBefore - 1, 'an annulled rating leaves the summary');

    const b = await badRating();
    await step(officer, b.receipt.id, { to: 'verifying', note: '核实' });
    await step(officer, b.receipt.id, { to: 'appealed', note: '申诉' });
    const upheld = await step(officer, b.receipt.id, { to: 'reviewed', note: '评价属实', outcome: 'upheld' });
    assert.deepEqual(upheld.body.next, ['rectifying', 'revisiting'], 'goes on from 核实, without a second appeal');
  });

  it('shows a case and its contact only to a rating officer of its hall', async () => {
    const { receipt } = await badRating({ phone: PHONE, contactConsent: true });
    const id = receipt.id as string;
    const reads = await auditCount('contact.read');
    const tries = (headers: Record<string, string>) => [
      inbox(headers),
      getCase(headers, id),
      step(headers, id, { to: 'verifying', note: '核实' }),
      call(s.baseUrl, 'get', '/staff/ratings/{ratingId}/contact', { path: { ratingId: id }, headers }),
    ];
    for (const res of await Promise.all(tries({}))) assertProblem(res, 401, 'unauthorized');
    for (const [roles, halls] of [
      [['window-staff'], [HALL]],
      [['hall-admin'], '*'],
      [['rating-officer'], [OTHER]],
    ] as [string[], string[] | '*'][]) {
      for (const res of await Promise.all(tries(await bearer(roles, halls)))) assertProblem(res, 403, 'forbidden');
    }
    assert.equal(
      (await getCase(await bearer(['rating-officer'], [HALL]), id)).body.state,
      'accepted',
      'nothing was changed by the refused',
    );
    assert.equal(await auditCount('contact.read'), reads, 'no refusal is logged as a reading');
    const district = await bearer(['rating-officer'], '*');
    assert.equal((await getCase(district, id)).status, 200);
    const contact = await call(s.baseUrl, 'get', '/staff/ratings/{ratingId}/contact', {
      path: { ratingId: id },
      headers: district,
      expect: 200,
    });
    assert.equal(contact.body.phone, PHONE);
    assert.equal(await auditCount('contact.read'), reads + 1);
    assertProblem(await getCase(district, randomUUID()), 404, 'not-found');
  });
});
