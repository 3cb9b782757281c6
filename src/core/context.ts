import { ContextRoot, createContext } from '@lit/context';
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

/** Marks the document once a copy of the library has attached its ContextRoot (shared by every copy). */
const rootKey = Symbol.for('zhengwu-widgets.context-root');

/**
 * Attaches one @lit/context `ContextRoot` to the page, however many copies of the library it has: it keeps the
 * subscriptions that no provider answered and replays them when a provider connects, so a `<zw-config>` that is
 * defined (or inserted) after the elements inside it is still heard. Attached to the document rather than an
 * element, so it sees only what no provider answered (the preference store on `<html>` answers before it).
 */
export function attachContextRoot(): void {
  const doc = document as Document & { [rootKey]?: ContextRoot };
  if (doc[rootKey]) return;
  doc[rootKey] = new ContextRoot();
  // attach() only adds the two event listeners; a Document is as good a target as an element.
  doc[rootKey].attach(doc as unknown as HTMLElement);
}
