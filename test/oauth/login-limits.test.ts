// Brute-force limits on sign-in (src/oauth/login-guard.ts) through the real endpoints: the login page, the password
// grant and the device page. Each test works in a space of its own, since every request here comes from 127.0.0.1
// and the per-address counters are per space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, formOf, isPage, type Page } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://app.example.com/cb';
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';

describe.each(STORE_KINDS)('sign-in limits (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  /** A new space with these settings, a web client, a password client and the users asked for. */
  async function space(settings: Record<string, unknown>, users: { username: string; password: string; kind?: string }[], slug = `limits${++n}`) {
    if (slug !== 'default') await s.admin('POST', '/spaces', { slug, display_name: `Limits ${n}` });
    await s.admin('PATCH', `/spaces/${slug}`, { settings });
    const web = await s.admin('POST', `/spaces/${slug}/clients`, { name: `web-${++n}`, grant_types: ['authorization_code'], redirect_uris: [CB] });
    const pw = await s.admin('POST', `/spaces/${slug}/clients`, { name: `pw-${n}`, grant_types: ['password'] });
    for (const u of users) await s.admin('POST', `/spaces/${slug}/users`, { kind: 'personal', ...u });
    return { slug, issuer: `${s.url}/spaces/${slug}`, web, pw };
  }

  /** A browser on the login page of a fresh authorization request; post() submits the login form. */
  async function loginPage(sp: { issuer: string; web: { client_id: string } }) {
    const b = new Browser(s.url);
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: sp.web.client_id,
      redirect_uri: CB,
      scope: 'openid',
      state: 'st',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    const first = (await b.go(`${sp.issuer}/authorize?${q}`)) as Page;
    expect(first.html).toContain('autocomplete="current-password"');
    const form = formOf(first.html);
    return {
      post: async (username: string, password: string) => {
        const res = await b.request(form.action, { ...form.fields, username, password });
        return { status: res.status, html: await res.text(), headers: res.headers };
      },
    };
  }

  const passwordGrant = (sp: { issuer: string; pw: { client_id: string; client_secret: string } }, username: string, password: string) =>
    fetch(`${sp.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${sp.pw.client_id}:${sp.pw.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'password', username, password }),
    });

  it('login page: locks a username after the limit, even for the right password; others still sign in', async () => {
    const sp = await space({ login_failure_limit: 3, login_lockout_seconds: 120 }, [
      { username: 'Alice', password: 'alice-password-1' },
      { username: 'bob', password: 'bob-password-1' },
    ]);
    const alice = await loginPage(sp);
    expect((await alice.post('Alice', 'wrong-1')).status).toBe(401);
    expect((await alice.post('alice', 'wrong-2')).status).toBe(401);
    const third = await alice.post('ALICE', 'wrong-3');
    expect(third.status).toBe(429);
    expect(third.html).toContain('Too many failed sign-in attempts. Try again in 2 minutes.');
    expect(third.html).toContain('autocomplete="current-password"');
    const locked = await alice.post('Alice', 'alice-password-1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(100);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(120);
    expect(locked.headers.get('cache-control')).toBe('no-store');
    expect(locked.html).toMatch(/Try again in 2 minutes/);

    const bob = await loginPage(sp);
    expect((await bob.post('bob', 'bob-password-1')).status).toBe(303);
  });

  it('login page: a success clears the username count', async () => {
    const sp = await space({ login_failure_limit: 3 }, [{ username: 'carol', password: 'carol-password-1' }]);
    const first = await loginPage(sp);
    expect((await first.post('carol', 'wrong')).status).toBe(401);
    expect((await first.post('carol', 'wrong')).status).toBe(401);
    expect((await first.post('carol', 'carol-password-1')).status).toBe(303);
    const again = await loginPage(sp);
    expect((await again.post('carol', 'wrong')).status).toBe(401);
    expect((await again.post('carol', 'wrong')).status).toBe(401);
    expect((await again.post('carol', 'wrong')).status).toBe(429);
  });

  it('login_failure_limit 0 turns the limit off (admin API on the default space)', async () => {
    const sp = await space({ login_failure_limit: 0 }, [{ username: 'dave', password: 'dave-password-1' }], 'default');
    try {
      const page = await loginPage(sp);
      for (let i = 0; i < 12; i++) expect((await page.post('dave', `wrong-${i}`)).status).toBe(401);
      expect((await page.post('dave', 'dave-password-1')).status).toBe(303);
    } finally {
      await s.admin('PATCH', '/spaces/default', { settings: { login_failure_limit: 10 } });
    }
  });

  it('password grant: 429 invalid_grant with Retry-After and no-store; unknown usernames count the same', async () => {
    const sp = await space({ login_failure_limit: 3, login_lockout_seconds: 300 }, [
      { username: 'robot', password: 'robot-password-1', kind: 'service' },
      { username: 'robot2', password: 'robot-password-2', kind: 'service' },
    ]);
    for (const username of ['robot', 'nobody']) {
      for (let i = 0; i < 2; i++) {
        const res = await passwordGrant(sp, username, 'wrong');
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: 'invalid username or password' });
      }
      const third = await passwordGrant(sp, username, 'wrong');
      expect(third.status).toBe(429);
    }
    const res = await passwordGrant(sp, 'robot', 'robot-password-1');
    expect(res.status).toBe(429);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(280);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: `too many failed sign-in attempts; try again in ${retryAfter} seconds` });
    expect((await passwordGrant(sp, 'robot2', 'robot-password-2')).status).toBe(200);
  });

  it('limits one address spraying many usernames (5 x login_failure_limit)', async () => {
    const sp = await space({ login_failure_limit: 2 }, [{ username: 'svc', password: 'svc-password-1', kind: 'service' }]);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await passwordGrant(sp, `user${i}`, 'guess')).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400, 429]);
    // The address is locked: even the right password of a user never tried here is refused.
    const res = await passwordGrant(sp, 'svc', 'svc-password-1');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another space counts on its own.
    const other = await space({ login_failure_limit: 2 }, [{ username: 'svc', password: 'svc-password-1', kind: 'service' }]);
    expect((await passwordGrant(other, 'svc', 'svc-password-1')).status).toBe(200);
  });

  it('device page: wrong passwords lock the username too', async () => {
    const sp = await space({ login_failure_limit: 2 }, [{ username: 'erin', password: 'erin-password-1' }]);
    const tv = await s.admin('POST', `/spaces/${sp.slug}/clients`, { name: `tv-${++n}`, client_type: 'public', grant_types: [DEVICE] });
    const auth = (await (
      await fetch(`${sp.issuer}/device_authorization`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `client_id=${tv.client_id}`,
      })
    ).json()) as { user_code: string };
    const b = new Browser(s.url);
    const open = await b.go(`${sp.issuer}/device`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(isPage(open) ? open.html : '')![1]!;
    const post = async (password: string) => {
      const res = await b.request(`${sp.issuer}/device`, { csrf, user_code: auth.user_code, username: 'erin', password, action: 'allow' });
      return { status: res.status, html: await res.text(), headers: res.headers };
    };
    expect((await post('wrong')).status).toBe(401);
    expect((await post('wrong')).status).toBe(429);
    const locked = await post('erin-password-1');
    expect(locked.status).toBe(429);
    expect(locked.html).toContain('Too many failed sign-in attempts.');
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
