import type { PropertyDeclarations } from 'lit';
import { ApiClient } from './api/client.js';
import { ZwBase } from './zw-base.js';

/**
 * The base of every zw element: resolves the API base and language (own attribute, then `<zw-config>`, then the
 * closest `lang` on the page), follows the page's accessibility preferences (see `ZwBase`), and gives each element
 * an API client whose requests are aborted when the element leaves the page.
 */
export class ZwElement extends ZwBase {
  // Without a decorator, like ZwBase: an element that uses none then ships no decorator code.
  static override properties: PropertyDeclarations = { apiBase: { attribute: 'api-base' } };

  /** Base URL of the API; overrides `<zw-config api-base>`. Empty means the page's own origin. */
  apiBase?: string;

  #client?: { key: string; client: ApiClient };

  /** An API client for the resolved base and language (recreated only when those change). */
  protected get api(): ApiClient {
    const base = this.apiBase ?? this.config.apiBase ?? '';
    const key = `${base}|${this.locale}|${this.config.timeout ?? ''}`;
    if (this.#client?.key !== key) {
      this.#client = { key, client: new ApiClient({ base, lang: this.locale, timeoutMs: this.config.timeout }) };
    }
    return this.#client.client;
  }
}
