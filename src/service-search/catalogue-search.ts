import { ApiError } from '../core/api/errors.js';
import type { Catalogue, CatalogueItem, ServiceSummary } from '../core/api/types.gen.js';
import { SearchIndex, type SearchHit } from './search-index.js';
import type { Filters, Found, Hit } from './service-source.js';

/**
 * A catalogue read from the bytes the server sent, checked against the API contract and indexed: what client mode
 * searches. It runs in the search worker (search-worker.ts), or in the page when no worker can be started.
 */
export class CatalogueSearch {
  readonly departments: readonly string[];
  readonly types: Readonly<Record<string, string>>;
  readonly count: number;

  private constructor(readonly index: SearchIndex) {
    this.departments = index.catalogue.departments;
    this.types = index.catalogue.types;
    this.count = index.catalogue.items.length;
  }

  /** Parses and checks `bytes` (an `invalid-payload` ApiError names a broken field), then indexes them. */
  static async open(bytes: ArrayBuffer): Promise<CatalogueSearch> {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new ApiError('invalid-payload', 'The catalogue is not JSON', { field: '(root)' });
    }
    const { validate, schemas } = await import('../core/api/checks.js');
    return new CatalogueSearch(new SearchIndex(validate<Catalogue>(body, schemas.Catalogue)));
  }

  find(q: string, filters: Filters, limit: number): Found {
    const { index } = this;
    const filter = {
      ...filters,
      dept: filters.dept === undefined ? undefined : this.departments.indexOf(filters.dept),
    };
    const found = index.search(q, filter, limit);
    const none = q.trim() !== '' && !found.total;
    return {
      total: found.total,
      hits: found.hits.map(this.hit),
      closest: none ? index.closest(q, filter).map(this.hit) : [],
      popular: none ? index.search('', filter, 5).hits.map(this.hit) : [],
      corrected: found.corrected,
    };
  }

  private hit = ({ item, spans }: SearchHit): Hit => ({ item: summary(item, this.departments), spans });
}

/** A catalogue item as search results show it: the department by name, without the pinyin. */
export function summary(item: CatalogueItem, departments: readonly string[]): ServiceSummary {
  const { pinyin: _p, initials: _i, dept, ...rest } = item;
  return { ...rest, dept: departments[dept] ?? '' };
}
