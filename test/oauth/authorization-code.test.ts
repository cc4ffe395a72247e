// The authorization code flow with PKCE, driven by openid-client and oauth4webapi, with the login and consent
// pages answered by a fetch-based browser; and the RFC 9700 rules, each with a negative test.
import { eq } from 'drizzle-orm';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, consents } from '../../src/store/schema.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, formOf, isPage, signIn, type Page } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const insecure = { execute: [client.allowInsecureRequests] };
const CB = 'https://app.example.com/cb';
const LOOP = 'http://127.0.0.1/callback';
const alice = { username: 'Alice', password: 'correct horse battery staple' };

describe.each(STORE_KINDS)('authorization code flow (%s)', (kind) => {
  let s: TestServer;
  let conf: { client_id: string; client_secret: string };
  let pub: { client_id: string };
  let other: { client_id: string; client_secret: string };
  let config: client.Configuration;

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read your files' });
    conf = await s.admin('POST', '/spaces/default/clients', {
      name: 'web',
      client_name: 'Photo Web',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [CB, 'https://app.example.com/other'],
      post_logout_redirect_uris: ['https://app.example.com/bye'],
      scope: 'files:read',
    });
    pub = await s.admin('POST', '/spaces/default/clients', {
      name: 'cli',
      client_type: 'public',
      grant_types: ['authorization_code', 'implicit'],
      redirect_uris: [LOOP],
      scope: 'files:read',
    });
    other = await s.admin('POST', '/spaces/default/clients', { name: 'other', grant_types: ['authorization_code'], redirect_uris: [CB], scope: 'files:read' });
    await createUser(s, alice.username, alice.password, { email: 'alice@example.com' });
    config = await client.discovery(new URL(s.issuer), conf.client_id, undefined, client.ClientSecretBasic(conf.client_secret), insecure);
  });
  afterAll(async () => s?.close());

  async function codeFlow(b: Browser, extra: Record<string, string> = {}, cfg = config) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: CB,
      scope: 'openid files:read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    const location = await signIn(b, url.href, alice);
    if (typeof location !== 'string') throw new Error(`no redirect: ${location.status} ${location.html}`);
    return { verifier, state, nonce, location };
  }

  it('openid-client: code + PKCE, ID token, refresh token, remembered consent, discovery', async () => {
    const meta = (await (await fetch(`${s.issuer}/.well-known/openid-configuration`)).json()) as Record<string, any>;
    expect(meta).toMatchObject({
      authorization_endpoint: `${s.issuer}/authorize`,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      response_modes_supported: ['query', 'fragment', 'form_post'],
    });
    expect(meta.grant_types_supported).toContain('authorization_code');

    const b = new Browser(s.url);
    const f = await codeFlow(b);
    const cb = new URL(f.location);
    expect(cb.origin + cb.pathname).toBe(CB);
    expect(cb.searchParams.get('iss')).toBe(s.issuer);
    expect(cb.searchParams.get('state')).toBe(f.state);
    const tokens = await client.authorizationCodeGrant(config, cb, { pkceCodeVerifier: f.verifier, expectedState: f.state, expectedNonce: f.nonce });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: s.issuer, aud: conf.client_id, nonce: f.nonce });
    expect(claims.auth_time).toBeTypeOf('number');
    expect(claims.sid).toBeTypeOf('string');
    expect(tokens.refresh_token).toMatch(/^kwrt_/);
    expect(tokens.scope).toBe('files:read openid');
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true);

    // Session cookie: HttpOnly, SameSite=Lax, scoped to the space.
    const again = await codeFlow(b);
    expect(again.location).toContain('code=');
    const t2 = await client.authorizationCodeGrant(config, new URL(again.location), {
      pkceCodeVerifier: again.verifier,
      expectedState: again.state,
      expectedNonce: again.nonce,
    });
    expect(t2.claims()!.sid).toBe(claims.sid);

    // prompt=none with a session and remembered consent answers at once; max_age=0 and prompt=login ask again.
    const silent = await b.go(
      client.buildAuthorizationUrl(config, {
        redirect_uri: CB,
        scope: 'files:read',
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
        prompt: 'none',
      }).href,
    );
    expect((silent as { location: string }).location).toMatch(/[?&]code=/);
    for (const extra of [{ max_age: '0' }, { prompt: 'login' }] as Record<string, string>[]) {
      const r = (await b.go(
        client.buildAuthorizationUrl(config, { redirect_uri: CB, scope: 'files:read', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256', ...extra })
          .href,
      )) as Page;
      expect(r.html).toContain('autocomplete="current-password"');
      const lf = formOf(r.html);
      const done = await b.go(lf.action, { ...lf.fields, ...alice });
      expect((done as { location: string }).location, JSON.stringify(extra)).toMatch(/[?&]code=/);
    }
  });

  it('oauth4webapi: public client on a loopback URI with any port, ID token and iss checked', async () => {
    const as = await oauth.processDiscoveryResponse(
      new URL(s.issuer),
      await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', [oauth.allowInsecureRequests]: true }),
    );
    const cl: oauth.Client = { client_id: pub.client_id };
    const verifier = oauth.generateRandomCodeVerifier();
    const nonce = oauth.generateRandomNonce();
    const redirect = 'http://127.0.0.1:49152/callback';
    const u = new URL(as.authorization_endpoint!);
    for (const [k, v] of Object.entries({
      client_id: pub.client_id,
      redirect_uri: redirect,
      response_type: 'code',
      scope: 'openid files:read',
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }))
      u.searchParams.set(k, v);
    const location = await signIn(new Browser(s.url), u.href, alice);
    expect(typeof location).toBe('string');
    const params = oauth.validateAuthResponse(as, cl, new URL(location as string), oauth.expectNoState);
    const res = await oauth.authorizationCodeGrantRequest(as, cl, oauth.None(), params, redirect, verifier, { [oauth.allowInsecureRequests]: true });
    const body = await oauth.processAuthorizationCodeResponse(as, cl, res, { expectedNonce: nonce, requireIdToken: true });
    expect(oauth.getValidatedIdTokenClaims(body)!.sub).toBeTypeOf('string');
    expect(body.refresh_token).toBeUndefined(); // the client lacks the refresh_token grant
  });

  it('never redirects to an unregistered, prefix-matching or case-differing redirect URI', async () => {
    for (const bad of [
      'http://127.0.0.1:99999/callback',
      'https://evil.example.com/cb',
      `${CB}/extra`,
      `${CB}x`,
      'https://app.example.com/CB',
      'https://APP.example.com/cb',
      `${CB}?x=1`,
      'http://127.0.0.1:5000/callbackx',
    ]) {
      const cid = bad.startsWith('http://127') ? pub.client_id : conf.client_id;
      const res = await fetch(
        `${s.issuer}/authorize?${new URLSearchParams({ client_id: cid, redirect_uri: bad, response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' })}`,
        { redirect: 'manual' },
      );
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('not registered');
    }
    const gone = await s.admin('POST', '/spaces/default/clients', { name: 'gone', grant_types: ['authorization_code'], redirect_uris: [CB] });
    await s.admin('PATCH', `/spaces/default/clients/${gone.client_id}`, { active: false });
    const inactive = await fetch(`${s.issuer}/authorize?client_id=${gone.client_id}&redirect_uri=${encodeURIComponent(CB)}&response_type=code`, {
      redirect: 'manual',
    });
    expect(inactive.status).toBe(400);
    expect(inactive.headers.get('location')).toBeNull();
    const unknown = await fetch(`${s.issuer}/authorize?client_id=nope&redirect_uri=${encodeURIComponent(CB)}&response_type=code`, { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
  });

  async function redirectError(q: Record<string, string>) {
    const res = await fetch(`${s.issuer}/authorize?${new URLSearchParams(q)}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!);
  }

  it('refuses missing PKCE (public client, and confidential by default) and plain PKCE, with state and iss', async () => {
    const e1 = await redirectError({ client_id: pub.client_id, redirect_uri: LOOP, response_type: 'code', state: 's1' });
    expect(Object.fromEntries(e1.searchParams)).toMatchObject({ error: 'invalid_request', state: 's1', iss: s.issuer });
    const e2 = await redirectError({ client_id: conf.client_id, redirect_uri: CB, response_type: 'code', state: 's2' });
    expect(e2.searchParams.get('error')).toBe('invalid_request');
    const e3 = await redirectError({
      client_id: conf.client_id,
      redirect_uri: CB,
      response_type: 'code',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
    });
    expect(e3.searchParams.get('error_description')).toContain('S256');
    const e4 = await redirectError({
      client_id: conf.client_id,
      redirect_uri: CB,
      response_type: 'code',
      scope: 'admin',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(e4.searchParams.get('error')).toBe('invalid_scope');
  });

  it('prompt=none without a session answers login_required to the redirect URI', async () => {
    const e = await redirectError({
      client_id: conf.client_id,
      redirect_uri: CB,
      response_type: 'code',
      prompt: 'none',
      state: 'st',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(Object.fromEntries(e.searchParams)).toEqual({ error: 'login_required', error_description: expect.any(String), state: 'st', iss: s.issuer });
  });

  it('refuses a wrong code_verifier, another client, a different redirect_uri; a replay revokes the first tokens', async () => {
    const b = new Browser(s.url);
    const f = await codeFlow(b);
    const cb = new URL(f.location);
    await expect(
      client.authorizationCodeGrant(config, cb, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: f.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    const otherConfig = await client.discovery(new URL(s.issuer), other.client_id, undefined, client.ClientSecretBasic(other.client_secret), insecure);
    await expect(client.authorizationCodeGrant(otherConfig, cb, { pkceCodeVerifier: f.verifier, expectedState: f.state })).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const moved = new URL(cb.href.replace('/cb?', '/other?'));
    await expect(client.authorizationCodeGrant(config, moved, { pkceCodeVerifier: f.verifier, expectedState: f.state })).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const tokens = await client.authorizationCodeGrant(config, cb, { pkceCodeVerifier: f.verifier, expectedState: f.state, expectedNonce: f.nonce });
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    await expect(
      client.authorizationCodeGrant(config, cb, { pkceCodeVerifier: f.verifier, expectedState: f.state, expectedNonce: f.nonce }),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
      // The error says what happened to the first exchange's tokens, so an honest client's developer knows why.
      error_description: 'the authorization code was already used; the tokens issued for it have been revoked',
    });
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('login page: accessible form, security headers, generic error; CSRF missing or wrong is refused', async () => {
    const b = new Browser(s.url);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'files:read',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
      state: 'x',
    });
    const p = (await b.go(url.href)) as Page;
    expect(p.status).toBe(200);
    expect(p.html).toContain('<html lang="en">');
    expect(p.html).toMatch(/<label for="username">[\s\S]*autocomplete="username"[\s\S]*<label for="password">[\s\S]*autocomplete="current-password"/);
    expect(p.url).not.toContain('client_id');
    expect(p.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(p.headers.get('content-security-policy')).not.toContain('script-src');
    expect(p.headers.get('x-frame-options')).toBe('DENY');
    expect(p.headers.get('cache-control')).toBe('no-store');
    const f = formOf(p.html);

    const wrongUser = (await b.go(f.action, { ...f.fields, username: 'nobody', password: 'x' })) as Page;
    const wrongPass = (await b.go(f.action, { ...f.fields, username: alice.username, password: 'wrong' })) as Page;
    expect(wrongUser.status).toBe(401);
    expect(wrongUser.html).toContain('The username or password is not correct.');
    expect(wrongPass.html).toContain('The username or password is not correct.');

    for (const csrf of [undefined, 'forged']) {
      const { csrf: _, ...rest } = f.fields;
      const res = await b.request(f.action, { ...rest, ...(csrf ? { csrf } : {}), username: alice.username, password: alice.password });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('kw_session='))).toBe(false);
    }
    expect(b.jar.has('kw_session')).toBe(false);
    // Another browser (no binding cookie) cannot use the interaction either.
    const stranger = new Browser(s.url);
    expect((await stranger.request(f.action, { ...f.fields, username: alice.username, password: alice.password })).status).toBe(403);

    const ok = await b.request(f.action, { ...f.fields, username: alice.username, password: alice.password });
    expect(ok.status).toBe(303);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('kw_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/spaces\/default\//);
  });

  it('consent page names app, space and scopes; Deny sends access_denied; prompt=consent asks again', async () => {
    const b = new Browser(s.url);
    const q = { redirect_uri: CB, scope: 'files:read', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256', state: 'd1', prompt: 'consent' };
    let r = await b.go(client.buildAuthorizationUrl(config, q).href);
    const lf = formOf((r as Page).html);
    r = (await b.go(lf.action, { ...lf.fields, ...alice })) as Page;
    expect(r.html).toContain('Photo Web');
    expect(r.html).toContain('Read your files');
    expect(r.html).toContain('Default');
    expect(r.html).toMatch(/>Allow<\/button>[\s\S]*>Deny<\/button>/);
    const cf = formOf(r.html);
    const forged = await b.request(cf.action, { decision: 'allow', csrf: 'nope' });
    expect(forged.status).toBe(403);
    const denied = await b.go(cf.action, { ...cf.fields, decision: 'deny' });
    const loc = new URL((denied as { location: string }).location);
    expect(Object.fromEntries(loc.searchParams)).toMatchObject({ error: 'access_denied', state: 'd1', iss: s.issuer });
    // The used interaction is gone.
    expect(((await b.go(cf.action, { ...cf.fields, decision: 'allow' })) as Page).status).toBe(400);

    // Allow adds to what the user consented to before (a union, not a replacement).
    const again = (await b.go(client.buildAuthorizationUrl(config, { ...q, scope: 'openid' }).href)) as Page;
    const af = formOf(again.html);
    expect(((await b.go(af.action, { ...af.fields, decision: 'allow' })) as { location: string }).location).toMatch(/[?&]code=/);
    const rows = await s.services.store.db
      .select()
      .from(consents)
      .where(eq(consents.clientPk, (await s.services.store.db.select().from(clients).where(eq(clients.clientId, conf.client_id)))[0]!.id));
    expect(rows.map((r) => r.scope)).toEqual([['files:read', 'openid']]);
  });

  it('form_post and fragment response modes', async () => {
    const b = new Browser(s.url);
    await codeFlow(b); // signs in and remembers consent
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid files:read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'fp',
      nonce: 'n',
      response_mode: 'form_post',
    });
    const p = (await b.go(url.href)) as Page;
    expect(p.status).toBe(200);
    expect(p.html).toContain(`action="${CB}"`);
    expect(p.html).toContain('<noscript>');
    const csp = p.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain('form-action https://app.example.com');
    const fields = formOf(p.html).fields;
    expect(fields).toMatchObject({ state: 'fp', iss: s.issuer });
    const request = new Request(CB, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const tokens = await client.authorizationCodeGrant(config, request, { pkceCodeVerifier: verifier, expectedState: 'fp', expectedNonce: 'n' });
    expect(tokens.access_token).toBeTruthy();

    const frag = await b.go(
      client.buildAuthorizationUrl(config, {
        redirect_uri: CB,
        scope: 'files:read',
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
        state: 'fr',
        response_mode: 'fragment',
      }).href,
    );
    const fu = new URL((frag as { location: string }).location);
    expect(fu.search).toBe('');
    expect(Object.fromEntries(new URLSearchParams(fu.hash.slice(1)))).toMatchObject({ code: expect.any(String), state: 'fr', iss: s.issuer });
  });

  it('implicit (id_token token) for a public client registered for it; refused for others', async () => {
    const pubConfig = await client.discovery(new URL(s.issuer), pub.client_id, undefined, client.None(), insecure);
    client.useIdTokenResponseType(pubConfig);
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(pubConfig, { redirect_uri: LOOP, scope: 'openid files:read', nonce, state: 'im' });
    const loc = await signIn(new Browser(s.url), url.href, alice);
    const claims = await client.implicitAuthentication(pubConfig, new URL(loc as string), nonce, { expectedState: 'im' });
    expect(claims.nonce).toBe(nonce);

    const both = await signIn(
      new Browser(s.url),
      `${s.issuer}/authorize?${new URLSearchParams({ client_id: pub.client_id, redirect_uri: LOOP, response_type: 'id_token token', scope: 'openid', nonce: 'n1' })}`,
      alice,
    );
    const h = new URLSearchParams(new URL(both as string).hash.slice(1));
    expect(h.get('access_token')).toBeTruthy();
    expect(h.get('id_token')).toBeTruthy();
    expect(h.get('iss')).toBe(s.issuer);

    const e = await redirectError({ client_id: conf.client_id, redirect_uri: CB, response_type: 'token' });
    expect(e.hash).toContain('error=unauthorized_client');
    const noNonce = await redirectError({ client_id: pub.client_id, redirect_uri: LOOP, response_type: 'id_token', scope: 'openid' });
    expect(noNonce.hash).toContain('error=invalid_request');
  });

  it('logout: id_token_hint with a registered post_logout_redirect_uri ends the session', async () => {
    const b = new Browser(s.url);
    const f = await codeFlow(b);
    const tokens = await client.authorizationCodeGrant(config, new URL(f.location), {
      pkceCodeVerifier: f.verifier,
      expectedState: f.state,
      expectedNonce: f.nonce,
    });
    const meta = (await (await fetch(`${s.issuer}/.well-known/openid-configuration`)).json()) as Record<string, any>;
    expect(meta.end_session_endpoint).toBe(`${s.issuer}/logout`);

    const bad = await b.go(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://evil.example.com/' }).href);
    expect((bad as Page).status).toBe(400);
    const out = await b.go(
      client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://app.example.com/bye', state: 'lo' }).href,
    );
    expect((out as { location: string }).location).toBe('https://app.example.com/bye?state=lo');
    expect(b.jar.has('kw_session')).toBe(false);
    const none = await redirectError({
      client_id: conf.client_id,
      redirect_uri: CB,
      response_type: 'code',
      prompt: 'none',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(none.searchParams.get('error')).toBe('login_required');

    // Without a hint the user confirms on a page first.
    const b2 = new Browser(s.url);
    await codeFlow(b2);
    const confirm = (await b2.go(`${s.issuer}/logout`)) as Page;
    expect(confirm.html).toContain('Sign out');
    expect(b2.jar.has('kw_session')).toBe(true);
    const done = (await b2.go(formOf(confirm.html).action, formOf(confirm.html).fields)) as Page;
    expect(done.html).toContain('You are signed out');
    expect(b2.jar.has('kw_session')).toBe(false);
    expect(isPage(done)).toBe(true);
  });
});
