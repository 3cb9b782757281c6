import { randomInt } from 'node:crypto';
import { localTime } from '../clock.ts';

// No 0/O or 1/I: the code is read out over the phone. 32 letters and digits, so each carries 5 bits.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A tracking code: the day, then 16 random characters (80 bits) in groups of four, `HC20261123-7F3K-9QMA-2XWD-PLR8`.
 * Nobody can find other residents' follow-ups by trying codes (and a lookup also needs the case id).
 */
export function trackingCode(createdAt: Date): string {
  const day = localTime(createdAt).date.replaceAll('-', '');
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return `HC${day}-${groups.join('-')}`;
}

/** Codes as issued now, and the four-character ones issued before (still looked up, with their case id). */
export const TRACKING_CODE = /^HC[0-9]{8}(-[0-9A-Z]{4}){1,4}$/;
