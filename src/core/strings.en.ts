/** The English table of `coreStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  offline: 'You are offline. Check your connection and try again.',
  network: 'The server cannot be reached right now. Please try again later.',
  timeout: 'The server took too long to answer. Please try again later.',
  server: 'The service is temporarily unavailable. Please try again later.',
  notFound: 'Nothing was found.',
  rateLimited: 'Too many attempts. Please wait a moment and try again.',
  invalidPayload: (field: string) => `The server sent data we could not read (${field}). Please try again later or contact the site.`,
  retry: 'Try again',
  loading: 'Loading…',
};
