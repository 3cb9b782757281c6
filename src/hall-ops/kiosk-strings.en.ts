import type { PriorityReason } from '../core/api/types.gen.js';

/** The English table of `kioskStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  title: 'Take a ticket',
  choose: 'Choose the service you need',
  waiting: (n: number) => `${n} waiting`,
  priority: 'Priority lane',
  priorityHint: 'Served first: residents over 60, disabled, pregnant or seriously ill',
  priorityChoose: 'Why should you be served first?',
  priorityCategory: 'Priority lane: choose the service you need',
  reason: (r: PriorityReason) =>
    ({
      elderly: 'Over 60',
      disabled: 'Disabled',
      pregnant: 'Pregnant',
      'seriously-ill': 'Seriously ill',
      other: 'Other',
    })[r],
  back: 'Back',
  issuing: 'Issuing your ticket…',
  yourNumber: 'Your number',
  ticketCategory: 'Service',
  ahead: (n: number) => (n === 0 ? 'Nobody is ahead of you; watch for your call' : `${n} ahead of you`),
  issuedAt: 'Issued',
  priorityMark: 'Priority',
  scan: 'Scan to follow your place in the queue',
  print: 'Print the ticket',
  printing: 'Printing your ticket; take it below',
  done: 'Done',
  spokenWelcome: 'Welcome. Choose the service you need.',
  spokenTicket: (number: string, ahead: number) =>
    ahead === 0
      ? `Your number is ${number}. Nobody is ahead of you.`
      : `Your number is ${number}. ${ahead} ahead of you.`,
  closed: 'The hall is closed now; no tickets are issued.',
  failed: 'The ticket could not be issued',
  loadFailed: 'The list of services cannot be read right now.',
  noCategories: 'This hall has no services to queue for.',
  noHall: 'No hall is set.',
};
