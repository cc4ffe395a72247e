// Dynamic client registration (RFC 7591) and management (RFC 7592) with oauth4webapi as the registering client,
// then the registered client used with openid-client; initial access tokens through the admin API and the CLI.
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { assertBuilt, startCliServer, type CliServer } from '../cli/helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.each(STORE_KINDS)('dynamic client registration (%s)', (kind) => {
  let s: TestServer;
  let as: oauth.AuthorizationServer;
  const setMode = (registration: string) => s.admin('PATCH', '/spaces/default', { settings: { registration } });
  const discover = async () =>
    oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
  const register = (metadata: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${s.issuer}/register`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(metadata) });
  const manage = (method: string, clientId: string, token: string, body?: unknown) =>
    fetch(`${s.issuer}/register/${clientId}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read files' });
  });
  afterAll(async () => s?.close());

  it('is closed by default: 403 access_denied and no registration_endpoint in the metadata', async () => {
    expect((await discover()).registration_endpoint).toBeUndefined();
    const res = await register({ grant_types: ['client_credentials'] });
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ error: 'access_denied' });
  });

  it('open: oauth4webapi registers a client that openid-client then uses for client_credentials', async () => {
    await setMode('open');
    as = await discover();
    expect(as.registration_endpoint).toBe(`${s.issuer}/register`);
    const res = await oauth.dynamicClientRegistrationRequest(
      as,
      {
        client_name: 'Robot',
        grant_types: ['client_credentials'],
        scope: 'files:read',
        software_statement: 'ignored.unknown.metadata',
        frobnicate: 1,
      } as never,
      insecure,
    );
    const reg = await oauth.processDynamicClientRegistrationResponse(res);
    expect(reg).toMatchObject({
      client_name: 'Robot',
      grant_types: ['client_credentials'],
      scope: 'files:read',
      token_endpoint_auth_method: 'client_secret_basic',
      client_secret_expires_at: 0,
    });
    expect(reg.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reg.registration_access_token).toMatch(/^kwrat_/);
    expect(reg.registration_client_uri).toBe(`${s.issuer}/register/${reg.client_id}`);
    expect(typeof reg.client_id_issued_at).toBe('number');
    // Metadata Keyward does not know is ignored (RFC 7591 §2), never echoed.
    expect(reg).not.toHaveProperty('software_statement');
    expect(reg).not.toHaveProperty('frobnicate');

    const config = await client.discovery(new URL(s.issuer), reg.client_id, undefined, client.ClientSecretBasic(reg.client_secret as string), {
      execute: [client.allowInsecureRequests],
    });
    const tokens = await client.clientCredentialsGrant(config, { scope: 'files:read' });
    expect((await client.tokenIntrospection(config, tokens.access_token)).client_id).toBe(reg.client_id);

    // The same rules as admin-created clients: visible in the admin API, audited with a client actor.
    const viaAdmin = await s.admin('GET', `/spaces/default/clients/${reg.client_id}`);
    expect(viaAdmin).toMatchObject({ client_name: 'Robot', scope: 'files:read' });
    const log = await s.admin('GET', '/audit-log?action=client.create&limit=1');
    expect(log.items[0]).toMatchObject({ target: { id: reg.client_id }, actor: { type: 'client' } });

    // Two instances of one app may register with the same client_name.
    const again = await oauth.processDynamicClientRegistrationResponse(
      await oauth.dynamicClientRegistrationRequest(as, { client_name: 'Robot', grant_types: ['client_credentials'] }, insecure),
    );
    expect(again.client_id).not.toBe(reg.client_id);
  });

  it("registers allowed_cors_origins (Hydra's field): stored, returned, honoured by CORS, checked", async () => {
    await setMode('open');
    const res = await register({
      client_name: 'SPA',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://spa.example.com/cb'],
      allowed_cors_origins: ['https://cdn.example.com'],
    });
    expect(res.status).toBe(201);
    const reg = (await res.json()) as { client_id: string; allowed_cors_origins: string[] };
    expect(reg.allowed_cors_origins).toEqual(['https://cdn.example.com']);
    const pre = await fetch(`${s.issuer}/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://cdn.example.com', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://cdn.example.com');
    const bad = await register({
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://spa.example.com/cb'],
      allowed_cors_origins: ['https://*.example.com'],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('allowed_cors_origins') });
    const notList = await register({
      token_endpoint_auth_method: 'none',
      redirect_uris: ['https://spa.example.com/cb'],
      allowed_cors_origins: 'https://cdn.example.com',
    });
    expect(await notList.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('allowed_cors_origins') });
  });

  it('answers invalid_redirect_uri and invalid_client_metadata naming the field', async () => {
    await setMode('open');
    const http = await register({ redirect_uris: ['http://app.example.com/cb'] });
    expect(http.status).toBe(400);
    const httpBody = (await http.json()) as { error: string; error_description: string };
    expect(httpBody.error).toBe('invalid_redirect_uri');
    expect(httpBody.error_description).toContain('https');
    const implicit = await register({ grant_types: ['implicit'], response_types: ['token'], redirect_uris: ['https://app.example.com/cb'] });
    expect(implicit.status).toBe(400);
    expect(await implicit.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('implicit') });
    const wrongType = await register({ grant_types: 'client_credentials' });
    expect(await wrongType.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('grant_types') });
    const notJson = await fetch(`${s.issuer}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    const unknownScope = await register({ grant_types: ['client_credentials'], scope: 'nope' });
    expect(await unknownScope.json()).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringContaining('nope') });
  });

  it('RFC 7592: reads, replaces and deletes with the registration access token; a wrong token gets 401', async () => {
    await setMode('open');
    const reg = await oauth.processDynamicClientRegistrationResponse(
      await oauth.dynamicClientRegistrationRequest(
        as,
        { client_name: 'Web', redirect_uris: ['https://web.example.com/cb'], grant_types: ['authorization_code', 'refresh_token'] },
        insecure,
      ),
    );
    const token = reg.registration_access_token as string;

    const read = await manage('GET', reg.client_id, token);
    expect(read.status).toBe(200);
    const current = await read.json();
    expect(current).toMatchObject({
      client_id: reg.client_id,
      client_name: 'Web',
      redirect_uris: ['https://web.example.com/cb'],
      registration_access_token: token,
    });
    expect(current).not.toHaveProperty('client_secret');

    for (const bad of ['kwrat_wrong', '']) {
      const res = await manage('GET', reg.client_id, bad);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_token');
    }
    const other = await manage('GET', 'no-such-client', token);
    expect(other.status).toBe(401);

    const put = await manage('PUT', reg.client_id, token, {
      client_id: reg.client_id,
      client_secret: reg.client_secret,
      client_name: 'Web 2',
      redirect_uris: ['https://web.example.com/cb2'],
      grant_types: ['authorization_code'],
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ client_name: 'Web 2', redirect_uris: ['https://web.example.com/cb2'], grant_types: ['authorization_code'] });
    const mismatch = await manage('PUT', reg.client_id, token, { client_id: 'someone-else', redirect_uris: ['https://web.example.com/cb'] });
    expect(mismatch.status).toBe(400);
    const wrongSecret = await manage('PUT', reg.client_id, token, {
      client_id: reg.client_id,
      client_secret: 'nope',
      redirect_uris: ['https://web.example.com/cb'],
    });
    expect(wrongSecret.status).toBe(400);
    const badUri = await manage('PUT', reg.client_id, token, { client_id: reg.client_id, redirect_uris: ['https://web.example.com/cb#frag'] });
    expect(((await badUri.json()) as { error: string }).error).toBe('invalid_redirect_uri');

    expect((await manage('DELETE', reg.client_id, 'kwrat_wrong')).status).toBe(401);
    expect((await manage('DELETE', reg.client_id, token)).status).toBe(204);
    expect((await manage('GET', reg.client_id, token)).status).toBe(401);
  });

  it('token mode: an initial access token is required, and its uses run out', async () => {
    await setMode('token');
    const none = await register({ grant_types: ['client_credentials'] });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'invalid_token' });
    expect((await register({ grant_types: ['client_credentials'] }, { authorization: 'Bearer kwiat_forged' })).status).toBe(401);

    const iat = await s.admin('POST', '/spaces/default/initial-access-tokens', { uses: 2, expires_in: 3600 });
    expect(iat).toMatchObject({ uses_left: 2, active: true });
    expect(iat.token).toMatch(/^kwiat_/);
    for (let i = 0; i < 2; i++) {
      const res = await oauth.dynamicClientRegistrationRequest(as, { grant_types: ['client_credentials'] }, { ...insecure, initialAccessToken: iat.token });
      const reg = await oauth.processDynamicClientRegistrationResponse(res);
      expect(reg.client_name).toMatch(/^dcr-/);
    }
    const spent = await oauth.dynamicClientRegistrationRequest(as, { grant_types: ['client_credentials'] }, { ...insecure, initialAccessToken: iat.token });
    expect(spent.status).toBe(401);

    const list = await s.admin('GET', '/spaces/default/initial-access-tokens');
    const listed = list.items.find((t: { id: string }) => t.id === iat.id);
    expect(listed).toMatchObject({ uses_left: 0, active: false });
    expect(JSON.stringify(list)).not.toContain(iat.token);

    const unlimited = await s.admin('POST', '/spaces/default/initial-access-tokens', {});
    expect(unlimited).toMatchObject({ uses_left: null, expires_at: null });
    expect((await register({ grant_types: ['client_credentials'] }, { authorization: `Bearer ${unlimited.token}` })).status).toBe(201);
    await s.admin('DELETE', `/spaces/default/initial-access-tokens/${unlimited.id}`);
    expect((await register({ grant_types: ['client_credentials'] }, { authorization: `Bearer ${unlimited.token}` })).status).toBe(401);
    await expect(s.admin('DELETE', `/spaces/default/initial-access-tokens/${unlimited.id}`)).rejects.toThrow(/404/);
    await expect(s.admin('POST', '/spaces/default/initial-access-tokens', { uses: 0 })).rejects.toThrow(/400.*uses/);
    await expect(s.admin('POST', '/spaces/default/initial-access-tokens', { expires_in: 5 })).rejects.toThrow(/400.*expires_in/);
    const log = await s.admin('GET', '/audit-log?action=initial_access_token.revoke&limit=1');
    expect(log.items[0]).toMatchObject({ target: { id: unlimited.id } });
    await setMode('closed');
  });
});

describe('keyward registration (CLI)', () => {
  let c: CliServer;
  beforeAll(async () => {
    assertBuilt();
    c = await startCliServer();
  });
  afterAll(async () => c?.close());

  it('creates (shown once), lists and revokes initial access tokens', async () => {
    const created = await c.json(['registration', 'create-token', '--uses', '3', '--expires-in', '600']);
    expect(created).toMatchObject({ uses_left: 3, active: true });
    expect(created.token).toMatch(/^kwiat_/);
    const text = await c.cli(['registration', 'create-token']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/token: kwiat_/);
    expect(text.stdout).toMatch(/shown only this once/);

    const listed = await c.json(['registration', 'tokens']);
    expect(listed.items).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await c.json(['registration', 'revoke-token', created.id])).toEqual({ revoked: created.id });
    const after = await c.json(['registration', 'tokens']);
    expect(after.items.find((t: { id: string }) => t.id === created.id).active).toBe(false);
    const again = await c.cli(['registration', 'revoke-token', created.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not found/);
  });
});
