// Every credential kind and the catalog's renewal quirks against the quirk provider: client credentials, the
// Redox-style API-key exchange, static API keys and basic credentials through the proxy, a provider that names no
// lifetime (the override, shown as expiry unknown, never "never refresh"), Exact Online's refresh window, and
// the scheduler renewing what is due.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog, CATALOG_ROOT } from '../../src/vault/catalog/index.js';
import { Vault } from '../../src/vault/index.js';
import { SYSTEM } from '../../src/events/audit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';

let t: TestApp;
let space: { id: string; slug: string };
const providers: QuirkProvider[] = [];

async function provider(opts: Parameters<typeof startQuirkProvider>[0] = {}): Promise<QuirkProvider> {
  const p = await startQuirkProvider(opts);
  providers.push(p);
  return p;
}

let n = 0;
const name = (what: string) => `${what} ${++n}`;

async function customClient(p: QuirkProvider, extra: Record<string, unknown> = {}) {
  return t.services.vault.providerClients.create(
    space,
    {
      provider: 'custom',
      name: name('pc'),
      client_id: 'quirk-client',
      client_secret: 'quirk-secret',
      authorization_url: p.authorizationUrl,
      token_url: p.tokenUrl,
      api_base_url: p.apiBaseUrl,
      ...extra,
    },
    SYSTEM,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await t.services.spaces.get('default');
  space = { id: s.id, slug: s.slug };
});
afterAll(async () => {
  for (const p of providers) await p.close();
  await t?.close();
});

describe('credential kinds', () => {
  it('client credentials: a first token at creation, a new one on every renewal', async () => {
    const p = await provider();
    const pc = await customClient(p);
    const conn = await t.services.vault.createConnection(space, { name: name('cc'), kind: 'oauth2_client_credentials', provider_client: pc.id }, SYSTEM);
    expect(conn).toMatchObject({ status: 'connected', refresh_count: 0 });
    const first = await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' });
    const second = await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' }, true);
    expect(second.access_token).not.toBe(first.access_token);
    expect(p.stats.requests.client_credentials).toBe(2);
  });

  it('an API key and secret exchanged for tokens and renewed with the refresh token (Redox legacy)', async () => {
    const p = await provider();
    // Redox's own entry with its host pointed at this test's provider (a catalog copy in a temporary folder): the
    // exchange's URLs, body and answer mapping are the catalog's.
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-catalog-'));
    mkdirSync(path.join(dir, 'providers'));
    // The copy's schema lets its URLs use plain http: the test provider has no certificate.
    writeFileSync(
      path.join(dir, 'provider.schema.json'),
      readFileSync(path.join(CATALOG_ROOT, 'provider.schema.json'), 'utf8').replaceAll('^https://', '^https?://'),
    );
    const redox = JSON.parse(readFileSync(path.join(CATALOG_ROOT, 'providers/redox.json'), 'utf8'));
    const host = new URL(p.url).host;
    redox.config.host = { ...redox.config.host, values: [host], default: host };
    const http = (u: string) => u.replace('https://', 'http://');
    Object.assign(redox.api_key_exchange, { url: http(redox.api_key_exchange.url) });
    redox.api_key_exchange.refresh.url = http(redox.api_key_exchange.refresh.url);
    redox.token_url = http(redox.token_url);
    redox.api_base_url = http(redox.api_base_url);
    writeFileSync(path.join(dir, 'providers/redox.json'), JSON.stringify(redox));
    const vault = new Vault(t.services.store.db, new Catalog(dir), t.services.keyring);
    const pc = await vault.providerClients.create(space, { provider: 'redox', name: name('redox') }, SYSTEM);
    const conn = await vault.createConnection(
      space,
      { name: name('legacy'), kind: 'api_key_exchange', provider_client: pc.id, credentials: { api_key: 'quirk-api-key', secret: 'quirk-api-secret' } },
      SYSTEM,
    );
    expect(conn).toMatchObject({ status: 'connected', expiry_known: true, has_credentials: true });
    const first = await vault.tokens.token(space.id, conn.id, { type: 'admin' });
    const renewed = await vault.tokens.token(space.id, conn.id, { type: 'admin' }, true);
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(p.stats.requests).toMatchObject({ api_key: 1, api_key_refresh: 1 });
    expect(JSON.stringify(await vault.connections.get(space, conn.id))).not.toContain('quirk-api-secret');
    rmSync(dir, { recursive: true });
  });

  it('a static API key and basic credentials go to the API as the catalog says, and are never renewed', async () => {
    const p = await provider({ apiAuth: { name: 'authorization', in: 'header', scheme: 'Bearer' } });
    const pc = await customClient(p);
    const key = await t.services.vault.createConnection(
      space,
      { name: name('key'), kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'k-123' } },
      SYSTEM,
    );
    expect(key).toMatchObject({ status: 'connected', next_refresh_at: null, has_credentials: true });
    expect(await t.services.vault.tokens.token(space.id, key.id, { type: 'admin' })).toMatchObject({
      access_token: 'k-123',
      token_type: 'api_key',
      expires_at: null,
    });
    const basic = await t.services.vault.createConnection(
      space,
      { name: name('basic'), kind: 'basic', provider_client: pc.id, credentials: { username: 'u', password: 'p' } },
      SYSTEM,
    );
    expect((await t.services.vault.tokens.token(space.id, basic.id, { type: 'admin' })).access_token).toBe(Buffer.from('u:p').toString('base64'));
    const refreshed = await t.services.vault.refreshNow(space, basic.id);
    expect(refreshed.refresh_count).toBe(0);
  });

  it('refuses credentials a kind does not take, and missing ones', async () => {
    const p = await provider();
    const pc = await customClient(p);
    await expect(t.services.vault.createConnection(space, { name: name('x'), kind: 'api_key', provider_client: pc.id }, SYSTEM)).rejects.toMatchObject({
      field: 'credentials',
    });
    await expect(
      t.services.vault.createConnection(
        space,
        { name: name('x'), kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'a', password: 'b' } },
        SYSTEM,
      ),
    ).rejects.toMatchObject({ field: 'credentials' });
    await expect(
      t.services.vault.createConnection(
        space,
        { name: name('x'), kind: 'oauth2_authorization_code', provider_client: pc.id, credentials: { api_key: 'a' } },
        SYSTEM,
      ),
    ).rejects.toMatchObject({ field: 'credentials' });
  });
});

describe('lifetimes and refresh windows', () => {
  it('uses the provider client override when the answer names no lifetime, and shows the expiry as unknown', async () => {
    const p = await provider({ lifetime: 'omitted' });
    const pc = await customClient(p, { access_token_expires_in: 3599999, refresh_token_expires_in: 7775999999, expires_in_unit: 'ms' });
    expect(pc).toMatchObject({ access_token_expires_in: 3599999, expires_in_unit: 'ms' });
    const conn = await t.services.vault.createConnection(space, { name: name('cc'), kind: 'oauth2_client_credentials', provider_client: pc.id }, SYSTEM);
    expect(conn.expiry_known).toBe(false);
    const left = Date.parse(conn.expires_at!) - Date.now();
    expect(left).toBeGreaterThan(3_500_000);
    expect(left).toBeLessThanOrEqual(3_600_000);
    expect(conn.next_refresh_at).not.toBeNull();
  });

  it("the provider's own lifetime wins over the override", async () => {
    const p = await provider({ lifetime: 'seconds', accessTokenTtlSeconds: 120 });
    const pc = await customClient(p, { access_token_expires_in: 3600, expires_in_unit: 's' });
    const conn = await t.services.vault.createConnection(space, { name: name('cc'), kind: 'oauth2_client_credentials', provider_client: pc.id }, SYSTEM);
    expect(conn.expiry_known).toBe(true);
    expect(Date.parse(conn.expires_at!) - Date.now()).toBeLessThanOrEqual(120_000);
  });

  it("never refreshes before Exact Online's window: force_refresh answers the current token and sends nothing", async () => {
    const p = await provider({ lifetime: 'string', accessTokenTtlSeconds: 600, refresh: { rotates: true, earliestBeforeExpirySeconds: 30 } });
    const pc = await t.services.vault.providerClients.create(
      space,
      {
        provider: 'exact-online',
        name: name('exact'),
        client_id: 'quirk-client',
        client_secret: 'quirk-secret',
        config: { ext: 'nl' },
        authorization_url: p.authorizationUrl,
        token_url: p.tokenUrl,
        api_base_url: p.apiBaseUrl,
      },
      SYSTEM,
    );
    const conn = await t.services.vault.createConnection(space, { name: name('exact'), kind: 'oauth2_authorization_code', provider_client: pc.id }, SYSTEM);
    // Connected as the consent would leave it: a family minted at the provider, stored through the renewal path.
    const minted = p.mint();
    const { replaceCredentials } = await import('../../src/store/connection-renewal.js');
    const { sealedAad } = await import('../../src/store/sealed-columns.js');
    await replaceCredentials(t.services.store.db, conn.id, {
      status: 'connected',
      accessTokenSealed: t.services.keyring.seal(minted.access_token, sealedAad.connection(conn.id, 'access_token')),
      refreshTokenSealed: t.services.keyring.seal(minted.refresh_token!, sealedAad.connection(conn.id, 'refresh_token')),
      expiresAt: new Date(Date.now() + 600_000),
    });
    const before = { ...p.stats };
    const forced = await t.services.vault.tokens.token(space.id, conn.id, { type: 'admin' }, true);
    expect(forced.access_token).toBe(minted.access_token);
    expect(p.stats.refreshes).toBe(before.refreshes);
    expect(p.stats.tooEarly).toBe(0);
  });
});

describe('the scheduler', () => {
  it('renews what is due and nothing else', async () => {
    const p = await provider();
    const pc = await customClient(p);
    const due = await t.services.vault.createConnection(
      space,
      { name: name('due'), kind: 'oauth2_client_credentials', provider_client: pc.id, renewal_rate: 60 },
      SYSTEM,
    );
    const later = await t.services.vault.createConnection(
      space,
      { name: name('later'), kind: 'oauth2_client_credentials', provider_client: pc.id, renewal_rate: '1h' },
      SYSTEM,
    );
    const { updateConnection } = await import('../../src/store/connections.js');
    await updateConnection(t.services.store.db, due.id, { nextRefreshAt: new Date(Date.now() - 1000) });
    const claimed = await t.services.vault.renewer.runDue();
    expect(claimed).toBeGreaterThanOrEqual(1);
    expect((await t.services.vault.connections.get(space, due.id)).refresh_count).toBe(1);
    expect((await t.services.vault.connections.get(space, later.id)).refresh_count).toBe(0);
    expect((await t.services.vault.connections.get(space, later.id)).renewal_rate).toBe('1h');
  });

  it('claims batch after batch in one pass until a batch comes back short, renewing each once', async () => {
    const p = await provider();
    const pc = await customClient(p);
    const { updateConnection } = await import('../../src/store/connections.js');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await t.services.vault.createConnection(
        space,
        { name: name(`batch ${i}`), kind: 'oauth2_client_credentials', provider_client: pc.id, renewal_rate: 60 },
        SYSTEM,
      );
      await updateConnection(t.services.store.db, c.id, { nextRefreshAt: new Date(Date.now() - 1000) });
      ids.push(c.id);
    }
    const renewer = t.services.vault.renewer;
    const saved = { batch: renewer.options.batch, concurrency: renewer.options.concurrency };
    Object.assign(renewer.options, { batch: 3, concurrency: 2 });
    try {
      // 3 + 3 + 1 (and whatever else of the file is due): three claims, each connection renewed exactly once.
      expect(await renewer.runDue(Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(7);
    } finally {
      Object.assign(renewer.options, saved);
    }
    for (const id of ids) expect((await t.services.vault.connections.get(space, id)).refresh_count).toBe(1);
  });
});

describe('connection rules', () => {
  it('names: letters, digits and spaces, unique per space whatever the case', async () => {
    const p = await provider();
    const pc = await customClient(p);
    await t.services.vault.createConnection(
      space,
      { name: 'Access Token for Redox', kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'k' } },
      SYSTEM,
    );
    await expect(
      t.services.vault.createConnection(
        space,
        { name: 'access token FOR redox', kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'k' } },
        SYSTEM,
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    await expect(
      t.services.vault.createConnection(space, { name: 'bad/name', kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'k' } }, SYSTEM),
    ).rejects.toMatchObject({
      field: 'name',
    });
  });

  it('renewal rates: disabled, 15m, 30m, 1h or seconds from 60', async () => {
    const p = await provider();
    const pc = await customClient(p);
    for (const rate of ['disabled', '15m', '30m', '1h', 90]) {
      const c = await t.services.vault.createConnection(
        space,
        { name: name('rate'), kind: 'oauth2_client_credentials', provider_client: pc.id, renewal_rate: rate },
        SYSTEM,
      );
      expect(c.renewal_rate).toBe(rate);
    }
    await expect(
      t.services.vault.createConnection(space, { name: name('rate'), kind: 'oauth2_client_credentials', provider_client: pc.id, renewal_rate: 30 }, SYSTEM),
    ).rejects.toMatchObject({
      field: 'renewal_rate',
    });
  });

  it('a provider client in use cannot be deleted', async () => {
    const p = await provider();
    const pc = await customClient(p);
    await t.services.vault.createConnection(space, { name: name('use'), kind: 'api_key', provider_client: pc.id, credentials: { api_key: 'k' } }, SYSTEM);
    await expect(t.services.vault.providerClients.delete(space, pc.id, SYSTEM)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('provider clients: catalog defaults, placeholders checked, https only, the redirect URI to register', async () => {
    const exact = await t.services.vault.providerClients.create(
      space,
      { provider: 'exact-online', name: name('exact'), client_id: 'id', client_secret: 'exact-secret-value', config: { ext: 'be' } },
      SYSTEM,
    );
    expect(exact.token_url).toBe('https://start.exactonline.{ext}/api/oauth2/token');
    expect(exact.redirect_uri).toBe('http://localhost:8080/spaces/default/connections/callback');
    expect(exact).toMatchObject({ has_client_secret: true });
    expect(JSON.stringify(exact)).not.toContain('exact-secret-value');
    await expect(
      t.services.vault.providerClients.create(space, { provider: 'exact-online', name: name('x'), config: { ext: 'xx' } }, SYSTEM),
    ).rejects.toMatchObject({ field: 'config' });
    await expect(
      t.services.vault.providerClients.create(space, { provider: 'custom', name: name('x'), token_url: 'http://example.com/token' }, SYSTEM),
    ).rejects.toMatchObject({ field: 'token_url' });
    await expect(t.services.vault.providerClients.create(space, { provider: 'nope', name: name('x') }, SYSTEM)).rejects.toMatchObject({ field: 'provider' });
    const jwt = await t.services.vault.providerClients.create(
      space,
      { provider: 'custom', name: name('jwt'), token_endpoint_auth_method: 'private_key_jwt', token_url: 'https://example.com/token' },
      SYSTEM,
    );
    expect(jwt.jwks?.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig' });
    expect(JSON.stringify(jwt.jwks)).not.toContain('"d"');
  });
});
