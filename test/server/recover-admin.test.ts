// `keyward recover-admin`: the way back in when every owner credential is lost, run on the server's host with the
// store's own access. Real processes on an embedded store: recover, then sign in through the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../helpers/data-dir.js';
import { requireBuild, run } from './process.js';

beforeAll(requireBuild);

const base = { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0' };
const PASSWORD = 'a brand new password';

async function recover(env: Record<string, string>, email: string, password: string) {
  const p = run(['recover-admin', '--email', email, '--password-stdin'], env);
  p.child.stdin.end(`${password}\n`);
  return { code: await p.exit, out: p.out() };
}

describe('keyward recover-admin', () => {
  it('makes a lost admin an owner with a new password, refuses while the server holds the store, and is audited', async () => {
    const env = { ...base, KEYWARD_DATA_DIR: await migratedDataDir('kw-recover-') };
    const short = await recover(env, 'lost@example.com', 'short');
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/password must be 12 to 1024 characters/);
    const done = await recover(env, 'lost@example.com', PASSWORD);
    expect(done.code, done.out).toBe(0);
    expect(done.out).toContain('Recovered lost@example.com');
    // Again for the admin that now exists: its password is replaced.
    const again = await recover(env, 'LOST@example.com', `${PASSWORD} again`);
    expect(again.code, again.out).toBe(0);

    const server = run(['serve'], env);
    try {
      const [, url] = await server.waitFor(/listening on (http:\/\/\S+)/);
      const signIn = await fetch(`${url}/admin/api/v1/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lost@example.com', password: `${PASSWORD} again` }),
      });
      expect(signIn.status).toBe(201);
      const { token } = (await signIn.json()) as { token: string };
      const me = (await (await fetch(`${url}/admin/api/v1/admins/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { roles: unknown };
      expect(me.roles).toEqual([{ space: '*', role: 'owner' }]);
      const audit = (await (await fetch(`${url}/admin/api/v1/audit-log?action=admin.recover`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        items: { actor: { type: string } }[];
      };
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]!.actor.type).toBe('system');
      // The embedded store is the running server's: recovering now is refused, naming the process.
      const busy = await recover(env, 'lost@example.com', PASSWORD);
      expect(busy.code).toBe(1);
      expect(busy.out).toMatch(/in use by another Keyward process \(pid \d+\)/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
    }
  });
});
