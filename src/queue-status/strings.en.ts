import type { WaitRange } from './strings.js';

/** Minutes in words: 6 min, 1 h 35 min. */
const duration = (m: number) => (m < 60 ? `${m}\u00a0min` : `${Math.floor(m / 60)}\u00a0h${m % 60 ? ` ${m % 60}\u00a0min` : ''}`);

/** The English table of `queueStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  open: 'Open now',
  closed: 'Closed now',
  hours: (opens: string, closes: string, lunch: string) =>
    `Today ${opens}–${closes}${lunch ? `, lunch break ${lunch}` : ''}`,
  updated: (time: string) => `Updated ${time}`,
  live: 'Live',
  polled: (n: number) => `Refreshed every ${n} s`,
  reconnecting: 'Reconnecting…',
  stale: 'Data may be out of date',
  offline: 'You are offline',
  queues: 'People waiting',
  waiting: (n: number) => `${n} waiting`,
  wait: (m: number, range?: WaitRange) =>
    range
      ? range.low < 1
        ? `up to ${duration(range.high)}`
        : range.high < 60
          ? `about\u00a0${range.low} to ${range.high}\u00a0min`
          : `about ${duration(range.low)} to ${duration(range.high)}`
      : m < 1
        ? 'no wait'
        : `about\u00a0${duration(m)}`,
  windows: 'Windows',
  serving: 'Serving',
  idle: 'Ready to call',
  paused: 'Paused',
  shut: 'Not open',
  unknown: 'Status unknown',
  partFailed: 'This part could not be loaded. Check your connection and try again.',
  noHall: 'No service hall set: add the hall attribute.',
  mine: 'My ticket',
  number: 'Ticket number',
  numberHint: 'One capital letter and three digits, for example A023',
  numberBad: 'That is not a ticket number: enter one letter and three digits, for example A023.',
  check: 'Check',
  take: 'Take a ticket online',
  taken: (t: string) => `Done: your ticket number is ${t}.`,
  busy: 'Busy hours',
};
