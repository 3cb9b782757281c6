/** What one tolerated slip costs; it dwarfs every positive score, so any slip puts a match in the fuzzy tier. */
export const SLIP = 10_000;
/** Leaving out a typed character counts as two slips. */
export const SKIP = 2 * SLIP;

/**
 * The pinyin syllables of one catalogue, numbered, and the ways typed letters can stand for each of them: the whole
 * syllable, its initial (with zh, ch, sh), or — at the end of what was typed — an unfinished start. When asked to
 * tolerate slips, also one slip of Damerau distance after the first letter: the common confusions (zh/z, ch/c, sh/s,
 * n/l, in/ing, en/eng, v/u), a dropped letter, two neighbouring letters swapped (shegn), and — in syllables of three
 * or more letters — one letter mistyped or one typed too many.
 */
export class Syllables {
  /** Syllable by id; id 0 means "no syllable" (a character that is not Han). */
  readonly list: string[] = [''];
  private readonly ids = new Map<string, number>();
  private readonly slips: string[][] = [];

  /** The id of a known syllable, or 0. */
  find(syllable: string): number {
    return this.ids.get(syllable) ?? 0;
  }

  id(syllable: string): number {
    let id = this.ids.get(syllable);
    if (id === undefined) this.ids.set(syllable, (id = this.list.push(syllable) - 1));
    return id;
  }

  /**
   * Pairs `[letters, score, …]`: how many of the typed letters `run` (up to the next space or Han character) one
   * character with syllable `id` can take, and how well. Whole syllables score by their length.
   */
  options(run: string, id: number, slips: boolean): number[] {
    const syllable = this.list[id];
    const out: number[] = [];
    spell(out, run, syllable, 0);
    if (slips) {
      for (const variant of (this.slips[id] ??= slipsOf(syllable))) spell(out, run, variant, SLIP);
      edits(out, run, syllable);
    }
    return out;
  }
}

function spell(out: number[], run: string, syllable: string, cost: number): void {
  let common = 0;
  while (common < syllable.length && run[common] === syllable[common]) common++;
  if (!common) return;
  if (common === syllable.length) out.push(common, 10 + 2 * common - cost);
  else if (common === run.length && common > 1) out.push(common, 4 + 2 * common - cost);
  if (cost) return;
  if (syllable.length > 1) out.push(1, 8);
  if (common > 1 && common < syllable.length && syllable[1] === 'h' && 'zcs'.includes(syllable[0])) out.push(2, 8);
}

/** The spellings of `s` a resident may type by mistake; never the first letter dropped, so initials still filter. */
function slipsOf(s: string): string[] {
  const found = new Set<string>();
  const swap = (from: string, to: string) => s.startsWith(from) && found.add(to + s.slice(from.length));
  if (/^[zcs]h/.test(s)) swap(s.slice(0, 2), s[0]);
  else if ('zcs'.includes(s[0])) swap(s[0], s[0] + 'h');
  swap('n', 'l');
  swap('l', 'n');
  if (/[ie]ng$/.test(s)) found.add(s.slice(0, -1));
  else if (/[ie]n$/.test(s)) found.add(s + 'g');
  found.add(s.replace('v', 'u'));
  for (let k = 1; k < s.length; k++) found.add(s.slice(0, k) + s.slice(k + 1));
  for (let k = 1; k + 1 < s.length; k++) found.add(s.slice(0, k) + s[k + 1] + s[k] + s.slice(k + 2));
  found.delete(s);
  return [...found];
}

/**
 * One letter mistyped (after the first) or one letter too many, in a syllable of three letters or more (in shorter
 * ones any letter would fit some other syllable): the whole syllable, or its unfinished start at the end of a run.
 */
function edits(out: number[], run: string, s: string): void {
  const n = s.length;
  if (n < 3 || run[0] !== s[0]) return;
  const mismatches = (a: string, b: string, length: number) => {
    let count = 0;
    for (let k = 1; k < length; k++) if (a[k] !== b[k]) count++;
    return count;
  };
  if (run.length >= n && mismatches(run, s, n) === 1) out.push(n, 10 + 2 * n - SLIP);
  else if (run.length < n && run.length >= 3 && mismatches(run, s, run.length) === 1)
    out.push(run.length, 4 + 2 * run.length - SLIP);
  if (run.length > n) {
    for (let k = 1; k <= n; k++) {
      if (run[k - 1] !== s[k - 1]) break;
      if (run.startsWith(s.slice(k), k + 1) && run[k] !== s[k]) {
        out.push(n + 1, 10 + 2 * n - SLIP);
        break;
      }
    }
  }
}
