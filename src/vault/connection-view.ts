// How a connection reads in the admin API and to applications: its settings and renewal state, never a credential.
import type { ConnectionRow } from '../store/connections.js';

export type ConnectionStatus = 'pending' | 'connected' | 'needs_reauth' | 'error' | 'disabled';
export type ConnectionKind = 'oauth2_authorization_code' | 'oauth2_client_credentials' | 'api_key_exchange' | 'api_key' | 'basic';
export const CONNECTION_KINDS: readonly ConnectionKind[] = ['oauth2_authorization_code', 'oauth2_client_credentials', 'api_key_exchange', 'api_key', 'basic'];
export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['pending', 'connected', 'needs_reauth', 'error', 'disabled'];

/** Kinds whose credentials are static: nothing to renew. */
export const STATIC_KINDS: readonly ConnectionKind[] = ['api_key', 'basic'];

const NAMED_RATES: Record<string, number> = { disabled: 0, '15m': 900, '30m': 1800, '1h': 3600 };

/** Seconds between scheduled renewals for a renewal_rate value; undefined when the value is not one. */
export function renewalSecondsOf(rate: unknown): number | undefined {
  if (typeof rate === 'string' && rate in NAMED_RATES) return NAMED_RATES[rate];
  if (typeof rate === 'number' && Number.isInteger(rate) && rate >= 60 && rate <= 365 * 86400) return rate;
  return undefined;
}

export const renewalRateOf = (seconds: number): string | number => Object.entries(NAMED_RATES).find(([, s]) => s === seconds)?.[0] ?? seconds;

/** How long before a known refresh-token expiry a connection warns that it must be reconnected. */
export const REAUTH_WARNING_MS = 7 * 86400 * 1000;

export interface ConnectionView {
  id: string;
  name: string;
  description: string;
  kind: ConnectionKind;
  provider_client: string;
  provider: string;
  environment: string;
  config: Record<string, string>;
  availability: 'global' | 'application';
  client_id: string | null;
  renewal_rate: string | number;
  status: ConnectionStatus;
  expires_at: string | null;
  expiry_known: boolean;
  last_refresh_at: string | null;
  next_refresh_at: string | null;
  refresh_count: number;
  last_error: string | null;
  last_error_at: string | null;
  refresh_token_expires_at: string | null;
  has_credentials: boolean;
  /** A warning a person should act on (the refresh token expires soon: reconnect before then). */
  warning: string | null;
  metadata: Record<string, unknown>;
  connected_at: string | null;
  created_at: string;
  updated_at: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function warningOf(row: ConnectionRow, now: number): string | null {
  const rtExpiry = row.refreshTokenExpiresAt?.getTime();
  if (row.status === 'connected' && rtExpiry !== undefined && rtExpiry - now < REAUTH_WARNING_MS) {
    return `The refresh token expires at ${new Date(rtExpiry).toISOString()}; reconnect before then to keep the connection working.`;
  }
  return null;
}

export function connectionView(row: ConnectionRow, provider: string, boundClientId: string | null, now = Date.now()): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as ConnectionKind,
    provider_client: row.providerClientId,
    provider,
    environment: row.environment,
    config: row.config,
    availability: row.availability === 'application' ? 'application' : 'global',
    client_id: boundClientId,
    renewal_rate: renewalRateOf(row.renewalSeconds),
    status: row.status as ConnectionStatus,
    expires_at: iso(row.expiresAt),
    expiry_known: row.expiryKnown,
    last_refresh_at: iso(row.lastRefreshAt),
    next_refresh_at: iso(row.nextRefreshAt),
    refresh_count: row.refreshCount,
    last_error: row.lastError,
    last_error_at: iso(row.lastErrorAt),
    refresh_token_expires_at: iso(row.refreshTokenExpiresAt),
    has_credentials: row.credentialsSealed !== null,
    warning: warningOf(row, now),
    metadata: row.metadata,
    connected_at: iso(row.connectedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
