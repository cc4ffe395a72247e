// The connection vault's tables: OAuth clients the company holds at other services (provider clients), the
// connections made through them with their sealed credentials and renewal state, and one-time connect attempts.
// Part of the one schema in ../schema.ts. Every credential column holds a value sealed by crypto/seal.ts
// (`*_sealed`), never plaintext; its additional data names the table, row and column (see store/sealed-columns.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients, createdAt, spaceRef, updatedAt } from './registry.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const providerClients = pgTable(
  'provider_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    // The catalog entry's id (exact-online, github, custom, oidc, …).
    provider: text('provider').notNull(),
    name: text('name').notNull(),
    // Empty until the provider issues it: the redirect URI is read from Keyward first (two-way exchange).
    clientId: text('client_id').notNull().default(''),
    clientSecretSealed: text('client_secret_sealed'),
    // private_key_jwt: the private key (PKCS#8 PEM) sealed, and its public JWK to register at the provider.
    privateKeySealed: text('private_key_sealed'),
    publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>(),
    authorizationUrl: text('authorization_url'),
    tokenUrl: text('token_url'),
    apiBaseUrl: text('api_base_url'),
    tokenEndpointAuthMethod: text('token_endpoint_auth_method').notNull().default('client_secret_basic'),
    scope: text('scope').notNull().default(''),
    // Used only when the provider's answer names no lifetime; in expiresInUnit (seed 001's milliseconds).
    accessTokenExpiresIn: bigint('access_token_expires_in', { mode: 'number' }),
    refreshTokenExpiresIn: bigint('refresh_token_expires_in', { mode: 'number' }),
    expiresInUnit: text('expires_in_unit').notNull().default('s'),
    config: jsonb('config').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('provider_clients_space_created').on(t.spaceId, t.createdAt, t.id)],
);

export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    // A provider client in use cannot be deleted (restrict): its connections would lose their way to renew.
    providerClientId: uuid('provider_client_id')
      .notNull()
      .references(() => providerClients.id, { onDelete: 'restrict' }),
    environment: text('environment').notNull().default(''),
    config: jsonb('config').$type<Record<string, string>>().notNull().default({}),
    availability: text('availability').notNull().default('global'),
    // The one registered client that may use an application-level connection; its deletion takes the connection.
    boundClientPk: uuid('bound_client_pk').references(() => clients.id, { onDelete: 'cascade' }),
    // Seconds between scheduled renewals; 0 = disabled (seed 003's renewal rate; default every hour).
    renewalSeconds: integer('renewal_seconds').notNull().default(3600),
    status: text('status').notNull().default('pending'),
    // The kind's own credentials (API key and secret, user and password, client assertion key) as sealed JSON.
    credentialsSealed: text('credentials_sealed'),
    accessTokenSealed: text('access_token_sealed'),
    refreshTokenSealed: text('refresh_token_sealed'),
    tokenType: text('token_type'),
    expiresAt: instant('expires_at'),
    // False when the provider named no lifetime and an override or the catalog's assumed one is used.
    expiryKnown: boolean('expiry_known').notNull().default(true),
    refreshTokenExpiresAt: instant('refresh_token_expires_at'),
    // When the refresh token was issued or last used: inactivity limits (Exact 30 days) count from here.
    refreshTokenUsedAt: instant('refresh_token_used_at'),
    lastRefreshAt: instant('last_refresh_at'),
    nextRefreshAt: instant('next_refresh_at'),
    refreshCount: integer('refresh_count').notNull().default(0),
    // Consecutive transient failures: the backoff grows with it; reset by a success.
    failureCount: integer('failure_count').notNull().default(0),
    lastError: text('last_error'),
    lastErrorAt: instant('last_error_at'),
    // Extra fields of the provider's answers and of the redirect (Salesforce instance_url, QuickBooks realmId).
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    connectedAt: instant('connected_at'),
    // The renewal lease: the process refreshing now and until when. A result is written only by the owner of the
    // lease with the generation it took (a fence), so a late writer can never overwrite a newer refresh token.
    leaseOwner: text('lease_owner'),
    leaseUntil: instant('lease_until'),
    generation: integer('generation').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Names are unique per space, compared case-insensitively (seed 003's "unique name").
    uniqueIndex('connections_space_name').on(t.spaceId, sql`lower(${t.name})`),
    index('connections_space_created').on(t.spaceId, t.createdAt, t.id),
    // The scheduler's queue: what is due, in order.
    index('connections_due')
      .on(t.nextRefreshAt)
      .where(sql`${t.nextRefreshAt} is not null`),
    index('connections_provider_client').on(t.providerClientId),
  ],
);

/** One use of a connect link: the link (hashed), then the state and PKCE verifier of the provider's consent. */
export const connectAttempts = pgTable(
  'connect_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    linkHash: text('link_hash').notNull(),
    stateHash: text('state_hash'),
    verifierSealed: text('verifier_sealed'),
    linkUsedAt: instant('link_used_at'),
    completedAt: instant('completed_at'),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('connect_attempts_link').on(t.linkHash),
    uniqueIndex('connect_attempts_state').on(t.stateHash),
    index('connect_attempts_connection').on(t.connectionId),
  ],
);
