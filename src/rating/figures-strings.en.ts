/** The English table of `figuresStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  title: (by: string) =>
    ({ hall: 'Ratings by hall', department: 'Ratings by department', month: 'Ratings by month' })[by] ??
    'Rating figures',
  goodRate: 'Positive rate',
  rectificationRate: 'Bad ratings fixed',
  revisitRate: 'Called back',
  onTimeRate: 'Closed on time',
  goodRateIs: 'the share of ratings that are Very satisfied, Satisfied or Neutral',
  rectificationRateIs: 'the share of bad ratings whose problem was fixed and closed',
  revisitRateIs: 'of the bad ratings with a phone number left, the share whose resident was reached by a call-back',
  onTimeRateIs: 'of the bad ratings closed or past their deadline, the share closed within it',
  group: (by: string) => ({ hall: 'Hall', department: 'Department', month: 'Month' })[by] ?? 'Group',
  ratings: 'Ratings',
  bad: 'Bad ratings',
  counts: (n: number, bad: number) => `${n} ratings, ${bad} of them bad`,
  notApplicable: 'n/a',
  suppressed: (min: number) => `Fewer than ${min} ratings: no figures published`,
  none: 'No ratings yet',
  table: 'Show as a table',
  definitions: 'What the figures mean',
};
