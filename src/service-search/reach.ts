import { isHan, isLetter } from './query-text.js';
import type { Syllables } from './syllables.js';

/** Set in what `gappedFrom` returns when a prefix-compatible match ended in the stretch (queries have 30 characters or fewer). */
export const OPEN = 1 << 30;

/**
 * The matcher run on candidate names at every keystroke of pinyin or mixed input, on bit sets: after each name
 * character, which query positions can have been reached (up to 30 typed characters). A position advances over a
 * character by the syllable options of `Syllables` (whole syllable, initial, unfinished end), or by the very same
 * character for Han and digits.
 *
 * - `contiguous`: the query without gaps, from the name's first character or from anywhere; `at`: from one
 *   character (the letter index tells where a match can start).
 * - `gappedFrom`: with gaps, where every piece between two gaps covers at least two typed letters (or one Han
 *   character): "shebaoka" finds 社会保障卡 as she·bao·ka, but "xyzzy" — five lone initials scattered over a long
 *   name — finds nothing. A prefix of such a match may end in a shorter piece, so "open" matches are reported
 *   apart: typing on, only names that matched the shorter query openly can match the longer one.
 * - `slipped`: without gaps, tolerating up to two slips (see `Syllables`), each number of slips its own bit set.
 *
 * Exact alignments (for points and highlighting) come from `Aligner`, only for what may be shown.
 */
export class Reach {
  private q = '';
  private runEnd: number[] = [];
  private sounds: (number[] | undefined)[] = [];
  /**
   * Per query position × syllable id: the positions one character takes it to, taking one typed letter or more
   * (strict and with one slip). Filled on first use; `seen` holds the query round that filled an entry.
   */
  private one = new Int32Array(0);
  private more = new Int32Array(0);
  private slipOne = new Int32Array(0);
  private slipMore = new Int32Array(0);
  private seen = new Uint32Array(0);
  /** Per syllable id: the bit of its first letter. */
  private initialBits = new Int32Array(0);
  private round = 0;
  private width = 0;
  private slips = false;
  private done = 0;
  // The result of the last `step`.
  private o1 = 0;
  private oN = 0;
  private s1 = 0;
  private sN = 0;

  constructor(
    private readonly syllables: Syllables,
    private readonly charPinyin: Readonly<Record<string, string[]>>,
  ) {}

  get length(): number {
    return this.q.length;
  }

  /** Prepares for a query (normalized, spaces between runs); false when it is too long for the bit sets. */
  prepare(text: string, slips = false): boolean {
    const q = (this.q = text.replace(/ /g, ''));
    if (q.length > 30 || !q) return false;
    this.slips = slips;
    this.done = 1 << q.length;
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
    if (this.initialBits.length !== this.width)
      this.initialBits = Int32Array.from(this.syllables.list, (syllable) =>
        isLetter(syllable.charCodeAt(0)) ? 1 << (syllable.charCodeAt(0) - 97) : 0,
      );
    // Room for the longest query at once, so that typing on allocates nothing.
    const size = 30 * this.width;
    if (this.seen.length < size) {
      this.seen = new Uint32Array(size);
      this.one = new Int32Array(size);
      this.more = new Int32Array(size);
      this.slipOne = new Int32Array(size);
      this.slipMore = new Int32Array(size);
    }
    this.round++;
    return true;
  }

  /** Whether the query matches without gaps starting exactly at character `j` (and ending before `b`). */
  at(codes: Uint16Array, sy: Uint16Array, j: number, b: number): boolean {
    const { done } = this;
    let set = 1;
    for (; j < b; j++) {
      this.step(set, codes[j], sy[j]);
      set = this.o1 | this.oN;
      if (set & done) return true;
      if (!set) return false;
    }
    return false;
  }

  /** 0 when the query matches from the first character of `codes[a…b)` without gaps, 1 from elsewhere, -1 not. */
  contiguous(codes: Uint16Array, sy: Uint16Array, a: number, b: number): number {
    const { done } = this;
    let start = 1;
    let free = 0;
    let found = -1;
    for (let j = a; j < b; j++) {
      const code = codes[j];
      const s = sy[j];
      let next = 0;
      if (start) {
        this.step(start, code, s);
        next = this.o1 | this.oN;
        if (next & done) return 0;
      }
      // From anywhere: the chains going on, and a new one from this character (the same step as from the start
      // while no chain is going on).
      const from = free | 1;
      if (from === start) free = next;
      else {
        this.step(from, code, s);
        free = this.o1 | this.oN;
      }
      start = next;
      if (free & done) {
        if (!start) return 1;
        found = 1;
      }
    }
    return found;
  }

  /**
   * With gaps, each piece covering two typed letters or more, over a stretch of a name that a character no query can
   * take ends (a bracket, a comma), where every piece going on breaks: from the positions `resume` where a piece may
   * start, -1 when it matches; else the positions where a piece may start after the stretch, with `OPEN` set when a
   * prefix-compatible match (one whose last piece is shorter) ended in it.
   */
  gappedFrom(codes: Uint16Array, sy: Uint16Array, a: number, b: number, resume: number): number {
    const { done } = this;
    // Positions where a piece may start (after a long enough piece, or at the query's start), and the positions
    // reached by a piece of one letter so far, or of two and more.
    let short = 0;
    let long = 0;
    let open = 0;
    // The letters a new piece can begin with: a character whose syllable begins otherwise, with no piece going on,
    // changes nothing.
    let letters = this.pieceLetters(resume);
    for (let j = a; j < b; j++) {
      const code = codes[j];
      const s = sy[j];
      const chain = short | long;
      if (!chain && letters >= 0 && !((s ? this.initialBits[s] : isLetter(code) ? 1 << (code - 97) : 0) & letters))
        continue;
      this.step(resume, code, s);
      const nextShort = this.o1;
      let nextLong = this.oN;
      if (chain) {
        this.step(chain, code, s);
        nextLong |= this.o1 | this.oN;
      }
      if (nextLong & done) return -1;
      if (nextShort & done) open = OPEN;
      if (nextLong & ~resume) letters = this.pieceLetters((resume |= nextLong));
      short = nextShort;
      long = nextLong;
    }
    return resume | open;
  }

  /**
   * The bits of the letters a piece starting at one of the query positions `from` begins with (each piece begins
   * with the first letter of a character's syllable), or -1 when one of those positions holds no letter.
   */
  pieceLetters(from: number): number {
    let out = 0;
    for (let bits = from & (this.done - 1); bits; bits &= bits - 1) {
      const code = this.q.charCodeAt(31 - Math.clz32(bits & -bits));
      if (!isLetter(code)) return -1;
      out |= 1 << (code - 97);
    }
    return out;
  }

  /**
   * The fewest slips (0 … `max`, at most 2) with which the query matches without gaps, or -1. The start of such a
   * match is one for the shorter query, so typing on only names matched before can match. Prepared with `slips`.
   */
  slipped(codes: Uint16Array, sy: Uint16Array, a: number, b: number, max: number): number {
    const { done } = this;
    // Per number of slips: the query positions reached by the chains going on (one may start at any character).
    let chain0 = 0;
    let chain1 = 0;
    let chain2 = 0;
    for (let j = a; j < b; j++) {
      const code = codes[j];
      const s = sy[j];
      this.step(chain0 | 1, code, s);
      const next0 = this.o1 | this.oN;
      let next1 = this.s1 | this.sN;
      let next2 = 0;
      if (chain1) {
        this.step(chain1, code, s);
        next1 |= this.o1 | this.oN;
        next2 = this.s1 | this.sN;
      }
      if (chain2) {
        this.step(chain2, code, s);
        next2 |= this.o1 | this.oN;
      }
      chain0 = next0;
      chain1 = max > 0 ? next1 : 0;
      chain2 = max > 1 ? next2 : 0;
      if (chain0 & done) return 0;
      if (chain1 & done) return 1;
      if (chain2 & done) return 2;
    }
    return -1;
  }

  /**
   * The query positions reachable from the set `from` by taking one name character: in `o1` by one typed letter,
   * in `oN` by more (or a Han character); with one slip, in `s1` and `sN`.
   */
  private step(from: number, code: number, s: number): void {
    const { q } = this;
    let o1 = 0;
    let oN = 0;
    let s1 = 0;
    let sN = 0;
    for (let bits = from & (this.done - 1); bits; bits &= bits - 1) {
      const i = 31 - Math.clz32(bits & -bits);
      const typed = q.charCodeAt(i);
      if (s && isLetter(typed)) {
        const key = i * this.width + s;
        if (this.seen[key] !== this.round) this.fill(key, i, s);
        o1 |= this.one[key];
        oN |= this.more[key];
        if (this.slips) {
          s1 |= this.slipOne[key];
          sN |= this.slipMore[key];
        }
      } else if (typed === code) {
        if (isLetter(typed) || (typed >= 48 && typed <= 57)) o1 |= 2 << i;
        else oN |= 2 << i;
      } else if (this.slips && s && this.sounds[i]?.includes(s)) sN |= 2 << i;
    }
    this.o1 = o1;
    this.oN = oN;
    this.s1 = s1;
    this.sN = sN;
  }

  private fill(key: number, i: number, s: number): void {
    const options = this.syllables.options(this.q.slice(i, this.runEnd[i]), s, this.slips);
    let one = 0;
    let more = 0;
    let slipOne = 0;
    let slipMore = 0;
    for (let o = 0; o < options.length; o += 2) {
      const k = options[o];
      const to = 1 << (i + k);
      if (options[o + 1] > 0) {
        if (k === 1) one |= to;
        else more |= to;
      } else if (k === 1) slipOne |= to;
      else slipMore |= to;
    }
    this.seen[key] = this.round;
    this.one[key] = one;
    this.more[key] = more;
    this.slipOne[key] = slipOne;
    this.slipMore[key] = slipMore;
  }
}
