// Introspection of refresh tokens (RFC 7662, issue 8 point 5) with openid-client over real HTTP, on both stores:
// active with its details while it can still be exchanged, with or without token_type_hint (a wrong hint changes
// nothing); inactive once rotated, revoked, expired, or when asked by another client or in another space.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

describe.each(STORE_KINDS)('introspection of refresh tokens (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  let robotId: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read' });
    robotId = (await s.admin('POST', '/spaces/default/users', { username: 'robot', password: 'robot-password-1', kind: 'service' })).id;
    await s.admin('POST', '/spaces', { slug: 'other' });
  });
  afterAll(async () => s?.close());

  async function setup(extra: Record<string, unknown> = {}, space = 'default') {
    const c = await s.admin('POST', `/spaces/${space}/clients`, {
      name: `intro-${++n}`,
      grant_types: ['password', 'refresh_token'],
      ...(space === 'default' ? { scope: 'files:read' } : {}),
      ...extra,
    });
    const config = await client.discovery(new URL(`${s.url}/spaces/${space}`), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    return { c, config };
  }
  const login = (config: client.Configuration) =>
    client.genericGrantRequest(config, 'password', { username: 'robot', password: 'robot-password-1', scope: 'files:read' });
  const introspect = (config: client.Configuration, token: string, hint?: string) =>
    client.tokenIntrospection(config, token, hint ? { token_type_hint: hint } : undefined);

  it('answers a valid refresh token with its details, whatever the hint', async () => {
    const { c, config } = await setup({ refresh_token_ttl: 3600 });
    const before = Math.floor(Date.now() / 1000);
    const t = await login(config);
    for (const hint of [undefined, 'refresh_token', 'access_token', 'something_else']) {
      const r = await introspect(config, t.refresh_token!, hint);
      expect(r).toMatchObject({
        active: true,
        scope: 'files:read',
        client_id: c.client_id,
        sub: robotId,
        username: 'robot',
        token_type: 'refresh_token',
        iss: s.issuer,
      });
      expect(r.iat).toBeGreaterThanOrEqual(before - 1);
      expect(r.exp! - r.iat!).toBeGreaterThanOrEqual(3599);
      expect(r.exp! - r.iat!).toBeLessThanOrEqual(3601);
    }
    // An access token is still found with the refresh_token hint (hint is only an optimisation).
    expect(await introspect(config, t.access_token, 'refresh_token')).toMatchObject({ active: true, token_type: 'Bearer' });
  });

  it('a refresh token that never expires has no exp; an opaque access token still introspects as before', async () => {
    const { config } = await setup({ refresh_token_ttl: null, access_token_format: 'opaque' });
    const t = await login(config);
    const r = await introspect(config, t.refresh_token!);
    expect(r.active).toBe(true);
    expect(r.exp).toBeUndefined();
    expect(await introspect(config, t.access_token)).toMatchObject({ active: true, token_type: 'Bearer', scope: 'files:read' });
    expect(await introspect(config, t.access_token, 'refresh_token')).toMatchObject({ active: true, token_type: 'Bearer' });
  });

  it('rotated, revoked and expired refresh tokens are inactive', async () => {
    const { config } = await setup();
    const t = await login(config);
    const r = await client.refreshTokenGrant(config, t.refresh_token!);
    expect((await introspect(config, t.refresh_token!)).active).toBe(false);
    expect((await introspect(config, r.refresh_token!, 'refresh_token')).active).toBe(true);
    await client.tokenRevocation(config, r.refresh_token!);
    expect((await introspect(config, r.refresh_token!)).active).toBe(false);

    const short = await setup({ refresh_token_ttl: 1 });
    const e = await login(short.config);
    expect((await introspect(short.config, e.refresh_token!)).active).toBe(true);
    await new Promise((done) => setTimeout(done, 1100));
    expect((await introspect(short.config, e.refresh_token!)).active).toBe(false);
  });

  it('is inactive for another client of the space and in another space', async () => {
    const a = await setup();
    const b = await setup();
    const t = await login(a.config);
    expect((await introspect(b.config, t.refresh_token!)).active).toBe(false);
    expect((await introspect(b.config, t.refresh_token!, 'refresh_token')).active).toBe(false);
    const elsewhere = await setup({}, 'other');
    expect((await introspect(elsewhere.config, t.refresh_token!)).active).toBe(false);
    // Asking did not touch it: its own client still sees it and can use it.
    expect((await introspect(a.config, t.refresh_token!)).active).toBe(true);
    await expect(client.refreshTokenGrant(a.config, t.refresh_token!)).resolves.toMatchObject({ token_type: 'bearer' });
  });

  it('is inactive once the user is disabled, the client deactivated, or the refresh limit reached', async () => {
    await s.admin('POST', '/spaces/default/users', { username: 'robot2', password: 'robot-password-2', kind: 'service' });
    const { c, config } = await setup({ refresh_limit: 5 });
    const t = await client.genericGrantRequest(config, 'password', { username: 'robot2', password: 'robot-password-2', scope: 'files:read' });
    expect((await introspect(config, t.refresh_token!)).active).toBe(true);
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { refresh_limit: 0 });
    expect((await introspect(config, t.refresh_token!)).active).toBe(false);
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { refresh_limit: 5 });
    expect((await introspect(config, t.refresh_token!)).active).toBe(true);
    await s.admin('PATCH', '/spaces/default/users/robot2', { disabled: true });
    expect((await introspect(config, t.refresh_token!)).active).toBe(false);

    const other = await setup();
    const u = await login(other.config);
    await s.admin('PATCH', `/spaces/default/clients/${other.c.client_id}`, { active: false });
    await s.admin('PATCH', `/spaces/default/clients/${other.c.client_id}`, { active: true });
    expect((await introspect(other.config, u.refresh_token!)).active).toBe(false);
  });

  it('userinfo never accepts a refresh token', async () => {
    const { config } = await setup();
    const t = await login(config);
    const res = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.refresh_token}` } });
    expect(res.status).toBe(401);
  });
});
