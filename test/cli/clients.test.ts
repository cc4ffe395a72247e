// `keyward clients` and `keyward scopes` against a real server: secrets shown once, scopes, lifecycle, errors.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

let s: CliServer;
beforeAll(async () => {
  assertBuilt();
  s = await startCliServer();
});
afterAll(async () => s?.close());

const confidential = [
  'clients',
  'create',
  '--redirect-uri',
  'https://app.example.com/cb',
  '--grant-type',
  'authorization_code',
  '--grant-type',
  'refresh_token',
];

describe('keyward clients', () => {
  it('create --json prints one document with the secret; get --json never shows it', async () => {
    const created = await s.json([...confidential, '--name', 'Portal', '--description', 'the portal']);
    expect(created.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Portal', client_type: 'confidential', grant_types: ['authorization_code', 'refresh_token'] });

    const got = await s.cli(['clients', 'get', created.client_id, '--json']);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout)).not.toHaveProperty('client_secret');
    expect(got.stdout + got.stderr).not.toContain(created.client_secret);
    const listed = await s.cli(['clients', 'list', '--json']);
    expect(listed.stdout).not.toContain(created.client_secret);
  });

  it('create without --json prints the secret with a shown-once warning', async () => {
    const r = await s.cli([...confidential, '--name', 'Text Output']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/client_secret: [A-Za-z0-9_-]{43}/);
    expect(r.stdout).toMatch(/WARNING: the client_secret is shown only this once/);
  });

  it('--allowed-cors-origin is repeatable, replaces the list on update, and is checked by the server', async () => {
    const created = await s.json([
      'clients',
      'create',
      '--name',
      'Browser App',
      '--type',
      'public',
      '--redirect-uri',
      'https://app.example.com/cb',
      '--allowed-cors-origin',
      'https://cdn.example.com',
      '--allowed-cors-origin',
      'http://localhost:5173',
    ]);
    expect(created.allowed_cors_origins).toEqual(['https://cdn.example.com', 'http://localhost:5173']);
    const updated = await s.json(['clients', 'update', created.client_id, '--allowed-cors-origin', 'https://www.example.com']);
    expect(updated.allowed_cors_origins).toEqual(['https://www.example.com']);
    const bad = await s.cli(['clients', 'update', created.client_id, '--allowed-cors-origin', 'https://www.example.com/app']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/no path.*\(field: allowed_cors_origins\)/);
  });

  it('a public client has no secret', async () => {
    const created = await s.json(['clients', 'create', '--name', 'Mobile', '--type', 'public', '--redirect-uri', 'com.example.app:/cb']);
    expect(created.client_type).toBe('public');
    expect(created.token_endpoint_auth_method).toBe('none');
    expect(created).not.toHaveProperty('client_secret');
  });

  it('maps never, unlimited and default to the API values, and update changes only what is given', async () => {
    const c = await s.json([...confidential, '--name', 'Lifetimes', '--access-token-ttl', 'never', '--refresh-limit', 'unlimited', '--token-format', 'opaque']);
    expect(c).toMatchObject({ access_token_ttl: null, refresh_token_ttl: 'default', refresh_limit: null, access_token_format: 'opaque' });
    const u = await s.json(['clients', 'update', c.client_id, '--access-token-ttl', '600', '--refresh-limit', '0', '--contact', 'ops@example.com']);
    expect(u).toMatchObject({ access_token_ttl: 600, refresh_limit: 0, contacts: ['ops@example.com'], access_token_format: 'opaque' });
  });

  it('gets a client by name (any case), and by name and --version when versions share it', async () => {
    const one = await s.json([...confidential, '--name', 'Lookup App', '--version', '1']);
    const two = await s.json([...confidential, '--name', 'Lookup App', '--version', '2']);
    const alone = await s.json([...confidential, '--name', 'Only One']);
    expect((await s.json(['clients', 'get', 'only one'])).client_id).toBe(alone.client_id);
    expect((await s.json(['clients', 'get', 'Lookup App', '--version', '2'])).client_id).toBe(two.client_id);
    expect((await s.json(['clients', 'get', one.client_id])).name).toBe('Lookup App');
    const ambiguous = await s.cli(['clients', 'get', 'Lookup App']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/2 clients are named "Lookup App": choose one with --version \(1, 2\)/);
    const none = await s.cli(['clients', 'get', 'Lookup App', '--version', '3']);
    expect(none.stderr).toMatch(/has no version "3" \(versions: 1, 2\)/);
    expect((await s.cli(['clients', 'get', 'Nothing Here'])).stderr).toMatch(/not found/);
  });

  it('reads durations as 8h, 30d, 90m and shows them so', async () => {
    const c = await s.json([...confidential, '--name', 'Durations', '--access-token-ttl', '90m', '--refresh-token-ttl', '30d', '--default-max-age', '8h']);
    expect(c).toMatchObject({ access_token_ttl: 5400, refresh_token_ttl: 2592000, default_max_age: 28800 });
    const text = await s.cli(['clients', 'get', c.client_id]);
    expect(text.stdout).toMatch(/access_token_ttl:\s+90m\n/);
    expect(text.stdout).toMatch(/refresh_token_ttl:\s+30d\n/);
    expect(text.stdout).toMatch(/default_max_age:\s+8h\n/);
    const bad = await s.cli([...confidential, '--name', 'Bad Duration', '--access-token-ttl', '8 hours']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/access-token-ttl.*such as 90m, 8h or 30d/);
  });

  it('sets the standard metadata: ID token algorithm, application type, software, default_max_age, auth_time, openid in the scope', async () => {
    const c = await s.json([
      ...confidential,
      '--name',
      'Standard',
      '--scope',
      'openid offline_access',
      '--id-token-alg',
      'EdDSA',
      '--application-type',
      'web',
      '--software-id',
      'portal-app',
      '--software-version',
      '3.1',
      '--default-max-age',
      '600',
      '--require-auth-time',
      'true',
    ]);
    expect(c).toMatchObject({
      scope: 'offline_access openid',
      id_token_signed_response_alg: 'EdDSA',
      application_type: 'web',
      software_id: 'portal-app',
      software_version: '3.1',
      default_max_age: 600,
      require_auth_time: true,
    });
    const u = await s.json([
      'clients',
      'update',
      c.client_id,
      '--default-max-age',
      'none',
      '--software-version',
      '',
      '--require-auth-time',
      'false',
      '--id-token-alg',
      'RS256',
    ]);
    expect(u).toMatchObject({
      default_max_age: null,
      software_version: null,
      require_auth_time: false,
      id_token_signed_response_alg: 'RS256',
      software_id: 'portal-app',
    });
    const text = await s.cli(['clients', 'get', c.client_id]);
    expect(text.stdout).toMatch(/id_token_signed_response_alg:\s+RS256/);
    // Values outside the lists are refused before the server is called; the server refuses the rest by field.
    const local = await s.cli([...confidential, '--name', 'Bad Alg', '--id-token-alg', 'none']);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/^keyward: .*id-token-alg/);
    const remote = await s.cli([...confidential, '--name', 'Bad Pin', '--auth-signing-alg', 'ES256']);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/token_endpoint_auth_signing_alg/);
  });

  it('--help lists the values the server supports', async () => {
    const h = await s.cli(['clients', 'create', '--help']);
    h.stdout = h.stdout.replace(/\s+/g, ' ');
    expect(h.stdout).toMatch(/--id-token-alg[\s\S]*"ES256", "RS256", "EdDSA"/);
    expect(h.stdout).toMatch(/--response-type[\s\S]*code, token, id_token, id_token token/);
    expect(h.stdout).toMatch(/--auth-signing-alg[\s\S]*PS256/);
    for (const flag of ['--application-type', '--software-id', '--software-version', '--default-max-age', '--require-auth-time'])
      expect(h.stdout).toContain(flag);
  });

  it("--version is the client's version label, not the program's version", async () => {
    const c = await s.json([...confidential, '--name', 'Versioned', '--version', '2']);
    expect(c.version).toBe('2');
  });

  it('create --from-file takes API fields, and options override them', async () => {
    const file = path.join(tmpdir(), `keyward-client-${process.pid}.json`);
    await writeFile(file, JSON.stringify({ name: 'From File', client_type: 'confidential', grant_types: ['client_credentials'], description: 'file' }));
    const c = await s.json(['clients', 'create', '--from-file', file, '--description', 'flag']);
    expect(c).toMatchObject({ name: 'From File', grant_types: ['client_credentials'], description: 'flag' });
  });

  it('list --json prints every client as { items }, filtered by name', async () => {
    const all = await s.json(['clients', 'list']);
    expect(Object.keys(all)).toEqual(['items']);
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const some = await s.json(['clients', 'list', '--name', 'portal']);
    expect(some.items.map((c: { name: string }) => c.name)).toEqual(['Portal']);
  });

  it('a plain-http redirect URI fails with the field named', async () => {
    const r = await s.cli(['clients', 'create', '--name', 'Bad', '--redirect-uri', 'http://example.com/cb']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^keyward: .*https.*\(field: redirect_uris\)\n$/);
  });

  it('an unknown client fails with not found', async () => {
    const r = await s.cli(['clients', 'get', 'no-such-client']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('keyward: client "no-such-client" not found\n');
  });

  it('rotate-secret --json prints the new secret; webhook-secret too', async () => {
    const c = await s.json([...confidential, '--name', 'Rotating']);
    const rotated = await s.json(['clients', 'rotate-secret', c.client_id, '--grace', '60']);
    expect(rotated.client_id).toBe(c.client_id);
    expect(rotated.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.client_secret).not.toBe(c.client_secret);
    expect(Date.parse(rotated.previous_secret_expires_at)).toBeGreaterThan(Date.now());
    const hook = await s.json(['clients', 'webhook-secret', c.client_id]);
    expect(hook.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((await s.json(['clients', 'get', c.client_id])).has_webhook_secret).toBe(true);
  });

  it('deactivate, activate, and delete only with --yes', async () => {
    const c = await s.json([...confidential, '--name', 'Lifecycle']);
    expect((await s.cli(['clients', 'deactivate', c.client_id])).code).toBe(0);
    const off = await s.json(['clients', 'get', c.client_id]);
    expect(off.active).toBe(false);
    expect(off.deactivated_at).not.toBeNull();
    expect((await s.json(['clients', 'list', '--active', 'false'])).items.map((x: { client_id: string }) => x.client_id)).toContain(c.client_id);
    expect((await s.json(['clients', 'activate', c.client_id])).active).toBe(true);

    const refused = await s.cli(['clients', 'delete', c.client_id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    expect((await s.cli(['clients', 'get', c.client_id])).code).toBe(0);
    expect(await s.json(['clients', 'delete', c.client_id, '--yes'])).toEqual({ deleted: c.client_id });
    expect((await s.cli(['clients', 'get', c.client_id])).stderr).toContain('not found');
  });
});

describe('keyward scopes', () => {
  it('creates a scope and, with --client, associates it in the same call', async () => {
    const c = await s.json([...confidential, '--name', 'Scoped', '--scope', '']);
    const read = await s.json(['scopes', 'create', 'read', '--description', 'Read access', '--default']);
    expect(read).toMatchObject({ name: 'read', description: 'Read access', default: true });
    const write = await s.json(['scopes', 'create', 'write', '--client', c.client_id]);
    expect(write.name).toBe('write');
    expect((await s.json(['clients', 'get', c.client_id])).scope).toBe('write');

    const assoc = await s.json(['clients', 'associate-scopes', c.client_id, 'read']);
    expect(assoc.items.map((x: { name: string }) => x.name)).toEqual(['read', 'write']);
    expect((await s.json(['clients', 'scopes', c.client_id])).items).toHaveLength(2);

    expect((await s.cli(['clients', 'disassociate-scope', c.client_id, 'write'])).code).toBe(0);
    expect((await s.json(['clients', 'get', c.client_id])).scope).toBe('read');
  });

  it('a bad --client leaves no stray scope behind', async () => {
    const r = await s.cli(['scopes', 'create', 'orphan', '--client', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not found');
    expect((await s.cli(['scopes', 'get', 'orphan'])).code).toBe(1);
  });

  it('associating an unknown scope names the field', async () => {
    const c = await s.json([...confidential, '--name', 'Unknown Scope']);
    const r = await s.cli(['clients', 'associate-scopes', c.client_id, 'missing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing.*\(field: scope\)/);
  });

  it("list --json follows next_cursor past the API's 200-item page", async () => {
    const { services } = s.server;
    await services.spaces.create({ slug: 'many', display_name: 'Many' }, { type: 'system' });
    const space = await services.spaces.get('many');
    for (let i = 0; i < 205; i++) await services.scopes.create(space, { name: `s${i}` }, { type: 'system' });
    const all = await s.json(['scopes', 'list', '--space', 'many']);
    expect(Object.keys(all)).toEqual(['items']);
    // The 205 made here, the space's 4 standard scopes and its connections scope.
    expect(new Set(all.items.map((x: { name: string }) => x.name)).size).toBe(210);
  });

  it('lists, updates and deletes scopes', async () => {
    await s.json(['scopes', 'create', 'temp']);
    expect((await s.json(['scopes', 'list'])).items.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['read', 'write', 'temp']));
    expect(await s.json(['scopes', 'update', 'temp', '--description', 'later', '--default'])).toMatchObject({ description: 'later', default: true });
    expect((await s.json(['scopes', 'update', 'temp', '--no-default'])).default).toBe(false);
    expect((await s.cli(['scopes', 'delete', 'temp', '--yes'])).code).toBe(0);
    expect((await s.cli(['scopes', 'get', 'temp'])).stderr).toBe('keyward: scope "temp" not found\n');
  });
});
