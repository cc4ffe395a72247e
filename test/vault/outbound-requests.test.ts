// What the outbound protocol sends: the consent URL (state, PKCE S256, scopes, extra parameters), each client
// authentication method (private_key_jwt assertions verified with jose in the provider), the grants' bodies with the
// entry's extra parameters, JSON token requests, the API-key exchange and discovery.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { exportPKCS8, generateKeyPair, jwtVerify, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiKeyLogin,
  apiKeyRefresh,
  authorizationUrl,
  clientCredentials,
  discover,
  exchangeCode,
  newPkce,
  refreshTokens,
  type TokenResult,
} from '../../src/vault/outbound/index.js';
import { startProvider, testSettings, tokenAnswer, type SeenRequest, type TestProvider } from './outbound-provider.js';

let provider: TestProvider;
beforeAll(async () => (provider = await startProvider()));
afterAll(() => provider.close());
beforeEach(() => {
  provider.seen = [];
  provider.handler = () => tokenAnswer({ refresh_token: 'new-refresh' });
});

function only(): SeenRequest {
  expect(provider.seen).toHaveLength(1);
  return provider.seen[0] as SeenRequest;
}

function ok(result: TokenResult) {
  if (!result.ok) throw new Error(`expected tokens, got ${JSON.stringify(result.failure)}`);
  return result.tokens;
}

describe('authorization URL', () => {
  it('carries client, redirect, scope, state and the S256 challenge of a fresh verifier', async () => {
    const pkce = await newPkce();
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier).digest('base64url'));
    const other = await newPkce();
    expect(other.verifier).not.toBe(pkce.verifier);

    const url = new URL(
      authorizationUrl(testSettings(provider), { redirectUri: 'https://keyward.test/cb', state: 'state-123', codeChallenge: pkce.challenge }),
    );
    expect(url.origin + url.pathname).toBe(`${provider.url}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'keyward-client',
      redirect_uri: 'https://keyward.test/cb',
      scope: 'read write',
      state: 'state-123',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
  });

  it("joins scopes with the entry's separator, adds its extra parameters and keeps the URL's own query", () => {
    const entry = { scopes: { separator: ',' }, authorize_params: { access_type: 'offline', prompt: 'consent', state: 'from-catalog' } };
    const s = testSettings(provider, entry, { authorizationUrl: `${provider.url}/authorize?tenant=acme`, scope: ['chat:write', 'channels:read'] });
    const url = new URL(authorizationUrl(s, { redirectUri: 'https://keyward.test/cb', state: 's' }));
    expect(url.searchParams.get('scope')).toBe('chat:write,channels:read');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('tenant')).toBe('acme');
    expect(url.searchParams.get('state')).toBe('s');
    expect(url.searchParams.has('code_challenge')).toBe(false);
  });

  it('leaves scope out when there is none, and refuses missing, unfilled or plain-http URLs', () => {
    const url = new URL(authorizationUrl(testSettings(provider, {}, { scope: [] }), { redirectUri: 'https://k/cb', state: 's' }));
    expect(url.searchParams.has('scope')).toBe(false);
    expect(() => authorizationUrl(testSettings(provider, {}, { authorizationUrl: undefined }), { redirectUri: 'https://k/cb', state: 's' })).toThrow(
      /no authorization URL/,
    );
    expect(() =>
      authorizationUrl(testSettings(provider, {}, { authorizationUrl: 'https://{sub}.zendesk.com/oauth/authorizations/new' }), {
        redirectUri: 'https://k/cb',
        state: 's',
      }),
    ).toThrow(/placeholder \{sub\}/);
    expect(() =>
      authorizationUrl(testSettings(provider, {}, { authorizationUrl: 'http://provider.example/authorize' }), { redirectUri: 'https://k/cb', state: 's' }),
    ).toThrow(/https/);
  });
});

describe('grants', () => {
  it('exchanges a code with redirect_uri, verifier and the entry token_params, asking for JSON', async () => {
    const s = testSettings(provider, { token_params: { expires_in: '7200', code: 'never-replaces' } });
    ok(await exchangeCode(s, { code: 'the-code', redirectUri: 'https://keyward.test/cb', codeVerifier: 'the-verifier' }));
    const req = only();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/token');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(req.form)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'https://keyward.test/cb',
      code_verifier: 'the-verifier',
      expires_in: '7200',
    });
  });

  it('refreshes with token_params and refresh.params, the latter winning', async () => {
    const s = testSettings(provider, {
      token_params: { a: 'token', b: 'token' },
      refresh: { rotates: true, params: { b: 'refresh', scope: 'offline_access' } },
    });
    ok(await refreshTokens(s, 'the-refresh'));
    expect(Object.fromEntries(only().form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'the-refresh',
      a: 'token',
      b: 'refresh',
      scope: 'offline_access',
    });
  });

  it('asks for client credentials with the scope joined by the separator', async () => {
    ok(await clientCredentials(testSettings(provider, { scopes: { separator: ',' } })));
    expect(Object.fromEntries(only().form)).toEqual({ grant_type: 'client_credentials', scope: 'read,write' });
  });
});

describe('client authentication', () => {
  it('client_secret_basic: plain id and secret as they are, nothing in the body', async () => {
    const id = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const secret = 'Ab_c-d.e~f/g=';
    ok(await clientCredentials(testSettings(provider, {}, { clientId: id, clientSecret: secret })));
    const req = only();
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`);
    expect(req.form.has('client_secret')).toBe(false);
    expect(req.form.has('client_id')).toBe(false);
  });

  it('client_secret_basic: what a form decoder would misread is escaped, and such a server reads the true values', async () => {
    ok(await clientCredentials(testSettings(provider, {}, { clientId: 'id:with+plus', clientSecret: 'p%41ss+word:x y' })));
    const decoded = Buffer.from(String(only().headers.authorization).slice('Basic '.length), 'base64').toString('utf8');
    expect(decoded).toBe('id%3Awith%2Bplus:p%2541ss%2Bword:x y');
    const cut = decoded.indexOf(':');
    const formDecode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
    expect([formDecode(decoded.slice(0, cut)), formDecode(decoded.slice(cut + 1))]).toEqual(['id:with+plus', 'p%41ss+word:x y']);
  });

  it('client_secret_post: id and secret in the body', async () => {
    ok(await clientCredentials(testSettings(provider, {}, { authMethod: 'client_secret_post' })));
    const req = only();
    expect(req.headers.authorization).toBeUndefined();
    expect(req.form.get('client_id')).toBe('keyward-client');
    expect(req.form.get('client_secret')).toBe('client-secret-value');
  });

  it('a client without a secret sends only its client_id (public client with PKCE)', async () => {
    ok(await exchangeCode(testSettings(provider, {}, { clientSecret: undefined }), { code: 'c', redirectUri: 'https://k/cb', codeVerifier: 'v' }));
    const req = only();
    expect(req.headers.authorization).toBeUndefined();
    expect(req.form.get('client_id')).toBe('keyward-client');
    expect(req.form.has('client_secret')).toBe(false);
  });

  for (const alg of ['RS256', 'RS384', 'PS256', 'ES256', 'ES384'] as const) {
    it(`private_key_jwt signs with ${alg}, with kid, and claims for the token URL`, async () => {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const pem = await exportPKCS8(privateKey);
      const s = testSettings(
        provider,
        { token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: alg },
        { authMethod: 'private_key_jwt', privateKeyPem: pem, keyId: 'key-1', clientSecret: undefined },
      );
      ok(await clientCredentials(s));
      const req = only();
      expect(req.form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      const assertion = req.form.get('client_assertion') as string;
      const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, {
        algorithms: [alg],
        audience: s.tokenUrl,
        issuer: 'keyward-client',
        subject: 'keyward-client',
      });
      expect(protectedHeader).toMatchObject({ alg, kid: 'key-1' });
      expect(typeof payload.jti).toBe('string');
      expect((payload.exp as number) - (payload.iat as number)).toBeLessThanOrEqual(300);
      expect(req.headers.authorization).toBeUndefined();
    });
  }

  it("private_key_jwt uses the entry's client_assertion_audience and infers the algorithm from the key", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const entry = { token_endpoint_auth_method: 'private_key_jwt' as const, client_assertion_audience: 'https://api.redoxengine.com/v2/auth/token' };
    ok(await clientCredentials(testSettings(provider, entry, { authMethod: 'private_key_jwt', privateKeyPem: await exportPKCS8(privateKey) })));
    const assertion = only().form.get('client_assertion') as string;
    await jwtVerify(assertion, publicKey, { algorithms: ['ES256'], audience: 'https://api.redoxengine.com/v2/auth/token' });
    expect(decodeProtectedHeader(assertion).kid).toBeUndefined();
  });

  it('private_key_jwt reads a PKCS#1 RSA key and an Ed25519 key named EdDSA', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
    expect(pkcs1).toMatch(/BEGIN RSA PRIVATE KEY/);
    ok(await clientCredentials(testSettings(provider, {}, { authMethod: 'private_key_jwt', privateKeyPem: pkcs1 })));
    await jwtVerify(only().form.get('client_assertion') as string, rsa.publicKey, { algorithms: ['RS256'], audience: `${provider.url}/token` });

    provider.seen = [];
    const ed = generateKeyPairSync('ed25519');
    const pem = ed.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    ok(await clientCredentials(testSettings(provider, { token_endpoint_auth_signing_alg: 'EdDSA' }, { authMethod: 'private_key_jwt', privateKeyPem: pem })));
    const assertion = only().form.get('client_assertion') as string;
    expect(decodeProtectedHeader(assertion).alg).toBe('EdDSA');
    await jwtVerify(assertion, ed.publicKey, { algorithms: ['EdDSA'], audience: `${provider.url}/token` });
  });

  it('private_key_jwt with HS384 signs with the client secret (Redox)', async () => {
    const entry = { token_endpoint_auth_method: 'private_key_jwt' as const, token_endpoint_auth_signing_alg: 'HS384' };
    ok(
      await clientCredentials(
        testSettings(provider, entry, { authMethod: 'private_key_jwt', clientSecret: 'a-long-shared-secret-of-48-bytes-for-hs384-use!!' }),
      ),
    );
    const assertion = only().form.get('client_assertion') as string;
    const { protectedHeader } = await jwtVerify(assertion, new TextEncoder().encode('a-long-shared-secret-of-48-bytes-for-hs384-use!!'), {
      algorithms: ['HS384'],
      audience: `${provider.url}/token`,
      issuer: 'keyward-client',
      subject: 'keyward-client',
    });
    expect(protectedHeader.alg).toBe('HS384');
  });

  it('refuses a key that does not fit the algorithm, an unknown algorithm, and a PEM that is not a key, before sending', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const base = { token_endpoint_auth_method: 'private_key_jwt' as const };
    for (const [alg, keyPem, message] of [
      ['ES384', pem, /does not fit signing algorithm ES384/],
      ['XX999', pem, /XX999 is not supported/],
      ['RS256', '-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----', /not a readable PEM/],
    ] as const) {
      const r = await clientCredentials(
        testSettings(provider, { ...base, token_endpoint_auth_signing_alg: alg }, { authMethod: 'private_key_jwt', privateKeyPem: keyPem }),
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure).toMatchObject({ kind: 'rejected', code: 'keyward_configuration', description: expect.stringMatching(message) });
    }
    expect(provider.seen).toHaveLength(0);
  });
});

describe('JSON token requests', () => {
  it('sends the grant and client_secret_post fields as one JSON body', async () => {
    const s = testSettings(provider, { token_request_format: 'json', token_params: { extra: 'x' } }, { authMethod: 'client_secret_post' });
    const t = ok(await refreshTokens(s, 'the-refresh'));
    expect(t.refreshToken).toBe('new-refresh');
    const req = only();
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.json).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'the-refresh',
      extra: 'x',
      client_id: 'keyward-client',
      client_secret: 'client-secret-value',
    });
  });

  it('keeps client_secret_basic in the header', async () => {
    ok(await exchangeCode(testSettings(provider, { token_request_format: 'json' }), { code: 'c', redirectUri: 'https://k/cb' }));
    const req = only();
    expect(String(req.headers.authorization)).toMatch(/^Basic /);
    expect(req.json).toEqual({ grant_type: 'authorization_code', code: 'c', redirect_uri: 'https://k/cb' });
  });

  it('carries a private_key_jwt assertion in the JSON body', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const entry = { token_request_format: 'json' as const, token_endpoint_auth_method: 'private_key_jwt' as const, token_endpoint_auth_signing_alg: 'RS384' };
    ok(await clientCredentials(testSettings(provider, entry, { authMethod: 'private_key_jwt', privateKeyPem: await exportPKCS8(privateKey) })));
    const body = only().json;
    expect(body.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    await jwtVerify(body.client_assertion, publicKey, { algorithms: ['RS384'], audience: `${provider.url}/token` });
  });
});

describe('API-key exchange (Redox legacy)', () => {
  const exchange = (url: string) => ({
    kinds: ['api_key_exchange' as const],
    api_key_exchange: {
      url: `${url}/auth/authenticate`,
      body: { apiKey: '{api_key}', secret: '{secret}' },
      refresh: { url: `${url}/auth/refreshToken`, body: { apiKey: '{api_key}', refreshToken: '{refresh_token}' } },
      response: { access_token: 'accessToken', refresh_token: 'refreshToken', expires_in: 'expires', expires_in_format: 'date' as const },
    },
  });
  const NOW = new Date('2026-12-01T12:00:00.000Z');

  it('logs in with key and secret as JSON and maps the answer', async () => {
    provider.handler = () => ({ json: { accessToken: 'redox-access', expires: '2026-12-02T12:00:00.000Z', refreshToken: 'redox-refresh' } });
    const t = ok(await apiKeyLogin(testSettings(provider, exchange(provider.url)), { apiKey: 'the-key', secret: 'the-secret' }, NOW));
    expect(t).toMatchObject({ accessToken: 'redox-access', refreshToken: 'redox-refresh', expiresAt: new Date('2026-12-02T12:00:00.000Z'), expiryKnown: true });
    const req = only();
    expect(req.path).toBe('/auth/authenticate');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.json).toEqual({ apiKey: 'the-key', secret: 'the-secret' });
  });

  it('renews with key and refresh token', async () => {
    provider.handler = () => ({ json: { accessToken: 'redox-access-2', expires: '2026-12-02T13:00:00.000Z', refreshToken: 'redox-refresh-2' } });
    const t = ok(await apiKeyRefresh(testSettings(provider, exchange(provider.url)), { apiKey: 'the-key', refreshToken: 'redox-refresh' }, NOW));
    expect(t.accessToken).toBe('redox-access-2');
    const req = only();
    expect(req.path).toBe('/auth/refreshToken');
    expect(req.json).toEqual({ apiKey: 'the-key', refreshToken: 'redox-refresh' });
  });

  it('classifies failures and never echoes the key or secret', async () => {
    provider.handler = (req) => ({ status: 401, json: { message: `Invalid apiKey ${req.json.apiKey} with secret ${req.json.secret}` } });
    const r = await apiKeyLogin(testSettings(provider, exchange(provider.url)), { apiKey: 'the-key', secret: 'the-secret' }, NOW);
    expect(r).toEqual({ ok: false, failure: { kind: 'rejected', status: 401, description: 'Invalid apiKey [redacted] with secret [redacted]' } });
  });

  it('refuses an entry without an exchange or a renewal call, and a body with an unfilled placeholder', async () => {
    const none = await apiKeyLogin(testSettings(provider), { apiKey: 'k', secret: 's' });
    expect(none.ok).toBe(false);
    const noRenewal = exchange(provider.url);
    delete (noRenewal.api_key_exchange as { refresh?: unknown }).refresh;
    const r = await apiKeyRefresh(testSettings(provider, noRenewal), { apiKey: 'k', refreshToken: 'r' });
    expect(r.ok || r.failure.description).toMatch(/log in again/);
    const unfilled = exchange(provider.url);
    unfilled.api_key_exchange.body = { apiKey: '{api_key}', secret: '{secret}', org: '{org_id}' } as never;
    const u = await apiKeyLogin(testSettings(provider, unfilled), { apiKey: '{x}', secret: 's' });
    expect(u.ok || u.failure.description).toMatch(/field org has the unfilled placeholder \{org_id\}/);
    expect(provider.seen).toHaveLength(0);
  });

  it('a credential that contains braces is sent as it is', async () => {
    provider.handler = () => ({ json: { accessToken: 'a', expires: '2026-12-02T12:00:00.000Z' } });
    ok(await apiKeyLogin(testSettings(provider, exchange(provider.url)), { apiKey: '{secret}', secret: 'x{api_key}y' }, NOW));
    expect(only().json).toEqual({ apiKey: '{secret}', secret: 'x{api_key}y' });
  });
});

describe('discovery', () => {
  const doc = (issuer: string) => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
    code_challenge_methods_supported: ['S256'],
    jwks_uri: `${issuer}/jwks`,
  });

  it('reads an OpenID Connect discovery document', async () => {
    const issuer = `${provider.url}/spaces/default`;
    provider.handler = (req) => (req.path === '/spaces/default/.well-known/openid-configuration' ? { json: doc(issuer) } : { status: 404, text: '' });
    expect(await discover(`${issuer}/.well-known/openid-configuration`)).toEqual({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(only().headers.accept).toBe('application/json');
  });

  it('reads an RFC 8414 document and takes a bare issuer URL', async () => {
    const issuer = `${provider.url}/tenant`;
    provider.handler = (req) =>
      req.path === '/.well-known/oauth-authorization-server/tenant' || req.path === '/tenant/.well-known/openid-configuration'
        ? { json: doc(issuer) }
        : { status: 404, text: '' };
    expect((await discover(`${provider.url}/.well-known/oauth-authorization-server/tenant`)).token_endpoint).toBe(`${issuer}/token`);
    expect((await discover(issuer)).issuer).toBe(issuer);
  });

  it('refuses a document whose issuer does not match, one without endpoints, a failed request, and plain http', async () => {
    provider.handler = () => ({ json: doc('https://someone-else.example') });
    await expect(discover(`${provider.url}/.well-known/openid-configuration`)).rejects.toThrow(/issuer/);
    provider.handler = () => ({ json: { issuer: provider.url } });
    await expect(discover(`${provider.url}/.well-known/openid-configuration`)).rejects.toThrow(/token_endpoint/);
    provider.handler = () => ({ status: 500, text: 'down' });
    await expect(discover(`${provider.url}/.well-known/openid-configuration`)).rejects.toThrow(/discovery at .* failed/);
    await expect(discover('http://provider.example/.well-known/openid-configuration')).rejects.toThrow(/https/);
  });

  it('times out', async () => {
    provider.handler = () => ({ delayMs: 400, json: doc(provider.url) });
    await expect(discover(`${provider.url}/.well-known/openid-configuration`, 100)).rejects.toThrow(/no answer within 100 ms/);
  });
});
