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
  wait: (m: number) =>
    m < 1
      ? 'no wait'
      : m < 60
        ? `about\u00a0${m}\u00a0min`
        : `about\u00a0${Math.floor(m / 60)}\u00a0h${m % 60 ? ` ${m % 60}\u00a0min` : ''}`,
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
