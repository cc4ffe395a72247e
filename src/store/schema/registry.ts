// The registry's tables: spaces, admins and their tokens, the audit log, scopes, clients with their secrets and
// scope links; and the column helpers every table uses. Part of the one schema in ../schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision: JavaScript dates (and so pagination cursors) carry no more.
export const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// Rows that belong to a space (or a client) go with it: every such reference cascades on delete.
export const spaceRef = () =>
  uuid('space_id')
    .notNull()
    .references(() => spaces.id, { onDelete: 'cascade' });
export const clientRef = () =>
  uuid('client_pk')
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' });

export const spaces = pgTable('spaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  displayName: text('display_name').notNull(),
  accessTokenTtl: integer('access_token_ttl').notNull().default(28800),
  refreshTokenTtl: integer('refresh_token_ttl').notNull().default(2592000),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const admins = pgTable('admins', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  // Lower-cased copy: e-mail addresses are compared case-insensitively.
  emailKey: text('email_key').notNull().unique(),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const adminRoles = pgTable(
  'admin_roles',
  {
    adminId: uuid('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    // NULL means every space (a global role).
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [unique('admin_roles_admin_space').on(t.adminId, t.spaceId).nullsNotDistinct()],
);

export const adminTokens = pgTable('admin_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  adminId: uuid('admin_id')
    .notNull()
    .references(() => admins.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  // First characters of the token, so a person can tell tokens apart without the value.
  hint: text('hint').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

// The outbox: every audited change and every vault event, written in the transaction of the change. The audit log
// lists it; webhook deliveries (schema/events.ts) are created from it in the same statement.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    // The space's slug, not a foreign key: entries outlive what they describe.
    space: text('space'),
    action: text('action').notNull(),
    // The event type webhooks and the audit log name it by ({resource}.{past tense}: client.deactivated).
    type: text('type').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    // The client the event concerns (its client_id), when there is one: its webhook_url receives the event.
    clientId: text('client_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_space_at').on(t.space, t.at), index('audit_log_type').on(t.type)],
);

export const scopes = pgTable(
  'scopes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('scopes_space_name').on(t.spaceId, t.name)],
);

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    clientId: text('client_id').notNull().unique(),
    name: text('name').notNull(),
    version: text('version').notNull().default(''),
    clientName: text('client_name').notNull(),
    description: text('description').notNull().default(''),
    clientType: text('client_type').notNull(),
    grantTypes: text('grant_types').array().notNull(),
    responseTypes: text('response_types').array().notNull(),
    redirectUris: text('redirect_uris').array().notNull(),
    postLogoutRedirectUris: text('post_logout_redirect_uris').array().notNull(),
    tokenEndpointAuthMethod: text('token_endpoint_auth_method').notNull(),
    jwks: jsonb('jwks').$type<{ keys: Record<string, unknown>[] }>(),
    jwksUri: text('jwks_uri'),
    // NULL: inherit the space's lifetime; 0: never expires; else seconds.
    accessTokenTtl: integer('access_token_ttl'),
    refreshTokenTtl: integer('refresh_token_ttl'),
    // NULL: unlimited refreshes; 0: no refresh token is ever issued.
    refreshLimit: integer('refresh_limit'),
    accessTokenFormat: text('access_token_format').notNull(),
    logoUri: text('logo_uri'),
    clientUri: text('client_uri'),
    policyUri: text('policy_uri'),
    tosUri: text('tos_uri'),
    contacts: text('contacts').array().notNull(),
    active: boolean('active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    // Tokens issued before this instant are invalid for good (set on every deactivation).
    tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true }),
    // Where the events about this client are delivered, signed with its webhook secret (seed 001).
    webhookUrl: text('webhook_url'),
    webhookSecretSealed: text('webhook_secret_sealed'),
    webhookSecretCreatedAt: timestamp('webhook_secret_created_at', { withTimezone: true }),
    // RFC 7592: the hash of the registration access token of a dynamically registered client.
    registrationTokenHash: text('registration_token_hash'),
    // Browser origins allowed to call the token, userinfo, revocation and device endpoints (CORS), besides the
    // origins of the redirect URIs (Hydra's allowed_cors_origins).
    allowedCorsOrigins: text('allowed_cors_origins')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Standard client metadata (RFC 7591 §2, OpenID Connect Registration §2).
    tokenEndpointAuthSigningAlg: text('token_endpoint_auth_signing_alg'),
    idTokenSignedResponseAlg: text('id_token_signed_response_alg').notNull().default('RS256'),
    applicationType: text('application_type').notNull().default('web'),
    softwareId: text('software_id'),
    softwareVersion: text('software_version'),
    defaultMaxAge: integer('default_max_age'),
    requireAuthTime: boolean('require_auth_time').notNull().default(false),
    // openid / offline_access when listed in the client's scope: protocol scopes, not scopes of the space, so they
    // are kept here rather than as client_scopes links.
    protocolScopes: text('protocol_scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Name + version unique per space; names compare case-insensitively (seed 004).
    uniqueIndex('clients_space_name_version').on(t.spaceId, sql`lower(${t.name})`, t.version),
    index('clients_space_created').on(t.spaceId, t.createdAt, t.id),
  ],
);

export const clientSecrets = pgTable(
  'client_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientPk: clientRef(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    // Set when a newer secret replaced this one: the end of its grace period.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [index('client_secrets_client').on(t.clientPk)],
);

export const clientScopes = pgTable(
  'client_scopes',
  {
    clientPk: clientRef(),
    scopeId: uuid('scope_id')
      .notNull()
      .references(() => scopes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.clientPk, t.scopeId] })],
);
