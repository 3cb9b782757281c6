import type { ApiErrorKind } from '../core/api/errors.js';
import type { Catalogue, CatalogueItem, ServiceSummary } from '../core/api/types.gen.js';
import { Catalogue as catalogueSchema } from '../core/api/schemas.gen.js';
import { problemWith } from './catalogue-check.js';
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

  /**
   * Parses and checks `bytes`, then indexes them. A broken payload throws an `OpenFailure` naming the field (the
   * page makes it an `invalid-payload` ApiError).
   */
  static open(bytes: ArrayBuffer): CatalogueSearch {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw failure('(root): not JSON');
    }
    const problem = problemWith(body, catalogueSchema);
    if (problem) throw failure(problem);
    return new CatalogueSearch(new SearchIndex(body as Catalogue));
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

/** Why a catalogue could not be opened, as the API client's errors say it (see catalogue-source.ts). */
export interface OpenFailure {
  kind: ApiErrorKind;
  message: string;
  details: { field?: string };
}

const failure = (problem: string): OpenFailure => ({
  kind: 'invalid-payload',
  message: `Malformed API response at ${problem}`,
  details: { field: problem.slice(0, problem.indexOf(':')) },
});
