// Route schemas of the admin API: they validate input at the edge, shape output (nothing outside a response
// schema is ever serialized, so a stray hash cannot leak) and generate the OpenAPI document.
import { Type, type Static, type TSchema } from 'typebox';
import { APPLICATION_TYPES, ASSERTION_SIGNING_ALGS, AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES, SIGNING_ALGS } from '../registry/capabilities.js';
import { MAX_DEFAULT_MAX_AGE } from '../registry/client-rules.js';
import { ROLES } from './rbac.js';
import { DEFAULT_SETTINGS, ENUMS, INT_LIMITS } from '../registry/space-settings.js';
import * as ex from './examples.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = (description: string, opts: object = {}) => Type.String({ description, ...opts });

export const ErrorBody = Type.Object(
  {
    error: Type.String({
      description:
        'machine-readable code: invalid_request, unauthorized, forbidden, not_found, conflict, precondition_failed (412: If-Match names another version), too_many_requests (429: sign-in attempts), server_error, temporarily_unavailable (503: the store is unreachable for now; retry after Retry-After seconds)',
    }),
    message: Type.String({ description: 'what is wrong, for people' }),
    field: Type.Optional(Type.String({ description: 'the input field at fault' })),
  },
  { $id: 'Error', examples: [ex.ERROR_EXAMPLE] },
);

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'page size, 1 to 200 (default 50)' })),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'next_cursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), next_cursor: Nullable(Type.String({ description: 'pass as cursor for the next page' })) });

export const SpaceParams = Type.Object({ space: Type.String({ maxLength: 100 }) });

export const SpaceInput = Type.Object(
  {
    slug: Type.Optional(Str('URL-safe identifier, part of the issuer URL; fixed once created', { maxLength: 100 })),
    display_name: Type.Optional(Str('name shown to people', { maxLength: 500 })),
    access_token_ttl: Type.Optional(Type.Integer({ description: 'default access token lifetime in seconds (28800 = 8 h)' })),
    refresh_token_ttl: Type.Optional(Type.Integer({ description: 'default refresh token lifetime in seconds (2592000 = 30 days)' })),
    settings: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
        description:
          'settings to change (the others keep their value), e.g. { "registration": "open" }. Branding: brand_logo_uri (https URL or data: URL of a PNG, JPEG, GIF, WebP or SVG up to 32 KiB), brand_accent_light and brand_accent_dark (#rrggbb with at least 4.5:1 contrast where used; a colour below is refused with the nearest that passes); null resets one',
      }),
    ),
  },
  { additionalProperties: false, examples: [ex.SPACE_INPUT_EXAMPLE] },
);

/** The effective settings of a space; the shape follows DEFAULT_SETTINGS, so a new setting appears here too. */
const settingSchema = (key: keyof typeof DEFAULT_SETTINGS, v: unknown) => {
  const limits = INT_LIMITS[key];
  const allowed = ENUMS[key];
  if (v === null) return Nullable(Type.String({ description: "null = not set (Keyward's own look)" }));
  if (typeof v === 'boolean') return Type.Boolean();
  if (typeof v === 'number') return Type.Integer(limits ? { minimum: limits[0], maximum: limits[1] } : {});
  return Type.String(allowed ? { enum: [...allowed] } : {});
};
const SpaceSettings = Type.Object(
  Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, settingSchema(k as keyof typeof DEFAULT_SETTINGS, v)])),
  { description: 'per-space authorization server settings (defaults filled in)' },
);

export const Space = Type.Object(
  {
    slug: Type.String(),
    display_name: Type.String(),
    access_token_ttl: Type.Integer(),
    refresh_token_ttl: Type.Integer(),
    settings: SpaceSettings,
    issuer: Type.String({ description: 'the OAuth issuer URL of this space' }),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Space', examples: [ex.SPACE_EXAMPLE] },
);

export const ScopeInput = Type.Object(
  {
    name: Type.Optional(Str('scope name (RFC 6749 scope-token); fixed once created', { maxLength: 200 })),
    description: Type.Optional(Str('shown on the consent page', { maxLength: 1000 })),
    default: Type.Optional(Type.Boolean({ description: 'granted when a client asks for no scope' })),
  },
  { additionalProperties: false, examples: [ex.SCOPE_INPUT_EXAMPLE] },
);

export const Scope = Type.Object(
  {
    name: Type.String(),
    description: Type.String(),
    default: Type.Boolean(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Scope', examples: [ex.SCOPE_EXAMPLE] },
);

const Ttl = (what: string) =>
  Type.Union([Type.Integer(), Type.Null(), Type.Literal('default')], {
    description: `${what} lifetime in seconds; null = never expires; "default" = the space's value`,
  });

// A public JWK's members are strings (kty, kid, n, e, x, y, ...), string lists (key_ops, x5c) or plain scalars.
// Nothing nests, so a deeply nested value cannot reach the serializer or the database (stack overflow, a 500).
const JwkMember = Type.Union([
  Type.String({ maxLength: 20000 }),
  Type.Array(Type.String({ maxLength: 20000 }), { maxItems: 20 }),
  Type.Number(),
  Type.Boolean(),
]);
const Jwk = Type.Record(Type.String({ maxLength: 100 }), JwkMember);

const StrList = (description: string) => Type.Array(Type.String({ maxLength: 2000 }), { description, maxItems: 100 });

export const ClientInput = Type.Object(
  {
    name: Type.Optional(Str('unique per space together with version, case-insensitive; fixed once saved', { maxLength: 500 })),
    version: Type.Optional(Nullable(Str('version label; name + version is unique', { maxLength: 200 }))),
    client_name: Type.Optional(Str('display name shown on the consent page (defaults to name)', { maxLength: 500 })),
    description: Type.Optional(Str('free text', { maxLength: 5000 })),
    client_type: Type.Optional(Type.Union([Type.Literal('confidential'), Type.Literal('public')], { description: 'default confidential' })),
    grant_types: Type.Optional(Type.Array(Type.String({ enum: [...GRANT_TYPES] }), { description: 'default ["authorization_code"]', maxItems: 10 })),
    response_types: Type.Optional(
      Type.Array(Type.String({ enum: [...RESPONSE_TYPES] }), {
        description: 'derived from grant_types when omitted; only what the authorization endpoint serves (no hybrid flow)',
        maxItems: 10,
      }),
    ),
    redirect_uris: Type.Optional(StrList('exact redirect URIs: https, http on loopback, or a private-use scheme for public clients')),
    post_logout_redirect_uris: Type.Optional(StrList('where RP-initiated logout may return to')),
    allowed_cors_origins: Type.Optional(
      Type.Array(Type.String({ maxLength: 300 }), {
        maxItems: 50,
        description:
          'browser origins (scheme://host[:port]) that may call the token, userinfo, revocation and device endpoints, besides the origins of the redirect URIs',
      }),
    ),
    token_endpoint_auth_method: Type.Optional(
      Type.String({ enum: [...AUTH_METHODS], description: 'default client_secret_basic (confidential) or none (public)' }),
    ),
    scope: Type.Optional(
      Str(
        'space-separated names of existing scopes to associate (replaces the set); openid and offline_access may be listed too (protocol scopes, granted by default when listed)',
        { maxLength: 10000 },
      ),
    ),
    jwks: Type.Optional(Nullable(Type.Object({ keys: Type.Array(Jwk, { maxItems: 20 }) }, { description: 'public keys for private_key_jwt' }))),
    jwks_uri: Type.Optional(Nullable(Str("https URL of the client's JWK Set", { maxLength: 2000 }))),
    access_token_ttl: Type.Optional(Ttl('access token')),
    refresh_token_ttl: Type.Optional(Ttl('refresh token')),
    refresh_limit: Type.Optional(
      Nullable(Type.Integer({ description: 'refreshes allowed per authorization; null = unlimited; 0 = no refresh token is issued' })),
    ),
    access_token_format: Type.Optional(Type.Union([Type.Literal('jwt'), Type.Literal('opaque')], { description: 'default jwt' })),
    logo_uri: Type.Optional(Nullable(Str('https URL of a logo shown on the consent page', { maxLength: 2000 }))),
    client_uri: Type.Optional(Nullable(Str("https URL of the app's home page", { maxLength: 2000 }))),
    policy_uri: Type.Optional(Nullable(Str('https URL of the privacy policy', { maxLength: 2000 }))),
    tos_uri: Type.Optional(Nullable(Str('https URL of the terms of service', { maxLength: 2000 }))),
    webhook_url: Type.Optional(
      Nullable(
        Str('https URL where the events about this client are POSTed, signed with its webhook secret (Standard Webhooks); null stops them', {
          maxLength: 2000,
        }),
      ),
    ),
    contacts: Type.Optional(Type.Array(Type.String({ maxLength: 320 }), { maxItems: 50, description: 'e-mail addresses' })),
    active: Type.Optional(Type.Boolean({ description: 'false deactivates: every token issued before stays invalid for good' })),
    token_endpoint_auth_signing_alg: Type.Optional(
      Nullable(
        Type.String({
          enum: [...ASSERTION_SIGNING_ALGS],
          description: 'private_key_jwt only: the one algorithm its client assertions may use (default: any advertised)',
        }),
      ),
    ),
    id_token_signed_response_alg: Type.Optional(
      Type.String({ enum: [...SIGNING_ALGS], description: 'algorithm of the ID tokens issued to this client (default RS256)' }),
    ),
    application_type: Type.Optional(
      Type.String({ enum: [...APPLICATION_TYPES], description: 'web or native (default: native when a redirect URI uses a private-use scheme, else web)' }),
    ),
    software_id: Type.Optional(Nullable(Str('identifier of the client software, the same for every instance (RFC 7591)', { maxLength: 200 }))),
    software_version: Type.Optional(Nullable(Str('version of the client software (RFC 7591)', { maxLength: 200 }))),
    default_max_age: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 0,
          maximum: MAX_DEFAULT_MAX_AGE,
          description: 'seconds: authorization requests without max_age use it (the user signs in again when their sign-in is older)',
        }),
      ),
    ),
    require_auth_time: Type.Optional(Type.Boolean({ description: 'auth_time is always in the ID token (Keyward includes it whenever it knows it)' })),
  },
  { additionalProperties: false, examples: [ex.CLIENT_INPUT_EXAMPLE] },
);

const clientFields = {
  client_id: Type.String(),
  space: Type.String(),
  name: Type.String(),
  version: Nullable(Type.String()),
  client_name: Type.String(),
  description: Type.String(),
  client_type: Type.String(),
  grant_types: Type.Array(Type.String()),
  response_types: Type.Array(Type.String()),
  redirect_uris: Type.Array(Type.String()),
  post_logout_redirect_uris: Type.Array(Type.String()),
  allowed_cors_origins: Type.Array(Type.String()),
  token_endpoint_auth_method: Type.String(),
  scope: Type.String(),
  jwks: Nullable(Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) })),
  jwks_uri: Nullable(Type.String()),
  access_token_ttl: Ttl('access token'),
  refresh_token_ttl: Ttl('refresh token'),
  refresh_limit: Nullable(Type.Integer()),
  access_token_format: Type.String(),
  logo_uri: Nullable(Type.String()),
  client_uri: Nullable(Type.String()),
  policy_uri: Nullable(Type.String()),
  tos_uri: Nullable(Type.String()),
  webhook_url: Nullable(Type.String()),
  contacts: Type.Array(Type.String()),
  active: Type.Boolean(),
  token_endpoint_auth_signing_alg: Nullable(Type.String()),
  id_token_signed_response_alg: Type.String(),
  application_type: Type.String(),
  software_id: Nullable(Type.String()),
  software_version: Nullable(Type.String()),
  default_max_age: Nullable(Type.Integer()),
  require_auth_time: Type.Boolean(),
  deactivated_at: Nullable(Type.String({ format: 'date-time' })),
  tokens_valid_after: Nullable(Type.String({ format: 'date-time', description: 'tokens issued earlier are invalid (set on deactivation)' })),
  has_webhook_secret: Type.Boolean(),
  previous_secret_expires_at: Nullable(
    Type.String({
      format: 'date-time',
      description:
        'read-only: when the secret replaced by the last rotate-secret stops working (a past time: it has stopped); null when none is kept (never rotated, or rotated with grace_period 0)',
    }),
  ),
  client_id_issued_at: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
};

export const Client = Type.Object(clientFields, { $id: 'Client', examples: [ex.CLIENT_EXAMPLE] });

export const ClientWithSecret = Type.Object(
  {
    ...clientFields,
    client_secret: Type.Optional(Type.String({ description: 'shown only in this answer' })),
    client_secret_expires_at: Type.Optional(Type.Integer({ description: '0: the secret does not expire' })),
  },
  { examples: [ex.CLIENT_CREATED_EXAMPLE] },
);

export const ClientParams = Type.Object({ space: Type.String({ maxLength: 100 }), client_id: Type.String({ maxLength: 200 }) });

export const ClientListQuery = Type.Object(
  {
    ...PageQuery.properties,
    name: Type.Optional(Type.String({ maxLength: 500, description: 'case-insensitive part of the name' })),
    active: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    grant_type: Type.Optional(Type.String({ enum: [...GRANT_TYPES], description: 'only clients whose grant_types include this one' })),
  },
  { additionalProperties: false },
);

export const RotateSecretInput = Type.Object(
  { grace_period: Type.Optional(Type.Integer({ description: 'seconds the previous secret stays valid (default 0)' })) },
  { additionalProperties: false },
);

export const RotateSecretAnswer = Type.Object({
  client_id: Type.String(),
  client_secret: Type.String({ description: 'shown only in this answer' }),
  client_secret_expires_at: Type.Integer(),
  previous_secret_expires_at: Type.String({ format: 'date-time' }),
});

export const WebhookSecretAnswer = Type.Object({
  client_id: Type.String(),
  webhook_secret: Type.String({ description: 'shown only in this answer' }),
  created_at: Type.String({ format: 'date-time' }),
});

export const AssociateInput = Type.Object(
  {
    scopes: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200, description: 'names of existing scopes to associate' })),
    create: Type.Optional(Type.Array(ScopeInput, { maxItems: 50, description: 'new scopes to create and associate' })),
  },
  { additionalProperties: false },
);

export const RoleGrant = Type.Object(
  {
    space: Type.String({ maxLength: 100, description: 'a space slug, or * for every space' }),
    role: Type.String({ enum: [...ROLES] }),
  },
  { additionalProperties: false },
);

export const AdminInput = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 320 })),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024, description: 'for console sign-in; at least 12 characters' })),
    roles: Type.Optional(Type.Array(RoleGrant, { maxItems: 100 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Admin = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    disabled: Type.Boolean(),
    has_password: Type.Boolean(),
    roles: Type.Array(Type.Object({ space: Type.String(), role: Type.String() })),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Admin' },
);

export const AdminParams = Type.Object({ admin_id: Type.String({ maxLength: 100, description: 'admin id, or "me"' }) });

export const RoleInput = Type.Object({ role: Type.String({ enum: [...ROLES] }) }, { additionalProperties: false });

export const TokenInput = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    expires_in: Type.Optional(Nullable(Type.Integer({ description: 'seconds until expiry; null = no expiry' }))),
  },
  { additionalProperties: false, examples: [ex.ADMIN_TOKEN_INPUT_EXAMPLE] },
);

const tokenFields = {
  id: Type.String(),
  name: Type.String(),
  hint: Type.String({ description: 'first characters, to tell tokens apart' }),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Nullable(Type.String({ format: 'date-time' })),
  last_used_at: Nullable(Type.String({ format: 'date-time' })),
  revoked_at: Nullable(Type.String({ format: 'date-time' })),
};
export const AdminToken = Type.Object(tokenFields, { $id: 'AdminToken', examples: [ex.ADMIN_TOKEN_EXAMPLE] });
export const AdminTokenCreated = Type.Object(
  { ...tokenFields, token: Type.String({ description: 'shown only in this answer' }) },
  { examples: [ex.ADMIN_TOKEN_CREATED_EXAMPLE] },
);

export const AuditQuery = Type.Object(
  {
    limit: PageQuery.properties.limit,
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    space: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    type: Type.Optional(Type.String({ maxLength: 100, description: 'only entries of this event type (client.deactivated, connection.needs_reauth, …)' })),
    actor: Type.Optional(Type.String({ maxLength: 320, description: 'only changes made by this admin (e-mail, any case, or id)' })),
    target_type: Type.Optional(Type.String({ maxLength: 100, description: 'only entries about this kind of object (client, scope, admin, signing_key, …)' })),
    target_id: Type.Optional(Type.String({ maxLength: 200, description: 'only entries about the object with this id (a client_id, a scope name, …)' })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'only entries at or after this moment' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'only entries before this moment' })),
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()), email: Nullable(Type.String()) }),
  space: Nullable(Type.String()),
  action: Type.String(),
  type: Type.String({ description: 'the event type webhooks carry ({resource}.{past tense})' }),
  target: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  client_id: Type.Optional(Type.String({ description: 'the client the change concerns, when there is one' })),
  changes: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
/** One audit log entry as the API answers it (the CLI and tests read this shape). */
export type AuditEntryView = Static<typeof AuditEntry>;
