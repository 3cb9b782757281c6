import type { CatalogueItem } from '../payloads.ts';
// The widgets' own engine (plain code, no DOM and no Lit): the search API and client mode match, rank, tolerate
// slips and answer questions in part the same way, so a district's results do not change with the mode.
import { SearchIndex } from '../../../src/service-search/search-index.ts';
import { catalogueOf, type ServiceData, type ServiceRecord } from './catalogue.ts';
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

/** Lower case, full-width to half-width (NFKC), traditional to simplified, then split on spaces. */
export function normalizeQuery(q: string): string[] {
  return foldTraditional(q.normalize('NFKC').toLowerCase())
    .split(/[\s,，、]+/)
    .filter(Boolean);
}

interface Indexed {
  index: SearchIndex;
  byCode: Map<string, ServiceRecord>;
}

/** One index per data version (the catalogue the client downloads is built from the same records). */
const indexes = new WeakMap<ServiceData, Indexed>();

function indexFor(data: ServiceData): Indexed {
  let found = indexes.get(data);
  if (!found) {
    found = { index: new SearchIndex(catalogueOf(data, '')), byCode: data.byCode };
    indexes.set(data, found);
  }
  return found;
}

/**
 * The search API: the engine's ranking, the API's filters, pages. A query naming a department also finds that
 * department's items, after the items whose names match.
 */
export function searchServices(data: ServiceData, query: SearchQuery) {
  const q = (query.q ?? '').trim();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { index, byCode } = indexFor(data);
  const passes = (r: ServiceRecord) => {
    const d = r.detail;
    return (
      (query.dept === undefined || d.department === query.dept) &&
      (query.fullyOnline === undefined || d.fullyOnline === query.fullyOnline) &&
      (query.visits === undefined || d.visits <= query.visits) &&
      (query.crossRegion === undefined || d.crossRegion === query.crossRegion) &&
      (query.instant === undefined || d.instant === query.instant) &&
      (query.type === undefined || d.type === query.type)
    );
  };
  // Every item the engine counts passes this test: what it names is known without a second search.
  const matched = new Set<string>();
  const accept = (item: CatalogueItem) => passes(byCode.get(item.code)!) && !!matched.add(item.code);
  const found = index.search(q, accept, page * pageSize);
  const records = found.hits.map((h) => byCode.get(h.item.code)!);
  let total = found.total;
  const terms = normalizeQuery(q);
  if (terms.length) {
    const more = data.records.filter(
      (r) => terms.every((t) => r.detail.department.includes(t)) && passes(r) && !matched.has(r.detail.code),
    );
    more.sort((a, b) => b.popularity - a.popularity || (a.detail.code < b.detail.code ? -1 : 1));
    records.push(...more);
    total += more.length;
  }
  const slice = records.slice((page - 1) * pageSize, page * pageSize);
  return { q, total, page, pageSize, records: slice };
}
