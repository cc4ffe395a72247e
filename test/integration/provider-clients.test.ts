// Admin API of the vault's provider clients: create, list, get, change, delete; validation naming the field; the
// secret and private key never in an answer or the audit log; roles; 404s across spaces; paging; `oidc` clients
// whose URLs come from discovery documents served over HTTPS on a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startDiscoveryHost, type DiscoveryHost } from '../helpers/providers/discovery-host.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, recorded, type Api } from './support.js';

pgNotice();

const SECRET = 'pc-secret-3f9a1c7e5b2d4f6a8c0e';
const PC = '/spaces/default/provider-clients';
const exact = (extra: Record<string, unknown> = {}) => ({
  provider: 'exact-online',
  name: 'Exact NL',
  client_id: 'exact-app-1',
  client_secret: SECRET,
  access_token_expires_in: 3599999,
  refresh_token_expires_in: 7775999999,
  expires_in_unit: 'ms',
  config: { ext: 'nl' },
  ...extra,
});

describe.each(STORE_KINDS)('admin API: provider clients (%s)', (kind) => {
  let t: TestApp;
  let owner: Api;
  let idp: DiscoveryHost;
  /** Every answer body and header the owner got, so the end can check that no secret was ever in one. */
  const seen: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = recorded(api(t), seen);
    expectStatus(await owner.post('/spaces', { slug: 'other' }), 201);
    idp = await startDiscoveryHost();
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('creates with the catalog defaults, the redirect URI and no secret in the answer', async () => {
    const res = await owner.post(PC, exact());
    const pc = expectStatus(res, 201);
    expect(pc).toMatchObject({
      provider: 'exact-online',
      name: 'Exact NL',
      client_id: 'exact-app-1',
      has_client_secret: true,
      has_private_key: false,
      jwks: null,
      token_url: 'https://start.exactonline.{ext}/api/oauth2/token',
      authorization_url: 'https://start.exactonline.{ext}/api/oauth2/auth',
      token_endpoint_auth_method: 'client_secret_post',
      access_token_expires_in: 3599999,
      refresh_token_expires_in: 7775999999,
      expires_in_unit: 'ms',
      config: { ext: 'nl' },
    });
    expect(pc.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(pc.redirect_uri).toMatch(/^https?:\/\/[^/]+\/spaces\/default\/connections\/callback$/);
    expect(pc).not.toHaveProperty('client_secret');
    expect(res.body).not.toContain(SECRET);
  });

  it('supports the two-way exchange: created without a client ID, completed by PATCH', async () => {
    const created = expectStatus(await owner.post(PC, { provider: 'github', name: 'GitHub app' }), 201);
    expect(created).toMatchObject({ client_id: '', has_client_secret: false });
    expect(created.redirect_uri).toContain('/spaces/default/connections/callback');
    const res = await owner.patch(`${PC}/${created.id}`, { client_id: 'Iv1.abc', client_secret: SECRET, scope: 'repo  read:user' });
    const patched = expectStatus(res, 200);
    expect(patched).toMatchObject({ client_id: 'Iv1.abc', has_client_secret: true, scope: 'repo read:user', name: 'GitHub app' });
    const cleared = expectStatus(await owner.patch(`${PC}/${created.id}`, { client_secret: null }), 200);
    expect(cleared.has_client_secret).toBe(false);
  });

  it('refuses a change of provider', async () => {
    const pc = expectStatus(await owner.post(PC, { provider: 'github', name: 'Fixed' }), 201);
    expectError(await owner.patch(`${PC}/${pc.id}`, { provider: 'google' }), 400, 'provider');
  });

  it.each([
    ['no provider', { name: 'x' }, 'provider'],
    ['a provider outside the catalog', { provider: 'nope', name: 'x' }, 'provider'],
    ['no name', { provider: 'github' }, 'name'],
    ['an unknown field', { provider: 'github', name: 'x', colour: 'red' }, 'colour'],
    ['a unit other than s or ms', { provider: 'github', name: 'x', expires_in_unit: 'h' }, 'expires_in_unit'],
    ['a lifetime of 0', { provider: 'github', name: 'x', access_token_expires_in: 0 }, 'access_token_expires_in'],
    ['a lifetime as text', { provider: 'github', name: 'x', refresh_token_expires_in: '60' }, 'refresh_token_expires_in'],
    ['an auth method outside the list', { provider: 'github', name: 'x', token_endpoint_auth_method: 'none' }, 'token_endpoint_auth_method'],
    ['a plain-http token URL', { provider: 'custom', name: 'x', token_url: 'http://provider.example/token' }, 'token_url'],
    ['a value outside the placeholder list', exact({ config: { ext: 'xx' } }), 'config'],
    ['a placeholder the provider does not have', exact({ config: { ext: 'nl', region: 'eu' } }), 'config'],
    ['a config value that is not text', exact({ config: { ext: 1 } }), 'config.ext'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const res = await owner.post(PC, body);
    expectError(res, 400, field);
    expect(res.body).not.toContain(SECRET);
  });

  it("oidc: takes the URLs from the issuer's discovery document, and from the new issuer's when a PATCH changes it", async () => {
    const pc = expectStatus(await owner.post(PC, { provider: 'oidc', name: 'Tenant A', config: { issuer: idp.configValue('tenant-a') } }), 201);
    expect(pc).toMatchObject({ authorization_url: `${idp.issuer('tenant-a')}/authorize`, token_url: `${idp.issuer('tenant-a')}/token` });
    const moved = expectStatus(await owner.patch(`${PC}/${pc.id}`, { config: { issuer: idp.configValue('tenant-b') } }), 200);
    expect(moved).toMatchObject({
      config: { issuer: idp.configValue('tenant-b') },
      authorization_url: `${idp.issuer('tenant-b')}/authorize`,
      token_url: `${idp.issuer('tenant-b')}/token`,
    });
    expect(idp.requests('tenant-b')).toBe(1);
  });

  it('oidc: a URL the PATCH sets wins; the same issuer or no config asks no discovery; an unreadable one is refused', async () => {
    const pc = expectStatus(await owner.post(PC, { provider: 'oidc', name: 'Tenant C', config: { issuer: idp.configValue('tenant-c') } }), 201);
    const explicit = 'https://token.example/tenant-d';
    const patch = async (body: Record<string, unknown>, status = 200) => expectStatus(await owner.patch(`${PC}/${pc.id}`, body), status);
    const set = await patch({ config: { issuer: idp.configValue('tenant-d') }, token_url: explicit });
    expect(set).toMatchObject({ authorization_url: `${idp.issuer('tenant-d')}/authorize`, token_url: explicit });
    expect(await patch({ name: 'Renamed' })).toMatchObject({ name: 'Renamed', token_url: explicit });
    expect(await patch({ config: { issuer: idp.configValue('tenant-d') } })).toMatchObject({ token_url: explicit });
    expect(idp.requests('tenant-d')).toBe(1);
    const refused = expectError(await owner.patch(`${PC}/${pc.id}`, { config: { issuer: idp.configValue('gone/away') } }), 400, 'config');
    expect(refused.message).toMatch(/could not be read/);
    expect(expectStatus(await owner.get(`${PC}/${pc.id}`), 200)).toMatchObject({ config: { issuer: idp.configValue('tenant-d') }, token_url: explicit });
  });

  it('private_key_jwt: makes a key and answers only its public half', async () => {
    const res = await owner.post(PC, {
      provider: 'custom',
      name: 'Signed',
      token_url: 'https://idp.example/token',
      token_endpoint_auth_method: 'private_key_jwt',
    });
    const pc = expectStatus(res, 201);
    expect(pc.has_private_key).toBe(true);
    expect(pc.jwks.keys).toHaveLength(1);
    expect(pc.jwks.keys[0]).toMatchObject({ kty: expect.any(String), kid: expect.any(String) });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(pc.jwks.keys[0]).not.toHaveProperty(member);
    expect(res.body).not.toMatch(/PRIVATE KEY/);
  });

  it('gets one; 404 for an unknown id, a malformed id and an id of another space', async () => {
    const pc = expectStatus(await owner.post(PC, exact({ name: 'To read' })), 201);
    const res = await owner.get(`${PC}/${pc.id}`);
    expect(expectStatus(res, 200)).toMatchObject({ id: pc.id, name: 'To read', has_client_secret: true });
    expectError(await owner.get(`${PC}/00000000-0000-4000-8000-000000000000`), 404);
    expectError(await owner.get(`${PC}/nope`), 404);
    expectError(await owner.get(`${PC}/${'-'.repeat(36)}`), 404);
    expectError(await owner.get(`/spaces/other/provider-clients/${pc.id}`), 404);
    expectError(await owner.patch(`/spaces/other/provider-clients/${pc.id}`, { name: 'x' }), 404);
    expectError(await owner.del(`/spaces/other/provider-clients/${pc.id}`), 404);
    expectError(await owner.get(`/spaces/nowhere/provider-clients/${pc.id}`), 404);
  });

  it('lists page by page, filtered by provider', async () => {
    const before = expectStatus(await owner.get('/spaces/other/provider-clients'), 200);
    expect(before).toEqual({ items: [], next_cursor: null });
    for (const name of ['P1', 'P2', 'P3']) expectStatus(await owner.post('/spaces/other/provider-clients', { provider: 'github', name }), 201);
    expectStatus(await owner.post('/spaces/other/provider-clients', { provider: 'google', name: 'G' }), 201);
    const first = expectStatus(await owner.get('/spaces/other/provider-clients?limit=2'), 200);
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['P1', 'P2']);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = expectStatus(await owner.get(`/spaces/other/provider-clients?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`), 200);
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['P3', 'G']);
    expect(second.next_cursor).toBeNull();
    const google = expectStatus(await owner.get('/spaces/other/provider-clients?provider=google'), 200);
    expect(google.items.map((p: { name: string }) => p.name)).toEqual(['G']);
    expectError(await owner.get('/spaces/other/provider-clients?limit=0'), 400, 'limit');
    expectError(await owner.get('/spaces/other/provider-clients?colour=red'), 400);
    expectStatus(await owner.get(PC), 200);
  });

  it('deletes one no connection uses; refuses (409) while one does', async () => {
    const unused = expectStatus(await owner.post(PC, { provider: 'github', name: 'Unused' }), 201);
    expect((await owner.del(`${PC}/${unused.id}`)).statusCode).toBe(204);
    expectError(await owner.get(`${PC}/${unused.id}`), 404);
    expectError(await owner.del(`${PC}/${unused.id}`), 404);

    const used = expectStatus(await owner.post(PC, { provider: 'custom', name: 'Used', token_url: 'https://idp.example/token' }), 201);
    const conn = expectStatus(
      await owner.post('/spaces/default/connections', { name: 'Keyed', kind: 'api_key', provider_client: used.id, credentials: { api_key: 'k-1' } }),
      201,
    );
    expectError(await owner.del(`${PC}/${used.id}`), 409);
    expect((await owner.del(`/spaces/default/connections/${conn.id}`)).statusCode).toBe(204);
    expect((await owner.del(`${PC}/${used.id}`)).statusCode).toBe(204);
  });

  it('roles: a viewer reads, a client manager writes', async () => {
    const viewer = api(t, (await t.adminWith([{ space: 'default', role: 'viewer' }])).token);
    const manager = api(t, (await t.adminWith([{ space: 'default', role: 'client-manager' }])).token);
    const outsider = api(t, (await t.adminWith([{ space: 'other', role: 'owner' }])).token);
    const pc = expectStatus(await manager.post(PC, exact({ name: 'By manager' })), 201);
    expectStatus(await viewer.get(PC), 200);
    expectStatus(await viewer.get(`${PC}/${pc.id}`), 200);
    expectError(await viewer.post(PC, exact()), 403);
    expectError(await viewer.patch(`${PC}/${pc.id}`, { name: 'x' }), 403);
    expectError(await viewer.del(`${PC}/${pc.id}`), 403);
    expectError(await outsider.get(PC), 403);
    expectError(await outsider.get(`${PC}/${pc.id}`), 403);
    expectStatus(await manager.patch(`${PC}/${pc.id}`, { name: 'Renamed' }), 200);
    expect((await manager.del(`${PC}/${pc.id}`)).statusCode).toBe(204);
  });

  it('never shows the secret: not in any answer, nor in the audit log', async () => {
    const audit = await owner.get('/audit-log?limit=200');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('provider_client.create');
    expect(audit.body).not.toContain(SECRET);
    expect(seen.length).toBeGreaterThan(30);
    for (const body of seen) expect(body).not.toContain(SECRET);
  });
});
