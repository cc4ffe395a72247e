// Client authentication at the token, introspection and revocation endpoints, with openid-client and
// oauth4webapi as the clients: client_secret_basic, client_secret_post, private_key_jwt and none.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

const insecure = { [oauth.allowInsecureRequests]: true } as const;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe.each(STORE_KINDS)('client authentication (%s)', (kind) => {
  let s: TestServer;
  let as: oauth.AuthorizationServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
  });
  afterAll(async () => s?.close());

  let n = 0;
  const register = (body: Record<string, unknown>) =>
    s.admin('POST', '/spaces/default/clients', { name: `ca-${++n}`, grant_types: ['client_credentials'], ...body });
  const ccRequest = (clientId: string, auth: oauth.ClientAuth) =>
    oauth.clientCredentialsGrantRequest(as, { client_id: clientId }, auth, new URLSearchParams(), insecure);
  /** A ClientAuth that sets exactly the given body fields and headers (for requests a library would not make). */
  const raw =
    (body: Record<string, string>, headers: Record<string, string> = {}): oauth.ClientAuth =>
    (_as, _c, b, h) => {
      for (const [k, v] of Object.entries(body)) b.set(k, v);
      for (const [k, v] of Object.entries(headers)) h.set(k, v);
    };
  const basicHeader = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  async function expectError(res: Response, status: number, error: string): Promise<Record<string, unknown>> {
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBe(error);
    return body;
  }

  async function keyClient() {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const c = await register({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
    const assertion = (claims: Record<string, unknown> = {}, exp: string | number = '60s') =>
      new SignJWT({ jti: crypto.randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer((claims.iss as string) ?? c.client_id)
        .setSubject(c.client_id)
        .setAudience((claims.aud as string) ?? s.issuer)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(privateKey);
    return { c, privateKey, assertion };
  }

  it('client_secret_basic with openid-client', async () => {
    const c = await register({});
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    expect((await client.clientCredentialsGrant(config)).access_token).toBeTypeOf('string');
    const bad = await ccRequest(c.client_id, oauth.ClientSecretBasic('wrong'));
    await expectError(bad, 401, 'invalid_client');
    expect(bad.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('client_secret_post with openid-client and oauth4webapi', async () => {
    const c = await register({ token_endpoint_auth_method: 'client_secret_post' });
    const config = await client.discovery(new URL(s.issuer), c.client_id, c.client_secret, undefined, { execute: [client.allowInsecureRequests] });
    expect((await client.clientCredentialsGrant(config)).access_token).toBeTypeOf('string');
    const res = await ccRequest(c.client_id, oauth.ClientSecretPost(c.client_secret));
    expect((await oauth.processClientCredentialsResponse(as, { client_id: c.client_id }, res)).access_token).toBeTypeOf('string');
  });

  it('private_key_jwt with openid-client and oauth4webapi, at the token, introspection and revocation endpoints', async () => {
    const { c, privateKey } = await keyClient();
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.PrivateKeyJwt(privateKey), {
      execute: [client.allowInsecureRequests],
    });
    const t = await client.clientCredentialsGrant(config);
    expect(await client.tokenIntrospection(config, t.access_token)).toMatchObject({ active: true, client_id: c.client_id });
    await client.tokenRevocation(config, t.access_token);
    expect((await client.tokenIntrospection(config, t.access_token)).active).toBe(false);

    const res = await ccRequest(c.client_id, oauth.PrivateKeyJwt({ key: privateKey }));
    expect((await oauth.processClientCredentialsResponse(as, { client_id: c.client_id }, res)).access_token).toBeTypeOf('string');
  });

  it('accepts the endpoint URL as audience and refuses a replayed jti', async () => {
    const { c, assertion } = await keyClient();
    const a = await assertion({ aud: `${s.issuer}/token` });
    const first = await ccRequest(c.client_id, raw({ client_assertion_type: ASSERTION_TYPE, client_assertion: a }));
    expect(first.status).toBe(200);
    const replay = await ccRequest(c.client_id, raw({ client_assertion_type: ASSERTION_TYPE, client_assertion: a }));
    expect((await expectError(replay, 401, 'invalid_client')).error_description).toMatch(/already used/);
  });

  it('refuses assertions with a wrong audience, a wrong issuer, an expiry in the past or too far ahead, or a foreign key', async () => {
    const { c, assertion } = await keyClient();
    const other = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(c.client_id)
      .setSubject(c.client_id)
      .setAudience(s.issuer)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(other.privateKey);
    const cases = [
      await assertion({ aud: 'https://elsewhere.example' }),
      await assertion({ aud: `${s.url}/spaces/other` }),
      await assertion({ iss: 'someone-else' }),
      await assertion({}, Math.floor(Date.now() / 1000) - 120),
      await assertion({}, '2h'),
      foreign,
      'not.a.jwt',
    ];
    for (const a of cases) {
      const res = await ccRequest(c.client_id, raw({ client_assertion_type: ASSERTION_TYPE, client_assertion: a }));
      await expectError(res, 401, 'invalid_client');
    }
    // The wrong assertion type is a malformed request, not a failed authentication.
    await expectError(await ccRequest(c.client_id, raw({ client_assertion_type: 'urn:example', client_assertion: await assertion() })), 400, 'invalid_request');
    // A client registered for private_key_jwt cannot fall back to a secret.
    await expectError(await ccRequest(c.client_id, oauth.ClientSecretPost('anything')), 401, 'invalid_client');
  });

  it('refuses a method other than the registered one', async () => {
    const c = await register({});
    const res = await ccRequest(c.client_id, oauth.ClientSecretPost(c.client_secret));
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    const post = await register({ token_endpoint_auth_method: 'client_secret_post' });
    await expectError(await ccRequest(post.client_id, oauth.ClientSecretBasic(post.client_secret)), 401, 'invalid_client');
  });

  it('refuses two methods at once with invalid_request', async () => {
    const c = await register({});
    const both = raw({ client_id: c.client_id, client_secret: c.client_secret }, { authorization: basicHeader(c.client_id, c.client_secret) });
    await expectError(await ccRequest(c.client_id, both), 400, 'invalid_request');
    const { c: kc, assertion } = await keyClient();
    const withSecret = raw({ client_assertion_type: ASSERTION_TYPE, client_assertion: await assertion(), client_secret: 'x' });
    await expectError(await ccRequest(kc.client_id, withSecret), 400, 'invalid_request');
  });

  it('lets a public client use none at the revocation endpoint, but not at introspection or the token endpoint', async () => {
    const pub = await register({ client_type: 'public', grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1/cb'] });
    expect(pub.client_secret).toBeUndefined();
    const cl = { client_id: pub.client_id };
    const rev = await oauth.revocationRequest(as, cl, oauth.None(), 'kwat_unknown', insecure);
    await oauth.processRevocationResponse(rev);
    expect(rev.status).toBe(200);
    await expectError(await oauth.introspectionRequest(as, cl, oauth.None(), 'kwat_unknown', insecure), 401, 'invalid_client');
    // The token endpoint authenticates the client, then checks the grant: none is valid, the grant is not.
    await expectError(await ccRequest(pub.client_id, oauth.None()), 400, 'unauthorized_client');
    // A public client has no secret to present.
    await expectError(await ccRequest(pub.client_id, oauth.ClientSecretPost('guess')), 401, 'invalid_client');
    // A confidential client must authenticate: none is refused.
    const conf = await register({});
    await expectError(await oauth.revocationRequest(as, { client_id: conf.client_id }, oauth.None(), 'kwat_unknown', insecure), 401, 'invalid_client');
  });

  it('keeps the previous secret valid within the grace period only', async () => {
    const c = await register({});
    const path = `/spaces/default/clients/${c.client_id}/rotate-secret`;
    const rotated = await s.admin('POST', path, { grace_period: 300 });
    for (const secret of [c.client_secret, rotated.client_secret]) expect((await ccRequest(c.client_id, oauth.ClientSecretBasic(secret))).status).toBe(200);
    const again = await s.admin('POST', path, { grace_period: 0 });
    await expectError(await ccRequest(c.client_id, oauth.ClientSecretBasic(rotated.client_secret)), 401, 'invalid_client');
    await expectError(await ccRequest(c.client_id, oauth.ClientSecretBasic(c.client_secret)), 401, 'invalid_client');
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(again.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    expect((await client.clientCredentialsGrant(config)).access_token).toBeTypeOf('string');
  });

  it('refuses a deactivated client with every method', async () => {
    const secretClient = await register({});
    const { c: keyed, assertion } = await keyClient();
    await s.admin('PATCH', `/spaces/default/clients/${secretClient.client_id}`, { active: false });
    await s.admin('PATCH', `/spaces/default/clients/${keyed.client_id}`, { active: false });
    await expectError(await ccRequest(secretClient.client_id, oauth.ClientSecretBasic(secretClient.client_secret)), 401, 'invalid_client');
    await expectError(
      await ccRequest(keyed.client_id, raw({ client_assertion_type: ASSERTION_TYPE, client_assertion: await assertion() })),
      401,
      'invalid_client',
    );
    const intro = await oauth.introspectionRequest(
      as,
      { client_id: secretClient.client_id },
      oauth.ClientSecretBasic(secretClient.client_secret),
      'x',
      insecure,
    );
    await expectError(intro, 401, 'invalid_client');
  });

  it('authenticates the same way at all five endpoints: token, introspection, revocation, PAR and device authorization', async () => {
    const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';
    const c = await register({ grant_types: ['client_credentials', 'authorization_code', DEVICE], redirect_uris: ['https://app.example.com/cb'] });
    const bodies: Record<string, string> = {
      token: 'grant_type=client_credentials',
      introspect: 'token=kwat_unknown',
      revoke: 'token=kwat_unknown',
      par: 'response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
      device_authorization: '',
    };
    const ok: Record<string, number> = { token: 200, introspect: 200, revoke: 200, par: 201, device_authorization: 200 };
    const call = (endpoint: string, headers: Record<string, string>, extra = '') =>
      fetch(`${s.issuer}/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: [bodies[endpoint], extra].filter(Boolean).join('&'),
      });
    for (const endpoint of Object.keys(bodies)) {
      const good = await call(endpoint, { authorization: basicHeader(c.client_id, c.client_secret) });
      expect(good.status, endpoint).toBe(ok[endpoint]);
      const wrong = await call(endpoint, { authorization: basicHeader(c.client_id, 'wrong') });
      expect((await expectError(wrong, 401, 'invalid_client')).error_description).toBe('client authentication failed');
      expect(wrong.headers.get('www-authenticate'), endpoint).toBe('Basic realm="keyward", charset="UTF-8"');
      // Not the registered method: refused, with the Basic challenge the client should answer.
      const post = await call(endpoint, {}, `client_id=${c.client_id}&client_secret=${c.client_secret}`);
      expect((await expectError(post, 401, 'invalid_client')).error_description).toBe('this client must authenticate with client_secret_basic');
      expect(post.headers.get('www-authenticate'), endpoint).toMatch(/^Basic /);
      await expectError(await call(endpoint, {}), 401, 'invalid_client');
      // A body that is not a form is refused before any client is looked at.
      await expectError(await call(endpoint, { 'content-type': 'application/json' }), 400, 'invalid_request');
    }
  });

  it('refuses unknown clients and malformed Basic credentials', async () => {
    await expectError(await ccRequest('no-such-client', oauth.ClientSecretBasic('x')), 401, 'invalid_client');
    await expectError(await ccRequest('no-such-client', raw({}, { authorization: 'Basic !!!' })), 401, 'invalid_client');
    await expectError(
      await ccRequest('no-such-client', raw({}, { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` })),
      401,
      'invalid_client',
    );
    await expectError(await ccRequest('x', raw({}, { authorization: `Basic ${Buffer.from('%zz:%zz').toString('base64')}` })), 401, 'invalid_client');
  });
});
