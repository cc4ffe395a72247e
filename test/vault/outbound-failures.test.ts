// Failure classes of token requests: invalid_grant however it comes, "too early", rate limits with Retry-After,
// transient failures (5xx, network, timeouts), rejections, redirects never followed, and descriptions that never
// carry a secret. Each case runs a real request against a local node:http provider.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exchangeCode, refreshTokens, clientCredentials, type ProviderFailure, type TokenResult } from '../../src/vault/outbound/index.js';
import { startProvider, testSettings, type TestProvider } from './outbound-provider.js';

let provider: TestProvider;
beforeAll(async () => (provider = await startProvider()));
afterAll(() => provider.close());
beforeEach(() => void (provider.seen = []));

const NOW = new Date('2026-12-01T12:00:00.000Z');

function failure(result: TokenResult): ProviderFailure {
  if (result.ok) throw new Error('expected a failure, got tokens');
  return result.failure;
}

describe('invalid_grant', () => {
  for (const status of [400, 401, 403, 200]) {
    it(`is invalid_grant with HTTP ${status}`, async () => {
      provider.handler = () => ({ status, json: { error: 'invalid_grant', error_description: 'refresh token revoked' } });
      expect(failure(await refreshTokens(testSettings(provider), 'old-refresh', NOW))).toEqual({
        kind: 'invalid_grant',
        status,
        code: 'invalid_grant',
        description: 'refresh token revoked',
      });
    });
  }

  it("is invalid_grant for the entry's own codes, with HTTP 200 and a success flag (Slack)", async () => {
    provider.handler = () => ({ json: { ok: false, error: 'invalid_refresh_token' } });
    const entry = { errors: { success_flag: { path: 'ok', value: true }, invalid_grant_codes: ['invalid_refresh_token', 'token_revoked'] } };
    expect(failure(await refreshTokens(testSettings(provider, entry), 'old', NOW))).toMatchObject({
      kind: 'invalid_grant',
      status: 200,
      code: 'invalid_refresh_token',
    });
  });

  it("reads the code from the entry's error path (GitHub-style nested error with HTTP 200)", async () => {
    provider.handler = () => ({ json: { failure: { reason: 'bad_refresh_token', text: 'The refresh token is wrong' } } });
    const entry = { errors: { error: 'failure.reason', error_description: 'failure.text', invalid_grant_codes: ['bad_refresh_token'] } };
    expect(failure(await refreshTokens(testSettings(provider, entry), 'old', NOW))).toEqual({
      kind: 'invalid_grant',
      status: 200,
      code: 'bad_refresh_token',
      description: 'The refresh token is wrong',
    });
  });

  it('is not invalid_grant when a 5xx says so: a half-up provider is retried', async () => {
    provider.handler = () => ({ status: 503, json: { error: 'invalid_grant' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW)).kind).toBe('transient');
  });
});

describe('too early', () => {
  it("matches the entry's too_early_codes against the description (Exact Online)", async () => {
    provider.handler = () => ({ status: 400, json: { error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' } });
    const entry = { errors: { too_early_codes: ['access_token not expired'] } };
    expect(failure(await refreshTokens(testSettings(provider, entry), 'old', NOW))).toMatchObject({ kind: 'too_early', status: 400, code: 'access_denied' });
  });

  it('matches against the code too, and beats a 429', async () => {
    provider.handler = () => ({ status: 429, json: { error: 'refresh_too_soon' } });
    const entry = { errors: { too_early_codes: ['refresh_too_soon'] } };
    expect(failure(await refreshTokens(testSettings(provider, entry), 'old', NOW)).kind).toBe('too_early');
  });

  it('without the entry naming it, the same answer is a rejection', async () => {
    provider.handler = () => ({ status: 400, json: { error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW)).kind).toBe('rejected');
  });
});

describe('rate limits', () => {
  it('reads Retry-After in seconds', async () => {
    provider.handler = () => ({ status: 429, headers: { 'retry-after': '120' }, json: { error: 'rate_limited' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 120_000 });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const later = new Date(NOW.getTime() + 90_000).toUTCString();
    provider.handler = () => ({ status: 429, headers: { 'retry-after': later }, text: 'Too many requests' });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 90_000 });
  });

  it('is rate_limited without Retry-After, and for slow_down', async () => {
    provider.handler = () => ({ status: 429, json: {} });
    const plain = failure(await refreshTokens(testSettings(provider), 'old', NOW));
    expect(plain.kind).toBe('rate_limited');
    expect(plain.retryAfterMs).toBeUndefined();
    provider.handler = () => ({ status: 400, json: { error: 'slow_down' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW)).kind).toBe('rate_limited');
  });
});

describe('transient', () => {
  it('is transient for a 5xx with JSON, keeping its code and Retry-After', async () => {
    provider.handler = () => ({ status: 503, headers: { 'retry-after': '5' }, json: { error: 'temporarily_unavailable' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW))).toEqual({
      kind: 'transient',
      status: 503,
      code: 'temporarily_unavailable',
      retryAfterMs: 5000,
    });
  });

  it('is transient for a 5xx whose body is not JSON (a proxy page)', async () => {
    provider.handler = () => ({ status: 502, headers: { 'content-type': 'text/html' }, text: '<html>Bad gateway</html>' });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW))).toEqual({
      kind: 'transient',
      status: 502,
      description: 'HTTP 502 with a body that is not JSON',
    });
  });

  it('is transient for temporarily_unavailable with a 400', async () => {
    provider.handler = () => ({ status: 400, json: { error: 'temporarily_unavailable' } });
    expect(failure(await refreshTokens(testSettings(provider), 'old', NOW)).kind).toBe('transient');
  });

  it('is transient when nothing listens', async () => {
    const spare = createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((r) => spare.close(() => r()));
    const f = failure(await refreshTokens(testSettings(provider, {}, { tokenUrl: `http://127.0.0.1:${port}/token` }), 'old', NOW));
    expect(f).toEqual({ kind: 'transient', description: 'network error (ECONNREFUSED)' });
  });

  it('is transient on a timeout', async () => {
    provider.handler = () => ({ delayMs: 2000, json: { access_token: 'late' } });
    const started = Date.now();
    const f = failure(await refreshTokens(testSettings(provider, {}, { timeoutMs: 100 }), 'old', NOW));
    expect(f).toEqual({ kind: 'transient', description: 'no answer within 100 ms' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('is transient when the answer stalls after its headers', async () => {
    provider.handler = () => ({ stallBodyMs: 400, json: { access_token: 'late', expires_in: 60 } });
    const f = failure(await refreshTokens(testSettings(provider, {}, { timeoutMs: 150 }), 'old', NOW));
    expect(f).toEqual({ kind: 'transient', description: 'no answer within 150 ms' });
  });
});

describe('rejected', () => {
  for (const [status, code] of [
    [401, 'invalid_client'],
    [400, 'unauthorized_client'],
    [400, 'invalid_scope'],
    [400, 'invalid_request'],
  ] as const) {
    it(`rejects ${code} (HTTP ${status})`, async () => {
      provider.handler = () => ({ status, json: { error: code } });
      expect(failure(await clientCredentials(testSettings(provider), NOW))).toEqual({ kind: 'rejected', status, code });
    });
  }

  it('rejects a 4xx whose body is not JSON', async () => {
    provider.handler = () => ({ status: 404, text: 'Not found' });
    expect(failure(await clientCredentials(testSettings(provider), NOW))).toEqual({
      kind: 'rejected',
      status: 404,
      description: 'HTTP 404 with a body that is not JSON',
    });
  });

  it('rejects a 200 without an access token and without an error', async () => {
    provider.handler = () => ({ json: { token_type: 'bearer', expires_in: 3600 } });
    expect(failure(await clientCredentials(testSettings(provider), NOW))).toEqual({ kind: 'rejected', status: 200, description: 'answer had no access token' });
  });

  it('rejects a 200 that is not JSON', async () => {
    provider.handler = () => ({ text: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } });
    expect(failure(await clientCredentials(testSettings(provider), NOW)).kind).toBe('rejected');
  });

  it('reads a 200 with an error field and no access token as a failure by its code (GitHub)', async () => {
    provider.handler = () => ({ json: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' } });
    expect(failure(await exchangeCode(testSettings(provider), { code: 'c', redirectUri: 'https://k/cb' }, NOW))).toEqual({
      kind: 'rejected',
      status: 200,
      code: 'bad_verification_code',
      description: 'The code passed is incorrect or expired.',
    });
  });

  it('reads a failed success flag without an error code as a rejection', async () => {
    provider.handler = () => ({ json: { ok: false, access_token: 'looks-valid' } });
    const f = failure(await clientCredentials(testSettings(provider, { errors: { success_flag: { path: 'ok', value: true } } }), NOW));
    expect(f).toEqual({ kind: 'rejected', status: 200, description: "the answer's ok was not true" });
  });

  it('never follows a redirect from the token endpoint', async () => {
    provider.handler = (req) =>
      req.path === '/token' ? { status: 302, headers: { location: `${provider.url}/elsewhere` } } : { json: { access_token: 'stolen' } };
    const f = failure(await refreshTokens(testSettings(provider), 'old', NOW));
    expect(f).toMatchObject({ kind: 'rejected', status: 302 });
    expect(provider.seen.map((r) => r.path)).toEqual(['/token']);
  });

  it('never follows a redirect for JSON requests either', async () => {
    provider.handler = (req) =>
      req.path === '/token' ? { status: 307, headers: { location: `${provider.url}/elsewhere` } } : { json: { access_token: 'stolen' } };
    const f = failure(await refreshTokens(testSettings(provider, { token_request_format: 'json' }), 'old', NOW));
    expect(f).toMatchObject({ kind: 'rejected', status: 307 });
    expect(provider.seen.map((r) => r.path)).toEqual(['/token']);
  });
});

describe('descriptions', () => {
  it('cuts provider descriptions to 300 characters and removes control characters', async () => {
    provider.handler = () => ({ status: 400, json: { error: 'invalid_request', error_description: `line one\nline two ${'x'.repeat(500)}` } });
    const f = failure(await clientCredentials(testSettings(provider), NOW));
    expect(f.description).toHaveLength(300);
    expect(f.description).toMatch(/^line one line two x+…$/);
  });

  it('never repeats a secret the provider echoes back', async () => {
    provider.handler = (req) => ({
      status: 400,
      json: {
        error: `bad ${req.form.get('refresh_token')}`,
        error_description: `refresh token ${req.form.get('refresh_token')} for secret client-secret-value is unknown`,
      },
    });
    const f = failure(await refreshTokens(testSettings(provider, {}, { authMethod: 'client_secret_post' }), 'the-refresh-token-value', NOW));
    expect(JSON.stringify(f)).not.toContain('the-refresh-token-value');
    expect(JSON.stringify(f)).not.toContain('client-secret-value');
    expect(f.description).toBe('refresh token [redacted] for secret [redacted] is unknown');
  });

  it('never echoes the code or verifier of a code exchange', async () => {
    provider.handler = (req) => ({
      status: 400,
      json: { error: 'invalid_request', error_description: `code ${req.form.get('code')} verifier ${req.form.get('code_verifier')}` },
    });
    const f = failure(
      await exchangeCode(testSettings(provider), { code: 'secret-code-123', redirectUri: 'https://k/cb', codeVerifier: 'verifier-abcdef' }, NOW),
    );
    expect(f.description).toBe('code [redacted] verifier [redacted]');
  });

  it('reads a plain {message} body when the entry names no description path', async () => {
    provider.handler = () => ({ status: 401, json: { message: 'Invalid API key' } });
    expect(failure(await clientCredentials(testSettings(provider), NOW))).toEqual({ kind: 'rejected', status: 401, description: 'Invalid API key' });
  });
});

describe('setup failures (nothing sent)', () => {
  it('refuses plain http outside loopback', async () => {
    const f = failure(await refreshTokens(testSettings(provider, {}, { tokenUrl: 'http://provider.example/token' }), 'old', NOW));
    expect(f).toEqual({ kind: 'rejected', code: 'keyward_configuration', description: 'the token URL must use https' });
  });

  it('refuses a token URL with an unfilled placeholder', async () => {
    const f = failure(await refreshTokens(testSettings(provider, {}, { tokenUrl: 'https://start.exactonline.{ext}/api/oauth2/token' }), 'old', NOW));
    expect(f).toEqual({ kind: 'rejected', code: 'keyward_configuration', description: 'the token URL still has the placeholder {ext}' });
  });

  it('refuses private_key_jwt without a key', async () => {
    const f = failure(await clientCredentials(testSettings(provider, {}, { authMethod: 'private_key_jwt' }), NOW));
    expect(f).toMatchObject({ kind: 'rejected', code: 'keyward_configuration' });
    expect(provider.seen).toHaveLength(0);
  });
});
