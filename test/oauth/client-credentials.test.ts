// client_credentials with real clients (openid-client, oauth4webapi) against a server on a real port.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

describe.each(STORE_KINDS)('client_credentials (%s)', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('issues an RFC 9068 JWT to openid-client, verifiable with the JWKS, introspectable and revocable', async () => {
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read files' });
    const c = await s.admin('POST', '/spaces/default/clients', { name: 'svc', grant_types: ['client_credentials'], scope: 'files:read' });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const tokens = await client.clientCredentialsGrant(config, { scope: 'files:read' });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(28800);
    expect(tokens.refresh_token).toBeUndefined();
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${s.issuer}/jwks`)), {
      issuer: s.issuer,
      typ: 'at+jwt',
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: c.client_id, client_id: c.client_id, scope: 'files:read', aud: s.issuer });
    expect(payload.jti).toBeTypeOf('string');

    const info = await client.tokenIntrospection(config, tokens.access_token);
    expect(info).toMatchObject({ active: true, client_id: c.client_id, scope: 'files:read' });
    await client.tokenRevocation(config, tokens.access_token);
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  });

  it('issues opaque tokens to oauth4webapi with client_secret_post and refuses a wrong secret', async () => {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'opaque',
      grant_types: ['client_credentials'],
      access_token_format: 'opaque',
      token_endpoint_auth_method: 'client_secret_post',
      access_token_ttl: 600,
    });
    const as = await oauth.processDiscoveryResponse(
      new URL(s.issuer),
      await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', [oauth.allowInsecureRequests]: true }),
    );
    const cl: oauth.Client = { client_id: c.client_id };
    const res = await oauth.clientCredentialsGrantRequest(as, cl, oauth.ClientSecretPost(c.client_secret), new URLSearchParams(), {
      [oauth.allowInsecureRequests]: true,
    });
    const body = await oauth.processClientCredentialsResponse(as, cl, res);
    expect(body.access_token).toMatch(/^kwat_/);
    expect(body.expires_in).toBe(600);
    const intro = await oauth.introspectionRequest(as, cl, oauth.ClientSecretPost(c.client_secret), body.access_token, { [oauth.allowInsecureRequests]: true });
    expect(await oauth.processIntrospectionResponse(as, cl, intro)).toMatchObject({ active: true, client_id: c.client_id });

    const bad = await oauth.clientCredentialsGrantRequest(as, cl, oauth.ClientSecretPost('wrong'), new URLSearchParams(), {
      [oauth.allowInsecureRequests]: true,
    });
    expect(bad.status).toBe(401);
    await expect(oauth.processClientCredentialsResponse(as, cl, bad)).rejects.toMatchObject({ error: 'invalid_client' });
  });

  it('cuts off every token when the client is deactivated, also after reactivation', async () => {
    const c = await s.admin('POST', '/spaces/default/clients', { name: 'deact', grant_types: ['client_credentials'], access_token_format: 'opaque' });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const t = await client.clientCredentialsGrant(config);
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { active: false });
    await expect(client.clientCredentialsGrant(config)).rejects.toMatchObject({ error: 'invalid_client' });
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { active: true });
    expect((await client.tokenIntrospection(config, t.access_token)).active).toBe(false);
    const fresh = await client.clientCredentialsGrant(config);
    expect((await client.tokenIntrospection(config, fresh.access_token)).active).toBe(true);
  });
});
