const EN_LEVELS = ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/** The English table of `ratingStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  level: (n: number) => EN_LEVELS[n] ?? '',
  legend: 'How satisfied are you with this service?',
  reasons: 'Reasons',
  required: ' (choose at least one)',
  optional: ' (optional)',
  needLevel: 'Choose how satisfied you are.',
  needReason: 'Choose at least one reason.',
  comment: 'Comments (optional)',
  privacy: 'Do not enter ID numbers, phone numbers, addresses or other personal details.',
  left: (n: number) => `${n} characters left`,
  consent: 'I agree to be called back about this rating',
  phone: 'Mobile number',
  badPhone: 'Enter an 11-digit mobile number, like 13812345678.',
  submit: 'Submit rating',
  sending: 'Submitting…',
  sent: 'Thank you, your rating was submitted.',
  queued: 'Saved. It will be submitted when you are back online.',
  unconfirmed: 'Saved. The server has not confirmed it yet; it will be sent again automatically.',
  queuedPage:
    'No connection: your rating is kept on this page and will be sent when you are back online. Keep this page open.',
  rated: (level: string) => `This case has already been rated${level ? ` (${level})` : ''}.`,
  noCase: 'No case number is given, so this case cannot be rated.',
};
