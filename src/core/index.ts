import { define } from './define.js';
import { ZwConfig } from './config-element.js';

define('zw-config', ZwConfig);

export { ZwConfig };
export { ZwElement } from './zw-element.js';
export { configContext, prefsContext, type ZwConfigValue } from './context.js';
export { pagePrefsStore, PrefsStore, PREFS_STORAGE_KEY } from './prefs/store.js';
export type { A11yPrefs, ContrastScheme } from './prefs/prefs.js';
export { ApiClient } from './api/client.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
export { define, VERSION } from './define.js';
export { Outbox, pageOutbox, idempotencyKey, OUTBOX_STORAGE_KEY, type OutboxEntry, type OutboxOutcome, type OutboxOptions } from './outbox.js';

declare global {
  interface HTMLElementTagNameMap {
    'zw-config': ZwConfig;
  }
}
