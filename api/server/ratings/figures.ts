import { instantAt, localTime } from '../clock.ts';
import { asDate, type Queryable } from '../db.ts';
import { findHall } from '../queue/halls.ts';
import type { components } from '../../../src/core/api/types.gen.ts';

/**
 * The 好差评 figures a district publishes (docs/decisions/074-rating-figures.md), per hall, department or month:
 * 好评率 (levels 3–5 of all ratings), 差评整改率 (差评 whose follow-up is closed, of all 差评), 回访率 (差评 whose
 * resident was reached, of the 差评 that left a number) and the on-time rate (closed by the deadline, of those closed
 * or past their deadline). Ratings annulled on appeal are left out. Public: a group with fewer ratings than
 * MINIMUM_COUNT shows no numbers, since a rate over two or three ratings can point at the residents who gave them.
 */
export type RatingFigures = components['schemas']['RatingFigures'];
type Row = RatingFigures['rows'][number];

export const MINIMUM_COUNT = 5;

interface FigureRow {
  hall_id: string | null;
  department: string | null;
  created_at: Date | string;
  level: number;
  state: string | null;
  contact_consent: boolean;
  revisited: boolean | null;
  due_by: string | null;
  closed_at: Date | string | null;
}

const rate = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);

export async function ratingFigures(
  q: Queryable,
  now: Date,
  query: { by: 'hall' | 'department' | 'month'; hall?: string; from?: string; to?: string },
): Promise<RatingFigures> {
  const { rows } = await q.query<FigureRow>(
    `SELECT r.hall_id, COALESCE(f.department, s.department) AS department, r.created_at, r.level, f.state,
            r.contact_consent, f.revisited, to_char(f.due_by, 'YYYY-MM-DD') AS due_by, f.closed_at
     FROM ratings r LEFT JOIN rating_follow_ups f ON f.rating_id = r.id LEFT JOIN services s ON s.code = r.service_code
     WHERE ($1::text IS NULL OR r.hall_id = $1) AND ($2::timestamptz IS NULL OR r.created_at >= $2)
       AND ($3::timestamptz IS NULL OR r.created_at < $3)
       AND NOT (f.state IS NOT NULL AND f.state = 'reviewed' AND f.appeal_outcome = 'annulled')`,
    [
      query.hall ?? null,
      query.from ? instantAt(query.from, 0).toISOString() : null,
      query.to ? instantAt(query.to, 24 * 60).toISOString() : null,
    ],
  );
  const today = localTime(now).date;
  const groups = new Map<string, { label: string; rows: FigureRow[] }>();
  for (const r of rows) {
    const month = localTime(asDate(r.created_at)).date.slice(0, 7);
    const [key, label] =
      query.by === 'hall'
        ? [r.hall_id ?? '-', (r.hall_id && findHall(r.hall_id)?.name) || '未指明大厅']
        : query.by === 'department'
          ? [r.department ?? '-', r.department ?? '未指明部门']
          : [month, `${month.slice(0, 4)}年${Number(month.slice(5))}月`];
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  const out: Row[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { label, rows: g }]) => {
      if (g.length < MINIMUM_COUNT) {
        return {
          key,
          label,
          suppressed: true,
          ratings: null,
          bad: null,
          goodRate: null,
          rectificationRate: null,
          revisitRate: null,
          onTimeRate: null,
        };
      }
      const bad = g.filter((r) => r.level <= 2 && r.state !== null);
      const closed = bad.filter((r) => r.state === 'closed');
      const withContact = bad.filter((r) => r.contact_consent);
      const closedDay = (r: FigureRow) => localTime(asDate(r.closed_at!)).date;
      const onTime = closed.filter((r) => closedDay(r) <= r.due_by!);
      const due = bad.filter((r) => r.state === 'closed' || (r.due_by !== null && r.due_by < today));
      return {
        key,
        label,
        suppressed: false,
        ratings: g.length,
        bad: g.filter((r) => r.level <= 2).length,
        goodRate: rate(g.filter((r) => r.level >= 3).length, g.length),
        rectificationRate: rate(closed.length, bad.length),
        revisitRate: rate(withContact.filter((r) => r.revisited).length, withContact.length),
        onTimeRate: rate(onTime.length, due.length),
      };
    });
  return {
    by: query.by,
    hall: query.hall ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    minimumCount: MINIMUM_COUNT,
    rows: out,
  };
}
