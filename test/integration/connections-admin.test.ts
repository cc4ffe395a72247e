// Admin API of the vault's connections: create, list (paged, by status), get, change, delete; connect links,
// refresh and tokens; validation naming the field; credentials never in an answer or the audit log; roles; 404s.
// Client credentials run against a small token endpoint on a real socket, standing in for the provider.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { API, api, expectError, expectStatus, recorded, webApp, type Api } from './support.js';

pgNotice();

const API_KEY = 'ak-7c1e9b3f5d2a4c6e8f0a';
const PASSWORD = 'pw-2d4f6a8c0e1b3d5f';
const EXCHANGE_SECRET = 'xs-9e8d7c6b5a4f3e2d';
const C = '/spaces/default/connections';

/** A provider's token endpoint: client credentials answer a new token each time (and count the calls). */
async function tokenEndpoint(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: `provider-token-${n}`, token_type: 'Bearer', expires_in: 3600 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/token`, calls: () => n, close: () => new Promise((r) => server.close(() => r())) };
}

describe.each(STORE_KINDS)('admin API: connections (%s)', (kind) => {
  let t: TestApp;
  let owner: Api;
  let provider: Awaited<ReturnType<typeof tokenEndpoint>>;
  let custom: string;
  let redox: string;
  const seen: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    provider = await tokenEndpoint();
    owner = recorded(api(t), seen);
    expectStatus(await owner.post('/spaces', { slug: 'other' }), 201);
    custom = expectStatus(
      await owner.post('/spaces/default/provider-clients', {
        provider: 'custom',
        name: 'Local IdP',
        client_id: 'local-app',
        client_secret: 'local-secret',
        authorization_url: 'https://idp.example/authorize',
        token_url: provider.url,
      }),
      201,
    ).id;
    redox = expectStatus(await owner.post('/spaces/default/provider-clients', { provider: 'redox', name: 'Redox' }), 201).id;
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const create = async (body: Record<string, unknown>) => expectStatus(await owner.post(C, { provider_client: custom, ...body }), 201);

  it('an API key: connected at once, the key never in the answer, handed out by the token endpoint with no-store', async () => {
    const res = await owner.post(C, { name: 'Key One', kind: 'api_key', provider_client: custom, credentials: { api_key: API_KEY }, environment: 'sandbox' });
    const conn = expectStatus(res, 201);
    expect(conn).toMatchObject({
      name: 'Key One',
      kind: 'api_key',
      provider_client: custom,
      provider: 'custom',
      environment: 'sandbox',
      availability: 'global',
      client_id: null,
      renewal_rate: '1h',
      status: 'connected',
      has_credentials: true,
      expires_at: null,
    });
    expect(conn).not.toHaveProperty('credentials');
    expect(res.body).not.toContain(API_KEY);

    const token = await owner.get(`${C}/${conn.id}/token`);
    expect(expectStatus(token, 200)).toEqual({ access_token: API_KEY, token_type: 'api_key', expires_at: null, metadata: {} });
    expect(token.headers['cache-control']).toBe('no-store');
  });

  it('basic: the token is base64 of username:password', async () => {
    const conn = await create({ name: 'Basic One', kind: 'basic', credentials: { username: 'svc', password: PASSWORD } });
    const token = expectStatus(await owner.get(`${C}/${conn.id}/token`), 200);
    expect(token).toMatchObject({ token_type: 'Basic', access_token: Buffer.from(`svc:${PASSWORD}`).toString('base64') });
  });

  it('client credentials: the first token is fetched at creation; refresh and force_refresh fetch new ones', async () => {
    const before = provider.calls();
    const conn = await create({ name: 'Machine', kind: 'oauth2_client_credentials', renewal_rate: '15m' });
    expect(conn).toMatchObject({ status: 'connected', renewal_rate: '15m', expiry_known: true, refresh_count: expect.any(Number) });
    expect(conn.expires_at).toEqual(expect.any(String));
    expect(provider.calls()).toBe(before + 1);

    const cached = expectStatus(await owner.get(`${C}/${conn.id}/token`), 200);
    expect(cached).toMatchObject({ access_token: `provider-token-${before + 1}`, token_type: 'Bearer' });
    expect(provider.calls()).toBe(before + 1);

    const forced = await owner.get(`${C}/${conn.id}/token?force_refresh=true`);
    expect(expectStatus(forced, 200).access_token).toBe(`provider-token-${before + 2}`);
    expect(forced.headers['cache-control']).toBe('no-store');

    const refreshed = expectStatus(await owner.post(`${C}/${conn.id}/refresh`), 200);
    expect(refreshed).toMatchObject({ id: conn.id, status: 'connected' });
    expect(refreshed).not.toHaveProperty('access_token');
    expect(provider.calls()).toBe(before + 3);
    expectError(await owner.get(`${C}/${conn.id}/token?force_refresh=yes`), 400, 'force_refresh');
  });

  it('a new renewal rate moves the renewal already scheduled (sooner, later, or none); other changes leave it', async () => {
    const conn = await create({ name: 'Scheduled', kind: 'oauth2_client_credentials' });
    const last = Date.parse(conn.last_refresh_at);
    const nextAfter = async (body: Record<string, unknown>) => expectStatus(await owner.patch(`${C}/${conn.id}`, body), 200).next_refresh_at;
    expect(Date.parse(conn.next_refresh_at)).toBe(last + 3600_000);
    expect(Date.parse(await nextAfter({ renewal_rate: '15m' }))).toBe(last + 900_000);
    expect(await nextAfter({ renewal_rate: 'disabled' })).toBeNull();
    expect(Date.parse(await nextAfter({ renewal_rate: 1800 }))).toBe(last + 1800_000);
    expect(Date.parse(await nextAfter({ description: 'rescheduled', renewal_rate: 1800 }))).toBe(last + 1800_000);
  });

  it('authorization code: pending until consent; a one-time connect link; no token yet (409)', async () => {
    const conn = await create({ name: 'Person', kind: 'oauth2_authorization_code', description: 'consent by a person' });
    expect(conn).toMatchObject({ status: 'pending', has_credentials: false, description: 'consent by a person' });
    const link = await owner.post(`${C}/${conn.id}/connect`);
    const body = expectStatus(link, 200);
    expect(body.connect_url).toMatch(/^https?:\/\/[^/]+\/spaces\/default\/connections\/connect\/[A-Za-z0-9_-]{20,}$/);
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now());
    expect(link.headers['cache-control']).toBe('no-store');
    const again = expectStatus(await owner.post(`${C}/${conn.id}/connect`, {}), 200);
    expect(again.connect_url).not.toBe(body.connect_url);
    expectError(await owner.get(`${C}/${conn.id}/token`), 409);
    expectError(await owner.post(`${C}/${conn.id}/connect`, { now: true }), 400, 'now');
  });

  it('connect is only for authorization-code connections; refresh of a static key answers it as it is', async () => {
    const conn = await create({ name: 'Static', kind: 'api_key', credentials: { api_key: API_KEY } });
    expectError(await owner.post(`${C}/${conn.id}/connect`), 400, 'kind');
    expect(expectStatus(await owner.post(`${C}/${conn.id}/refresh`), 200)).toMatchObject({ id: conn.id, status: 'connected' });
  });

  it.each([
    ['a name with punctuation', { name: 'Bad!', kind: 'api_key', credentials: { api_key: 'k' } }, 'name'],
    ['no name', { kind: 'api_key', credentials: { api_key: 'k' } }, 'name'],
    ['no kind', { name: 'No Kind' }, 'kind'],
    ['an unknown kind', { name: 'Odd Kind', kind: 'saml' }, 'kind'],
    ['a kind the provider does not offer', { name: 'Exchange', kind: 'api_key_exchange', credentials: { api_key: 'k', secret: 's' } }, 'kind'],
    ['a renewal rate below a minute', { name: 'Fast', kind: 'oauth2_authorization_code', renewal_rate: 30 }, 'renewal_rate'],
    ['a renewal rate word not offered', { name: 'Fast', kind: 'oauth2_authorization_code', renewal_rate: '5m' }, 'renewal_rate'],
    ['credentials for a kind that takes none', { name: 'Creds', kind: 'oauth2_authorization_code', credentials: { api_key: 'k' } }, 'credentials'],
    ['no credentials for an API key', { name: 'Keyless', kind: 'api_key' }, 'credentials'],
    ['a credential of another kind', { name: 'Mixed', kind: 'api_key', credentials: { api_key: 'k', password: PASSWORD } }, 'credentials'],
    ['an unknown credential field', { name: 'Unknown', kind: 'api_key', credentials: { api_key: 'k', token: 'x' } }, 'credentials.token'],
    ['availability application without a client', { name: 'App', kind: 'api_key', credentials: { api_key: 'k' }, availability: 'application' }, 'client_id'],
    [
      'a bound client that does not exist',
      { name: 'App', kind: 'api_key', credentials: { api_key: 'k' }, availability: 'application', client_id: 'nope' },
      'client_id',
    ],
    ['an availability outside the list', { name: 'App', kind: 'api_key', credentials: { api_key: 'k' }, availability: 'everyone' }, 'availability'],
    ['an unknown field', { name: 'Extra', kind: 'api_key', credentials: { api_key: 'k' }, colour: 'red' }, 'colour'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const res = await owner.post(C, { provider_client: custom, ...body });
    expectError(res, 400, field);
    expect(res.body).not.toContain(PASSWORD);
  });

  it('refuses a provider client that is missing, malformed or of another space', async () => {
    const body = { name: 'Orphan', kind: 'api_key', credentials: { api_key: 'k' } };
    expectError(await owner.post(C, body), 400, 'provider_client');
    expectError(await owner.post(C, { ...body, provider_client: '00000000-0000-4000-8000-000000000000' }), 400, 'provider_client');
    expectError(await owner.post(C, { ...body, provider_client: '-'.repeat(36) }), 400, 'provider_client');
    expectError(await owner.post(`/spaces/other/connections`, { ...body, provider_client: custom }), 400, 'provider_client');
  });

  it('an API-key exchange needs its key and secret (checked before the provider is called)', async () => {
    const res = await owner.post(C, { name: 'Redox One', kind: 'api_key_exchange', provider_client: redox, credentials: { api_key: 'k' } });
    expectError(res, 400, 'credentials');
    expect(res.body).not.toContain(EXCHANGE_SECRET);
  });

  it('binds an application-level connection to a client', async () => {
    const client = expectStatus(await owner.post('/spaces/default/clients', webApp('Bound App')), 201);
    const conn = await create({
      name: 'For App',
      kind: 'api_key',
      credentials: { api_key: API_KEY },
      availability: 'application',
      client_id: client.client_id,
    });
    expect(conn).toMatchObject({ availability: 'application', client_id: client.client_id });
    const global = expectStatus(await owner.patch(`${C}/${conn.id}`, { availability: 'global', client_id: null }), 200);
    expect(global).toMatchObject({ availability: 'global', client_id: null });
  });

  it('names are unique in the space, not case-sensitive (409 on create and on rename)', async () => {
    await create({ name: 'Unique Name', kind: 'api_key', credentials: { api_key: 'k' } });
    expectError(await owner.post(C, { provider_client: custom, name: 'unique name', kind: 'api_key', credentials: { api_key: 'k' } }), 409, 'name');
    const other = await create({ name: 'Another Name', kind: 'api_key', credentials: { api_key: 'k' } });
    expectError(await owner.patch(`${C}/${other.id}`, { name: 'UNIQUE NAME' }), 409, 'name');
  });

  it('PATCH changes what it names; kind is fixed; disabling stops tokens and links, enabling brings them back', async () => {
    const conn = await create({ name: 'Changing', kind: 'api_key', credentials: { api_key: API_KEY } });
    const patched = expectStatus(await owner.patch(`${C}/${conn.id}`, { description: 'now described', renewal_rate: 7200, config: {} }), 200);
    expect(patched).toMatchObject({ name: 'Changing', description: 'now described', renewal_rate: 7200, status: 'connected' });
    expectError(await owner.patch(`${C}/${conn.id}`, { kind: 'basic' }), 400, 'kind');
    const newKey = expectStatus(await owner.patch(`${C}/${conn.id}`, { credentials: { api_key: `${API_KEY}-2` } }), 200);
    expect(newKey.has_credentials).toBe(true);
    expect(expectStatus(await owner.get(`${C}/${conn.id}/token`), 200).access_token).toBe(`${API_KEY}-2`);

    expect(expectStatus(await owner.patch(`${C}/${conn.id}`, { disabled: true }), 200).status).toBe('disabled');
    expectError(await owner.get(`${C}/${conn.id}/token`), 409);
    expect(expectStatus(await owner.patch(`${C}/${conn.id}`, { disabled: false }), 200).status).toBe('connected');

    const person = await create({ name: 'Disabled Person', kind: 'oauth2_authorization_code', disabled: true });
    expect(person.status).toBe('disabled');
    expectError(await owner.post(`${C}/${person.id}/connect`), 409);
  });

  it('lists page by page, filtered by one status or several, and by provider client', async () => {
    const path = '/spaces/other/connections';
    expect(expectStatus(await owner.get(path), 200)).toEqual({ items: [], next_cursor: null });
    const pc = expectStatus(
      await owner.post('/spaces/other/provider-clients', {
        provider: 'custom',
        name: 'Other IdP',
        authorization_url: 'https://idp.example/a',
        token_url: 'https://idp.example/t',
      }),
      201,
    ).id;
    const mk = async (name: string, body: Record<string, unknown>) => expectStatus(await owner.post(path, { name, provider_client: pc, ...body }), 201);
    await mk('Alpha', { kind: 'api_key', credentials: { api_key: 'k' } });
    await mk('Beta', { kind: 'oauth2_authorization_code' });
    await mk('Gamma', { kind: 'basic', credentials: { username: 'u', password: 'p' }, disabled: true });

    const first = expectStatus(await owner.get(`${path}?limit=2`), 200);
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['Alpha', 'Beta']);
    const second = expectStatus(await owner.get(`${path}?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`), 200);
    expect(second).toMatchObject({ next_cursor: null });
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['Gamma']);

    const names = async (q: string) => expectStatus(await owner.get(`${path}?${q}`), 200).items.map((c: { name: string }) => c.name);
    expect(await names('status=pending')).toEqual(['Beta']);
    expect(await names('status=connected,disabled')).toEqual(['Alpha', 'Gamma']);
    expect(await names('status=needs_reauth')).toEqual([]);
    expect(await names(`provider_client=${pc}`)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await names(`provider_client=${custom}`)).toEqual([]);
    expectError(await owner.get(`${path}?status=bogus`), 400, 'status');
    expectError(await owner.get(`${path}?status=pending,`), 400, 'status');
    expectError(await owner.get(`${path}?provider_client=nope`), 400, 'provider_client');
    expectError(await owner.get(`${path}?limit=500`), 400, 'limit');
  });

  it('deletes; then every route of it answers 404, as do unknown, malformed and foreign ids', async () => {
    const conn = await create({ name: 'Doomed', kind: 'api_key', credentials: { api_key: API_KEY } });
    expectError(await owner.get(`/spaces/other/connections/${conn.id}`), 404);
    expectError(await owner.get(`/spaces/other/connections/${conn.id}/token`), 404);
    expectError(await owner.del(`/spaces/other/connections/${conn.id}`), 404);
    expect((await owner.del(`${C}/${conn.id}`)).statusCode).toBe(204);
    for (const id of [conn.id, '00000000-0000-4000-8000-000000000000', 'nope', '-'.repeat(36)]) {
      expectError(await owner.get(`${C}/${id}`), 404);
      expectError(await owner.patch(`${C}/${id}`, { description: 'x' }), 404);
      expectError(await owner.del(`${C}/${id}`), 404);
      expectError(await owner.get(`${C}/${id}/token`), 404);
      expectError(await owner.post(`${C}/${id}/connect`), 404);
      expectError(await owner.post(`${C}/${id}/refresh`), 404);
    }
    expectError(await owner.get(`/spaces/nowhere/connections`), 404);
  });

  it('roles: viewers read, client managers write, only admins see tokens and connect links', async () => {
    const viewer = api(t, (await t.adminWith([{ space: 'default', role: 'viewer' }])).token);
    const manager = api(t, (await t.adminWith([{ space: 'default', role: 'client-manager' }])).token);
    const admin = api(t, (await t.adminWith([{ space: 'default', role: 'admin' }])).token);
    const outsider = api(t, (await t.adminWith([{ space: 'other', role: 'owner' }])).token);

    const conn = expectStatus(await manager.post(C, { name: 'Managed', kind: 'api_key', provider_client: custom, credentials: { api_key: API_KEY } }), 201);
    const person = expectStatus(await manager.post(C, { name: 'Managed Person', kind: 'oauth2_authorization_code', provider_client: custom }), 201);
    expectStatus(await viewer.get(C), 200);
    expectStatus(await viewer.get(`${C}/${conn.id}`), 200);
    expectError(await viewer.post(C, { name: 'Viewer Made', kind: 'api_key', provider_client: custom, credentials: { api_key: 'k' } }), 403);
    expectError(await viewer.patch(`${C}/${conn.id}`, { description: 'x' }), 403);
    expectError(await viewer.post(`${C}/${conn.id}/refresh`), 403);
    expectError(await viewer.del(`${C}/${conn.id}`), 403);
    for (const who of [viewer, manager]) {
      const denied = await who.get(`${C}/${conn.id}/token`);
      expectError(denied, 403);
      expect(denied.body).not.toContain(API_KEY);
      expectError(await who.post(`${C}/${person.id}/connect`), 403);
    }
    expectError(await outsider.get(C), 403);
    expectError(await outsider.get(`${C}/${conn.id}/token`), 403);
    expectStatus(await manager.patch(`${C}/${conn.id}`, { description: 'by manager' }), 200);
    expectStatus(await manager.post(`${C}/${conn.id}/refresh`), 200);
    expect(expectStatus(await admin.get(`${C}/${conn.id}/token`), 200).access_token).toBe(API_KEY);
    expectStatus(await admin.post(`${C}/${person.id}/connect`), 200);
    expect((await manager.del(`${C}/${conn.id}`)).statusCode).toBe(204);
  });

  it('credentials appear only in token answers: never in another answer, nor in the audit log', async () => {
    const audit = expectStatus(await owner.get('/audit-log?limit=200'), 200);
    const text = JSON.stringify(audit);
    expect(text).toContain('connection.create');
    for (const secret of [API_KEY, PASSWORD, EXCHANGE_SECRET, 'local-secret']) expect(text).not.toContain(secret);
    const outsideTokens = seen.filter((s) => !s.includes('"access_token"'));
    expect(outsideTokens.length).toBeGreaterThan(40);
    for (const body of outsideTokens) for (const secret of [API_KEY, PASSWORD, 'local-secret']) expect(body).not.toContain(secret);
    const raw = await t.app.inject({ method: 'GET', url: `${API}${C}?limit=200`, headers: { authorization: `Bearer ${t.ownerToken}` } });
    expect(raw.body).not.toMatch(/"(credentials|access_token|refresh_token|client_secret)"/);
  });
});
