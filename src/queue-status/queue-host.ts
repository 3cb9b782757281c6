import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import type { QueueStrings } from './strings.js';

/** What the queue element's parts (ticket, online take, busy hours) need from the element. */
export interface QueueHost extends ReactiveControllerHost, EventTarget {
  /** The hall in use: the `hall` attribute, else `<zw-config hall>`. */
  readonly hallId: string | undefined;
  feedApi(): ApiClient;
  text(): QueueStrings;
  /** The language for speech, e.g. `zh-CN`. */
  readonly locale: string;
}

/** `/api/v1/halls/<id>` for a hall id. */
export const hallPath = (hall: string): string => `/api/v1/halls/${encodeURIComponent(hall)}`;
