// The shape of one provider catalog entry (catalog/providers/*.json, checked against catalog/provider.schema.json at
// start and in a test). An entry says everything Keyward must know to talk to a provider: where to send the person
// for consent, how to get and renew tokens, how to read the provider's answers and where its API lives. Facts come
// from the provider's own documentation or well-kept client code; `sources` names them and `unverified` lists what
// could not be checked.

/** Credential kinds a connection may have (DESIGN.md "Connection vault"). */
export type ConnectionKind = 'oauth2_authorization_code' | 'oauth2_client_credentials' | 'api_key_exchange' | 'api_key' | 'basic';

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** A value a connection (or its provider client) fills in: `{name}` in the entry's URLs. */
export interface PlaceholderSpec {
  description: string;
  /** The allowed values where they are fixed (Exact Online's country extension). */
  values?: string[];
  default?: string;
  /** A regular expression the value must match in full (a subdomain, a tenant id). */
  pattern?: string;
}

/**
 * How a lifetime is written in an answer: seconds (RFC 6749), milliseconds, or an absolute date (ISO 8601 string or
 * epoch seconds). Numbers given as strings ("600", as Exact Online does) are read as numbers of the same unit.
 */
export type LifetimeFormat = 'seconds' | 'milliseconds' | 'date';

/** Where the fields of a token answer are (dotted paths into the JSON body: `authed_user.access_token`). */
export interface TokenAnswerMapping {
  access_token?: string; // default "access_token"
  refresh_token?: string; // default "refresh_token"
  token_type?: string; // default "token_type"
  scope?: string; // default "scope"
  expires_in?: string; // default "expires_in"
  expires_in_format?: LifetimeFormat; // default "seconds"
  /** Paths tried in order for the refresh token's own lifetime (refresh_token_expires_in, x_refresh_token_expires_in). */
  refresh_token_expires_in?: string[];
  refresh_token_expires_in_format?: LifetimeFormat; // default "seconds"
  /** Paths of extra fields kept as connection metadata (Salesforce instance_url, Slack team.id). */
  metadata?: string[];
}

/** How a provider reports a failed token request. */
export interface ErrorMapping {
  /** Path of the OAuth error code in the body (default "error"). */
  error?: string;
  /** Path of the human-readable description (default "error_description"). */
  error_description?: string;
  /**
   * For providers that answer failures with HTTP 200 (Slack `{"ok": false, "error": "invalid_refresh_token"}`):
   * the answer succeeded only when this path holds this value.
   */
  success_flag?: { path: string; value: string | number | boolean };
  /** Provider error codes that mean the grant is dead (treated as invalid_grant: reconnect needed). */
  invalid_grant_codes?: string[];
  /** Provider error codes or descriptions that mean "too early, not yet" (Exact: "access_token not expired"). */
  too_early_codes?: string[];
}

export interface RefreshRules {
  /** True when each refresh returns a new refresh token and the old one stops working (or soon will). */
  rotates: boolean;
  /** Seconds the old refresh token keeps working after a rotation (Xero 30 min); 0 = at once. */
  reuse_grace_seconds?: number;
  /** A refresh is refused earlier than this many seconds before the access token expires (Exact Online: 30). */
  earliest_before_expiry_seconds?: number;
  /** An unused refresh token dies after this many seconds (Exact 30 days, Xero and Box 60 days). */
  unused_lifetime_seconds?: number;
  /** The refresh token's absolute lifetime when the answer does not say (Microsoft 90 days). */
  refresh_token_lifetime_seconds?: number;
  /** The access token lifetime assumed when the answer names none (Salesforce: a session, Zendesk: none given). */
  assumed_access_token_lifetime_seconds?: number;
  /** Extra body parameters of the refresh request. */
  params?: Record<string, string>;
}

/** A two-step API-key exchange (Redox's legacy API): key and secret bought for tokens, renewed with the refresh token. */
export interface ApiKeyExchange {
  /** URL of the login call; placeholders allowed. */
  url: string;
  /** JSON body: values may be `{api_key}`, `{secret}` (the connection's credentials) or placeholders. */
  body: Record<string, string>;
  /** URL and body of the renewal call (`{refresh_token}` and `{api_key}` available); absent: log in again. */
  refresh?: { url: string; body: Record<string, string> };
  response: TokenAnswerMapping;
}

/** How a static credential or a token is sent to the provider's API by the proxy. */
export interface ApiAuth {
  /** Header name (default Authorization) or query parameter name when `in` is "query". */
  name?: string;
  in?: 'header' | 'query';
  /** Text before the token in the header (default "Bearer"; GitHub accepts "Bearer" too; empty: the token alone). */
  scheme?: string;
}

export interface ProviderEntry {
  /** Stable id used in the API (`exact-online`, `github`, `custom`, `oidc`). */
  id: string;
  name: string;
  /** Short text shown in the catalog picker. */
  description?: string;
  /** Home of the provider's developer documentation, and the pages or client code each fact was checked against. */
  docs_url?: string;
  sources: string[];
  /** Facts in this entry that could not be checked against the provider's documentation or client code. */
  unverified?: string[];
  kinds: ConnectionKind[];
  /** URLs with `{placeholder}`s; absent for `custom` (the provider client gives them) and `oidc` (discovery). */
  authorization_url?: string;
  token_url?: string;
  api_base_url?: string;
  revocation_url?: string;
  /** `oidc` only: the discovery document's URL template. */
  discovery_url?: string;
  /** The placeholders its URLs use, with their allowed values. */
  config?: Record<string, PlaceholderSpec>;
  scopes?: { default?: string[]; separator?: string };
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  /** private_key_jwt: the JWS algorithm the provider expects (Redox RS384 or ES384). */
  token_endpoint_auth_signing_alg?: string;
  /** Audience of the client assertion when it is not the token URL. */
  client_assertion_audience?: string;
  pkce: boolean;
  /** Extra parameters on the authorization request (Google access_type=offline). */
  authorize_params?: Record<string, string>;
  /** Extra body parameters of every token request (Zendesk expires_in). */
  token_params?: Record<string, string>;
  /** Token request body format (default form, RFC 6749). */
  token_request_format?: 'form' | 'json';
  token_response?: TokenAnswerMapping;
  errors?: ErrorMapping;
  refresh?: RefreshRules;
  /** Query parameters of the consent redirect kept as connection metadata (QuickBooks realmId). */
  redirect_metadata?: string[];
  api_key_exchange?: ApiKeyExchange;
  api_auth?: ApiAuth;
}
