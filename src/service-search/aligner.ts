import { isHan, isLetter } from './query-text.js';
import { SKIP, SLIP, type Syllables } from './syllables.js';

const NONE = -Infinity;
/** A Han character (or digit) typed exactly as in the name: one character taken, 20 points. */
const SAME_CHARACTER = [1, 20];
/** A Han character typed with the right sound but the wrong character (an IME slip). */
const SAME_SOUND = [1, 10 - SLIP];
/** Bonus for a character matched right after the previous one: "社保" in 社保卡 beats 社…保 far apart. */
const NEXT = 6;
/** Cost of each name character skipped between two matched ones. */
const GAP = 3;

/**
 * Aligns a typed query with one name or alias, left to right, characters in order with gaps allowed (dynamic
 * programming over query position × name position). A Han character must match itself; a run of typed letters is
 * split into syllables on the way, each name character taking its whole syllable, its initial, or an unfinished start
 * at the end of the run, so "shebaoka", "sbk", "shbzk" and "社保k" all find 社会保障卡. Scores reward adjacent runs
 * and early starts; gaps cost per skipped character. With `slips`, each confusion, dropped letter, homophone
 * costs `SLIP`, and a typed character left out costs `SKIP`.
 */
export class Aligner {
  private best = new Float64Array(0);
  private ends = new Float64Array(0);
  private from = new Int16Array(0);
  private joined = new Uint8Array(0);
  private q = '';
  /** What was last prepared: preparing for it again (each hit's highlighting) costs nothing. */
  private text?: string;
  private runEnd: number[] = [];
  /** Per query position × syllable id: 1 when the typed Han character there has that sound (with slips only). */
  private sounds = new Uint8Array(0);
  /** Syllable options per query position × syllable id, computed when first needed. */
  private memo: (number[] | undefined)[] = [];
  private width = 0;
  private slips = 0;
  /** Scores below this need more slips than allowed: dropped at once. */
  private floor = NONE;
  /** How far into the query the last `align` reached. */
  private reached = 0;
  /** Counts the preparations, so that a caller can keep scores per preparation. */
  version = 0;
  /**
   * For queries of 30 characters or fewer, as bits of query positions: where each character code is typed, where no
   * letter is typed, and (per syllable id, filled when first needed) where a name character with that syllable can be
   * taken (see `positions`).
   */
  private readonly codeBits = new Int32Array(0x10000);
  private nonLetters = 0;
  private takesVersion = new Uint32Array(0);
  private takesBits = new Int32Array(0);

  constructor(
    private readonly syllables: Syllables,
    private readonly charPinyin: Readonly<Record<string, string[]>>,
  ) {}

  /** Number of query characters (spaces left out). */
  get length(): number {
    return this.q.length;
  }

  /** Prepares for one query (normalized; spaces separate syllables or words), tolerating up to `slips` slips. */
  prepare(text: string, slips: number): void {
    if (text === this.text && slips === this.slips) return;
    this.text = text;
    this.version++;
    for (let i = 0; i < this.q.length && i < 30; i++) this.codeBits[this.q.charCodeAt(i)] = 0;
    this.q = text.replace(/ /g, '');
    this.slips = slips;
    this.floor = slips ? -(slips + 0.5) * SLIP : NONE;
    this.width = this.syllables.list.length;
    const size = this.q.length * this.width;
    if (this.memo.length < size) this.memo = new Array<number[] | undefined>(size);
    this.memo.fill(undefined, 0, size);
    this.runEnd = [];
    if (this.sounds.length < size) this.sounds = new Uint8Array(size);
    this.sounds.fill(0, 0, size);
    this.nonLetters = 0;
    for (let i = 0; i < this.q.length && i < 30; i++) {
      const code = this.q.charCodeAt(i);
      this.codeBits[code] |= 1 << i;
      if (!isLetter(code)) this.nonLetters |= 1 << i;
    }
    if (this.takesVersion.length < this.width) {
      this.takesVersion = new Uint32Array(this.width);
      this.takesBits = new Int32Array(this.width);
    }
    let end = -1;
    for (let i = text.length - 1, k = this.q.length; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (!isLetter(code)) end = -1;
      if (code === 32) continue;
      k--;
      if (isLetter(code)) this.runEnd[k] = end < 0 ? (end = k + 1) : end;
      else if (slips && isHan(code))
        for (const s of this.charPinyin[text[i]] ?? []) {
          const id = this.syllables.find(s);
          if (id) this.sounds[k * this.width + id] = 1;
        }
    }
  }

  /**
   * The query positions that can take a name character (`code`, with syllable id `syllable`), as bits: the same
   * character, the syllable spelled from typed letters, or the same sound (with slips). All of them (-1) for a query
   * longer than 30 characters.
   */
  positions(code: number, syllable: number): number {
    if (this.q.length > 30) return -1;
    return syllable ? this.takesAt(syllable) | (this.codeBits[code] & this.nonLetters) : this.codeBits[code];
  }

  /**
   * The best score of the whole query against `text` whose characters have syllable ids `sy`, or -Infinity when it
   * does not match. With `marks`, collects the matched character positions (for highlighting). With `head` (see
   * `head`), goes on from where that alignment of the text's first characters stopped.
   */
  score(text: string, sy: Uint16Array, marks?: number[], head?: Float64Array): number {
    const { q, slips } = this;
    const m = q.length;
    const n = text.length;
    const w = m + 1;
    if (!this.align(text, sy, n, marks, head)) return NONE;
    const { best, ends, from, joined } = this;
    const result = best[n * w + m];
    if (marks && result !== NONE) {
      let j = n;
      let i = m;
      let must = false;
      while (i > 0 && j > 0) {
        const at = j * w + i;
        if (must || best[at] === ends[at]) {
          marks.push(j - 1);
          must = joined[at] === 1;
          i = from[at];
          j--;
        } else if (slips && best[at] === best[at - 1] - SKIP) i--;
        else j--;
      }
    }
    return result;
  }

  /** The query positions (of a query of 30 characters or fewer) a name character with syllable `s` can take. */
  private takesAt(s: number): number {
    if (this.takesVersion[s] === this.version) return this.takesBits[s];
    const { q } = this;
    let bits = 0;
    for (let i = 0; i < q.length; i++) {
      const key = i * this.width + s;
      if (isLetter(q.charCodeAt(i))) {
        const options = (this.memo[key] ??= this.syllables.options(q.slice(i, this.runEnd[i]), s, this.slips > 0));
        if (options.length) bits |= 1 << i;
      } else if (this.slips && this.sounds[key]) bits |= 1 << i;
    }
    this.takesVersion[s] = this.version;
    this.takesBits[s] = bits;
    return bits;
  }

  /**
   * Where the alignment of `text` stands after its first `length` characters, for `score` to go on from on any text
   * that starts with the same characters (however long it is: nothing is cut short here for want of characters left).
   */
  head(text: string, sy: Uint16Array, length: number): Float64Array {
    this.align(text, sy, length, undefined, undefined, false);
    const w = this.q.length + 1;
    const row = length * w;
    const out = new Float64Array(2 * w + 2);
    out.set(this.best.subarray(row, row + w));
    out.set(this.ends.subarray(row, row + w), w);
    out[2 * w] = this.reached;
    out[2 * w + 1] = length;
    return out;
  }

  /**
   * Fills the table (query position × name position) up to row `stop`, from row 0 or from `head`; false when the name
   * cannot match (found early when `prune`).
   */
  private align(
    text: string,
    sy: Uint16Array,
    stop: number,
    marks?: number[],
    head?: Float64Array,
    prune = true,
  ): boolean {
    const { q, slips, floor } = this;
    const m = q.length;
    const n = text.length;
    const w = m + 1;
    const size = (n + 1) * w;
    if (this.best.length < size) {
      this.best = new Float64Array(size * 2);
      this.ends = new Float64Array(size * 2);
      this.from = new Int16Array(size * 2);
      this.joined = new Uint8Array(size * 2);
    }
    const { best, ends, from, joined } = this;
    const first = head ? head[2 * w + 1] : 0;
    best.fill(NONE, first * w, size);
    ends.fill(NONE, first * w, size);
    let reach = 0;
    if (head) {
      best.set(head.subarray(0, w), first * w);
      ends.set(head.subarray(w, 2 * w), first * w);
      reach = head[2 * w];
    } else best[0] = 0;
    for (let j = first; ; j++) {
      const row = j * w;
      if (slips) {
        for (let i = 0; i < m && i <= reach; i++) {
          const skip = best[row + i] - SKIP;
          if (skip > best[row + i + 1] && skip >= floor) {
            best[row + i + 1] = skip;
            if (i + 1 > reach) reach = i + 1;
          }
        }
      }
      if (j === stop) break;
      // Nothing is left of the name to take the rest of the query.
      if (prune && !slips && m - reach > (n - j) * 6) return false;
      const next = row + w;
      let newReach = reach;
      const code = text.charCodeAt(j);
      const syllable = sy[j];
      const mask = this.positions(code, syllable);
      for (let i = 0; i < m && i <= reach; i++) {
        if (m <= 30) {
          // Straight to the next position this character can take, if any.
          const rest = mask >>> i;
          if (!rest) break;
          if (!(rest & 1)) {
            i += 30 - Math.clz32(rest & -rest);
            continue;
          }
        }
        const prior = best[row + i];
        if (prior === NONE) continue;
        const chained = ends[row + i] + NEXT;
        const adjacent = i > 0 && chained > prior;
        const base = i === 0 ? -0.5 * j : adjacent ? chained : prior;
        const typed = q.charCodeAt(i);
        let options: number[] | undefined;
        if (syllable && isLetter(typed)) {
          const key = i * this.width + syllable;
          options = this.memo[key] ??= this.syllables.options(q.slice(i, this.runEnd[i]), syllable, slips > 0);
        } else if (typed === code) options = SAME_CHARACTER;
        else if (slips && syllable && this.sounds[i * this.width + syllable]) options = SAME_SOUND;
        if (!options) continue;
        for (let o = 0; o < options.length; o += 2) {
          const k = i + options[o];
          const value = base + options[o + 1];
          if (value > ends[next + k] && value >= floor) {
            ends[next + k] = value;
            if (marks) {
              from[next + k] = i;
              joined[next + k] = adjacent ? 1 : 0;
            }
            if (k > newReach) newReach = k;
          }
        }
      }
      best[next] = 0;
      for (let i = 1; i <= newReach; i++) {
        // A gap costs per character skipped; after the last query character, trailing text costs nothing.
        const carried = best[row + i] - (i === m ? 0 : GAP);
        const ended = ends[next + i];
        best[next + i] = carried > ended ? carried : ended;
      }
      reach = newReach;
    }
    this.reached = reach;
    return true;
  }
}
