/**
 * Prints a staff token from a running reference server's DEVELOPMENT issuer (DEVELOPMENT ONLY):
 *
 *   tsx api/server/auth/dev-token.ts --role hall-admin --hall guangan-zwzx [--server http://localhost:8787]
 *
 * `--role` and `--hall` may be given more than once; `--hall '*'` means every hall; `--sub`, `--name` and
 * `--expires-in <seconds>` are optional. Use the token as `Authorization: Bearer <token>`. A server that has an
 * identity provider configured (ZW_OIDC_ISSUER) has no development issuer, and this fails.
 */
const args = process.argv.slice(2);
const all = (name: string) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]!] : []));
const one = (name: string) => all(name)[0];

const roles = all('role');
const halls = all('hall');
if (!roles.length || !halls.length) {
  console.error("usage: tsx api/server/auth/dev-token.ts --role <window-staff|hall-admin|rating-officer> --hall <hallId|'*'> [--server URL]");
  process.exit(2);
}
const server = one('server') ?? process.env.ZW_API ?? `http://localhost:${process.env.PORT ?? 8787}`;
const res = await fetch(new URL('/api/v1/dev-issuer/token', server), {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    roles,
    halls: halls.includes('*') ? '*' : halls,
    ...(one('sub') ? { sub: one('sub') } : {}),
    ...(one('name') ? { name: one('name') } : {}),
    ...(one('expires-in') ? { expiresIn: Number(one('expires-in')) } : {}),
  }),
}).catch((err: Error) => {
  console.error(`Cannot reach ${server}: ${err.message}`);
  process.exit(1);
});
if (res.status === 404) {
  console.error(`${server} has no development issuer (an identity provider is configured there).`);
  process.exit(1);
}
const body = (await res.json()) as { access_token?: string; expires_in?: number; detail?: string };
if (!res.ok || !body.access_token) {
  console.error(`${server} refused: ${body.detail ?? res.status}`);
  process.exit(1);
}
console.error(`DEVELOPMENT ONLY: a token for ${roles.join(', ')} in ${halls.join(', ')}, valid ${body.expires_in} s.`);
console.log(body.access_token);

export {};
