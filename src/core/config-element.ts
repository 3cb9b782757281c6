import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { configContext, type ZwConfigValue } from './context.js';
import { pageOutbox } from './outbox.js';

/**
 * Shared settings for every zw element inside it. An element's own attribute always wins.
 *
 * On connect it also sends whatever an earlier page left in the outbox (ratings saved while offline), so a
 * portal that puts `<zw-config>` in its page template delivers them on the next page load of any page.
 *
 * @summary Provides `api-base`, `lang`, `hall` and `timeout` defaults to the zw elements it contains.
 * @tag zw-config
 * @attr lang - Default language of the elements inside (`zh-CN` or `en`); an element's own `lang`, then this, then
 *   the closest `lang` on the page.
 * @slot - The zw elements (and any other content) that share these settings.
 */
export class ZwConfig extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the API for every element inside, e.g. `https://zwfw.example.gov.cn`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Default hall id for queue and rating elements. */
  @property() hall?: string;

  /** Request timeout in milliseconds. */
  @property({ type: Number }) timeout?: number;

  @provide({ context: configContext })
  protected value: ZwConfigValue = {};

  override connectedCallback(): void {
    // The settings as they are now, before the provider connects: the elements inside connect right after it (or
    // are answered at once when it was defined after them) and must never hear an empty value first.
    this.#provide();
    super.connectedCallback();
    void pageOutbox().flush(true);
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.#provide();
  }

  #provide(): void {
    this.value = {
      apiBase: this.apiBase,
      lang: this.getAttribute('lang') ?? undefined,
      hall: this.hall,
      timeout: this.timeout,
    };
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
