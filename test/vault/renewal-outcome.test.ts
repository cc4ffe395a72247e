// The renewal's write rules, without a provider: when the next scheduled renewal falls, how failures back off and
// what they record, and that an answer without a refresh token keeps the old one.
import { describe, expect, it } from 'vitest';
import type { ProviderEntry } from '../../src/vault/catalog/types.js';
import { backoffMs, failureOutcome, nextRenewal, successOutcome } from '../../src/vault/renewal-outcome.js';
import type { ConnectionRow } from '../../src/store/connections.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const exact: ProviderEntry = {
  id: 'exact-online',
  name: 'Exact Online',
  sources: [],
  kinds: ['oauth2_authorization_code'],
  token_endpoint_auth_method: 'client_secret_post',
  pkce: false,
  refresh: { rotates: true, earliest_before_expiry_seconds: 30, unused_lifetime_seconds: 30 * 86400 },
};
const plain: ProviderEntry = { ...exact, id: 'plain', refresh: { rotates: false } };

const sealer = { seal: (p: string, aad: string) => `sealed(${aad}):${p}`, open: (s: string) => s.split(':').slice(2).join(':') };

function row(over: Partial<ConnectionRow> = {}): ConnectionRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    spaceId: 's',
    name: 'n',
    description: '',
    kind: 'oauth2_authorization_code',
    providerClientId: 'p',
    environment: '',
    config: {},
    availability: 'global',
    boundClientPk: null,
    renewalSeconds: 3600,
    status: 'connected',
    credentialsSealed: null,
    accessTokenSealed: 'old-at',
    refreshTokenSealed: 'old-rt',
    tokenType: 'Bearer',
    expiresAt: new Date(NOW + 600_000),
    expiryKnown: true,
    refreshTokenExpiresAt: null,
    refreshTokenUsedAt: null,
    lastRefreshAt: null,
    nextRefreshAt: null,
    refreshCount: 4,
    failureCount: 0,
    lastError: null,
    lastErrorAt: null,
    metadata: { realmId: '1' },
    connectedAt: new Date(NOW - 86400_000),
    leaseOwner: 'me',
    leaseUntil: new Date(NOW + 45_000),
    generation: 7,
    createdAt: new Date(NOW - 86400_000),
    updatedAt: new Date(NOW - 86400_000),
    ...over,
  };
}

describe('nextRenewal', () => {
  it('follows the renewal rate', () => {
    expect(nextRenewal({ renewalSeconds: 900, kind: 'oauth2_authorization_code' }, plain, NOW, NOW + 3600_000, true)?.toISOString()).toBe(
      '2026-12-01T12:15:00.000Z',
    );
  });

  it('schedules nothing when renewal is disabled and no inactivity limit applies', () => {
    expect(nextRenewal({ renewalSeconds: 0, kind: 'oauth2_authorization_code' }, plain, NOW, NOW + 3600_000, true)).toBeNull();
  });

  it('renews before a refresh token would die unused, even with renewal disabled', () => {
    const next = nextRenewal({ renewalSeconds: 0, kind: 'oauth2_authorization_code' }, exact, NOW, NOW + 600_000, true)!;
    // 30 days less one day.
    expect(next.getTime() - NOW).toBe(29 * 86400_000);
  });

  it('never falls before the window in which the provider allows a refresh (Exact: the last 30 s)', () => {
    const next = nextRenewal({ renewalSeconds: 60, kind: 'oauth2_authorization_code' }, exact, NOW, NOW + 600_000, true)!;
    expect(next.getTime()).toBe(NOW + 600_000 - 30_000 + 1000);
  });
});

describe('successOutcome', () => {
  it('keeps the old refresh token when the answer has none, and counts the refresh', () => {
    const { set, event } = successOutcome(
      row(),
      plain,
      { accessToken: 'new-at', tokenType: 'Bearer', expiresAt: new Date(NOW + 3600_000), expiryKnown: true, metadata: {} },
      sealer,
      NOW,
    );
    expect(set.refreshTokenSealed).toBeUndefined();
    expect(set.accessTokenSealed).toBe('sealed(connection:00000000-0000-4000-8000-000000000001:access_token):new-at');
    expect(set.refreshCount).toBe(5);
    expect(set.refreshTokenUsedAt?.getTime()).toBe(NOW);
    expect(set.metadata).toEqual({ realmId: '1' });
    expect(event).toBe('refreshed');
  });

  it('stores a rotated refresh token with its expiry, and says recovered after a failure', () => {
    const rtExpiry = new Date(NOW + 90 * 86400_000);
    const { set, event } = successOutcome(
      row({ status: 'error', failureCount: 3, lastError: 'x' }),
      exact,
      {
        accessToken: 'a',
        refreshToken: 'r2',
        tokenType: 'Bearer',
        expiresAt: new Date(NOW + 600_000),
        expiryKnown: false,
        refreshTokenExpiresAt: rtExpiry,
        metadata: { instance_url: 'https://x' },
      },
      sealer,
      NOW,
    );
    expect(set.refreshTokenSealed).toContain(':r2');
    expect(set.refreshTokenExpiresAt).toEqual(rtExpiry);
    expect(set.expiryKnown).toBe(false);
    expect(set).toMatchObject({ status: 'connected', failureCount: 0, lastError: null });
    expect(set.metadata).toEqual({ realmId: '1', instance_url: 'https://x' });
    expect(event).toBe('recovered');
  });

  it('calls a first token "connected" and does not count it as a refresh', () => {
    const { set, event } = successOutcome(
      row({ accessTokenSealed: null, refreshCount: 0, connectedAt: null }),
      plain,
      { accessToken: 'a', tokenType: 'Bearer', expiresAt: new Date(NOW + 1000), expiryKnown: true, metadata: {} },
      sealer,
      NOW,
    );
    expect(event).toBe('connected');
    expect(set.refreshCount).toBe(0);
    expect(set.connectedAt?.getTime()).toBe(NOW);
  });
});

describe('failureOutcome', () => {
  it('moves to needs_reauth on invalid_grant, with nothing scheduled', () => {
    const { set, event } = failureOutcome(
      row(),
      plain,
      { kind: 'invalid_grant', status: 400, code: 'invalid_grant', description: 'refresh token revoked' },
      NOW,
    );
    expect(event).toBe('needs_reauth');
    expect(set.status).toBe('needs_reauth');
    expect(set.nextRefreshAt).toBeNull();
    expect(set.lastError).toContain('invalid_grant: refresh token revoked');
  });

  it('waits for the window on too_early and changes nothing else', () => {
    const { set, event } = failureOutcome(row(), exact, { kind: 'too_early', status: 400 }, NOW);
    expect(event).toBe('too_early');
    expect(Object.keys(set)).toEqual(['nextRefreshAt']);
    expect(set.nextRefreshAt!.getTime()).toBe(NOW + 600_000 - 30_000 + 1000);
  });

  it('backs off transient failures with jitter and honours Retry-After', () => {
    const { set } = failureOutcome(row({ failureCount: 2 }), plain, { kind: 'rate_limited', status: 429, retryAfterMs: 600_000 }, NOW, () => 0.5);
    expect(set.status).toBe('error');
    expect(set.failureCount).toBe(3);
    expect(set.nextRefreshAt!.getTime()).toBe(NOW + 600_000);
    expect(backoffMs(1, undefined, () => 0)).toBe(15_000);
    expect(backoffMs(1, undefined, () => 0.999)).toBeLessThan(45_000);
    expect(backoffMs(20, undefined, () => 0.5)).toBe(3600_000);
  });

  it('waits at least five minutes after a refusal that is not about the grant', () => {
    const { set } = failureOutcome(row(), plain, { kind: 'rejected', status: 401, code: 'invalid_client' }, NOW, () => 0);
    expect(set.nextRefreshAt!.getTime() - NOW).toBe(300_000);
    expect(set.lastError).toContain('invalid_client');
  });
});
