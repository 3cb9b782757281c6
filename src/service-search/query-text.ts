/**
 * What a resident typed, made comparable with item names: full-width forms folded (NFKC), lower case,
 * traditional characters mapped to simplified ones with the catalogue's own table, and every character that is
 * neither Han, a Latin letter nor a digit turned into a space (a boundary between pinyin syllables or words).
 */
export function normalizeQuery(raw: string, traditional: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of raw.normalize('NFKC').toLowerCase()) {
    const simple = traditional[ch] ?? ch;
    out += isHan(simple.charCodeAt(0)) || /[a-z0-9]/.test(simple) ? simple : ' ';
  }
  return out.replace(/ +/g, ' ').trim();
}

/** CJK unified ideographs (with extension A), the characters item names are written in. */
export const isHan = (code: number): boolean => code >= 0x3400 && code <= 0x9fff;

/** A Latin letter a–z (lower case). */
export const isLetter = (code: number): boolean => code >= 97 && code <= 122;
