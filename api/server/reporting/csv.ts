import { RECORD_FIELDS, type NationalRatingRecord } from './national-record.ts';

/**
 * National rating records as CSV (RFC 4180): a header row of the field names in the schema's order, CRLF line ends,
 * a byte order mark so that spreadsheet programs read the Chinese as UTF-8, and reason codes joined by `|`.
 * Residents write the comments: a cell a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage
 * return first) gets a leading `'`, so opening the file runs nothing.
 */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('|') : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(records: readonly NationalRatingRecord[]): string {
  const lines = [RECORD_FIELDS.join(','), ...records.map((r) => RECORD_FIELDS.map((f) => cell(r[f])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
