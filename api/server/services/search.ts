import type { ServiceData, ServiceRecord } from './catalogue.ts';
import { foldTraditional } from './traditional.ts';

export interface SearchQuery {
  q?: string;
  dept?: string;
  fullyOnline?: boolean;
  visits?: number;
  crossRegion?: string;
  instant?: boolean;
  type?: number;
  page?: number;
  pageSize?: number;
}

const LATIN = /^[a-z]+$/;

/** Does `term` start at one of the syllable boundaries of `compact` (so "baozhang" hits she|hui|bao|zhang)? */
function atSyllable(compact: string, starts: readonly number[], term: string): number {
  for (const at of starts) if (compact.startsWith(term, at)) return at === 0 ? 2 : 1;
  return 0;
}

/** A relevance score for one search term against one item; 0 means no match. */
function scoreTerm(r: ServiceRecord, term: string, department: string): number {
  const name = r.detail.name;
  let best = 0;
  if (name === term) best = 1000;
  else if (name.startsWith(term)) best = 600;
  else if (name.includes(term)) best = 400;
  for (const alias of r.detail.aliases) {
    if (alias === term) best = Math.max(best, 800);
    else if (alias.startsWith(term)) best = Math.max(best, 450);
    else if (alias.includes(term)) best = Math.max(best, 350);
  }
  if (LATIN.test(term)) {
    const compact = r.pinyin.replaceAll(' ', '');
    const syl = atSyllable(compact, r.starts, term);
    if (syl) best = Math.max(best, syl === 2 ? 500 : 300);
    if (r.initials.startsWith(term)) best = Math.max(best, term.length > 1 ? 420 : 150);
    else if (term.length > 1 && r.initials.includes(term)) best = Math.max(best, 200);
    for (const a of r.aliasKeys) {
      const s = atSyllable(a.compact, a.starts, term);
      if (s) best = Math.max(best, s === 2 ? 380 : 260);
      if (term.length > 1 && a.initials.startsWith(term)) best = Math.max(best, 320);
    }
  }
  if (!best && department.includes(term)) best = 100;
  return best;
}

/** Lower case, full-width to half-width (NFKC), traditional to simplified, then split on spaces. */
export function normalizeQuery(q: string): string[] {
  return foldTraditional(q.normalize('NFKC').toLowerCase())
    .split(/[\s,，、]+/)
    .filter(Boolean);
}

export function searchServices(data: ServiceData, query: SearchQuery) {
  const q = (query.q ?? '').trim();
  const terms = normalizeQuery(q);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const scored: { r: ServiceRecord; score: number }[] = [];
  for (const r of data.records) {
    const d = r.detail;
    if (query.dept !== undefined && d.department !== query.dept) continue;
    if (query.fullyOnline !== undefined && d.fullyOnline !== query.fullyOnline) continue;
    if (query.visits !== undefined && d.visits > query.visits) continue;
    if (query.crossRegion !== undefined && d.crossRegion !== query.crossRegion) continue;
    if (query.instant !== undefined && d.instant !== query.instant) continue;
    if (query.type !== undefined && d.type !== query.type) continue;
    let score = 0;
    let matched = true;
    for (const term of terms) {
      const s = scoreTerm(r, term, d.department);
      if (!s) {
        matched = false;
        break;
      }
      score += s;
    }
    if (matched) scored.push({ r, score });
  }
  scored.sort((a, b) => b.score - a.score || b.r.popularity - a.r.popularity || (a.r.detail.code < b.r.detail.code ? -1 : 1));
  const slice = scored.slice((page - 1) * pageSize, page * pageSize);
  return { q, total: scored.length, page, pageSize, records: slice.map((s) => s.r) };
}
