import { define } from '../core/define.js';
import { ZwTicketKiosk, type ZwTicketIssuedDetail } from './ticket-kiosk.js';
import { ZwWindowConsole, type ZwWindowActionDetail } from './window-console.js';

define('zw-window-console', ZwWindowConsole);
define('zw-ticket-kiosk', ZwTicketKiosk);

export { ZwWindowConsole, ZwTicketKiosk };
export type { ZwTicketIssuedDetail, ZwWindowActionDetail };

declare global {
  interface HTMLElementTagNameMap {
    'zw-window-console': ZwWindowConsole;
    'zw-ticket-kiosk': ZwTicketKiosk;
  }
  interface HTMLElementEventMap {
    'zw-ticket-issued': CustomEvent<ZwTicketIssuedDetail>;
    'zw-window-action': CustomEvent<ZwWindowActionDetail>;
  }
}
