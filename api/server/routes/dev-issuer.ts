import type { Context, Hono } from 'hono';
import { DEV_ISSUER, type DevIssuer } from '../auth/dev-issuer.ts';
import { STAFF_ROLES, type StaffRole } from '../auth/principal.ts';
import { route } from '../http/route.ts';
import { readJsonBody } from '../http/request-body.ts';
import { validationProblem, type FieldError } from '../problem.ts';
import { HALLS } from '../queue/halls.ts';

const WARNING = 'DEVELOPMENT ONLY: this issuer gives any role to anyone who asks. Configure ZW_OIDC_ISSUER in production.';
const BASE = '/api/v1/dev-issuer';

/**
 * The development issuer's endpoints (DEVELOPMENT ONLY; mounted only when no identity provider is configured):
 * a discovery document and JWKS as an OpenID provider serves them, and `POST /api/v1/dev-issuer/token`, which mints a
 * staff token: `{"roles": ["hall-admin"], "halls": ["guangan-zwzx"]}` (or `"halls": "*"`; `sub`, `name` and
 * `expiresIn` in seconds are optional). `tsx api/server/auth/dev-token.ts` asks it from the command line.
 * Not part of the API contract.
 */
export function devIssuerRoutes(app: Hono, issuer: DevIssuer, now: () => Date): void {
  const headers = { 'Cache-Control': 'no-store', 'X-Development-Only': 'true' };
  const origin = (c: Context) => new URL(c.req.url).origin;

  route(app, `${BASE}/.well-known/openid-configuration`, {
    GET: (c) =>
      c.json(
        {
          issuer: DEV_ISSUER,
          jwks_uri: `${origin(c)}${BASE}/jwks.json`,
          token_endpoint: `${origin(c)}${BASE}/token`,
          id_token_signing_alg_values_supported: ['ES256'],
          response_types_supported: ['token'],
          subject_types_supported: ['public'],
          warning: WARNING,
        },
        200,
        headers,
      ),
  });
  route(app, `${BASE}/jwks.json`, { GET: (c) => c.json(issuer.jwks, 200, headers) });
  route(app, `${BASE}/token`, {
    POST: async (c) => {
      const body = (await readJsonBody(c)) as Record<string, unknown>;
      const errors: FieldError[] = [];
      const raw = body && typeof body === 'object' ? body : {};
      const roles = Array.isArray(raw.roles) ? raw.roles : typeof raw.role === 'string' ? [raw.role] : [];
      if (!roles.length || !roles.every((r) => (STAFF_ROLES as readonly unknown[]).includes(r))) {
        errors.push({ pointer: '/roles', code: 'enum', message: `roles: one or more of ${STAFF_ROLES.join(', ')}` });
      }
      const halls = raw.halls === '*' ? '*' : Array.isArray(raw.halls) ? raw.halls : typeof raw.hall === 'string' ? [raw.hall] : [];
      if (halls !== '*' && (!halls.length || !halls.every((h) => HALLS.some((x) => x.id === h)))) {
        errors.push({ pointer: '/halls', code: 'enum', message: `halls: "*" or hall ids among ${HALLS.map((h) => h.id).join(', ')}` });
      }
      const expiresIn = raw.expiresIn === undefined ? undefined : Number(raw.expiresIn);
      if (expiresIn !== undefined && !(Number.isInteger(expiresIn) && expiresIn >= 1 && expiresIn <= 7 * 86_400)) {
        errors.push({ pointer: '/expiresIn', code: 'range', message: 'expiresIn: whole seconds, 1 to 604800' });
      }
      const text = (v: unknown) => (typeof v === 'string' && v.length <= 255 ? v : undefined);
      if (errors.length) throw validationProblem(errors);
      const { token, expiresIn: ttl } = await issuer.mint(
        { roles: roles as StaffRole[], halls: halls as string[] | '*', sub: text(raw.sub), name: text(raw.name), expiresIn },
        now(),
      );
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: ttl, warning: WARNING }, 200, headers);
    },
  });
}
