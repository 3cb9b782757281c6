import { from, to } from 'opencc-js/preset/t2cn';
import type { DictLike } from 'opencc-js/core';

/**
 * Traditional → simplified, character by character, from OpenCC's dictionaries: the standard traditional
 * characters (TSCharacters) plus the Taiwan and Hong Kong variant forms, which are first mapped to the standard
 * traditional form and then simplified.
 */
function characterPairs(dicts: readonly (readonly DictLike[])[] | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  for (const group of dicts ?? []) {
    for (const dict of group) {
      const entries: readonly (readonly [string, string])[] =
        typeof dict === 'string'
          ? dict.split('|').map((e) => {
              const [k = '', v = ''] = e.split(' ');
              return [k, v] as const;
            })
          : dict;
      for (const [key, value] of entries) {
        if ([...key].length === 1 && value && [...value].length === 1) pairs.push([key, value]);
      }
    }
  }
  return pairs;
}

let cached: Map<string, string> | undefined;

/** The whole traditional→simplified character table (about 4,000 pairs). */
export function traditionalTable(): Map<string, string> {
  if (cached) return cached;
  const toSimplified = new Map<string, string>();
  for (const [t, s] of characterPairs(to.cn)) if (!toSimplified.has(t)) toSimplified.set(t, s);
  for (const region of ['tw', 'hk'] as const) {
    for (const [variant, standard] of characterPairs(from[region])) {
      const simplified = toSimplified.get(standard) ?? standard;
      if (variant !== simplified && !toSimplified.has(variant)) toSimplified.set(variant, simplified);
    }
  }
  for (const [t, s] of toSimplified) if (t === s) toSimplified.delete(t);
  cached = toSimplified;
  return toSimplified;
}

/** The part of the table whose simplified side occurs in `chars`: what a client needs for one catalogue. */
export function traditionalFor(chars: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [t, s] of [...traditionalTable()].sort(([a], [b]) => (a < b ? -1 : 1))) if (chars.has(s)) out[t] = s;
  return out;
}

export function foldTraditional(text: string): string {
  const table = traditionalTable();
  return [...text].map((ch) => table.get(ch) ?? ch).join('');
}
