// What the outbound requests need to talk to a provider for one connection: the catalog entry, the provider
// client's identity and secrets (opened here, used for one request, never stored elsewhere), and the URLs with the
// connection's placeholders filled in (the connection's values win over its provider client's, which win over the
// catalog's defaults).
import type { ConnectionRow } from '../store/connections.js';
import type { ProviderClientRow } from '../store/provider-clients.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { Catalog } from './catalog/index.js';
import type { ProviderEntry, TokenEndpointAuthMethod } from './catalog/types.js';
import type { ProviderSettings } from './outbound/index.js';
import type { Sealer } from './sealer.js';

/** The placeholder values of a connection: catalog defaults, then the provider client's, then the connection's. */
export function placeholderValues(entry: ProviderEntry, pc: ProviderClientRow, conn?: Pick<ConnectionRow, 'config'>): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(entry.config ?? {})) if (spec.default !== undefined) defaults[name] = spec.default;
  return { ...defaults, ...pc.config, ...(conn?.config ?? {}) };
}

export function providerSettings(
  catalog: Catalog,
  sealer: Sealer,
  entry: ProviderEntry,
  pc: ProviderClientRow,
  conn?: Pick<ConnectionRow, 'config'>,
): ProviderSettings {
  const values = placeholderValues(entry, pc, conn);
  const fill = (template: string | null | undefined) => (template ? catalog.fillTemplate(template, values) : undefined);
  const unitMs = pc.expiresInUnit === 'ms' ? 1 : 1000;
  const exchange = entry.api_key_exchange;
  const filledEntry: ProviderEntry = exchange
    ? {
        ...entry,
        api_key_exchange: {
          ...exchange,
          url: fill(exchange.url)!,
          ...(exchange.refresh ? { refresh: { ...exchange.refresh, url: fill(exchange.refresh.url)! } } : {}),
        },
      }
    : entry;
  return {
    entry: filledEntry,
    clientId: pc.clientId,
    clientSecret: pc.clientSecretSealed ? sealer.open(pc.clientSecretSealed, sealedAad.providerClient(pc.id, 'client_secret')) : undefined,
    privateKeyPem: pc.privateKeySealed ? sealer.open(pc.privateKeySealed, sealedAad.providerClient(pc.id, 'private_key')) : undefined,
    keyId: typeof pc.publicJwk?.kid === 'string' ? pc.publicJwk.kid : undefined,
    authMethod: pc.tokenEndpointAuthMethod as TokenEndpointAuthMethod,
    authorizationUrl: fill(pc.authorizationUrl),
    tokenUrl: fill(pc.tokenUrl) ?? '',
    scope: pc.scope.split(' ').filter(Boolean),
    overrides: {
      accessTokenTtlMs: pc.accessTokenExpiresIn ? pc.accessTokenExpiresIn * unitMs : undefined,
      refreshTokenTtlMs: pc.refreshTokenExpiresIn ? pc.refreshTokenExpiresIn * unitMs : undefined,
    },
  };
}
