import { define } from '../core/define.js';
import type { ServiceSummary } from '../core/api/types.gen.js';
import { ZwServiceSearch } from './zw-service-search.js';

define('zw-service-search', ZwServiceSearch);

export { ZwServiceSearch };

declare global {
  interface HTMLElementTagNameMap {
    'zw-service-search': ZwServiceSearch;
  }
  interface HTMLElementEventMap {
    /** The resident chose a service item (never fired when code sets `value`). */
    'zw-select': CustomEvent<{ item: ServiceSummary }>;
  }
}
