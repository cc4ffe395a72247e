import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { API } from './support.js';

pgNotice();

// Every operation of the admin API (DESIGN: "described by an OpenAPI 3.1 document").
const OPERATIONS = [
  'get /spaces',
  'post /spaces',
  'get /spaces/{space}',
  'patch /spaces/{space}',
  'delete /spaces/{space}',
  'get /spaces/{space}/scopes',
  'post /spaces/{space}/scopes',
  'get /spaces/{space}/scopes/{name}',
  'get /spaces/{space}/scopes/{name}/usage',
  'patch /spaces/{space}/scopes/{name}',
  'delete /spaces/{space}/scopes/{name}',
  'get /spaces/{space}/clients',
  'post /spaces/{space}/clients',
  'get /spaces/{space}/clients/{client_id}',
  'patch /spaces/{space}/clients/{client_id}',
  'delete /spaces/{space}/clients/{client_id}',
  'post /sign-in',
  'post /console/session',
  'get /console/session',
  'delete /console/session',
  'post /spaces/{space}/clients/{client_id}/rotate-secret',
  'post /spaces/{space}/clients/{client_id}/webhook-secret',
  'get /spaces/{space}/clients/{client_id}/scopes',
  'post /spaces/{space}/clients/{client_id}/scopes',
  'delete /spaces/{space}/clients/{client_id}/scopes/{name}',
  'get /admins',
  'post /admins',
  'get /admins/{admin_id}',
  'patch /admins/{admin_id}',
  'delete /admins/{admin_id}',
  'put /admins/{admin_id}/roles/{space}',
  'delete /admins/{admin_id}/roles/{space}',
  'get /admins/{admin_id}/tokens',
  'post /admins/{admin_id}/tokens',
  'delete /admins/{admin_id}/tokens/{token_id}',
  'get /audit-log',
  'get /spaces/{space}/users',
  'post /spaces/{space}/users',
  'get /spaces/{space}/users/{user_id}',
  'patch /spaces/{space}/users/{user_id}',
  'delete /spaces/{space}/users/{user_id}',
  'get /spaces/{space}/tokens',
  'get /spaces/{space}/tokens/count',
  'delete /spaces/{space}/tokens/{id}',
  'post /spaces/{space}/tokens/revoke',
  'get /spaces/{space}/consents',
  'delete /spaces/{space}/consents/{id}',
  'get /spaces/{space}/initial-access-tokens',
  'post /spaces/{space}/initial-access-tokens',
  'delete /spaces/{space}/initial-access-tokens/{id}',
  'get /spaces/{space}/keys',
  'get /spaces/{space}/stats',
  'post /spaces/{space}/keys/rotate',
  'get /spaces/{space}/provider-clients',
  'post /spaces/{space}/provider-clients',
  'get /spaces/{space}/provider-clients/{id}',
  'patch /spaces/{space}/provider-clients/{id}',
  'delete /spaces/{space}/provider-clients/{id}',
  'get /spaces/{space}/connections',
  'post /spaces/{space}/connections',
  'get /spaces/{space}/connections/{id}',
  'patch /spaces/{space}/connections/{id}',
  'delete /spaces/{space}/connections/{id}',
  'post /spaces/{space}/connections/{id}/connect',
  'post /spaces/{space}/connections/{id}/refresh',
  'get /spaces/{space}/connections/{id}/token',
  'get /vault/master-key',
  'post /vault/rotate-key',
  'get /providers',
  'get /providers/{provider}',
  'get /event-types',
  'get /spaces/{space}/webhooks',
  'post /spaces/{space}/webhooks',
  'get /spaces/{space}/webhooks/{id}',
  'patch /spaces/{space}/webhooks/{id}',
  'delete /spaces/{space}/webhooks/{id}',
  'post /spaces/{space}/webhooks/{id}/rotate-secret',
  'get /spaces/{space}/webhooks/{id}/deliveries',
  'get /spaces/{space}/webhooks/{id}/deliveries/{delivery_id}',
  'post /spaces/{space}/webhooks/{id}/deliveries/{delivery_id}/retry',
];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The routes Fastify really serves under the API prefix, read from its route tree ("method path"). */
function servedOperations(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    if (!path.startsWith(API) || path === `${API}/openapi.json` || path.startsWith(`${API}/docs`)) continue; // the document and its reference page
    const openapiPath = path.slice(API.length).replace(/:(\w+)/g, '{$1}');
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push(`${method.toLowerCase()} ${openapiPath}`);
  }
  return out.sort();
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe.each(STORE_KINDS)('admin API: OpenAPI document (%s)', (kind) => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const res = await t.app.inject({ method: 'GET', url: `${API}/openapi.json` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });
  afterAll(async () => t?.close());

  it('is served without authentication, even with a bad token', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${API}/openapi.json`, headers: { authorization: 'Bearer nonsense' } });
    expect(res.statusCode).toBe(200);
  });

  it('is an OpenAPI 3.1 document with info, servers and bearer security', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(doc.servers).toEqual([{ url: `http://localhost:8080${API}` }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('lists every route path and operation, and nothing the server does not serve', () => {
    const documented: string[] = [];
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      expect(path.startsWith(API)).toBe(false); // relative to the server URL
      for (const method of Object.keys(item)) if (METHODS.includes(method)) documented.push(`${method} ${path}`);
    }
    expect(documented.sort()).toEqual([...OPERATIONS].sort());
    expect(servedOperations(t.app.printRoutes({ commonPrefix: false }))).toEqual([...OPERATIONS].sort());
  });

  it('every operation has a summary, tags, its path parameters and documented responses', () => {
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries<any>(item)) {
        if (!METHODS.includes(method)) continue;
        const where = `${method} ${path}`;
        expect(typeof op.summary, where).toBe('string');
        expect(op.tags?.length, where).toBeGreaterThan(0);
        const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path');
        expect(declared.map((p: any) => p.name).sort(), where).toEqual([...pathParams].sort());
        for (const p of declared) expect(p.required, `${where} ${p.name}`).toBe(true);
        for (const p of op.parameters ?? []) expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in);

        expect(op.responses && typeof op.responses, where).toBe('object');
        const codes = Object.keys(op.responses);
        expect(codes.length, where).toBeGreaterThan(0);
        expect(
          codes.some((c) => /^2\d\d$/.test(c)),
          `${where} has a success answer`,
        ).toBe(true);
        expect(codes, where).toContain('503');
        if (op.security?.length !== 0) expect(codes, where).toContain('401');
        for (const [code, r] of Object.entries<any>(op.responses)) {
          expect(code, where).toMatch(/^([1-5]\d\d|default)$/);
          expect(typeof r.description, `${where} ${code}`).toBe('string');
          expect(r.description, `${where} ${code} says what the status means`).not.toBe('Default Response');
          if (code !== '204') expect(r.content?.['application/json']?.schema, `${where} ${code}`).toBeDefined();
        }
        if (['post', 'patch', 'put'].includes(method) && op.requestBody) {
          expect(op.requestBody.content['application/json'].schema, where).toBeDefined();
        }
      }
    }
  });

  it('lists only the errors an operation can give, from what it takes', () => {
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method} ${path}`;
        const codes = Object.keys(op.responses);
        const has = (code: string, yes: boolean) => expect(codes.includes(code), `${where} lists ${code}`).toBe(yes);
        const conditional = (op.parameters ?? []).some((p: any) => p.in === 'header' && p.name === 'if-match');
        has('412', conditional);
        has('413', method !== 'get' && method !== 'delete');
        has('415', method !== 'get' && method !== 'delete');
        if (!path.includes('{')) has('404', false);
        // Reads change nothing, so nothing conflicts; but a connection's token is refused while its state forbids one.
        if (method === 'get') has('409', op.operationId === 'getConnectionToken');
        has('429', op.operationId === 'signIn' || op.operationId === 'signInToConsole');
        if (op.security?.length === 0) has('403', false);
      }
    }
    const codes = (method: string, path: string) => Object.keys(doc.paths[path][method].responses);
    expect(codes('post', '/sign-in')).toEqual(['201', '400', '401', '413', '415', '429', '503']);
    expect(codes('get', '/admins')).toEqual(['200', '401', '403', '503']);
    expect(codes('get', '/spaces')).toEqual(['200', '400', '401', '503']);
    expect(codes('post', '/spaces/{space}/clients')).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '503']);
    expect(codes('patch', '/spaces/{space}/clients/{client_id}')).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '415', '503']);
    expect(codes('delete', '/spaces/{space}/tokens/{id}')).toEqual(['204', '400', '401', '403', '404', '503']);
  });

  it('declares every tag at the top level with a description', () => {
    const declared = new Map<string, string>(doc.tags.map((t: { name: string; description: string }) => [t.name, t.description]));
    for (const [name, description] of declared) expect(description, name).toMatch(/\w{3}/);
    const used = new Set<string>();
    for (const item of Object.values<Record<string, any>>(doc.paths)) for (const op of Object.values<any>(item)) op.tags.forEach((t: string) => used.add(t));
    expect([...used].sort()).toEqual([...declared.keys()].sort());
  });

  it('names every operation with a unique operationId, for client generators', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!METHODS.includes(method)) continue;
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(op.operationId);
      }
    }
    expect(ids).toHaveLength(OPERATIONS.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['createClient', 'rotateClientSecret', 'signIn', 'listAuditLog']));
  });

  it('documents request bodies of writes, with unknown fields refused', () => {
    const body = (method: string, path: string) => doc.paths[path][method].requestBody?.content['application/json'].schema;
    for (const [method, path] of [
      ['post', '/spaces'],
      ['patch', '/spaces/{space}'],
      ['post', '/spaces/{space}/clients'],
      ['patch', '/spaces/{space}/clients/{client_id}'],
      ['post', '/spaces/{space}/scopes'],
      ['post', '/admins'],
      ['put', '/admins/{admin_id}/roles/{space}'],
      ['post', '/spaces/{space}/provider-clients'],
      ['patch', '/spaces/{space}/provider-clients/{id}'],
      ['post', '/spaces/{space}/connections'],
      ['patch', '/spaces/{space}/connections/{id}'],
      ['post', '/spaces/{space}/webhooks'],
      ['patch', '/spaces/{space}/webhooks/{id}'],
    ] as const) {
      const schema = body(method, path);
      expect(schema?.type, `${method} ${path}`).toBe('object');
      expect(schema.additionalProperties, `${method} ${path}`).toBe(false);
    }
    const client = body('post', '/spaces/{space}/clients').properties;
    for (const f of [
      'name',
      'version',
      'client_name',
      'redirect_uris',
      'grant_types',
      'token_endpoint_auth_method',
      'scope',
      'jwks',
      'jwks_uri',
      'access_token_ttl',
      'refresh_limit',
      'access_token_format',
      'client_type',
    ]) {
      expect(client, f).toHaveProperty(f);
    }
  });

  it('documents allowed_cors_origins on the client, in and out', () => {
    const body = (method: string, path: string) => doc.paths[path][method].requestBody?.content['application/json'].schema;
    expect(body('post', '/spaces/{space}/clients').properties.allowed_cors_origins).toMatchObject({
      type: 'array',
      description: expect.stringContaining('origins'),
    });
    expect(body('patch', '/spaces/{space}/clients/{client_id}').properties).toHaveProperty('allowed_cors_origins');
    expect(doc.components.schemas.Client.properties).toHaveProperty('allowed_cors_origins');
  });

  it("describes every field of the vault's and the webhooks' requests and answers", () => {
    const body = (method: string, path: string) => doc.paths[path][method].requestBody.content['application/json'].schema;
    const answer = (method: string, path: string, status: string) => doc.paths[path][method].responses[status].content['application/json'].schema;
    const schemas: [string, any][] = [
      ['ProviderClient', doc.components.schemas.ProviderClient],
      ['Connection', doc.components.schemas.Connection],
      ['ProviderClientInput', body('post', '/spaces/{space}/provider-clients')],
      ['ConnectionInput', body('post', '/spaces/{space}/connections')],
      ['ConnectionInput.credentials', body('post', '/spaces/{space}/connections').properties.credentials],
      ['ConnectionToken', answer('get', '/spaces/{space}/connections/{id}/token', '200')],
      ['ConnectLink', answer('post', '/spaces/{space}/connections/{id}/connect', '200')],
      ['Webhook', doc.components.schemas.Webhook],
      ['WebhookCreated', answer('post', '/spaces/{space}/webhooks', '201')],
      ['WebhookInput', body('post', '/spaces/{space}/webhooks')],
      ['WebhookSecretRotated', answer('post', '/spaces/{space}/webhooks/{id}/rotate-secret', '200')],
      ['WebhookDelivery', doc.components.schemas.WebhookDelivery],
      ['WebhookDelivery.attempts', doc.components.schemas.WebhookDelivery.properties.attempts.items],
    ];
    const missing: string[] = [];
    for (const [name, schema] of schemas) {
      for (const [field, prop] of Object.entries<any>(schema.properties)) if (!/\w{3}/.test(prop.description ?? '')) missing.push(`${name}.${field}`);
    }
    expect(missing).toEqual([]);
  });

  it('every $ref resolves to a named component schema', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Error', 'Space', 'Scope', 'Client', 'Admin', 'AdminToken', 'ProviderClient', 'Connection']));
    for (const name of Object.keys(schemas)) expect(name).not.toMatch(/^def-/);
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      expect(m, ref).not.toBeNull();
      expect(schemas[m![1]!], ref).toBeDefined();
    }
    expect(schemas.Error.required).toEqual(expect.arrayContaining(['error', 'message']));
  });

  it('shows secrets only in the answers that hand them out', () => {
    const created = doc.paths['/spaces/{space}/clients'].post.responses['201'].content['application/json'].schema;
    expect(JSON.stringify(created)).toContain('client_secret');
    expect(doc.components.schemas.Client.properties).not.toHaveProperty('client_secret');
    expect(doc.components.schemas.AdminToken.properties).not.toHaveProperty('token');
    const token = doc.paths['/admins/{admin_id}/tokens'].post.responses['201'].content['application/json'].schema;
    expect(token.properties).toHaveProperty('token');
    expect(JSON.stringify(doc)).not.toMatch(/token_hash|secret_hash|password_hash|webhook_secret_sealed/);
    // The vault's secrets go in and never come out: no answer of a provider client or connection names one.
    for (const name of ['ProviderClient', 'Connection']) {
      for (const secret of ['client_secret', 'private_key', 'credentials', 'access_token', 'refresh_token']) {
        expect(doc.components.schemas[name].properties, `${name}.${secret}`).not.toHaveProperty(secret);
      }
    }
    const input = doc.paths['/spaces/{space}/provider-clients'].post.requestBody.content['application/json'].schema;
    expect(input.properties).toHaveProperty('client_secret');
    expect(input.properties.access_token_expires_in.description).toMatch(/Access Token Expires In.*3599999/);
    // A webhook's signing secret is in the create and rotate answers only.
    expect(doc.components.schemas.Webhook.properties).not.toHaveProperty('secret');
    expect(doc.components.schemas.WebhookDelivery.properties).not.toHaveProperty('secret');
    expect(doc.paths['/spaces/{space}/webhooks'].post.responses['201'].content['application/json'].schema.properties).toHaveProperty('secret');
    expect(doc.paths['/spaces/{space}/webhooks/{id}/rotate-secret'].post.responses['200'].content['application/json'].schema.properties).toHaveProperty(
      'secret',
    );
  });
});
