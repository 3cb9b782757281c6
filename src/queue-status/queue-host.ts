import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import type { Locale } from '../core/i18n.js';
import type { QueueStrings } from './strings.js';

/** What the queue element's parts (ticket, online take, busy hours) need from the element. */
export interface QueueHost extends ReactiveControllerHost, EventTarget {
  /** The hall in use: the `hall` attribute, else `<zw-config hall>`. */
  readonly hallId: string | undefined;
  feedApi(): ApiClient;
  text(): QueueStrings;
  /** A failure in words for the resident. */
  failure(error: unknown): string;
  /** The element's language (its parts' words and speech follow it). */
  readonly locale: Locale;
}

/** `/api/v1/halls/<id>` for a hall id. */
export const hallPath = (hall: string): string => `/api/v1/halls/${encodeURIComponent(hall)}`;
