/**
 * Staff sign-in shared by the staff elements (the window console, the 差评 desk): a token provider the host page
 * sets, the `zw-sign-in-required` event for its SSO, the Authorization header on staff requests, and a development
 * sign-in form where the server offers its development issuer. See decision 065.
 */
export {
  StaffSession,
  DEV_ISSUER_PATH,
  credentialHeaders,
  type StaffHost,
  type StaffSessionState,
  type StaffTokenProvider,
  type ZwSignInRequiredDetail,
} from './session.js';
export { signInPanel, signInStyles } from './sign-in-panel.js';
export { staffStrings, type StaffStrings } from './strings.js';
export { ZwStaffElement } from './staff-element.js';
