/**
 * The engines the service-search benchmark compares, each configured the way a competent team would for Chinese
 * service names: the library's SearchIndex; Fuse.js 7 in its fuzzy mode and in token search (TF-IDF); MiniSearch 7;
 * FlexSearch 0.8. The others get the query folded from traditional to simplified with the catalogue's own table and
 * pinyin spaces removed; fields for the name, aliases, pinyin run together and as syllables, and initials; Chinese
 * cut into Intl.Segmenter words and single characters. Runs in Node and in Chromium alike.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Index } from 'flexsearch';
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { SearchIndex } from '../src/service-search/search-index.ts';

export type Search = (q: string) => string[];
export interface Built {
  search: Search;
  /** Bytes the index itself reports, when it can (the heap measurement covers everyone). */
  bytes?: number;
}
export interface Engine {
  name: string;
  build(c: Catalogue): Built;
  /** Slow engines: measure every n-th keystroke and query at this catalogue size (a run would take hours). */
  stride(size: number): number;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

function prepare(c: Catalogue) {
  const fold = (q: string) => [...q.toLowerCase()].map((ch) => c.traditional[ch] ?? ch).join('');
  // A query of pinyin with spaces is searched without them, as the pinyin fields are stored.
  const query = (q: string) => (/^[a-z ]+$/i.test(q.trim()) ? q.replace(/\s+/g, '').toLowerCase() : fold(q.trim()));
  const docs = c.items.map((it, id) => ({
    id,
    name: it.name,
    aliases: it.aliases,
    py: it.pinyin.replace(/ /g, ''),
    syllables: it.pinyin,
    initials: it.initials,
  }));
  return { docs, query };
}

/** Words (Intl.Segmenter) and single characters of Chinese text; whole runs of letters or digits. */
function chineseTokens(text: string): string[] {
  const out = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    out.add(segment.toLowerCase());
    if (HAN.test(segment)) for (const ch of segment) out.add(ch);
  }
  return [...out];
}

export const ours: Engine = {
  name: 'zhengwu-widgets',
  build(c) {
    const index = new SearchIndex(c);
    return { search: (q) => index.search(q, {}, 20).hits.map((h) => h.item.name), bytes: index.bytes };
  },
  stride: () => 1,
};

const fuseKeys = [
  { name: 'name', weight: 3 },
  { name: 'aliases', weight: 2 },
  { name: 'py', weight: 1 },
  { name: 'initials', weight: 1 },
];

const fuseEngine = (name: string, extra: Record<string, unknown>): Engine => ({
  name,
  build(c) {
    const { docs, query } = prepare(c);
    const f = new Fuse(docs, { keys: fuseKeys, threshold: 0.4, ignoreLocation: true, ...extra });
    return { search: (q) => f.search(query(q), { limit: 20 }).map((r) => r.item.name) };
  },
  stride: (n) => (n <= 1500 ? 1 : n <= 10_000 ? 4 : 16),
});

export const fuse = fuseEngine('Fuse.js 7 (fuzzy)', {});
export const fuseTokens = fuseEngine('Fuse.js 7 (token search)', { useTokenSearch: true, tokenize: chineseTokens });

export const miniSearch: Engine = {
  name: 'MiniSearch 7',
  build(c) {
    const { docs, query } = prepare(c);
    const suffixes = (s: string) => [...s].map((_, i) => s.slice(i)).filter((x) => x.length > 1);
    const m = new MiniSearch<(typeof docs)[number]>({
      fields: ['name', 'aliases', 'syllables', 'initials'],
      storeFields: ['name'],
      extractField: (doc, field) =>
        field === 'aliases' ? doc.aliases.join(' ') : String(doc[field as keyof typeof doc]),
      // Chinese: words and characters; pinyin: each syllable and the whole name run together; initials: every
      // suffix, so "sfz" finds jmsfz… by prefix.
      tokenize: (text, field) =>
        field === 'syllables'
          ? [...text.split(' '), text.replace(/ /g, '')]
          : field === 'initials'
            ? [text, ...suffixes(text)]
            : chineseTokens(text),
      processTerm: (t) => t.toLowerCase(),
      searchOptions: {
        prefix: true,
        fuzzy: (term) => (term.length > 4 && !HAN.test(term) ? 0.2 : false),
        boost: { name: 3, aliases: 2 },
        combineWith: 'AND',
        tokenize: (q) => (HAN.test(q) ? [...q].filter((ch) => ch.trim()) : q.split(/\s+/).filter(Boolean)),
      },
    });
    m.addAll(docs);
    return {
      search: (q) => {
        const text = query(q);
        let found = m.search(text);
        if (!found.length) found = m.search(text, { combineWith: 'OR' });
        return found.slice(0, 20).map((r) => r.name as string);
      },
    };
  },
  stride: () => 1,
};

/**
 * FlexSearch 0.8: one index per field, as its documentation advises for fields tokenized differently. Chinese in
 * words and characters (every query character must be there, then `suggest` for a partial match); the syllables and
 * the pinyin run together with forward (prefix) tokens; the initials with full (substring) tokens. Substrings of the
 * whole pinyin were left out: FlexSearch stores every one, which grows with the square of a name's length (at
 * 50,000 items it would not fit in memory). Results by field priority: name, aliases, pinyin, initials.
 */
export const flexSearch: Engine = {
  name: 'FlexSearch 0.8',
  build(c) {
    const { docs, query } = prepare(c);
    const chinese = { tokenize: 'strict' as const, encode: (s: string) => chineseTokens(s) };
    const words = (s: string) => s.split(' ').filter(Boolean);
    const name = new Index(chinese);
    const aliases = new Index(chinese);
    const pinyin = new Index({ tokenize: 'forward', encode: words });
    const initials = new Index({ tokenize: 'full', encode: words });
    for (const d of docs) {
      name.add(d.id, d.name);
      if (d.aliases.length) aliases.add(d.id, d.aliases.join(' '));
      pinyin.add(d.id, `${d.syllables} ${d.py}`);
      initials.add(d.id, d.initials);
    }
    return {
      search: (q) => {
        const text = query(q);
        if (!text) return [];
        const chineseQuery = HAN.test(text) ? [...text].filter((ch) => ch.trim()).join(' ') : text;
        const seen = new Set<number>();
        const out: string[] = [];
        const take = (ids: (string | number)[]) => {
          for (const id of ids) {
            if (out.length >= 20) return;
            if (seen.has(Number(id))) continue;
            seen.add(Number(id));
            out.push(docs[Number(id)].name);
          }
        };
        for (const suggest of [false, true]) {
          take(name.search(chineseQuery, { limit: 20, suggest }) as (string | number)[]);
          take(aliases.search(chineseQuery, { limit: 20, suggest }) as (string | number)[]);
          if (!HAN.test(text)) {
            take(pinyin.search(text, { limit: 20, suggest }) as (string | number)[]);
            take(initials.search(text, { limit: 20, suggest }) as (string | number)[]);
          }
          if (out.length) break;
        }
        return out;
      },
    };
  },
  stride: () => 1,
};

export const engines: Engine[] = [ours, fuse, fuseTokens, miniSearch, flexSearch];
