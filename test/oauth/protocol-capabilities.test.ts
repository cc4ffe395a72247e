// What a standard relying party meets over HTTP: openid-client registers itself dynamically with its usual metadata
// and gets RS256 ID tokens; only response types /authorize serves can be registered; client assertions use only
// advertised algorithms (and the client's own when it registered one); RFC 7592 honours secret expiry as the token
// endpoint does.
import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://rp.example.com/cb';
const erin = { username: 'erin', password: 'erin has a long password' };
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe.each(STORE_KINDS)('protocol capabilities over HTTP (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('PATCH', '/spaces/default', { settings: { registration: 'open' } });
    await createUser(s, erin.username, erin.password);
  });
  afterAll(async () => s?.close());

  const register = async (metadata: Record<string, unknown>) => {
    const res = await fetch(`${s.issuer}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const adminCreate = async (body: Record<string, unknown>) => {
    const res = await fetch(`${s.url}/admin/api/v1/spaces/default/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `cap-${++n}`, ...body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const token = (body: Record<string, string>) =>
    fetch(`${s.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });

  it('openid-client registers itself with its usual metadata, signs a user in with code + PKCE, and validates an RS256 ID token', async () => {
    const config = await client.dynamicClientRegistration(
      new URL(s.issuer),
      {
        client_name: 'Standard RP',
        application_type: 'web',
        redirect_uris: [CB],
        post_logout_redirect_uris: ['https://rp.example.com/bye'],
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
        // openid-client sends the secret in the body unless told otherwise.
        token_endpoint_auth_method: 'client_secret_post',
        // Sent along by some relying parties whatever their method: meaningless for a secret, so not kept.
        token_endpoint_auth_signing_alg: 'RS256',
        id_token_signed_response_alg: 'RS256',
        scope: 'openid offline_access',
        software_id: 'rp-software',
        software_version: '1.0.0',
        require_auth_time: true,
        default_max_age: 86400,
        tos_uri: 'https://rp.example.com/tos',
        some_extension: 'ignored',
      },
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
    const registered = config.clientMetadata();
    expect(registered).toMatchObject({
      id_token_signed_response_alg: 'RS256',
      application_type: 'web',
      scope: 'offline_access openid',
      software_id: 'rp-software',
      software_version: '1.0.0',
      require_auth_time: true,
      default_max_age: 86400,
      post_logout_redirect_uris: ['https://rp.example.com/bye'],
    });
    expect(registered).not.toHaveProperty('some_extension');
    expect(registered).not.toHaveProperty('token_endpoint_auth_signing_alg');
    expect(config.serverMetadata().id_token_signing_alg_values_supported).toContain('RS256');

    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'rp',
    });
    const loc = await signIn(new Browser(s.url), url.href, erin);
    const tokens = await client.authorizationCodeGrant(config, new URL(loc as string), { pkceCodeVerifier: verifier, expectedState: 'rp' });
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
    expect(tokens.claims()).toMatchObject({ aud: registered.client_id, auth_time: expect.any(Number) });
    expect(tokens.refresh_token).toBeDefined();
    // The RS256 key that signed it is in the JWKS next to the space's ES256 key.
    const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: { alg: string }[] };
    expect(jwks.keys.map((k) => k.alg)).toEqual(expect.arrayContaining(['ES256', 'RS256']));
  });

  it('a relying party that registers with the usual "openid profile email" gets RS256 ID tokens and userinfo with the standard claims', async () => {
    // A user made as an administrator makes one: through the admin API, with the standard claims.
    const fay = { username: 'fay', password: 'fay has a long password too' };
    await s.admin('POST', '/spaces/default/users', {
      ...fay,
      email: 'fay@example.com',
      email_verified: true,
      name: 'Fay Example',
      given_name: 'Fay',
      family_name: 'Example',
      locale: 'en-GB',
      phone_number: '+44 20 7946 0000',
    });
    const config = await client.dynamicClientRegistration(
      new URL(s.issuer),
      {
        client_name: 'Claims RP',
        redirect_uris: [CB],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        scope: 'openid profile email',
        token_endpoint_auth_method: 'client_secret_post',
      },
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
    expect(config.clientMetadata()).toMatchObject({ id_token_signed_response_alg: 'RS256', scope: 'email openid profile' });
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'claims',
    });
    const loc = await signIn(new Browser(s.url), url.href, fay);
    const tokens = await client.authorizationCodeGrant(config, new URL(loc as string), { pkceCodeVerifier: verifier, expectedState: 'claims' });
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
    const standard = {
      name: 'Fay Example',
      given_name: 'Fay',
      family_name: 'Example',
      preferred_username: 'fay',
      locale: 'en-GB',
      email: 'fay@example.com',
      email_verified: true,
    };
    expect(tokens.claims()).toMatchObject(standard);
    const claims = tokens.claims()!;
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject(standard);
    // phone was not asked for: its claims are released to nobody here.
    expect(info).not.toHaveProperty('phone_number');
    expect(claims).not.toHaveProperty('phone_number');
  });

  it.each(['code id_token', 'code token', 'code id_token token'])('refuses to register response type "%s", which /authorize does not serve', async (rt) => {
    const dcr = await register({
      redirect_uris: [CB],
      grant_types: ['authorization_code', 'implicit'],
      response_types: [rt],
      token_endpoint_auth_method: 'none',
    });
    expect(dcr.status).toBe(400);
    expect(dcr.body.error).toBe('invalid_client_metadata');
    expect(dcr.body.error_description).toMatch(/response type the authorization endpoint serves/);
    const admin = await adminCreate({ client_type: 'public', redirect_uris: [CB], grant_types: ['authorization_code', 'implicit'], response_types: [rt] });
    expect(admin.status).toBe(400);
    expect(admin.body.field).toMatch(/^response_types/);
  });

  it("client assertions: every advertised algorithm, and only the client's token_endpoint_auth_signing_alg when set", async () => {
    const meta = (await (await fetch(`${s.issuer}/.well-known/openid-configuration`)).json()) as Record<string, string[]>;
    expect(meta.token_endpoint_auth_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256', 'ES384', 'PS256', 'EdDSA']));
    const es256 = await generateKeyPair('ES256', { extractable: true });
    const es384 = await generateKeyPair('ES384', { extractable: true });
    const keys = [
      { ...(await exportJWK(es256.publicKey)), kid: 'p256' },
      { ...(await exportJWK(es384.publicKey)), kid: 'p384' },
    ];
    const make = async (alg: string | null) =>
      (
        await adminCreate({
          grant_types: ['client_credentials'],
          token_endpoint_auth_method: 'private_key_jwt',
          jwks: { keys },
          ...(alg ? { token_endpoint_auth_signing_alg: alg } : {}),
        })
      ).body;
    const assertion = (clientId: string, alg: 'ES256' | 'ES384') =>
      new SignJWT({ jti: crypto.randomUUID() })
        .setProtectedHeader({ alg, kid: alg === 'ES256' ? 'p256' : 'p384' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(s.issuer)
        .setIssuedAt()
        .setExpirationTime('60s')
        .sign(alg === 'ES256' ? es256.privateKey : es384.privateKey);
    const grant = async (clientId: string, alg: 'ES256' | 'ES384') =>
      token({ grant_type: 'client_credentials', client_id: clientId, client_assertion_type: ASSERTION_TYPE, client_assertion: await assertion(clientId, alg) });

    const any = await make(null);
    expect(any.token_endpoint_auth_signing_alg).toBeNull();
    for (const alg of ['ES256', 'ES384'] as const) expect((await grant(any.client_id, alg)).status).toBe(200);

    const pinned = await make('ES256');
    expect(pinned.token_endpoint_auth_signing_alg).toBe('ES256');
    expect((await grant(pinned.client_id, 'ES256')).status).toBe(200);
    const refused = await grant(pinned.client_id, 'ES384');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('RFC 7592: an expired secret is refused in the body of a replacement, as it is at the token endpoint', async () => {
    const reg = await register({ client_name: 'Expiring', redirect_uris: [CB], grant_types: ['authorization_code', 'client_credentials'] });
    expect(reg.status).toBe(201);
    const { client_id: id, client_secret: oldSecret, registration_access_token: rat } = reg.body;
    const rotated = await s.admin('POST', `/spaces/default/clients/${id}/rotate-secret`, { grace_period: 1 });
    await new Promise((r) => setTimeout(r, 1300));
    const basic = (secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const cc = (secret: string) =>
      fetch(`${s.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(secret) },
        body: 'grant_type=client_credentials',
      });
    expect((await cc(oldSecret)).status).toBe(401);
    expect((await cc(rotated.client_secret)).status).toBe(200);

    const put = (secret: string) =>
      fetch(`${s.issuer}/register/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${rat}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: id,
          client_secret: secret,
          client_name: 'Expiring 2',
          redirect_uris: [CB],
          grant_types: ['authorization_code', 'client_credentials'],
        }),
      });
    const stale = await put(oldSecret);
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error_description: string }).error_description).toMatch(/current secret/);
    const fresh = await put(rotated.client_secret);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ client_name: 'Expiring 2' });
  });
});
