import { isoLocal, localTime } from '../clock.ts';
import { asDate, type Db, type Queryable } from '../db.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { KEY_REUSED, ProblemError, validationProblem, type FieldError, type Lang } from '../problem.ts';
import { findHall } from '../queue/halls.ts';
import type { components } from '../../../src/core/api/types.gen.ts';
import {
  isFinished,
  LEGACY_STATUS,
  mayRevisit,
  nextStates,
  PLAIN_STEP,
  type AnnulReason,
  type AppealOutcome,
  type CaseState,
  type Verdict,
} from './case-states.ts';
import { caseNumberOf } from './case-ids.ts';
import { RATING_LEVELS } from './reasons.ts';
import type { WorkingCalendar } from './working-days.ts';

type Schemas = components['schemas'];
export type RatingCase = Schemas['RatingCase'];
export type RatingCaseItem = Schemas['RatingCaseItem'];
export type TransitionInput = Schemas['RatingCaseTransitionInput'];
export type AssignmentInput = Schemas['RatingCaseAssignmentInput'];
export type RevisitInput = Schemas['RatingRevisitInput'];
export type ResidentFollowUp = Schemas['RatingFollowUp'];
type VerdictView = Schemas['RatingFollowUpVerdict'];

/** How a deployment runs its 差评 follow-up (docs/decisions/071-rating-deadlines-working-days.md). */
export interface DeskPolicy {
  /** Working days from acceptance to the deadline (5 to 15; ZW_FOLLOW_UP_WORKING_DAYS, default 10). */
  workingDays: number;
  /**
   * Days after closing after which a resident who gave no verdict on the fix is deemed 基本满意 (as some provinces'
   * rules have it; ZW_DEFAULT_VERDICT_DAYS); null: never.
   */
  defaultVerdictDays: number | null;
  calendar: WorkingCalendar;
}

export const DEFAULT_WORKING_DAYS = 10;
/** Open cases with at most this many working days left are due soon. */
const DUE_SOON_DAYS = 2;

/** A write to a case by an officer: which case, the request's key, who, in which language, and its audit entry. */
export interface DeskWrite {
  id: string;
  key: string;
  actor: Actor;
  lang: Lang;
  log: (tx: Queryable) => Promise<void>;
}

/** What one step, assignment or 回访 records (columns of rating_case_events, camelCase). */
interface CaseEvent {
  kind: 'step' | 'assignment' | 'revisit';
  note: string;
  state?: CaseState;
  reply?: string;
  outcome?: AppealOutcome;
  annulReason?: AnnulReason;
  department?: string;
  reached?: boolean;
  verdict?: Verdict;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Who took a step, as the desk shows it. */
export interface Actor {
  sub: string;
  name?: string;
}

/** A case's row: the rating, its follow-up and the service item it names. */
export interface CaseRow {
  id: string;
  case_id: string;
  tracking_code: string;
  hall_id: string | null;
  level: number;
  reasons: string[] | string;
  comment: string | null;
  channel: string;
  service_code: string | null;
  service_name: string | null;
  service_department: string | null;
  window_id: string | null;
  staff_id: string | null;
  contact_consent: boolean;
  has_contact: boolean;
  created_at: Date | string;
  due_by: string;
  working_days: number;
  state: CaseState;
  department: string | null;
  appealed_from: CaseState | null;
  appeal_outcome: AppealOutcome | null;
  annul_reason: AnnulReason | null;
  closed_at: Date | string | null;
  revisited: boolean;
  verdict: Verdict | null;
  verdict_at: Date | string | null;
}

interface EventRow {
  kind: 'step' | 'assignment' | 'revisit';
  state: CaseState | null;
  at: Date | string;
  note: string;
  reply: string | null;
  outcome: AppealOutcome | null;
  annul_reason: AnnulReason | null;
  department: string | null;
  reached: boolean | null;
  verdict: Verdict | null;
  sub: string;
  by_name: string | null;
}

export const CASE_COLUMNS = `r.id, r.case_id, f.tracking_code, r.hall_id, r.level, r.reasons, r.comment, r.channel, r.service_code,
  s.name AS service_name, s.department AS service_department, r.window_id, r.staff_id, r.contact_consent,
  r.phone IS NOT NULL AS has_contact, r.created_at, to_char(f.due_by, 'YYYY-MM-DD') AS due_by, f.working_days, f.state,
  f.department, f.appealed_from, f.appeal_outcome, f.annul_reason, f.closed_at, f.revisited, f.verdict, f.verdict_at`;

export const CASE_FROM = `rating_follow_ups f JOIN ratings r ON r.id = f.rating_id LEFT JOIN services s ON s.code = r.service_code`;

const parseList = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
const standing = (r: CaseRow) => ({ state: r.state, appealedFrom: r.appealed_from, appealOutcome: r.appeal_outcome });
const annulled = (r: CaseRow) => r.state === 'reviewed' && r.appeal_outcome === 'annulled';

function conflict(zh: string, en: string, extensions?: Record<string, unknown>): ProblemError {
  return new ProblemError('conflict', { detail: { zh, en }, extensions });
}

export class RatingCases {
  private readonly db: Db;
  private readonly now: () => Date;
  readonly policy: DeskPolicy;

  constructor(db: Db, now: () => Date, policy: DeskPolicy) {
    this.db = db;
    this.now = now;
    this.policy = policy;
  }

  /** The deadline of a case accepted at `at`: the configured working days later, on the official calendar. */
  dueBy(at: Date): string {
    return this.policy.calendar.addWorkingDays(localTime(at).date, this.policy.workingDays);
  }

  private today(): string {
    return localTime(this.now()).date;
  }

  /** Working days left to the deadline, counted from today, or from the closing day once finished. */
  private timing(r: CaseRow) {
    const finished = isFinished(standing(r));
    const from = finished && r.closed_at ? localTime(asDate(r.closed_at)).date : this.today();
    const left =
      from <= r.due_by
        ? this.policy.calendar.workingDaysBetween(from, r.due_by)
        : -Math.max(1, this.policy.calendar.workingDaysBetween(r.due_by, from));
    const overdue = !finished && from > r.due_by;
    return { finished, left, overdue, dueSoon: !finished && !overdue && left <= DUE_SOON_DAYS };
  }

  /** Closed by the deadline (null while open, or when the rating was annulled). */
  onTime(r: CaseRow): boolean | null {
    if (r.state !== 'closed' || !r.closed_at) return null;
    return localTime(asDate(r.closed_at)).date <= r.due_by;
  }

  /** The resident's verdict on the fix: given, or deemed after the configured days; else null. */
  verdictOf(r: CaseRow): VerdictView | null {
    if (r.verdict && r.verdict_at) return { verdict: r.verdict, at: isoLocal(asDate(r.verdict_at)), defaulted: false };
    const days = this.policy.defaultVerdictDays;
    if (days === null || r.state !== 'closed' || !r.closed_at) return null;
    const deemedAt = new Date(asDate(r.closed_at).getTime() + days * 86_400_000);
    return deemedAt <= this.now() ? { verdict: 'basically-satisfied', at: isoLocal(deemedAt), defaulted: true } : null;
  }

  private async row(q: Queryable, where: string, params: unknown[], lock = false): Promise<CaseRow | undefined> {
    const { rows } = await q.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ${where}${lock ? ' FOR UPDATE OF f' : ''}`,
      params,
    );
    return rows[0];
  }

  private async events(q: Queryable, ratingId: string): Promise<EventRow[]> {
    const { rows } = await q.query<EventRow>(
      `SELECT kind, state, at, note, reply, outcome, annul_reason, department, reached, verdict, sub, by_name
       FROM rating_case_events WHERE rating_id = $1 ORDER BY at, id`,
      [ratingId],
    );
    return rows;
  }

  // ------------------------------------------------------------------ the desk

  /** A hall's cases, the nearest deadline first: `open` (not finished), `all`, or those in one state. */
  async list(hallId: string, filter: 'open' | 'all' | CaseState, limit: number): Promise<RatingCaseItem[]> {
    const where =
      filter === 'open'
        ? `AND f.state <> 'closed' AND NOT (f.state = 'reviewed' AND f.appeal_outcome = 'annulled')`
        : filter === 'all'
          ? ''
          : 'AND f.state = $3';
    const { rows } = await this.db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE r.hall_id = $1 ${where} ORDER BY f.due_by, r.created_at, r.id LIMIT $2`,
      filter === 'open' || filter === 'all' ? [hallId, limit] : [hallId, limit, filter],
    );
    return rows.map((r) => {
      const t = this.timing(r);
      return {
        id: r.id,
        ratingId: r.id,
        trackingCode: r.tracking_code,
        hallId: r.hall_id,
        level: r.level,
        reasons: parseList(r.reasons),
        serviceCode: r.service_code,
        serviceName: r.service_name,
        windowId: r.window_id,
        state: r.state,
        department: r.department,
        acceptedAt: isoLocal(asDate(r.created_at)),
        dueBy: r.due_by,
        workingDaysLeft: t.left,
        overdue: t.overdue,
        dueSoon: t.dueSoon,
        hasContact: r.has_contact,
        annulled: annulled(r),
      };
    });
  }

  /** The hall of a case (undefined: no such case), to check the officer's scope before anything is read. */
  async hallOf(id: string): Promise<string | null | undefined> {
    const { rows } = await this.db.query<{ hall_id: string | null }>(
      'SELECT r.hall_id FROM rating_follow_ups f JOIN ratings r ON r.id = f.rating_id WHERE f.rating_id = $1',
      [id],
    );
    return rows[0] ? rows[0].hall_id : undefined;
  }

  async get(id: string, q: Queryable = this.db): Promise<RatingCase | null> {
    const r = await this.row(q, 'f.rating_id = $1', [id]);
    return r ? this.deskView(r, await this.events(q, id)) : null;
  }

  private deskView(r: CaseRow, events: EventRow[]): RatingCase {
    const t = this.timing(r);
    const level = RATING_LEVELS.find((l) => l.level === r.level)!;
    const hall = r.hall_id ? findHall(r.hall_id) : undefined;
    const by = (e: EventRow) => e.by_name ?? e.sub;
    return {
      id: r.id,
      ratingId: r.id,
      trackingCode: r.tracking_code,
      hallId: r.hall_id,
      hallName: hall?.name ?? null,
      state: r.state,
      department: r.department,
      acceptedAt: isoLocal(asDate(r.created_at)),
      dueBy: r.due_by,
      workingDays: r.working_days,
      workingDaysLeft: t.left,
      overdue: t.overdue,
      dueSoon: t.dueSoon,
      closedAt: r.closed_at ? isoLocal(asDate(r.closed_at)) : null,
      onTime: this.onTime(r),
      rating: {
        caseId: r.case_id,
        level: r.level,
        levelName: level.name,
        reasons: parseList(r.reasons).map((code) => level.reasons.find((x) => x.code === code) ?? { code, text: code }),
        comment: r.comment,
        channel: r.channel as RatingCase['rating']['channel'],
        createdAt: isoLocal(asDate(r.created_at)),
      },
      handled: {
        serviceCode: r.service_code,
        serviceName: r.service_name,
        serviceDepartment: r.service_department,
        windowId: r.window_id,
        windowLabel: hall?.windows.find((w) => w.id === r.window_id)?.label ?? null,
        staffId: r.staff_id,
      },
      hasContact: r.has_contact,
      steps: [
        {
          state: 'accepted',
          at: isoLocal(asDate(r.created_at)),
          note: `差评已受理，${r.working_days} 个工作日内整改反馈`,
          by: 'system',
        },
        ...events
          .filter((e) => e.kind === 'step')
          .map((e) => ({
            state: e.state!,
            at: isoLocal(asDate(e.at)),
            note: e.note,
            ...(e.reply ? { reply: e.reply } : {}),
            ...(e.outcome ? { outcome: e.outcome } : {}),
            ...(e.annul_reason ? { annulReason: e.annul_reason } : {}),
            by: by(e),
          })),
      ],
      revisits: events
        .filter((e) => e.kind === 'revisit')
        .map((e) => ({
          at: isoLocal(asDate(e.at)),
          reached: e.reached === true,
          verdict: e.verdict,
          note: e.note,
          by: by(e),
        })),
      appeal: r.appeal_outcome ? { outcome: r.appeal_outcome, annulReason: r.annul_reason } : null,
      verdict: this.verdictOf(r),
      next: nextStates(standing(r)),
    };
  }

  /**
   * One write to a case, made once: the case row is locked first, so two officers' steps are taken one after the
   * other; then a request with a key seen before is a replay (the case as it stands), or 422 with another body.
   * `change` checks the rules on the locked row and returns the event to record; the event, the case's new columns
   * and the audit entry are written in the same transaction.
   */
  private async write(
    w: DeskWrite,
    op: CaseEvent['kind'],
    body: unknown,
    change: (tx: Queryable, r: CaseRow, at: Date) => Promise<{ event: CaseEvent; set: string; params: unknown[] }>,
  ): Promise<{ view: RatingCase; replayed: boolean } | null> {
    const requestHash = sha256Hex(canonicalJson({ op, id: w.id, body }));
    return this.db.transaction(async (tx) => {
      const r = await this.row(tx, 'f.rating_id = $1', [w.id], true);
      if (!r) return null;
      const { rows } = await tx.query<{ request_hash: string }>(
        'SELECT request_hash FROM rating_case_events WHERE idempotency_key = $1',
        [w.key],
      );
      if (rows[0]) {
        if (rows[0].request_hash !== requestHash)
          throw new ProblemError('idempotency-key-reuse', { detail: KEY_REUSED });
        return { view: this.deskView(r, await this.events(tx, w.id)), replayed: true };
      }
      const at = this.now();
      const { event, set, params } = await change(tx, r, at);
      const columns = Object.keys(event) as (keyof CaseEvent)[];
      await tx.query(
        `INSERT INTO rating_case_events (rating_id, at, sub, by_name, idempotency_key, request_hash, ${columns.map(snake).join(', ')})
         VALUES (${[...Array(6 + columns.length).keys()].map((i) => `$${i + 1}`).join(', ')})`,
        [
          w.id,
          at.toISOString(),
          w.actor.sub,
          w.actor.name ?? null,
          w.key,
          requestHash,
          ...columns.map((c) => event[c] ?? null),
        ],
      );
      if (set) await tx.query(`UPDATE rating_follow_ups SET ${set} WHERE rating_id = $1`, [w.id, ...params]);
      await w.log(tx);
      return { view: (await this.get(w.id, tx))!, replayed: false };
    });
  }

  /** A step to the next state (one of the case's `next`), with its note and the reply to the resident. */
  async transition(w: DeskWrite, input: TransitionInput) {
    const say = (zh: string, en: string) => (w.lang === 'en' ? en : zh);
    return this.write(w, 'step', input, async (tx, r, at) => {
      const allowed = nextStates(standing(r));
      if (!allowed.includes(input.to)) {
        throw conflict(
          `该差评当前为“${PLAIN_STEP[r.state]}”，不能转为“${PLAIN_STEP[input.to]}”。`,
          `A case in state ${r.state} cannot move to ${input.to}.`,
          { allowed },
        );
      }
      const errors: FieldError[] = [];
      const refuse = (pointer: string, code: string, zh: string, en: string) =>
        errors.push({ pointer, code, message: say(zh, en) });
      if (input.to === 'reviewed' && !input.outcome)
        refuse(
          '/outcome',
          'required',
          '复核须给出结论（upheld 或 annulled）',
          'a review needs an outcome (upheld or annulled)',
        );
      if (input.to !== 'reviewed' && input.outcome)
        refuse('/outcome', 'not-allowed', '只有复核才有结论', 'only a review has an outcome');
      if (input.outcome === 'annulled' && !input.annulReason)
        refuse(
          '/annulReason',
          'required',
          '作废评价须说明原因（malicious 或 mistaken）',
          'an annulment needs a reason (malicious or mistaken)',
        );
      if (input.outcome !== 'annulled' && input.annulReason)
        refuse('/annulReason', 'not-allowed', '只有作废评价才有作废原因', 'only an annulment has a reason');
      if (errors.length) throw validationProblem(errors);
      if (input.to === 'closed' && r.contact_consent) {
        const { rows } = await tx.query(
          `SELECT 1 FROM rating_case_events WHERE rating_id = $1 AND kind = 'revisit' LIMIT 1`,
          [r.id],
        );
        if (!rows.length)
          throw conflict(
            '评价人留下了联系电话：办结前须先记录回访。',
            'The resident left a number: record the 回访 before closing the case.',
            { allowed },
          );
      }
      const finishes = input.to === 'closed' || input.outcome === 'annulled';
      return {
        event: {
          kind: 'step',
          state: input.to,
          note: input.note,
          reply: input.reply,
          outcome: input.outcome,
          annulReason: input.annulReason,
        },
        set: `state = $2, appealed_from = CASE WHEN $2 = 'appealed' THEN $3 ELSE appealed_from END,
              appeal_outcome = COALESCE($4, appeal_outcome), annul_reason = COALESCE($5, annul_reason),
              closed_at = CASE WHEN $6 THEN $7::timestamptz ELSE closed_at END`,
        params: [input.to, r.state, input.outcome ?? null, input.annulReason ?? null, finishes, at.toISOString()],
      };
    });
  }

  /** Hands the case to a department of the catalogue, until it is finished. */
  async assign(w: DeskWrite, input: AssignmentInput) {
    return this.write(w, 'assignment', input, async (tx, r) => {
      if (isFinished(standing(r)))
        throw conflict('该差评已办结，不能再转办。', 'The case is finished and cannot be reassigned.');
      const { rows } = await tx.query('SELECT 1 FROM services WHERE department = $1 LIMIT 1', [input.department]);
      if (!rows.length) {
        throw validationProblem([
          {
            pointer: '/department',
            code: 'enum',
            message: w.lang === 'en' ? 'there is no such department' : '没有这个部门',
          },
        ]);
      }
      return {
        event: { kind: 'assignment', note: input.note ?? `转${input.department}办理`, department: input.department },
        set: 'department = $2',
        params: [input.department],
      };
    });
  }

  /** A 回访: whether the resident was reached, and their verdict on the fix. */
  async revisit(w: DeskWrite, input: RevisitInput) {
    return this.write(w, 'revisit', input, async (_tx, r) => {
      if (!mayRevisit(r.state))
        throw conflict(
          '整改或回访阶段才能记录回访。',
          'A 回访 is recorded while the case is being rectified or called back on.',
        );
      if (!input.reached && input.verdict) {
        throw validationProblem([
          {
            pointer: '/verdict',
            code: 'not-allowed',
            message:
              w.lang === 'en' ? 'a resident who was not reached gave no verdict' : '未联系上评价人时没有评价人的意见',
          },
        ]);
      }
      return {
        event: { kind: 'revisit', note: input.note, reached: input.reached, verdict: input.verdict },
        set: input.reached ? 'revisited = true' : '',
        params: [],
      };
    });
  }

  /** The departments a case can be assigned to: those of the service catalogue. */
  async departments(): Promise<string[]> {
    const { rows } = await this.db.query<{ department: string }>(
      'SELECT DISTINCT department FROM services ORDER BY department',
    );
    return rows.map((r) => r.department);
  }

  // ------------------------------------------------------------------ the resident's tracking view

  /** The follow-up with this tracking code, when it belongs to this case (signed or not): only what residents see. */
  async residentView(code: string, caseId: string, q: Queryable = this.db): Promise<ResidentFollowUp | null> {
    const r = await this.row(q, 'f.tracking_code = $1 AND r.case_id = $2', [code, caseNumberOf(caseId)]);
    return r ? this.publicView(r, await this.events(q, r.id)) : null;
  }

  private publicView(r: CaseRow, events: EventRow[]): ResidentFollowUp {
    const acceptedAt = isoLocal(asDate(r.created_at));
    const steps = events.filter((e) => e.kind === 'step');
    const history: ResidentFollowUp['history'] = [
      { status: 'received', at: acceptedAt, note: `差评已受理，将在 ${r.working_days} 个工作日内整改反馈` },
    ];
    for (const e of steps) {
      const status = LEGACY_STATUS[e.state as keyof typeof LEGACY_STATUS];
      if (status) history.push({ status, at: isoLocal(asDate(e.at)), note: e.reply ?? PLAIN_STEP[e.state!] });
    }
    const verdict = this.verdictOf(r);
    return {
      trackingCode: r.tracking_code,
      level: r.level,
      status: history[history.length - 1]!.status,
      createdAt: acceptedAt,
      dueBy: r.due_by,
      history,
      state: r.state,
      department: r.department,
      steps: [
        { state: 'accepted', at: acceptedAt },
        ...steps.map((e) => ({ state: e.state!, at: isoLocal(asDate(e.at)), ...(e.reply ? { reply: e.reply } : {}) })),
      ],
      verdict,
      verdictOpen: r.state === 'closed' && verdict === null,
    };
  }

  /**
   * The resident's verdict on the fix, once: the same verdict again is a replay, another one 409; before the case
   * is closed (or once it was annulled, or a verdict was deemed) 409 too. null: no such follow-up for this case.
   */
  async giveVerdict(
    code: string,
    caseId: string,
    verdict: Verdict,
  ): Promise<{ view: ResidentFollowUp; replayed: boolean } | null> {
    return this.db.transaction(async (tx) => {
      const r = await this.row(tx, 'f.tracking_code = $1 AND r.case_id = $2', [code, caseNumberOf(caseId)], true);
      if (!r) return null;
      const given = this.verdictOf(r);
      if (given && !given.defaulted && given.verdict === verdict)
        return { view: this.publicView(r, await this.events(tx, r.id)), replayed: true };
      if (given) {
        throw conflict(
          '您已对整改结果作出评价，不能更改。',
          'A verdict on the fix was given already and cannot be changed.',
          { verdict: given },
        );
      }
      if (r.state !== 'closed')
        throw conflict('整改办结后才能评价整改结果。', 'The fix can be judged once the follow-up is closed.');
      const at = this.now();
      await tx.query('UPDATE rating_follow_ups SET verdict = $2, verdict_at = $3 WHERE rating_id = $1', [
        r.id,
        verdict,
        at.toISOString(),
      ]);
      return { view: (await this.residentView(code, caseId, tx))!, replayed: false };
    });
  }
}
