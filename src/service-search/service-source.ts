import type { ApiClient } from '../core/api/client.js';
import type { ServiceSearchPage, ServiceSummary } from '../core/api/types.gen.js';
import { Lazy } from '../core/lazy.js';

/**
 * Client mode — the catalogue download and the search worker that holds the engine with its everyday-word
 * dictionary — is over half of the element's code and server mode never needs it, so it is fetched only when a
 * catalogue is searched in the page.
 */
export const clientMode = new Lazy(() => import('./catalogue-source.js'));

const SEARCH = '/api/v1/services/search';

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
  /** When the results needed a slip: what the best of them says where the query was typed ("您是不是要找 …"). */
  corrected?: string;
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
    const { data } = await this.api.get<ServiceSearchPage>(`${SEARCH}?${params}`, { schema: 'ServiceSearchPage', signal });
    return { total: data.total, hits: data.items.map((item) => ({ item, spans: shared(item.name, q) })) };
  }
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
