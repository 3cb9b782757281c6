import { Lazy } from '../core/lazy.js';

/**
 * The parts of `<zw-queue-status>` that a plain card never shows, kept out of its first download (budget: 14 KB with
 * Lit and the core, see docs/decisions/017) and fetched the first time a page needs each one.
 */
export const parts = {
  /**
   * Following the resident's ticket and its call: fetched as soon as there is a number to follow, before the ticket
   * can be looked up, so the call itself (its text, announcement, tab title and event) never waits for code.
   */
  ticket: new Lazy(() => import('./my-ticket.js')),
  /** The wall display (`variant="board"`). */
  board: new Lazy(() => import('./board.js')),
  /** Taking a ticket online (`allow-take`). */
  take: new Lazy(() => import('./online-take.js')),
  /** Today's busy hours (`show-forecast`). */
  busy: new Lazy(() => import('./busy-hours.js')),
  /** The chime and speech of a call, after the resident asked for them. */
  sound: new Lazy(() => import('./call-sound.js')),
};
