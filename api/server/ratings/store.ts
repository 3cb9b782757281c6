import { randomUUID } from 'node:crypto';
import { isoLocal } from '../clock.ts';
import { asDate, type Db, type Queryable } from '../db.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { KEY_REUSED, ProblemError, validationProblem, type FieldError, type Lang } from '../problem.ts';
import { PersonalData } from '../personal-data.ts';
import type { RatingFollowUp, RatingInput, RatingReceipt, RatingSummary } from '../payloads.ts';
import { verifyCaseId, type CaseIdPolicy } from './case-ids.ts';
import { DEFAULT_WORKING_DAYS, RatingCases } from './cases.ts';
import { trackingCode } from './follow-up.ts';
import { cleanComment, reasonsFor } from './reasons.ts';
import { WorkingCalendar } from './working-days.ts';

/** The rules the schema cannot express, each reported at the field it concerns, in the client's language. */
export function ruleErrors(input: RatingInput, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const allowed = reasonsFor(input.level);
  input.reasons.forEach((code, i) => {
    if (!allowed.has(code)) {
      errors.push({
        pointer: `/reasons/${i}`,
        code: 'enum',
        message: say(`原因 ${code} 不属于所选评价等级`, `reason ${code} is not offered for level ${input.level}`),
      });
    }
  });
  if (input.level <= 2 && input.reasons.length === 0) {
    errors.push({
      pointer: '/reasons',
      code: 'minItems',
      message: say('选择“不满意”或“非常不满意”时，请至少选择一项原因', 'a bad rating needs at least one reason'),
    });
  }
  if (input.phone !== undefined && input.contactConsent !== true) {
    errors.push({
      pointer: '/contactConsent',
      code: 'required',
      message: say('留下手机号时须同意工作人员回访联系', 'a phone number needs contactConsent: true'),
    });
  }
  return errors;
}

/** 422 at /caseId: the case id does not carry a valid signature of the system that handled the case. */
function unverifiedCase(caseId: string, lang: Lang): ProblemError {
  const signed = caseId.includes('.');
  const message =
    lang === 'en'
      ? signed
        ? 'the signature does not match the case number'
        : 'the case id must carry the signature of the system that handled the case'
      : signed
        ? '办件编号的签名不符'
        : '办件编号须带有办件系统的签名';
  return validationProblem([{ pointer: '/caseId', code: 'signature', message }], {
    zh: '无法确认这个办件，请通过办件回执、短信或窗口评价器上的评价入口评价。',
    en: 'This case cannot be confirmed; please rate it from the link on your case receipt, the text message, or the rating pad at the window.',
  });
}

/** A rating ready to be stored: its row values, and the receipt that goes back (and is kept for replays). */
interface Prepared {
  receipt: RatingReceipt;
  values: unknown[];
  followUp: { code: string; dueBy: string } | null;
}

/** How many times a rating is tried again when only its random tracking code collided with another. */
const CODE_ATTEMPTS = 3;

/** A resident's contact for the 回访, as the rating officer of its hall sees it. */
export interface RatingContact {
  ratingId: string;
  hallId: string | null;
  level: number;
  trackingCode: string | null;
  phone: string;
  createdAt: string;
  /** The day the number is deleted (the retention period after the rating). */
  deleteOn: string;
}

/** A 差评 to follow up, without the resident's number. */
export interface FollowUpItem {
  ratingId: string;
  trackingCode: string;
  level: number;
  reasons: string[];
  comment: string | null;
  serviceCode: string | null;
  windowId: string | null;
  createdAt: string;
  dueBy: string;
  hasContact: boolean;
}

/** What is kept of a resident and for how long (docs/decisions/055-personal-data.md). */
export interface PersonalDataPolicy {
  data: PersonalData;
  /** Days a phone number left for the 回访 is kept after the rating; then it is deleted. */
  retentionDays: number;
}

export const DEFAULT_PERSONAL_DATA_DAYS = 60;

export class RatingStore {
  private readonly db: Db;
  private readonly now: () => Date;
  private readonly caseIds: CaseIdPolicy;
  private readonly personal: PersonalDataPolicy;
  /** The 差评 cases: their deadlines, steps and the residents' view of them (cases.ts). */
  readonly cases: RatingCases;
  /** Whether each new rating is queued for the provincial platform (reporting/provincial-push.ts). */
  private readonly pushToProvince: boolean;

  constructor(
    db: Db,
    now: () => Date,
    caseIds: CaseIdPolicy,
    personal: PersonalDataPolicy = { data: new PersonalData(), retentionDays: DEFAULT_PERSONAL_DATA_DAYS },
    options: { cases?: RatingCases; pushToProvince?: boolean } = {},
  ) {
    this.db = db;
    this.now = now;
    this.caseIds = caseIds;
    this.personal = personal;
    this.cases = options.cases ?? new RatingCases(db, now, { workingDays: DEFAULT_WORKING_DAYS, defaultVerdictDays: null, calendar: new WorkingCalendar() });
    this.pushToProvince = options.pushToProvince ?? false;
  }

  /**
   * Records a rating once. The insert itself claims the key and the case (both are unique), so concurrent
   * requests cannot both pass a check and then collide: the first insert wins; a concurrent one waits for it to
   * commit, inserts nothing, and then reads what won — the same key and body is a replay (200), the same key with
   * another body 422, another key for the same case 409.
   */
  async submit(input: RatingInput, key: string, lang: Lang): Promise<{ receipt: RatingReceipt; replayed: boolean }> {
    const errors = ruleErrors(input, lang);
    if (errors.length) throw validationProblem(errors);
    // The phone number enters the stored hash only as a keyed stand-in: a plain hash could be matched against every
    // mobile number in seconds, which would undo its encryption.
    const hashed = input.phone === undefined ? input : { ...input, phone: this.personal.data.blind(input.phone) };
    const requestHash = sha256Hex(canonicalJson({ op: 'submitRating', body: hashed }));
    // Most retries come after the first request finished: answered without a transaction (and whatever the
    // signing secrets are by now).
    const earlier = await this.byKey(this.db, key, requestHash);
    if (earlier) return earlier;
    const caseNumber = verifyCaseId(input.caseId, this.caseIds);
    if (caseNumber === null) throw unverifiedCase(input.caseId, lang);
    for (let attempt = 1; ; attempt += 1) {
      const prepared = await this.prepare({ ...input, caseId: caseNumber }, key, requestHash);
      const outcome = await this.db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO ratings (id, case_id, idempotency_key, request_hash, channel, level, reasons, comment, phone,
             contact_consent, service_code, window_id, staff_id, hall_id, tracking_code, receipt, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           ON CONFLICT DO NOTHING RETURNING id`,
          prepared.values,
        );
        if (inserted.rows.length) {
          const f = prepared.followUp;
          if (f) {
            // The case starts accepted; its steps are the rating officer's (cases.ts). `plan` is no longer written.
            await tx.query(
              `INSERT INTO rating_follow_ups (tracking_code, rating_id, due_by, plan, created_at, working_days) VALUES ($1, $2, $3::date, '[]'::jsonb, $4, $5)`,
              [f.code, prepared.receipt.id, f.dueBy, prepared.values[16], this.cases.policy.workingDays],
            );
          }
          if (this.pushToProvince) {
            await tx.query('INSERT INTO rating_pushes (rating_id, next_at, created_at) VALUES ($1, $2, $2)', [prepared.receipt.id, prepared.values[16]]);
          }
          return { receipt: prepared.receipt, replayed: false };
        }
        // The conflicting row is committed by now (the insert waited for it), and this statement sees it.
        const winner = await this.byKey(tx, key, requestHash);
        if (winner) return winner;
        await this.refuseRatedCase(tx, caseNumber);
        return null; // only the random tracking code collided
      });
      if (outcome) return outcome;
      if (attempt >= CODE_ATTEMPTS) throw new Error('Could not allocate a tracking code');
    }
  }

  /** The outcome of an earlier request with this key: its receipt, or 422 when the key came with another body. */
  private async byKey(q: Queryable, key: string, requestHash: string): Promise<{ receipt: RatingReceipt; replayed: true } | null> {
    const { rows } = await q.query<{ request_hash: string; receipt: RatingReceipt | string }>(
      'SELECT request_hash, receipt FROM ratings WHERE idempotency_key = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.request_hash !== requestHash) throw new ProblemError('idempotency-key-reuse', { detail: KEY_REUSED });
    const receipt = typeof row.receipt === 'string' ? (JSON.parse(row.receipt) as RatingReceipt) : row.receipt;
    return { receipt, replayed: true };
  }

  /** 409 with the rating on record when the case was rated already. */
  private async refuseRatedCase(q: Queryable, caseId: string): Promise<void> {
    const { rows } = await q.query<{ level: number; created_at: Date | string }>('SELECT level, created_at FROM ratings WHERE case_id = $1', [caseId]);
    const existing = rows[0];
    if (existing) {
      throw new ProblemError('already-rated', {
        detail: { zh: '每个办件只能评价一次。', en: 'Each case can be rated once.' },
        extensions: { existing: { level: existing.level, createdAt: isoLocal(asDate(existing.created_at)) } },
      });
    }
  }

  private async prepare(input: RatingInput, key: string, requestHash: string): Promise<Prepared> {
    const createdAt = this.now();
    const bad = input.level <= 2;
    const code = bad ? trackingCode(createdAt) : null;
    const dueBy = bad ? this.cases.dueBy(createdAt) : null;
    const workingDays = this.cases.policy.workingDays;
    const id = randomUUID();
    const receipt: RatingReceipt = {
      id,
      caseId: input.caseId,
      level: input.level,
      reasons: input.reasons,
      createdAt: isoLocal(createdAt),
      bad,
      trackingCode: code,
      followUp: dueBy ? { dueBy, workingDays } : null,
    };
    const comment = input.comment === undefined ? null : cleanComment(input.comment) || null;
    const values = [
      id,
      input.caseId,
      key,
      requestHash,
      input.channel,
      input.level,
      JSON.stringify(input.reasons),
      comment,
      // The phone number is kept only with the resident's consent (the rules above refuse it otherwise), sealed to
      // this row.
      input.contactConsent === true && input.phone !== undefined ? this.personal.data.seal(input.phone, id) : null,
      input.contactConsent === true,
      input.serviceCode ?? null,
      input.windowId ?? null,
      input.staffId ?? null,
      input.hallId ?? null,
      code,
      JSON.stringify(receipt),
      createdAt.toISOString(),
    ];
    return { receipt, values, followUp: code && dueBy ? { code, dueBy } : null };
  }

  /**
   * The follow-up with this tracking code, when it belongs to this case (a second factor: the code alone does not
   * open it). The case id may be given with or without its signature.
   */
  async followUp(code: string, caseId: string): Promise<RatingFollowUp | null> {
    return this.cases.residentView(code, caseId);
  }

  async summary(scope: { service?: string; window?: string; hall?: string }): Promise<RatingSummary> {
    const { rows } = await this.db.query<{ level: number; n: number }>(
      `SELECT level, count(*)::int AS n FROM ratings
       WHERE ($1::text IS NULL OR service_code = $1)
         AND ($2::text IS NULL OR window_id = $2)
         AND ($3::text IS NULL OR hall_id = $3)
         -- Ratings annulled on appeal (malicious or mistaken) leave the figures.
         AND NOT EXISTS (SELECT 1 FROM rating_follow_ups f
                         WHERE f.rating_id = ratings.id AND f.state = 'reviewed' AND f.appeal_outcome = 'annulled')
       GROUP BY level`,
      [scope.service ?? null, scope.window ?? null, scope.hall ?? null],
    );
    const byLevel: Record<'1' | '2' | '3' | '4' | '5', number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const r of rows) byLevel[String(r.level) as keyof typeof byLevel] = Number(r.n);
    const count = Object.values(byLevel).reduce((a, b) => a + b, 0);
    const good = byLevel['3'] + byLevel['4'] + byLevel['5'];
    return {
      scope: { service: scope.service ?? null, window: scope.window ?? null, hall: scope.hall ?? null },
      count,
      byLevel,
      goodRate: count === 0 ? null : Math.round((good / count) * 10_000) / 10_000,
    };
  }

  // ------------------------------------------------------------------ personal data

  /** The day a number left at `createdAt` is deleted. */
  private deleteOn(createdAt: Date): string {
    return new Date(createdAt.getTime() + this.personal.retentionDays * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  }

  /** The contact a resident left with a rating, opened for the rating officer; null when none is kept (any more). */
  async contact(ratingId: string, q: Queryable = this.db): Promise<RatingContact | null> {
    const { rows } = await q.query<{ id: string; hall_id: string | null; level: number; tracking_code: string | null; phone: string | null; created_at: Date | string }>(
      'SELECT id, hall_id, level, tracking_code, phone, created_at FROM ratings WHERE id = $1',
      [ratingId],
    );
    const row = rows[0];
    if (!row?.phone) return null;
    const createdAt = asDate(row.created_at);
    return {
      ratingId: row.id,
      hallId: row.hall_id,
      level: row.level,
      trackingCode: row.tracking_code,
      phone: this.personal.data.open(row.phone, row.id),
      createdAt: isoLocal(createdAt),
      deleteOn: this.deleteOn(createdAt),
    };
  }

  /** The hall of a rating, to check the officer's scope before anything is opened (undefined: no such rating). */
  async hallOf(ratingId: string): Promise<string | null | undefined> {
    const { rows } = await this.db.query<{ hall_id: string | null }>('SELECT hall_id FROM ratings WHERE id = $1', [ratingId]);
    return rows[0] ? rows[0].hall_id : undefined;
  }

  /** A hall's 差评 with a follow-up, newest first, without the residents' numbers. */
  async followUps(hallId: string, limit: number): Promise<FollowUpItem[]> {
    const { rows } = await this.db.query<{
      id: string;
      tracking_code: string;
      level: number;
      reasons: string[] | string;
      comment: string | null;
      service_code: string | null;
      window_id: string | null;
      created_at: Date | string;
      due_by: string;
      has_contact: boolean;
    }>(
      `SELECT r.id, f.tracking_code, r.level, r.reasons, r.comment, r.service_code, r.window_id, r.created_at,
              to_char(f.due_by, 'YYYY-MM-DD') AS due_by, r.phone IS NOT NULL AS has_contact
       FROM rating_follow_ups f JOIN ratings r ON r.id = f.rating_id
       WHERE r.hall_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`,
      [hallId, limit],
    );
    return rows.map((r) => ({
      ratingId: r.id,
      trackingCode: r.tracking_code,
      level: r.level,
      reasons: typeof r.reasons === 'string' ? (JSON.parse(r.reasons) as string[]) : r.reasons,
      comment: r.comment,
      serviceCode: r.service_code,
      windowId: r.window_id,
      createdAt: isoLocal(asDate(r.created_at)),
      dueBy: r.due_by,
      hasContact: r.has_contact,
    }));
  }

  /**
   * Deletes the numbers kept longer than the retention period, and seals any a server before sealing stored in
   * plain text. Run at start and every hour, by every replica (it is idempotent); returns how many were deleted.
   */
  async sweepPersonalData(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.personal.retentionDays * 86_400_000);
    const deleted = await this.db.query('UPDATE ratings SET phone = NULL WHERE phone IS NOT NULL AND created_at < $1 RETURNING id', [cutoff.toISOString()]);
    const { rows } = await this.db.query<{ id: string; phone: string }>(`SELECT id, phone FROM ratings WHERE phone IS NOT NULL AND phone NOT LIKE 'zwpd1.%'`);
    for (const r of rows) {
      await this.db.query('UPDATE ratings SET phone = $2 WHERE id = $1 AND phone = $3', [r.id, this.personal.data.seal(r.phone, r.id), r.phone]);
    }
    return deleted.rows.length;
  }
}
