import { define } from '../core/define.js';
import { ZwA11yToolbar } from './toolbar.js';
import { ZwA11yToggle } from './toggle.js';
import type { ZwA11yChangeDetail } from './modes.js';

define('zw-a11y-toolbar', ZwA11yToolbar);
define('zw-a11y-toggle', ZwA11yToggle);

export { ZwA11yToolbar, ZwA11yToggle };
export type { ZwA11yChangeDetail, ToggleMode } from './modes.js';

declare global {
  interface HTMLElementTagNameMap {
    'zw-a11y-toolbar': ZwA11yToolbar;
    'zw-a11y-toggle': ZwA11yToggle;
  }
  interface HTMLElementEventMap {
    'zw-a11y-change': CustomEvent<ZwA11yChangeDetail>;
  }
}
