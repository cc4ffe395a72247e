// Pushed authorization requests (RFC 9126) end to end with openid-client.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, type Page, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://par.example.com/cb';
const bob = { username: 'bob', password: 'a long enough password' };

describe.each(STORE_KINDS)('PAR (%s)', (kind) => {
  let s: TestServer;
  let c: { client_id: string; client_secret: string };
  let config: client.Configuration;
  beforeAll(async () => {
    s = await startTestServer(kind);
    c = await s.admin('POST', '/spaces/default/clients', { name: 'par', grant_types: ['authorization_code'], redirect_uris: [CB] });
    await createUser(s, bob.username, bob.password);
    config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
  });
  afterAll(async () => s?.close());

  it('openid-client pushes the request; the request_uri works once', async () => {
    expect(config.serverMetadata().pushed_authorization_request_endpoint).toBe(`${s.issuer}/par`);
    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const url = await client.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: CB,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'p1',
      nonce,
    });
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    const loc = await signIn(new Browser(s.url), url.href, bob);
    const tokens = await client.authorizationCodeGrant(config, new URL(loc as string), {
      pkceCodeVerifier: verifier,
      expectedState: 'p1',
      expectedNonce: nonce,
    });
    expect(tokens.claims()!.nonce).toBe(nonce);

    const replay = await fetch(url, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
  });

  it('answers 201 with expires_in 60; refuses request_uri inside, bad parameters and an unauthenticated client', async () => {
    const form = (p: Record<string, string>) => ({
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(p).toString(),
    });
    const ok = await fetch(`${s.issuer}/par`, form({ response_type: 'code', redirect_uri: CB, code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }));
    expect(ok.status).toBe(201);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const body = (await ok.json()) as { request_uri: string; expires_in: number };
    expect(body.expires_in).toBe(60);

    const nested = await fetch(`${s.issuer}/par`, form({ response_type: 'code', request_uri: body.request_uri }));
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { error: string }).error).toBe('invalid_request');
    const badUri = await fetch(
      `${s.issuer}/par`,
      form({ response_type: 'code', redirect_uri: 'https://evil.example.com/', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }),
    );
    expect(badUri.status).toBe(400);
    const noPkce = await fetch(`${s.issuer}/par`, form({ response_type: 'code', redirect_uri: CB }));
    expect(((await noPkce.json()) as { error: string }).error).toBe('invalid_request');
    const anon = await fetch(`${s.issuer}/par`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${c.client_id}&response_type=code`,
    });
    expect(anon.status).toBe(401);

    // Another client cannot use this client's request_uri.
    const other = await s.admin('POST', '/spaces/default/clients', { name: 'other', grant_types: ['authorization_code'], redirect_uris: [CB] });
    const stolen = (await new Browser(s.url).go(
      `${s.issuer}/authorize?client_id=${other.client_id}&request_uri=${encodeURIComponent(body.request_uri)}`,
    )) as Page;
    expect(stolen.status).toBe(400);
    // ...and the owner still can (the failed attempt did not use it up).
    const own = await new Browser(s.url).go(`${s.issuer}/authorize?client_id=${c.client_id}&request_uri=${encodeURIComponent(body.request_uri)}`);
    expect((own as Page).html).toContain('Sign in');
  });
});

describe.each(STORE_KINDS)('PAR required by the space (%s)', (kind) => {
  let s: TestServer;
  let c: { client_id: string; client_secret: string };
  beforeAll(async () => {
    s = await startTestServer(kind);
    c = await s.admin('POST', '/spaces/default/clients', { name: 'par-only', grant_types: ['authorization_code'], redirect_uris: [CB] });
    await createUser(s, bob.username, bob.password);
    await s.admin('PATCH', '/spaces/default', { settings: { require_par: true } });
  });
  afterAll(async () => s?.close());

  it('says so in discovery, refuses a request in the URL at the redirect URI, and takes a pushed one', async () => {
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    expect(config.serverMetadata().require_pushed_authorization_requests).toBe(true);
    const verifier = client.randomPKCECodeVerifier();
    const challenge = await client.calculatePKCECodeChallenge(verifier);
    const params = { redirect_uri: CB, scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256', state: 'in-url' };

    const inUrl = await new Browser(s.url).go(client.buildAuthorizationUrl(config, params).href);
    const refused = new URL((inUrl as { location: string }).location);
    expect(refused.origin + refused.pathname).toBe(CB);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toContain('pushed authorization requests');
    expect(refused.searchParams.get('state')).toBe('in-url');

    const pushed = await client.buildAuthorizationUrlWithPAR(config, { ...params, state: 'pushed' });
    const loc = await signIn(new Browser(s.url), pushed.href, bob);
    const tokens = await client.authorizationCodeGrant(config, new URL(loc as string), { pkceCodeVerifier: verifier, expectedState: 'pushed' });
    expect(tokens.access_token).toBeTruthy();

    // Turning it off lets plain requests through again (the cache follows the settings change).
    await s.admin('PATCH', '/spaces/default', { settings: { require_par: false } });
    const again = await new Browser(s.url).go(client.buildAuthorizationUrl(config, params).href);
    expect((again as Page).html).toContain('Sign in');
  });
});
