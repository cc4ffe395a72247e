// The oidc-provider 9 peer (test/helpers/providers/oidc-peer.ts) does what the vault's tests rely on: the
// authorization code flow with PKCE through its development login and consent pages (driven here by fetch and a
// small cookie jar; the Chromium version is another test), rotating refresh tokens whose reuse is counted, and
// client_credentials with a secret and with private_key_jwt.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startOidcPeer, type OidcPeer } from '../helpers/providers/oidc-peer.js';

const REDIRECT = 'http://127.0.0.1:9/connections/callback';
let peer: OidcPeer;
let jwtKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS384');
  jwtKey = privateKey;
  peer = await startOidcPeer({ redirectUris: [REDIRECT], accessTokenTtlSeconds: 60, privateKeyJwt: { jwk: await exportJWK(publicKey), alg: 'RS384' } });
});
afterAll(async () => {
  expect(peer.serverErrors).toEqual([]);
  await peer.close();
});

const basic = (id: string, secret: string): string => 'Basic ' + Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');
const codeAuth = () => ({ authorization: basic(peer.codeClient.client_id, peer.codeClient.client_secret!) });

async function tokenRequest(params: Record<string, string>, headers: Record<string, string>, p: OidcPeer = peer) {
  const res = await fetch(p.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const refresh = (token: string) => tokenRequest({ grant_type: 'refresh_token', refresh_token: token }, codeAuth());

/** Cookies by name, sent on every request: enough for oidc-provider's interaction and session cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }
}

/**
 * Runs the authorization request through the login and consent pages as a browser would, and answers the query of
 * the final redirect to the client. `pages` records the HTML pages seen (login, then consent).
 */
async function runConsent(params: Record<string, string>, login = 'alice', pages: string[] = [], p: OidcPeer = peer): Promise<URLSearchParams> {
  const jar = new CookieJar();
  let url = `${p.authorizationUrl}?${new URLSearchParams({ client_id: p.codeClient.client_id, response_type: 'code', redirect_uri: REDIRECT, state: 'st-9', ...params })}`;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form,
    });
    jar.take(res);
    form = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT)) return next.searchParams;
      url = next.href;
      continue;
    }
    expect(res.status).toBe(200);
    const html = await res.text();
    pages.push(html);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    expect(action, html.slice(0, 500)).toBeTruthy();
    url = new URL(action!.replace(/&amp;/g, '&'), url).href;
    form = prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'anything' }) : new URLSearchParams({ prompt: prompt! });
  }
  throw new Error('the consent did not end on the redirect URI');
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), method: 'S256' };
};

describe('oidc-provider peer: authorization code with PKCE through the dev interaction pages', () => {
  let refreshToken: string;
  let accessToken: string;

  it('signs in with any login, asks for consent, and exchanges the code with the PKCE verifier', async () => {
    const { challenge, method } = pkce();
    const pages: string[] = [];
    const back = await runConsent(
      { scope: 'openid offline_access', prompt: 'consent', code_challenge: challenge, code_challenge_method: method },
      'alice',
      pages,
    );
    expect(back.get('error')).toBeNull();
    expect(back.get('state')).toBe('st-9');
    expect(back.get('iss')).toBe(peer.issuer);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('name="login"');
    expect(pages[1]).toContain('offline access');

    const wrong = await tokenRequest(
      { grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce().verifier },
      codeAuth(),
    );
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const again = pkce();
    const back2 = await runConsent({ scope: 'openid offline_access', prompt: 'consent', code_challenge: again.challenge, code_challenge_method: 'S256' });
    const ok = await tokenRequest(
      { grant_type: 'authorization_code', code: back2.get('code')!, redirect_uri: REDIRECT, code_verifier: again.verifier },
      codeAuth(),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, scope: 'openid offline_access' });
    expect(ok.body.refresh_token).toBeTruthy();
    expect(ok.body.id_token).toBeTruthy();
    refreshToken = ok.body.refresh_token;
    accessToken = ok.body.access_token;
  });

  it('refuses an authorization request without a PKCE challenge (required for this confidential client)', async () => {
    const q = new URLSearchParams({ client_id: peer.codeClient.client_id, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', state: 's' });
    const res = await fetch(`${peer.authorizationUrl}?${q}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('drops offline_access (no refresh token) when prompt=consent is missing', async () => {
    const { verifier, challenge } = pkce();
    const back = await runConsent({ scope: 'openid offline_access', code_challenge: challenge, code_challenge_method: 'S256' }, 'bob');
    const ok = await tokenRequest({ grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }, codeAuth());
    expect(ok.status).toBe(200);
    expect(ok.body.scope).toBe('openid');
    expect(ok.body.refresh_token).toBeUndefined();
  });

  it('serves userinfo and the protected API with the access token', async () => {
    const me = await fetch(peer.userinfoUrl, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: 'alice' });
    const api = await fetch(`${peer.apiBaseUrl}/divisions?top=1`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ method: 'GET', path: '/api/divisions', query: { top: '1' }, sub: 'alice', client_id: 'peer-code' });
    const bad = await fetch(`${peer.apiBaseUrl}/divisions`, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('rotates refresh tokens on every use; a reused one is counted and revokes the grant', async () => {
    const r1 = await refresh(refreshToken);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(refreshToken);
    const r2 = await refresh(r1.body.refresh_token);
    expect(r2.status).toBe(200);
    expect(peer.stats.success.refresh_token).toBe(2);
    expect(peer.stats.reuse).toBe(0);

    const reuse = await refresh(refreshToken);
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } });
    expect(peer.stats.reuse).toBe(1);
    expect(peer.stats.grantsRevoked).toBe(1);
    // oidc-provider revoked the whole grant: the newest refresh token and its access token are dead too.
    expect((await refresh(r2.body.refresh_token)).body.error).toBe('invalid_grant');
    expect((await fetch(`${peer.apiBaseUrl}/x`, { headers: { authorization: `Bearer ${r2.body.access_token}` } })).status).toBe(401);
  });
});

describe('oidc-provider peer: closer to Exact Online', () => {
  it('issues a refresh token for every code when alwaysIssueRefreshToken is set, without offline_access', async () => {
    const exact = await startOidcPeer({ redirectUris: [REDIRECT], alwaysIssueRefreshToken: true, codeClientAuthMethod: 'client_secret_post' });
    try {
      const { verifier, challenge } = pkce();
      const back = await runConsent({ scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' }, 'carol', [], exact);
      const { client_id, client_secret } = exact.codeClient;
      const post = { client_id, client_secret: client_secret! };
      const ok = await tokenRequest(
        { grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier, ...post },
        {},
        exact,
      );
      expect(ok.status).toBe(200);
      expect(ok.body.refresh_token).toBeTruthy();
      const r = await tokenRequest({ grant_type: 'refresh_token', refresh_token: ok.body.refresh_token, ...post }, {}, exact);
      expect(r.status).toBe(200);
      expect(r.body.refresh_token).not.toBe(ok.body.refresh_token);
    } finally {
      await exact.close();
    }
  });
});

describe('oidc-provider peer: client credentials', () => {
  it('issues a token to the client with a secret', async () => {
    const { client_id, client_secret } = peer.credentialsClient;
    const ok = await tokenRequest({ grant_type: 'client_credentials', scope: 'api' }, { authorization: basic(client_id, client_secret!) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, scope: 'api' });
    const api = await fetch(`${peer.apiBaseUrl}/ping`, { headers: { authorization: `Bearer ${ok.body.access_token}` } });
    expect(await api.json()).toMatchObject({ client_id, sub: null, scope: 'api' });
    const wrong = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client_id, 'wrong') });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('issues a token to the client with private_key_jwt (RS384, audience the token URL or the issuer)', async () => {
    const { client_id } = peer.jwtClient;
    const assertion = (aud: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS384' })
        .setIssuer(client_id)
        .setSubject(client_id)
        .setAudience(aud)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('2m')
        .sign(jwtKey);
    const params = async (aud: string) => ({
      grant_type: 'client_credentials',
      scope: 'api',
      client_id,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion(aud),
    });
    for (const aud of [peer.tokenUrl, peer.issuer]) {
      const ok = await tokenRequest(await params(aud), {});
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.scope).toBe('api');
    }
    const wrongAud = await tokenRequest(await params('https://elsewhere.example/token'), {});
    expect(wrongAud).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});
