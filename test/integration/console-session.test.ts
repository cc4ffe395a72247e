// The console's session at the HTTP level (the browser tests in test/console/ drive it through the page): the
// cookie's attributes, the CSRF rule, roles in the answer, sign-out revoking the token, failures counted like the
// API's sign-in; and how the server serves the built console (page, assets, CSP nonce, routes of the app).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { consoleRoutes } from '../../src/http/console.js';
import { csrfTokenFor } from '../../src/admin/console-session.js';
import { API, expectClean } from './support.js';

pgNotice();
const PASSWORD = 'console-session-password';

describe.each(STORE_KINDS)('console session (%s)', (kind) => {
  let t: TestApp;
  let email: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    email = `viewer-${kind}@example.com`;
    await t.services.admins.create({ email, password: PASSWORD, roles: [{ space: 'default', role: 'viewer' }] }, { type: 'system' });
  });
  afterAll(async () => t?.close());

  const signIn = (body: unknown, ip = '203.0.113.9') =>
    t.app.inject({ method: 'POST', url: `${API}/console/session`, payload: body as object, remoteAddress: ip });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'kw_console')!.value;

  it('signs in to an http-only, SameSite=Strict cookie on the admin API path and answers roles, permissions and the CSRF token', async () => {
    const res = await signIn({ email, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^kw_console=kw_[\w-]+; Max-Age=43200; Path=\/admin\/api\/v1; HttpOnly; SameSite=Strict$/);
    const body = res.json();
    expect(body).toMatchObject({ email, roles: [{ space: 'default', role: 'viewer' }], permissions: { read: 'viewer', 'clients:write': 'client-manager' } });
    expect(body.role_order).toEqual(['viewer', 'client-manager', 'admin', 'owner']);
    expect(body.csrf_token).toBe(csrfTokenFor(cookieOf(res)));
    // The token itself is not in the body: only the cookie carries it.
    expect(res.body).not.toContain(cookieOf(res));
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  });

  it('reads with the cookie alone, changes only with the CSRF header, and the role still decides', async () => {
    const cookie = cookieOf(await signIn({ email, password: PASSWORD }));
    const cookies = { kw_console: cookie };
    const session = await t.app.inject({ method: 'GET', url: `${API}/console/session`, cookies });
    expect(session.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${API}/spaces/default/clients`, cookies })).statusCode).toBe(200);

    const noCsrf = await t.app.inject({ method: 'POST', url: `${API}/spaces/default/scopes`, cookies, payload: { name: 'from-console' } });
    expectClean(noCsrf);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().message).toContain('x-csrf-token');
    const wrongCsrf = await t.app.inject({
      method: 'POST',
      url: `${API}/spaces/default/scopes`,
      cookies,
      headers: { 'x-csrf-token': csrfTokenFor('another-session') },
      payload: { name: 'from-console' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    // With the right token the request reaches the permission check: a viewer may not create.
    const viewer = await t.app.inject({
      method: 'POST',
      url: `${API}/spaces/default/scopes`,
      cookies,
      headers: { 'x-csrf-token': session.json().csrf_token },
      payload: { name: 'from-console' },
    });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().message).toContain('client-manager');
  });

  it('GET /console/session is for the cookie: a bearer token gets 401, no cookie gets 401', async () => {
    const bearer = await t.app.inject({ method: 'GET', url: `${API}/console/session`, headers: { authorization: `Bearer ${t.ownerToken}` } });
    expect(bearer.statusCode).toBe(401);
    const none = await t.app.inject({ method: 'GET', url: `${API}/console/session` });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthorized');
  });

  it('signs out: the token behind the cookie is revoked and the cookie cleared', async () => {
    const cookie = cookieOf(await signIn({ email, password: PASSWORD }));
    const cookies = { kw_console: cookie };
    const { csrf_token } = (await t.app.inject({ method: 'GET', url: `${API}/console/session`, cookies })).json();
    const out = await t.app.inject({ method: 'DELETE', url: `${API}/console/session`, cookies, headers: { 'x-csrf-token': csrf_token } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^kw_console=; Max-Age=0;|kw_console=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.app.inject({ method: 'GET', url: `${API}/console/session`, cookies });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toContain('sign in again');
  });

  it('refuses wrong passwords and bad bodies clearly, and counts failures per address', async () => {
    const wrong = await signIn({ email, password: 'wrong-password' }, '198.51.100.7');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    for (const body of [{}, { email }, { email, password: 'x', extra: 1 }, { email: 5, password: PASSWORD }]) {
      const res = await signIn(body);
      expectClean(res);
      expect(res.statusCode).toBe(400);
    }
    for (let i = 0; i < 10; i++) await signIn({ email, password: 'wrong-password' }, '198.51.100.8');
    const locked = await signIn({ email, password: PASSWORD }, '198.51.100.8');
    expect(locked.statusCode).toBe(429);
  });
});

describe('serving the console', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyward-console-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><meta name="csp-nonce" nonce="{{csp-nonce}}"><script type="module" src="/console/assets/app-1234.js"></script>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  const app = Fastify();
  beforeAll(async () => {
    await consoleRoutes(app, `${dir}/`);
    await app.ready();
  });
  afterAll(async () => app.close());

  it('answers the page for the app routes, with a fresh nonce in the page and the CSP, never cached', async () => {
    const a = await app.inject({ url: '/console/spaces/default/clients' });
    const b = await app.inject({ url: '/console/' });
    for (const res of [a, b]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const nonce = /nonce="([^"]+)"/.exec(res.body)![1]!;
      expect(String(res.headers['content-security-policy'])).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self';");
    }
    expect(/nonce="([^"]+)"/.exec(a.body)![1]).not.toBe(/nonce="([^"]+)"/.exec(b.body)![1]);
    const bare = await app.inject({ url: '/console' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');
  });

  it('serves hashed assets cached for good, and 404 for a missing one (not the page)', async () => {
    const js = await app.inject({ url: '/console/assets/app-1234.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/console/assets/missing-1.js' })).statusCode).toBe(404);
  });

  it('says how to build the console when it is not built', async () => {
    const bare = Fastify();
    await consoleRoutes(bare, path.join(dir, 'nothing-here/'));
    const res = await bare.inject({ url: '/console/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await bare.close();
  });
});
