// What a renewal writes: from the provider's answer (or failure) to the connection's new columns. Pure, so every
// rule is tested without a provider: when the next scheduled renewal is due, how a failure backs off, and that a
// refresh answer without a refresh token keeps the old one.
import type { ConnectionRow, NewConnectionRow } from '../store/connections.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { ProviderEntry } from './catalog/types.js';
import type { ProviderFailure, TokenSet } from './outbound/index.js';
import type { Sealer } from './sealer.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Backoff after the n-th consecutive transient failure: 30 s doubling to 1 h, with ±50 % jitter (no herds). */
export function backoffMs(failures: number, retryAfterMs?: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 60 * MINUTE);
  const jittered = base * (0.5 + random());
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * The next scheduled renewal after a success at `now`: the renewal rate, but earlier when the refresh token would
 * otherwise die unused (Exact 30 days, Xero and Box 60 days), and never inside the window in which the provider
 * refuses a refresh (Exact Online: only in the access token's last 30 seconds). Null: nothing scheduled.
 */
export function nextRenewal(
  row: Pick<ConnectionRow, 'renewalSeconds' | 'kind'>,
  entry: ProviderEntry,
  now: number,
  expiresAt: number,
  hasRefreshToken: boolean,
): Date | null {
  let next = row.renewalSeconds > 0 ? now + row.renewalSeconds * 1000 : Number.POSITIVE_INFINITY;
  const unused = entry.refresh?.unused_lifetime_seconds;
  if (unused && hasRefreshToken) {
    // Renew well before the inactivity limit: a tenth of it, at most a day, ahead.
    next = Math.min(next, now + unused * 1000 - Math.min(unused * 100, DAY));
  }
  const earliest = entry.refresh?.earliest_before_expiry_seconds;
  if (earliest && Number.isFinite(next)) next = Math.max(next, expiresAt - earliest * 1000 + 1000);
  return Number.isFinite(next) ? new Date(next) : null;
}

export interface Outcome {
  set: Partial<NewConnectionRow>;
  /** What happened, for the log and (later) events: connected, refreshed, recovered, failed, needs_reauth, too_early. */
  event: 'connected' | 'refreshed' | 'recovered' | 'refresh_failed' | 'needs_reauth' | 'too_early';
}

export function successOutcome(row: ConnectionRow, entry: ProviderEntry, tokens: TokenSet, sealer: Sealer, now: number): Outcome {
  const set: Partial<NewConnectionRow> = {
    accessTokenSealed: sealer.seal(tokens.accessToken, sealedAad.connection(row.id, 'access_token')),
    tokenType: tokens.tokenType,
    expiresAt: tokens.expiresAt,
    expiryKnown: tokens.expiryKnown,
    lastRefreshAt: new Date(now),
    refreshCount: row.accessTokenSealed ? row.refreshCount + 1 : row.refreshCount,
    failureCount: 0,
    lastError: null,
    lastErrorAt: null,
    status: 'connected',
    metadata: { ...row.metadata, ...tokens.metadata },
  };
  // A refresh answer without a refresh token keeps the old one (RFC 6749 §6 lets the server keep it).
  const hasRefreshToken = tokens.refreshToken !== undefined || row.refreshTokenSealed !== null;
  if (tokens.refreshToken !== undefined) {
    set.refreshTokenSealed = sealer.seal(tokens.refreshToken, sealedAad.connection(row.id, 'refresh_token'));
    set.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt ?? null;
  } else if (tokens.refreshTokenExpiresAt) {
    set.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt;
  }
  if (hasRefreshToken) set.refreshTokenUsedAt = new Date(now);
  if (!row.connectedAt) set.connectedAt = new Date(now);
  set.nextRefreshAt = nextRenewal(row, entry, now, tokens.expiresAt.getTime(), hasRefreshToken);
  const event = !row.accessTokenSealed ? 'connected' : row.status === 'error' ? 'recovered' : 'refreshed';
  return { set, event };
}

/** The provider refused or failed. Never a secret in last_error: only the provider's code and cut description. */
export function failureOutcome(row: ConnectionRow, entry: ProviderEntry, failure: ProviderFailure, now: number, random = Math.random): Outcome {
  const said = [failure.code, failure.description].filter(Boolean).join(': ');
  const status = failure.status ? ` (HTTP ${failure.status})` : '';
  switch (failure.kind) {
    case 'invalid_grant':
      return {
        event: 'needs_reauth',
        set: {
          status: 'needs_reauth',
          nextRefreshAt: null,
          lastError: `The provider no longer accepts the connection's grant${status}${said ? `: ${said}` : ''}. Reconnect to authorize again.`,
          lastErrorAt: new Date(now),
        },
      };
    case 'too_early': {
      // Not a failure: the provider allows a refresh only near expiry. Try again when it will.
      const earliest = (entry.refresh?.earliest_before_expiry_seconds ?? 30) * 1000;
      const at = row.expiresAt ? Math.max(row.expiresAt.getTime() - earliest + 1000, now + 1000) : now + MINUTE;
      return { event: 'too_early', set: { nextRefreshAt: new Date(at) } };
    }
    default: {
      const failures = row.failureCount + 1;
      const wait =
        failure.kind === 'rejected'
          ? Math.max(backoffMs(failures, failure.retryAfterMs, random), 5 * MINUTE)
          : backoffMs(failures, failure.retryAfterMs, random);
      const what =
        failure.kind === 'rejected'
          ? 'The provider refused the request'
          : failure.kind === 'rate_limited'
            ? 'The provider is limiting requests'
            : 'The provider could not be reached or failed';
      return {
        event: 'refresh_failed',
        set: {
          status: 'error',
          failureCount: failures,
          nextRefreshAt: new Date(now + wait),
          lastError: `${what}${status}${said ? `: ${said}` : ''}. Retrying at ${new Date(now + wait).toISOString()}.`,
          lastErrorAt: new Date(now),
        },
      };
    }
  }
}
