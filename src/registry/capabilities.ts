// What this authorization server speaks, listed once. Client rules (what may be registered), the admin API's
// schemas, discovery, the CLI's help and choices, client authentication and the signer all read these lists, so
// nothing can be registered that an endpoint then refuses, and nothing is advertised that is not honoured.
// It lives below oauth/ because the registry's client rules need it.

/** Grant types a client may list (RFC 7591 grant_types); `implicit` is served by /authorize, the rest by /token. */
export const GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'password',
  'implicit',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8693: a client trades its own access token for a connection's provider token (the vault). */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/**
 * Response types /authorize answers, in their normalized order (OAuth 2.0 Multiple Response Types): the code flow
 * and the implicit flow. The hybrid flow (`code id_token`, `code token`, ...) is not served, so it cannot be
 * registered either.
 */
export const RESPONSE_TYPES = ['code', 'token', 'id_token', 'id_token token'] as const;
export const RESPONSE_MODES = ['query', 'fragment', 'form_post'] as const;

/** Client authentication at the token, introspection, revocation, PAR and device endpoints. */
export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/**
 * Algorithms a private_key_jwt client assertion may be signed with (asymmetric only: the client's keys are
 * public keys): discovery's token_endpoint_auth_signing_alg_values_supported and the values a client's
 * token_endpoint_auth_signing_alg may take.
 */
export const ASSERTION_SIGNING_ALGS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const;
export type AssertionSigningAlg = (typeof ASSERTION_SIGNING_ALGS)[number];

/**
 * Algorithms Keyward signs its own JWTs with (access tokens with the space's signing_alg, ID tokens with the
 * client's id_token_signed_response_alg). `none` is never one of them.
 */
export const SIGNING_ALGS = ['ES256', 'RS256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];
/** OpenID Connect Registration §2: the ID token algorithm when a client names none; every space has a key for it. */
export const DEFAULT_ID_TOKEN_ALG: SigningAlg = 'RS256';

/** PKCE methods (RFC 7636); `plain` only where the space allows it. */
export const PKCE_METHODS = ['S256', 'plain'] as const;

/** OpenID Connect Registration §2 application_type. */
export const APPLICATION_TYPES = ['web', 'native'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/**
 * Scopes of the protocol itself rather than of a space's APIs (OpenID Connect Core §3.1.2.1, §11): any client may
 * ask for them where a user signs in, and a client may list them in its `scope` (then they are part of its
 * default scope) without them being scopes of the space.
 */
export const PROTOCOL_SCOPES = ['openid', 'offline_access'] as const;
export const isProtocolScope = (name: string): boolean => (PROTOCOL_SCOPES as readonly string[]).includes(name);

export const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
