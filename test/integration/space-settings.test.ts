// Per-space settings through the admin API and the CLI: validated key by key, audited, and in effect at once
// (the discovery metadata and the device endpoint follow them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/registry/space-settings.js';
import { assertBuilt, startCliServer, type CliServer } from '../cli/helpers.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

pgNotice();

describe.each(STORE_KINDS)('space settings (%s)', (kind) => {
  let s: TestServer;
  const patch = (body: unknown) =>
    fetch(`${s.url}/admin/api/v1/spaces/default`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${s.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const metadata = async (): Promise<any> => (await fetch(`${s.issuer}/.well-known/openid-configuration`)).json();

  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('GET returns the effective settings, defaults filled in', async () => {
    expect((await s.admin('GET', '/spaces/default')).settings).toEqual(DEFAULT_SETTINGS);
    const list = await s.admin('GET', '/spaces');
    expect(list.items[0].settings).toEqual(DEFAULT_SETTINGS);
  });

  it('PATCH merges a partial update, audits each changed key, and discovery follows the registration mode', async () => {
    expect((await metadata()).registration_endpoint).toBeUndefined();
    const updated = await s.admin('PATCH', '/spaces/default', { settings: { registration: 'open', device_code_ttl: 900 } });
    expect(updated.settings).toEqual({ ...DEFAULT_SETTINGS, registration: 'open', device_code_ttl: 900 });
    expect((await s.admin('GET', '/spaces/default')).settings.registration).toBe('open');
    expect((await metadata()).registration_endpoint).toBe(`${s.issuer}/register`);

    const log = await s.admin('GET', '/audit-log?action=space.update&limit=1');
    expect(log.items[0].changes).toEqual({ 'settings.registration': { from: 'closed', to: 'open' }, 'settings.device_code_ttl': { from: 600, to: 900 } });

    // The device endpoint uses the new lifetime.
    await s.admin('POST', '/spaces/default/clients', { name: 'tv', client_type: 'public', grant_types: ['urn:ietf:params:oauth:grant-type:device_code'] });
    const tv = (await s.admin('GET', '/spaces/default/clients?name=tv')).items[0];
    const dev = await fetch(`${s.issuer}/device_authorization`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${tv.client_id}`,
    });
    expect(((await dev.json()) as { expires_in: number }).expires_in).toBe(900);

    await s.admin('PATCH', '/spaces/default', { settings: { registration: 'closed' } });
    expect((await metadata()).registration_endpoint).toBeUndefined();
    // Other fields and settings stay as they were.
    expect((await s.admin('PATCH', '/spaces/default', { display_name: 'Home' })).settings.device_code_ttl).toBe(900);
  });

  it('discovery lists the space scopes in scopes_supported and follows scope changes', async () => {
    const standard = ['address', 'connections', 'email', 'phone', 'profile'];
    expect((await metadata()).scopes_supported).toEqual(['openid', 'offline_access', ...standard]);
    await s.admin('POST', '/spaces/default/scopes', { name: 'orders:read', description: 'Read orders' });
    await s.admin('POST', '/spaces/default/scopes', { name: 'billing', description: 'Billing' });
    expect((await metadata()).scopes_supported).toEqual([
      'openid',
      'offline_access',
      'address',
      'billing',
      'connections',
      'email',
      'orders:read',
      'phone',
      'profile',
    ]);
    await s.admin('DELETE', '/spaces/default/scopes/billing');
    // A standard scope deleted by an admin is gone from discovery too.
    await s.admin('DELETE', '/spaces/default/scopes/phone');
    expect((await metadata()).scopes_supported).toEqual(['openid', 'offline_access', 'address', 'connections', 'email', 'orders:read', 'profile']);
    // Another space's scopes stay out.
    await s.admin('POST', '/spaces', { slug: 'other', display_name: 'Other' });
    await s.admin('POST', '/spaces/other/scopes', { name: 'secret-thing', description: 'x' });
    expect((await metadata()).scopes_supported).not.toContain('secret-thing');
  });

  it.each([
    [{ nope: 1 }, 'settings.nope'],
    [{ device_code_ttl: 5 }, 'settings.device_code_ttl'],
    [{ device_code_ttl: '900' }, 'settings.device_code_ttl'],
    [{ registration: 'sometimes' }, 'settings.registration'],
    [{ require_pkce: 'yes' }, 'settings.require_pkce'],
  ])('refuses %j with 400 naming %s, changing nothing', async (settings, field) => {
    const before = (await s.admin('GET', '/spaces/default')).settings;
    const res = await patch({ settings });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
    expect((await s.admin('GET', '/spaces/default')).settings).toEqual(before);
  });

  it('refuses settings that are not an object', async () => {
    for (const settings of ['open', [1], null]) expect((await patch({ settings })).status).toBe(400);
  });
});

describe('keyward spaces update --setting (CLI)', () => {
  let c: CliServer;
  beforeAll(async () => {
    assertBuilt();
    c = await startCliServer();
  });
  afterAll(async () => c?.close());

  it('sends numbers and booleans as such, repeatable', async () => {
    const space = await c.json([
      'spaces',
      'update',
      'default',
      '--setting',
      'registration=token',
      '--setting',
      'device_code_ttl=120',
      '--setting',
      'require_pkce=false',
    ]);
    expect(space.settings).toMatchObject({ registration: 'token', device_code_ttl: 120, require_pkce: false });
    const text = await c.cli(['spaces', 'get', 'default']);
    expect(text.stdout).toContain('"registration":"token"');
  });

  it('reports a malformed pair and a setting the server refuses', async () => {
    const malformed = await c.cli(['spaces', 'update', 'default', '--setting', 'registration']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/key=value/);
    const unknown = await c.cli(['spaces', 'update', 'default', '--setting', 'colour=blue']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/settings\.colour/);
  });
});
