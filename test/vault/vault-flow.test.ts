// The vault end to end against a real provider on a socket (the quirk provider, rotating refresh tokens with
// strict reuse detection): a provider client, a connection made through the consent (link, provider, callback),
// then an application getting the provider's token through the app-facing endpoint, token exchange and the proxy,
// through many rotations, and the rules of who may use a connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import { listAudit, SYSTEM } from '../../src/events/audit.js';
import type { ConnectionView } from '../../src/vault/connection-view.js';

const ISSUER = 'http://localhost:8080/spaces/default';
const CALLBACK = `${ISSUER}/connections/callback`;
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

let t: TestApp;
let provider: QuirkProvider;
let space: { id: string; slug: string };

/** A registered client of the space and a Keyward access token it got with client_credentials. */
async function appClient(scope: string): Promise<{ clientId: string; secret: string; token: string }> {
  const created = await t.services.clients.create(
    space,
    { name: `app ${Math.random()}`, client_type: 'confidential', grant_types: ['client_credentials', TOKEN_EXCHANGE], scope } as never,
    SYSTEM,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/spaces/default/token',
    payload: `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${created.client_id}:${created.client_secret}`).toString('base64')}`,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { clientId: created.client_id, secret: created.client_secret!, token: res.json().access_token };
}

/** Runs the consent the way a browser would: link → provider → callback with the browser's cookie. */
async function connectThroughConsent(connectionId: string): Promise<string> {
  const { connect_url } = await t.services.vault.connectLink(space, connectionId);
  const opened = await t.app.inject({ method: 'GET', url: new URL(connect_url).pathname });
  expect(opened.statusCode, opened.body).toBe(302);
  const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
  const atProvider = await fetch(String(opened.headers.location), { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  const done = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie } });
  return done.body;
}

/** A provider client of the `custom` kind for the quirk provider. */
const quirkClient = () =>
  t.services.vault.providerClients.create(
    space,
    {
      provider: 'custom',
      name: `Quirk ${Math.random()}`,
      client_id: 'quirk-client',
      client_secret: 'quirk-secret',
      authorization_url: provider.authorizationUrl,
      token_url: provider.tokenUrl,
      api_base_url: provider.apiBaseUrl,
    },
    SYSTEM,
  );

async function newConnection(extra: Record<string, unknown> = {}): Promise<ConnectionView> {
  const pc = await quirkClient();
  return t.services.vault.createConnection(
    space,
    { name: `Quirk ${Math.floor(Math.random() * 1e9)}`, kind: 'oauth2_authorization_code', provider_client: pc.id, ...extra },
    SYSTEM,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await startQuirkProvider({ pkce: 'required', redirectUris: [CALLBACK], refresh: { rotates: true }, lifetime: 'string' });
  const s = await t.services.spaces.get('default');
  space = { id: s.id, slug: s.slug };
});
afterAll(async () => {
  await provider?.close();
  await t?.close();
});

describe('connecting through the consent', () => {
  it('stores the tokens and shows the connection connected, with PKCE sent to the provider', async () => {
    const conn = await newConnection();
    expect(conn.status).toBe('pending');
    const page = await connectThroughConsent(conn.id);
    expect(page).toContain('Connection made');
    const after = await t.services.vault.connections.get(space, conn.id);
    expect(after).toMatchObject({ status: 'connected', refresh_count: 0, expiry_known: true, last_error: null });
    expect(after.next_refresh_at).not.toBeNull();
    expect(provider.authorizations.at(-1)!.code_challenge_method).toBe('S256');
    // The consent's event, written with its tokens.
    const events = (await listAudit(t.services.store.db, { type: 'connection.connected', limit: 50 })).items.filter((e) => e.target.id === conn.id);
    expect(events).toMatchObject([{ actor: { type: 'system' }, changes: { name: conn.name, status: { from: 'pending', to: 'connected' } } }]);
  });

  it('refuses a callback from a browser that did not open the link, and a link opened twice', async () => {
    const conn = await newConnection();
    const { connect_url } = await t.services.vault.connectLink(space, conn.id);
    const path = new URL(connect_url).pathname;
    const opened = await t.app.inject({ method: 'GET', url: path });
    const atProvider = await fetch(String(opened.headers.location), { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    const foreign = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: 'kw_connect=someone-else' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).toContain('another browser');
    const again = await t.app.inject({ method: 'GET', url: path });
    expect(again.statusCode).toBe(410);
    expect((await t.services.vault.connections.get(space, conn.id)).status).toBe('pending');
  });

  it('reconnecting keeps the id and replaces the tokens', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const first = await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' });
    await connectThroughConsent(conn.id);
    const second = await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' });
    expect(second.access_token).not.toBe(first.access_token);
    expect((await t.services.vault.connections.get(space, conn.id)).id).toBe(conn.id);
  });
});

describe('tokens for applications', () => {
  it('serves a valid token by the app-facing endpoint, by token exchange and through the proxy, across rotations', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const app = await appClient('connections');
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/spaces/default/connections/${conn.id}/token?force_refresh=true`,
        headers: { authorization: `Bearer ${app.token}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_at', 'metadata', 'token_type']);
      seen.add(body.access_token);
      const api = await fetch(`${provider.apiBaseUrl}/ping`, { headers: { authorization: `Bearer ${body.access_token}` } });
      expect(api.status).toBe(200);
    }
    expect(seen.size).toBe(5);
    expect((await t.services.vault.connections.get(space, conn.id)).refresh_count).toBe(5);

    const exchanged = await t.app.inject({
      method: 'POST',
      url: '/spaces/default/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.secret}`).toString('base64')}`,
      },
      payload: new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        subject_token: app.token,
        subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        resource: `urn:keyward:connection:${conn.id}`,
      }).toString(),
    });
    expect(exchanged.statusCode, exchanged.body).toBe(200);
    expect(exchanged.json()).toMatchObject({ issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer' });
    expect((await fetch(`${provider.apiBaseUrl}/ping`, { headers: { authorization: `Bearer ${exchanged.json().access_token}` } })).status).toBe(200);

    const proxied = await t.app.inject({
      method: 'POST',
      url: `/spaces/default/connections/${conn.id}/proxy/orders/7?expand=lines`,
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json', 'x-trace': 'abc' },
      payload: JSON.stringify({ qty: 2 }),
    });
    expect(proxied.statusCode, proxied.body).toBe(200);
    const echo = proxied.json();
    expect(echo).toMatchObject({ method: 'POST', path: '/api/orders/7' });
    expect(JSON.stringify(echo)).toContain('expand');
    expect(JSON.stringify(echo)).toContain('qty');
    expect(provider.stats.reuse).toBe(0);
  });

  it('retries once through the proxy after a 401, with a forced refresh; a 401 that stays comes back as it is', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const app = await appClient('connections');
    const before = (await t.services.vault.connections.get(space, conn.id)).refresh_count;
    provider.failApiNext(1);
    const once = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${conn.id}/proxy/x`,
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect(once.statusCode).toBe(200);
    expect((await t.services.vault.connections.get(space, conn.id)).refresh_count).toBe(before + 1);
    provider.failApiNext(2);
    const twice = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${conn.id}/proxy/x`,
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect(twice.statusCode).toBe(401);
    expect(twice.headers['www-authenticate']).toBeDefined();
  });

  it('refuses a path that would leave the API base URL', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const app = await appClient('connections');
    const res = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${conn.id}/proxy/a/..%2F..%2Fadmin`,
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error_description).toContain('below the API base URL');
  });

  it('shares one refresh among concurrent askers and never reuses a rotated refresh token', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const app = await appClient('connections');
    const reuseBefore = provider.stats.reuse;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'GET',
          url: `/spaces/default/connections/${conn.id}/token?force_refresh=true`,
          headers: { authorization: `Bearer ${app.token}` },
        }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    expect(new Set(answers.map((a) => a.json().access_token)).size).toBe(1);
    expect(provider.stats.reuse).toBe(reuseBefore);
  });

  it('gives 403 without a difference between a forbidden and an unknown connection', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const noScope = await appClient('profile');
    const denied = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${conn.id}/token`,
      headers: { authorization: `Bearer ${noScope.token}` },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toBe('insufficient_scope');

    const owner = await appClient('connections');
    const other = await appClient('connections');
    const bound = await newConnection({ availability: 'application', client_id: owner.clientId });
    await connectThroughConsent(bound.id);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${bound.id}/token`,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/${bound.id}/token`,
      headers: { authorization: `Bearer ${other.token}` },
    });
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/spaces/default/connections/00000000-0000-4000-8000-000000000000/token`,
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(theirs.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(theirs.json()).toEqual(unknown.json());
    const noToken = await t.app.inject({ method: 'GET', url: `/spaces/default/connections/${bound.id}/token` });
    expect(noToken.statusCode).toBe(401);
  });

  it('answers reads that arrive together each on its own: a bad id, an unknown one or another space’s never spoils the rest', async () => {
    // The token path reads the connections asked for in one event-loop turn with one statement.
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const slug = `other-${Math.floor(Math.random() * 1e9)}`;
    await t.services.spaces.create({ slug }, SYSTEM);
    const elsewhere = await t.services.spaces.get(slug);
    const pcThere = await t.services.vault.providerClients.create(
      { id: elsewhere.id, slug: elsewhere.slug },
      { provider: 'custom', name: 'Elsewhere', client_id: 'x', client_secret: 'y', authorization_url: provider.authorizationUrl, token_url: provider.tokenUrl },
      SYSTEM,
    );
    const there = await t.services.vault.createConnection(
      { id: elsewhere.id, slug: elsewhere.slug },
      { name: 'Elsewhere', kind: 'api_key', provider_client: pcThere.id, credentials: { api_key: 'k-elsewhere' } },
      SYSTEM,
    );
    const app = await appClient('connections');
    const read = (id: string) =>
      t.app.inject({ method: 'GET', url: `/spaces/default/connections/${id}/token`, headers: { authorization: `Bearer ${app.token}` } });
    const ids = [conn.id, '0123456789abcdef-0123456789abcdef-ab', '00000000-0000-4000-8000-000000000000', there.id, conn.id, conn.id];
    const answers = await Promise.all(ids.map(read));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 403, 403, 403, 200, 200]);
    expect(new Set([0, 4, 5].map((i) => answers[i]!.json().access_token)).size).toBe(1);
    expect(answers[3]!.json()).toEqual(answers[2]!.json());
  });

  it('lets an application create a connection for its end user, bound to itself, with a connect link', async () => {
    const app = await appClient('connections');
    const pc = await quirkClient();
    const res = await t.app.inject({
      method: 'POST',
      url: '/spaces/default/connections',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
      payload: { name: 'End user 42', kind: 'oauth2_authorization_code', provider_client: pc.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ availability: 'application', client_id: app.clientId, status: 'pending' });
    expect(body.connect_url).toMatch(/^http:\/\/localhost:8080\/spaces\/default\/connections\/connect\//);
    const sneaky = await t.app.inject({
      method: 'POST',
      url: '/spaces/default/connections',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
      payload: { name: 'Global', kind: 'oauth2_authorization_code', provider_client: pc.id, availability: 'global' },
    });
    expect(sneaky.statusCode).toBe(400);
  });
});

describe('renewal failures', () => {
  it('moves to needs_reauth when the provider refuses the grant, and says so to the application', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    provider.failNext({ status: 400, body: { error: 'invalid_grant', error_description: 'revoked' } });
    const after = await t.services.vault.refreshNow(space, conn.id);
    expect(after.status).toBe('needs_reauth');
    expect(after.last_error).toContain('invalid_grant');
    await expect(t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' })).rejects.toThrow(/connected again/);
  });

  it('backs off a provider failure and recovers on the next renewal', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    provider.failNext({ status: 503 });
    const failed = await t.services.vault.refreshNow(space, conn.id);
    expect(failed.status).toBe('error');
    expect(Date.parse(failed.next_refresh_at!)).toBeGreaterThan(Date.now());
    // The current token is still valid: applications keep getting it.
    expect((await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' })).access_token).toBeTruthy();
    const recovered = await t.services.vault.refreshNow(space, conn.id);
    expect(recovered).toMatchObject({ status: 'connected', last_error: null });
  });
});

describe('an admin change during a refresh', () => {
  /** Runs `change` while a refresh of `id` waits for the provider; the refresh's own answer. */
  async function duringRefresh(id: string, change: () => Promise<unknown>) {
    provider.options.delayMs = 300;
    try {
      const refreshing = t.services.vault.refreshNow(space, id);
      await new Promise((r) => setTimeout(r, 100));
      await change();
      return await refreshing;
    } finally {
      provider.options.delayMs = 0;
    }
  }

  it('a connection disabled meanwhile stays disabled, and keeps the rotated refresh token for later', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const reuseBefore = provider.stats.reuse;
    await duringRefresh(conn.id, () => t.services.vault.updateConnection(space, conn.id, { disabled: true }, SYSTEM));
    expect((await t.services.vault.connections.get(space, conn.id)).status).toBe('disabled');
    await t.services.vault.updateConnection(space, conn.id, { disabled: false }, SYSTEM);
    expect(await t.services.vault.refreshNow(space, conn.id)).toMatchObject({ status: 'connected', last_error: null });
    expect(provider.stats.reuse).toBe(reuseBefore);
  });

  it('a provider client switched meanwhile gets none of the old client’s tokens', async () => {
    const conn = await newConnection();
    await connectThroughConsent(conn.id);
    const other = await quirkClient();
    const answered = await duringRefresh(conn.id, () => t.services.vault.updateConnection(space, conn.id, { provider_client: other.id }, SYSTEM));
    expect(answered).toMatchObject({ status: 'pending', provider_client: other.id, expires_at: null });
    await expect(t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' })).rejects.toThrow(/not been connected/);
  });
});
