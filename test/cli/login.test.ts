// `keyward login` / `keyward logout` against a real server: e-mail and password for a token that expires, kept in a
// 0600 file per server URL; the admin commands use it when no KEYWARD_ADMIN_TOKEN is set; logout revokes it.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from './helpers.js';

const PASSWORD = 'a long admin password';

describe('keyward login / logout', () => {
  let s: CliServer;
  let configDir: string;
  /** As a person at a fresh shell: no KEYWARD_ADMIN_TOKEN, only the URL and the config directory. */
  let asPerson: (args: string[], input?: string) => ReturnType<CliServer['cli']>;

  beforeAll(async () => {
    s = await startCliServer();
    configDir = mkdtempSync(path.join(tmpdir(), 'kw-login-'));
    asPerson = (args, input = '') => s.cli(args, { KEYWARD_ADMIN_TOKEN: '', KEYWARD_CONFIG_DIR: configDir }, input);
    const made = await s.cli(['admins', 'create', '--email', 'ada@example.com', '--role', '*:owner', '--password-stdin'], {}, `${PASSWORD}\n`);
    expect(made.code, made.stderr).toBe(0);
  });
  afterAll(async () => s?.close());

  it('without a token, an admin command says to run keyward login', async () => {
    const r = await asPerson(['spaces', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no admin API token for http:\/\/\S+: run `keyward login`/);
  });

  it('refuses a wrong password without saying whether the address exists', async () => {
    const wrong = await asPerson(['login', '--email', 'ada@example.com', '--password-stdin'], 'not the password\n');
    const unknown = await asPerson(['login', '--email', 'nobody@example.com', '--password-stdin'], 'not the password\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('keyward: wrong e-mail or password\n');
    expect(unknown.stderr).toBe(wrong.stderr);
  });

  it('signs in, keeps an expiring token in a 0600 file, uses it, and logout revokes it', async () => {
    const login = await asPerson(['login', '--email', 'ADA@example.com', '--password-stdin', '--expires-in', '8h', '--json'], `${PASSWORD}\n`);
    expect(login.code, login.stderr).toBe(0);
    const answer = JSON.parse(login.stdout);
    expect(answer).toMatchObject({ url: s.url, email: 'ada@example.com', credentials_file: path.join(configDir, 'credentials.json') });
    expect(Date.parse(answer.expires_at) - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(Date.parse(answer.expires_at) - Date.now()).toBeLessThanOrEqual(8 * 3600_000);
    expect(login.stdout).not.toMatch(/kw_/); // the token itself is never printed
    expect(statSync(answer.credentials_file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(answer.credentials_file, 'utf8'))[s.url];
    expect(stored.token).toMatch(/^kw_/);

    const listed = await asPerson(['spaces', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).items.map((sp: { slug: string }) => sp.slug)).toContain('default');
    // The token is an ordinary, expiring admin API token of that admin.
    const mine = JSON.parse((await asPerson(['admins', 'tokens', '--json'])).stdout) as { items: { id: string; expires_at: string | null }[] };
    expect(mine.items.find((t) => t.id === stored.token_id)?.expires_at).toBe(answer.expires_at);

    const out = await asPerson(['logout']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Signed out of/);
    expect(JSON.parse(readFileSync(answer.credentials_file, 'utf8'))).toEqual({});
    // Revoked on the server, not only forgotten here.
    const reuse = await s.cli(['spaces', 'list'], { KEYWARD_ADMIN_TOKEN: stored.token });
    expect(reuse.code).toBe(1);
    expect(reuse.stderr).toMatch(/unknown, revoked or expired/);
    expect((await asPerson(['logout'])).stdout).toMatch(/Not signed in/);
  });

  it('locks an address after 10 failures, even for the right password', async () => {
    const email = 'locked@example.com';
    await s.cli(['admins', 'create', '--email', email, '--password-stdin'], {}, `${PASSWORD}\n`);
    for (let i = 0; i < 10; i++) await asPerson(['login', '--email', email, '--password-stdin'], 'wrong password\n');
    const right = await asPerson(['login', '--email', email, '--password-stdin'], `${PASSWORD}\n`);
    expect(right.code).toBe(1);
    expect(right.stderr).toMatch(/too many failed sign-in attempts; try again in \d+ seconds/);
  });
});
