import { define } from '../core/define.js';
import type { RatingReceipt } from '../core/api/types.gen.js';
import { ZwRating } from './rating.js';
import { ZwRatingSummary } from './rating-summary.js';

define('zw-rating', ZwRating);
define('zw-rating-summary', ZwRatingSummary);

export { ZwRating, ZwRatingSummary };

declare global {
  interface HTMLElementTagNameMap {
    'zw-rating': ZwRating;
    'zw-rating-summary': ZwRatingSummary;
  }
  interface HTMLElementEventMap {
    /** The resident chose a level (never fired when code sets `level`). */
    'zw-rating-change': CustomEvent<{ level: number }>;
    /** The server recorded the rating (first time or as a replay of the same key). */
    'zw-rating-sent': CustomEvent<{ receipt: RatingReceipt }>;
    /** The rating could not be sent yet; it waits in the outbox under this Idempotency-Key. */
    'zw-rating-queued': CustomEvent<{ key: string }>;
  }
}
