import { CHINA_TIME_ZONE } from '../core/china-time.js';

/** The halls keep China Standard Time (UTC+8, no daylight saving), whatever the resident's device says. */
const shifted = () => new Date(Date.now() + 8 * 3_600_000);

/** Today's date in the hall, `YYYY-MM-DD`: ticket numbers restart every day. */
export const hallDate = (): string => shifted().toISOString().slice(0, 10);

/** The current hour in the hall, 0–23. */
export const hallHour = (): number => shifted().getUTCHours();

/** `HH:mm:ss` of an instant, in the hall's time. */
export const hallClock = (iso: string, locale: string): string =>
  new Date(iso).toLocaleTimeString(locale, { timeZone: CHINA_TIME_ZONE, hourCycle: 'h23' });
