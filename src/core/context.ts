import type { Context } from '@lit/context';
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

/** A context key typed with its value, as @lit/context's `createContext` makes one (a plain string at run time). */
export const createContext = <T>(key: string) => key as Context<string, T>;

// String keys (not symbols) so that two copies of the library on one page still find each other's providers.
export const configContext = createContext<ZwConfigValue>('zhengwu-widgets/config');
export const prefsContext = createContext<A11yPrefs>('zhengwu-widgets/a11y-prefs');

/** A provider's answer: the value, and for a subscription the function that ends it. */
export type ContextCallback<T> = (value: T, unsubscribe?: () => void) => void;

/**
 * Asks the closest provider of `key` above `target` for its value with the community context protocol's
 * `context-request` event, which @lit/context providers (such as `<zw-config>`) answer. A few lines instead of
 * @lit/context's ContextRequestEvent and ContextConsumer, which every element bundle would otherwise carry.
 */
export function requestContext<T>(target: Element, key: Context<string, T>, callback: ContextCallback<T>, subscribe = false): void {
  const request = new Event('context-request', { bubbles: true, composed: true });
  target.dispatchEvent(Object.assign(request, { context: key, contextTarget: target, callback, subscribe }));
}
