// The connection vault end to end against oidc-provider 9 standing in for Exact Online (issue 10 point 8), with a
// person in Chromium and an application using openid-client:
//   1. The two-way exchange: provider clients are created first and their answers give Keyward's redirect URI (and,
//      for private_key_jwt, the public JWK); the provider is then started with those registered, and its client IDs,
//      secrets and URLs are written back. A connect link opened in Chromium runs oidc-provider's own login and
//      consent pages and ends on Keyward's "Connection made" page; cancelling at the provider and opening a link a
//      second time end on Keyward's error page. Both look like Keyward's sign-in page (compared in the browser).
//   2. An application (a registered client with the `connections` scope and the token exchange grant, openid-client
//      as its OAuth library) keeps getting valid tokens through many rotations of the provider's refresh token
//      (5-second access tokens, force_refresh and natural expiry, concurrent askers at expiry) by the app-facing
//      endpoint, by token exchange and through the proxy; no refresh token is ever used twice and every token works
//      at the provider's API. The application also creates a connection for its own end user, whose consent runs in
//      the browser from the link it was handed, and no other application may use it.
//   3. Client credentials with a secret and with private_key_jwt (the key Keyward generated) get and renew tokens.
// The `custom` catalog entry is used, not `exact-online`: oidc-provider here requires PKCE (Exact Online's entry sends
// none), and Exact Online's entry has no client_credentials kind; `custom` takes the peer's URLs as they are.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import type { ConnectionView } from '../../src/vault/connection-view.js';
import type { ProviderClientView } from '../../src/vault/provider-clients.js';
import { PG_URL } from '../helpers/store.js';
import { startOidcPeer, type OidcPeer } from '../helpers/providers/oidc-peer.js';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { computedLooks, launchChromium, runBrowserTests } from './chromium.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/**
 * The peer's access token lifetime; Keyward renews a token asked for within 2 s of its expiry. A renewed token is
 * then fresh for TTL - MARGIN seconds: concurrent askers must all land in that window to share one renewal, so it is
 * wide enough for a loaded CI machine (at 5 s, six requests spread over 3 s on a busy run and renewed twice).
 */
const TTL_SECONDS = 8;
const MARGIN_SECONDS = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What makes a page look the way it does: the page, the card, the space line, the heading. */
const looks = (page: Page) =>
  computedLooks(page, {
    body: ['body', 'font-family', 'background-color', 'color'],
    main: ['main', 'box-shadow', 'max-width', 'border-radius', 'background-color'],
    space: ['header.brand', 'color', 'font-size'],
    h1: ['h1', 'font-size', 'color'],
  });

describe.runIf(runBrowserTests)('the vault against oidc-provider (chromium, openid-client)', () => {
  let s: TestServer;
  let peer: OidcPeer;
  let browser: Browser;
  let space: { id: string; slug: string };
  let codePc: ProviderClientView;
  let secretPc: ProviderClientView;
  let jwtPc: ProviderClientView;
  let connected: ConnectionView;
  const shots = mkdtempSync(path.join(tmpdir(), 'keyward-vault-'));

  /** A new page that may reach this machine only (oidc-provider's pages import a web font from the internet). */
  async function loopbackPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    return page;
  }

  /**
   * Opens a connect link and goes through oidc-provider's own pages as a person would: its development login (any
   * login, any password), then its consent; the page ends on Keyward's "Connection made".
   */
  async function consentInBrowser(connectUrl: string, login: string, shot?: string): Promise<Page> {
    const page = await loopbackPage();
    await page.goto(connectUrl);
    expect(new URL(page.url()).origin).toBe(peer.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    if (shot) await page.screenshot({ path: path.join(shots, shot), fullPage: true });
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Connection made' }).waitFor();
    expect(page.url().startsWith(`${s.url}/spaces/default/connections/callback?`)).toBe(true);
    return page;
  }

  beforeAll(async () => {
    s = await startTestServer(PG_URL ? 'postgres' : 'pglite', { KEYWARD_VAULT_REFRESH_MARGIN_SECONDS: String(MARGIN_SECONDS) });
    const row = await s.services.spaces.get('default');
    space = { id: row.id, slug: row.slug };

    // Keyward first: the provider clients exist before the provider knows about them; their answers say what to
    // register there (the redirect URI, the public key).
    const pcs = s.services.vault.providerClients;
    codePc = await pcs.create(space, { provider: 'custom', name: 'Exact Online stand-in', scope: 'openid offline_access' }, SYSTEM);
    secretPc = await pcs.create(space, { provider: 'custom', name: 'Peer with secret', scope: 'api' }, SYSTEM);
    jwtPc = await pcs.create(space, { provider: 'custom', name: 'Peer with key', scope: 'api', token_endpoint_auth_method: 'private_key_jwt' }, SYSTEM);
    expect(codePc.redirect_uri).toBe(`${s.url}/spaces/default/connections/callback`);
    expect(jwtPc.has_private_key).toBe(true);
    const jwk = jwtPc.jwks!.keys[0]! as { alg: string; kty: string; d?: string };
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwk.d).toBeUndefined();

    // The provider, with what Keyward's answers said registered at it.
    peer = await startOidcPeer({
      redirectUris: [codePc.redirect_uri],
      accessTokenTtlSeconds: TTL_SECONDS,
      alwaysIssueRefreshToken: true,
      privateKeyJwt: { jwk: jwtPc.jwks!.keys[0]!, alg: jwk.alg },
    });

    // Back to Keyward with what the provider issued.
    const urls = { token_url: peer.tokenUrl, api_base_url: peer.apiBaseUrl };
    codePc = await pcs.update(
      space,
      codePc.id,
      { client_id: peer.codeClient.client_id, client_secret: peer.codeClient.client_secret!, authorization_url: peer.authorizationUrl, ...urls },
      SYSTEM,
    );
    secretPc = await pcs.update(
      space,
      secretPc.id,
      { client_id: peer.credentialsClient.client_id, client_secret: peer.credentialsClient.client_secret!, ...urls },
      SYSTEM,
    );
    jwtPc = await pcs.update(space, jwtPc.id, { client_id: peer.jwtClient.client_id, ...urls }, SYSTEM);

    // As in production, the renewal scheduler runs beside the on-demand renewals.
    s.services.vault.renewer.start();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.services.vault.renewer.stop();
    await s?.close();
    if (peer) {
      expect(peer.serverErrors).toEqual([]);
      await peer.close();
    }
  });

  describe('a person connects in the browser', () => {
    let loginLooks: Record<string, (string | undefined)[]>;

    beforeAll(async () => {
      // Keyward's own sign-in page, for comparison.
      const app = await s.admin('POST', '/spaces/default/clients', {
        name: 'Sign-in page',
        client_type: 'public',
        grant_types: ['authorization_code'],
        redirect_uris: ['http://127.0.0.1/cb'],
      });
      const page = await loopbackPage();
      const q = new URLSearchParams({
        client_id: app.client_id,
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1/cb',
        scope: 'openid',
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      });
      await page.goto(`${s.issuer}/authorize?${q}`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      loginLooks = await looks(page);
      await page.screenshot({ path: path.join(shots, 'keyward-sign-in.png'), fullPage: true });
      await page.close();
    });

    it('signs in and consents on the provider and ends on "Connection made"', async () => {
      connected = await s.services.vault.createConnection(
        space,
        { name: 'Exact Online main', kind: 'oauth2_authorization_code', provider_client: codePc.id },
        SYSTEM,
      );
      expect(connected.status).toBe('pending');
      const { connect_url } = await s.services.vault.connectLink(space, connected.id);
      const page = await consentInBrowser(connect_url, 'alice', 'provider-login.png');
      expect(await page.getByRole('status').textContent()).toBe('"Exact Online main" is connected. You can close this window.');
      expect(await looks(page)).toEqual(loginLooks);
      await page.screenshot({ path: path.join(shots, 'connection-made.png'), fullPage: true });
      await page.close();

      const after = await s.services.vault.connections.get(space, connected.id);
      expect(after).toMatchObject({ status: 'connected', refresh_count: 0, expiry_known: true, last_error: null });
      expect(peer.stats.success.authorization_code).toBe(1);
    }, 60_000);

    it("cancelling at the provider, and a link opened twice, end on Keyward's error page", async () => {
      const conn = await s.services.vault.createConnection(
        space,
        { name: 'Exact Online cancelled', kind: 'oauth2_authorization_code', provider_client: codePc.id },
        SYSTEM,
      );
      const { connect_url } = await s.services.vault.connectLink(space, conn.id);
      const page = await loopbackPage();
      await page.goto(connect_url);
      await page.getByRole('link', { name: '[ Cancel ]' }).click();
      await page.getByRole('heading', { name: 'Connection not made' }).waitFor();
      const alert = await page.getByRole('alert').textContent();
      expect(alert).toBe('The provider did not grant access (access_denied: End-User aborted interaction). Nothing was changed.');
      expect(await looks(page)).toEqual(loginLooks);
      await page.screenshot({ path: path.join(shots, 'denied.png'), fullPage: true });

      const again = await page.goto(connect_url);
      expect(again!.status()).toBe(410);
      expect(await page.getByRole('alert').textContent()).toBe('This connect link has been used already or has expired. Ask for a new one.');
      expect(await looks(page)).toEqual(loginLooks);
      await page.screenshot({ path: path.join(shots, 'link-used.png'), fullPage: true });
      await page.close();
      expect((await s.services.vault.connections.get(space, conn.id)).status).toBe('pending');
      process.stderr.write(`vault page screenshots: ${shots}\n`);
    }, 60_000);
  });

  describe('an application keeps getting valid tokens (openid-client)', () => {
    let config: client.Configuration;
    let keywardToken: string;
    let appClientId: string;

    /** A registered client of the space that may use connections, as openid-client sees it. */
    async function registerApp(name: string): Promise<{ config: client.Configuration; clientId: string }> {
      const app = await s.services.clients.create(
        space,
        { name, client_type: 'confidential', grant_types: ['client_credentials', TOKEN_EXCHANGE], scope: 'connections' } as never,
        SYSTEM,
      );
      const config = await client.discovery(new URL(s.issuer), app.client_id, undefined, client.ClientSecretBasic(app.client_secret!), {
        execute: [client.allowInsecureRequests],
      });
      return { config, clientId: app.client_id };
    }

    beforeAll(async () => {
      ({ config, clientId: appClientId } = await registerApp('Bookkeeping app'));
      const cc = await client.clientCredentialsGrant(config, { scope: 'connections' });
      expect(cc.scope).toBe('connections');
      keywardToken = cc.access_token;
    });

    const bearer = () => ({ authorization: `Bearer ${keywardToken}` });

    /** The provider's token by the app-facing endpoint. */
    async function byEndpoint(force = false): Promise<{ access_token: string; expires_at: string }> {
      const res = await fetch(`${s.issuer}/connections/${connected.id}/token${force ? '?force_refresh=true' : ''}`, { headers: bearer() });
      expect(res.status).toBe(200);
      return (await res.json()) as { access_token: string; expires_at: string };
    }
    /** The provider's token by token exchange, as openid-client sends it. */
    async function byExchange(force = false): Promise<{ access_token: string; expires_in?: number }> {
      const answer = await client.genericGrantRequest(config, TOKEN_EXCHANGE, {
        subject_token: keywardToken,
        subject_token_type: ACCESS_TOKEN_TYPE,
        resource: `urn:keyward:connection:${connected.id}`,
        ...(force ? { force_refresh: 'true' } : {}),
      });
      expect(answer).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'bearer' });
      return answer;
    }
    /** A call through the proxy: the peer's API answers whose token it saw. */
    async function byProxy(): Promise<{ method: string; path: string; sub: string; client_id: string }> {
      const res = await fetch(`${s.issuer}/connections/${connected.id}/proxy/ledger/entries?year=2026`, { headers: bearer() });
      expect(res.status).toBe(200);
      return (await res.json()) as { method: string; path: string; sub: string; client_id: string };
    }
    /** The token works at the provider's API. */
    async function worksAtPeer(token: string): Promise<void> {
      const res = await fetch(`${peer.apiBaseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ sub: 'alice', client_id: peer.codeClient.client_id });
    }

    it('through forced rotations, natural expiry and concurrent askers, with no refresh token used twice', async () => {
      const started = Date.now();
      const seen = new Set<string>();
      const refreshesBefore = peer.stats.success.refresh_token ?? 0;

      // Forced: every ask rotates the refresh token; the three ways alternate.
      const FORCED = 30;
      for (let i = 0; i < FORCED; i++) {
        const token = i % 2 === 0 ? (await byEndpoint(true)).access_token : (await byExchange(true)).access_token;
        expect(seen.has(token)).toBe(false);
        seen.add(token);
        await worksAtPeer(token);
        expect(await byProxy()).toMatchObject({ method: 'GET', path: '/api/ledger/entries', sub: 'alice' });
      }
      expect((await s.services.vault.connections.get(space, connected.id)).refresh_count).toBe(FORCED);

      // Natural expiry: nobody forces; a token asked for in its last seconds is renewed first. Between renewals the
      // same token is handed out by all three ways.
      const NATURAL = 4;
      let previous = [...seen].at(-1)!;
      for (let i = 0; i < NATURAL; i++) {
        const current = await byEndpoint();
        expect((await byExchange()).access_token).toBe(current.access_token);
        const wait = Date.parse(current.expires_at) - Date.now() - MARGIN_SECONDS * 1000 + 300;
        await sleep(Math.max(wait, 0));
        // Concurrent askers at expiry, by all three ways at once: one renewal, shared.
        const answers = await Promise.all([byEndpoint(), byExchange(), byProxy(), byEndpoint(), byExchange(), byProxy()]);
        const tokens = new Set([answers[0], answers[1], answers[3], answers[4]].map((a) => (a as { access_token: string }).access_token));
        expect(tokens.size).toBe(1);
        const [renewed] = [...tokens];
        expect(renewed).not.toBe(current.access_token);
        expect(seen.has(renewed!)).toBe(false);
        seen.add(renewed!);
        await worksAtPeer(renewed!);
        previous = renewed!;
      }
      // A token handed out before is refused by the provider once its own lifetime is over: the expiry is real.
      const first = [...seen][0]!;
      expect((await fetch(`${peer.apiBaseUrl}/me`, { headers: { authorization: `Bearer ${first}` } })).status).toBe(401);

      const after = await s.services.vault.connections.get(space, connected.id);
      const refreshes = (peer.stats.success.refresh_token ?? 0) - refreshesBefore;
      expect(after).toMatchObject({ status: 'connected', last_error: null });
      expect(after.refresh_count).toBe(FORCED + NATURAL);
      expect(refreshes).toBe(FORCED + NATURAL);
      expect(peer.stats.reuse).toBe(0);
      expect(peer.stats.grantsRevoked).toBe(0);
      expect(peer.stats.errors).toEqual({});
      await worksAtPeer(previous);
      process.stderr.write(
        `vault rotations: ${refreshes} refresh token rotations (${FORCED} forced, ${NATURAL} by expiry), ${seen.size} distinct access tokens, ` +
          `reuse ${peer.stats.reuse}, ${peer.stats.apiCalls} API calls at the peer, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }, 120_000);
    it('an application creates a connection for its end user, hands on the connect link, and alone may use it', async () => {
      const res = await fetch(`${s.issuer}/connections`, {
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'End user 7', kind: 'oauth2_authorization_code', provider_client: codePc.id }),
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as ConnectionView & { connect_url: string };
      expect(created).toMatchObject({ availability: 'application', client_id: appClientId, status: 'pending' });
      const page = await consentInBrowser(created.connect_url, 'bob');
      expect(await page.getByRole('status').textContent()).toBe('"End user 7" is connected. You can close this window.');
      await page.close();

      const resource = `urn:keyward:connection:${created.id}`;
      const exchange = { subject_token: keywardToken, subject_token_type: ACCESS_TOKEN_TYPE, resource };
      const mine = await client.genericGrantRequest(config, TOKEN_EXCHANGE, exchange);
      const api = await fetch(`${peer.apiBaseUrl}/me`, { headers: { authorization: `Bearer ${mine.access_token}` } });
      expect(await api.json()).toMatchObject({ sub: 'bob' });
      const proxied = await fetch(`${s.issuer}/connections/${created.id}/proxy/me`, { headers: bearer() });
      expect(await proxied.json()).toMatchObject({ sub: 'bob', path: '/api/me' });

      // Another application of the space may not use it, by any way.
      const other = await registerApp('Another app');
      const otherToken = (await client.clientCredentialsGrant(other.config, { scope: 'connections' })).access_token;
      await expect(client.genericGrantRequest(other.config, TOKEN_EXCHANGE, { ...exchange, subject_token: otherToken })).rejects.toMatchObject({
        error: 'invalid_target',
      });
      const refused = await fetch(`${s.issuer}/connections/${created.id}/token`, { headers: { authorization: `Bearer ${otherToken}` } });
      expect(refused.status).toBe(403);
      const refusedProxy = await fetch(`${s.issuer}/connections/${created.id}/proxy/me`, { headers: { authorization: `Bearer ${otherToken}` } });
      expect(refusedProxy.status).toBe(403);
      expect(peer.stats.reuse).toBe(0);
    }, 60_000);
  });

  describe('client credentials against oidc-provider', () => {
    async function check(pc: ProviderClientView, name: string, peerClientId: string): Promise<void> {
      const started = Date.now();
      const conn = await s.services.vault.createConnection(space, { name, kind: 'oauth2_client_credentials', provider_client: pc.id }, SYSTEM);
      expect(conn, conn.last_error ?? '').toMatchObject({ status: 'connected', last_error: null });
      const api = async (token: string) => {
        const res = await fetch(`${peer.apiBaseUrl}/accounts`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ client_id: peerClientId, scope: 'api', sub: null });
      };
      const tokens = s.services.vault.tokens;
      const first = await tokens.token(space.id, conn.id, { type: 'admin' });
      await api(first.access_token);
      const forced = await tokens.token(space.id, conn.id, { type: 'admin' }, true);
      expect(forced.access_token).not.toBe(first.access_token);
      await api(forced.access_token);
      // Natural expiry: asked for in its last seconds, the token is renewed first.
      await sleep(Math.max(Date.parse(forced.expires_at!) - Date.now() - MARGIN_SECONDS * 1000 + 300, 0));
      const natural = await tokens.token(space.id, conn.id, { type: 'admin' });
      expect(natural.access_token).not.toBe(forced.access_token);
      await api(natural.access_token);
      const after = await s.services.vault.connections.get(space, conn.id);
      expect(after).toMatchObject({ status: 'connected', refresh_count: 2, last_error: null });
      process.stderr.write(`vault client credentials (${pc.token_endpoint_auth_method}): 3 tokens in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }

    it('with a client secret', async () => {
      await check(secretPc, 'Peer with secret', peer.credentialsClient.client_id);
    }, 60_000);

    it('with private_key_jwt and the key Keyward generated', async () => {
      await check(jwtPc, 'Peer with key', peer.jwtClient.client_id);
      expect(peer.stats.success.client_credentials).toBe(6);
      expect(peer.stats.errors).toEqual({});
    }, 60_000);
  });
});
