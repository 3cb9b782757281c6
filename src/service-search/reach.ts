import { isLetter } from './query-text.js';
import type { Syllables } from './syllables.js';

/**
 * The strict matcher for typed pinyin and mixed input, run on every name at every keystroke, so it works on bit
 * sets: after each name character, which query positions can have been reached (up to 30 typed characters).
 * Four reach sets advance together — from the name's first character without gaps, without gaps from anywhere,
 * with at most one gap, and with any gaps — which is all the ranking needs; exact alignments (for highlighting)
 * come from `Aligner`. A position advances over a character by the syllable options of `Syllables` (whole
 * syllable, initial, unfinished end), or by the very same character for Han and digits.
 */
export class Reach {
  private q = '';
  private runEnd: number[] = [];
  private table = new Int32Array(0);
  private width = 0;

  constructor(private readonly syllables: Syllables) {}

  /** Prepares for a query (normalized, spaces between runs); false when it is too long for the bit sets. */
  prepare(text: string): boolean {
    this.q = text.replace(/ /g, '');
    if (this.q.length > 30) return false;
    this.runEnd = [];
    let end = -1;
    for (let i = text.length - 1, k = this.q.length; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (!isLetter(code)) end = -1;
      if (code === 32) continue;
      k--;
      if (isLetter(code)) this.runEnd[k] = end < 0 ? (end = k + 1) : end;
    }
    this.width = this.syllables.list.length;
    const size = this.q.length * this.width;
    if (this.table.length < size) this.table = new Int32Array(size);
    this.table.fill(-1, 0, size);
    return true;
  }

  /**
   * 0 when the query matches from the name's start without gaps, 1 without gaps elsewhere, 2 with one gap,
   * 3 with more; -1 when it does not match.
   */
  match(text: string, sy: Uint16Array): number {
    if (this.q.length === 1) {
      for (let j = 0; j < text.length; j++) if (this.step(1, text.charCodeAt(j), sy[j])) return j ? 1 : 0;
      return -1;
    }
    const done = 1 << this.q.length;
    let start = 1;
    let free = 0;
    let freeEver = 0;
    let oneGap = 0;
    let any = 1;
    let found = 4;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const s = sy[j];
      // Sources for this character: a chain from the start; a chain begun anywhere; a chain that may jump once from
      // any earlier gap-free position; anything reached so far. Equal sources share one step.
      const fromFree = free | 1;
      const fromGap = oneGap | freeEver | 1;
      const a = start ? this.step(start, code, s) : 0;
      const b = fromFree === start ? a : this.step(fromFree, code, s);
      const c = fromGap === fromFree ? b : this.step(fromGap, code, s);
      const d = any === fromGap ? c : this.step(any, code, s);
      start = a;
      free = b;
      freeEver |= b;
      oneGap = c;
      any |= d;
      if (start & done) return 0;
      if (free & done) {
        if (!start) return 1;
        found = 1;
      } else if (oneGap & done) found = Math.min(found, 2);
      else if (any & done) found = Math.min(found, 3);
    }
    return found < 4 ? found : -1;
  }

  /** The query positions reachable from the set `from` by taking one name character. */
  private step(from: number, code: number, s: number): number {
    const { q } = this;
    let out = 0;
    for (let bits = from & ((1 << q.length) - 1); bits; bits &= bits - 1) {
      const i = 31 - Math.clz32(bits & -bits);
      const typed = q.charCodeAt(i);
      if (s && isLetter(typed)) {
        const key = i * this.width + s;
        let to = this.table[key];
        if (to < 0) {
          to = 0;
          const options = this.syllables.options(q.slice(i, this.runEnd[i]), s, false);
          for (let o = 0; o < options.length; o += 2) to |= 1 << (i + options[o]);
          this.table[key] = to;
        }
        out |= to;
      } else if (typed === code) out |= 2 << i;
    }
    return out;
  }
}
