// Standard scopes and claims (OIDC Core §5.4) end to end, with openid-client as the relying party: a user's claims
// set through the admin API, a client registered without a scope, the full code flow; userinfo and the ID token
// carry exactly the claims of the granted scopes, absent ones left out; the consent page speaks in sentences.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_CLAIMS, STANDARD_SCOPES } from '../../src/registry/standard-scopes.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { Browser, formOf, isPage, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const CB = 'https://rp.example.com/cb';
const ada = { username: 'ada', password: 'ada has a long password' };
const bob = { username: 'bob', password: 'bob has a long password' };

const PROFILE = {
  name: 'Ada King',
  given_name: 'Ada',
  family_name: 'King',
  middle_name: 'Augusta',
  nickname: 'Countess',
  profile: 'https://example.com/ada',
  picture: 'https://example.com/ada.png',
  website: 'https://ada.example.org/',
  gender: 'female',
  birthdate: '1815-12-10',
  zoneinfo: 'Europe/London',
  locale: 'en-GB',
};
const ADDRESS = {
  formatted: '12 St James Square\nLondon SW1Y 4JH',
  street_address: '12 St James Square',
  locality: 'London',
  postal_code: 'SW1Y 4JH',
  country: 'United Kingdom',
};

describe.each(STORE_KINDS)('standard claims (%s)', (kind) => {
  let s: TestServer;
  let config: client.Configuration;
  let adaId: string;
  let bobId: string;

  beforeAll(async () => {
    s = await startTestServer(kind);
    adaId = (
      await s.admin('POST', '/spaces/default/users', {
        ...ada,
        email: 'ada@example.com',
        email_verified: true,
        ...PROFILE,
        phone_number: '+44 20 7946 0018',
        phone_number_verified: true,
        address: ADDRESS,
      })
    ).id;
    bobId = (await s.admin('POST', '/spaces/default/users', bob)).id;
    // No scope given: the client gets the space's standard scopes.
    const c = await s.admin('POST', '/spaces/default/clients', { name: 'rp', grant_types: ['authorization_code'], redirect_uris: [CB] });
    expect(c.scope).toBe('address email phone profile');
    config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
  });
  afterAll(async () => s?.close());

  /** A full code flow in a fresh browser; the tokens. */
  async function codeFlow(user: { username: string; password: string }, scope: string) {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'st',
      nonce: 'n',
    });
    const loc = await signIn(new Browser(s.url), url.href, user);
    return client.authorizationCodeGrant(config, new URL(loc as string), { pkceCodeVerifier: verifier, expectedState: 'st', expectedNonce: 'n' });
  }

  it('discovery lists the standard scopes and every claim they release', () => {
    const m = config.serverMetadata();
    expect(m.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'address', 'phone']));
    expect(m.claims_supported).toEqual(expect.arrayContaining([...STANDARD_CLAIMS, 'sub']));
    expect(STANDARD_CLAIMS).toHaveLength(19);
  });

  it('openid profile email: exactly the profile and e-mail claims, in userinfo and in the ID token', async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await codeFlow(ada, 'openid profile email');
    const info = await client.fetchUserInfo(config, tokens.access_token, adaId);
    const { updated_at, ...rest } = info;
    expect(rest).toEqual({ sub: adaId, preferred_username: 'ada', ...PROFILE, email: 'ada@example.com', email_verified: true });
    expect(updated_at).toBeTypeOf('number');
    expect(updated_at).toBeLessThanOrEqual(before + 1);
    expect(updated_at).toBeGreaterThan(before - 600);
    const id = tokens.claims()!;
    for (const [k, v] of Object.entries(info)) expect(id[k]).toEqual(v);
    for (const k of ['address', 'phone_number', 'phone_number_verified']) {
      expect(info).not.toHaveProperty(k);
      expect(id).not.toHaveProperty(k);
    }
  });

  it('openid address phone: the address and the phone number (stored in E.164)', async () => {
    const tokens = await codeFlow(ada, 'openid address phone');
    expect(await client.fetchUserInfo(config, tokens.access_token, adaId)).toEqual({
      sub: adaId,
      address: ADDRESS,
      phone_number: '+442079460018',
      phone_number_verified: true,
    });
    expect(tokens.claims()).toMatchObject({ address: ADDRESS, phone_number: '+442079460018' });
    const bare = await codeFlow(ada, 'openid');
    expect(await client.fetchUserInfo(config, bare.access_token, adaId)).toEqual({ sub: adaId });
  });

  it('leaves out claims a user has no value for, never null or ""', async () => {
    const tokens = await codeFlow(bob, 'openid profile email address phone');
    const info = await client.fetchUserInfo(config, tokens.access_token, bobId);
    expect(Object.keys(info).sort()).toEqual(['preferred_username', 'sub', 'updated_at']);
    const id = tokens.claims()!;
    for (const claim of STANDARD_CLAIMS.filter((c) => c !== 'preferred_username' && c !== 'updated_at')) expect(id).not.toHaveProperty(claim);
  });

  it('a scope the client is not associated with is refused', async () => {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'email-only',
      grant_types: ['authorization_code'],
      redirect_uris: [CB],
      scope: 'email',
    });
    const cfg = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: CB,
      scope: 'openid profile',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      state: 's',
    });
    const loc = await signIn(new Browser(s.url), url.href, ada);
    expect(new URL(loc as string).searchParams.get('error')).toBe('invalid_scope');
  });

  it('the consent page shows sentences, never a raw scope name', async () => {
    await s.admin('POST', '/spaces/default/scopes', { name: 'ledger:rw' });
    await s.admin('POST', '/spaces/default/scopes', { name: 'x-internal' });
    await s.admin('POST', '/spaces/default/scopes', { name: 'reports', description: 'Read your reports' });
    // An admin cleared the description of a standard scope: its built-in text is shown.
    await s.admin('PATCH', '/spaces/default/scopes/phone', { description: '' });
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'Ledger app',
      grant_types: ['authorization_code'],
      redirect_uris: [CB],
      scope: 'email phone ledger:rw x-internal reports',
    });
    const cfg = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: CB,
      scope: 'openid email phone ledger:rw x-internal reports',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      state: 's',
    });
    const b = new Browser(s.url);
    const page = await signIn(b, url.href, ada, null);
    if (typeof page === 'string' || !isPage(page)) throw new Error(`expected the consent page, got ${String(page)}`);
    const html = page.html;
    const items = [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    const text = (name: string) => STANDARD_SCOPES.find((x) => x.name === name)!.description;
    expect(items).toEqual([
      'Confirm who you are (your user id)',
      text('email'),
      text('phone'),
      'Read your reports',
      'Other access to your account that has no description (2 permissions)',
    ]);
    expect(html).not.toContain('ledger:rw');
    expect(html).not.toContain('x-internal');
    expect(formOf(html).fields.csrf).toBeTruthy();
  });
});
