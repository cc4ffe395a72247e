// How the outbound protocol reads token answers: field paths, lifetimes in every format the catalog allows, the
// fallbacks when the answer names none, refresh-token lifetimes and metadata. Each case runs a real request against
// a local node:http provider.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientCredentials, exchangeCode, refreshTokens, type TokenResult, type TokenSet } from '../../src/vault/outbound/index.js';
import { startProvider, testSettings, tokenAnswer, type TestProvider } from './outbound-provider.js';

let provider: TestProvider;
beforeAll(async () => (provider = await startProvider()));
afterAll(() => provider.close());
beforeEach(() => void (provider.seen = []));

const NOW = new Date('2026-12-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 3600_000;

function tokens(result: TokenResult): TokenSet {
  if (!result.ok) throw new Error(`expected tokens, got ${JSON.stringify(result.failure)}`);
  return result.tokens;
}

describe('token answer mapping', () => {
  it('reads an RFC 6749 answer, with Bearer as the token type whatever its case', async () => {
    provider.handler = () => tokenAnswer({ refresh_token: 'new-refresh', scope: 'read write', expires_in: 600 });
    const t = tokens(await refreshTokens(testSettings(provider), 'old-refresh', NOW));
    expect(t).toEqual({
      accessToken: 'new-access-token',
      refreshToken: 'new-refresh',
      tokenType: 'Bearer',
      scope: 'read write',
      expiresAt: at(600_000),
      expiryKnown: true,
      metadata: {},
    });
  });

  it('leaves the refresh token out when the answer has none (the caller keeps the old one), and defaults the type', async () => {
    provider.handler = () => ({ json: { access_token: 'a', expires_in: 60 } });
    const t = tokens(await refreshTokens(testSettings(provider), 'old-refresh', NOW));
    expect(t.refreshToken).toBeUndefined();
    expect(t.tokenType).toBe('Bearer');
    expect('refreshToken' in t).toBe(false);
  });

  it("reads nested paths (Slack's authed_user) and keeps metadata by path", async () => {
    provider.handler = () => ({
      json: {
        ok: true,
        app_id: 'A1',
        team: { id: 'T123', name: 'Acme' },
        authed_user: { id: 'U1', access_token: 'xoxp-user', refresh_token: 'xoxe-r', expires_in: 43200, scope: 'chat:write' },
      },
    });
    const entry = {
      token_response: {
        access_token: 'authed_user.access_token',
        refresh_token: 'authed_user.refresh_token',
        expires_in: 'authed_user.expires_in',
        scope: 'authed_user.scope',
        metadata: ['team.id', 'authed_user.id', 'absent.field'],
      },
      errors: { success_flag: { path: 'ok', value: true } },
    };
    const t = tokens(await exchangeCode(testSettings(provider, entry), { code: 'c', redirectUri: 'https://k/cb' }, NOW));
    expect(t.accessToken).toBe('xoxp-user');
    expect(t.refreshToken).toBe('xoxe-r');
    expect(t.scope).toBe('chat:write');
    expect(t.expiresAt).toEqual(at(43_200_000));
    expect(t.metadata).toEqual({ 'team.id': 'T123', 'authed_user.id': 'U1' });
  });

  it('reads scope given as an array', async () => {
    provider.handler = () => tokenAnswer({ scope: ['a', 'b'] });
    expect(tokens(await clientCredentials(testSettings(provider), NOW)).scope).toBe('a b');
  });

  it('reads a form-encoded answer from a provider that ignores Accept', async () => {
    provider.handler = () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, text: 'access_token=gho_x&token_type=bearer&scope=repo' });
    const t = tokens(await exchangeCode(testSettings(provider), { code: 'c', redirectUri: 'https://k/cb' }, NOW));
    expect(t.accessToken).toBe('gho_x');
    expect(t.expiryKnown).toBe(false);
  });
});

describe('lifetimes', () => {
  const cases: [string, Record<string, unknown>, object, Date][] = [
    ['seconds as a number', { expires_in: 600 }, {}, at(600_000)],
    ['seconds as a string (Exact\'s "600")', { expires_in: '600' }, {}, at(600_000)],
    ['milliseconds', { expires_in: 3599999 }, { expires_in_format: 'milliseconds' }, at(3_599_999)],
    ['milliseconds as a string', { expires_in: '90000' }, { expires_in_format: 'milliseconds' }, at(90_000)],
    ['an ISO date (Redox legacy)', { expires: '2026-12-02T12:00:00.000Z' }, { expires_in: 'expires', expires_in_format: 'date' }, at(24 * HOUR)],
    ['epoch seconds', { expires_at: Math.floor(NOW.getTime() / 1000) + 1800 }, { expires_in: 'expires_at', expires_in_format: 'date' }, at(1_800_000)],
    [
      'epoch seconds as a string',
      { expires_at: String(Math.floor(NOW.getTime() / 1000) + 1800) },
      { expires_in: 'expires_at', expires_in_format: 'date' },
      at(1_800_000),
    ],
    ['epoch milliseconds', { expires_at: NOW.getTime() + 1800_000 }, { expires_in: 'expires_at', expires_in_format: 'date' }, at(1_800_000)],
  ];
  for (const [name, fields, mapping, expected] of cases) {
    it(`reads ${name}`, async () => {
      provider.handler = () => ({ json: { access_token: 'a', ...fields } });
      const t = tokens(await clientCredentials(testSettings(provider, { token_response: mapping }), NOW));
      expect(t.expiresAt).toEqual(expected);
      expect(t.expiryKnown).toBe(true);
      expect(t.notes).toBeUndefined();
    });
  }

  const nonsense: [string, Record<string, unknown>, object, RegExp][] = [
    ['a negative number', { expires_in: -5 }, {}, /not positive/],
    ['zero', { expires_in: 0 }, {}, /not positive/],
    ['text', { expires_in: 'soon' }, {}, /not a number/],
    ['NaN written as a string', { expires_in: 'NaN' }, {}, /not a number/],
    ['more than ten years', { expires_in: 11 * 365 * 86400 }, {}, /ten years/],
    ['an absurd millisecond count', { expires_in: 1e15 }, { expires_in_format: 'milliseconds' }, /ten years/],
    ['a date already past', { expires: '2020-01-01T00:00:00Z' }, { expires_in: 'expires', expires_in_format: 'date' }, /already past/],
    ['a date that is not one', { expires: 'tomorrow-ish' }, { expires_in: 'expires', expires_in_format: 'date' }, /not a date/],
    ['an object', { expires_in: { value: 5 } }, {}, /not a number/],
  ];
  for (const [name, fields, mapping, note] of nonsense) {
    it(`treats ${name} as absent and notes it`, async () => {
      provider.handler = () => ({ json: { access_token: 'a', ...fields } });
      const t = tokens(await clientCredentials(testSettings(provider, { token_response: mapping }), NOW));
      expect(t.expiryKnown).toBe(false);
      expect(t.expiresAt).toEqual(at(HOUR));
      expect(t.notes?.join(' ')).toMatch(note);
    });
  }

  it('falls back to the override, then the catalog, then one hour, when the answer names no lifetime', async () => {
    provider.handler = () => ({ json: { access_token: 'a' } });
    const withOverride = testSettings(
      provider,
      { refresh: { rotates: false, assumed_access_token_lifetime_seconds: 7200 } },
      { overrides: { accessTokenTtlMs: 3599999 } },
    );
    let t = tokens(await clientCredentials(withOverride, NOW));
    expect([t.expiresAt, t.expiryKnown]).toEqual([at(3_599_999), false]);
    t = tokens(await clientCredentials(testSettings(provider, { refresh: { rotates: false, assumed_access_token_lifetime_seconds: 7200 } }), NOW));
    expect([t.expiresAt, t.expiryKnown]).toEqual([at(7_200_000), false]);
    t = tokens(await clientCredentials(testSettings(provider), NOW));
    expect([t.expiresAt, t.expiryKnown]).toEqual([at(HOUR), false]);
  });

  it("the answer's own lifetime wins over the override", async () => {
    provider.handler = () => tokenAnswer({ expires_in: 600 });
    const t = tokens(await clientCredentials(testSettings(provider, {}, { overrides: { accessTokenTtlMs: 3599999 } }), NOW));
    expect([t.expiresAt, t.expiryKnown]).toEqual([at(600_000), true]);
  });

  it('an unusable override is skipped for the next fallback', async () => {
    provider.handler = () => ({ json: { access_token: 'a' } });
    const t = tokens(await clientCredentials(testSettings(provider, {}, { overrides: { accessTokenTtlMs: -1 } }), NOW));
    expect(t.expiresAt).toEqual(at(HOUR));
  });
});

describe('refresh token lifetimes', () => {
  it('reads refresh_token_expires_in, then x_refresh_token_expires_in (QuickBooks), by default', async () => {
    provider.handler = () => tokenAnswer({ refresh_token: 'r', x_refresh_token_expires_in: 8726400 });
    let t = tokens(await refreshTokens(testSettings(provider), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toEqual(at(8_726_400_000));
    provider.handler = () => tokenAnswer({ refresh_token: 'r', refresh_token_expires_in: 100, x_refresh_token_expires_in: 200 });
    t = tokens(await refreshTokens(testSettings(provider), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toEqual(at(100_000));
  });

  it("tries the entry's paths in order, skipping nonsense with a note, in the entry's format", async () => {
    provider.handler = () => tokenAnswer({ refresh_token: 'r', rt: { bad: -1, good: '5000' } });
    const entry = {
      token_response: { refresh_token_expires_in: ['rt.missing', 'rt.bad', 'rt.good'], refresh_token_expires_in_format: 'milliseconds' as const },
    };
    const t = tokens(await refreshTokens(testSettings(provider, entry), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toEqual(at(5000));
    expect(t.notes).toEqual(['rt.bad is not positive; ignored']);
  });

  it('falls back to the override, then the catalog, for a new refresh token', async () => {
    provider.handler = () => tokenAnswer({ refresh_token: 'r' });
    const catalog = { refresh: { rotates: true, refresh_token_lifetime_seconds: 90 * 86400 } };
    let t = tokens(await refreshTokens(testSettings(provider, catalog, { overrides: { refreshTokenTtlMs: 7775999999 } }), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toEqual(at(7_775_999_999));
    t = tokens(await refreshTokens(testSettings(provider, catalog), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toEqual(at(90 * 86400_000));
    t = tokens(await refreshTokens(testSettings(provider), 'old', NOW));
    expect(t.refreshTokenExpiresAt).toBeUndefined();
  });

  it('gives no fallback expiry when the answer carries no refresh token: the old one keeps its own', async () => {
    provider.handler = () => tokenAnswer();
    const t = tokens(
      await refreshTokens(
        testSettings(provider, { refresh: { rotates: false, refresh_token_lifetime_seconds: 86400 } }, { overrides: { refreshTokenTtlMs: 5000 } }),
        'old',
        NOW,
      ),
    );
    expect(t.refreshToken).toBeUndefined();
    expect(t.refreshTokenExpiresAt).toBeUndefined();
  });
});
