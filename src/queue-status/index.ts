import { define } from '../core/define.js';
import { ZwQueueStatus } from './queue-status.js';
import type { ZwCalledDetail } from './my-ticket.js';

define('zw-queue-status', ZwQueueStatus);

export { ZwQueueStatus };
export type { ZwCalledDetail };

declare global {
  interface HTMLElementTagNameMap {
    'zw-queue-status': ZwQueueStatus;
  }
  interface HTMLElementEventMap {
    'zw-called': CustomEvent<ZwCalledDetail>;
  }
}
