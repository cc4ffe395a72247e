// The acr claim of ID tokens and acr_values (OIDC Core §2, §3.1.2.1), with openid-client as the relying party:
// "1" when the user entered a password for this request, "0" when an existing browser session was reused.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, createUser, isPage, type Page, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://acr.example.com/cb';
const carol = { username: 'carol', password: 'carol has a long password' };

describe.each(STORE_KINDS)('acr (%s)', (kind) => {
  let s: TestServer;
  let config: client.Configuration;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const c = await s.admin('POST', '/spaces/default/clients', { name: 'acr', grant_types: ['authorization_code', 'refresh_token'], redirect_uris: [CB] });
    await createUser(s, carol.username, carol.password);
    config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
  });
  afterAll(async () => s?.close());

  /** One authorization with the given browser; the ID token's claims and the refreshed ID token's acr. */
  async function authorize(b: Browser, extra: Record<string, string> = {}) {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'st',
      ...extra,
    });
    const first = await b.go(url.href);
    const askedToSignIn = isPage(first) && first.html.includes('autocomplete="current-password"');
    const loc = await signIn(b, url.href, carol);
    const tokens = await client.authorizationCodeGrant(config, new URL(loc as string), { pkceCodeVerifier: verifier, expectedState: 'st' });
    return { askedToSignIn, claims: tokens.claims()!, refreshToken: tokens.refresh_token };
  }

  it('advertises acr_values_supported', () => {
    expect(config.serverMetadata().acr_values_supported).toEqual(['0', '1']);
  });

  it('is "1" after a password, "0" on a reused session, and stays with the grant on refresh', async () => {
    const b = new Browser(s.url);
    const fresh = await authorize(b);
    expect(fresh.askedToSignIn).toBe(true);
    expect(fresh.claims.acr).toBe('1');

    const sso = await authorize(b);
    expect(sso.askedToSignIn).toBe(false);
    expect(sso.claims.acr).toBe('0');
    expect(sso.claims.auth_time).toBe(fresh.claims.auth_time);

    const refreshed = await client.refreshTokenGrant(config, fresh.refreshToken!);
    expect(refreshed.claims()!.acr).toBe('1');
  });

  it('acr_values=1 asks for the password again although a session exists; acr_values=0 does not', async () => {
    const b = new Browser(s.url);
    await authorize(b);
    const stepUp = await authorize(b, { acr_values: '1' });
    expect(stepUp.askedToSignIn).toBe(true);
    expect(stepUp.claims.acr).toBe('1');
    const either = await authorize(b, { acr_values: '0 1' });
    expect(either.askedToSignIn).toBe(false);
    expect(either.claims.acr).toBe('0');
  });

  it('prompt=none with acr_values=1 and only a session answers login_required', async () => {
    const b = new Browser(s.url);
    await authorize(b);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      prompt: 'none',
      acr_values: '1',
      state: 'n',
    });
    const r = (await b.go(url.href)) as { location: string } | Page;
    expect(isPage(r)).toBe(false);
    expect(new URL((r as { location: string }).location).searchParams.get('error')).toBe('login_required');
  });
});
