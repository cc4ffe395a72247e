// UserInfo (OIDC Core §5.3) with openid-client and oauth4webapi: claims per scope, Bearer errors (RFC 6750 §3).
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.each(STORE_KINDS)('userinfo (%s)', (kind) => {
  let s: TestServer;
  let config: client.Configuration;
  let c: { client_id: string; client_secret: string };
  let userId: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    // profile and email are standard scopes every space starts with.
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read' });
    userId = (
      await s.admin('POST', '/spaces/default/users', {
        username: 'svc-bot',
        password: 'bot-password-1',
        kind: 'service',
        email: 'bot@example.com',
        email_verified: true,
        name: 'Bot',
      })
    ).id;
    c = await s.admin('POST', '/spaces/default/clients', {
      name: 'ui',
      grant_types: ['password', 'refresh_token', 'client_credentials'],
      scope: 'profile email files:read',
    });
    config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
  });
  afterAll(async () => s?.close());

  const login = (scope: string) => client.genericGrantRequest(config, 'password', { username: 'svc-bot', password: 'bot-password-1', scope });

  it('is announced in discovery', () => {
    expect(config.serverMetadata().userinfo_endpoint).toBe(`${s.issuer}/userinfo`);
  });

  it('returns sub and the claims the scopes release (openid-client)', async () => {
    const all = await login('openid profile email');
    expect(await client.fetchUserInfo(config, all.access_token, userId)).toEqual({
      sub: userId,
      preferred_username: 'svc-bot',
      name: 'Bot',
      updated_at: expect.any(Number),
      email: 'bot@example.com',
      email_verified: true,
    });
    const bare = await login('openid');
    expect(await client.fetchUserInfo(config, bare.access_token, userId)).toEqual({ sub: userId });
  });

  it('works with POST and oauth4webapi', async () => {
    const t = await login('openid email');
    const as = config.serverMetadata() as oauth.AuthorizationServer;
    const res = await oauth.userInfoRequest(as, { client_id: c.client_id }, t.access_token, insecure);
    expect(await oauth.processUserInfoResponse(as, { client_id: c.client_id }, userId, res)).toEqual({
      sub: userId,
      email: 'bot@example.com',
      email_verified: true,
    });
    const post = await fetch(`${s.issuer}/userinfo`, { method: 'POST', headers: { authorization: `Bearer ${t.access_token}` } });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 403 insufficient_scope without openid', async () => {
    const t = await login('profile');
    const res = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    await expect(client.fetchUserInfo(config, t.access_token, userId)).rejects.toBeDefined();
  });

  it('answers 401 invalid_token for unknown, revoked and missing tokens', async () => {
    const bad = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    const none = await fetch(`${s.issuer}/userinfo`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const t = await login('openid');
    await client.tokenRevocation(config, t.access_token);
    const revoked = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(revoked.status).toBe(401);
    // A client_credentials token has no user behind it.
    const cc = await client.clientCredentialsGrant(config, { scope: 'files:read' });
    expect((await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${cc.access_token}` } })).status).toBe(403);
  });

  it('stops answering for a disabled user', async () => {
    await s.admin('POST', '/spaces/default/users', { username: 'svc-temp', password: 'temp-password-1', kind: 'service' });
    const t = await client.genericGrantRequest(config, 'password', { username: 'svc-temp', password: 'temp-password-1', scope: 'openid' });
    const ok = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(ok.status).toBe(200);
    await s.admin('PATCH', '/spaces/default/users/svc-temp', { disabled: true });
    const res = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect((await client.tokenIntrospection(config, t.access_token)).active).toBe(false);
  });
});
