import { hallDate } from './hall-time.js';

/**
 * What this device remembers for a hall (the resident's ticket, an unanswered online-take attempt), in
 * localStorage. Entries carry the hall's date and are ignored the next day, because ticket numbers restart daily.
 * Storage may be disabled (private mode, strict portals): then nothing is remembered and nothing breaks.
 */
const key = (hall: string, what: string) => `zw-queue:${hall}:${what}`;

export function recall<T>(hall: string, what: string): T | undefined {
  try {
    const entry = JSON.parse(localStorage.getItem(key(hall, what)) ?? 'null') as { d: string; v: T } | null;
    return entry?.d === hallDate() ? entry.v : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` for today; `undefined` forgets it. */
export function remember(hall: string, what: string, value?: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key(hall, what));
    else localStorage.setItem(key(hall, what), JSON.stringify({ d: hallDate(), v: value }));
  } catch {
    /* storage disabled or full: the page still works, it just forgets on reload */
  }
}
