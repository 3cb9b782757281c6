import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Db } from '../db.ts';
import { STAFF_ROLES, type StaffRole } from './principal.ts';
import type { IdentityProvider } from './tokens.ts';

/**
 * THE DEVELOPMENT ISSUER: DEVELOPMENT ONLY. An identity provider built into the reference server for the demo, the
 * stories and the tests when no district identity provider is configured (ZW_OIDC_ISSUER): it mints a staff token
 * for any role and hall to anyone who asks. Its discovery document and JWKS are served like a real provider's
 * (routes/dev-issuer.ts), so that tools can verify its tokens; the server itself verifies them with the same keys.
 * The signing key is kept in the database, so every replica on it, and a restarted one, accepts the same tokens.
 */
export const DEV_ISSUER = 'urn:zhengwu-widgets:development-issuer';
export const DEV_AUDIENCE = 'zhengwu-widgets-staff';
const KEY_NAME = 'development-issuer';
const ALG = 'ES256';

export interface DevTokenRequest {
  roles: readonly StaffRole[];
  halls: readonly string[] | '*';
  sub?: string;
  name?: string;
  /** Seconds the token is valid (default 8 hours, a working day). */
  expiresIn?: number;
}

export class DevIssuer {
  readonly jwks: { keys: JWK[] };
  private readonly privateKey: CryptoKey | Uint8Array;
  private readonly kid: string;

  private constructor(publicJwk: JWK, privateKey: CryptoKey | Uint8Array) {
    this.jwks = { keys: [publicJwk] };
    this.privateKey = privateKey;
    this.kid = publicJwk.kid!;
  }

  /** The issuer's key from the database, made by whichever replica needed it first. */
  static async open(db: Db): Promise<DevIssuer> {
    const read = async () =>
      (await db.query<{ jwk: JWK | string }>('SELECT jwk FROM signing_keys WHERE name = $1', [KEY_NAME])).rows[0]?.jwk;
    let stored = await read();
    if (!stored) {
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      const jwk = { ...(await exportJWK(privateKey)), alg: ALG, kid: `dev-${Date.now().toString(36)}` };
      await db.query('INSERT INTO signing_keys (name, jwk) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO NOTHING', [KEY_NAME, JSON.stringify(jwk)]);
      stored = await read();
    }
    const jwk = typeof stored === 'string' ? (JSON.parse(stored) as JWK) : stored!;
    const { d: _d, ...publicJwk } = jwk;
    return new DevIssuer({ ...publicJwk, use: 'sig' }, await importJWK(jwk, ALG));
  }

  /** The provider to verify staff tokens against. */
  provider(): IdentityProvider {
    return { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, keys: createLocalJWKSet(this.jwks) };
  }

  async mint(request: DevTokenRequest, now: Date): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = request.expiresIn ?? 8 * 3600;
    const roles = request.roles.filter((r) => (STAFF_ROLES as readonly string[]).includes(r));
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({
      roles,
      halls: request.halls,
      ...(request.name ? { name: request.name } : {}),
      development_only: true,
    })
      .setProtectedHeader({ alg: ALG, kid: this.kid, typ: 'JWT' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(request.sub ?? `dev-${roles.join('+') || 'nobody'}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(this.privateKey);
    return { token, expiresIn };
  }
}
