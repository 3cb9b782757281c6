import type { PropertyDeclarations } from 'lit';
import type { StaffRole } from '../api/types.gen.js';
import type { ApiClient } from '../api/client.js';
import { ZwElement } from '../zw-element.js';
import { StaffSession, type StaffTokenProvider } from './session.js';

/**
 * The base of the staff elements: a `ZwElement` with a hall, a staff session (decision 065) for the roles the
 * subclass names in `staffRoles`, and the `tokenProvider` property through which the host page signs it in.
 */
export class ZwStaffElement extends ZwElement {
  static override properties: PropertyDeclarations = { hall: {} };

  /** The roles the element works with; any one of them in its hall will do. */
  static staffRoles: StaffRole[] = ['window-staff', 'hall-admin'];

  /** Hall id; falls back to `<zw-config hall>`. */
  hall?: string;

  /** The element's sign-in (see StaffSession). */
  protected readonly session = new StaffSession(this, (this.constructor as typeof ZwStaffElement).staffRoles);

  /**
   * Gives the element its credentials: a function returning the staff member's access token (or the hall's API key
   * for a machine), called before every request. A JavaScript property only: a token never goes in an attribute.
   */
  get tokenProvider(): StaffTokenProvider | undefined {
    return this.session.provider;
  }
  set tokenProvider(provider: StaffTokenProvider | undefined) {
    this.session.provider = provider;
  }

  /** The hall in use: `hall`, else `<zw-config hall>`. */
  get hallId(): string | undefined {
    return this.hall || this.config.hall || undefined;
  }

  protected override configuredCallback(): void {
    this.session.start();
  }

  /** @internal */
  staffApi(): ApiClient {
    return this.api;
  }

  /** @internal */
  staffHall(): string | undefined {
    return this.hallId;
  }

  /** @internal */
  get staffSignal(): AbortSignal {
    return this.signal;
  }
}
