import { define } from '../core/define.js';
import { ZwRatingDesk } from './rating-desk.js';

define('zw-rating-desk', ZwRatingDesk);

export { ZwRatingDesk };

declare global {
  interface HTMLElementTagNameMap {
    'zw-rating-desk': ZwRatingDesk;
  }
  interface HTMLElementEventMap {
    /** The rating officer changed a case (assigned it, moved it to another state, recorded the 回访). */
    'zw-rating-case-changed': CustomEvent<{ caseId: string; state: string }>;
  }
}
