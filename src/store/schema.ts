// The one schema shared by PGlite (embedded) and PostgreSQL. Migrations in ./drizzle are generated from it
// with `npm run db:generate` and committed; never edit an applied migration, add a new one.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision: JavaScript dates (and so pagination cursors) carry no more.
const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// Rows that belong to a space (or a client) go with it: every such reference cascades on delete.
const spaceRef = () =>
  uuid('space_id')
    .notNull()
    .references(() => spaces.id, { onDelete: 'cascade' });
const clientRef = () =>
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
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_space_at').on(t.space, t.at)],
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

// ---- Authorization server (issue 3) ----------------------------------------------------------------------

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    username: text('username').notNull(),
    // Lower-cased: sign-in names compare case-insensitively.
    usernameKey: text('username_key').notNull(),
    email: text('email'),
    emailVerified: boolean('email_verified').notNull().default(false),
    name: text('name'),
    // Standard claims (OpenID Connect Core §5.1), released by the profile, email, address and phone scopes.
    givenName: text('given_name'),
    familyName: text('family_name'),
    middleName: text('middle_name'),
    nickname: text('nickname'),
    profile: text('profile'),
    picture: text('picture'),
    website: text('website'),
    gender: text('gender'),
    birthdate: text('birthdate'),
    zoneinfo: text('zoneinfo'),
    locale: text('locale'),
    phoneNumber: text('phone_number'),
    phoneNumberVerified: boolean('phone_number_verified').notNull().default(false),
    address: jsonb('address').$type<Record<string, string>>(),
    // personal: signs in through the browser; service: only through the password grant (seed 000).
    kind: text('kind').notNull(),
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    // Tokens issued before this instant are invalid (set by disabling and by "revoke all of a user").
    tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_space_username').on(t.spaceId, t.usernameKey), index('users_space_created').on(t.spaceId, t.createdAt, t.id)],
);

export const signingKeys = pgTable(
  'signing_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    kid: text('kid').notNull().unique(),
    alg: text('alg').notNull(),
    publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
    privateSealed: text('private_sealed').notNull(),
    createdAt: createdAt(),
    // Published from creation; signs from activeAt (publish before sign); stops signing at retiredAt; leaves the
    // JWKS at expiresAt, once every token it signed has expired.
    activeAt: timestamp('active_at', { withTimezone: true, precision: 3 }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true, precision: 3 }),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('signing_keys_space').on(t.spaceId)],
);

/** One authorization: what a code exchange, a password or device grant started; refresh tokens chain on it. */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    clientPk: clientRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    grantType: text('grant_type').notNull(),
    scope: text('scope').array().notNull(),
    authTime: timestamp('auth_time', { withTimezone: true, precision: 3 }),
    acr: text('acr'),
    sid: text('sid'),
    refreshCount: integer('refresh_count').notNull().default(0),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('grants_client').on(t.clientPk), index('grants_user').on(t.userId), index('grants_space_created').on(t.spaceId, t.createdAt, t.id)],
);

/** Stored access tokens: opaque ones (by hash) and JWTs issued within a grant (by jti), for introspection and management. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    // SHA-256 of the opaque token, or "jti:<jti>" for a JWT.
    id: text('id').primaryKey(),
    // No foreign key: the client's (below) already ties the row to its space and deletes it with the space. This
    // is the table every opaque token is written to: one referential check less per row.
    spaceId: uuid('space_id').notNull(),
    clientPk: clientRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    grantId: uuid('grant_id').references(() => grants.id, { onDelete: 'cascade' }),
    grantType: text('grant_type').notNull(),
    format: text('format').notNull(),
    scope: text('scope').array().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  // Partial: client_credentials tokens (most rows) have neither grant nor user, and need no entry in those indexes.
  (t) => [
    index('access_tokens_client').on(t.clientPk),
    index('access_tokens_grant')
      .on(t.grantId)
      .where(sql`grant_id is not null`),
    index('access_tokens_user')
      .on(t.userId)
      .where(sql`user_id is not null`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    // Set when exchanged for a new one: presenting it again is reuse, and revokes the whole grant.
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('refresh_tokens_grant').on(t.grantId)],
);

export const authorizationCodes = pgTable('authorization_codes', {
  codeHash: text('code_hash').primaryKey(),
  spaceId: spaceRef(),
  clientPk: clientRef(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  redirectUri: text('redirect_uri').notNull(),
  scope: text('scope').array().notNull(),
  codeChallenge: text('code_challenge'),
  codeChallengeMethod: text('code_challenge_method'),
  nonce: text('nonce'),
  authTime: timestamp('auth_time', { withTimezone: true, precision: 3 }).notNull(),
  acr: text('acr'),
  sid: text('sid'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true, precision: 3 }),
  // The grant its exchange created: a replayed code revokes it (RFC 6749 §4.1.2).
  grantId: uuid('grant_id').references(() => grants.id, { onDelete: 'set null' }),
});

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientPk: clientRef(),
    scope: text('scope').array().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('consents_user_client').on(t.userId, t.clientPk)],
);

export const browserSessions = pgTable('browser_sessions', {
  idHash: text('id_hash').primaryKey(),
  spaceId: spaceRef(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  sid: text('sid').notNull(),
  authTime: timestamp('auth_time', { withTimezone: true, precision: 3 }).notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** Pending authorization requests: pushed (PAR, RFC 9126) or waiting for login and consent. */
export const authRequests = pgTable('auth_requests', {
  idHash: text('id_hash').primaryKey(),
  spaceId: spaceRef(),
  clientPk: clientRef(),
  kind: text('kind').notNull(),
  params: jsonb('params').$type<Record<string, string>>().notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true, precision: 3 }),
});

export const deviceCodes = pgTable('device_codes', {
  deviceCodeHash: text('device_code_hash').primaryKey(),
  userCode: text('user_code').notNull().unique(),
  spaceId: spaceRef(),
  clientPk: clientRef(),
  scope: text('scope').array().notNull(),
  // pending | approved | denied | consumed
  status: text('status').notNull().default('pending'),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  authTime: timestamp('auth_time', { withTimezone: true, precision: 3 }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true, precision: 3 }),
});

/** jti of client assertions seen (private_key_jwt): a replay is refused until the assertion expires. */
export const assertionJtis = pgTable(
  'assertion_jtis',
  {
    clientPk: clientRef(),
    jti: text('jti').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientPk, t.jti] })],
);

/** Initial access tokens for dynamic client registration (RFC 7591 §3), issued by an admin. */
export const initialAccessTokens = pgTable('initial_access_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  spaceId: spaceRef(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
  usesLeft: integer('uses_left'),
  revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
});
