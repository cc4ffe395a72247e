import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { API, api, expectClean, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

type Body = Record<string, unknown>;
/** A POST/PATCH/PUT route; `base` holds its required fields, so a check meets the fault it is about first. */
type Route = { method: 'POST' | 'PATCH' | 'PUT'; path: string; base?: Body; wrongType: Body; overlong: Body };

describe.each(STORE_KINDS)('admin API: bad input (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let clientId: string;
  let adminId: string;
  let routes: Route[];
  const long = (n: number) => 'x'.repeat(n);
  const raw = (method: string, path: string, payload: string, contentType = 'application/json') =>
    t.app.inject({ method: method as 'POST', url: API + path, payload, headers: { authorization: `Bearer ${t.ownerToken}`, 'content-type': contentType } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
    expectStatus(await a.post('/spaces/default/scopes', { name: 'base' }), 201);
    clientId = expectStatus(await a.post('/spaces/default/clients', webApp('Target')), 201).client_id;
    adminId = expectStatus(await a.post('/admins', { email: 'target@example.com', roles: [{ space: 'default', role: 'viewer' }] }), 201).id;
    const C = `/spaces/default/clients/${clientId}`;
    routes = [
      { method: 'POST', path: '/spaces', wrongType: { slug: 5 }, overlong: { slug: long(101) } },
      { method: 'PATCH', path: '/spaces/default', wrongType: { access_token_ttl: '3600' }, overlong: { display_name: long(501) } },
      { method: 'POST', path: '/spaces/default/scopes', wrongType: { default: 'yes' }, overlong: { name: long(201) } },
      { method: 'PATCH', path: '/spaces/default/scopes/base', wrongType: { description: 5 }, overlong: { description: long(2001) } },
      { method: 'POST', path: '/spaces/default/clients', wrongType: { redirect_uris: 'https://a.example/cb' }, overlong: { name: long(501) } },
      { method: 'PATCH', path: C, wrongType: { active: 'false' }, overlong: { description: long(5001) } },
      { method: 'POST', path: `${C}/rotate-secret`, wrongType: { grace_period: 1.5 }, overlong: { grace_period: 10 ** 12 } },
      { method: 'POST', path: `${C}/scopes`, wrongType: { scopes: 'base' }, overlong: { scopes: [long(201)] } },
      { method: 'POST', path: '/admins', wrongType: { email: ['a@example.com'] }, overlong: { email: `${long(320)}@example.com` } },
      { method: 'PATCH', path: `/admins/${adminId}`, wrongType: { disabled: 'yes' }, overlong: { password: long(1025) } },
      { method: 'PUT', path: `/admins/${adminId}/roles/default`, base: { role: 'viewer' }, wrongType: { role: 1 }, overlong: { role: long(1000) } },
      { method: 'POST', path: '/admins/me/tokens', wrongType: { expires_in: 'soon' }, overlong: { name: long(201) } },
    ];
  });
  afterAll(async () => t?.close());

  const each = async (check: (r: Route) => Promise<void>) => {
    expect(routes.length).toBe(12);
    for (const r of routes) await check(r);
  };

  it('malformed JSON: 400 with a JSON error body', async () => {
    const withoutSchema = { method: 'POST', path: `/spaces/default/clients/${clientId}/webhook-secret` } as Route;
    for (const r of [...routes, withoutSchema]) {
      for (const body of ['{"name": ', '{name: 1}', "{'a':1}", '{"a":1}}', '\u0000']) {
        const res = await raw(r.method, r.path, body);
        expectClean(res);
        expectError(res, 400);
      }
    }
  });

  it('an empty JSON body, a body that is not an object, or a __proto__ key: 400', () =>
    each(async (r) => {
      for (const body of ['', '[]', '"text"', '42', 'null', 'true', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {"x": 1}}}']) {
        const res = await raw(r.method, r.path, body);
        expectClean(res);
        expectError(res, 400);
      }
    }));

  it('a body that is not JSON: 415 for unknown media types, 400 for text', () =>
    each(async (r) => {
      for (const type of ['application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream']) {
        const res = await raw(r.method, r.path, 'name=x', type);
        expectClean(res);
        expect([400, 415], `${r.method} ${r.path} ${type}`).toContain(res.statusCode);
        expectError(res, res.statusCode);
      }
      const xml = await raw(r.method, r.path, '<name/>', 'application/xml');
      expectError(xml, 415);
      const text = await raw(r.method, r.path, 'name=x', 'text/plain');
      expectClean(text);
      expectError(text, 400);
    }));

  it('unknown fields: 400 naming the field', () =>
    each(async (r) => {
      const res = await a.call(r.method, r.path, { ...r.base, bogus_field: 1 });
      const err = expectError(res, 400, 'bogus_field');
      expect(err.message).toContain('bogus_field');
    }));

  it('wrong types: 400 naming the field', () =>
    each(async (r) => {
      const field = Object.keys(r.wrongType)[0]!;
      const err = expectError(await a.call(r.method, r.path, { ...r.base, ...r.wrongType }), 400);
      expect(err.field, `${r.method} ${r.path}`).toBe(field);
    }));

  it('overlong values: 400', () =>
    each(async (r) => {
      const field = Object.keys(r.overlong)[0]!;
      const err = expectError(await a.call(r.method, r.path, { ...r.base, ...r.overlong }), 400);
      expect(err.field?.startsWith(field), `${r.method} ${r.path}: ${err.field}`).toBe(true);
    }));

  it('a huge body: 413', () =>
    each(async (r) => {
      const res = await raw(r.method, r.path, JSON.stringify({ description: long(300 * 1024) }));
      expectClean(res);
      expectError(res, 413);
    }));

  it('NUL characters anywhere: 400, never a database error', async () => {
    const C = `/spaces/default/clients/${clientId}`;
    const cases: [string, string, unknown, string][] = [
      ['POST', '/spaces', { slug: 'nul', display_name: 'a\u0000b' }, 'display_name'],
      ['POST', '/spaces/default/scopes', { name: 'nul', description: 'a\u0000b' }, 'description'],
      ['POST', '/spaces/default/clients', webApp('Nul', { description: 'a\u0000b' }), 'description'],
      ['POST', '/spaces/default/clients', webApp('Nul', { contacts: ['a\u0000b@example.com'] }), 'contacts[0]'],
      ['POST', '/spaces/default/clients', webApp('Nul', { redirect_uris: ['https://a.example/c\u0000b'] }), 'redirect_uris[0]'],
      ['POST', '/spaces/default/clients', webApp('Nul', { version: 'v\u00001' }), 'version'],
      [
        'POST',
        '/spaces/default/clients',
        webApp('Nul', { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'EC', kid: 'a\u0000b' }] } }),
        'jwks.keys[0].kid',
      ],
      ['PATCH', C, { description: 'a\u0000b' }, 'description'],
      ['POST', '/admins', { email: 'a\u0000b@example.com' }, 'email'],
      ['POST', '/admins/me/tokens', { name: 'a\u0000b' }, 'name'],
      ['GET', '/spaces/default/clients?name=a%00b', undefined, 'name'],
      ['GET', '/spaces/default/scopes?name=a%00b', undefined, 'name'],
      ['GET', '/spaces/default%00', undefined, 'space'],
      ['GET', '/spaces/default/clients/a%00b', undefined, 'client_id'],
      ['GET', '/spaces/default/scopes/a%00b', undefined, 'name'],
      ['GET', '/audit-log?action=a%00b', undefined, 'action'],
    ];
    for (const [method, path, body, field] of cases) {
      const err = expectError(await a.call(method as 'POST', path, body), 400, field);
      expect(err.message).toContain('NUL');
    }
  });

  it('deeply nested JSON in jwks: 400, not a stack overflow', async () => {
    const n = 50_000;
    const body = JSON.stringify(webApp('Deep', { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'EC', ext: 'DEEP' }] } }));
    const res = await raw('POST', '/spaces/default/clients', body.replace('"DEEP"', `${'['.repeat(n)}"x"${']'.repeat(n)}`));
    expectClean(res);
    expectError(res, 400, 'jwks.keys[0].ext');
  });

  it('invalid limits, cursors and query fields: 400', async () => {
    for (const path of ['/spaces', '/spaces/default/clients', '/spaces/default/scopes']) {
      expectError(await a.get(`${path}?cursor=not-a-cursor`), 400, 'cursor');
      expectError(await a.get(`${path}?cursor=${long(501)}`), 400, 'cursor');
      expectError(await a.get(`${path}?limit=-1`), 400, 'limit');
      expectError(await a.get(`${path}?limit=1000`), 400, 'limit');
      expectError(await a.get(`${path}?unknown=1`), 400, 'unknown');
    }
    expectError(await a.get('/audit-log?cursor=-5'), 400, 'cursor');
  });

  it('unknown space (for a global owner): 404 on every space route', async () => {
    const S = '/spaces/no-such-space';
    for (const [method, path, body] of [
      ['GET', S, undefined],
      ['PATCH', S, { display_name: 'x' }],
      ['DELETE', S, undefined],
      ['GET', `${S}/clients`, undefined],
      ['POST', `${S}/clients`, webApp('x')],
      ['GET', `${S}/clients/${clientId}`, undefined],
      ['PATCH', `${S}/clients/${clientId}`, { description: 'x' }],
      ['POST', `${S}/clients/${clientId}/rotate-secret`, {}],
      ['POST', `${S}/clients/${clientId}/scopes`, { scopes: [] }],
      ['GET', `${S}/scopes`, undefined],
      ['POST', `${S}/scopes`, { name: 'x' }],
      ['PATCH', `${S}/scopes/base`, { description: 'x' }],
    ] as const) {
      expectError(await a.call(method, path, body), 404);
    }
  });

  it('overlong or malformed path segments: 400 (414 past the router limit), in the same JSON shape', async () => {
    expectError(await a.get(`/spaces/${long(101)}`), 400, 'space');
    expectError(await a.get(`/spaces/default/clients/${long(201)}`), 400, 'client_id');
    expectError(await a.get(`/spaces/default/clients/${long(150)}`), 404);
    expectError(await a.get(`/spaces/default/clients/${long(600)}`), 414);
    expectError(await a.get('/spaces/%zz'), 400);
  });

  it('unknown client: 404 on every client route', async () => {
    const C = '/spaces/default/clients/unknown-client';
    for (const [method, path, body] of [
      ['GET', C, undefined],
      ['PATCH', C, { description: 'x' }],
      ['DELETE', C, undefined],
      ['POST', `${C}/rotate-secret`, {}],
      ['POST', `${C}/webhook-secret`, undefined],
      ['GET', `${C}/scopes`, undefined],
      ['POST', `${C}/scopes`, { scopes: ['base'] }],
      ['DELETE', `${C}/scopes/base`, undefined],
    ] as const) {
      expectError(await a.call(method, path, body), 404);
    }
  });

  it('unknown routes: 404 JSON', async () => {
    expectError(await a.get('/nothing-here'), 404);
    expectError(await a.call('PUT', '/spaces', {}), 404);
  });

  describe('name + version uniqueness', () => {
    const C = '/spaces/default/clients';
    it('duplicate name+version: 409, also in a different case', async () => {
      expectStatus(await a.post(C, webApp('App')), 201);
      expectError(await a.post(C, webApp('App')), 409, 'name');
      expectError(await a.post(C, webApp('app')), 409, 'name');
      expectError(await a.post(C, webApp('  APP  ')), 409, 'name');
      expectError(await a.post(C, webApp('app', { version: '' })), 409, 'name');
      expectStatus(await a.post(C, webApp('App', { version: '1.0' })), 201);
      expectError(await a.post(C, webApp('APP', { version: '1.0' })), 409, 'name');
    });

    it('concurrent creates of one name: one 201, the rest 409', async () => {
      const results = await Promise.all(['Race', 'race', 'RACE', 'Race', 'rAce'].map((name) => a.post(C, webApp(name))));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'name');
      const listed = expectStatus(await a.get(`${C}?name=race`), 200).items;
      expect(listed).toHaveLength(1);
    });

    it('same name with a different version: 201', async () => {
      expectStatus(await a.post(C, webApp('Versioned', { version: '1' })), 201);
      const v2 = expectStatus(await a.post(C, webApp('versioned', { version: '2' })), 201);
      expect(v2).toMatchObject({ name: 'versioned', version: '2' });
      expectStatus(await a.post(C, webApp('Versioned')), 201);
    });

    it('a version change that collides: 409, and nothing changes', async () => {
      expectStatus(await a.post(C, webApp('Clash', { version: 'a' })), 201);
      const b = expectStatus(await a.post(C, webApp('Clash', { version: 'b' })), 201);
      expectError(await a.patch(`${C}/${b.client_id}`, { version: 'a', description: 'changed' }), 409, 'name');
      expectStatus(await a.patch(`${C}/${b.client_id}`, { version: 'c' }), 200);
      expect(expectStatus(await a.get(`${C}/${b.client_id}`), 200)).toMatchObject({ version: 'c', description: '' });
    });

    it('the name cannot be changed on PATCH: 400; the same name is accepted', async () => {
      const c = expectStatus(await a.post(C, webApp('Fixed Name')), 201);
      expectError(await a.patch(`${C}/${c.client_id}`, { name: 'Other Name' }), 400, 'name');
      expectError(await a.patch(`${C}/${c.client_id}`, { name: '' }), 400, 'name');
      expectStatus(await a.patch(`${C}/${c.client_id}`, { name: 'Fixed Name', description: 'same name is fine' }), 200);
      expect(expectStatus(await a.get(`${C}/${c.client_id}`), 200).name).toBe('Fixed Name');
    });
  });
});
