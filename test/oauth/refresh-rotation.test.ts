// Refresh rotation (issue 8 point 7) with real clients over real HTTP, on both stores: rotation is one transaction
// (a failure at any of its statements or at COMMIT leaves the presented token usable), scopes are checked again at every refresh,
// and the space's reuse grace period (refresh_reuse_grace_seconds) lets a client that raced itself keep its session.
import { sql } from 'drizzle-orm';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectRotationFault, ROTATION_FAULTS } from '../helpers/rotation-faults.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const insecure = { [oauth.allowInsecureRequests]: true } as const;
type Tokens = Awaited<ReturnType<typeof client.refreshTokenGrant>>;

describe.each(STORE_KINDS)('refresh rotation (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    for (const name of ['files:read', 'files:write', 'tmp:gone']) await s.admin('POST', '/spaces/default/scopes', { name });
    await s.admin('POST', '/spaces/default/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });
  });
  afterAll(async () => s?.close());

  async function setup(extra: Record<string, unknown> = {}) {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: `rot-${++n}`,
      grant_types: ['password', 'refresh_token'],
      scope: 'files:read files:write',
      ...extra,
    });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    return { c, config };
  }
  const login = (config: client.Configuration, scope = 'files:read') =>
    client.genericGrantRequest(config, 'password', { username: 'robot', password: 'robot-password-1', scope });
  const active = async (config: client.Configuration, token: string) => (await client.tokenIntrospection(config, token)).active;
  const grantOf = async (clientId: string) =>
    (await s.admin('GET', `/spaces/default/tokens?client_id=${clientId}`)).items.find((e: { kind: string }) => e.kind === 'grant');
  async function withGrace(seconds: number, fn: () => Promise<void>) {
    await s.admin('PATCH', '/spaces/default', { settings: { refresh_reuse_grace_seconds: seconds } });
    try {
      await fn();
    } finally {
      await s.admin('PATCH', '/spaces/default', { settings: { refresh_reuse_grace_seconds: 0 } });
    }
  }

  // A real failure inside the rotation's transaction (a trigger raising on one of its statements, or at COMMIT):
  // the token endpoint answers server_error, nothing of the rotation stays, and the client's retry with the same
  // refresh token is an ordinary refresh, not reuse: the family lives.
  it.each(ROTATION_FAULTS)('a failure at %s leaves the presented token usable; the retry succeeds and the family lives', async (fault) => {
    const { c, config } = await setup();
    const t = await login(config);
    const remove = await injectRotationFault(s.services.store.db, fault);
    let failed: unknown;
    try {
      failed = await client.refreshTokenGrant(config, t.refresh_token!).catch((e: unknown) => e);
    } finally {
      await remove();
    }
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toMatchObject({ error: 'invalid_grant' });
    expect(await grantOf(c.client_id)).toMatchObject({ refresh_count: 0, active: true }); // rolled back with the rest

    const retried = await client.refreshTokenGrant(config, t.refresh_token!);
    expect(retried.refresh_token).toMatch(/^kwrt_/);
    expect(await active(config, t.access_token)).toBe(true);
    expect(await active(config, retried.access_token)).toBe(true);
    expect(await grantOf(c.client_id)).toMatchObject({ refresh_count: 1, active: true });
    await expect(client.refreshTokenGrant(config, retried.refresh_token!)).resolves.toMatchObject({ token_type: 'bearer' });
  });

  it('a failed write of the new access token leaves the refresh token usable too', async () => {
    const { c, config } = await setup({ access_token_format: 'opaque' });
    const t = await login(config);
    const db = s.services.store.db;
    await db.execute(
      sql.raw(`create or replace function keyward_test_fail_insert() returns trigger language plpgsql as $$
      begin raise exception 'injected fault: access token write failed'; end $$`),
    );
    await db.execute(sql.raw(`create trigger keyward_test_fail_at before insert on access_tokens for each row execute function keyward_test_fail_insert()`));
    let failed: unknown;
    try {
      failed = await client.refreshTokenGrant(config, t.refresh_token!).catch((e: unknown) => e);
    } finally {
      await db.execute(sql.raw(`drop trigger keyward_test_fail_at on access_tokens`));
    }
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toMatchObject({ error: 'invalid_grant' });
    const retried = await client.refreshTokenGrant(config, t.refresh_token!);
    expect(await active(config, retried.access_token)).toBe(true);
    expect(await grantOf(c.client_id)).toMatchObject({ refresh_count: 1, active: true });
  });

  it('drops scopes the client lost or the space deleted, from the new tokens and from the grant', async () => {
    const { c, config } = await setup({ scope: 'files:read files:write tmp:gone' });
    const t = await login(config, 'openid files:read files:write tmp:gone');
    expect(t.scope).toBe('files:read files:write openid tmp:gone');
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { scope: 'files:read tmp:gone' });
    const r1 = await client.refreshTokenGrant(config, t.refresh_token!);
    expect(r1.scope).toBe('files:read openid tmp:gone');
    expect((await client.tokenIntrospection(config, r1.access_token)).scope).toBe('files:read openid tmp:gone');
    expect((await grantOf(c.client_id)).scope).toBe('files:read openid tmp:gone');

    await s.admin('DELETE', '/spaces/default/scopes/tmp:gone');
    // Asking for a scope granted once but gone since is answered without it (the answer's scope says so).
    const r2 = await client.refreshTokenGrant(config, r1.refresh_token!, { scope: 'files:read tmp:gone' });
    expect(r2.scope).toBe('files:read');
    const r3 = await client.refreshTokenGrant(config, r2.refresh_token!);
    expect(r3.scope).toBe('files:read openid');
    expect((await client.tokenIntrospection(config, r3.access_token)).scope).toBe('files:read openid');
    expect((await grantOf(c.client_id)).scope).toBe('files:read openid');
    // Associating files:write again does not bring it back into this grant: that needs a new authorization.
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { scope: 'files:read files:write' });
    expect((await client.refreshTokenGrant(config, r3.refresh_token!)).scope).toBe('files:read openid');
  });

  it('grace 0: two simultaneous refreshes of one token: one succeeds, the other is reuse and revokes the family', async () => {
    const { c, config } = await setup();
    const t = await login(config);
    const results = await Promise.allSettled([client.refreshTokenGrant(config, t.refresh_token!), client.refreshTokenGrant(config, t.refresh_token!)]);
    const won = results.filter((r): r is PromiseFulfilledResult<Tokens> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { error: 'invalid_grant', error_description: expect.stringMatching(/already used.*revoked/) },
    });
    expect(await active(config, won[0]!.value.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(config, won[0]!.value.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await grantOf(c.client_id)).toBeUndefined(); // revoked grants leave the list
  });

  it('grace > 0: two simultaneous refreshes both succeed, the family lives, and both new tokens work', async () => {
    await withGrace(30, async () => {
      const { c, config } = await setup();
      const t = await login(config);
      const results = await Promise.allSettled([client.refreshTokenGrant(config, t.refresh_token!), client.refreshTokenGrant(config, t.refresh_token!)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const [a, b] = results.map((r) => (r as PromiseFulfilledResult<Tokens>).value);
      expect(a!.refresh_token).not.toBe(b!.refresh_token);
      for (const x of [a!, b!]) expect(await active(config, x.access_token)).toBe(true);
      expect(await grantOf(c.client_id)).toMatchObject({ refresh_count: 2, active: true });
      // Each successor rotates normally; the used one within the window still gets a pair (oauth4webapi this time).
      await expect(client.refreshTokenGrant(config, a!.refresh_token!)).resolves.toMatchObject({ token_type: 'bearer' });
      await expect(client.refreshTokenGrant(config, b!.refresh_token!)).resolves.toMatchObject({ token_type: 'bearer' });
      const as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
      const cl: oauth.Client = { client_id: c.client_id };
      const res = await oauth.refreshTokenGrantRequest(as, cl, oauth.ClientSecretBasic(c.client_secret), t.refresh_token!, insecure);
      expect((await oauth.processRefreshTokenResponse(as, cl, res)).refresh_token).toMatch(/^kwrt_/);
    });
  });

  it('grace > 0: after the window, presenting a rotated token again is reuse and revokes the family', async () => {
    await withGrace(1, async () => {
      const { config } = await setup();
      const t = await login(config);
      const r = await client.refreshTokenGrant(config, t.refresh_token!);
      await new Promise((done) => setTimeout(done, 1100));
      await expect(client.refreshTokenGrant(config, t.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
        error_description: expect.stringMatching(/already used/),
      });
      expect(await active(config, r.access_token)).toBe(false);
      await expect(client.refreshTokenGrant(config, r.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    });
  });

  it('grace does not help another client or a revoked family', async () => {
    await withGrace(30, async () => {
      const a = await setup();
      const b = await setup();
      const t = await login(a.config);
      await client.refreshTokenGrant(a.config, t.refresh_token!);
      await expect(client.refreshTokenGrant(b.config, t.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
        error_description: 'the refresh token is invalid',
      });
      await client.tokenRevocation(a.config, t.refresh_token!);
      await expect(client.refreshTokenGrant(a.config, t.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
        error_description: expect.stringMatching(/revoked/),
      });
    });
  });

  it('refresh_reuse_grace_seconds is a space setting from 0 to 60 (default 0)', async () => {
    expect((await s.admin('GET', '/spaces/default')).settings.refresh_reuse_grace_seconds).toBe(0);
    for (const bad of [-1, 61, 1.5, '5']) {
      await expect(s.admin('PATCH', '/spaces/default', { settings: { refresh_reuse_grace_seconds: bad } })).rejects.toThrow(
        /400.*settings.refresh_reuse_grace_seconds must be a whole number from 0 to 60/,
      );
    }
    expect((await s.admin('PATCH', '/spaces/default', { settings: { refresh_reuse_grace_seconds: 60 } })).settings.refresh_reuse_grace_seconds).toBe(60);
    await s.admin('PATCH', '/spaces/default', { settings: { refresh_reuse_grace_seconds: 0 } });
  });
});
