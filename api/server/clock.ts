/**
 * Local time for the halls. China has one zone (UTC+8) and no daylight saving, so a fixed
 * offset is exact and keeps the server independent of the host's TZ setting.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export type Clock = () => Date;

export interface LocalTime {
  /** Calendar day in China, YYYY-MM-DD. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export function localTime(at: Date): LocalTime {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: shifted.getUTCDay(),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

export function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

/** "09:30" → 570. */
export function parseClockTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The weekday of a YYYY-MM-DD calendar day. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Adds working days (Monday–Friday) to a calendar day; statutory holidays are not modelled. */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (!isWeekend(d.getUTCDay())) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** The instant of a local wall-clock time on a calendar day. */
export function instantAt(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minutes * 60_000);
}

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/** RFC 3339 in China's offset, the form the API uses for every date-time: 2026-11-23T10:15:12+08:00. */
export function isoLocal(at: Date): string {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
