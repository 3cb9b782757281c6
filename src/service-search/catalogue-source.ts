import type { ApiClient } from '../core/api/client.js';
import type { ApiError } from '../core/api/errors.js';
import { SearchIndex, type SearchHit } from './search-index.js';
import type { Catalogue, CatalogueItem, ServiceSearchPage, ServiceSummary } from '../core/api/types.gen.js';
import type { Filters, Found, Hit, ServiceSource } from './service-source.js';

const CATALOGUE = '/api/v1/services/catalogue';
/** The search API's first page of nothing: its `total` is the catalogue's size. */
const COUNT = '/api/v1/services/search?pageSize=1';
/** Cache Storage bucket for saved catalogues, one entry per API origin. */
const SAVED = 'zw-service-catalogue:v1';

/** Searches a whole catalogue in the page. */
export class CatalogueSource implements ServiceSource {
  readonly index: SearchIndex;
  readonly departments: readonly string[];
  readonly types: Readonly<Record<string, string>>;

  /** True when the server could not be reached and this is the saved copy. */
  offline = false;
  readonly remote = false;

  constructor(catalogue: Catalogue) {
    this.index = new SearchIndex(catalogue);
    this.departments = catalogue.departments;
    this.types = catalogue.types;
  }

  async find(q: string, filters: Filters, limit: number): Promise<Found> {
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
    };
  }

  private hit = ({ item, spans }: SearchHit): Hit => ({ item: summary(item, this.departments), spans });
}

/** A catalogue item as search results show it: the department by name, without the pinyin. */
export function summary(item: CatalogueItem, departments: readonly string[]): ServiceSummary {
  const { pinyin: _p, initials: _i, dept, ...rest } = item;
  return { ...rest, dept: departments[dept] ?? '' };
}

/**
 * The catalogue for client mode, as it becomes known: first the copy saved in Cache Storage (so the search works at
 * once, and offline), then — revalidated with its ETag — the server's newer one, which replaces the saved copy.
 * When the server cannot be reached the saved copy is yielded again, marked offline; with no saved copy, the
 * error is thrown (a malformed catalogue names the broken field).
 */
export async function* catalogues(api: ApiClient, signal: AbortSignal): AsyncGenerator<CatalogueSource> {
  const saved = await savedCatalogue(api);
  const etag = saved?.headers.get('ETag');
  let old: Catalogue | undefined;
  try {
    old = etag ? ((await saved!.json()) as Catalogue) : undefined;
  } catch {
    old = undefined;
  }
  const first = old && new CatalogueSource(old);
  if (first) yield first;
  try {
    const res = await api.get<Catalogue>(CATALOGUE, {
      schema: 'Catalogue',
      signal,
      headers: old && etag ? { 'If-None-Match': etag } : {},
      retries: old ? 0 : 2,
    });
    const fresh = res.headers.get('ETag');
    if (fresh && fresh !== etag) {
      try {
        const body = new Response(JSON.stringify(res.data), {
          headers: { ETag: fresh, 'Content-Type': 'application/json' },
        });
        await (await caches.open(SAVED)).put(api.url(CATALOGUE), body);
      } catch {
        /* nowhere to save it: the search still works until the page is closed */
      }
    }
    if (!old || fresh !== etag) yield new CatalogueSource(res.data);
  } catch (error) {
    const e = error as ApiError;
    if (!first || e.kind === 'aborted') throw error;
    // 304: the saved copy is current. Unreachable: say so. A malformed new copy: keep the saved one.
    if (e.transient) {
      first.offline = true;
      yield first;
    }
  }
}

/**
 * `mode="auto"`: client mode when the catalogue has at most `clientMax` items. A saved catalogue answers that
 * without a request; otherwise one `GET /services/search?pageSize=1` tells the count (its `total` with no query).
 */
export async function chooseMode(api: ApiClient, clientMax: number, signal: AbortSignal): Promise<'client' | 'server'> {
  if (await savedCatalogue(api)) return 'client';
  const { data } = await api.get<ServiceSearchPage>(COUNT, { schema: 'ServiceSearchPage', signal });
  return data.total <= clientMax ? 'client' : 'server';
}

async function savedCatalogue(api: ApiClient): Promise<Response | undefined> {
  try {
    return await (await caches.open(SAVED)).match(api.url(CATALOGUE));
  } catch {
    return undefined; // no Cache Storage (insecure context, private mode): nothing saved
  }
}

