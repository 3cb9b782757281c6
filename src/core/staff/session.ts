import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient, ApiResponse, RequestOptions } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { StaffIdentity, StaffRole } from '../api/types.gen.js';

/**
 * Hands a staff element the current access token of the district's identity provider (a JWT), or nothing when the
 * staff member is not signed in. Called before every request, so a host that refreshes tokens gives the fresh one;
 * `renew` is true after the server refused the last token (401): get a new one or return nothing. A machine (the
 * kiosk) may hand over its hall's API key instead (`zwk_…`), which is sent as `X-Api-Key`.
 */
export type StaffTokenProvider = (ask: {
  renew: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;

/**
 * Where a staff element stands: `checking` the credentials; `signed-out` (no token, or the server refused it);
 * `signed-in` with the roles the element needs in its hall; `forbidden` (valid credentials, wrong role or hall).
 */
export type StaffSessionState = 'checking' | 'signed-out' | 'signed-in' | 'forbidden';

/** The detail of `zw-sign-in-required`: the host page starts its own sign-in (SSO) and then sets a token provider. */
export interface ZwSignInRequiredDetail {
  /** `no-token` (never signed in here) or `expired` (the server refused the token it was given). */
  reason: 'no-token' | 'expired';
  /** The roles the element works with (any one of them will do). */
  roles: StaffRole[];
  /** The hall the element works in. */
  hall?: string;
}

/** What a staff element offers its session. */
export interface StaffHost extends ReactiveControllerHost, HTMLElement {
  /** The element's API client (base, language, timeout resolved). */
  staffApi(): ApiClient;
  /** The hall the element works in. */
  staffHall(): string | undefined;
  /** Aborted when the element leaves the page. */
  readonly staffSignal: AbortSignal;
}

/** The request headers that carry `token`: a hall's API key as `X-Api-Key`, anything else as a bearer token. */
export const credentialHeaders = (token: string): Record<string, string> =>
  /^zwk_/.test(token) ? { 'X-Api-Key': token } : { Authorization: `Bearer ${token}` };

/** The development issuer's token endpoint (reference server, development only; not part of the API contract). */
export const DEV_ISSUER_PATH = '/api/v1/dev-issuer';

/**
 * A staff element's sign-in: asks the host's token provider for a token, checks it once with
 * `GET /api/v1/staff/me`, and sends it as `Authorization: Bearer …` on the element's staff requests. A 401 asks the
 * provider for a renewed token once, then signs out and fires `zw-sign-in-required` (bubbling, composed) for the
 * host page's SSO; a 403 becomes `forbidden` with the server's own words. The token lives in memory only: never in
 * an attribute, the DOM or storage (decision 065).
 *
 * When the server offers the development issuer (the reference server without an identity provider), the session
 * says so (`devIssuer`) and `devSignIn` mints a token there, for demos and tests only.
 */
export class StaffSession implements ReactiveController {
  state: StaffSessionState = 'checking';
  /** Whom the token names, once checked. */
  identity?: StaffIdentity;
  /** Why the session is `forbidden`, or why the last check failed (network, server). */
  error?: ApiError;
  /** True when the server offers the development issuer (checked only while signed out). */
  devIssuer = false;

  #provider?: StaffTokenProvider;
  #started = false;
  #run = 0;

  constructor(
    private readonly host: StaffHost,
    /** The roles the element works with; any one of them in the element's hall will do. */
    readonly roles: StaffRole[],
  ) {
    host.addController(this);
  }

  /** The host page's token provider (a JavaScript property, never an attribute). Setting it checks it at once. */
  get provider(): StaffTokenProvider | undefined {
    return this.#provider;
  }
  set provider(provider: StaffTokenProvider | undefined) {
    this.#provider = provider;
    if (this.#started) void this.check();
  }

  hostConnected(): void {}

  /** Starts checking (the element calls it once it knows its `<zw-config>` settings: API base, hall). */
  start(): void {
    this.#started = true;
    void this.check();
  }

  hostDisconnected(): void {
    this.#started = false;
    this.#run++;
  }

  /** Asks the provider for a token and checks it against the server; fires `zw-sign-in-required` without one. */
  async check(renew = false): Promise<void> {
    const run = ++this.#run;
    this.#set('checking');
    const token = await this.#token(renew);
    if (run !== this.#run) return;
    if (!token) return this.#signedOut(renew ? 'expired' : 'no-token', run);
    try {
      const { data } = await this.host.staffApi().get<StaffIdentity>('/api/v1/staff/me', {
        headers: credentialHeaders(token),
        schema: 'StaffIdentity',
        signal: this.host.staffSignal,
      });
      if (run !== this.#run) return;
      this.identity = data;
      this.error = undefined;
      this.#set(this.#allowed(data) ? 'signed-in' : 'forbidden');
    } catch (error) {
      if (run !== this.#run || (error as ApiError).kind === 'aborted') return;
      if ((error as ApiError).status === 401) return renew ? this.#signedOut('expired', run) : this.check(true);
      this.error = error as ApiError;
      this.#set((error as ApiError).status === 403 ? 'forbidden' : 'signed-out');
    }
  }

  /**
   * Sends one staff request with the token. A 401 asks for a renewed token and tries once more; a second 401 signs
   * out (and fires `zw-sign-in-required`); a 403 makes the session `forbidden`. The error is thrown either way.
   */
  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    for (let renew = false; ; renew = true) {
      const token = await this.#token(renew);
      if (!token) {
        this.#signedOut(renew ? 'expired' : 'no-token', this.#run);
        throw new ApiError('http', 'Not signed in', { status: 401 });
      }
      try {
        return await this.host.staffApi().request<T>(path, {
          signal: this.host.staffSignal,
          ...options,
          headers: { ...options.headers, ...credentialHeaders(token) },
        });
      } catch (error) {
        const status = (error as ApiError).status;
        if (status === 401 && !renew) continue;
        if (status === 401) this.#signedOut('expired', ++this.#run);
        if (status === 403) {
          this.error = error as ApiError;
          this.#set('forbidden');
        }
        throw error;
      }
    }
  }

  /** DEVELOPMENT ONLY: mints a token at the server's development issuer with the element's roles in its hall. */
  async devSignIn(name: string): Promise<void> {
    const hall = this.host.staffHall();
    const { data } = await this.host.staffApi().post<{ access_token: string }>(`${DEV_ISSUER_PATH}/token`, {
      roles: this.roles.filter((r) => r !== 'ingest'),
      halls: hall ? [hall] : '*',
      ...(name ? { name, sub: `dev-${name}` } : {}),
    });
    const token = data.access_token;
    this.provider = () => token;
  }

  /** Forgets the token provider (the host's sign-out); the element shows its sign-in again. */
  signOut(): void {
    this.#provider = undefined;
    this.identity = undefined;
    this.#signedOut('no-token', ++this.#run, false);
  }

  async #token(renew: boolean): Promise<string | undefined> {
    try {
      return (await this.#provider?.({ renew })) || undefined;
    } catch {
      return undefined; // a provider that fails has no token to give
    }
  }

  #allowed(who: StaffIdentity): boolean {
    const hall = this.host.staffHall();
    const inHall = who.halls === '*' || (hall !== undefined && who.halls.includes(hall));
    return inHall && who.roles.some((r) => this.roles.includes(r));
  }

  #signedOut(reason: ZwSignInRequiredDetail['reason'], run: number, tell = true): void {
    if (run !== this.#run) return;
    this.identity = undefined;
    this.#set('signed-out');
    if (tell) {
      this.host.dispatchEvent(
        new CustomEvent<ZwSignInRequiredDetail>('zw-sign-in-required', {
          bubbles: true,
          composed: true,
          detail: { reason, roles: this.roles, hall: this.host.staffHall() },
        }),
      );
    }
    void this.#offerDevIssuer(run);
  }

  /** Whether the development issuer answers (the reference server without an identity provider). */
  async #offerDevIssuer(run: number): Promise<void> {
    try {
      await this.host
        .staffApi()
        .get(`${DEV_ISSUER_PATH}/.well-known/openid-configuration`, { retries: 0, signal: this.host.staffSignal });
      if (run === this.#run) this.devIssuer = true;
    } catch {
      if (run === this.#run) this.devIssuer = false;
    }
    this.host.requestUpdate();
  }

  #set(state: StaffSessionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

declare global {
  interface HTMLElementEventMap {
    'zw-sign-in-required': CustomEvent<ZwSignInRequiredDetail>;
  }
}
