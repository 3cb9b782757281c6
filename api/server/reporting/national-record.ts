import { instantAt, isoLocal } from '../clock.ts';
import { asDate, type Queryable } from '../db.ts';
import { findHall } from '../queue/halls.ts';
import type { components } from '../../../src/core/api/types.gen.ts';
import type { CaseRow, RatingCases } from '../ratings/cases.ts';
import { RATING_LEVELS } from '../ratings/reasons.ts';

/**
 * Ratings as records of the national 好差评 evaluation record's field set (docs/decisions/073-national-rating-records.md),
 * for the export and the push to the provincial platform. The fields and their order are those of
 * `NationalRatingRecord` in api/openapi.yaml, which schemas/national-rating-record.schema.json ships as JSON Schema.
 */
export type NationalRatingRecord = components['schemas']['NationalRatingRecord'];
export type NationalRatingExport = components['schemas']['NationalRatingExport'];

/** A rating with whatever follow-up it has (the follow-up's columns are null for ratings that are not 差评). */
type RecordRow = Omit<CaseRow, 'tracking_code' | 'due_by' | 'working_days' | 'state' | 'revisited'> & {
  tracking_code: string | null;
  due_by: string | null;
  working_days: number | null;
  state: CaseRow['state'] | null;
  revisited: boolean | null;
  /** The verdict the resident gave at the last 回访 that reached them. */
  revisit_verdict: CaseRow['verdict'];
};

const COLUMNS = `r.id, r.case_id, r.tracking_code, r.hall_id, r.level, r.reasons, r.comment, r.channel, r.service_code,
  s.name AS service_name, s.department AS service_department, r.window_id, r.staff_id, r.contact_consent,
  r.phone IS NOT NULL AS has_contact, r.created_at, to_char(f.due_by, 'YYYY-MM-DD') AS due_by, f.working_days, f.state,
  f.department, f.appealed_from, f.appeal_outcome, f.annul_reason, f.closed_at, f.revisited, f.verdict, f.verdict_at,
  (SELECT e.verdict FROM rating_case_events e WHERE e.rating_id = r.id AND e.kind = 'revisit' AND e.verdict IS NOT NULL
   ORDER BY e.at DESC, e.id DESC LIMIT 1) AS revisit_verdict`;
const FROM = `ratings r LEFT JOIN rating_follow_ups f ON f.rating_id = r.id LEFT JOIN services s ON s.code = r.service_code`;

/** The fields of a record, in the order of the schema (the CSV's columns). */
export const RECORD_FIELDS = [
  'recordId',
  'caseId',
  'serviceCode',
  'serviceName',
  'level',
  'levelName',
  'reasonCodes',
  'comment',
  'channel',
  'ratedAt',
  'hallId',
  'hallName',
  'department',
  'windowId',
  'staffId',
  'rectificationState',
  'dueBy',
  'closedAt',
  'onTime',
  'revisited',
  'residentVerdict',
  'annulled',
] as const satisfies readonly (keyof NationalRatingRecord)[];

export function toRecord(r: RecordRow, cases: RatingCases): NationalRatingRecord {
  const followUp = r.state !== null ? (r as CaseRow) : null;
  return {
    recordId: r.id,
    caseId: r.case_id,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    level: r.level,
    levelName: RATING_LEVELS.find((l) => l.level === r.level)!.name as NationalRatingRecord['levelName'],
    reasonCodes: typeof r.reasons === 'string' ? (JSON.parse(r.reasons) as string[]) : r.reasons,
    comment: r.comment,
    channel: r.channel as NationalRatingRecord['channel'],
    ratedAt: isoLocal(asDate(r.created_at)),
    hallId: r.hall_id,
    hallName: (r.hall_id && findHall(r.hall_id)?.name) || null,
    // 谁办理谁负责: the department the case was assigned to, else the one responsible for the service item.
    department: r.department ?? r.service_department,
    windowId: r.window_id,
    staffId: r.staff_id,
    rectificationState: r.state,
    dueBy: r.due_by,
    closedAt: r.closed_at ? isoLocal(asDate(r.closed_at)) : null,
    onTime: followUp ? cases.onTime(followUp) : null,
    revisited: r.revisited,
    // The resident's own verdict, else the one they gave at the 回访, else one deemed after the configured days.
    residentVerdict: followUp ? (r.verdict ?? r.revisit_verdict ?? cases.verdictOf(followUp)?.verdict ?? null) : null,
    annulled: r.state === 'reviewed' && r.appeal_outcome === 'annulled',
  };
}

/** The records of the ratings given on the local days `from` to `to` (inclusive), oldest first. */
export async function exportRecords(
  q: Queryable,
  cases: RatingCases,
  range: { from: string; to: string; hall?: string },
): Promise<NationalRatingExport> {
  const start = instantAt(range.from, 0);
  const end = instantAt(range.to, 24 * 60);
  const { rows } = await q.query<RecordRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE r.created_at >= $1 AND r.created_at < $2 AND ($3::text IS NULL OR r.hall_id = $3)
     ORDER BY r.created_at, r.id`,
    [start.toISOString(), end.toISOString(), range.hall ?? null],
  );
  const records = rows.map((r) => toRecord(r, cases));
  return { from: range.from, to: range.to, hall: range.hall ?? null, count: records.length, records };
}

/** One rating's record (for the push), or null when there is no such rating. */
export async function recordOf(
  q: Queryable,
  cases: RatingCases,
  ratingId: string,
): Promise<NationalRatingRecord | null> {
  const { rows } = await q.query<RecordRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [ratingId]);
  return rows[0] ? toRecord(rows[0], cases) : null;
}
