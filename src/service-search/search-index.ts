import type { Catalogue, CatalogueItem } from '../core/api/types.gen.js';
import { Aligner } from './aligner.js';
import { Reach } from './reach.js';
import { abbreviations, officialForms, withoutFillers } from './colloquial.js';
import { isHan, isLetter, normalizeQuery } from './query-text.js';
import { SLIP, Syllables } from './syllables.js';

/** Match tiers, best first: the whole name, its start, an alias or everyday word, a word of it, pinyin, fuzzy. */
export const enum Tier {
  Exact,
  Prefix,
  Alias,
  Word,
  Pinyin,
  Fuzzy,
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
}

const NONE = -Infinity;
/** Points of a gapped pinyin match, aligned exactly only if it may be shown (see `rank`). */
const LAZY = -1e9;

/**
 * Client-side search over a catalogue. Item names are indexed once per distinct name, with the departments that
 * implement them grouped under it (a city's catalogue repeats each name for every district), and aliases as extra
 * fields of the same name. Chinese is matched by exact substring first (through a character index), then as
 * characters in order; pinyin through `Aligner`. Spoken words are rewritten to official terms (`officialForms`).
 */
export class SearchIndex {
  readonly syllables = new Syllables();
  /** Field texts: the distinct names first (field i is name i), then aliases. */
  private readonly texts: string[] = [];
  private readonly sy: Uint16Array[] = [];
  private readonly owner: number[] = [];
  /** Per field: bit mask of syllable initials, and of all letters of its pinyin. */
  private readonly initials: number[] = [];
  private readonly letters: number[] = [];
  /**
   * Per field, for one or two typed letters (the keystrokes that match the most names), searched natively: the
   * first two letters of each character's syllable ("|sh|hu|ba…", "|." for none), and each one's initial.
   */
  private readonly heads: string[] = [];
  private readonly firsts: string[] = [];
  private readonly postings = new Map<number, number[]>();
  /** Fields by syllable id, for same-sounding characters. */
  private readonly sounds = new Map<number, number[]>();
  private shared = new Uint16Array(0);
  private last = new Float64Array(0);
  private mark = 0;
  /** Per distinct name: the items that carry it; per item: its name. */
  private readonly names: number[][] = [];
  private readonly nameIndex: Int32Array;
  private readonly maxPopularity: number[];
  private readonly aligner: Aligner;
  private readonly reach: Reach;
  private stamp = new Uint32Array(0);
  private tier = new Uint8Array(0);
  private points = new Float64Array(0);
  private form = new Uint8Array(0);
  /** Per name: the field (name or alias) its best match was on, and the slips that match may use. */
  private field = new Int32Array(0);
  private slips = new Uint8Array(0);
  private round = 0;
  private touched: number[] = [];
  /** The last pinyin query and the fields it matched strictly, and with a slip (when that was tried). */
  private typed?: [string, number[]];
  private slipped?: [string, number[]];

  constructor(readonly catalogue: Catalogue) {
    const { items, charPinyin } = catalogue;
    this.aligner = new Aligner(this.syllables, charPinyin);
    this.reach = new Reach(this.syllables, charPinyin);
    const byName = new Map<string, number>();
    this.nameIndex = new Int32Array(items.length);
    items.forEach((item, index) => {
      let n = byName.get(item.name);
      if (n === undefined) {
        byName.set(item.name, (n = this.names.length));
        this.names.push([]);
        const spoken = item.pinyin.split(' ');
        let k = 0;
        this.add(item.name, n, (ch) => (isHan(ch.charCodeAt(0)) ? spoken[k++] : undefined));
      }
      this.names[n].push(index);
      this.nameIndex[index] = n;
    });
    // Each name again with official terms abbreviated as residents say them (社会保障卡 → 社保卡), keeping pinyin.
    const short = abbreviations();
    const count = this.texts.length;
    for (let n = 0; n < count; n++) {
      const name = this.texts[n];
      if (!short.some(([target]) => name.includes(target))) continue;
      let text = '';
      const sy: number[] = [];
      for (let j = 0; j < name.length;) {
        const hit = short.find(([target]) => name.startsWith(target, j));
        for (const k of hit ? hit[2] : [0]) {
          text += name[j + k];
          sy.push(this.sy[n][j + k]);
        }
        j += hit ? hit[0].length : 1;
      }
      this.add(text, n, (_, j) => this.syllables.list[sy[j]]);
    }
    const reading = (ch: string) => charPinyin[ch]?.[0];
    const seen = new Set(this.texts.map((t, f) => `${this.owner[f]} ${t}`));
    items.forEach((item) => {
      const n = byName.get(item.name)!;
      for (const alias of item.aliases) {
        const text = normalizeQuery(alias, {}).replace(/ /g, '');
        if (!text || seen.has(`${n} ${text}`)) continue;
        seen.add(`${n} ${text}`);
        this.add(text, n, reading);
      }
    });
    const size = this.names.length;
    this.stamp = new Uint32Array(size);
    this.tier = new Uint8Array(size);
    this.points = new Float64Array(size);
    this.form = new Uint8Array(size);
    this.field = new Int32Array(size);
    this.slips = new Uint8Array(size);
    this.shared = new Uint16Array(this.texts.length);
    this.last = new Float64Array(this.texts.length);
    this.maxPopularity = this.names.map((list) => Math.max(...list.map((i) => items[i].popularity)));
  }

  private add(text: string, owner: number, syllableOf: (ch: string, at: number) => string | undefined): void {
    const f = this.texts.length;
    const sy = new Uint16Array(text.length);
    let initials = 0;
    let letters = 0;
    let heads = '';
    let firsts = '';
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const syllable = isHan(code) ? syllableOf(text[j], j) : isLetter(code | 32) ? text[j].toLowerCase() : undefined;
      heads += `|${syllable?.slice(0, 2) ?? '.'}`;
      firsts += syllable?.[0] ?? '.';
      if (syllable && isHan(code)) {
        sy[j] = this.syllables.id(syllable);
        push(this.sounds, sy[j], f);
      }
      if (syllable) {
        initials |= bit(syllable, 0);
        for (let k = 0; k < syllable.length; k++) letters |= bit(syllable, k);
      }
      push(this.postings, code, f);
    }
    this.texts.push(text);
    this.sy.push(sy);
    this.owner.push(owner);
    this.initials.push(initials);
    this.letters.push(letters);
    this.heads.push(heads);
    this.firsts.push(firsts);
  }

  /** Items matching `query` and `filter`, best first; with an empty query, the most popular. */
  search(query: string, filter: SearchFilter = {}, limit = 50): SearchResult {
    const text = normalizeQuery(query, this.catalogue.traditional);
    if (!text) return this.rank(this.names.keys(), filter, limit, []);
    const plain = withoutFillers(text);
    const forms = [plain, ...officialForms(plain)];
    this.round++;
    this.touched = [];
    forms.forEach((f, i) => this.pass(f, i, 0));
    // No match, or only gapped ones for a longer query: also try with slips — one in pinyin (a confusion or a
    // dropped letter), and in Chinese a same-sounding character per two typed or a missing one per four.
    if (!this.touched.length || (text.length > 3 && this.touched.every((n) => this.tier[n] === Tier.Fuzzy))) {
      forms.slice(0, 2).forEach((f, i) => {
        const length = f.replace(/ /g, '').length;
        const latin = /[a-z]/.test(f);
        // A slip in two or three letters finds noise rather than the word that was meant.
        if (length > (latin ? 3 : 1)) this.pass(f, i, latin ? 1 : length >> 1);
      });
    }
    return this.rank(this.touched, filter, limit, forms);
  }

  /** When nothing matches: the names that share the most with the query (for "did you mean"). */
  closest(query: string, filter: SearchFilter = {}, limit = 5): SearchHit[] {
    const text = withoutFillers(normalizeQuery(query, this.catalogue.traditional));
    if (!text) return [];
    this.round++;
    this.touched = [];
    this.pass(text, 0, 2 * text.length - 2);
    return this.rank(this.touched, filter, limit, [text]).hits;
  }

  /** One pass over the names and aliases for one form of the query; `slips` tolerated per match (0: strict). */
  private pass(text: string, formIndex: number, slips: number): void {
    const compact = text.replace(/ /g, '');
    const { texts, owner, aligner } = this;
    const latin = /[a-z]/.test(compact);
    let prepared = false;
    const align = (f: number) => {
      if (!prepared) aligner.prepare(text, slips);
      prepared = true;
      return aligner.score(texts[f], this.sy[f]);
    };
    const formTier = formIndex ? Tier.Alias : Tier.Exact;
    if (!slips) {
      // Every character typed must be in the name: start from the rarest one's postings.
      let rarest: number[] | undefined;
      for (let i = 0; i < compact.length; i++) {
        const code = compact.charCodeAt(i);
        if (isLetter(code)) continue;
        const list = this.postings.get(code) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      const [first, all] = masks(text);
      const fast = latin && this.reach.prepare(text);
      const tiny = /^[a-z]{1,2}$/.test(text) && `|${text}`;
      // Typing on: what the longer query matches, the shorter one matched too.
      const keep = fast && !rarest && !formIndex;
      const list = rarest ?? (keep && this.typed && text.startsWith(this.typed[0]) ? this.typed[1] : undefined);
      const matched: number[] = [];
      const count = list ? list.length : texts.length;
      for (let c = 0; c < count; c++) {
        const f = list ? list[c] : c;
        let tier: Tier;
        let points: number;
        let pieces: number;
        if (latin) {
          if ((this.initials[f] & first) !== first || (this.letters[f] & all) !== all) continue;
          // Without gaps, a pinyin match; with gaps, a fuzzy one, ranked by its exact alignment.
          const how = tiny
            ? this.heads[f].startsWith(tiny) || this.firsts[f].startsWith(compact)
              ? 0
              : this.heads[f].includes(tiny) || (compact.length > 1 && this.firsts[f].includes(compact))
                ? 1
                : -1
            : fast
              ? this.reach.match(texts[f], this.sy[f])
              : 3;
          if (how < 0) continue;
          matched.push(f);
          tier = how < 2 ? Tier.Pinyin : Tier.Fuzzy;
          points = how < 2 ? 100 * (2 - how) : LAZY;
        } else {
          const t = texts[f];
          const at = t.indexOf(compact);
          if (at >= 0) {
            tier =
              f >= this.names.length
                ? Tier.Alias
                : at
                  ? Tier.Word
                  : t.length === compact.length
                    ? Tier.Exact
                    : Tier.Prefix;
            points = -at;
          } else if ((pieces = cover(t, compact))) {
            tier = Tier.Word;
            points = -10 * pieces;
          } else {
            points = align(f);
            tier = Tier.Fuzzy;
          }
        }
        if (points !== NONE) this.note(owner[f], Math.max(tier, formTier), points, formIndex, f, 0);
      }
      if (keep) {
        this.typed = [text, matched];
        this.slipped = undefined;
      }
    } else {
      const [first, all] = masks(text);
      // Pinyin: one slip, found on bit sets and aligned only if shown; typing on, only names the shorter query
      // matched, strictly or with its slip, can match. Chinese: only names holding enough of the typed characters
      // or their sounds (a missing one costs a skip), aligned at once.
      const bits = latin && this.reach.prepare(text, true);
      const keep = bits && !formIndex;
      const before = keep && this.typed && this.slipped && text.startsWith(this.slipped[0]) ? this.slipped : undefined;
      const candidates = latin
        ? before && [...before[1], ...this.typed![1]]
        : this.sharing(compact, compact.length - (slips >> 1));
      const matched: number[] = [];
      const count = candidates ? candidates.length : texts.length;
      for (let c = 0; c < count; c++) {
        const f = candidates ? candidates[c] : c;
        let initials = this.initials[f];
        if (initials & NL) initials |= NL;
        // Letters the name lacks must be slips (a confusion adds h, g, n, l or u), one each.
        if (
          latin &&
          ((initials & first) !== first || popcount(all & ~this.letters[f]) > slips || all & ~(this.letters[f] | LOOSE))
        )
          continue;
        if (bits) {
          if (!this.reach.slipped(texts[f], this.sy[f])) continue;
          matched.push(f);
          this.note(owner[f], Tier.Fuzzy, LAZY, formIndex, f, slips);
          continue;
        }
        const points = align(f);
        const used = Math.round(-points / SLIP);
        // Ranked with the strict fuzzy matches: a slip weighs about as much as a well-typed syllable.
        if (points !== NONE && used <= slips)
          this.note(owner[f], Tier.Fuzzy, points + used * (SLIP - 12), formIndex, f, 0);
      }
      if (keep) this.slipped = [text, matched];
    }
  }

  /** Fields holding at least `need` of the characters of `text`, counting a same-sounding character. */
  private sharing(text: string, need: number): number[] {
    const base = this.mark;
    this.mark += text.length + 1;
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const lists = [this.postings.get(text.charCodeAt(i))];
      for (const r of this.catalogue.charPinyin[text[i]] ?? []) lists.push(this.sounds.get(this.syllables.find(r)));
      for (const list of lists) {
        for (const f of list ?? []) {
          if (this.last[f] === base + i + 1) continue;
          if (this.last[f] <= base) this.shared[f] = 0;
          this.last[f] = base + i + 1;
          if (++this.shared[f] === need) out.push(f);
        }
      }
    }
    return out;
  }

  private note(n: number, tier: Tier, points: number, form: number, field: number, slips: number): void {
    if (this.stamp[n] !== this.round) {
      this.stamp[n] = this.round;
      this.touched.push(n);
    } else if (tier > this.tier[n] || (tier === this.tier[n] && points <= this.points[n])) return;
    this.tier[n] = tier;
    this.points[n] = points;
    this.form[n] = form;
    this.field[n] = field;
    this.slips[n] = slips;
  }

  /** Expands names to items, filters, keeps the best `limit` (tier, then points, then popularity). */
  private rank(names: Iterable<number>, filter: SearchFilter, limit: number, forms: string[]): SearchResult {
    const { items } = this.catalogue;
    const top: Ranked[] = [];
    const open = Object.values(filter).every((v) => v === undefined || v === false);
    if (forms.length) this.settle([...names], open ? limit : Infinity, forms);
    let total = 0;
    for (const n of names) {
      const tier = forms.length ? this.tier[n] : 0;
      const points = forms.length ? this.points[n] : 0;
      const list = this.names[n];
      // Without filters, a name that cannot reach the top only needs counting.
      if (open) {
        total += list.length;
        if (top.length === limit && compare([tier, points, this.maxPopularity[n], -1], top[limit - 1]) >= 0) continue;
      }
      for (const index of list) {
        const item = items[index];
        if (!open && !passes(item, filter)) continue;
        if (!open) total++;
        const entry: Ranked = [tier, points, item.popularity, index];
        let at = top.length;
        while (at > 0 && compare(entry, top[at - 1]) < 0) at--;
        if (at < limit) top.splice(at, 0, entry);
        if (top.length > limit) top.pop();
      }
    }
    let prepared = -1;
    return {
      total,
      hits: top.map(([tier, , , index]) => {
        const n = this.nameIndex[index];
        const form = this.form[n];
        if (forms.length && form !== prepared) this.aligner.prepare(forms[(prepared = form)], 0);
        return { item: items[index], tier, spans: forms.length ? this.spans(n, forms[form]) : [] };
      }),
    };
  }

  /**
   * Aligns gapped (and slipped) pinyin matches exactly, but only when fewer than `room` better names leave them a
   * place on the first page, and then only the 100 most popular; the rest keep the lowest points.
   */
  private settle(names: number[], room: number, forms: string[]): void {
    const lazy = names.filter((n) => this.points[n] === LAZY);
    if (!lazy.length) return;
    if (names.length - lazy.length < room) {
      lazy.sort((a, b) => this.maxPopularity[b] - this.maxPopularity[a]);
      let prepared = -1;
      for (const n of lazy.slice(0, 100)) {
        const key = this.form[n] * 64 + this.slips[n];
        if (key !== prepared) this.aligner.prepare(forms[this.form[n]], this.slips[n]);
        prepared = key;
        const f = this.field[n];
        const points = this.aligner.score(this.texts[f], this.sy[f]);
        this.points[n] = points + Math.round(-points / SLIP) * (SLIP - 12);
      }
    }
    for (const n of lazy) if (this.points[n] === LAZY) this.points[n] = -1e6;
  }

  /** Where `text` (already prepared in the aligner) matches name `n`, as ranges for highlighting. */
  private spans(n: number, text: string): [number, number][] {
    const compact = text.replace(/ /g, '');
    const at = this.texts[n].indexOf(compact);
    if (at >= 0) return [[at, at + compact.length]];
    const marks: number[] = [];
    if (this.aligner.score(this.texts[n], this.sy[n], marks) === NONE) {
      this.aligner.prepare(text, text.length);
      this.aligner.score(this.texts[n], this.sy[n], marks);
      this.aligner.prepare(text, 0);
    }
    const out: [number, number][] = [];
    for (const j of marks.reverse()) {
      const last = out[out.length - 1];
      if (last && last[1] === j) last[1]++;
      else out.push([j, j + 1]);
    }
    return out;
  }
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

function push(map: Map<number, number[]>, key: number, f: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [f]);
  else if (list[list.length - 1] !== f) list.push(f);
}

const bit = (s: string, k: number) => 1 << (s.charCodeAt(k) - 97);

/** n and l, which many residents (Sichuan among them) do not tell apart. */
const NL = bit('n', 0) | bit('l', 0);

/** Letters a confusion may add: zh for z, ing for in, n for l and back, u for v. */
const LOOSE = bit('h', 0) | bit('g', 0) | NL | bit('u', 0);

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

/** Tier, points, popularity, item index. */
type Ranked = [number, number, number, number];

function compare(a: Ranked, b: Ranked): number {
  return a[0] - b[0] || b[1] - a[1] || b[2] - a[2] || a[3] - b[3];
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
