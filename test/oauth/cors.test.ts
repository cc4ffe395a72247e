// CORS for browser-based apps (issue 8 point 1), over real sockets on both stores: discovery and the JWKS answer
// any origin; token, userinfo, revocation and device authorization answer only the origins of the space's clients
// (preflight) and of the request's client (the real request, refused before the grant runs otherwise).
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

const SPA = 'http://localhost:5555';
const SPA_EXTRA = 'https://spa.example.com';
const OTHER = 'https://other.example.com';
const EVIL = 'https://evil.example';
const alice = { username: 'alice', password: 'a password for cors' };

describe.each(STORE_KINDS)('CORS (%s)', (kind) => {
  let s: TestServer;
  let spa: { client_id: string };

  const preflight = (path: string, origin: string, method = 'POST') =>
    fetch(`${s.issuer}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
    });
  const form = (path: string, body: Record<string, string>, origin?: string, headers: Record<string, string> = {}) =>
    fetch(`${s.issuer}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...headers },
      body: new URLSearchParams(body),
    });
  const acao = (res: Response) => res.headers.get('access-control-allow-origin');

  /** A fresh authorization code for the SPA client, with its PKCE verifier. */
  async function code(): Promise<{ code: string; verifier: string }> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const url = new URL(`${s.issuer}/authorize`);
    const q = {
      response_type: 'code',
      client_id: spa.client_id,
      redirect_uri: `${SPA}/cb`,
      scope: 'openid',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
    const location = await signIn(new Browser(s.url), url.href, alice);
    if (typeof location !== 'string') throw new Error(`no redirect: ${location.status} ${location.html.slice(0, 300)}`);
    return { code: new URL(location).searchParams.get('code')!, verifier };
  }
  const exchange = (c: { code: string; verifier: string }, origin?: string) =>
    form('/token', { grant_type: 'authorization_code', code: c.code, code_verifier: c.verifier, redirect_uri: `${SPA}/cb`, client_id: spa.client_id }, origin);

  beforeAll(async () => {
    s = await startTestServer(kind);
    await createUser(s, alice.username, alice.password);
    spa = await s.admin('POST', '/spaces/default/clients', {
      name: 'spa',
      client_type: 'public',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [`${SPA}/cb`],
      allowed_cors_origins: [SPA_EXTRA],
    });
    // Another client of the space: its origin passes preflights but not the SPA client's requests.
    await s.admin('POST', '/spaces/default/clients', { name: 'other', redirect_uris: [`${OTHER}/cb`] });
  }, 60_000);
  afterAll(async () => s?.close());

  it('discovery (both documents) and the JWKS answer any origin with *, preflight included', async () => {
    for (const path of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server', '/jwks']) {
      const res = await fetch(`${s.issuer}${path}`, { headers: { origin: EVIL } });
      expect(res.status).toBe(200);
      expect(acao(res)).toBe('*');
      const pre = await preflight(path, EVIL, 'GET');
      expect(pre.status).toBe(204);
      expect(acao(pre)).toBe('*');
      expect(pre.headers.get('access-control-allow-methods')).toBe('GET');
    }
  });

  it("preflights: the origins of the space's clients (redirect URIs and allowed_cors_origins), nothing for others", async () => {
    for (const path of ['/token', '/revoke', '/device_authorization', '/userinfo']) {
      for (const origin of [SPA, SPA_EXTRA, OTHER]) {
        const res = await preflight(path, origin);
        expect(res.status).toBe(204);
        expect(acao(res)).toBe(origin);
        expect(res.headers.get('vary')).toMatch(/Origin/);
        expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, DPoP');
        expect(res.headers.get('access-control-allow-methods')).toBe(path === '/userinfo' ? 'GET, POST' : 'POST');
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      }
      const refused = await preflight(path, EVIL);
      expect(refused.status).toBe(204);
      for (const h of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'])
        expect(refused.headers.get(h)).toBeNull();
    }
  });

  it('introspection is for resource servers: no CORS at all', async () => {
    expect(acao(await preflight('/introspect', SPA))).toBeNull();
    const res = await form('/introspect', { token: 'x', client_id: spa.client_id }, SPA);
    expect(acao(res)).toBeNull();
  });

  it('a token request from an origin the client may not use is refused before the code is used; the code then works from the app', async () => {
    const c = await code();
    for (const origin of [EVIL, OTHER, 'null']) {
      const refused = await exchange(c, origin);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
      expect(acao(refused)).toBeNull();
    }
    const ok = await exchange(c, SPA);
    expect(ok.status).toBe(200);
    expect(acao(ok)).toBe(SPA);
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/);
    const tokens = (await ok.json()) as { access_token: string; refresh_token: string };
    expect(tokens.refresh_token).toBeTruthy();

    // The second origin of the client (allowed_cors_origins): refresh, userinfo and revocation.
    const refreshed = await form('/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: spa.client_id }, SPA_EXTRA);
    expect(refreshed.status).toBe(200);
    expect(acao(refreshed)).toBe(SPA_EXTRA);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };

    const info = await fetch(`${s.issuer}/userinfo`, { headers: { origin: SPA_EXTRA, authorization: `Bearer ${next.access_token}` } });
    expect(info.status).toBe(200);
    expect(acao(info)).toBe(SPA_EXTRA);
    for (const origin of [OTHER, EVIL]) {
      const foreign = await fetch(`${s.issuer}/userinfo`, { headers: { origin, authorization: `Bearer ${next.access_token}` } });
      expect(foreign.status).toBe(403);
      expect(acao(foreign)).toBeNull();
    }
    // An error the page must be able to read: the challenge header is exposed.
    const bad = await fetch(`${s.issuer}/userinfo`, { headers: { origin: SPA, authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(acao(bad)).toBe(SPA);
    expect(bad.headers.get('www-authenticate')).toMatch(/invalid_token/);

    expect((await form('/revoke', { token: next.refresh_token, client_id: spa.client_id }, OTHER)).status).toBe(403);
    const stillUsable = await form('/token', { grant_type: 'refresh_token', refresh_token: next.refresh_token, client_id: spa.client_id }, SPA);
    expect(stillUsable.status).toBe(200);
    const last = (await stillUsable.json()) as { refresh_token: string };
    const revoked = await form('/revoke', { token: last.refresh_token, client_id: spa.client_id }, SPA);
    expect(revoked.status).toBe(200);
    expect(acao(revoked)).toBe(SPA);
  });

  it("requests without Origin (servers) and from Keyward's own origin are not CORS: no headers, never refused", async () => {
    const c = await code();
    const plain = await exchange(c);
    expect(plain.status).toBe(200);
    expect(acao(plain)).toBeNull();
    const same = await exchange(await code(), new URL(s.url).origin);
    expect(same.status).toBe(200);
    expect(acao(same)).toBeNull();
  });

  it("the device authorization endpoint answers its client's origins only", async () => {
    const tv = await s.admin('POST', '/spaces/default/clients', {
      name: 'tv',
      client_type: 'public',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      allowed_cors_origins: ['https://tv.example.com'],
    });
    const ok = await form('/device_authorization', { client_id: tv.client_id }, 'https://tv.example.com');
    expect(ok.status).toBe(200);
    expect(acao(ok)).toBe('https://tv.example.com');
    const refused = await form('/device_authorization', { client_id: tv.client_id }, SPA);
    expect(refused.status).toBe(403);
    expect(acao(refused)).toBeNull();
  });

  it('follows client changes at once: new clients, edited origins, deactivation', async () => {
    const origin = 'https://later.example.com';
    expect(acao(await preflight('/token', origin))).toBeNull();
    const later = await s.admin('POST', '/spaces/default/clients', { name: 'later', client_type: 'public', redirect_uris: [`${origin}/cb`] });
    expect(acao(await preflight('/token', origin))).toBe(origin);
    await s.admin('PATCH', `/spaces/default/clients/${later.client_id}`, { allowed_cors_origins: ['https://added.example.com'] });
    expect(acao(await preflight('/token', 'https://added.example.com'))).toBe('https://added.example.com');
    await s.admin('PATCH', `/spaces/default/clients/${later.client_id}`, { active: false });
    expect(acao(await preflight('/token', origin))).toBeNull();
    expect(acao(await preflight('/token', 'https://added.example.com'))).toBeNull();
  });

  it('the admin API stores, shows and refuses allowed_cors_origins', async () => {
    const got = await s.admin('GET', `/spaces/default/clients/${spa.client_id}`);
    expect(got.allowed_cors_origins).toEqual([SPA_EXTRA]);
    const res = await fetch(`${s.url}/admin/api/v1/spaces/default/clients/${spa.client_id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${s.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowed_cors_origins: ['https://spa.example.com/app'] }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/allowed_cors_origins/);
  });
});
