// Token management (seed 004) on a real server: tokens issued to openid-client are listed, revoked one by one and
// all at once per client or user; introspection shows the effect. Viewers may list but not revoke.
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../../src/store/schema.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

pgNotice();
const T = '/spaces/default/tokens';

interface Entry {
  id: string;
  kind: string;
  grant_type: string;
  scope: string;
  client_id: string;
  user_id: string | null;
  username: string | null;
  expires_at: string;
  refresh_count: number | null;
  refresh_limit: number | string | null;
  active: boolean;
}

describe.each(STORE_KINDS)('admin API: token management (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read' });
    for (const u of ['tm-one', 'tm-two']) await s.admin('POST', '/spaces/default/users', { username: u, password: `${u}-password`, kind: 'service' });
  });
  afterAll(async () => s?.close());

  async function app(extra: Record<string, unknown> = {}) {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: `tm-${++n}`,
      grant_types: ['password', 'refresh_token', 'client_credentials'],
      scope: 'files:read',
      ...extra,
    });
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const login = (user = 'tm-one') => client.genericGrantRequest(config, 'password', { username: user, password: `${user}-password`, scope: 'files:read' });
    const active = async (token: string) => (await client.tokenIntrospection(config, token)).active;
    return { c, config, login, active };
  }
  const list = async (query = ''): Promise<Entry[]> => (await s.admin('GET', `${T}${query}`)).items;

  async function tokenOf(roles: { space: string; role: string }[]): Promise<string> {
    // Admins create API tokens only for themselves: made through the service, as test/helpers/app.ts does.
    const a = await s.services.admins.create({ email: `tm-${randomBytes(4).toString('hex')}@example.com`, roles: roles as never }, { type: 'system' });
    return (await s.services.admins.createToken(a.id, { name: 't' }, { type: 'system' })).token;
  }
  const as = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}/admin/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('lists grants with refresh count and limit, and stored access tokens, filtered by client and user', async () => {
    const a = await app({ refresh_limit: 5, access_token_format: 'opaque' });
    const t = await a.login();
    await client.refreshTokenGrant(a.config, t.refresh_token!);
    await a.login('tm-two');
    const cc = await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    const items = await list(`?client_id=${a.c.client_id}`);
    const grants = items.filter((e) => e.kind === 'grant');
    expect(grants).toHaveLength(2);
    const one = grants.find((g) => g.username === 'tm-one')!;
    expect(one).toMatchObject({ grant_type: 'password', scope: 'files:read', client_id: a.c.client_id, refresh_count: 1, refresh_limit: 5, active: true });
    expect(Date.parse(one.expires_at)).toBeGreaterThan(Date.now());
    const at = items.find((e) => e.kind === 'access_token')!;
    expect(at).toMatchObject({ grant_type: 'client_credentials', user_id: null, refresh_limit: null });
    expect(await a.active(cc.access_token)).toBe(true);
    const byUser = await list(`?client_id=${a.c.client_id}&user_id=tm-two`);
    expect(byUser.map((e) => e.username)).toEqual(['tm-two']);
    // No limit and no expiry read as words.
    const b = await app({ refresh_token_ttl: null });
    await b.login();
    expect((await list(`?client_id=${b.c.client_id}`))[0]).toMatchObject({ refresh_limit: 'unlimited', expires_at: 'never' });
  });

  it('counts what the listing holds per client or user: what revoke-all would revoke from it', async () => {
    const a = await app({ access_token_format: 'opaque' });
    await a.login();
    await a.login('tm-two');
    await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    expect(await s.admin('GET', `${T}/count?client_id=${a.c.client_id}`)).toEqual({ grants: 2, access_tokens: 1, total: 3 });
    expect(await s.admin('GET', `${T}/count?client_id=${a.c.client_id}&user_id=tm-two`)).toEqual({ grants: 1, access_tokens: 0, total: 1 });
    const answer = await s.admin('POST', `${T}/revoke`, { client_id: a.c.client_id });
    expect(answer.revoked_grants).toBe(2);
    expect(await s.admin('GET', `${T}/count?client_id=${a.c.client_id}`)).toEqual({ grants: 0, access_tokens: 0, total: 0 });
    await expect(s.admin('GET', `${T}/count?client_id=nobody`)).rejects.toThrow(/404/);
  });

  it('pages newest first without repeats', async () => {
    const a = await app({ access_token_format: 'opaque' });
    for (let i = 0; i < 3; i++) await a.login();
    for (let i = 0; i < 2; i++) await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; next_cursor: string | null } = await s.admin(
        'GET',
        `${T}?client_id=${a.c.client_id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    // The count is the listing's length, without paging through it (the console's delete dialog shows it).
    expect(await s.admin('GET', `${T}/count?client_id=${a.c.client_id}`)).toEqual({ grants: 3, access_tokens: 2, total: 5 });
    expect(await s.admin('GET', `${T}/count?client_id=${a.c.client_id}&user_id=tm-two`)).toEqual({ grants: 0, access_tokens: 0, total: 0 });
    // Revoked entries leave the listing and the count alike.
    await s.admin('DELETE', `${T}/${seen[0]}`);
    expect((await s.admin('GET', `${T}/count?client_id=${a.c.client_id}`)).total).toBe(4);
    await expect(s.admin('GET', `${T}/count?client_id=nope`)).rejects.toThrow(/404/);
  });

  it('revokes one grant (its refresh and access tokens) or one access token', async () => {
    const a = await app({ access_token_format: 'opaque' });
    const t1 = await a.login();
    const t2 = await a.login();
    const cc = await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    const items = await list(`?client_id=${a.c.client_id}`);
    const grant = items.filter((e) => e.kind === 'grant').at(-1)!; // oldest: t1
    await s.admin('DELETE', `${T}/${encodeURIComponent(grant.id)}`);
    expect(await a.active(t1.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(a.config, t1.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await a.active(t2.access_token)).toBe(true);
    const at = items.find((e) => e.kind === 'access_token')!;
    await s.admin('DELETE', `${T}/${encodeURIComponent(at.id)}`);
    expect(await a.active(cc.access_token)).toBe(false);
    expect((await list(`?client_id=${a.c.client_id}`)).map((e) => e.id)).toEqual([items.find((e) => e.kind === 'grant')!.id]);
    await expect(s.admin('DELETE', `${T}/${encodeURIComponent(at.id)}`)).rejects.toThrow(/404/);
    await expect(s.admin('DELETE', `${T}/not-a-token`)).rejects.toThrow(/404/);
  });

  it('revokes everything of a client (JWTs included) without deactivating it', async () => {
    const a = await app();
    const t = await a.login();
    const cc = await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    const answer = await s.admin('POST', `${T}/revoke`, { client_id: a.c.client_id });
    expect(answer.revoked_grants).toBe(1);
    expect(await a.active(t.access_token)).toBe(false);
    expect(await a.active(cc.access_token)).toBe(false);
    await expect(client.refreshTokenGrant(a.config, t.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await s.admin('GET', `/spaces/default/clients/${a.c.client_id}`)).active).toBe(true);
    expect(await list(`?client_id=${a.c.client_id}`)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5)); // JWT iat has whole seconds
    const fresh = await a.login();
    expect(await a.active(fresh.access_token)).toBe(true);
  });

  it('lists the tokens of a deactivated client, or a disabled user, as no longer active (as the server treats them)', async () => {
    const a = await app({ access_token_format: 'opaque' });
    await a.login('tm-one');
    await client.clientCredentialsGrant(a.config, { scope: 'files:read' });
    expect((await list(`?client_id=${a.c.client_id}`)).map((e) => e.active)).toEqual([true, true]);
    await s.admin('PATCH', `/spaces/default/clients/${a.c.client_id}`, { active: false });
    // Still listed (nothing was revoked row by row) but no longer active, even after reactivation: deactivation is a
    // cut-off for every token issued before it.
    expect((await list(`?client_id=${a.c.client_id}`)).map((e) => e.active)).toEqual([false, false]);
    await s.admin('PATCH', `/spaces/default/clients/${a.c.client_id}`, { active: true });
    expect((await list(`?client_id=${a.c.client_id}`)).map((e) => e.active)).toEqual([false, false]);
    // And introspection agrees, once the client may ask again.
    const fresh = await a.login('tm-one');
    expect(await a.active(fresh.access_token)).toBe(true);
    expect((await list(`?client_id=${a.c.client_id}`)).map((e) => e.active)).toEqual([true, false, false]);

    const b = await app({ access_token_format: 'opaque' });
    await b.login('tm-two');
    await b.login('tm-one');
    await s.admin('PATCH', '/spaces/default/users/tm-two', { disabled: true });
    const byUser = Object.fromEntries((await list(`?client_id=${b.c.client_id}`)).map((e) => [e.username, e.active]));
    expect(byUser).toEqual({ 'tm-two': false, 'tm-one': true });
    await s.admin('PATCH', '/spaces/default/users/tm-two', { disabled: false });
  });

  it('revokes everything of a user, across clients, leaving other users alone', async () => {
    const a = await app({ access_token_format: 'opaque' });
    const b = await app({ access_token_format: 'opaque' });
    const ta = await a.login('tm-two');
    const tb = await b.login('tm-two');
    const other = await a.login('tm-one');
    await s.admin('POST', `${T}/revoke`, { user_id: 'tm-two' });
    expect(await a.active(ta.access_token)).toBe(false);
    expect(await b.active(tb.access_token)).toBe(false);
    expect(await a.active(other.access_token)).toBe(true);
    await expect(client.refreshTokenGrant(b.config, tb.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await s.admin('GET', '/spaces/default/users/tm-two')).disabled).toBe(false);
    await expect(s.admin('POST', `${T}/revoke`, {})).rejects.toThrow(/400/);
    await expect(s.admin('POST', `${T}/revoke`, { client_id: a.c.client_id, user_id: 'tm-one' })).rejects.toThrow(/400/);
    await expect(s.admin('POST', `${T}/revoke`, { user_id: 'nobody' })).rejects.toThrow(/404/);
  });

  it('lists and revokes consents', async () => {
    const a = await app();
    const space = await s.services.spaces.get('default');
    const user = await s.services.users.row(space, 'tm-one');
    const clientRow = await s.services.clients.row(space, a.c.client_id);
    await s.services.store.db.insert(consents).values({ spaceId: space.id, userId: user.id, clientPk: clientRow.id, scope: ['openid', 'files:read'] });
    const items = (await s.admin('GET', `/spaces/default/consents?client_id=${a.c.client_id}`)).items;
    expect(items).toEqual([
      expect.objectContaining({ client_id: a.c.client_id, client_name: a.c.name, user_id: user.id, username: 'tm-one', scope: 'openid files:read' }),
    ]);
    expect((await s.admin('GET', '/spaces/default/consents?user_id=tm-two')).items).toEqual([]);
    await s.admin('DELETE', `/spaces/default/consents/${items[0].id}`);
    expect((await s.admin('GET', `/spaces/default/consents?client_id=${a.c.client_id}`)).items).toEqual([]);
    await expect(s.admin('DELETE', `/spaces/default/consents/${items[0].id}`)).rejects.toThrow(/404/);
  });

  it('viewers may list, not revoke; every revocation is in the audit log', async () => {
    const a = await app();
    await a.login();
    const viewer = await tokenOf([{ space: 'default', role: 'viewer' }]);
    const res = await as(viewer, 'GET', `${T}?client_id=${a.c.client_id}`);
    expect(res.status).toBe(200);
    const [grant] = ((await res.json()) as { items: Entry[] }).items;
    expect((await as(viewer, 'DELETE', `${T}/${grant!.id}`)).status).toBe(403);
    expect((await as(viewer, 'POST', `${T}/revoke`, { client_id: a.c.client_id })).status).toBe(403);
    expect((await as(viewer, 'GET', '/spaces/default/consents')).status).toBe(200);
    const manager = await tokenOf([{ space: 'default', role: 'client-manager' }]);
    expect((await as(manager, 'DELETE', `${T}/${grant!.id}`)).status).toBe(403);
    const admin = await tokenOf([{ space: 'default', role: 'admin' }]);
    expect((await as(admin, 'DELETE', `${T}/${grant!.id}`)).status).toBe(204);
    const audit = (await s.admin('GET', '/audit-log?space=default&limit=200')).items as { action: string; target: { id: string } }[];
    const actions = audit.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['token.revoke', 'token.revoke_all', 'consent.revoke']));
    expect(audit.find((e) => e.action === 'token.revoke' && e.target.id === grant!.id)).toBeDefined();
  });
});
