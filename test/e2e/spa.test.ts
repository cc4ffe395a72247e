// A single-page app in Chromium, on another loopback origin than Keyward, using oidc-client-ts (a widely used
// browser OIDC library, its browser build as shipped): sign-in with PKCE, the code exchanged and userinfo read
// through CORS, renewal with the refresh token, and RP-initiated logout back to the app, with and without
// id_token_hint (issue 8 points 1 and 2). A page on an origin the client may not use cannot read a token answer,
// and the code it tried is still good for the app.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser as FormBrowser, createUser, signIn } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { launchChromium, runBrowserTests } from './chromium.js';

const require = createRequire(import.meta.url);
const OIDC_CLIENT_TS = readFileSync(path.join(path.dirname(require.resolve('oidc-client-ts/package.json')), 'dist/browser/oidc-client-ts.min.js'), 'utf8');
const dave = { username: 'dave', password: 'a password typed in a spa' };

/** The app: oidc-client-ts configured for Keyward, and small functions the test calls with page.evaluate. */
function appScript(issuer: string, clientId: string, origin: string): string {
  return `
window.mgr = new oidc.UserManager({
  authority: ${JSON.stringify(issuer)},
  client_id: ${JSON.stringify(clientId)},
  redirect_uri: ${JSON.stringify(`${origin}/cb`)},
  post_logout_redirect_uri: ${JSON.stringify(`${origin}/bye`)},
  response_type: 'code',
  scope: 'openid offline_access',
  loadUserInfo: true,
  automaticSilentRenew: false,
});
const view = (u) => ({ sub: u.profile.sub, access: u.access_token, refresh: u.refresh_token, scope: u.scope, expired: u.expired });
window.app = {
  login: () => { void mgr.signinRedirect(); },
  callback: () => mgr.signinRedirectCallback().then(view),
  renew: () => mgr.signinSilent().then(view),
  userinfo: async () => {
    const u = await mgr.getUser();
    const meta = await mgr.metadataService.getMetadata();
    const r = await fetch(meta.userinfo_endpoint, { headers: { authorization: 'Bearer ' + u.access_token } });
    return { status: r.status, body: await r.json() };
  },
  logout: (state) => { void mgr.signoutRedirect({ state }); },
  logoutWithoutHint: (state) => { void mgr.removeUser().then(() => mgr.signoutRedirect({ state })); },
  signoutCallback: () => mgr.signoutRedirectCallback().then((r) => r.userState ?? null),
  read: (url, init) => fetch(url, init).then(async (r) => ({ status: r.status, body: await r.text() }), (e) => ({ rejected: e.name })),
  exchange: (tokenUrl, params) => window.app.read(tokenUrl, { method: 'POST', body: new URLSearchParams(params) }),
};`;
}

async function serve(handler: (url: string) => { type: string; body: string }): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const { type, body } = handler(req.url ?? '/');
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

describe.runIf(runBrowserTests)('single-page app with oidc-client-ts (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let servers: Server[] = [];
  let spaOrigin: string;
  let evilOrigin: string;
  let clientId: string;

  beforeAll(async () => {
    s = await startTestServer('pglite');
    await createUser(s, dave.username, dave.password);
    // Both pages are served by the same code; only the origin differs. Keyward is at 127.0.0.1, the app at localhost.
    const site = (origin: () => string) => (url: string) => {
      if (url === '/oidc.js') return { type: 'text/javascript', body: OIDC_CLIENT_TS };
      if (url === '/app.js') return { type: 'text/javascript', body: appScript(s.issuer, clientId, origin()) };
      return {
        type: 'text/html; charset=utf-8',
        body: '<!doctype html><title>SPA</title><script src="/oidc.js"></script><script src="/app.js"></script><p>app</p>',
      };
    };
    const spa = await serve(site(() => spaOrigin));
    const evil = await serve(site(() => evilOrigin));
    servers = [spa.server, evil.server];
    spaOrigin = `http://localhost:${spa.port}`;
    evilOrigin = `http://localhost:${evil.port}`;
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'spa',
      client_name: 'The SPA',
      client_type: 'public',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [`${spaOrigin}/cb`],
      post_logout_redirect_uris: [`${spaOrigin}/bye`],
    });
    clientId = c.client_id;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await new Promise((r) => server.close(r));
    await s?.close();
  });

  async function signInThroughKeyward(page: Page, consent = true): Promise<{ sub: string; access: string; refresh: string; scope: string }> {
    await page.goto(`${spaOrigin}/`);
    await page.evaluate('app.login()');
    await page.getByLabel('Username').fill(dave.username);
    await page.locator('input[autocomplete="current-password"]').fill(dave.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (consent) await page.getByRole('button', { name: 'Allow', exact: true }).click();
    await page.waitForURL((u) => u.origin === spaOrigin && u.pathname === '/cb');
    return page.evaluate('app.callback()');
  }

  it('signs in, reads userinfo, renews with the refresh token and signs out back to the app (with and without id_token_hint)', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    // Discovery and the code exchange (and userinfo, loadUserInfo) all cross origins here.
    const user = await signInThroughKeyward(page);
    expect(user.scope.split(' ').sort()).toEqual(['offline_access', 'openid']);
    expect(user.refresh).toBeTruthy();
    expect(await page.evaluate('app.userinfo()')).toEqual({ status: 200, body: expect.objectContaining({ sub: user.sub }) });

    const renewed = (await page.evaluate('app.renew()')) as typeof user;
    expect(renewed.sub).toBe(user.sub);
    expect(renewed.access).not.toBe(user.access);
    expect(renewed.refresh).not.toBe(user.refresh);
    expect(await page.evaluate('app.userinfo()')).toMatchObject({ status: 200 });

    // Without id_token_hint: Keyward asks, the user confirms, and the browser must land on the app (point 2).
    await page.evaluate('app.logoutWithoutHint("bye without hint")');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.origin === spaOrigin && u.pathname === '/bye');
    expect(new URL(page.url()).searchParams.get('state')).toBeTruthy();
    expect(await page.evaluate('app.signoutCallback()')).toBe('bye without hint');

    // The session is over: signing in asks for the password again (the consent is remembered). Then logout with
    // id_token_hint: no question asked.
    await signInThroughKeyward(page, false);
    await page.evaluate('app.logout("bye with hint")');
    await page.waitForURL((u) => u.origin === spaOrigin && u.pathname === '/bye');
    expect(await page.evaluate('app.signoutCallback()')).toBe('bye with hint');
    await page.close();
    expect(errors.filter((e) => /CORS|Content Security Policy/i.test(e))).toEqual([]);
  }, 90_000);

  it('a page on an origin the client may not use cannot read the token answer, and the code stays good for the app', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${s.issuer}/authorize`);
    const q = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: `${spaOrigin}/cb`,
      scope: 'openid',
      state: 's',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
    const landed = await signIn(new FormBrowser(s.url), auth.href, dave);
    if (typeof landed !== 'string') throw new Error(`no redirect: ${landed.status}`);
    const code = new URL(landed).searchParams.get('code')!;
    const params = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: `${spaOrigin}/cb`, client_id: clientId };

    const evil = await browser.newPage();
    await evil.goto(`${evilOrigin}/`);
    // Public documents are readable from anywhere.
    expect(await evil.evaluate(`app.read(${JSON.stringify(`${s.issuer}/.well-known/openid-configuration`)})`)).toMatchObject({ status: 200 });
    expect(await evil.evaluate(`app.read(${JSON.stringify(`${s.issuer}/jwks`)})`)).toMatchObject({ status: 200 });
    expect(await evil.evaluate(`app.exchange(${JSON.stringify(`${s.issuer}/token`)}, ${JSON.stringify(params)})`)).toEqual({ rejected: 'TypeError' });
    // A preflighted request (Authorization header) fails at the preflight.
    expect(await evil.evaluate(`app.read(${JSON.stringify(`${s.issuer}/userinfo`)}, { headers: { authorization: 'Bearer x' } })`)).toEqual({
      rejected: 'TypeError',
    });
    await evil.close();

    const spa = await browser.newPage();
    await spa.goto(`${spaOrigin}/`);
    const answer = (await spa.evaluate(`app.exchange(${JSON.stringify(`${s.issuer}/token`)}, ${JSON.stringify(params)})`)) as { status: number; body: string };
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    await spa.close();
  }, 60_000);
});
