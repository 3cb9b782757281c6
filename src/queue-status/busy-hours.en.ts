/** The English table of `busyStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  busyCaption: "Today's expected wait by hour",
  hour: (h: number) => `${h}:00–${h + 1}:00`,
  hourCol: 'Hour',
  waitCol: 'Expected wait',
  now: 'now',
  quietest: (hour: string, wait: string) => `The quietest coming hour is ${hour}, expected wait ${wait}.`,
  low: 'quiet',
  medium: 'moderate',
  high: 'busy',
};
