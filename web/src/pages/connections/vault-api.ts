// The vault's API as the connections page uses it: the catalog (the same for every space, so fetched once), the
// space's provider clients and connections, and the names the page shows for the API's codes.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDuration, t, type MessageKey } from '../../i18n';

export type Provider = components['schemas']['Provider'];
export type ProviderClient = components['schemas']['ProviderClient'];
export type Connection = components['schemas']['Connection'];
export type ConnectionKind = Provider['kinds'][number];
export type ConnectionStatus = Connection['status'];

export function useProviders() {
  return useQuery({
    queryKey: ['providers'],
    queryFn: async () => (await call(api.GET('/providers'))).items,
    staleTime: Infinity,
  });
}

/** Every provider client of the space (a space has few; 200 is the API's largest page), for pickers and names. */
export function useAllProviderClients(space: string) {
  return useQuery({
    queryKey: ['provider-clients', space, 'all'],
    queryFn: async () => (await call(api.GET('/spaces/{space}/provider-clients', { params: { path: { space }, query: { limit: '200' } } }))).items,
  });
}

const KIND_LABELS: Record<ConnectionKind, MessageKey> = {
  oauth2_authorization_code: 'connections.kinds.oauth2_authorization_code',
  oauth2_client_credentials: 'connections.kinds.oauth2_client_credentials',
  api_key_exchange: 'connections.kinds.api_key_exchange',
  api_key: 'connections.kinds.api_key',
  basic: 'connections.kinds.basic',
};
export const kindLabel = (kind: string) => (kind in KIND_LABELS ? t(KIND_LABELS[kind as ConnectionKind]) : kind);

const STATUS_LABELS: Record<ConnectionStatus, MessageKey> = {
  pending: 'connections.statuses.pending',
  connected: 'connections.statuses.connected',
  needs_reauth: 'connections.statuses.needs_reauth',
  error: 'connections.statuses.error',
  disabled: 'connections.statuses.disabled',
};
export const statusLabel = (status: ConnectionStatus) => t(STATUS_LABELS[status]);
export const CONNECTION_STATUSES = Object.keys(STATUS_LABELS) as ConnectionStatus[];

/** "every hour", "every 15 minutes", "off": a connection's renewal_rate as people say it. */
export function renewalLabel(rate: string | number): string {
  if (rate === 'disabled') return t('connections.renewal.disabled');
  const seconds = typeof rate === 'number' ? rate : ({ '15m': 900, '30m': 1800, '1h': 3600 } as Record<string, number>)[rate];
  return seconds ? t('connections.renewal.every', { duration: formatDuration(seconds) }) : String(rate);
}

/** The kinds that need a person's consent in a browser (the connect link). */
export const needsConsent = (kind: string) => kind === 'oauth2_authorization_code';

/**
 * What to call the provider in sentences ("Continue to …"): the catalog's name, except for the generic entries
 * (custom, oidc), where the provider client's own name says which service it really is.
 */
export const GENERIC_PROVIDERS = ['custom', 'oidc'];
export const providerDisplayName = (entry: { id: string; name: string } | undefined, pc: { name: string } | undefined, fallback = '') =>
  entry && !GENERIC_PROVIDERS.includes(entry.id) ? entry.name : (pc?.name ?? entry?.name ?? fallback);
