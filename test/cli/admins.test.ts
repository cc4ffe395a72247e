// `keyward spaces`, `keyward admins` and `keyward audit` against a real server: RBAC reaches the command line
// (a client-manager can register clients but not manage admins), and every change lands in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

let s: CliServer;
beforeAll(async () => {
  assertBuilt();
  s = await startCliServer();
});
afterAll(async () => s?.close());

describe('authentication', () => {
  it('a wrong token fails with exit 1 and a message about the token', async () => {
    const r = await s.cli(['spaces', 'list'], { KEYWARD_ADMIN_TOKEN: 'kw_wrong-token-wrong-token-wrong-token-xx' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^keyward: the admin API token is unknown, revoked or expired: check KEYWARD_ADMIN_TOKEN/);
  });

  it('--token overrides the environment', async () => {
    const r = await s.cli(['spaces', 'list', '--json', '--token', s.token], { KEYWARD_ADMIN_TOKEN: 'kw_wrong-token-wrong-token-wrong-token-xx' });
    expect(r.code).toBe(0);
  });
});

describe('keyward spaces', () => {
  it('creates, lists, updates and deletes a space', async () => {
    const created = await s.json(['spaces', 'create', 'acme', '--display-name', 'Acme', '--access-token-ttl', '3600']);
    expect(created).toMatchObject({ slug: 'acme', display_name: 'Acme', access_token_ttl: 3600 });
    expect(created.issuer).toMatch(/\/spaces\/acme$/);

    const list = await s.json(['spaces', 'list']);
    expect(Object.keys(list)).toEqual(['items']);
    expect(list.items.map((x: { slug: string }) => x.slug)).toEqual(['default', 'acme']);

    expect((await s.json(['spaces', 'update', 'acme', '--refresh-token-ttl', '7200'])).refresh_token_ttl).toBe(7200);
    const open = await s.json(['spaces', 'create', 'open-reg', '--setting', 'registration=open', '--setting', 'device_code_ttl=900']);
    expect(open.settings).toMatchObject({ registration: 'open', device_code_ttl: 900 });
    const text = await s.cli(['spaces', 'get', 'acme']);
    expect(text.stdout).toMatch(/^display_name: +Acme$/m);

    // Space-scoped commands follow --space.
    const c = await s.json(['clients', 'create', '--name', 'In Acme', '--space', 'acme', '--grant-type', 'client_credentials']);
    expect(c.space).toBe('acme');
    expect((await s.cli(['clients', 'get', c.client_id])).stderr).toContain('not found');

    expect((await s.cli(['spaces', 'delete', 'acme'])).code).toBe(1);
    expect(await s.json(['spaces', 'delete', 'acme', '--yes'])).toEqual({ deleted: 'acme' });
    expect((await s.cli(['spaces', 'get', 'acme'])).stderr).toBe('keyward: space "acme" not found\n');
  });
});

describe('keyward admins', () => {
  let manager: { id: string; token: string };

  beforeAll(async () => {
    const created = await s.json(['admins', 'create', '--email', 'manager@example.com', '--role', 'default:client-manager']);
    expect(created.roles).toEqual([{ space: 'default', role: 'client-manager' }]);
    // API tokens are minted only by their own admin, who has none yet: the service mints the first one here.
    const t = await s.server.services.admins.createToken(created.id, { name: 't' }, { type: 'system' });
    manager = { id: created.id, token: t.token };
  });

  it('a client-manager can register clients but not list or create admins', async () => {
    const as = { KEYWARD_ADMIN_TOKEN: manager.token };
    const c = await s.json(['clients', 'create', '--name', 'By Manager', '--grant-type', 'client_credentials'], as);
    expect(c.client_secret).toBeDefined();

    for (const args of [
      ['admins', 'list'],
      ['admins', 'create', '--email', 'x@example.com', '--role', 'default:viewer'],
    ]) {
      const r = await s.cli(args, as);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^keyward: forbidden: .*owner role/);
      expect(r.stdout).toBe('');
    }
    const spaces = await s.cli(['spaces', 'create', 'nope'], as);
    expect(spaces.code).toBe(1);
    expect(spaces.stderr).toContain('forbidden');
    // ...but may look at themselves.
    expect((await s.json(['admins', 'get', 'me'], as)).email).toBe('manager@example.com');
  });

  it('lists admins, grants and revokes roles by e-mail or id', async () => {
    const list = await s.json(['admins', 'list']);
    expect(list.items.map((a: { email: string }) => a.email)).toEqual(['owner@example.com', 'manager@example.com']);

    const granted = await s.json(['admins', 'grant', 'manager@example.com', '*', 'viewer']);
    expect(granted.roles).toEqual(
      expect.arrayContaining([
        { space: '*', role: 'viewer' },
        { space: 'default', role: 'client-manager' },
      ]),
    );
    const revoked = await s.json(['admins', 'revoke', manager.id, '*']);
    expect(revoked.roles).toEqual([{ space: 'default', role: 'client-manager' }]);

    const bad = await s.cli(['admins', 'grant', manager.id, 'default', 'superuser']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('(field: role)');
  });

  it('creates an admin with a password from stdin, disables and deletes them', async () => {
    const r = await s.cli(
      ['admins', 'create', '--email', 'pw@example.com', '--role', '*:viewer', '--password-stdin', '--json'],
      {},
      'correct horse battery staple\n',
    );
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ email: 'pw@example.com', has_password: true });

    const short = await s.cli(['admins', 'update', a.id, '--password-stdin'], {}, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('(field: password)');

    expect((await s.json(['admins', 'update', 'pw@example.com', '--disable'])).disabled).toBe(true);
    expect((await s.cli(['admins', 'delete', a.id])).code).toBe(1);
    expect((await s.cli(['admins', 'delete', a.id, '--yes'])).code).toBe(0);
    expect((await s.cli(['admins', 'get', a.id])).stderr).toContain('not found');
  });

  it('creates, lists and revokes your own API tokens', async () => {
    const created = await s.json(['admins', 'create-token', '--name', 'ci', '--expires-in', '3600']);
    expect(created.token).toMatch(/^kw_/);
    expect(created.expires_at).not.toBeNull();
    // The new token works, and listings never show token values.
    const tokens = await s.cli(['admins', 'tokens', '--json'], { KEYWARD_ADMIN_TOKEN: created.token });
    expect(tokens.code).toBe(0);
    expect(tokens.stdout).not.toContain(created.token);
    expect(JSON.parse(tokens.stdout).items.map((t: { name: string }) => t.name)).toEqual(['bootstrap', 'ci']);

    expect((await s.cli(['admins', 'revoke-token', created.id])).code).toBe(0);
    const after = await s.cli(['spaces', 'list'], { KEYWARD_ADMIN_TOKEN: created.token });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('token');
    // A global owner may see another admin's tokens.
    expect((await s.json(['admins', 'tokens', 'manager@example.com'])).items).toHaveLength(1);
  });
});

describe('keyward audit', () => {
  it('--json shows the actions taken through the CLI, newest first', async () => {
    const log = await s.json(['audit']);
    expect(Object.keys(log)).toEqual(['items']);
    const actions = log.items.map((e: { action: string }) => e.action);
    for (const a of ['space.create', 'space.delete', 'admin.create', 'admin.grant_role', 'admin.revoke_role', 'client.create', 'admin_token.revoke']) {
      expect(actions).toContain(a);
    }
    const ids = log.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((x: number, y: number) => y - x));

    const creates = await s.json(['audit', '--action', 'client.create', '--space', 'default']);
    expect(creates.items.length).toBeGreaterThan(0);
    expect(creates.items.every((e: { action: string; space: string }) => e.action === 'client.create' && e.space === 'default')).toBe(true);
    expect((await s.json(['audit', '--limit', '2'])).items).toHaveLength(2);
  });

  it('is closed to a client-manager', async () => {
    const t = await s.server.services.admins.createToken((await s.json(['admins', 'get', 'manager@example.com'])).id, { name: 'audit' }, { type: 'system' });
    const r = await s.cli(['audit'], { KEYWARD_ADMIN_TOKEN: t.token });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('forbidden');
  });
});
