import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import { revokeApiKey } from '../../api/server/auth/api-keys.ts';
import { TokenRefused, TokenVerifier } from '../../api/server/auth/tokens.ts';
import { startLocal, storage, testDatabase, type LocalServer } from './local-server.ts';
import { assertProblem, call } from './responses.ts';

const run = promisify(execFile);
const HALL = 'guangan-zwzx';
const OTHER = 'xiexing-bmfw';
const AUDIENCE = 'zw-staff-api';

/** A district identity provider as the server meets it: an OIDC discovery document and a JWKS, over HTTP. */
async function identityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  let jwksRequests = 0;
  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/realm/.well-known/openid-configuration') send({ issuer, jwks_uri: `${origin}/realm/certs` });
    else if (req.url === '/realm/certs') {
      jwksRequests += 1;
      send({ keys: [jwk] });
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/realm`;
  const sign = async (claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: number; key?: CryptoKey; kid?: string; sub?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: opts.kid ?? 'k1' })
      .setIssuer(opts.iss ?? issuer)
      .setAudience(opts.aud ?? AUDIENCE)
      .setSubject(opts.sub ?? 'staff-0042')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(opts.key ?? privateKey);
  return { issuer, sign, close: () => new Promise<void>((r) => server.close(() => r())), jwksRequests: () => jwksRequests };
}

const idp = await identityProvider();
const local = await startLocal({ alwaysOpen: true, identityProvider: { issuer: idp.issuer, audience: AUDIENCE } });
after(async () => {
  await local.stop();
  await idp.close();
});
const { baseUrl, ref } = local;

const callNext = (headers: Record<string, string>, windowId = 'w05') =>
  call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/call', { path: { hallId: HALL, windowId }, headers });
const auditCount = async () => Number((await ref.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n);
const version = async () => (await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: HALL }, expect: 200 })).body.version as number;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe(`staff sign-in and roles (${storage})`, () => {
  it('refuses requests without valid credentials, or without the role or the hall, and changes nothing', async () => {
    const [versionBefore, auditBefore] = [await version(), await auditCount()];
    const { privateKey: stranger } = await generateKeyPair('ES256');
    const unauthorized: [string, Record<string, string>, RegExp?][] = [
      ['no credentials', {}],
      ['not a bearer token', { Authorization: 'Basic c3RhZmY6c2VjcmV0' }],
      ['a malformed token', bearer('not-a-jwt')],
      ['an expired token', bearer(await idp.sign({ roles: ['window-staff'], halls: [HALL] }, { exp: Math.floor(Date.now() / 1000) - 120 })), /expired/],
      ['a token of another issuer', bearer(await idp.sign({ roles: ['window-staff'], halls: [HALL] }, { iss: 'https://idp.example.com/realm' })), /another identity provider/],
      ['a token for another audience', bearer(await idp.sign({ roles: ['window-staff'], halls: [HALL] }, { aud: 'another-app' })), /another application/],
      ['a token signed by another key', bearer(await idp.sign({ roles: ['window-staff'], halls: [HALL] }, { key: stranger }))],
      ['a token signed by another key under a known kid', bearer(await idp.sign({ roles: ['window-staff'], halls: [HALL] }, { key: stranger, kid: 'k1' }))],
      [
        'an unsigned token (alg none)',
        bearer(new UnsecuredJWT({ roles: ['hall-admin'], halls: '*' }).setIssuer(idp.issuer).setAudience(AUDIENCE).setSubject('x').setExpirationTime('5m').encode()),
      ],
      ['an unknown API key', { 'X-Api-Key': `zwk_0123456789ab_${'A'.repeat(43)}` }],
    ];
    for (const [what, headers, detail] of unauthorized) {
      const res = await callNext({ ...headers, 'Accept-Language': 'en' });
      assertProblem(res, 401, 'unauthorized');
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="zhengwu-widgets"/, what);
      if (detail) assert.match(res.body.detail, detail, what);
    }
    const forbidden: [string, string][] = [
      ['a role without this operation', await idp.sign({ roles: ['rating-officer'], halls: [HALL] })],
      ['no role at all', await idp.sign({ halls: [HALL] })],
      ['a role this API does not know', await idp.sign({ roles: ['superuser'], halls: '*' })],
      ['the role in another hall', await idp.sign({ roles: ['window-staff'], halls: [OTHER] })],
      ['the role in no hall', await idp.sign({ roles: ['window-staff'] })],
    ];
    for (const [what, token] of forbidden) {
      const res = await callNext(bearer(token));
      assertProblem(res, 403, 'forbidden');
      assert.ok(res.body.detail, what);
    }
    assert.equal(await version(), versionBefore, 'the hall did not change');
    assert.equal(await auditCount(), auditBefore, 'nothing was logged as done');
  });

  it('lets a window-staff token call the next ticket, and logs who did it', async () => {
    const taken = await call(baseUrl, 'post', '/halls/{hallId}/tickets', {
      path: { hallId: HALL },
      headers: { 'Idempotency-Key': `st-${Date.now()}-call` },
      body: { categoryId: 'B' },
      expect: 201,
    });
    const token = await idp.sign({ roles: ['window-staff'], halls: [HALL], name: '王芳' }, { sub: 'staff-0042' });
    const before = await version();
    let called: string | null = null;
    for (let i = 0; i < 60 && called !== taken.body.number; i += 1) {
      const res = await callNext({ ...bearer(token), 'X-Request-Id': `req-call-${i}` });
      assert.equal(res.status, 200, res.text);
      called = res.body.called?.number ?? null;
      assert.equal(res.body.window.serving, called);
    }
    assert.equal(called, taken.body.number, 'the window got to the online ticket');
    const ticket = await call(baseUrl, 'get', '/halls/{hallId}/tickets/{number}', { path: { hallId: HALL, number: taken.body.number }, expect: 200 });
    assert.equal(ticket.body.status, 'called');
    assert.equal(ticket.body.window.id, 'w05');
    assert.ok((await version()) > before);
    const { rows } = await ref.db.query<{ sub: string; name: string; role: string; via: string; action: string; hall_id: string; target: string; request_id: string; detail: { called: string } }>(
      `SELECT sub, name, role, via, action, hall_id, target, request_id, detail FROM audit_log WHERE action = 'window.call' ORDER BY id DESC LIMIT 1`,
    );
    assert.deepEqual(
      { ...rows[0], detail: rows[0]!.detail.called },
      { sub: 'staff-0042', name: '王芳', role: 'window-staff', via: 'token', action: 'window.call', hall_id: HALL, target: 'w05', request_id: rows[0]!.request_id, detail: taken.body.number },
    );
    assert.match(rows[0]!.request_id, /^req-call-\d+$/, 'the request id the caller sent');
  });

  it('scopes roles to halls: "*" is every hall, a list names them', async () => {
    const everywhere = await idp.sign({ roles: ['hall-admin'], halls: '*' });
    for (const hallId of [HALL, OTHER]) {
      const res = await call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/status', {
        path: { hallId, windowId: 'w02' },
        headers: bearer(everywhere),
        body: { status: 'paused' },
        expect: 200,
      });
      assert.equal(res.body.status, 'paused');
    }
    const me = await call(baseUrl, 'get', '/staff/me', { headers: bearer(everywhere), expect: 200 });
    assert.deepEqual(me.body, { sub: 'staff-0042', roles: ['hall-admin'], halls: '*', via: 'token' });
    const audit = await call(baseUrl, 'get', '/staff/halls/{hallId}/audit', { path: { hallId: OTHER }, headers: bearer(everywhere), query: { limit: 5 }, expect: 200 });
    assert.equal(audit.body.entries[0].action, 'window.status');
    assert.deepEqual(audit.body.entries[0].detail, { from: 'open', to: 'paused' });
    // A closed window cannot be called; the refusal changes nothing and is not logged as done.
    const count = await auditCount();
    const closed = await call(baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/call', { path: { hallId: HALL, windowId: 'w02' }, headers: bearer(everywhere) });
    assertProblem(closed, 409, 'conflict');
    assert.equal(await auditCount(), count);
  });

  it('reads roles and halls from configurable claims, nested or space-separated', async () => {
    const verifier = new TokenVerifier({ issuer: idp.issuer, audience: AUDIENCE, rolesClaim: 'realm_access.roles', hallsClaim: 'zw_halls' });
    const principal = await verifier.verify(await idp.sign({ realm_access: { roles: ['rating-officer', 'offline_access'] }, zw_halls: `${HALL} ${OTHER}` }));
    assert.deepEqual(principal, { sub: 'staff-0042', roles: ['rating-officer'], halls: [HALL, OTHER], via: 'token' });
    await assert.rejects(verifier.verify(await idp.sign({}, { aud: 'x' })), TokenRefused);
    assert.ok(idp.jwksRequests() >= 1, 'the keys came from the jwks_uri of the discovery document');
  });
});

describe(`machines' API keys (${storage})`, () => {
  let server: LocalServer;
  let key = '';
  let keyId = '';
  let dir = '';
  before(async () => {
    // Made with the command line, as a district's operator makes one, on storage the server then starts on.
    dir = await mkdtemp(join(tmpdir(), 'zw-keys-'));
    const databaseUrl = storage === 'postgres' ? await testDatabase() : undefined;
    const env = { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', ZW_DATA_DIR: dir }) };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'api/server/auth/api-keys.ts', 'create', '--hall', HALL, '--label', '1 楼自助取号机'], { env });
    key = /^(zwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1] ?? '';
    keyId = key.slice(4, 16);
    assert.ok(key, `the key is printed once: ${stdout}`);
    server = await startLocal({ alwaysOpen: true, ...(databaseUrl ? { databaseUrl } : { dataDir: dir }) });
    const { rows } = await server.ref.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys');
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(key.slice(17)), 'only a hash of the key is kept');
  });
  after(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const walkIn = (headers: Record<string, string>, hallId = HALL) =>
    call(server.baseUrl, 'post', '/staff/halls/{hallId}/walk-ins', { path: { hallId }, headers, body: { categoryId: 'A' } });

  it('lets a valid key issue walk-in tickets in its hall, logged as the machine', async () => {
    const res = await walkIn({ 'X-Api-Key': key });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.online, false);
    const { rows } = await server.ref.db.query<{ sub: string; name: string; role: string; via: string; target: string }>(
      `SELECT sub, name, role, via, target FROM audit_log WHERE action = 'walk-in.issue'`,
    );
    assert.deepEqual(rows, [{ sub: `api-key:${keyId}`, name: '1 楼自助取号机', role: 'ingest', via: 'api-key', target: res.body.number }]);
  });

  it('refuses a tampered or unknown key (401), another hall or another operation (403), and a revoked key', async () => {
    const before = await server.ref.db.query('SELECT count(*) AS n FROM audit_log');
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    assertProblem(await walkIn({ 'X-Api-Key': tampered }), 401, 'unauthorized');
    assertProblem(await walkIn({ 'X-Api-Key': 'zwk_nonsense' }), 401, 'unauthorized');
    assertProblem(await walkIn({ 'X-Api-Key': key }, OTHER), 403, 'forbidden');
    const call1 = await call(server.baseUrl, 'post', '/staff/halls/{hallId}/windows/{windowId}/call', { path: { hallId: HALL, windowId: 'w01' }, headers: { 'X-Api-Key': key } });
    assertProblem(call1, 403, 'forbidden');
    assert.ok(await revokeApiKey(server.ref.db, keyId, new Date()));
    assertProblem(await walkIn({ 'X-Api-Key': key }), 401, 'unauthorized');
    const after = await server.ref.db.query('SELECT count(*) AS n FROM audit_log');
    assert.deepEqual(after.rows, before.rows, 'no refused request was logged as done');
  });
});

describe(`the development issuer (${storage})`, () => {
  it('serves discovery and keys, and its token (printed by the CLI) works for the role and hall asked', async () => {
    const dev = await startLocal({ alwaysOpen: true });
    try {
      const discovery = await (await fetch(`${dev.baseUrl}/api/v1/dev-issuer/.well-known/openid-configuration`)).json();
      assert.equal(discovery.issuer, 'urn:zhengwu-widgets:development-issuer');
      assert.match(discovery.warning, /DEVELOPMENT ONLY/);
      const jwks = await (await fetch(discovery.jwks_uri)).json();
      assert.equal(jwks.keys.length, 1);
      assert.equal(jwks.keys[0].d, undefined, 'no private part');
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'api/server/auth/dev-token.ts', '--role', 'hall-admin', '--hall', HALL, '--server', dev.baseUrl]);
      assert.match(stderr, /DEVELOPMENT ONLY/);
      const token = stdout.trim();
      const paused = await call(dev.baseUrl, 'post', '/staff/halls/{hallId}/simulator', { path: { hallId: HALL }, headers: bearer(token), body: { action: 'step' }, expect: 200 });
      assert.equal(paused.body.hallId, HALL);
      assertProblem(await call(dev.baseUrl, 'post', '/staff/halls/{hallId}/simulator', { path: { hallId: OTHER }, headers: bearer(token), body: { action: 'pause' } }), 403, 'forbidden');
      const { rows } = await dev.ref.db.query<{ action: string; sub: string }>('SELECT action, sub FROM audit_log');
      assert.deepEqual(rows, [{ action: 'simulator.step', sub: 'dev-hall-admin' }]);
    } finally {
      await dev.stop();
    }
    // With an identity provider configured there is no development issuer.
    assert.equal((await fetch(`${baseUrl}/api/v1/dev-issuer/token`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status, 404);
  });

  it('keeps the resident API free of credentials', async () => {
    for (const path of ['/api/v1/halls', `/api/v1/halls/${HALL}/snapshot`, '/api/v1/ratings/reasons']) {
      const res = await fetch(`${baseUrl}${path}`);
      assert.equal(res.status, 200, path);
    }
  });
});
