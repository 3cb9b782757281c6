import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { STAFF_ROLES, type Principal, type StaffRole } from './principal.ts';

/** How staff sign in: the district's identity provider (OpenID Connect), or the development issuer. */
export interface IdentityProvider {
  /** The issuer (`iss`) exactly as the provider names itself; its discovery document is under it. */
  issuer: string;
  /** The audience (`aud`) tokens must be issued for: this API's client id or resource name at the provider. */
  audience: string;
  /** The claim that lists the roles (a dotted path reaches into objects: `realm_access.roles`). Default `roles`. */
  rolesClaim?: string;
  /** The claim that lists the hall ids the roles apply in, or `*` for every hall. Default `halls`. */
  hallsClaim?: string;
  /** The JWKS to verify with, instead of the one discovery names (the development issuer's own keys). */
  keys?: JWTVerifyGetKey;
}

/** Why a token was refused, in words for the staff member's screen (never the token itself). */
export class TokenRefused extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/** Algorithms a staff token may be signed with: asymmetric only (never `none`, never a shared HMAC secret). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim as a list of strings: an array, or one string of space- or comma-separated items. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Verifies staff bearer tokens (JWTs) against the identity provider: the signature with the keys its discovery
 * document names (`jwks_uri`, fetched and cached by jose, refetched when a token names a key it does not know), the
 * issuer, the audience, and the expiry (30 s of clock skew allowed).
 */
export class TokenVerifier {
  readonly provider: IdentityProvider;
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(provider: IdentityProvider) {
    this.provider = provider;
    if (provider.keys) this.keys = Promise.resolve(provider.keys);
  }

  /** OpenID Connect discovery: the provider's JWKS, found once (a failure is retried at the next token). */
  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const url = `${this.provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`OIDC discovery at ${url} answered ${res.status}`);
      const doc = (await res.json()) as { issuer?: string; jwks_uri?: string };
      // OpenID Connect Discovery 1.0, section 4.3: the document must name the very issuer it was fetched for.
      if (doc.issuer !== this.provider.issuer) throw new Error(`OIDC discovery at ${url} names issuer ${doc.issuer}`);
      if (!doc.jwks_uri) throw new Error(`OIDC discovery at ${url} names no jwks_uri`);
      return createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    })();
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  /** The principal a token names, or TokenRefused; an unreachable provider is an Error of its own. */
  async verify(token: string): Promise<Principal> {
    const keys = await this.jwks();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.provider.issuer,
        audience: this.provider.audience,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      throw refusal(err);
    }
    const roles = listOf(claimAt(payload, this.provider.rolesClaim ?? 'roles')).filter((r): r is StaffRole =>
      (STAFF_ROLES as readonly string[]).includes(r),
    );
    const halls = listOf(claimAt(payload, this.provider.hallsClaim ?? 'halls'));
    return {
      sub: payload.sub!,
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      roles,
      halls: halls.includes('*') ? '*' : halls,
      via: 'token',
    };
  }
}

function refusal(err: unknown): Error {
  if (err instanceof errors.JWTExpired) return new TokenRefused('The token has expired.', '登录凭证已过期。');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return new TokenRefused('The token was issued by another identity provider.', '登录凭证不是本系统认可的身份提供方签发的。');
    if (err.claim === 'aud') return new TokenRefused('The token was issued for another application.', '登录凭证不是为本系统签发的。');
    return new TokenRefused(`The token's ${err.claim} claim is not acceptable.`, '登录凭证的内容不符合要求。');
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JOSENotSupported || err instanceof errors.JWKSInvalid) {
    return err instanceof errors.JOSENotSupported
      ? new TokenRefused('The token is signed in a way this server does not accept.', '登录凭证的签名方式不被接受。')
      : (err as Error);
  }
  if (err instanceof errors.JOSEError) return new TokenRefused('The token is not valid.', '登录凭证无效。');
  return err instanceof Error ? err : new Error(String(err));
}
