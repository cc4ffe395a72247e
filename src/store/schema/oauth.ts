// The authorization server's tables: users, signing keys, grants and their tokens, codes, consents, browser
// sessions, pending requests, device codes, assertion jtis, initial access tokens. Part of the one schema in
// ../schema.ts.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clientRef, createdAt, spaceRef, updatedAt } from './registry.js';

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
