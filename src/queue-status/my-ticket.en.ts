/** Window labels are district data ("5 号窗口"); the common pattern reads better in English as "window 5". */
const enWindow = (label: string) => label.replace(/^(\d+) 号窗口$/, 'window $1');

/** The English table of `ticketStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  forget: 'Stop following this ticket',
  ahead: (n: number) => `${n} ahead of you`,
  eta: (wait: string) => `Expected wait: ${wait}`,
  near: 'You are next soon: watch for your call.',
  goTo: (w: string) => `Please go to ${enWindow(w)}`,
  calledSay: (t: string, w: string) => `Ticket ${t}, please go to ${enWindow(w)}.`,
  calledTitle: (w: string) => `[Go to ${enWindow(w)}] `,
  calledNote: (t: string) => `Your ticket ${t} has been called`,
  missed: 'Your ticket was called but missed. Ask at the information desk or take a new ticket.',
  served: 'Your visit is complete. Thank you for waiting.',
  notFound: 'No ticket with this number today. Please check it and try again.',
  unknown: 'Please watch the hall display and listen for announcements.',
  sound: 'Ring and read out my call',
};
