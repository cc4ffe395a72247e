// No credential ever appears in an admin API answer, a log line, an error or the audit log. A run of the vault's
// flows (provider clients, every static and renewable kind, the consent, renewals, failures that echo what was sent,
// the audit log) with logging at debug level; then every log line, every admin answer and the audit log are searched
// for every secret seeded or issued along the way. Token answers are searched too, for what they must not carry.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { buildApp } from '../../src/http/app.js';
import { createServices, type Services } from '../../src/services.js';
import { findConnection } from '../../src/store/connections.js';
import { sealedAad } from '../../src/store/sealed-columns.js';
import { openTestStore, type TestStore } from '../helpers/store.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import type { FastifyInstance } from 'fastify';

const secret = (what: string) => `${what}-${randomBytes(12).toString('hex')}`;
const seeded = {
  clientSecret: secret('pc-secret'),
  clientSecret2: secret('pc-secret-two'),
  apiKey: secret('api-key'),
  password: secret('basic-password'),
};
const CALLBACK = 'http://localhost:8080/spaces/default/connections/callback';

let store: TestStore;
let services: Services;
let app: FastifyInstance;
let provider: QuirkProvider;
let ownerToken: string;
const logLines: string[] = [];
const adminAnswers: string[] = [];
const tokenAnswers: string[] = [];
/** Every refresh token and provider access token the vault stored, read back through the keyring. */
const issued = new Set<string>();
const refreshTokens = new Set<string>();

async function admin(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await app.inject({ method, url: `/admin/api/v1${url}`, headers: { authorization: `Bearer ${ownerToken}` }, ...(payload ? { payload } : {}) });
  (url.endsWith('/token') || url.includes('/token?') ? tokenAnswers : adminAnswers).push(res.body);
  return res;
}

async function collectIssued(spaceId: string, id: string): Promise<void> {
  const row = await findConnection(services.store.db, spaceId, id);
  if (row?.refreshTokenSealed) {
    const rt = services.keyring.open(row.refreshTokenSealed, sealedAad.connection(id, 'refresh_token'));
    issued.add(rt);
    refreshTokens.add(rt);
  }
  if (row?.accessTokenSealed) issued.add(services.keyring.open(row.accessTokenSealed, sealedAad.connection(id, 'access_token')));
}

beforeAll(async () => {
  store = await openTestStore('pglite');
  const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_PUBLIC_URL: 'http://localhost:8080', KEYWARD_LOG_LEVEL: 'debug' });
  services = createServices(store.store, masterKeyFrom(randomBytes(32)));
  await services.spaces.ensureDefault();
  const first = await services.admins.createFirstOwner({ email: 'owner@example.com', withToken: true, tokenName: 'test' }, { type: 'system' });
  ownerToken = first!.token!.token;
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config, services, logger: pino({ level: 'debug' }, sink) });
  await app.ready();
  provider = await startQuirkProvider({ redirectUris: [CALLBACK], clientSecret: seeded.clientSecret, refresh: { rotates: true } });
});
afterAll(async () => {
  await provider?.close();
  await app?.close();
  await store?.close();
});

describe('secrets stay sealed', () => {
  it('appear in no log line, admin answer, error or audit entry', async () => {
    const space = await services.spaces.get('default');
    const pc = (
      await admin('POST', '/spaces/default/provider-clients', {
        provider: 'custom',
        name: 'Quirk',
        client_id: 'quirk-client',
        client_secret: seeded.clientSecret2,
        authorization_url: provider.authorizationUrl,
        token_url: provider.tokenUrl,
        api_base_url: provider.apiBaseUrl,
      })
    ).json();
    // The real secret replaces the first one by PATCH (the two-way exchange), so both have passed through.
    expect((await admin('PATCH', `/spaces/default/provider-clients/${pc.id}`, { client_secret: seeded.clientSecret })).statusCode).toBe(200);
    await admin('GET', `/spaces/default/provider-clients/${pc.id}`);
    await admin('GET', '/spaces/default/provider-clients');

    const code = (await admin('POST', '/spaces/default/connections', { name: 'Code', kind: 'oauth2_authorization_code', provider_client: pc.id })).json();
    const link = (await admin('POST', `/spaces/default/connections/${code.id}/connect`)).json();
    const opened = await app.inject({ method: 'GET', url: new URL(link.connect_url).pathname });
    const atProvider = await fetch(String(opened.headers.location), { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    const done = await app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { cookie: String(opened.headers['set-cookie']).split(';')[0]! },
    });
    expect(done.statusCode, done.body).toBe(200);
    await collectIssued(space.id, code.id);
    for (let i = 0; i < 3; i++) {
      await admin('POST', `/spaces/default/connections/${code.id}/refresh`);
      await collectIssued(space.id, code.id);
    }
    await admin('GET', `/spaces/default/connections/${code.id}/token?force_refresh=true`);
    await collectIssued(space.id, code.id);

    const cc = (await admin('POST', '/spaces/default/connections', { name: 'Machine', kind: 'oauth2_client_credentials', provider_client: pc.id })).json();
    await collectIssued(space.id, cc.id);
    const key = (
      await admin('POST', '/spaces/default/connections', { name: 'Key', kind: 'api_key', provider_client: pc.id, credentials: { api_key: seeded.apiKey } })
    ).json();
    const basic = (
      await admin('POST', '/spaces/default/connections', {
        name: 'Basic',
        kind: 'basic',
        provider_client: pc.id,
        credentials: { username: 'u', password: seeded.password },
      })
    ).json();
    await admin('PATCH', `/spaces/default/connections/${basic.id}`, { credentials: { username: 'u', password: seeded.password } });
    await admin('GET', `/spaces/default/connections/${key.id}`);

    // Failures whose provider answers echo what was sent: the description is scrubbed before it is kept or logged.
    const sent = [...refreshTokens].at(-1)!;
    provider.failNext({ status: 400, body: { error: 'invalid_grant', error_description: `refresh token ${sent} is unknown` } });
    await admin('POST', `/spaces/default/connections/${code.id}/refresh`);
    provider.failNext({ status: 401, body: { error: 'invalid_client', error_description: `client secret ${seeded.clientSecret} is wrong` } });
    await admin('POST', `/spaces/default/connections/${cc.id}/refresh`);
    await admin('GET', '/spaces/default/connections');
    await admin('GET', '/audit-log?limit=200');

    const secrets = [...Object.values(seeded), ...issued];
    expect(issued.size).toBeGreaterThanOrEqual(8);
    const everywhere = { logs: logLines.join('\n'), answers: adminAnswers.join('\n') };
    expect(logLines.length).toBeGreaterThan(20);
    for (const s of secrets) {
      for (const [where, text] of Object.entries(everywhere)) expect(text.includes(s), `${s.slice(0, 12)}… appears in ${where}`).toBe(false);
    }
    // Token answers carry the access token asked for, never a refresh token or a client secret.
    expect(tokenAnswers.length).toBeGreaterThan(0);
    for (const s of [seeded.clientSecret, seeded.clientSecret2, ...refreshTokens]) expect(tokenAnswers.join('\n').includes(s)).toBe(false);
  });
});
