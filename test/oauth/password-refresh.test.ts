// The password grant (service users only) and the refresh_token grant (rotation, reuse detection, limits) with
// real clients: openid-client and oauth4webapi against a server on a real port.
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.each(STORE_KINDS)('password and refresh_token grants (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read' });
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:write' });
    await s.admin('POST', '/spaces/default/users', {
      username: 'robot',
      password: 'robot-password-1',
      kind: 'service',
      email: 'robot@example.com',
      email_verified: true,
      name: 'Robot',
    });
    await s.admin('POST', '/spaces/default/users', { username: 'alice', password: 'alice-password-1', kind: 'personal' });
  });
  afterAll(async () => s?.close());

  /** A confidential client with the password and refresh_token grants (plus `extra` fields) and its openid-client configuration. */
  async function setup(extra: Record<string, unknown> = {}) {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: `app-${++n}`,
      grant_types: ['password', 'refresh_token'],
      scope: 'files:read files:write',
      ...extra,
    });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    return { c, config };
  }
  const login = (config: client.Configuration, scope = 'files:read', username = 'robot', password = 'robot-password-1') =>
    client.genericGrantRequest(config, 'password', { username, password, scope });
  const active = async (config: client.Configuration, token: string) => (await client.tokenIntrospection(config, token)).active;

  it('issues access, refresh and ID tokens to a service user (openid-client)', async () => {
    const { c, config } = await setup();
    const t = await login(config, 'openid files:read');
    expect(t.access_token).toBeTypeOf('string');
    expect(t.refresh_token).toMatch(/^kwrt_/);
    expect(t.scope).toBe('files:read openid');
    const idClaims = t.claims();
    expect(idClaims).toMatchObject({ iss: s.issuer, aud: c.client_id });
    const user = await s.admin('GET', '/spaces/default/users/robot');
    expect(idClaims!.sub).toBe(user.id);
    expect(await client.tokenIntrospection(config, t.access_token)).toMatchObject({ active: true, username: 'robot', sub: user.id, client_id: c.client_id });
  });

  it('refuses wrong passwords, unknown and personal users with invalid_grant', async () => {
    const { config } = await setup();
    await expect(login(config, 'files:read', 'robot', 'wrong-password')).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(login(config, 'files:read', 'nobody', 'robot-password-1')).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(login(config, 'files:read', 'alice', 'alice-password-1')).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(login(config, 'files:read', 'ROBOT')).resolves.toMatchObject({ token_type: 'bearer' });
  });

  it('tells a personal user who knows the password that the grant is for service users; others learn nothing', async () => {
    const { config } = await setup();
    const described = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: { error: string; error_description: string }) => `${e.error}: ${e.error_description}`,
      );
    expect(await described(login(config, 'files:read', 'alice', 'alice-password-1'))).toMatch(/^invalid_grant: the password grant is only for service users/);
    const wrong = await described(login(config, 'files:read', 'alice', 'not-her-password'));
    expect(wrong).toBe('invalid_grant: invalid username or password');
    expect(await described(login(config, 'files:read', 'nobody', 'alice-password-1'))).toBe(wrong);
  });

  it('answers unauthorized_client to a client without the password grant', async () => {
    const c = await s.admin('POST', '/spaces/default/clients', { name: `cc-${++n}`, grant_types: ['client_credentials'] });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    await expect(login(config)).rejects.toMatchObject({ error: 'unauthorized_client' });
  });

  it('rotates the refresh token; reusing an old one revokes the whole family', async () => {
    const { config } = await setup();
    const first = await login(config);
    const second = await client.refreshTokenGrant(config, first.refresh_token!);
    expect(second.refresh_token).toBeTypeOf('string');
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(await active(config, second.access_token)).toBe(true);
    // Reuse: the first refresh token again.
    await expect(client.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await active(config, first.access_token)).toBe(false);
    expect(await active(config, second.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(config, second.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('returns a new ID token on refresh when openid was granted', async () => {
    const { config } = await setup();
    const t = await login(config, 'openid files:read');
    const r = await client.refreshTokenGrant(config, t.refresh_token!);
    expect(r.id_token).toBeTypeOf('string');
    expect(r.claims()!.sub).toBe(t.claims()!.sub);
    expect(r.scope).toBe('files:read openid');
  });

  it('two concurrent uses of one refresh token: one wins, the other is reuse and revokes the family', async () => {
    const { config } = await setup();
    const t = await login(config);
    const results = await Promise.allSettled([client.refreshTokenGrant(config, t.refresh_token!), client.refreshTokenGrant(config, t.refresh_token!)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { error: 'invalid_grant' } });
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof client.refreshTokenGrant>>>).value;
    expect(await active(config, winner.access_token)).toBe(false);
  });

  it('narrows the scope on refresh but never widens it (oauth4webapi)', async () => {
    const { c } = await setup({ token_endpoint_auth_method: 'client_secret_post', access_token_format: 'opaque' });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretPost(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const t = await login(config, 'files:read files:write');
    const as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
    const cl: oauth.Client = { client_id: c.client_id };
    const auth = oauth.ClientSecretPost(c.client_secret);
    const res = await oauth.refreshTokenGrantRequest(as, cl, auth, t.refresh_token!, { additionalParameters: { scope: 'files:read' }, ...insecure });
    const narrowed = await oauth.processRefreshTokenResponse(as, cl, res);
    expect(narrowed.scope).toBe('files:read');
    expect(narrowed.access_token).toMatch(/^kwat_/);
    // The grant keeps its scope: the next refresh may ask for all of it again, but not for more.
    const again = await oauth.processRefreshTokenResponse(as, cl, await oauth.refreshTokenGrantRequest(as, cl, auth, narrowed.refresh_token!, insecure));
    expect(again.scope).toBe('files:read files:write');
    const wider = await oauth.refreshTokenGrantRequest(as, cl, auth, again.refresh_token!, {
      additionalParameters: { scope: 'files:read openid' },
      ...insecure,
    });
    await expect(oauth.processRefreshTokenResponse(as, cl, wider)).rejects.toMatchObject({ error: 'invalid_scope' });
  });

  it('refuses a refresh token of another client without burning it', async () => {
    const a = await setup();
    const b = await setup();
    const t = await login(a.config);
    await expect(client.refreshTokenGrant(b.config, t.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.refreshTokenGrant(a.config, t.refresh_token!)).resolves.toMatchObject({ token_type: 'bearer' });
  });

  it('enforces refresh_limit: N refreshes, and the last one returns no refresh token', async () => {
    const { config } = await setup({ refresh_limit: 2 });
    const t0 = await login(config);
    const t1 = await client.refreshTokenGrant(config, t0.refresh_token!);
    expect(t1.refresh_token).toMatch(/^kwrt_/);
    // The second refresh is the last allowed one: a refresh token from it could never be used, so there is none.
    const t2 = await client.refreshTokenGrant(config, t1.refresh_token!);
    expect(t2.access_token).toBeTypeOf('string');
    expect(t2.refresh_token).toBeUndefined();
    expect(await active(config, t2.access_token)).toBe(true);
    // The limit is reached: a third refresh (here with the used t1, which is also reuse) is refused.
    const err = await client.refreshTokenGrant(config, t1.refresh_token!).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: 'invalid_grant' });
  });

  it('refresh_limit 1: the only refresh returns no refresh token; the limit error names the limit', async () => {
    const { config } = await setup({ refresh_limit: 1 });
    const t = await login(config);
    expect(t.refresh_token).toMatch(/^kwrt_/);
    const r = await client.refreshTokenGrant(config, t.refresh_token!);
    expect(r.refresh_token).toBeUndefined();
    // Lowering the limit under a live grant: its unused refresh token now meets the limit, not reuse.
    const { c, config: c2 } = await setup({ refresh_limit: 3 });
    let u = await login(c2);
    u = await client.refreshTokenGrant(c2, u.refresh_token!);
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { refresh_limit: 1 });
    const err = await client.refreshTokenGrant(c2, u.refresh_token!).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/refresh limit of this client \(1\) is reached/) });
    // Hitting the limit is not reuse: the last access token still works.
    expect(await active(c2, u.access_token)).toBe(true);
  });

  it('issues no refresh token with refresh_limit 0', async () => {
    const { config } = await setup({ refresh_limit: 0 });
    const t = await login(config);
    expect(t.access_token).toBeTypeOf('string');
    expect(t.refresh_token).toBeUndefined();
  });

  it('refuses an expired refresh token (refresh_token_ttl)', async () => {
    const { config } = await setup({ refresh_token_ttl: 1 });
    const t = await login(config);
    await new Promise((r) => setTimeout(r, 1100));
    const err = await client.refreshTokenGrant(config, t.refresh_token!).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('a disabled user: tokens inactive, no refresh, no new login; enabling again does not revive old tokens', async () => {
    await s.admin('POST', '/spaces/default/users', { username: 'robot2', password: 'robot-password-2', kind: 'service' });
    const { config } = await setup();
    const t = await login(config, 'files:read', 'robot2', 'robot-password-2');
    expect(await active(config, t.access_token)).toBe(true);
    await s.admin('PATCH', '/spaces/default/users/robot2', { disabled: true });
    expect(await active(config, t.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(config, t.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(login(config, 'files:read', 'robot2', 'robot-password-2')).rejects.toMatchObject({ error: 'invalid_grant' });
    await s.admin('PATCH', '/spaces/default/users/robot2', { disabled: false });
    expect(await active(config, t.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(config, t.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await nextSecond(); // a JWT's iat has whole seconds: one issued in the second of the cut-off counts as before it
    const fresh = await login(config, 'files:read', 'robot2', 'robot-password-2');
    expect(await active(config, fresh.access_token)).toBe(true);
  });

  it('a deactivated client cannot refresh', async () => {
    const { c, config } = await setup();
    const t = await login(config);
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { active: false });
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { active: true });
    await expect(client.refreshTokenGrant(config, t.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('answers invalid_request without a refresh_token and invalid_grant for garbage, with no-store', async () => {
    const { c } = await setup();
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(c.client_id)}:${encodeURIComponent(c.client_secret)}`).toString('base64')}`;
    const post = (body: string) =>
      fetch(`${s.issuer}/token`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body });
    const missing = await post('grant_type=refresh_token');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const garbage = await post('grant_type=refresh_token&refresh_token=%00%ff' + 'x'.repeat(300));
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('cache-control')).toBe('no-store');
    expect(await garbage.json()).toMatchObject({ error: 'invalid_grant' });
    const noPassword = await post('grant_type=password&username=robot');
    expect(await noPassword.json()).toMatchObject({ error: 'invalid_request' });
  });
});
