/** The English table of `staffStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  checking: 'Checking your sign-in…',
  signInTitle: 'Staff sign-in',
  signInNeeded: 'Sign in with your organisation account to continue.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (name: string) => `Signed in: ${name}`,
  forbiddenTitle: 'No access',
  forbidden: (hall: string) => `This account has no permission for ${hall}. Please ask the hall administrator.`,
  devTitle: 'Development sign-in (development and tests only; not available in production)',
  devName: 'Name',
  devSignIn: 'Sign in with a development account',
  devFailed: 'The development sign-in failed.',
};
