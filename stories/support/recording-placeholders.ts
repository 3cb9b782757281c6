/**
 * Ids that name nothing, asked of the reference server while recording (.storybook/reference-api.ts), so that its
 * "not found" problems can be handed back with the id a story asked for in their place (api-handlers.ts).
 */
export const UNKNOWN_TICKET = 'Z999';
export const UNKNOWN_SERVICE = 'ZZ-NO-SUCH-ITEM';
export const UNKNOWN_FOLLOW_UP = 'HC20200101-ZZZZ-ZZZZ-ZZZZ-ZZZZ';
export const UNKNOWN_SCOPE = 'zz-nobody';
