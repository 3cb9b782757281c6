import { createContext } from '@lit/context';
import type { A11yPrefs } from './prefs/prefs.js';

/** What `<zw-config>` hands down to every zw element inside it. */
export interface ZwConfigValue {
  /** Base URL of the API, e.g. `https://zwfw.example.gov.cn` or `/` (paths start with `/api/v1`). */
  apiBase?: string;
  /** Interface language for the elements inside. */
  lang?: string;
  /** Default hall id for queue and rating elements. */
  hall?: string;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

// String keys (not symbols) so that two copies of the library on one page still find each other's providers.
export const configContext = createContext<ZwConfigValue>('zhengwu-widgets/config');
export const prefsContext = createContext<A11yPrefs>('zhengwu-widgets/a11y-prefs');
