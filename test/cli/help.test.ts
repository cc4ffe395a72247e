// The CLI without a server: help for every command, and the failures that happen before any request.
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './helpers.js';

const GROUPS: Record<string, string[]> = {
  spaces: ['list', 'get', 'create', 'update', 'delete'],
  clients: [
    'list',
    'get',
    'create',
    'update',
    'deactivate',
    'activate',
    'delete',
    'rotate-secret',
    'webhook-secret',
    'scopes',
    'associate-scopes',
    'disassociate-scope',
  ],
  scopes: ['list', 'get', 'create', 'update', 'delete'],
  admins: ['list', 'get', 'create', 'update', 'delete', 'grant', 'revoke', 'tokens', 'create-token', 'revoke-token'],
  'provider-clients': ['list', 'show', 'create', 'update', 'delete'],
  connections: ['list', 'show', 'create', 'update', 'delete', 'connect', 'refresh', 'token'],
  providers: ['list', 'show'],
  vault: ['status', 'rotate-key'],
};

/** A port nobody listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

beforeAll(() => assertBuilt());

describe('keyward --help', () => {
  it('lists every command group and names the token variable', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['serve', 'migrate', ...Object.keys(GROUPS), 'audit']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('KEYWARD_ADMIN_TOKEN');
  });

  it.each(Object.entries(GROUPS))('%s --help mentions its subcommands, each with its own help', async (group, subs) => {
    const r = await runCli([group, '--help']);
    expect(r.code).toBe(0);
    for (const sub of subs) expect(r.stdout).toMatch(new RegExp(`^  ${sub} `, 'm'));
    const helps = await Promise.all(subs.map((sub) => runCli([group, sub, '--help'])));
    helps.forEach((h, i) => {
      expect(h.code, `${group} ${subs[i]} --help`).toBe(0);
      expect(h.stdout).toContain(`Usage: keyward ${group} ${subs[i]}`);
      // A description line follows the usage line.
      expect(h.stdout.split('\n')[2]!.length).toBeGreaterThan(10);
      expect(h.stdout).toContain('--url <url>');
      expect(h.stdout).toContain('KEYWARD_ADMIN_TOKEN');
      expect(h.stdout).toContain('--json');
    });
  });

  it('clients create and update --help describe --allowed-cors-origin', async () => {
    for (const sub of ['create', 'update']) {
      const r = await runCli(['clients', sub, '--help']);
      expect(r.stdout).toMatch(/--allowed-cors-origin <origin>\s+browser origin \(scheme:\/\/host\[:port\]\)/);
    }
  });

  it('connections token --help warns that it prints a secret; the secrets are read from stdin', async () => {
    const token = await runCli(['connections', 'token', '--help']);
    expect(token.stdout).toMatch(/SECRET/);
    expect((await runCli(['provider-clients', 'create', '--help'])).stdout).toContain('--client-secret-stdin');
    expect((await runCli(['connections', 'create', '--help'])).stdout).toContain('--credentials-stdin');
  });

  it('audit --help describes its filters', async () => {
    const r = await runCli(['audit', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--space', '--action', '--limit', '--json']) expect(r.stdout).toContain(opt);
  });
});

describe('failures before or instead of a request', () => {
  it('without a token, tells the user to set KEYWARD_ADMIN_TOKEN', async () => {
    const r = await runCli(['spaces', 'list'], { KEYWARD_URL: 'http://127.0.0.1:9' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keyward: no admin API token for \S+: run `keyward login`, or set KEYWARD_ADMIN_TOKEN/);
    expect(r.stdout).toBe('');
  });

  it('with no server at the URL, names the URL and suggests keyward serve', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await runCli(['clients', 'list'], { KEYWARD_URL: url, KEYWARD_ADMIN_TOKEN: 'x'.repeat(43) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(url);
    expect(r.stderr).toContain('keyward serve');
  });

  it('falls back to KEYWARD_PUBLIC_URL when KEYWARD_URL is not set', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await runCli(['spaces', 'list'], { KEYWARD_PUBLIC_URL: url, KEYWARD_ADMIN_TOKEN: 'x'.repeat(43) });
    expect(r.stderr).toContain(url);
  });

  it('finds the server `keyward serve` starts on KEYWARD_PORT when neither URL is set', async () => {
    const port = await closedPort();
    const r = await runCli(['spaces', 'list'], { KEYWARD_PORT: String(port), KEYWARD_ADMIN_TOKEN: 'x'.repeat(43) });
    expect(r.stderr).toContain(`http://localhost:${port}`);
  });

  it.each([
    ['clients', 'delete', 'abc'],
    ['scopes', 'delete', 'read'],
    ['spaces', 'delete', 'acme'],
    ['admins', 'delete', 'me'],
    ['provider-clients', 'delete', '8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10'],
    ['connections', 'delete', '0c9a7d3e-51f2-4f8e-b0a4-6d2e9c1b7a53'],
  ])('%s delete without --yes refuses', async (...args) => {
    const r = await runCli(args, { KEYWARD_URL: 'http://127.0.0.1:9', KEYWARD_ADMIN_TOKEN: 'x'.repeat(43) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to delete .* without --yes/);
  });

  it('rejects a bad option value locally, in the same error format', async () => {
    const r = await runCli(['clients', 'create', '--name', 'x', '--access-token-ttl', 'soon']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keyward: option '--access-token-ttl <ttl>' argument 'soon' is invalid/);
  });
});
