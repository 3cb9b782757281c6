import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * Toneless lowercase syllables, one per Han character of `text` (other characters are left out).
 * pinyin-pro reads polyphonic characters in context (银行 → yin hang); ü is written v, as keyboards type it.
 */
export function syllables(text: string): string[] {
  const han = [...text].filter(isHan).join('');
  if (!han) return [];
  const out = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  // One syllable per character is the contract; fall back to reading characters one by one if it ever differs.
  if (out.length === [...han].length) return out;
  return [...han].map((ch) => pinyin(ch, { toneType: 'none', type: 'array', v: true })[0]?.toLowerCase() ?? '');
}

/** Every toneless reading of one Han character, the most common first. */
export function readings(char: string): string[] {
  const all = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true }).map((s) => s.toLowerCase());
  return [...new Set(all)].filter((s) => /^[a-z]{1,8}$/.test(s));
}

export function initialsOf(sylls: readonly string[]): string {
  return sylls.map((s) => s[0] ?? '').join('');
}
