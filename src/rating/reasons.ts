import type { ApiClient } from '../core/api/client.js';
import type { RatingReasons } from '../core/api/types.gen.js';

const PATH = '/api/v1/ratings/reasons';
const STORE = 'zw-rating-reasons:v1:';
const pending = new Map<string, Promise<RatingReasons>>();

/**
 * The levels and reasons, fetched once per page and API (every rating element on the page shares the request).
 * The last good copy is kept in localStorage so a kiosk or a phone that lost its network can still show the form
 * and put the rating in the outbox.
 */
export function loadReasons(api: ApiClient, lang: string): Promise<RatingReasons> {
  const id = `${api.url(PATH)}|${lang}`;
  let promise = pending.get(id);
  if (!promise) {
    promise = api.get<RatingReasons>(PATH, { schema: 'RatingReasons' }).then(
      ({ data }) => {
        try {
          localStorage.setItem(STORE + id, JSON.stringify(data));
        } catch {
          /* storage disabled or full: the copy in memory still serves this page */
        }
        return data;
      },
      (error: unknown) => {
        pending.delete(id);
        try {
          const kept = localStorage.getItem(STORE + id);
          if (kept) return JSON.parse(kept) as RatingReasons;
        } catch {
          /* fall through to the error */
        }
        throw error;
      },
    );
    pending.set(id, promise);
  }
  return promise;
}
