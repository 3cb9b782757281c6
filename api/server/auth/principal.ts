/** Who a staff or machine request comes from, once its credentials are checked (docs/decisions/054-staff-sign-in.md). */

/**
 * What staff may do, each in the halls the identity provider gives them:
 * - `window-staff` works a window: calls the next ticket, pauses and reopens it, issues walk-in tickets;
 * - `hall-admin` runs a hall: everything window staff do, the simulator's controls, the audit log;
 * - `rating-officer` handles 差评 follow-ups: the list, and the resident's phone number for the 回访.
 * `ingest` is a machine's role (a hall's own kiosk or 叫号 system), held only by API keys.
 */
export const STAFF_ROLES = ['window-staff', 'hall-admin', 'rating-officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'ingest';

export interface Principal {
  /** The identity provider's subject (`sub`), or `api-key:<id>` for a machine. */
  sub: string;
  /** A display name, when the token carries one (`name`), or the API key's label. */
  name?: string;
  roles: readonly Role[];
  /** The halls the roles apply in, or every hall. */
  halls: readonly string[] | '*';
  via: 'token' | 'api-key';
}

export function mayActIn(principal: Principal, hallId: string): boolean {
  return principal.halls === '*' || principal.halls.includes(hallId);
}

/** The first of `roles` the principal holds: the role an action is taken in, as the audit log names it. */
export function roleFor(principal: Principal, roles: readonly Role[]): Role | undefined {
  return roles.find((r) => principal.roles.includes(r));
}
