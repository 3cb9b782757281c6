/** The English table of `summaryStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  goodRate: 'Positive rate',
  goodRateIs: 'The positive rate is the share of ratings that are Very satisfied, Satisfied or Neutral.',
  count: (n: number) => `${n} ratings`,
  none: 'No ratings yet',
  table: 'Show as a table',
  byLevel: 'Ratings by level',
  countShare: (n: number, share: string) => `${n} (${share})`,
  share: 'Share',
  number: 'Ratings',
  levelCol: 'Level',
};
