/**
 * Runs in Chromium (see service-search.suite.ts): the library's search against Fuse.js (fuzzy and token modes) and
 * MiniSearch, each configured the way a team would for Chinese — traditional folded to simplified, pinyin and
 * initials as extra fields, Intl.Segmenter words or character n-grams for Chinese. For each catalogue size: index
 * build time and the latency of every keystroke of every query of the relevance set (each prefix, as typed);
 * recall@3 on the real catalogue.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { SearchIndex } from '../src/service-search/search-index.ts';
import { recallAt3, relevanceSet } from '../test/fixtures/search-relevance.ts';

type Search = (q: string) => string[];
interface Engine {
  name: string;
  build(c: Catalogue): Search;
  /** Measure every n-th keystroke at this catalogue size (the slow engines would take minutes otherwise). */
  stride(size: number): number;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

function prepare(c: Catalogue) {
  const fold = (q: string) => [...q.toLowerCase()].map((ch) => c.traditional[ch] ?? ch).join('');
  // A query of pinyin with spaces is searched without them, as the pinyin fields are stored.
  const query = (q: string) => (/^[a-z ]+$/i.test(q.trim()) ? q.replace(/\s+/g, '') : fold(q.trim()));
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
    out.add(segment);
    if (HAN.test(segment)) for (const ch of segment) out.add(ch);
  }
  return [...out];
}

const zw: Engine = {
  name: 'zhengwu-widgets',
  build(c) {
    const index = new SearchIndex(c);
    return (q) => index.search(q, {}, 20).hits.map((h) => h.item.name);
  },
  stride: () => 1,
};

const fuseKeys = [
  { name: 'name', weight: 3 },
  { name: 'aliases', weight: 2 },
  { name: 'py', weight: 1 },
  { name: 'initials', weight: 1 },
];

/** Fuse.js with the options a team would pick for Chinese; `extra` switches the mode. */
const fuseEngine = (name: string, extra: Record<string, unknown>): Engine => ({
  name,
  build(c) {
    const { docs, query } = prepare(c);
    const f = new Fuse(docs, { keys: fuseKeys, threshold: 0.4, ignoreLocation: true, ...extra });
    return (q) => f.search(query(q), { limit: 20 }).map((r) => r.item.name);
  },
  stride: (n) => (n <= 1500 ? 1 : n <= 10_000 ? 4 : 12),
});

const fuse = fuseEngine('Fuse.js 7 (fuzzy)', {});
const fuseTokens = fuseEngine('Fuse.js 7 (token search)', { useTokenSearch: true, tokenize: chineseTokens });

const miniSearch: Engine = {
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
    return (q) => {
      const text = query(q);
      let found = m.search(text);
      if (!found.length) found = m.search(text, { combineWith: 'OR' });
      return found.slice(0, 20).map((r) => r.name as string);
    };
  },
  stride: () => 1,
};

const all = [zw, fuse, fuseTokens, miniSearch];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
const round = (ms: number) => Number(ms.toFixed(ms < 1 ? 3 : 1));

/** Every prefix of every query, as a resident types it (a Chinese query one committed character at a time). */
const keystrokes = relevanceSet.flatMap(({ q }) => [...q].map((_, k) => [...q].slice(0, k + 1).join('')));

export default async function run() {
  // performance.now() is coarsened to 0.1 ms unless the page is cross-origin isolated: move to a page that is.
  if (!crossOriginIsolated) {
    location.replace('/api/zw-bench/isolated');
    return new Promise(() => {});
  }
  const load = async (n: number | 'real') => (await (await fetch(`/api/zw-bench/catalogue/${n}`)).json()) as Catalogue;
  const only = ((await (await fetch('/api/zw-bench/engines')).json()) as string[]).filter(Boolean);
  const engines = all.filter((e) => !only.length || only.some((o) => e.name.toLowerCase().includes(o.toLowerCase())));
  const real = await load('real');
  const recall = engines.map((e) => {
    const search = e.build(real);
    const r = recallAt3(search);
    return { engine: e.name, 'recall@3': Number(r.recall.toFixed(3)), misses: r.misses.map((m) => m.q).join(' ') };
  });
  const rows: Record<string, unknown>[] = [];
  for (const size of [1000, 10_000, 50_000]) {
    const c = await load(size);
    const names = new Set(c.items.map((i) => i.name)).size;
    for (const e of engines) {
      const t0 = performance.now();
      const search = e.build(c);
      const buildMs = performance.now() - t0;
      const stride = e.stride(size);
      const measured = keystrokes.filter((_, k) => k % stride === 0);
      // One untimed round first (a few queries for the slow ones), so that every engine is measured with its code
      // compiled, as after a few queries on a page. The page breathes between keystrokes, as it does between keys.
      measured.slice(0, stride > 1 ? 5 : undefined).forEach((q) => search(q));
      await new Promise((r) => setTimeout(r, 500)); // let the previous engine's garbage be collected first
      const samples: number[] = [];
      for (const q of measured) {
        const t = performance.now();
        search(q);
        samples.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 0));
      }
      const slowest = measured
        .map((q, k) => [samples[k], q] as const)
        .sort((a, b) => b[0] - a[0])
        .slice(0, 5)
        .map(([ms, q]) => `${q} ${round(ms)}`)
        .join(', ');
      rows.push({
        items: size,
        names,
        engine: e.name,
        buildMs: round(buildMs),
        ...stats(samples),
        keystrokes: samples.length,
        slowest,
      });
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  return { recall, rows, queries: relevanceSet.length, keystrokes: keystrokes.length };
}
