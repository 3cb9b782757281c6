const EN_STATUS: Record<string, string> = {
  received: 'Received',
  assigned: 'Assigned',
  rectifying: 'Being fixed',
  revisited: 'Called back',
  closed: 'Closed',
  accepted: 'Received',
  verifying: 'Being checked',
  revisiting: 'Calling you back',
  appealed: 'Under appeal',
  reviewed: 'Reviewed',
};
const EN_VERDICTS: Record<string, string> = {
  satisfied: 'Satisfied',
  'basically-satisfied': 'Mostly satisfied',
  dissatisfied: 'Not satisfied',
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
  department: 'Department',
  verdict: (v: string) => EN_VERDICTS[v] ?? v,
  ask: 'Are you satisfied with how the problem was fixed?',
  needVerdict: 'Please choose one.',
  submitVerdict: 'Send',
  sending: 'Sending…',
  yours: 'Your view of the fix',
  deemed: '(not given in time; counted as mostly satisfied, as the rules say)',
  once: 'You can answer once; it cannot be changed afterwards.',
};
