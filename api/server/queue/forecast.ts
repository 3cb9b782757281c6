import { parseClockTime, weekdayOf } from '../clock.ts';
import { draw, seedOf } from '../hash.ts';
import type { Forecast, ForecastHour } from '../payloads.ts';
import type { HallDef } from './halls.ts';


// Halls are busiest mid-morning and early afternoon, quiet just before closing.
const SHAPE: Record<number, number> = { 8: 0.8, 9: 1.1, 10: 1.5, 11: 1.2, 12: 0.6, 13: 0.7, 14: 1.0, 15: 1.1, 16: 0.6, 17: 0.4 };
// Mondays carry the weekend's backlog; Fridays the rush before it.
const WEEKDAY: Record<number, number> = { 1: 1.35, 2: 1.0, 3: 0.95, 4: 1.0, 5: 1.15, 6: 0.8, 0: 0.8 };

export function levelOf(minutes: number): ForecastHour['level'] {
  if (minutes < 15) return 'low';
  if (minutes < 30) return 'medium';
  return 'high';
}

/** The local hours during which the hall serves for at least part of the hour. */
export function openingHours(hall: HallDef): number[] {
  const opens = parseClockTime(hall.hours.opens);
  const closes = parseClockTime(hall.hours.closes);
  const [lunchFrom, lunchTo] = hall.hours.lunch ? hall.hours.lunch.split('-').map(parseClockTime) : [0, 0];
  const hours: number[] = [];
  for (let h = Math.floor(opens / 60); h * 60 < closes; h += 1) {
    const from = Math.max(h * 60, opens);
    const to = Math.min(h * 60 + 60, closes);
    const lunchCovers = lunchFrom !== undefined && lunchTo !== undefined && from >= lunchFrom && to <= lunchTo;
    if (to > from && !lunchCovers) hours.push(h);
  }
  return hours;
}

/** Expected waits per opening hour: the same for the same hall and date, whoever asks. */
export function forecast(hall: HallDef, date: string): Forecast {
  const weekday = weekdayOf(date);
  if (!hall.weekdays.includes(weekday)) return { hallId: hall.id, date, hours: [] };
  const d = draw(seedOf(`forecast:${hall.id}:${date}`));
  const base = hall.windows.length >= 10 ? 24 : 11;
  const hours = openingHours(hall).map((hour): ForecastHour => {
    const minutes = Math.round(base * (SHAPE[hour] ?? 0.8) * (WEEKDAY[weekday] ?? 1) * (0.8 + 0.4 * d()));
    return { hour, expectedWaitMinutes: minutes, level: levelOf(minutes) };
  });
  return { hallId: hall.id, date, hours };
}
