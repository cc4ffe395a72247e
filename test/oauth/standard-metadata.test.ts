// Standard client metadata (RFC 7591 §2, OpenID Connect Registration §2) through the admin API and dynamic
// registration: each field is stored, returned, checked (a bad value is a 400 naming it) and honoured by the
// authorization server. openid-client is the relying party.
import { decodeProtectedHeader, decodeJwt } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://rp.example.com/cb';
const dora = { username: 'dora', password: 'dora has a long password' };

describe.each(STORE_KINDS)('standard client metadata (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read your files', default: true });
    await createUser(s, dora.username, dora.password);
  });
  afterAll(async () => s?.close());

  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${s.url}/admin/api/v1/spaces/default/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `md-${++n}`, redirect_uris: [CB], ...body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const create = async (body: Record<string, unknown>) => {
    const r = await post(body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const rp = (c: Record<string, any>, metadata: Partial<client.ClientMetadata> = {}) =>
    client.discovery(new URL(s.issuer), c.client_id, metadata, client.ClientSecretBasic(c.client_secret), { execute: [client.allowInsecureRequests] });

  /** Code flow with PKCE through the login and consent pages; the token answer as openid-client validated it. */
  async function codeFlow(config: client.Configuration, b: Browser, params: Record<string, string> = {}) {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'st',
      ...params,
    });
    const loc = await signIn(b, url.href, dora);
    if (typeof loc !== 'string') throw new Error(`no redirect: ${loc.html.slice(0, 300)}`);
    return {
      loc,
      tokens: loc.includes('code=')
        ? await client.authorizationCodeGrant(config, new URL(loc), { pkceCodeVerifier: verifier, expectedState: 'st' })
        : undefined,
    };
  }

  it('stores and returns every field, with OpenID Connect Registration defaults', async () => {
    const plain = await create({});
    expect(plain).toMatchObject({
      token_endpoint_auth_signing_alg: null,
      id_token_signed_response_alg: 'RS256',
      application_type: 'web',
      software_id: null,
      software_version: null,
      default_max_age: null,
      require_auth_time: false,
    });
    const full = await create({
      scope: 'openid offline_access files:read',
      id_token_signed_response_alg: 'ES256',
      application_type: 'web',
      software_id: '4NRB1-0XZABZI9E6-5SM3R',
      software_version: '2.1',
      default_max_age: 3600,
      require_auth_time: true,
      post_logout_redirect_uris: ['https://rp.example.com/bye'],
    });
    const read = await s.admin('GET', `/spaces/default/clients/${full.client_id}`);
    for (const c of [full, read]) {
      expect(c).toMatchObject({
        scope: 'files:read offline_access openid',
        id_token_signed_response_alg: 'ES256',
        software_id: '4NRB1-0XZABZI9E6-5SM3R',
        software_version: '2.1',
        default_max_age: 3600,
        require_auth_time: true,
        post_logout_redirect_uris: ['https://rp.example.com/bye'],
      });
    }
    // openid and offline_access are the protocol's, not the space's: no such scopes were made.
    const names = (await s.admin('GET', '/spaces/default/scopes')).items.map((x: { name: string }) => x.name);
    expect(names).not.toContain('openid');
    expect((await s.admin('GET', `/spaces/default/clients/${full.client_id}/scopes`)).items.map((x: { name: string }) => x.name)).toEqual(['files:read']);

    const patched = await s.admin('PATCH', `/spaces/default/clients/${full.client_id}`, {
      software_version: null,
      default_max_age: null,
      id_token_signed_response_alg: 'EdDSA',
      scope: 'files:read',
    });
    expect(patched).toMatchObject({
      software_version: null,
      default_max_age: null,
      id_token_signed_response_alg: 'EdDSA',
      scope: 'files:read',
      software_id: '4NRB1-0XZABZI9E6-5SM3R',
    });
  });

  it.each([
    [{ id_token_signed_response_alg: 'none' }, 'id_token_signed_response_alg'],
    [{ id_token_signed_response_alg: 'HS256' }, 'id_token_signed_response_alg'],
    [{ token_endpoint_auth_signing_alg: 'HS256' }, 'token_endpoint_auth_signing_alg'],
    [{ token_endpoint_auth_signing_alg: 'ES256' }, 'token_endpoint_auth_signing_alg'],
    [{ application_type: 'desktop' }, 'application_type'],
    [{ application_type: 'web', client_type: 'public', redirect_uris: ['com.example.app:/cb'] }, 'application_type'],
    [{ default_max_age: -1 }, 'default_max_age'],
    [{ default_max_age: 'soon' }, 'default_max_age'],
    [{ require_auth_time: 'yes' }, 'require_auth_time'],
    [{ software_id: 'x'.repeat(201) }, 'software_id'],
    [{ software_version: 'a\u0000b' }, 'software_version'],
    [{ scope: 'openid nosuch' }, 'scope'],
  ])('refuses %j with a 400 naming the field', async (body, field) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request', field });
    expect(r.body.message).toEqual(expect.any(String));
  });

  it('a private-use redirect URI makes a native app unless told otherwise', async () => {
    const app = await create({ client_type: 'public', redirect_uris: ['com.example.app:/cb'] });
    expect(app.application_type).toBe('native');
    expect((await create({ client_type: 'public', application_type: 'native', redirect_uris: ['http://127.0.0.1/cb'] })).application_type).toBe('native');
  });

  it("ID tokens are RS256 by default, which an RP expecting RS256 accepts; access tokens keep the space's ES256", async () => {
    const c = await create({ grant_types: ['authorization_code', 'refresh_token'] });
    // openid-client expects RS256 when neither the client's metadata nor the server's metadata say otherwise.
    const discovered = await rp(c);
    const { id_token_signing_alg_values_supported: algs, ...meta } = discovered.serverMetadata();
    expect(algs).toContain('RS256');
    const config = new client.Configuration(meta, c.client_id, {}, client.ClientSecretBasic(c.client_secret));
    client.allowInsecureRequests(config);
    const { tokens } = await codeFlow(config, new Browser(s.url), { scope: 'openid offline_access' });
    expect(decodeProtectedHeader(tokens!.id_token!).alg).toBe('RS256');
    expect(decodeProtectedHeader(tokens!.access_token).alg).toBe('ES256');
    expect(tokens!.claims()!.sub).toEqual(expect.any(String));
    // A refreshed ID token keeps the client's algorithm.
    const refreshed = await client.refreshTokenGrant(config, tokens!.refresh_token!);
    expect(decodeProtectedHeader(refreshed.id_token!).alg).toBe('RS256');
  });

  it.each(['ES256', 'EdDSA'] as const)(
    'id_token_signed_response_alg %s: ID tokens signed with it (a key made on demand), verified by openid-client',
    async (alg) => {
      const c = await create({ id_token_signed_response_alg: alg });
      const config = await rp(c, { id_token_signed_response_alg: alg });
      const { tokens } = await codeFlow(config, new Browser(s.url), { scope: 'openid' });
      const header = decodeProtectedHeader(tokens!.id_token!);
      expect(header.alg).toBe(alg);
      const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: { kid: string; alg: string }[] };
      expect(jwks.keys.find((k) => k.kid === header.kid)?.alg).toBe(alg);
      expect(decodeProtectedHeader(tokens!.access_token).alg).toBe('ES256');
    },
  );

  it("openid and offline_access listed in the client's scope are part of its default scope", async () => {
    const listed = await create({ scope: 'openid files:read' });
    const { tokens } = await codeFlow(await rp(listed), new Browser(s.url));
    expect(tokens!.scope).toBe('files:read openid');
    expect(tokens!.id_token).toBeDefined();
    // Without them listed, no scope asked still means the space's defaults only (no ID token).
    const unlisted = await create({ scope: 'files:read' });
    const plain = await codeFlow(await rp(unlisted), new Browser(s.url));
    expect(plain.tokens!.scope).toBe('files:read');
    expect(plain.tokens!.id_token).toBeUndefined();
  });

  it('default_max_age stands in for a missing max_age: an older sign-in is not reused', async () => {
    const b = new Browser(s.url);
    const reuse = await create({});
    const first = await codeFlow(await rp(reuse), b, { scope: 'openid' });
    const signedInAt = first.tokens!.claims()!.auth_time;
    // The session from that sign-in is reused silently by a client without default_max_age...
    const again = await codeFlow(await rp(reuse), b, { scope: 'openid', prompt: 'none' });
    expect(again.tokens!.claims()!.auth_time).toBe(signedInAt);
    // ...but not by one whose default_max_age it exceeds; a max_age in the request still wins.
    const strict = await create({ default_max_age: 0, require_auth_time: true });
    const refused = await codeFlow(await rp(strict), b, { scope: 'openid', prompt: 'none' });
    expect(new URL(refused.loc).searchParams.get('error')).toBe('login_required');
    const explicit = await codeFlow(await rp(strict), b, { scope: 'openid', max_age: '3600' });
    expect(explicit.tokens!.claims()!.auth_time).toBe(signedInAt);
    expect(decodeJwt(explicit.tokens!.id_token!).auth_time).toBe(signedInAt);
  });
});
