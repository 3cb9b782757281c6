import chineseDays from 'chinese-days';

/**
 * Working days on China's official calendar (docs/decisions/071-rating-deadlines-working-days.md): weekends and the
 * State Council's public holidays are off, and the make-up working days (调休, a Saturday or Sunday worked instead)
 * are on. The arrangements come from `chinese-days`, which knows them for the years the State Council has announced
 * when the package was released; for a later year it knows only weekends. A deployment adds or corrects days
 * (a year announced after the release, a local holiday) with overrides: `2027-10-01:off,2027-09-26:on`.
 */
export type DayOverrides = ReadonlyMap<string, boolean>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2027-10-01:off,2027-09-26:on` (ZW_WORKDAY_OVERRIDES) as a map from day to whether it is a working day. */
export function parseDayOverrides(text: string | undefined): Map<string, boolean> {
  const map = new Map<string, boolean>();
  for (const part of (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [day = '', what = ''] = part.split(':').map((s) => s.trim());
    if (!DAY.test(day) || !['on', 'off'].includes(what)) {
      throw new Error(`ZW_WORKDAY_OVERRIDES: "${part}" is not <YYYY-MM-DD>:on or <YYYY-MM-DD>:off`);
    }
    map.set(day, what === 'on');
  }
  return map;
}

/** The last year whose official arrangements the calendar package holds (it lists no holidays for later ones). */
function lastKnownYear(): number {
  let year = 2004; // the package's first year
  while (chineseDays.getHolidaysInRange(`${year + 1}-01-01`, `${year + 1}-12-31`, false).length > 0) year += 1;
  return year;
}

const shift = (day: string, by: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
};

export class WorkingCalendar {
  private readonly overrides: DayOverrides;
  /** Arrangements are known up to the end of this year; beyond it only weekends are off (unless overridden). */
  readonly knownThrough: number;

  constructor(overrides: DayOverrides = new Map()) {
    this.overrides = overrides;
    this.knownThrough = lastKnownYear();
  }

  isWorkday(day: string): boolean {
    const override = this.overrides.get(day);
    if (override !== undefined) return override;
    if (Number(day.slice(0, 4)) <= this.knownThrough) return chineseDays.isWorkday(day);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The day `days` working days after `day` (the day itself not counted, whether it is a working day or not). */
  addWorkingDays(day: string, days: number): string {
    let at = day;
    for (let left = days; left > 0;) {
      at = shift(at, 1);
      if (this.isWorkday(at)) left -= 1;
    }
    return at;
  }

  /**
   * Working days from `from` to `to`: the working days after `from` up to and including `to`, so 0 when they are the
   * same day (or only days off lie between), negative when `to` is earlier.
   */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let n = 0;
    for (let at = shift(from, 1); at <= to; at = shift(at, 1)) if (this.isWorkday(at)) n += 1;
    return n;
  }
}
