import { isHan, isLetter } from './query-text.js';
import type { Syllables } from './syllables.js';

/**
 * The matcher run on every name at every keystroke of pinyin or mixed input, so it works on bit sets: after each
 * name character, which query positions can have been reached (up to 30 typed characters). A position advances
 * over a character by the syllable options of `Syllables` (whole syllable, initial, unfinished end), or by the very
 * same character for Han and digits. `match` keeps three reach sets — chained from the name's first character,
 * chained from anywhere, and with any gaps — which is all the ranking needs; `slipped` keeps two — without and with
 * one slip. Exact alignments (for points and highlighting) come from `Aligner`, only for what may be shown.
 */
export class Reach {
  private q = '';
  private runEnd: number[] = [];
  private sounds: (number[] | undefined)[] = [];
  /** Per query position × syllable id: the positions one character takes it to, strictly and with one slip. */
  private strict = new Int32Array(0);
  private slip = new Int32Array(0);
  private width = 0;
  private slips = false;
  /** Query length from which gapped matches count. */
  private gapsFrom = 4;

  constructor(
    private readonly syllables: Syllables,
    private readonly charPinyin: Readonly<Record<string, string[]>>,
  ) {}

  /** Prepares for a query (normalized, spaces between runs); false when it is too long for the bit sets. */
  prepare(text: string, slips = false): boolean {
    const q = (this.q = text.replace(/ /g, ''));
    if (q.length > 30) return false;
    this.slips = slips;
    this.gapsFrom = /[^a-z]/.test(q) ? 3 : 4;
    this.runEnd = [];
    this.sounds = [];
    let end = -1;
    for (let i = text.length - 1, k = q.length; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (!isLetter(code)) end = -1;
      if (code === 32) continue;
      k--;
      if (isLetter(code)) this.runEnd[k] = end < 0 ? (end = k + 1) : end;
      else if (slips && isHan(code)) this.sounds[k] = (this.charPinyin[q[k]] ?? []).map((s) => this.syllables.find(s));
    }
    this.width = this.syllables.list.length;
    const size = q.length * this.width;
    if (this.strict.length < size) {
      this.strict = new Int32Array(size);
      this.slip = new Int32Array(size);
    }
    this.strict.fill(-1, 0, size);
    return true;
  }

  /**
   * 0 when the query matches from the name's start without gaps, 1 without gaps elsewhere, 2 with gaps; -1 not.
   * Fewer than four typed letters (three characters in mixed input) only match without gaps: scattered, they match
   * nearly every name and mean nothing.
   */
  match(text: string, sy: Uint16Array): number {
    if (this.q.length === 1) {
      for (let j = 0; j < text.length; j++) if (this.step(1, text.charCodeAt(j), sy[j], false)) return j ? 1 : 0;
      return -1;
    }
    const short = this.q.length < this.gapsFrom;
    const done = 1 << this.q.length;
    let start = 1;
    let free = 0;
    let any = 1;
    let found = 3;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const s = sy[j];
      // Equal sources share one step.
      const fromFree = free | 1;
      const a = start ? this.step(start, code, s, false) : 0;
      const b = fromFree === start ? a : this.step(fromFree, code, s, false);
      const c = short || any === fromFree ? b : this.step(any, code, s, false);
      start = a;
      free = b;
      any |= c;
      if (start & done) return 0;
      if (free & done) {
        if (!start) return 1;
        found = 1;
      } else if (any & done) found = Math.min(found, 2);
    }
    return found < 3 ? found : -1;
  }

  /** Whether the query matches, gaps allowed, with one slip (prepared with `slips`). */
  slipped(text: string, sy: Uint16Array): boolean {
    const done = 1 << this.q.length;
    let clean = 1;
    let one = 0;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const s = sy[j];
      const strict = this.step(clean, code, s, true);
      one |= this.slid | (one && this.step(one, code, s, false));
      clean |= strict;
      if (one & done) return true;
    }
    return false;
  }

  /** What the last step reached by one slip. */
  private slid = 0;

  /**
   * The query positions reachable from the set `from` by taking one name character strictly; with `slips`, those
   * reached by one slip are left in `slid`.
   */
  private step(from: number, code: number, s: number, slips: boolean): number {
    const { q } = this;
    let out = 0;
    let slid = 0;
    for (let bits = from & ((1 << q.length) - 1); bits; bits &= bits - 1) {
      const i = 31 - Math.clz32(bits & -bits);
      const typed = q.charCodeAt(i);
      if (s && isLetter(typed)) {
        const key = i * this.width + s;
        if (this.strict[key] < 0) {
          let strict = 0;
          let slipped = 0;
          const options = this.syllables.options(q.slice(i, this.runEnd[i]), s, this.slips);
          for (let o = 0; o < options.length; o += 2) {
            if (options[o + 1] > 0) strict |= 1 << (i + options[o]);
            else slipped |= 1 << (i + options[o]);
          }
          this.strict[key] = strict;
          this.slip[key] = slipped;
        }
        out |= this.strict[key];
        if (slips) slid |= this.slip[key];
      } else if (typed === code) out |= 2 << i;
      else if (slips && s && this.sounds[i]?.includes(s)) slid |= 2 << i;
    }
    this.slid = slid;
    return out;
  }
}
