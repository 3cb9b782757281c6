/** The English table of `takeStrings`, fetched only when a page speaks English (see defineStrings). */
export default {
  pick: 'Choose a service',
  takeBtn: 'Take ticket',
  taking: 'Taking a ticket…',
  hallClosed: 'The hall is not open now. Please take a ticket during opening hours.',
  quota: "Today's online tickets are all gone. Try tomorrow, or take one at the hall.",
  unsure:
    'The result is not confirmed. Pressing “Take ticket” again looks up the same request: it cannot give you a second ticket.',
};
