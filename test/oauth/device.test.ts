// The device authorization grant (RFC 8628): openid-client / oauth4webapi act as the device while the test
// drives the /device page with fetch, as a browser without JavaScript would.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { eq } from 'drizzle-orm';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/crypto/secrets.js';
import { deviceCodes } from '../../src/store/schema.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** A browser session on the /device page: keeps the cookie, reads the CSRF field, posts forms. */
function browser(pageUrl: string) {
  let cookie = '';
  let csrf = '';
  const read = async (res: Response) => {
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const html = await res.text();
    csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, html, headers: res.headers };
  };
  return {
    open: (url = pageUrl) => fetch(url, { headers: cookie ? { cookie } : {} }).then(read),
    post: (fields: Record<string, string>, opts: { csrf?: string; cookie?: string } = {}) =>
      fetch(pageUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: opts.cookie ?? cookie },
        body: new URLSearchParams({ csrf: opts.csrf ?? csrf, ...fields }),
      }).then(read),
  };
}

describe.each(STORE_KINDS)('device authorization grant (%s)', (kind) => {
  let s: TestServer;
  let config: client.Configuration;
  let as: oauth.AuthorizationServer;
  let tv: { client_id: string };
  let user: { id: string };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read your files' });
    tv = await s.admin('POST', '/spaces/default/clients', {
      name: 'Living Room TV',
      client_type: 'public',
      grant_types: [DEVICE, 'refresh_token'],
      scope: 'files:read',
    });
    user = await s.admin('POST', '/spaces/default/users', { username: 'Alice', password: 'correct horse battery', kind: 'personal' });
    config = await client.discovery(new URL(s.issuer), tv.client_id, undefined, client.None(), { execute: [client.allowInsecureRequests] });
    as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
  });
  afterAll(async () => s?.close());

  const poll = async (deviceCode: string) => {
    const res = await oauth.deviceCodeGrantRequest(as, { client_id: tv.client_id }, oauth.None(), deviceCode, insecure);
    return oauth.processDeviceCodeResponse(as, { client_id: tv.client_id }, res).then(
      (body) => ({ ok: true as const, body }),
      (err: oauth.ResponseBodyError) => ({ ok: false as const, error: err.error }),
    );
  };

  it('the confirmation page speaks in sentences: a standard scope by its text, a scope without description never by its name', async () => {
    await s.admin('POST', '/spaces/default/scopes', { name: 'tv:internal' });
    const box = await s.admin('POST', '/spaces/default/clients', {
      name: 'Set-top box',
      client_type: 'public',
      grant_types: [DEVICE],
      scope: 'profile tv:internal',
    });
    const cfg = await client.discovery(new URL(s.issuer), box.client_id, undefined, client.None(), { execute: [client.allowInsecureRequests] });
    const auth = await client.initiateDeviceAuthorization(cfg, { scope: 'openid profile tv:internal' });
    const b = browser(`${s.issuer}/device`);
    await b.open();
    const confirm = await b.post({ user_code: auth.user_code });
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('See your profile');
    expect(confirm.html).toContain('Other access to your account that has no description');
    expect(confirm.html).not.toContain('tv:internal');
  });

  it('openid-client polls while the user enters the code, signs in and allows; tokens follow, once', async () => {
    expect(as.device_authorization_endpoint).toBe(`${s.issuer}/device_authorization`);
    expect(as.grant_types_supported).toContain(DEVICE);
    const auth = await client.initiateDeviceAuthorization(config, { scope: 'openid files:read' });
    expect(auth.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(auth).toMatchObject({ verification_uri: `${s.issuer}/device`, expires_in: 600, interval: 5 });
    expect(auth.verification_uri_complete).toBe(`${s.issuer}/device?user_code=${auth.user_code}`);
    const polling = client.pollDeviceAuthorizationGrant(config, auth);

    const b = browser(`${s.issuer}/device`);
    const first = await b.open(auth.verification_uri_complete);
    expect(first.status).toBe(200);
    // The sign-in pages' policy: no script, forms post here only, no framing.
    expect(first.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.html).toContain(`value="${auth.user_code}"`);
    expect(first.html).not.toContain('<script');

    // Typed sloppily: lower case, no dash, spaces.
    const code = ` ${auth.user_code.replace('-', '').toLowerCase()} `;
    const confirm = await b.post({ user_code: code });
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Living Room TV');
    expect(confirm.html).toContain('Read your files');
    expect(confirm.html).toContain('Confirm who you are');
    expect(confirm.html).toContain('autocomplete="username"');
    expect(confirm.html).toContain('autocomplete="current-password"');

    const wrong = await b.post({ user_code: code, username: 'alice', password: 'wrong', action: 'allow' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Wrong username or password');
    const done = await b.post({ user_code: code, username: 'alice', password: 'correct horse battery', action: 'allow' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Device connected');

    const tokens = await polling;
    expect(tokens.scope).toBe('files:read openid');
    expect(tokens.refresh_token).toMatch(/^kwrt_/);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ sub: user.id, aud: tv.client_id, iss: s.issuer });
    expect(claims.auth_time).toBeTypeOf('number');
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${s.issuer}/jwks`)), { issuer: s.issuer });
    expect(payload).toMatchObject({ sub: user.id, client_id: tv.client_id });

    // A device code is exchanged once; the code cannot be approved again either.
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'invalid_grant' });
    const reuse = await b.post({ user_code: code });
    expect(reuse.status).toBe(400);
  }, 30_000);

  it('Deny ends in access_denied', async () => {
    const auth = await oauth.processDeviceAuthorizationResponse(
      as,
      { client_id: tv.client_id },
      await oauth.deviceAuthorizationRequest(as, { client_id: tv.client_id }, oauth.None(), { scope: 'files:read' }, insecure),
    );
    const b = browser(`${s.issuer}/device`);
    await b.open();
    const denied = await b.post({ user_code: auth.user_code, action: 'deny' });
    expect(denied.html).toContain('Request denied');
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'access_denied' });
  });

  it('authorization_pending, then slow_down when polled faster than the interval', async () => {
    const auth = await client.initiateDeviceAuthorization(config, {});
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'authorization_pending' });
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'slow_down' });
  });

  it('an expired device code gets expired_token, and its user code is refused on the page', async () => {
    const auth = await client.initiateDeviceAuthorization(config, {});
    await s.services.store.db
      .update(deviceCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(deviceCodes.deviceCodeHash, sha256(auth.device_code)));
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'expired_token' });
    const b = browser(`${s.issuer}/device`);
    await b.open();
    const page = await b.post({ user_code: auth.user_code });
    expect(page.status).toBe(400);
    expect(page.html).toContain('not valid or has expired');
  });

  it('refuses a wrong or missing CSRF token with 403 and leaves the request pending', async () => {
    const auth = await client.initiateDeviceAuthorization(config, {});
    const b = browser(`${s.issuer}/device`);
    await b.open();
    const forged = await b.post({ user_code: auth.user_code, username: 'alice', password: 'correct horse battery', action: 'allow' }, { csrf: 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    const noCookie = await b.post({ user_code: auth.user_code, action: 'deny' }, { cookie: '' });
    expect(noCookie.status).toBe(403);
    expect(await poll(auth.device_code)).toEqual({ ok: false, error: 'authorization_pending' });
  });

  it('refuses clients without the device_code grant and scopes the client may not have', async () => {
    const other = await s.admin('POST', '/spaces/default/clients', { name: 'svc', grant_types: ['client_credentials'] });
    const res = await fetch(`${s.issuer}/device_authorization`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${other.client_id}:${other.client_secret}`).toString('base64')}`,
      },
      body: 'scope=files:read',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unauthorized_client' });
    await expect(client.initiateDeviceAuthorization(config, { scope: 'admin' })).rejects.toMatchObject({ error: 'invalid_scope' });
  });

  // Last: it locks 127.0.0.1 out of this server's /device page.
  it('stops accepting codes from an address after many wrong ones', async () => {
    const b = browser(`${s.issuer}/device`);
    await b.open();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await b.post({ user_code: 'BBBB-BBBB' })).status);
    // Earlier tests here spent a couple of failures already: the limit of 20 hits within these 21 tries.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(15);
    expect(statuses.slice(0, first).every((st) => st === 400)).toBe(true);
    expect(statuses.slice(first).every((st) => st === 429)).toBe(true);
    const auth = await client.initiateDeviceAuthorization(config, {});
    expect((await b.post({ user_code: auth.user_code })).status).toBe(429);
  });
});
