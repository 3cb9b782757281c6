import type { ApiClient } from '../core/api/client.js';
import type { ApiError } from '../core/api/errors.js';
import type { Catalogue, CatalogueItem, ServiceSearchPage, ServiceSummary } from '../core/api/types.gen.js';
import { Catalogue as CatalogueSchema, ServiceSearchPage as PageSchema } from '../core/api/schemas.gen.js';
import { SearchIndex, type SearchHit } from './search-index.js';

const CATALOGUE = '/api/v1/services/catalogue';
const SEARCH = '/api/v1/services/search';
/** Cache Storage bucket for saved catalogues, one entry per API origin. */
const SAVED = 'zw-service-catalogue:v1';

/** The filters the element offers (attributes and UI). */
export interface Filters {
  /** Department name, as in the catalogue's `departments`. */
  dept?: string;
  fullyOnline?: boolean;
  noVisit?: boolean;
  crossRegion?: boolean;
  instant?: boolean;
  type?: number;
}

export type Span = [number, number];
export interface Hit {
  item: ServiceSummary;
  spans: Span[];
}
export interface Found {
  total: number;
  hits: Hit[];
  /** When nothing matches: the nearest names, and popular items. */
  closest: Hit[];
  popular: Hit[];
}

/** Where results come from: the catalogue in the page (client mode), or the server's search (server mode). */
export interface ServiceSource {
  readonly departments: readonly string[];
  readonly types: Readonly<Record<string, string>>;
  /** True when the catalogue is a saved copy because the server could not be reached. */
  readonly offline: boolean;
  /**
   * Whether every search is a request (server mode): then typing is debounced, and the 跨域通办 filter (any scope)
   * is not offered, as the search API filters one scope at a time.
   */
  readonly remote: boolean;
  find(q: string, filters: Filters, limit: number, signal: AbortSignal): Promise<Found>;
}

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

/** Searches through `GET /services/search`, one page at a time. */
export class ServerSource implements ServiceSource {
  readonly departments: readonly string[] = [];
  readonly types: Readonly<Record<string, string>> = {};
  readonly offline = false;
  readonly remote = true;

  constructor(private readonly api: ApiClient) {}

  async find(q: string, filters: Filters, limit: number, signal: AbortSignal): Promise<Found> {
    const found = await this.page(q, filters, limit, signal);
    const none = q.trim() !== '' && !found.total;
    const [closest, popular] = none
      ? await Promise.all([
          this.page(q.trim().slice(0, Math.ceil(q.trim().length / 2)), filters, 5, signal),
          this.page('', filters, 5, signal),
        ])
      : [];
    return { total: found.total, hits: found.hits, closest: closest?.hits ?? [], popular: popular?.hits ?? [] };
  }

  private async page(q: string, f: Filters, limit: number, signal: AbortSignal) {
    const params = new URLSearchParams({ q: q.trim(), pageSize: String(Math.min(limit, 100)) });
    if (f.dept) params.set('dept', f.dept);
    if (f.fullyOnline) params.set('fullyOnline', 'true');
    if (f.noVisit) params.set('visits', '0');
    if (f.instant) params.set('instant', 'true');
    if (f.type !== undefined) params.set('type', String(f.type));
    const { data } = await this.api.get<ServiceSearchPage>(`${SEARCH}?${params}`, { schema: PageSchema, signal });
    return { total: data.total, hits: data.items.map((item) => ({ item, spans: shared(item.name, q) })) };
  }
}

/** A catalogue item as search results show it: the department by name, without the pinyin. */
export function summary(item: CatalogueItem, departments: readonly string[]): ServiceSummary {
  const { pinyin: _p, initials: _i, dept, ...rest } = item;
  return { ...rest, dept: departments[dept] ?? '' };
}

/** Server results carry no match positions: mark the name's characters that were typed. */
function shared(name: string, q: string): Span[] {
  const out: Span[] = [];
  for (let j = 0; j < name.length; j++) {
    if (!q.includes(name[j]) || /\s/.test(name[j])) continue;
    const last = out[out.length - 1];
    if (last?.[1] === j) last[1]++;
    else out.push([j, j + 1]);
  }
  return out;
}

/**
 * `mode="auto"`: client mode when the catalogue has at most `clientMax` items. A saved catalogue answers that
 * without a request; otherwise one `GET /services/search?pageSize=1` tells the count (its `total` with no query).
 */
export async function chooseMode(api: ApiClient, clientMax: number, signal: AbortSignal): Promise<'client' | 'server'> {
  if (await savedCatalogue(api)) return 'client';
  const { data } = await api.get<ServiceSearchPage>(`${SEARCH}?pageSize=1`, { schema: PageSchema, signal });
  return data.total <= clientMax ? 'client' : 'server';
}

async function savedCatalogue(api: ApiClient): Promise<Response | undefined> {
  try {
    return await (await caches.open(SAVED)).match(api.url(CATALOGUE));
  } catch {
    return undefined; // no Cache Storage (insecure context, private mode): nothing saved
  }
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
      schema: CatalogueSchema,
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
