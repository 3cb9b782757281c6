const EN_STATUS: Record<string, string> = {
  received: 'Received',
  assigned: 'Assigned',
  rectifying: 'Being fixed',
  revisited: 'Called back',
  closed: 'Closed',
};

/** The English table of `followUpStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  status: (s: string) => EN_STATUS[s] ?? 'In progress',
  colon: ': ',
  code: 'Tracking code',
  next: (days: number, due: string) =>
    `The department will fix the problem within ${days} working days (by ${due}) and follow up with you. Use the tracking code to check progress.`,
  nextNoCall: (days: number, due: string) =>
    `The department will fix the problem within ${days} working days (by ${due}). You left no phone number, so nobody will call you back; use the tracking code to check progress.`,
  lookup: 'Check progress',
  now: 'Status',
  due: 'Due by',
};
