/**
 * Government-service times are China Standard Time (UTC+8, no daylight saving) whatever the resident's device says:
 * a hall's queue, a 差评's follow-up and its due date are all kept and spoken of in Beijing time.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** An instant as a date and time in China, in the reader's language (`2026/11/23 10:32:15`). */
export const chinaDateTime = (iso: string, locale: string): string =>
  new Date(iso).toLocaleString(locale, { timeZone: CHINA_TIME_ZONE, hourCycle: 'h23' });
