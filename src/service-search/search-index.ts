import type { Catalogue, CatalogueItem } from '../core/api/types.gen.js';
import { Aligner } from './aligner.js';
import { intersect, Postings } from './postings.js';
import { OPEN, Reach } from './reach.js';
import { abbreviations, officialForms, questionWords, withoutFillers, type QuestionWord } from './colloquial.js';
import { isHan, isLetter, normalizeQuery } from './query-text.js';
import { SLIP, Syllables } from './syllables.js';
import { actionSpellings, namesAction, variantOf } from './variant.js';

/** How an item matched, best first: its whole name, its start, an alias or everyday word, a word of it, pinyin,
 * fuzzy (gaps or slips), or part of a longer question. */
export const enum Tier {
  Exact,
  Prefix,
  Alias,
  Word,
  Pinyin,
  Fuzzy,
  Partial,
}

/** Attribute filters; all given ones must hold (a flag that is false or absent does not filter). */
export interface SearchFilter {
  /** Department index in the catalogue's `departments`. */
  dept?: number;
  /** 全程网办. */
  fullyOnline?: boolean;
  /** 零跑动: no visit to the hall. */
  noVisit?: boolean;
  /** 跨域通办: can be handled in another region. */
  crossRegion?: boolean;
  /** 即办件. */
  instant?: boolean;
  type?: number;
}

export interface SearchHit {
  item: CatalogueItem;
  tier: Tier;
  /** Highlight ranges `[start, end)` in `item.name`. */
  spans: [number, number][];
}

export interface SearchResult {
  /** How many items match (all pages). */
  total: number;
  /** The best `limit` of them, best first. */
  hits: SearchHit[];
  /**
   * When the results needed a slip (a swapped, dropped or mistyped letter, a same-sounding character): what the
   * best of them says where the query was typed, for "您是不是要找 …".
   */
  corrected?: string;
}

// Ranking groups, best first: the whole name (or alias); a name that starts with the query (the family of one
// certificate); the query elsewhere in a name, an alias or a rewritten query; pinyin from a name's start, then
// elsewhere; gaps and slips; in part.
// Within a group: the variant (for a bare query), then how the field relates to the item (its name, an alias, a
// rewritten query), then points; then popularity.
const EXACT = 0;
const START = 1;
const CONTAINS = 2;
const PINYIN_START = 3;
const PINYIN = 4;
const FUZZY = 5;
const PARTIAL = 6;

// Field kinds: the item's name, the name with official terms abbreviated (社会保障卡 → 社保卡), a catalogue alias.
const NAME = 0;
const SHORT = 1;
const ALIAS = 2;

/** Not yet asked (see `SearchIndex.resumed`): `Reach.gappedFrom` gives -1 or a set of positions. */
const UNSET = -2;
/** Points of a gapped or slipped match, aligned exactly only if it may be shown (see `settle`). */
const LAZY = -4.8e5;
/** Fewer contiguous pinyin matches than this: look for gapped ones too. */
const GAPPED_BELOW = 5;

const HAN = /[\u3400-\u9fff]/;

/**
 * Client-side search over a catalogue, built for catalogues of tens of thousands of distinct names.
 *
 * Each distinct name is indexed once, with the items (departments, districts) that carry it, its abbreviated form
 * and the catalogue's aliases as extra fields of the same name. Names are numbered by popularity and their fields
 * kept together, so every posting list is already in order of popularity. Two inverted indexes in flat typed arrays
 * find candidates: one by character (Chinese, digits), one by the first one, two and three letters a contiguous
 * pinyin match can start with at each character ("she" at 社, "shb" at 社会保…, "sbz" at 社保障…). Typing on, the
 * names the shorter query matched are the only ones the longer one can match, so a keystroke reads a few names.
 *
 * Gapped pinyin, slips and questions matched in part are tried only when the strict search has little, and their
 * sets too narrow as typing goes on. Exact alignments (points, highlighting) are computed only for what may be
 * shown. Spoken words are rewritten to official terms (`officialForms`).
 */
export class SearchIndex {
  readonly syllables = new Syllables();
  private readonly aligner: Aligner;
  private readonly reach: Reach;

  // Names, numbered by popularity (most popular first), and their items (most popular first).
  private readonly names: string[] = [];
  private readonly nameItems: Uint32Array;
  private readonly itemsFrom: Uint32Array;
  private readonly nameOf: Uint32Array;
  private readonly variant: Uint8Array;
  /** Per name, the popularity of its most popular item (read without touching the items while ranking). */
  private readonly topPopularity: Float64Array;

  // Fields, grouped by name: name n's are fieldsFrom[n] … fieldsFrom[n + 1] - 1, its own name first.
  private readonly fieldsFrom: Uint32Array;
  private readonly texts: string[] = [];
  /** Per short name (field): where each of its characters is in the name, for highlighting. */
  private readonly shortAt = new Map<number, number[]>();
  private readonly owner: Uint32Array;
  private readonly kind: Uint8Array;
  /** Field f's characters are codes[at[f] … at[f + 1] - 1] (lower case), with their syllable ids in sy. */
  private readonly at: Uint32Array;
  private readonly codes: Uint16Array;
  private readonly sy: Uint16Array;
  /** Per field: bit mask of syllable initials. */
  private readonly initials: Int32Array;

  /** Per character position: its field; per field: the first letter of its first character (0 for none). */
  private readonly fieldOf: Uint16Array | Uint32Array;
  private readonly firstLetter: Uint8Array;
  /**
   * The pairs of letters each field's pinyin can be typed with (see `pairsOf`): per pair of letters, a bit set of
   * fields (`pairWords` words), so that the fields holding all but a few of a query's pairs are found a word (32
   * fields) at a time.
   */
  private readonly pairs: Int32Array;
  private readonly pairWords: number;
  /** Scratch: what passed the last `pairPass`. */
  private passed = new Int32Array(0);

  private readonly charSlot = new Int32Array(0x10000).fill(-1);
  private readonly chars: Postings;
  /** Character positions where a contiguous match can start, by its first two letters. */
  private readonly starts: Postings;
  /**
   * The same by the first three letters, for the pairs of letters that start matches in many places ("sh", "ji",
   * "zh"): read for them instead of the two-letter list, it spares most of the checking. For a query whose first
   * run of letters has three or more, exact: a three-letter query is answered from it alone.
   */
  private readonly starts3: Postings;
  private readonly common: Uint8Array;
  /**
   * What `few` reads for one, two or three letters without a filter, counted once here so that a keystroke reads
   * only the page: per letter, two-letter key (`starts`) and three-letter key (`starts3`), the items of the names
   * it matches; and the positions of each list that are a field's first character (fields by first letter).
   */
  private readonly letterItems = new Uint32Array(26);
  private readonly keyItems: Uint32Array;
  private readonly key3Items: Uint32Array;
  private readonly heads: Postings;
  /** The fields of each `starts` list, where gapped pinyin is looked for when the shorter query left no trace. */
  private readonly startFields: Postings;
  private readonly heads3: Postings;
  private readonly firsts: Postings;
  /**
   * Stretches: the runs of a field between characters no query can take (brackets, commas, spaces: all but Han
   * characters, letters and digits), where every contiguous match and every piece of a gapped one ends. A large catalogue's names
   * repeat a few thousand stretches (a service's name, a department's), so pinyin that the strict search does not
   * find is matched once per distinct stretch. Field f's are stretches[stretchesFrom[f] … stretchesFrom[f + 1] - 1],
   * each distinct one's characters codes[stretchAt[s] … stretchEnd[s] - 1].
   */
  private readonly stretchesFrom: Uint32Array;
  private readonly stretches: Uint32Array;
  private readonly stretchAt: Uint32Array;
  private readonly stretchEnd: Uint32Array;
  /** Per distinct stretch, for one pass: the pass that filled it, and what it gave (see `slipsIn`, `gapsIn`). */
  private readonly stretchPass: Uint32Array;
  private readonly stretchValue: Int32Array;
  /**
   * For `gapsIn`, per set of positions a piece may start from (other than the query's start) in this pass: what each
   * distinct stretch gave (`UNSET` until asked). Arrays are kept for the next pass.
   */
  private readonly resumed = new Map<number, Int32Array>();
  private readonly spare: Int32Array[] = [];
  private pass = 0;
  /**
   * Per distinct stretch: the bits of its syllables' initials and of all their letters, and its pairs of letters (as
   * `pairs` has them per field), for the slip search, which is tried on each distinct stretch.
   */
  private readonly stretchInitials: Int32Array;
  private readonly stretchLetters: Int32Array;
  private readonly stretchPairs: Int32Array;
  private readonly stretchPairWords: number;
  /** Per two-letter key (as `starts`), the distinct stretches where a contiguous match can start with it, as bits. */
  private readonly stretchStarts: Int32Array;
  /** The key the query of the current gapped pass starts with (-1: a query not all letters and digits). */
  private gapKey = -1;
  /** Where each of `stretches` starts in its field (a character position). */
  private readonly occurrenceAt: Uint32Array;
  /** Per distinct stretch, its occurrences (indexes into `stretches`). */
  private readonly occurrences: Postings;
  /**
   * The characters of the distinct stretches, numbered (stretch s's from stretchBase[s]), with the stretch of each:
   * a contiguous pinyin match cannot go past its stretch, so whether one starts at a character is asked once for all
   * the fields repeating its stretch. `stretchStarts2` and `stretchStarts3` list them as `starts` and `starts3` list
   * character positions.
   */
  private readonly stretchBase: Uint32Array;
  private readonly stretchOf: Uint32Array;
  private readonly stretchStarts2: Postings;
  private readonly stretchStarts3: Postings;
  /** The same for `contiguousIn`, which runs in the same pass as `gapsIn`. */
  private readonly contiguousPass: Uint32Array;
  private readonly contiguousValue: Int8Array;
  /** Per distinct stretch that starts a field: where the aligner stood after it (see `alignedScore`). */
  private readonly alignedHeads = new Map<number, Float64Array>();
  private headsVersion = -1;
  /** Fields by syllable id, for same-sounding characters. */
  private readonly sounds: Postings;
  private readonly spellings: string[];

  // Per search, per name: the best match so far (see `note`).
  private round = 0;
  private readonly stamp: Uint32Array;
  private readonly key: Float64Array;
  private readonly tier: Uint8Array;
  private readonly field: Int32Array;
  private readonly form: Uint8Array;
  private readonly slips: Uint8Array;
  private touched: number[] = [];
  /** The item ranked first by the last search. */
  private topItem = -1;
  private forms: string[] = [];
  /** Which of `forms` is the query as typed (-1: none apart from the first), and the certificate name without 证. */
  private typedForm = -1;
  private stemForm = -1;
  private bare = false;
  private words: QuestionWord[] = [];
  /**
   * The last pinyin query and what it matched: the character positions where a contiguous match starts, and the
   * fields it matched openly with gaps, and with slips (see `Reach`). Typing on, the longer query reads only those.
   */
  private last?: { text: string; contig?: ArrayLike<number>; gapped?: number[]; slipped?: number[]; max: number };
  /** The count of items, when a search found it without touching every name (one or two letters). */
  private counted?: number;
  // Scratch for `sharing` and the question pass.
  private shared = new Uint16Array(0);
  /** Per distinct stretch that starts a field: the `inOrderCount` round that counted it, and where it left the count. */
  private readonly inOrderPass: Uint32Array;
  private readonly inOrderValue: Int32Array;
  private inOrderRound = 0;
  /** What `holding` found for each word asked about (a bounded number of them). */
  private readonly held = new Map<string, { size: number; fields?: Uint32Array } | null>();
  private mark = new Float64Array(0);
  private marks = 0;

  constructor(readonly catalogue: Catalogue) {
    const { items, charPinyin } = catalogue;
    this.aligner = new Aligner(this.syllables, charPinyin);
    this.reach = new Reach(this.syllables, charPinyin);

    // Names, by popularity.
    const byName = new Map<string, number[]>();
    items.forEach((item, index) => {
      const list = byName.get(item.name);
      if (list) list.push(index);
      else byName.set(item.name, [index]);
    });
    const popularity = (list: number[]) => list.reduce((m, i) => Math.max(m, items[i].popularity), -Infinity);
    const groups = [...byName.values()].map((list) => ({ list, top: popularity(list) }));
    groups.sort((a, b) => b.top - a.top || a.list[0] - b.list[0]);
    const count = groups.length;
    this.nameItems = new Uint32Array(items.length);
    this.itemsFrom = new Uint32Array(count + 1);
    this.nameOf = new Uint32Array(items.length);
    this.variant = new Uint8Array(count);
    this.topPopularity = Float64Array.from(groups, (g) => g.top);
    this.fieldsFrom = new Uint32Array(count + 1);

    // Fields, name by name.
    const short = abbreviationsByChar();
    const owners: number[] = [];
    const kinds: number[] = [];
    const starts: number[] = [0];
    const codes: number[] = [];
    const sys: number[] = [];
    const initials: number[] = [];
    const add = (text: string, n: number, kind: number, syllableOf: (j: number) => string | undefined) => {
      let lower = '';
      let mInitials = 0;
      for (let j = 0; j < text.length; j++) {
        let code = text.charCodeAt(j);
        if (code >= 65 && code <= 90) code |= 32;
        lower += String.fromCharCode(code);
        const han = isHan(code);
        const syllable = han ? syllableOf(j) : isLetter(code) ? String.fromCharCode(code) : undefined;
        codes.push(code);
        sys.push(han && syllable ? this.syllables.id(syllable) : 0);
        if (syllable) mInitials |= bit(syllable, 0);
      }
      this.texts.push(lower);
      owners.push(n);
      kinds.push(kind);
      starts.push(codes.length);
      initials.push(mInitials);
    };
    let at = 0;
    for (let n = 0; n < count; n++) {
      const { list } = groups[n];
      list.sort((a, b) => items[b].popularity - items[a].popularity || a - b);
      this.itemsFrom[n] = at;
      for (const index of list) {
        this.nameItems[at++] = index;
        this.nameOf[index] = n;
      }
      const first = items[list[0]];
      const name = first.name;
      this.names.push(name);
      this.variant[n] = variantOf(name);
      this.fieldsFrom[n] = this.texts.length;
      // The name, each Han character with its syllable from the item's pinyin.
      const spoken = first.pinyin.split(' ');
      const own: string[] = [];
      for (let j = 0, k = 0; j < name.length; j++) own.push(isHan(name.charCodeAt(j)) ? spoken[k++] : '');
      add(name, n, NAME, (j) => own[j] || undefined);
      const seen = new Set([name.toLowerCase()]);
      // Again with official terms abbreviated as residents say them (社会保障卡 → 社保卡), keeping the syllables.
      let text = '';
      const kept: string[] = [];
      const keptAt: number[] = [];
      for (let j = 0; j < name.length;) {
        const hit = short.get(name[j])?.find(([target]) => name.startsWith(target, j));
        for (const k of hit ? hit[2] : [0]) {
          text += name[j + k];
          kept.push(own[j + k]);
          keptAt.push(j + k);
        }
        j += hit ? hit[0].length : 1;
      }
      if (text !== name) {
        seen.add(text.toLowerCase());
        this.shortAt.set(this.texts.length, keptAt);
        add(text, n, SHORT, (j) => kept[j] || undefined);
      }
      // The catalogue's aliases of every item of the name.
      for (const index of list) {
        for (const alias of items[index].aliases) {
          const a = normalizeQuery(alias, {}).replace(/ /g, '');
          if (!a || seen.has(a)) continue;
          seen.add(a);
          add(a, n, ALIAS, (j) => charPinyin[a[j]]?.[0]);
        }
      }
    }
    this.itemsFrom[count] = at;
    const fields = this.texts.length;
    this.fieldsFrom[count] = fields;
    this.owner = Uint32Array.from(owners);
    this.kind = Uint8Array.from(kinds);
    this.at = Uint32Array.from(starts);
    this.codes = Uint16Array.from(codes);
    this.sy = Uint16Array.from(sys);
    this.initials = Int32Array.from(initials);

    // The character index.
    let slots = 0;
    for (const code of this.codes) if (this.charSlot[code] < 0) this.charSlot[code] = slots++;
    this.chars = Postings.build(slots, fields, (put) => {
      for (let f = 0; f < fields; f++)
        for (let j = this.at[f]; j < this.at[f + 1]; j++) put(this.charSlot[this.codes[j]], f);
    });
    this.sounds = Postings.build(this.syllables.list.length, fields, (put) => {
      for (let f = 0; f < fields; f++)
        for (let j = this.at[f]; j < this.at[f + 1]; j++) if (this.sy[j]) put(this.sy[j], f);
    });
    // Where a contiguous pinyin match can start, by its first two letters: a character whose syllable starts with
    // them (社 for "sh", 保 for "ba"), or whose initial is the first and the next character's the second (社会 for
    // "sh" too). Letters and digits in a name stand for themselves.
    const spelling = (j: number, end: number): string => {
      if (j >= end) return '';
      const id = this.sy[j];
      if (id) return this.syllables.list[id];
      const code = this.codes[j];
      return isLetter(code) || isDigit(code) ? String.fromCharCode(code) : '';
    };
    const total = this.codes.length;
    this.fieldOf = total <= 0xffff * 4 && fields <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
    this.firstLetter = new Uint8Array(fields);
    this.pairWords = (fields + 31) >>> 5;
    this.pairs = new Int32Array(PAIRS * this.pairWords);
    for (let f = 0; f < fields; f++) {
      const end = this.at[f + 1];
      this.fieldOf.fill(f, this.at[f], end);
      const first = spelling(this.at[f], end);
      this.firstLetter[f] = first ? first.charCodeAt(0) : 0;
      for (let j = this.at[f]; j < end; j++)
        pairsOf(spelling(j, end), spelling(j + 1, end), this.pairs, this.pairWords, f);
    }
    // The keys under which position j (of a field ending before `end`) is listed, each given to `put` with `value`.
    type Put = (key: number, value: number) => void;
    const startKeys = (j: number, end: number, value: number, put: Put) => {
      const a = spelling(j, end);
      if (!a) return;
      if (a.length > 1) put(key2(a[0], a[1]), value);
      const b = spelling(j + 1, end);
      if (b) put(key2(a[0], b[0]), value);
    };
    const start3Keys = (j: number, end: number, value: number, put: Put) => {
      const a = spelling(j, end);
      if (!a) return;
      const b = spelling(j + 1, end);
      // The first two letters from this character (whole or started) and the third from it or the next; or its
      // initial, then the next character's first letter and what may follow it.
      if (a.length > 1 && this.common[key2(a[0], a[1])]) {
        const k = key2(a[0], a[1]) * 36;
        if (a.length > 2) put(k + letterIndex(a[2]), value);
        // Two letters taken whole only by a syllable of two, or by zh, ch, sh.
        if (b && (a.length === 2 || (a[1] === 'h' && 'zcs'.includes(a[0])))) put(k + letterIndex(b[0]), value);
      }
      if (b && this.common[key2(a[0], b[0])]) {
        const k = key2(a[0], b[0]) * 36;
        if (b.length > 1) put(k + letterIndex(b[1]), value);
        const c = spelling(j + 2, end);
        if (c) put(k + letterIndex(c[0]), value);
      }
    };
    this.starts = Postings.build(KEYS, total, (put) => {
      for (let f = 0; f < fields; f++)
        for (let j = this.at[f]; j < this.at[f + 1]; j++) startKeys(j, this.at[f + 1], j, put);
    });
    this.common = new Uint8Array(KEYS);
    for (let k = 0; k < KEYS; k++) if (this.starts.size(k) > Math.max(2000, total >> 8)) this.common[k] = 1;
    this.starts3 = Postings.build(KEYS * 36, total, (put) => {
      for (let f = 0; f < fields; f++)
        for (let j = this.at[f]; j < this.at[f + 1]; j++) start3Keys(j, this.at[f + 1], j, put);
    });
    // The same for each field's first character only.
    this.heads = Postings.build(KEYS, total, (put) => {
      for (let f = 0; f < fields; f++) startKeys(this.at[f], this.at[f + 1], this.at[f], put);
    });
    this.heads3 = Postings.build(KEYS * 36, total, (put) => {
      for (let f = 0; f < fields; f++) start3Keys(this.at[f], this.at[f + 1], this.at[f], put);
    });
    this.spellings = actionSpellings((ch) => charPinyin[ch]?.[0]);
    // The stretches, each distinct one (characters and syllables alike) numbered once.
    const stretchIds = new Map<string, number>();
    const stretchAt: number[] = [];
    const stretchEnd: number[] = [];
    const stretchList: number[] = [];
    const occurrenceAt: number[] = [];
    this.stretchesFrom = new Uint32Array(fields + 1);
    const takes = (j: number) => stretches(this.codes[j]);
    for (let f = 0; f < fields; f++) {
      this.stretchesFrom[f] = stretchList.length;
      const end = this.at[f + 1];
      for (let j = this.at[f]; j < end;) {
        if (!takes(j)) {
          j++;
          continue;
        }
        let k = j;
        while (k < end && takes(k)) k++;
        let id = this.texts[f].slice(j - this.at[f], k - this.at[f]) + '|';
        for (let i = j; i < k; i++) id += String.fromCharCode(this.sy[i]);
        let s = stretchIds.get(id);
        if (s === undefined) {
          stretchIds.set(id, (s = stretchAt.length));
          stretchAt.push(j);
          stretchEnd.push(k);
        }
        stretchList.push(s);
        occurrenceAt.push(j);
        j = k;
      }
    }
    this.stretchesFrom[fields] = stretchList.length;
    this.stretches = Uint32Array.from(stretchList);
    this.occurrenceAt = Uint32Array.from(occurrenceAt);
    this.stretchAt = Uint32Array.from(stretchAt);
    this.stretchEnd = Uint32Array.from(stretchEnd);
    this.stretchBase = new Uint32Array(stretchAt.length + 1);
    for (let k = 0; k < stretchAt.length; k++)
      this.stretchBase[k + 1] = this.stretchBase[k] + stretchEnd[k] - stretchAt[k];
    const stretchChars = this.stretchBase[stretchAt.length];
    this.stretchOf = new Uint32Array(stretchChars);
    for (let k = 0; k < stretchAt.length; k++) this.stretchOf.fill(k, this.stretchBase[k], this.stretchBase[k + 1]);
    const canonical = (emit: typeof startKeys) => (put: Put) => {
      for (let k = 0; k < stretchAt.length; k++)
        for (let j = stretchAt[k]; j < stretchEnd[k]; j++)
          emit(j, stretchEnd[k], this.stretchBase[k] + j - stretchAt[k], put);
    };
    this.stretchStarts2 = Postings.build(KEYS, stretchChars, canonical(startKeys));
    this.stretchStarts3 = Postings.build(KEYS * 36, stretchChars, canonical(start3Keys));
    this.inOrderPass = new Uint32Array(stretchAt.length);
    this.inOrderValue = new Int32Array(stretchAt.length);
    this.stretchPass = new Uint32Array(stretchAt.length);
    this.stretchValue = new Int32Array(stretchAt.length);
    this.contiguousPass = new Uint32Array(stretchAt.length);
    this.contiguousValue = new Int8Array(stretchAt.length);
    const stretchCount = stretchAt.length;
    this.occurrences = Postings.build(stretchCount, this.stretches.length, (put) => {
      for (let k = 0; k < this.stretches.length; k++) put(this.stretches[k], k);
    });
    this.stretchInitials = new Int32Array(stretchCount);
    this.stretchLetters = new Int32Array(stretchCount);
    this.stretchPairWords = (stretchCount + 31) >>> 5;
    this.stretchPairs = new Int32Array(PAIRS * this.stretchPairWords);
    this.stretchStarts = new Int32Array(KEYS * this.stretchPairWords);
    for (let s = 0; s < stretchCount; s++) {
      const end = stretchEnd[s];
      for (let j = stretchAt[s]; j < end; j++) {
        startKeys(j, end, s, (key) => (this.stretchStarts[key * this.stretchPairWords + (s >>> 5)] |= 1 << (s & 31)));
        const syllable = spelling(j, end);
        if (isDigit(this.codes[j])) continue;
        this.stretchInitials[s] |= bit(syllable, 0);
        for (let k = 0; k < syllable.length; k++) this.stretchLetters[s] |= bit(syllable, k);
        pairsOf(syllable, spelling(j + 1, end), this.stretchPairs, this.stretchPairWords, s);
      }
    }
    this.keyItems = this.itemsPerKey(this.starts, KEYS);
    this.key3Items = this.itemsPerKey(this.starts3, KEYS * 36);
    this.startFields = Postings.build(KEYS, fields, (put) => {
      for (let k = 0; k < KEYS; k++) for (const j of this.starts.list(k)) put(k, this.fieldOf[j]);
    });
    this.firsts = Postings.build(26, fields, (put) => {
      for (let f = 0; f < fields; f++) if (isLetter(this.firstLetter[f])) put(this.firstLetter[f] - 97, f);
    });
    for (let n = 0, f = 0; n < count; n++) {
      let mask = 0;
      for (; f < this.fieldsFrom[n + 1]; f++) mask |= this.initials[f];
      for (; mask; mask &= mask - 1)
        this.letterItems[31 - Math.clz32(mask & -mask)] += this.itemsFrom[n + 1] - this.itemsFrom[n];
    }

    this.stamp = new Uint32Array(count);
    this.key = new Float64Array(count);
    this.tier = new Uint8Array(count);
    this.field = new Int32Array(count);
    this.form = new Uint8Array(count);
    this.slips = new Uint8Array(count);
  }

  /** Per key of `postings` (character positions, ascending): the items of the names the positions belong to. */
  private itemsPerKey(postings: Postings, keys: number): Uint32Array {
    const out = new Uint32Array(keys);
    for (let k = 0; k < keys; k++) {
      const list = postings.list(k);
      let previous = -1;
      let sum = 0;
      for (let c = 0; c < list.length; c++) {
        const n = this.owner[this.fieldOf[list[c]]];
        if (n === previous) continue;
        previous = n;
        sum += this.itemsFrom[n + 1] - this.itemsFrom[n];
      }
      out[k] = sum;
    }
    return out;
  }

  /** Distinct names indexed. */
  get nameCount(): number {
    return this.names.length;
  }

  /** Bytes held by the index's typed arrays (strings and the catalogue itself not counted). */
  get bytes(): number {
    const arrays = [
      this.nameItems,
      this.itemsFrom,
      this.nameOf,
      this.variant,
      this.topPopularity,
      this.fieldsFrom,
      this.owner,
      this.kind,
    ];
    const more = [this.at, this.codes, this.sy, this.initials, this.charSlot, this.stamp, this.key];
    return (
      [...arrays, ...more, this.tier, this.field, this.form, this.slips].reduce((n, a) => n + a.byteLength, 0) +
      this.fieldOf.byteLength +
      this.firstLetter.byteLength +
      this.pairs.byteLength +
      this.stretchesFrom.byteLength +
      this.stretches.byteLength +
      this.stretchAt.byteLength +
      this.stretchEnd.byteLength +
      this.stretchPass.byteLength +
      this.occurrenceAt.byteLength +
      this.stretchInitials.byteLength +
      this.stretchLetters.byteLength +
      this.stretchPairs.byteLength +
      this.stretchStarts.byteLength +
      this.stretchBase.byteLength +
      this.occurrences.bytes +
      this.stretchOf.byteLength +
      this.stretchStarts2.bytes +
      this.stretchStarts3.bytes +
      this.stretchValue.byteLength +
      this.contiguousPass.byteLength +
      this.contiguousValue.byteLength +
      this.inOrderPass.byteLength +
      this.inOrderValue.byteLength +
      this.chars.bytes +
      this.starts.bytes +
      this.starts3.bytes +
      this.heads.bytes +
      this.heads3.bytes +
      this.firsts.bytes +
      this.startFields.bytes +
      this.letterItems.byteLength +
      this.keyItems.byteLength +
      this.key3Items.byteLength +
      this.sounds.bytes
    );
  }

  /**
   * Items matching `query` and `filter`, best first; with an empty query, the most popular. `filter` may also be a
   * test of each item (the reference server's filters).
   */
  search(query: string, filter: SearchFilter | ItemTest = {}, limit = 50): SearchResult {
    const accept = test(filter);
    const text = normalizeQuery(query, this.catalogue.traditional);
    if (!text) return this.popular(accept, limit);
    this.begin();
    const plain = withoutFillers(text);
    if (/[a-z]/.test(plain) && !HAN.test(plain)) this.latin(plain, accept, limit);
    else this.chinese(plain, text);
    const result = this.rank(accept, limit);
    if (this.topItem >= 0 && this.slips[this.nameOf[this.topItem]])
      result.corrected = this.matched(this.nameOf[this.topItem]);
    return result;
  }

  /**
   * When nothing matches: the names nearest the query ("您是不是要找"), or none when nothing is near enough. Pinyin:
   * the longest start of the query that matches, then two slips. Chinese: the words of the query matched in part.
   */
  closest(query: string, filter: SearchFilter | ItemTest = {}, limit = 5): SearchHit[] {
    const accept = test(filter);
    const plain = withoutFillers(normalizeQuery(query, this.catalogue.traditional));
    if (!plain) return [];
    this.begin();
    const compact = plain.replace(/ /g, '');
    if (/[a-z]/.test(plain) && !HAN.test(plain)) {
      for (let n = compact.length - 1; n >= Math.max(4, Math.ceil((compact.length * 2) / 3)); n--) {
        this.contiguous(compact.slice(0, n), compact.slice(0, n), undefined);
        if (this.touched.length) {
          this.forms = [compact.slice(0, n)];
          break;
        }
      }
      if (!this.touched.length && compact.length >= 4) {
        this.forms = [plain];
        this.slipped(plain, undefined, 2);
      }
    } else {
      let words = questionWords(plain).filter((w) => !w.weak);
      // A short query: its pairs of characters stand for its words.
      if (words.length < 2)
        words = [...compact]
          .slice(1)
          .map((_, i) => ({ word: compact.slice(i, i + 2), alts: [compact.slice(i, i + 2)], weak: false }));
      this.partial(words, 0.8, 0.4);
    }
    return this.rank(accept, limit).hits;
  }

  /** A new search: every name untouched. */
  private begin(): void {
    this.round++;
    this.touched = [];
    this.forms = [];
    this.words = [];
    this.bare = false;
    this.counted = undefined;
    this.typedForm = -1;
    this.stemForm = -1;
  }

  /** The most popular items (names are numbered by popularity). */
  private popular(accept: ItemTest | undefined, limit: number): SearchResult {
    const { items } = this.catalogue;
    const hits: SearchHit[] = [];
    let total = 0;
    for (let n = 0; n < this.names.length; n++) {
      for (let k = this.itemsFrom[n]; k < this.itemsFrom[n + 1]; k++) {
        const item = items[this.nameItems[k]];
        if (accept && !accept(item)) continue;
        total++;
        if (hits.length < limit) hits.push({ item, tier: Tier.Exact, spans: [] });
      }
      if (!accept && hits.length >= limit) {
        total = items.length;
        break;
      }
    }
    return { total, hits };
  }

  /** Pinyin, initials, letters and digits (no Han character). */
  private latin(plain: string, accept: ItemTest | undefined, limit: number): void {
    const compact = plain.replace(/ /g, '').slice(0, 30);
    // The same query again (a space typed, then a letter) matches what it matched.
    const last = this.last && plain.startsWith(this.last.text) ? this.last : undefined;
    this.bare = compact.length >= 4 && !this.spellings.some((s) => compact.includes(s));
    this.forms = [plain];
    const pair = compact.length > 1 ? key2(compact[0], compact[1]) : -1;
    if (compact.length <= 2) {
      this.few(compact, accept, limit, pair >= 0 ? this.starts : undefined, pair);
      this.last = { text: plain, contig: pair >= 0 ? this.stretchStarts2.list(pair) : undefined, max: 0 };
      return;
    }
    // The first run of letters has three or more: the three-letter list is exact for them.
    const key3 = this.common[pair] && /^[a-z0-9]{3}/.test(plain) ? pair * 36 + letterIndex(compact[2]) : -1;
    const exact = key3 >= 0 ? this.stretchStarts3.list(key3) : undefined;
    if (exact && compact.length === 3) {
      this.few(compact, accept, limit, this.starts3, key3);
      this.last = { text: plain, contig: exact, max: 0 };
      return;
    }
    const contig = this.contiguous(plain, compact, last?.contig ?? exact);
    const strict = this.touched.length;
    let gapped: number[] | undefined;
    let slipped: number[] | undefined;
    let max = compact.length >= 10 ? 2 : 1;
    if (compact.length >= 4 && strict < GAPPED_BELOW) {
      // With gaps, each piece two letters or more: the first piece starts where the index says.
      gapped = [];
      const pairs = pairsIn(compact);
      const source = last?.gapped ?? this.startFields.list(key2(compact[0], compact[1]));
      this.reach.prepare(plain);
      this.pass++;
      this.newGapPass(/^[a-z0-9]{2}/.test(compact) ? key2(compact[0], compact[1]) : -1);
      const passed = this.pairPass(pairs, 2);
      for (let c = 0; c < source.length; c++) {
        const f = source[c];
        if (!((passed[f >>> 5] >>> (f & 31)) & 1)) continue;
        const r = this.gapsIn(f);
        if (!r) continue;
        gapped.push(f);
        if (r === 2) this.note(this.owner[f], FUZZY, 0, LAZY, f, 0, 0, Tier.Fuzzy);
      }
    }
    // Slips only when nothing matched without gaps, from five letters: one, and from ten letters two if one is not
    // enough.
    if (compact.length >= 5 && !strict) {
      // What the shorter query matched with as many slips or more is where the longer one can match.
      slipped = this.slipped(plain, last?.slipped, 1);
      if (max === 2 && !slipped.length) slipped = this.slipped(plain, last?.max === 2 ? last.slipped : undefined, 2);
      else max = 1;
    }
    this.last = { text: plain, contig, gapped, slipped, max };
  }

  /**
   * One, two or three letters, where most names match: every field (one letter), or the character positions the
   * index gives (`list`), come in order of popularity, so the page and the count are read off without touching
   * every name. Matches from a name's first character come first.
   */
  private few(
    compact: string,
    accept: ItemTest | undefined,
    limit: number,
    postings: Postings | undefined,
    key: number,
  ): void {
    const { items } = this.catalogue;
    const fields = this.owner.length;
    const one = !postings;
    const list = postings?.list(key);
    const letter = bit(compact, 0);
    const size = one ? fields : list!.length;
    const fieldAt = (k: number) => (one ? k : this.fieldOf[list![k]]);
    const matches = (k: number) => !one || (this.initials[k] & letter) !== 0;
    const passes = (n: number) => {
      if (!accept) return true;
      for (let k = this.itemsFrom[n]; k < this.itemsFrom[n + 1]; k++) if (accept(items[this.nameItems[k]])) return true;
      return false;
    };
    let total = 0;
    let page = 0;
    let previous = -1;
    const first = this.round;
    // From the start: the page's first names, read off the list of positions at a field's first character.
    const heads = one
      ? this.firsts.list(isLetter(compact.charCodeAt(0)) ? compact.charCodeAt(0) - 97 : -1)
      : (postings === this.starts ? this.heads : this.heads3).list(key);
    for (let c = 0; c < heads.length && page < limit; c++) {
      const f = one ? heads[c] : this.fieldOf[heads[c]];
      if (one && !(this.initials[f] & letter)) continue;
      const n = this.owner[f];
      if (this.stamp[n] !== first && passes(n)) {
        page++;
        this.note(n, PINYIN_START, 0, 200, f, 0, 0, Tier.Pinyin);
      }
    }
    // The count of every matching name's items: counted at build without a filter.
    if (!accept)
      total = one
        ? letter
          ? this.letterItems[31 - Math.clz32(letter)]
          : 0
        : (postings === this.starts ? this.keyItems : this.key3Items)[key];
    else {
      for (let k = 0; k < size; k++) {
        if (!matches(k)) continue;
        const n = this.owner[fieldAt(k)];
        if (n === previous) continue;
        previous = n;
        for (let i = this.itemsFrom[n]; i < this.itemsFrom[n + 1]; i++) if (accept(items[this.nameItems[i]])) total++;
      }
    }
    // Then the others, until the page is full.
    for (let k = 0; k < size && page < limit; k++) {
      if (!matches(k)) continue;
      const f = fieldAt(k);
      const n = this.owner[f];
      if (this.stamp[n] === first || !passes(n)) continue;
      page++;
      this.note(n, PINYIN, 0, 100, f, 0, 0, Tier.Pinyin);
    }
    this.counted = total;
  }

  /**
   * Contiguous pinyin matches from `source` (characters of distinct stretches where one can start: from the index, or
   * where the shorter query matched); those where the query matched. Each is asked once, then noted in every field
   * that repeats its stretch.
   */
  private contiguous(plain: string, compact: string, source: ArrayLike<number> | undefined): number[] {
    if (!source) {
      const pair = key2(compact[0], compact[1]);
      source =
        this.common[pair] && /^[a-z0-9]{3}/.test(plain)
          ? this.stretchStarts3.list(pair * 36 + letterIndex(compact[2]))
          : this.stretchStarts2.list(pair);
    }
    const matched: number[] = [];
    if (!this.reach.prepare(plain)) return matched;
    const v = this.bare;
    const { fieldOf, owner, at, kind, variant, occurrenceAt } = this;
    for (let c = 0; c < source.length; c++) {
      const canonical = source[c];
      const s = this.stretchOf[canonical];
      const offset = canonical - this.stretchBase[s];
      if (!this.reach.at(this.codes, this.sy, this.stretchAt[s] + offset, this.stretchEnd[s])) continue;
      matched.push(canonical);
      for (const k of this.occurrences.list(s)) {
        const j = occurrenceAt[k] + offset;
        const f = fieldOf[j];
        const n = owner[f];
        const alias = kind[f] === ALIAS;
        const start = j === at[f] && !alias;
        // Of equal matches, a name keeps its first field's, as if the fields were read in order.
        this.note(
          n,
          start ? PINYIN_START : PINYIN,
          alias ? 1 : 0,
          start ? 200 : 100,
          f,
          0,
          0,
          Tier.Pinyin,
          v ? variant[n] : 0,
          true,
        );
      }
    }
    return matched;
  }

  /**
   * `Reach.gapped` on field `f`, stretch by stretch: each distinct stretch is matched once
   * per pass for each set of positions a piece may start from when it begins.
   */
  private gapsIn(f: number): number {
    let resume = 1;
    let open = 0;
    for (let k = this.stretchesFrom[f]; k < this.stretchesFrom[f + 1]; k++) {
      const s = this.stretches[k];
      let r: number;
      if (resume === 1) {
        if (this.stretchPass[s] !== this.pass) {
          this.stretchPass[s] = this.pass;
          // From the query's start, a first piece must start where the index says, or nothing moves.
          const key = this.gapKey;
          this.stretchValue[s] =
            key >= 0 && !((this.stretchStarts[key * this.stretchPairWords + (s >>> 5)] >>> (s & 31)) & 1)
              ? 1
              : this.reach.gappedFrom(this.codes, this.sy, this.stretchAt[s], this.stretchEnd[s], 1);
        }
        r = this.stretchValue[s];
      } else {
        let memo = this.resumed.get(resume);
        if (!memo) {
          memo = this.spare.pop() ?? new Int32Array(this.stretchAt.length);
          this.resumed.set(resume, memo.fill(UNSET));
        }
        r = memo[s];
        if (r === UNSET) {
          // A stretch with no syllable starting with a letter a piece would begin with leaves the positions as they were.
          const letters = this.reach.pieceLetters(resume);
          r = memo[s] =
            letters >= 0 && !(this.stretchInitials[s] & letters)
              ? resume
              : this.reach.gappedFrom(this.codes, this.sy, this.stretchAt[s], this.stretchEnd[s], resume);
        }
      }
      if (r < 0) return 2;
      open |= r & OPEN;
      resume = r & ~OPEN;
    }
    return open ? 1 : 0;
  }

  /**
   * A new pass of `gapsIn` for a query starting with `key` (see `gapKey`): what the last one kept per set of start
   * positions is forgotten.
   */
  private newGapPass(key: number): void {
    this.gapKey = key;
    for (const memo of this.resumed.values()) if (this.spare.length < 64) this.spare.push(memo);
    this.resumed.clear();
  }

  /**
   * `Reach.contiguous` on field `f`, stretch by stretch: 0 when the first stretch matches from the field's first
   * character, 1 when a stretch matches elsewhere, -1 not. Each distinct stretch is matched once per pass.
   */
  private contiguousIn(f: number): number {
    const from = this.stretchesFrom[f];
    for (let k = from; k < this.stretchesFrom[f + 1]; k++) {
      const s = this.stretches[k];
      if (this.contiguousPass[s] !== this.pass) {
        this.contiguousPass[s] = this.pass;
        this.contiguousValue[s] = this.reach.contiguous(this.codes, this.sy, this.stretchAt[s], this.stretchEnd[s]);
      }
      const r = this.contiguousValue[s];
      if (r >= 0) return r === 0 && k === from && stretches(this.codes[this.at[f]]) ? 0 : 1;
    }
    return -1;
  }

  /**
   * `Reach.slipped` on field `f` (prepared with slips): a match ends within one stretch, so the
   * first stretch that matches says how; each distinct stretch is matched once per pass.
   */
  private slipsIn(f: number, max: number): number {
    for (let k = this.stretchesFrom[f]; k < this.stretchesFrom[f + 1]; k++) {
      const s = this.stretches[k];
      if (this.stretchPass[s] !== this.pass) {
        this.stretchPass[s] = this.pass;
        this.stretchValue[s] = this.reach.slipped(this.codes, this.sy, this.stretchAt[s], this.stretchEnd[s], max);
      }
      if (this.stretchValue[s] >= 0) return this.stretchValue[s];
    }
    return -1;
  }

  /**
   * The fields (or, given the stretches' `bits` and `words`, the distinct stretches) that have all but `budget` (at
   * most 4) of the letter pairs `pairs` (see `pairsOf`), as a bit set.
   */
  private pairPass(pairs: number[], budget: number, bits = this.pairs, words = this.pairWords): Int32Array {
    if (this.passed.length < words) this.passed = new Int32Array(words);
    const out = this.passed;
    // Per field, the pairs it lacks, counted in bit slices (1, 2, 4, and 8 or more), 32 fields at a time.
    for (let w = 0; w < words; w++) {
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let i = 0; i < pairs.length; i++) {
        const lacks = ~bits[pairs[i] * words + w];
        const t0 = c0 & lacks;
        c0 ^= lacks;
        const t1 = c1 & t0;
        c1 ^= t0;
        const t2 = c2 & t1;
        c2 ^= t1;
        c3 |= t2;
      }
      // At most `budget` (0 … 4) lacking.
      const over4 = c3 | (c2 & (c1 | c0));
      out[w] =
        budget >= 4
          ? ~over4
          : budget === 3
            ? ~(c3 | c2)
            : budget === 2
              ? ~(c3 | c2 | (c1 & c0))
              : budget === 1
                ? ~(c3 | c2 | c1)
                : ~(c3 | c2 | c1 | c0);
    }
    return out;
  }

  /**
   * Pinyin without gaps with up to `max` slips; from `source` (what the shorter query matched with as many) or every
   * field with the letters and all but two pairs of letters per slip. The fields matched (with fewer slips too).
   */
  private slipped(plain: string, source: number[] | undefined, max: number): number[] {
    const out: number[] = [];
    if (!this.reach.prepare(plain, true)) return out;
    // A slip breaks at most two pairs of typed letters.
    const pairs = pairsIn(plain.replace(/ /g, ''));
    const budget = 2 * max;
    this.pass++;
    source ??= this.slippedStretches(plain, pairs, budget, max);
    const passed = this.pairPass(pairs, budget);
    for (let c = 0; c < source.length; c++) {
      const f = source[c];
      if (!((passed[f >>> 5] >>> (f & 31)) & 1)) continue;
      const r = this.slipsIn(f, max);
      if (r < 0) continue;
      out.push(f);
      if (r > 0) this.note(this.owner[f], FUZZY, 0, LAZY, f, 0, r, Tier.Fuzzy);
    }
    return out;
  }

  /**
   * The slip search over every distinct stretch (a match ends within one), each answer kept for `slipsIn`: those
   * with the letters, initials and all but `budget` pairs the query needs are matched. The fields holding one that
   * matches, ascending.
   */
  private slippedStretches(plain: string, pairs: number[], budget: number, max: number): number[] {
    const [first, all] = masks(plain);
    const passed = this.pairPass(pairs, budget, this.stretchPairs, this.stretchPairWords);
    const fields: number[] = [];
    for (let s = 0; s < this.stretchAt.length; s++) {
      let r = -1;
      if ((passed[s >>> 5] >>> (s & 31)) & 1) {
        let initials = this.stretchInitials[s];
        if (initials & NL) initials |= NL;
        if ((initials & first) === first && popcount(all & ~this.stretchLetters[s]) <= max)
          r = this.reach.slipped(this.codes, this.sy, this.stretchAt[s], this.stretchEnd[s], max);
      }
      this.stretchPass[s] = this.pass;
      this.stretchValue[s] = r;
      if (r >= 0) for (const k of this.occurrences.list(s)) fields.push(this.fieldOf[this.occurrenceAt[k]]);
    }
    fields.sort((a, b) => a - b);
    return fields.filter((f, k) => !k || f !== fields[k - 1]);
  }

  /** Chinese, and Chinese mixed with pinyin: every form of the query, then slips, then in part. */
  private chinese(plain: string, text: string): void {
    const forms = (this.forms = [plain, ...officialForms(plain)]);
    // The query as typed too, fillers and all: an alias may be just that ("办退休").
    const typed = text.replace(/ /g, '');
    this.typedForm = typed !== plain.replace(/ /g, '') && HAN.test(typed) ? forms.push(text) - 1 : -1;
    const compact = plain.replace(/ /g, '');
    this.bare = !namesAction(compact) && [...compact].filter((c) => isHan(c.charCodeAt(0))).length >= 2;
    // A bare certificate's name: the item that issues it often leaves 证 out (教师资格证 → 教师资格认定). It stands
    // for the name as typed; a stem of two characters (健康, 身份) says too little.
    const stem = /^([\u3400-\u9fff]{3,})证书?$/.exec(compact)?.[1];
    this.stemForm = this.bare && stem && !forms.includes(stem) ? forms.push(stem) - 1 : -1;
    this.last = undefined;
    forms.forEach((form, i) => this.strict(form, i));
    const strict = this.touched.length;
    // Nothing, or only characters in order with gaps for a longer query: a same-sounding character per two typed,
    // or a missing one per four; in pinyin mixed in, one slip.
    const words = questionWords(text);
    const content = words.filter((w) => !w.weak).length;
    // Not for a question: its extra words are not slips.
    if (
      !words.some((w) => w.weak) &&
      content < 4 &&
      (!strict || (compact.length > 3 && this.touched.every((n) => this.tier[n] === Tier.Fuzzy)))
    ) {
      forms.slice(0, 2).forEach((form, i) => {
        const length = form.replace(/ /g, '').length;
        if (/[a-z]/.test(form)) {
          if (length > 3) this.slippedMixed(form, i);
        } else if (length > 1) this.homophones(form, i, length >> 1);
      });
    }
    // In part: for a question (or any query of two words or more) whose words are not all in one name.
    const named = this.touched.some((n) => this.key[n] < rankKey(PINYIN_START, 0, 0, 0));
    if (content >= 2 && !named) this.partial(words, 0.9, 0.5);
  }

  /** One form of a Chinese (or mixed) query, every character in one field. */
  private strict(form: string, formIndex: number): void {
    const compact = form.replace(/ /g, '');
    const mixed = /[a-z]/.test(compact);
    const list = this.holdingAll(compact);
    if (!list) return;
    const v = this.bare;
    if (mixed) {
      if (!this.reach.prepare(form)) return;
      this.pass++;
      this.newGapPass(-1);
      for (const f of list) {
        const n = this.owner[f];
        const r = this.contiguousIn(f);
        const start = r === 0 && this.kind[f] !== ALIAS && !formIndex;
        if (r >= 0)
          this.note(
            n,
            start ? PINYIN_START : PINYIN,
            this.sub(f, formIndex),
            r ? 100 : 200,
            f,
            formIndex,
            0,
            Tier.Pinyin,
            v ? this.variant[n] : 0,
          );
        else if (compact.length >= 3 && this.gapsIn(f) === 2) this.note(n, FUZZY, 0, LAZY, f, formIndex, 0, Tier.Fuzzy);
      }
      return;
    }
    for (const f of list) {
      const t = this.texts[f];
      const n = this.owner[f];
      const sub = this.sub(f, formIndex);
      const variant = v ? this.variant[n] : 0;
      const found = t.indexOf(compact);
      let pieces: number;
      if (found >= 0) {
        const exact = found === 0 && t.length === compact.length;
        const tier = sub ? Tier.Alias : exact ? Tier.Exact : found ? Tier.Word : Tier.Prefix;
        const group = exact ? EXACT : found || sub ? CONTAINS : START;
        this.note(n, group, sub, -found, f, formIndex, 0, tier, exact ? 0 : variant);
      } else if ((pieces = cover(t, compact))) {
        this.note(n, CONTAINS, sub, -10 * pieces - 20, f, formIndex, 0, sub ? Tier.Alias : Tier.Word, variant);
      } else if (inOrder(t, compact)) this.note(n, FUZZY, 0, LAZY, f, formIndex, 0, Tier.Fuzzy);
    }
  }

  /** Mixed input with one slip in its pinyin, over the fields holding its rarest Han character. */
  private slippedMixed(form: string, formIndex: number): void {
    const list = this.rarest(form.replace(/ /g, ''));
    if (!list || !this.reach.prepare(form, true)) return;
    this.pass++;
    for (const f of list) {
      const r = this.slipsIn(f, 1);
      if (r > 0) this.note(this.owner[f], FUZZY, 0, LAZY, f, formIndex, r, Tier.Fuzzy);
    }
  }

  /** Chinese with same-sounding characters (one per two typed) or a missing one (per four), aligned at once. */
  private homophones(form: string, formIndex: number, slips: number): void {
    const compact = form.replace(/ /g, '');
    const need = compact.length - (slips >> 1);
    this.aligner.prepare(form, slips);
    const inOrder = this.inOrderCount(compact);
    for (const f of this.sharing(compact, need)) {
      // A typed character left out costs two slips: the others must be there in order, or the same sound.
      if (inOrder && inOrder(f) < need) continue;
      const points = this.alignedScore(f);
      const used = Math.round(-points / SLIP);
      // Ranked with the strict fuzzy matches: a slip weighs about as much as a well-typed syllable.
      if (points !== -Infinity && used <= slips && used > 0)
        this.note(this.owner[f], FUZZY, 0, points + used * (SLIP - 12), f, formIndex, used, Tier.Fuzzy);
    }
  }

  /**
   * `aligner.score` on field `f`. Where the field starts with a stretch, the alignment goes on from where that stretch
   * left it, worked out once per preparation of the aligner: fields sharing their first stretch (one service's name,
   * qualified by who implements it) align only what follows it, and nothing at all when the query can take none of it.
   */
  private alignedScore(f: number): number {
    const a = this.at[f];
    const b = this.at[f + 1];
    const k = this.stretchesFrom[f];
    const sy = this.sy.subarray(a, b);
    if (k === this.stretchesFrom[f + 1] || !stretches(this.codes[a])) return this.aligner.score(this.texts[f], sy);
    const s = this.stretches[k];
    const end = a + this.stretchEnd[s] - this.stretchAt[s];
    if (this.headsVersion !== this.aligner.version) {
      this.headsVersion = this.aligner.version;
      this.alignedHeads.clear();
    }
    let head = this.alignedHeads.get(s);
    if (!head) this.alignedHeads.set(s, (head = this.aligner.head(this.texts[f], sy, end - a)));
    let takes = false;
    for (let j = end; !takes && j < b; j++) takes = this.aligner.positions(this.codes[j], this.sy[j]) !== 0;
    return takes ? this.aligner.score(this.texts[f], sy, undefined, head) : head[this.aligner.length];
  }

  /**
   * For a query of Han characters and digits (30 at most) that the aligner is prepared for with slips: how many of
   * its characters a field holds in order, each the same character or — for a Han character — one of the same sound
   * (the longest common subsequence on bits, from the positions `Aligner.positions` says a character can take).
   */
  private inOrderCount(compact: string): ((f: number) => number) | undefined {
    const m = compact.length;
    if (m > 30) return undefined;
    const all = m === 30 ? 0x3fffffff : (1 << m) - 1;
    const { codes, sy, aligner } = this;
    const along = (v: number, a: number, b: number) => {
      for (let j = a; j < b; j++) {
        const u = v & aligner.positions(codes[j], sy[j]);
        v = ((v + u) | (v - u)) & all;
      }
      return v;
    };
    // Fields sharing their first stretch go on from where it left the count.
    const round = ++this.inOrderRound;
    return (f) => {
      const a = this.at[f];
      const k = this.stretchesFrom[f];
      if (k === this.stretchesFrom[f + 1] || !stretches(codes[a])) return m - popcount(along(all, a, this.at[f + 1]));
      const s = this.stretches[k];
      const end = a + this.stretchEnd[s] - this.stretchAt[s];
      if (this.inOrderPass[s] !== round) {
        this.inOrderPass[s] = round;
        this.inOrderValue[s] = along(all, a, end);
      }
      return m - popcount(along(this.inOrderValue[s], end, this.at[f + 1]));
    };
  }

  /**
   * A question matched in part. Each word is weighed by how rare it is in the catalogue (filler and question words
   * count for little, one character for less, an action such as 丢了 or 补办 for half, a word of the everyday
   * dictionary for half as much again, a word no item uses as much as the rarest), and an item is scored by the share of that weight its fields — name, short
   * name, aliases — cover, a dictionary word counting when one of its official terms is there (0.6 for the first two
   * thirds of a long one). Kept when it covers more than `weight` of the weight and holds a word weighing at least `share` of
   * the heaviest.
   */
  private partial(words: QuestionWord[], share: number, weight: number): void {
    words = words.slice(0, 30);
    const fields = this.owner.length;
    const content = words.filter((w) => !w.weak).length;
    if (content < 2) return;
    // Each word's spellings: whole and, for long official terms, their first two thirds.
    const alts = words.map((w) =>
      w.alts.flatMap((a, i) => (i && a.length >= 4 ? [a, a.slice(0, Math.ceil((a.length * 2) / 3))] : [a])),
    );
    const cap = Math.max(300, fields >> 4);
    const weights = words.map((w) => {
      if (w.weak) return 0.1;
      // How many fields hold the word or a term for it (counted up to a bound; beyond it, it is common anyway).
      let df = Infinity;
      for (const a of w.alts) {
        const held = this.holding(a, 4 * cap);
        if (!held) continue;
        const count = held.fields ? held.fields.length : held.size;
        if (count) df = Math.min(df, count);
      }
      // A word no item uses weighs as much as the rarest: the district may just not hold what it names.
      if (df === Infinity) return 8;
      let idf = Math.min(8, Math.max(1, Math.log2(fields / (df + 1))));
      if (w.word.length < 2) idf = Math.min(idf, 2);
      if (namesAction(w.word)) idf /= 2;
      return w.alts.length > 1 ? idf * 1.5 : idf;
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    const heaviest = Math.max(...weights.filter((_, t) => !words[t].weak));
    // Per candidate item (name): the words one of its fields holds whole, and those it holds only in part.
    const full = new Map<number, number>();
    const part = new Map<number, number>();
    const markOwner = (n: number, t: number, whole: boolean) => {
      if (whole) full.set(n, (full.get(n) ?? 0) | (1 << t));
      part.set(n, (part.get(n) ?? 0) | (whole ? 0 : 1 << t));
    };
    // Candidates: the fields holding a word (or an official term for it), read through the postings of its rarest
    // character, skipping words so common they say little.
    let generated = false;
    words.forEach((w, t) => {
      if (w.weak) return;
      for (const a of alts[t]) {
        const held = this.holding(a, 4 * cap);
        if (!held || held.size > (a.length > 1 ? cap : cap >> 2)) continue;
        generated = true;
        const whole = w.alts.includes(a);
        for (const f of held.fields!) markOwner(this.owner[f], t, whole);
      }
    });
    if (!generated) return;
    // The other words, in every field of each candidate.
    for (const n of [...part.keys()]) {
      const held = full.get(n) ?? 0;
      for (let t = 0; t < words.length; t++) {
        if (held & (1 << t)) continue;
        const spellings = alts[t];
        for (let f = this.fieldsFrom[n]; f < this.fieldsFrom[n + 1]; f++) {
          const text = this.texts[f];
          let a: string | undefined;
          for (let k = 0; k < spellings.length && a === undefined; k++)
            if (text.includes(spellings[k])) a = spellings[k];
          if (a === undefined) continue;
          const whole = words[t].alts.includes(a);
          markOwner(n, t, whole);
          if (whole) break;
        }
      }
    }
    this.words = words;
    for (const [n, p] of part) {
      const f = full.get(n) ?? 0;
      let covered = 0;
      let heavy = false;
      for (let t = 0; t < words.length; t++) {
        const whole = f & (1 << t);
        if (!whole && !(p & (1 << t))) continue;
        covered += weights[t] * (whole ? 1 : 0.6);
        if (!words[t].weak && weights[t] >= share * heaviest) heavy = true;
      }
      const score = covered / sum;
      if (!heavy || score <= weight) continue;
      // A bare question: the variant first; then the share covered in tenths, then exactly.
      this.note(
        n,
        PARTIAL,
        0,
        Math.floor(score * 10) * 10 + score,
        this.fieldsFrom[n],
        0,
        0,
        Tier.Partial,
        this.bare ? this.variant[n] : 0,
      );
    }
  }

  /**
   * For a word of a question: how many fields hold its rarest character, and — when that is `bound` or fewer — the
   * fields that hold the whole word; undefined when a character is in no field. What the catalogue says of a word
   * does not change, and typing a question on asks again for the same words, so the answers are kept.
   */
  private holding(word: string, bound: number): { size: number; fields?: Uint32Array } | undefined {
    let held = this.held.get(word);
    if (held === undefined) {
      const list = this.rarest(word);
      held = null;
      if (list) {
        const fields: number[] = [];
        if (list.length <= bound) for (const f of list) if (this.texts[f].includes(word)) fields.push(f);
        held = list.length <= bound ? { size: list.length, fields: Uint32Array.from(fields) } : { size: list.length };
      }
      if (this.held.size >= 4096) this.held.clear();
      this.held.set(word, held);
    }
    return held ?? undefined;
  }

  /**
   * The fields holding every non-letter character of `text` (what a match without slips needs); undefined when one is
   * in no field.
   */
  private holdingAll(text: string): number[] | undefined {
    const lists: ArrayLike<number>[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isLetter(code) || code === 32) continue;
      const slot = this.charSlot[code];
      if (slot < 0) return undefined;
      lists.push(this.chars.list(slot));
    }
    return lists.length ? intersect(lists) : undefined;
  }

  /** The postings of the rarest non-letter character of `text`; undefined when one is in no field. */
  private rarest(text: string): Uint16Array | Uint32Array | undefined {
    let best: Uint16Array | Uint32Array | undefined;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isLetter(code) || code === 32) continue;
      const slot = this.charSlot[code];
      if (slot < 0) return undefined;
      const list = this.chars.list(slot);
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }

  /** Fields holding at least `need` of the characters of `text`, counting a same-sounding character. */
  private sharing(text: string, need: number): number[] {
    const fields = this.owner.length;
    if (this.shared.length < fields) {
      this.shared = new Uint16Array(fields);
      this.mark = new Float64Array(fields);
    }
    const base = this.marks;
    this.marks += text.length + 1;
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const lists: ArrayLike<number>[] = [];
      const slot = this.charSlot[text.charCodeAt(i)];
      if (slot >= 0) lists.push(this.chars.list(slot));
      for (const r of this.catalogue.charPinyin[text[i]] ?? []) {
        const id = this.syllables.find(r);
        if (id) lists.push(this.sounds.list(id));
      }
      for (const list of lists) {
        for (let c = 0; c < list.length; c++) {
          const f = list[c];
          if (this.mark[f] === base + i + 1) continue;
          if (this.mark[f] <= base) this.shared[f] = 0;
          this.mark[f] = base + i + 1;
          if (++this.shared[f] === need) out.push(f);
        }
      }
    }
    return out;
  }

  /** How a field stands for its item: 0 its name (or short name), 1 an alias, 2 through a rewritten query. */
  private sub(f: number, formIndex = 0): number {
    const own = !formIndex || formIndex === this.typedForm || formIndex === this.stemForm;
    return own ? (this.kind[f] === ALIAS ? 1 : 0) : 2;
  }

  /** Records a match of name `n` when it is better than the one it has in this search. */
  private note(
    n: number,
    group: number,
    sub: number,
    points: number,
    field: number,
    form: number,
    slips: number,
    tier: Tier,
    variant = 0,
    lowestField = false,
  ): void {
    const key = rankKey(group, variant, sub, points);
    if (this.stamp[n] !== this.round) {
      this.stamp[n] = this.round;
      this.touched.push(n);
    } else if (key > this.key[n] || (key === this.key[n] && (!lowestField || field > this.field[n]))) return;
    this.key[n] = key;
    this.tier[n] = tier;
    this.field[n] = field;
    this.form[n] = form;
    this.slips[n] = slips;
  }

  /** Expands the names found to items, filters, keeps the best `limit` (key, then popularity). */
  private rank(accept: ItemTest | undefined, limit: number): SearchResult {
    const { items } = this.catalogue;
    const names = this.touched;
    this.settle(names, accept ? Infinity : limit);
    const top: Ranked[] = [];
    let total = 0;
    const big = limit > 200;
    for (const n of names) {
      const key = this.key[n];
      const from = this.itemsFrom[n];
      const to = this.itemsFrom[n + 1];
      if (!accept) {
        total += to - from;
        // A name that cannot reach the page only needs counting.
        if (!big && top.length === limit) {
          const worst = top[limit - 1];
          if (key > worst[0] || (key === worst[0] && compare(key, this.topPopularity[n], n, worst) >= 0)) continue;
        }
      }
      for (let k = from; k < to; k++) {
        const index = this.nameItems[k];
        const item = items[index];
        if (accept) {
          if (!accept(item)) continue;
          total++;
        }
        const entry: Ranked = [key, item.popularity, n, index];
        if (big) {
          top.push(entry);
          continue;
        }
        let at = top.length;
        while (at > 0 && compare(key, item.popularity, n, top[at - 1]) < 0) at--;
        if (at < limit) top.splice(at, 0, entry);
        if (top.length > limit) top.pop();
      }
    }
    if (big) {
      top.sort((a, b) => compare(a[0], a[1], a[2], b));
      top.length = Math.min(top.length, limit);
    }
    this.topItem = top[0]?.[3] ?? -1;
    return {
      total: this.counted ?? total,
      hits: top.map(([, , n, index]) => ({ item: items[index], tier: this.tier[n] as Tier, spans: this.spans(n) })),
    };
  }

  /**
   * Aligns gapped and slipped matches exactly, but only when fewer than `room` better names leave them a place on
   * the first page, and then only the 100 most popular; the rest keep the lowest points.
   */
  private settle(names: number[], room: number): void {
    const unsettled = rankKey(FUZZY, 0, 0, LAZY);
    const lazy = names.filter((n) => this.key[n] === unsettled);
    if (!lazy.length) return;
    if (names.length - lazy.length < room) {
      lazy.sort((a, b) => a - b);
      let prepared = -1;
      for (const n of lazy.slice(0, 100)) {
        const slips = this.slips[n];
        const key = this.form[n] * 64 + slips;
        if (key !== prepared) this.aligner.prepare(this.forms[this.form[n]], slips);
        prepared = key;
        const f = this.field[n];
        const points = this.alignedScore(f);
        const score = points === -Infinity ? LAZY + 1 : points + Math.round(-points / SLIP) * (SLIP - 12);
        this.key[n] = rankKey(FUZZY, 0, 0, score);
      }
    }
  }

  /**
   * The text of the field name `n` matched on that the query stands for, as the longest stretch of adjacent matched
   * characters ("身份证" for "shenfenzhegn", "社保卡" for "shebaoak").
   */
  private matched(n: number): string | undefined {
    const f = this.field[n];
    const marks: number[] = [];
    this.aligner.prepare(this.forms[this.form[n]] ?? '', this.slips[n]);
    if (this.aligner.score(this.texts[f], this.sy.subarray(this.at[f], this.at[f + 1]), marks) === -Infinity) return;
    marks.reverse();
    let best = [0, 0];
    for (let i = 0, from = 0; i < marks.length; i++) {
      if (i && marks[i] !== marks[i - 1] + 1) from = i;
      if (i - from + 1 > best[1] - best[0]) best = [from, i + 1];
    }
    const original = this.kind[f] === NAME ? this.names[n] : this.texts[f];
    return original.slice(marks[best[0]], marks[best[1] - 1] + 1) || undefined;
  }

  /** Where the query matches name `n`, as ranges for highlighting. */
  private spans(n: number): [number, number][] {
    const name = this.names[n].toLowerCase();
    const f = this.fieldsFrom[n];
    const out: [number, number][] = [];
    const add = (j: number, end: number) => {
      const last = out[out.length - 1];
      if (last && last[1] >= j) last[1] = Math.max(last[1], end);
      else out.push([j, end]);
    };
    if (this.tier[n] === Tier.Partial) {
      for (const w of this.words) {
        if (w.weak) continue;
        for (const a of w.alts) {
          const at = name.indexOf(a);
          if (at >= 0) {
            add(at, at + a.length);
            break;
          }
        }
      }
      return out.sort((a, b) => a[0] - b[0]);
    }
    const text = this.forms[this.form[n]];
    if (text === undefined) return out;
    const compact = text.replace(/ /g, '');
    const at = name.indexOf(compact);
    if (at >= 0) return [[at, at + compact.length]];
    // Aligned on the field that matched when it is the short name (its characters map back to the name), else on
    // the name itself.
    const best = this.field[n];
    const map = this.shortAt.get(best);
    const g = map ? best : f;
    const marks: number[] = [];
    for (const slips of [this.slips[n], compact.length]) {
      this.aligner.prepare(text, slips);
      if (
        this.aligner.score(map ? this.texts[g] : name, this.sy.subarray(this.at[g], this.at[g + 1]), marks) !==
        -Infinity
      )
        break;
    }
    for (const j of marks.reverse()) {
      const k = map ? map[j] : j;
      add(k, k + 1);
    }
    return out;
  }
}

/** A test of each item, for filters the `SearchFilter` fields do not express. */
export type ItemTest = (item: CatalogueItem) => boolean;

function test(filter: SearchFilter | ItemTest): ItemTest | undefined {
  if (typeof filter === 'function') return filter;
  if (Object.values(filter).every((v) => v === undefined || v === false)) return undefined;
  return (item) => passes(item, filter);
}

/** A name's place, lower first: group, variant, how the field stands for the item, then points (higher first). */
function rankKey(group: number, variant: number, sub: number, points: number): number {
  return ((group * 4 + variant) * 4 + sub) * 1e6 + (5e5 - Math.max(-4.9e5, Math.min(4.9e5, points)));
}

/** Official terms that residents abbreviate, by their first character (see `abbreviations`). */
function abbreviationsByChar(): Map<string, [string, string, number[]][]> {
  const out = new Map<string, [string, string, number[]][]>();
  for (const entry of abbreviations()) {
    const list = out.get(entry[0][0]) ?? [];
    list.push(entry);
    out.set(entry[0][0], list);
  }
  // Longest target first where several start alike.
  for (const list of out.values()) list.sort((a, b) => b[0].length - a[0].length);
  return out;
}

/** Into how many pieces of two or more characters, found anywhere in `t`, `q` can be cut (greedily); 0 if none. */
function cover(t: string, q: string): number {
  let pieces = 0;
  for (let i = 0; i < q.length; pieces++) {
    let len = 0;
    while (i + len < q.length && t.includes(q.slice(i, i + len + 1))) len++;
    if (len < 2 || pieces > 2) return 0;
    i += len;
  }
  return pieces;
}

/** Whether the characters of `q` appear in `t` in order. */
function inOrder(t: string, q: string): boolean {
  let from = 0;
  for (let i = 0; i < q.length; i++) {
    from = t.indexOf(q[i], from);
    if (from < 0) return false;
    from++;
  }
  return true;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether a name's character can be taken by a query (see `SearchIndex.stretches`). */
const stretches = (code: number) => isHan(code) || isLetter(code) || isDigit(code);

/** Letters a–z as 0–25, digits as 26–35. */
const letterIndex = (ch: string) => {
  const code = ch.charCodeAt(0);
  return isDigit(code) ? code - 22 : code - 97;
};
const key2 = (a: string, b: string) => letterIndex(a) * 36 + letterIndex(b);
const KEYS = 36 * 36;

/** Pairs of letters a–z. */
const PAIRS = 26 * 26;

/**
 * The pairs of letters that typing a character with syllable `a` followed by one with syllable `b` can produce:
 * within `a`, and from any start of `a` (its initial, zh/ch/sh, an unfinished start, the whole) to the first letter
 * of `b`. Set for field `f` in `out`, `words` words per pair.
 */
function pairsOf(a: string, b: string, out: Int32Array, words: number, f: number): void {
  const set = (x: number, y: number) => {
    if (x < 97 || x > 122 || y < 97 || y > 122) return;
    const p = (x - 97) * 26 + (y - 97);
    out[p * words + (f >>> 5)] |= 1 << (f & 31);
  };
  for (let k = 0; k + 1 < a.length; k++) set(a.charCodeAt(k), a.charCodeAt(k + 1));
  if (b) for (let k = 0; k < a.length; k++) set(a.charCodeAt(k), b.charCodeAt(0));
}

/** The distinct letter pairs of a typed run (letters only). */
function pairsIn(compact: string): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 1 < compact.length; i++) {
    const x = compact.charCodeAt(i);
    const y = compact.charCodeAt(i + 1);
    if (isLetter(x) && isLetter(y)) out.add((x - 97) * 26 + (y - 97));
  }
  return [...out];
}

const bit = (s: string, k: number) => {
  const code = s.charCodeAt(k);
  return isLetter(code) ? 1 << (code - 97) : 0;
};

/** n and l, which many residents (Sichuan among them) do not tell apart. */
const NL = bit('n', 0) | bit('l', 0);

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** Bits of the first letter of each typed run of letters, and of all typed letters. */
function masks(text: string): [number, number] {
  let first = 0;
  let all = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLetter(code)) continue;
    all |= bit(text, i);
    if (i === 0 || !isLetter(text.charCodeAt(i - 1))) first |= bit(text, i);
  }
  return [first, all];
}

/** Key, popularity, name, item index. */
type Ranked = [number, number, number, number];

function compare(key: number, popularity: number, name: number, b: Ranked): number {
  return key - b[0] || b[1] - popularity || name - b[2];
}

function passes(item: CatalogueItem, f: SearchFilter): boolean {
  return (
    (f.dept === undefined || item.dept === f.dept) &&
    (!f.fullyOnline || item.fullyOnline) &&
    (!f.noVisit || item.visits === 0) &&
    (!f.crossRegion || item.crossRegion !== 'none') &&
    (!f.instant || item.instant) &&
    (f.type === undefined || item.type === f.type)
  );
}
