import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

const CLIENTS = '/spaces/default/clients';
const SECRET = /^[A-Za-z0-9_-]{43,}$/; // >= 256 bits, base64url
const EC_PUBLIC = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'k1' };
const native = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  client_type: 'public',
  redirect_uris: ['com.example.app:/cb'],
  ...extra,
});

describe.each(STORE_KINDS)('admin API: client registration (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let n = 0;
  const unique = (base: string) => `${base} ${++n}`;
  const create = (body: Record<string, unknown>) => a.post(CLIENTS, body);
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
  });
  afterAll(async () => t?.close());

  it('creates a confidential client with defaults and a secret shown once', async () => {
    const res = await create(webApp('Defaults'));
    const c = expectStatus(res, 201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(c).toMatchObject({
      space: 'default',
      name: 'Defaults',
      version: null,
      client_name: 'Defaults',
      description: '',
      client_type: 'confidential',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: ['https://app.example.com/cb'],
      token_endpoint_auth_method: 'client_secret_basic',
      // Without a scope, a client acting for users gets the space's standard scopes (RFC 7591 §2 default set).
      scope: 'address email phone profile',
      jwks: null,
      access_token_ttl: 'default',
      refresh_token_ttl: 'default',
      refresh_limit: null,
      access_token_format: 'jwt',
      contacts: [],
      active: true,
      deactivated_at: null,
      tokens_valid_after: null,
      has_webhook_secret: false,
      previous_secret_expires_at: null,
      client_secret_expires_at: 0,
    });
    expect(c.client_id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(c.client_secret).toMatch(SECRET);
    expect(Buffer.from(c.client_secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(Math.abs(c.client_id_issued_at - Date.now() / 1000)).toBeLessThan(60);

    const got = await a.get(`${CLIENTS}/${c.client_id}`);
    expect(got.body).not.toContain(c.client_secret);
    expect(got.json()).not.toHaveProperty('client_secret');
    const list = await a.get(`${CLIENTS}?limit=200`);
    expect(list.body).not.toContain(c.client_secret);
  });

  it('gives two clients different ids and secrets', async () => {
    const x = expectStatus(await create(webApp(unique('Twin'))), 201);
    const y = expectStatus(await create(webApp(unique('Twin'))), 201);
    expect(x.client_id).not.toBe(y.client_id);
    expect(x.client_secret).not.toBe(y.client_secret);
  });

  describe('redirect URIs', () => {
    it.each([
      'https://app.example.com/cb',
      'https://app.example.com:8443/cb?x=1',
      'http://127.0.0.1/cb',
      'http://127.0.0.1:51234/cb',
      'http://[::1]:8080/cb',
      'http://localhost/cb',
      'http://localhost:3000/callback',
    ])('accepts %s', async (uri) => {
      expectStatus(await create({ name: unique('Redirect ok'), redirect_uris: [uri] }), 201);
    });

    it.each([
      ['http on a public host', 'http://app.example.com/cb'],
      ['a fragment', 'https://app.example.com/cb#frag'],
      ['an empty fragment', 'https://app.example.com/cb#'],
      ['a wildcard host', 'https://*.example.com/cb'],
      ['a wildcard path', 'https://app.example.com/*'],
      ['a relative URI', '/cb'],
      ['user credentials', 'https://user:pw@app.example.com/cb'],
      ['javascript:', 'javascript:alert(1)'],
      ['data:', 'data:text/html,hi'],
      ['a private-use scheme on a confidential client', 'com.example.app:/cb'],
      ['white space', 'https://app.example.com/c b'],
    ])('refuses %s', async (_what, uri) => {
      expectError(await create({ name: unique('Redirect bad'), redirect_uris: [uri] }), 400, 'redirect_uris');
    });

    it('accepts a private-use (reverse-domain) scheme for a public client only', async () => {
      const c = expectStatus(await create(native(unique('Native'))), 201);
      expect(c.redirect_uris).toEqual(['com.example.app:/cb']);
      expectError(await create(native(unique('Native'), { redirect_uris: ['myapp:/cb'] })), 400, 'redirect_uris');
      expectError(await create(native(unique('Native'), { redirect_uris: ['com.example.app:/cb#x'] })), 400, 'redirect_uris');
    });

    it('needs at least one redirect URI for authorization_code and implicit, not for client_credentials', async () => {
      expectError(await create({ name: unique('No redirect') }), 400, 'redirect_uris');
      expectError(await create({ name: unique('No redirect'), redirect_uris: [] }), 400, 'redirect_uris');
      expectError(await create({ name: unique('No redirect'), client_type: 'public', grant_types: ['implicit'] }), 400, 'redirect_uris');
      const m2m = expectStatus(await create({ name: unique('Machine'), grant_types: ['client_credentials'] }), 201);
      expect(m2m.redirect_uris).toEqual([]);
      expect(m2m.response_types).toEqual([]);
      expect(m2m.client_secret).toMatch(SECRET);
    });

    it('refuses the same URI twice', async () => {
      expectError(await create({ name: unique('Dup'), redirect_uris: ['https://a.example/cb', 'https://a.example/cb'] }), 400, 'redirect_uris');
    });
  });

  describe('client types and grants', () => {
    it('public clients get auth method none and no secret', async () => {
      const c = expectStatus(await create(native(unique('Public'), { grant_types: ['authorization_code', 'refresh_token'] })), 201);
      expect(c.token_endpoint_auth_method).toBe('none');
      expect(c).not.toHaveProperty('client_secret');
      expectError(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, {}), 400);
    });

    it.each(['client_credentials', 'password'])('public clients cannot use %s', async (grant) => {
      expectError(await create(native(unique('Public'), { grant_types: ['authorization_code', grant] })), 400, 'grant_types');
    });

    it('implicit is for public clients only', async () => {
      const c = expectStatus(await create(native(unique('Implicit'), { grant_types: ['implicit'], redirect_uris: ['https://spa.example.com/cb'] })), 201);
      expect(c.response_types).toEqual(expect.arrayContaining(['token']));
      expectError(await create(webApp(unique('Implicit conf'), { grant_types: ['implicit'] })), 400, 'grant_types');
    });

    it('a public client cannot authenticate with a secret; a confidential one must authenticate', async () => {
      expectError(await create(native(unique('P'), { token_endpoint_auth_method: 'client_secret_basic' })), 400, 'token_endpoint_auth_method');
      expectError(await create(webApp(unique('C'), { token_endpoint_auth_method: 'none' })), 400, 'token_endpoint_auth_method');
    });

    it('refuses unknown grant types and an empty list; refresh_token needs a grant that issues one', async () => {
      expectError(await create(webApp(unique('G'), { grant_types: ['magic'] })), 400, 'grant_types[0]');
      expectError(await create(webApp(unique('G'), { grant_types: [] })), 400, 'grant_types');
      expectError(await create({ name: unique('G'), grant_types: ['client_credentials', 'refresh_token'] }), 400, 'grant_types');
    });

    it('accepts the seed 000 portal: authorization_code + password with a secret', async () => {
      const c = expectStatus(await create(webApp(unique('Intrexx Portal'), { grant_types: ['authorization_code', 'refresh_token', 'password'] })), 201);
      expect(c.grant_types).toEqual(['authorization_code', 'refresh_token', 'password']);
      expect(c.client_secret).toMatch(SECRET);
    });

    it('response_types must match the grants', async () => {
      expectError(await create(webApp(unique('RT'), { response_types: ['token'] })), 400, 'response_types');
      expectError(await create({ name: unique('RT'), grant_types: ['client_credentials'], response_types: ['code'] }), 400, 'response_types');
      expectError(await create(webApp(unique('RT'), { response_types: ['bogus'] })), 400, 'response_types[0]');
      expect(expectStatus(await create(webApp(unique('RT'), { response_types: ['code'] })), 201).response_types).toEqual(['code']);
    });

    it('client_secret_post gets a secret too', async () => {
      const c = expectStatus(await create(webApp(unique('Post'), { token_endpoint_auth_method: 'client_secret_post' })), 201);
      expect(c.client_secret).toMatch(SECRET);
    });
  });

  describe('private_key_jwt', () => {
    it('needs jwks or jwks_uri and gets no secret', async () => {
      expectError(await create(webApp(unique('PKJ'), { token_endpoint_auth_method: 'private_key_jwt' })), 400, 'jwks');
      const withKeys = expectStatus(await create(webApp(unique('PKJ'), { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [EC_PUBLIC] } })), 201);
      expect(withKeys).not.toHaveProperty('client_secret');
      expect(withKeys.jwks).toEqual({ keys: [EC_PUBLIC] });
      const withUri = expectStatus(
        await create(webApp(unique('PKJ'), { token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://app.example.com/jwks.json' })),
        201,
      );
      expect(withUri).not.toHaveProperty('client_secret');
      expect(withUri.jwks_uri).toBe('https://app.example.com/jwks.json');
      expectError(await a.post(`${CLIENTS}/${withUri.client_id}/rotate-secret`, {}), 400);
    });

    it.each(['d', 'p', 'q', 'dp', 'dq', 'qi'])('refuses a jwks with the private member %s', async (member) => {
      const key = { ...EC_PUBLIC, [member]: 'AAAA' };
      expectError(await create(webApp(unique('Priv'), { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [key] } })), 400, 'jwks');
    });

    it('refuses symmetric keys, keys without kty, both jwks and jwks_uri, and an http jwks_uri', async () => {
      const pkj = (extra: Record<string, unknown>) => create(webApp(unique('K'), { token_endpoint_auth_method: 'private_key_jwt', ...extra }));
      expectError(await pkj({ jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }), 400, 'jwks');
      expectError(await pkj({ jwks: { keys: [{ x: '1' }] } }), 400, 'jwks');
      expectError(await pkj({ jwks: { keys: [] } }), 400, 'jwks');
      expectError(await pkj({ jwks: { keys: [EC_PUBLIC] }, jwks_uri: 'https://a.example/jwks' }), 400, 'jwks');
      expectError(await pkj({ jwks_uri: 'http://a.example/jwks' }), 400, 'jwks_uri');
    });
  });

  describe('token settings', () => {
    it('access_token_ttl: seconds, null for never, "default" for the space value', async () => {
      const refreshing = { grant_types: ['authorization_code', 'refresh_token'] };
      const secs = expectStatus(await create(webApp(unique('TTL'), { ...refreshing, access_token_ttl: 3600, refresh_token_ttl: 7776000 })), 201);
      expect(secs).toMatchObject({ access_token_ttl: 3600, refresh_token_ttl: 7776000 });
      const never = expectStatus(await create(webApp(unique('TTL'), { ...refreshing, access_token_ttl: null, refresh_token_ttl: null })), 201);
      expect(never).toMatchObject({ access_token_ttl: null, refresh_token_ttl: null });
      const def = expectStatus(await create(webApp(unique('TTL'), { access_token_ttl: 'default' })), 201);
      expect(def.access_token_ttl).toBe('default');
      const got = expectStatus(await a.get(`${CLIENTS}/${never.client_id}`), 200);
      expect(got.access_token_ttl).toBeNull();
    });

    it.each([0, -1, 10 * 365 * 86400 + 1])('refuses access_token_ttl %d', async (v) => {
      expectError(await create(webApp(unique('TTL bad'), { access_token_ttl: v })), 400, 'access_token_ttl');
    });

    it('refuses non-integer and string lifetimes', async () => {
      expectError(await create(webApp(unique('TTL bad'), { access_token_ttl: 1.5 })), 400, 'access_token_ttl');
      expectError(await create(webApp(unique('TTL bad'), { access_token_ttl: '3600' })), 400, 'access_token_ttl');
    });

    it('refresh_limit: null unlimited, N, 0 = no refresh token; negative refused', async () => {
      const base = { grant_types: ['authorization_code', 'refresh_token'] };
      expect(expectStatus(await create(webApp(unique('RL'), { ...base, refresh_limit: null })), 201).refresh_limit).toBeNull();
      expect(expectStatus(await create(webApp(unique('RL'), { ...base, refresh_limit: 5 })), 201).refresh_limit).toBe(5);
      expect(expectStatus(await create(webApp(unique('RL'), { ...base, refresh_limit: 0 })), 201).refresh_limit).toBe(0);
      expectError(await create(webApp(unique('RL'), { ...base, refresh_limit: -1 })), 400, 'refresh_limit');
    });

    it('refuses refresh settings on a client that is never given refresh tokens, naming the field', async () => {
      for (const grant_types of [['authorization_code'], ['client_credentials'], ['password']]) {
        const base = grant_types[0] === 'authorization_code' ? {} : { redirect_uris: [] };
        const ttl = expectError(await create(webApp(unique('NoRT'), { ...base, grant_types, refresh_token_ttl: 3600 })), 400, 'refresh_token_ttl');
        expect(ttl.message).toMatch(/refresh_token_ttl cannot apply.*refresh_token.*grant_types/);
        expectError(await create(webApp(unique('NoRT'), { ...base, grant_types, refresh_token_ttl: null })), 400, 'refresh_token_ttl');
        expect(expectError(await create(webApp(unique('NoRT'), { ...base, grant_types, refresh_limit: 5 })), 400, 'refresh_limit').message).toMatch(
          /refresh_limit cannot apply/,
        );
        // "default" (the space's lifetime), unlimited and 0 (no refresh tokens) contradict nothing.
        expectStatus(await create(webApp(unique('NoRT'), { ...base, grant_types, refresh_token_ttl: 'default', refresh_limit: null })), 201);
        expectStatus(await create(webApp(unique('NoRT'), { ...base, grant_types, refresh_limit: 0 })), 201);
      }
      // Taking refresh_token away from a client with a refresh lifetime is refused too, until the lifetime goes.
      const c = expectStatus(
        await create(webApp(unique('Drop RT'), { grant_types: ['authorization_code', 'refresh_token'], refresh_token_ttl: 600, refresh_limit: 3 })),
        201,
      );
      expectError(await a.patch(`${CLIENTS}/${c.client_id}`, { grant_types: ['authorization_code'] }), 400, 'refresh_token_ttl');
      expectError(await a.patch(`${CLIENTS}/${c.client_id}`, { grant_types: ['authorization_code'], refresh_token_ttl: 'default' }), 400, 'refresh_limit');
      const dropped = expectStatus(
        await a.patch(`${CLIENTS}/${c.client_id}`, { grant_types: ['authorization_code'], refresh_token_ttl: 'default', refresh_limit: null }),
        200,
      );
      expect(dropped).toMatchObject({ grant_types: ['authorization_code'], refresh_token_ttl: 'default', refresh_limit: null });
    });

    it('access_token_format is jwt or opaque', async () => {
      expect(expectStatus(await create(webApp(unique('Fmt'), { access_token_format: 'opaque' })), 201).access_token_format).toBe('opaque');
      expect(expectStatus(await create(webApp(unique('Fmt'), { access_token_format: 'jwt' })), 201).access_token_format).toBe('jwt');
      expectError(await create(webApp(unique('Fmt'), { access_token_format: 'paseto' })), 400, 'access_token_format');
    });
  });

  describe('metadata', () => {
    it('keeps RFC 7591 metadata and contacts', async () => {
      const body = webApp(unique('Meta'), {
        version: '2.1',
        client_name: 'Meta App',
        description: 'line one\nline two',
        logo_uri: 'https://app.example.com/logo.png',
        client_uri: 'https://app.example.com',
        policy_uri: 'https://app.example.com/privacy',
        tos_uri: 'https://app.example.com/tos',
        post_logout_redirect_uris: ['https://app.example.com/bye'],
        contacts: ['ops@example.com', 'dev@example.org'],
      });
      const c = expectStatus(await create(body), 201);
      const { name: _n, ...rest } = body;
      expect(c).toMatchObject(rest);
      expect(expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200)).toMatchObject(rest);
    });

    it.each(['not-an-email', 'a@b', '@example.com', 'two words@example.com'])('refuses the contact %j', async (contact) => {
      expectError(await create(webApp(unique('Contact'), { contacts: [contact] })), 400, 'contacts');
    });

    it('refuses http and non-URL page links', async () => {
      expectError(await create(webApp(unique('Logo'), { logo_uri: 'http://app.example.com/logo.png' })), 400, 'logo_uri');
      expectError(await create(webApp(unique('Logo'), { policy_uri: 'not a url' })), 400, 'policy_uri');
      expectError(await create(webApp(unique('Logo'), { tos_uri: 'javascript:alert(1)' })), 400, 'tos_uri');
    });

    it('refuses an empty name and control characters in names', async () => {
      expectError(await create(webApp('')), 400, 'name');
      expectError(await create(webApp('   ')), 400, 'name');
      expectError(await create(webApp('bad\u0000name')), 400, 'name');
      expectError(await create({ redirect_uris: ['https://a.example/cb'] }), 400, 'name');
    });
  });

  describe('updates', () => {
    it('changing public to confidential returns a new client_secret once', async () => {
      const pub = expectStatus(await create(native(unique('Switch'), { redirect_uris: ['https://switch.example.com/cb'] })), 201);
      expect(pub).not.toHaveProperty('client_secret');
      const res = await a.patch(`${CLIENTS}/${pub.client_id}`, { client_type: 'confidential' });
      const conf = expectStatus(res, 200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(conf.client_type).toBe('confidential');
      expect(conf.token_endpoint_auth_method).toBe('client_secret_basic');
      expect(conf.client_secret).toMatch(SECRET);
      // An unrelated change afterwards does not hand out a secret again.
      const again = expectStatus(await a.patch(`${CLIENTS}/${pub.client_id}`, { description: 'x' }), 200);
      expect(again).not.toHaveProperty('client_secret');
      expect((await a.get(`${CLIENTS}/${pub.client_id}`)).body).not.toContain(conf.client_secret);
    });

    it('keeps cross-field rules on update', async () => {
      const c = expectStatus(await create(webApp(unique('Rules'), { grant_types: ['authorization_code', 'password'] })), 201);
      // Going public with the password grant still set is refused, and nothing changes.
      expectError(await a.patch(`${CLIENTS}/${c.client_id}`, { client_type: 'public' }), 400, 'grant_types');
      expectError(await a.patch(`${CLIENTS}/${c.client_id}`, { redirect_uris: [] }), 400, 'redirect_uris');
      const got = expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200);
      expect(got).toMatchObject({ client_type: 'confidential', redirect_uris: ['https://app.example.com/cb'] });
    });

    it('updates fields and answers 404 for an unknown client', async () => {
      const c = expectStatus(await create(webApp(unique('Upd'))), 201);
      const u = expectStatus(
        await a.patch(`${CLIENTS}/${c.client_id}`, { client_name: 'New display', access_token_ttl: 60, contacts: ['x@example.com'] }),
        200,
      );
      expect(u).toMatchObject({ client_name: 'New display', access_token_ttl: 60, contacts: ['x@example.com'] });
      expect(u).not.toHaveProperty('client_secret');
      expectError(await a.patch(`${CLIENTS}/does-not-exist`, { description: 'x' }), 404);
      expectError(await a.get(`${CLIENTS}/does-not-exist`), 404);
      expectError(await a.del(`${CLIENTS}/does-not-exist`), 404);
    });
  });

  describe('listing', () => {
    beforeAll(async () => {
      expectStatus(await a.post('/spaces', { slug: 'listing' }), 201);
      for (const name of ['Alpha Reports', 'alpha sync', 'Beta', 'Gamma_1', 'Gamma%2']) {
        expectStatus(await a.post('/spaces/listing/clients', webApp(name)), 201);
      }
    });
    const names = async (query: string) =>
      expectStatus(await a.get(`/spaces/listing/clients${query}`), 200).items.map((c: { name: string }) => c.name) as string[];

    it('filters by name, case-insensitively, as a substring (wildcards are literal)', async () => {
      expect(await names('?name=ALPHA')).toEqual(['Alpha Reports', 'alpha sync']);
      expect(await names('?name=eta')).toEqual(['Beta']);
      expect(await names('?name=_')).toEqual(['Gamma_1']);
      expect(await names('?name=%25')).toEqual(['Gamma%2']);
      expect(await names('?name=zzz')).toEqual([]);
    });

    it('filters by active', async () => {
      const all = expectStatus(await a.get('/spaces/listing/clients'), 200).items;
      const beta = all.find((c: { name: string }) => c.name === 'Beta');
      expectStatus(await a.patch(`/spaces/listing/clients/${beta.client_id}`, { active: false }), 200);
      expect(await names('?active=false')).toEqual(['Beta']);
      expect(await names('?active=true')).not.toContain('Beta');
      expect(await names('?active=true&name=alpha')).toHaveLength(2);
      expectError(await a.get('/spaces/listing/clients?active=yes'), 400, 'active');
    });

    it('filters by grant type (clients whose grant_types include it), with the other filters', async () => {
      const machine = expectStatus(await a.post('/spaces/listing/clients', { name: 'Machine', grant_types: ['client_credentials'], redirect_uris: [] }), 201);
      expect(await names('?grant_type=client_credentials')).toEqual(['Machine']);
      expect(await names('?grant_type=authorization_code')).not.toContain('Machine');
      expect(await names('?grant_type=authorization_code&name=alpha')).toEqual(['Alpha Reports', 'alpha sync']);
      expect(await names('?grant_type=password')).toEqual([]);
      expectError(await a.get('/spaces/listing/clients?grant_type=magic'), 400, 'grant_type');
      expectStatus(await a.del(`/spaces/listing/clients/${machine.client_id}`), 204);
    });

    it('pages by 2 and sees all 5 clients once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { name: string }[]; next_cursor: string | null } = expectStatus(
          await a.get(`/spaces/listing/clients?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
          200,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.name));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen.sort()).toEqual(['Alpha Reports', 'Beta', 'Gamma%2', 'Gamma_1', 'alpha sync'].sort());
    });

    it('refuses cursors it did not issue', async () => {
      const forged = Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
      expectError(await a.get(`/spaces/listing/clients?cursor=${forged}`), 400, 'cursor');
      const farAway = Buffer.from(JSON.stringify(['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      expectError(await a.get(`/spaces/listing/clients?cursor=${farAway}`), 400, 'cursor');
      expectError(await a.get('/spaces/listing/clients?cursor=%%%'), 400);
      expectError(await a.get('/spaces/listing/clients?cursor=bm90IGpzb24'), 400, 'cursor');
    });
  });
});
