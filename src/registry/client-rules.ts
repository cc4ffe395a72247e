// The rules of client registration, as pure functions: the admin API, the CLI (through the API) and dynamic
// registration all end here, so one set of rules holds for every client. Sources: seeds 000-004, RFC 7591,
// RFC 8252 (native apps), RFC 9700 (security BCP) and OpenID Connect Registration §2. What may be registered is
// what the server supports: the lists are in capabilities.ts.
import { invalid } from '../errors.js';
import {
  APPLICATION_TYPES,
  AUTH_METHODS,
  DEVICE_CODE_GRANT,
  GRANT_TYPES,
  isOneOf,
  RESPONSE_TYPES,
  type ApplicationType,
  type AssertionSigningAlg,
  type AuthMethod,
  type GrantType,
  type SigningAlg,
} from './capabilities.js';
import {
  checkAssertionAlg,
  checkBoolean,
  checkDefaultMaxAge,
  checkIdTokenAlg,
  checkResponseTypes,
  defaultResponseTypes,
  hasPrivateScheme,
  optionalText,
  splitScope,
} from './client-metadata.js';

import { checkCorsOrigin, checkRedirectUri, checkWebUrl, originList, uriList } from './client-uris.js';

export { checkCorsOrigin, checkRedirectUri, checkWebUrl };
export { hasPrivateScheme, MAX_DEFAULT_MAX_AGE, normalizeResponseType } from './client-metadata.js';
export { AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES, type AuthMethod, type GrantType };

/** Lifetimes: seconds, `null` for "never expires", or "default" to inherit the space's value. */
export type Ttl = number | null | 'default';
export const MAX_TTL = 10 * 365 * 24 * 3600;
export const MAX_REFRESH_LIMIT = 1_000_000;

/** Everything a caller may set on a client (RFC 7591 names plus Keyward's own). */
export interface ClientInput {
  name?: string;
  version?: string | null;
  client_name?: string;
  description?: string;
  client_type?: 'confidential' | 'public';
  grant_types?: string[];
  response_types?: string[];
  redirect_uris?: string[];
  post_logout_redirect_uris?: string[];
  /** Browser origins, besides those of the redirect URIs, that may call the token endpoint and others (CORS). */
  allowed_cors_origins?: string[];
  token_endpoint_auth_method?: string;
  scope?: string;
  jwks?: { keys: Record<string, unknown>[] } | null;
  jwks_uri?: string | null;
  access_token_ttl?: Ttl;
  refresh_token_ttl?: Ttl;
  refresh_limit?: number | null;
  access_token_format?: 'jwt' | 'opaque';
  logo_uri?: string | null;
  client_uri?: string | null;
  policy_uri?: string | null;
  tos_uri?: string | null;
  webhook_url?: string | null;
  contacts?: string[];
  active?: boolean;
  token_endpoint_auth_signing_alg?: string | null;
  id_token_signed_response_alg?: string;
  application_type?: string;
  software_id?: string | null;
  software_version?: string | null;
  default_max_age?: number | null;
  require_auth_time?: boolean;
}

/** A complete, checked client as the store keeps it. */
export interface ClientSpec {
  name: string;
  version: string;
  clientName: string;
  description: string;
  clientType: 'confidential' | 'public';
  grantTypes: GrantType[];
  responseTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedCorsOrigins: string[];
  tokenEndpointAuthMethod: AuthMethod;
  /** Scopes of the space associated with the client. */
  scopes: string[];
  /** openid and offline_access when the client lists them in its scope (capabilities.ts PROTOCOL_SCOPES). */
  protocolScopes: string[];
  jwks: { keys: Record<string, unknown>[] } | null;
  jwksUri: string | null;
  /** Store encoding: null inherits the space, 0 never expires. */
  accessTokenTtl: number | null;
  refreshTokenTtl: number | null;
  refreshLimit: number | null;
  accessTokenFormat: 'jwt' | 'opaque';
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
  webhookUrl: string | null;
  contacts: string[];
  active: boolean;
  tokenEndpointAuthSigningAlg: AssertionSigningAlg | null;
  idTokenSignedResponseAlg: SigningAlg;
  applicationType: ApplicationType;
  softwareId: string | null;
  softwareVersion: string | null;
  defaultMaxAge: number | null;
  requireAuthTime: boolean;
}

// RFC 6749 scope-token: %x21 / %x23-5B / %x5D-7E
export const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /[\x00-\x1f\x7f]/;

function text(field: string, v: string, min: number, max: number): string {
  const t = v.trim();
  if (t.length < min || t.length > max) {
    throw invalid(field, min > 0 ? `${field} must be ${min} to ${max} characters` : `${field} must be at most ${max} characters`);
  }
  if (CONTROL.test(t) && field !== 'description') throw invalid(field, `${field} must not contain control characters`);
  return t;
}

/** Converts an API lifetime to the store encoding. */
export function ttlToStore(field: string, v: Ttl | undefined, current: number | null): number | null {
  if (v === undefined) return current;
  if (v === 'default') return null;
  if (v === null) return 0;
  if (!Number.isInteger(v) || v < 1 || v > MAX_TTL) {
    throw invalid(field, `${field} must be seconds from 1 to ${MAX_TTL}, null for "never expires", or "default"`);
  }
  return v;
}

export const ttlFromStore = (v: number | null): Ttl => (v === null ? 'default' : v === 0 ? null : v);

export function parseScope(field: string, scope: string | undefined): string[] {
  if (scope === undefined || scope.trim() === '') return [];
  const names = scope.trim().split(/ +/);
  for (const n of names) {
    if (!SCOPE_TOKEN.test(n)) throw invalid(field, `"${n}" is not a valid scope name (RFC 6749 scope-token)`);
  }
  // Sorted like the stored set is shown (clients.ts), so an answer and a later read agree.
  return [...new Set(names)].sort();
}

function checkJwks(jwks: ClientInput['jwks']): ClientSpec['jwks'] {
  if (jwks === undefined || jwks === null) return null;
  if (typeof jwks !== 'object' || !Array.isArray(jwks.keys) || jwks.keys.length === 0) {
    throw invalid('jwks', 'jwks must be a JWK Set: { "keys": [ ... ] } with at least one key');
  }
  for (const k of jwks.keys) {
    if (!k || typeof k !== 'object' || typeof k.kty !== 'string') throw invalid('jwks', 'every key in jwks needs a "kty"');
    if (k.kty === 'oct') throw invalid('jwks', 'jwks must hold public keys, not symmetric ("oct") keys');
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      if (priv in k) throw invalid('jwks', `jwks must hold public keys only (found private member "${priv}")`);
    }
  }
  return { keys: jwks.keys };
}

/**
 * Merges `input` over `current` (an update) or over the defaults (a create) and checks the whole result, so a
 * rule that spans fields (grant types vs. client type vs. redirect URIs) holds after every change.
 */
export function buildClientSpec(input: ClientInput, current?: ClientSpec): ClientSpec {
  const name = current ? current.name : text('name', input.name ?? '', 1, 100);
  if (current && input.name !== undefined && input.name.trim().toLowerCase() !== current.name.toLowerCase()) {
    throw invalid('name', 'name cannot be changed once the client is saved');
  }
  const version = input.version === undefined ? (current?.version ?? '') : text('version', input.version ?? '', 0, 50);
  const clientType = input.client_type ?? current?.clientType ?? 'confidential';
  if (clientType !== 'confidential' && clientType !== 'public') {
    throw invalid('client_type', 'client_type must be "confidential" or "public"');
  }

  const grants = (input.grant_types ?? current?.grantTypes ?? ['authorization_code']) as string[];
  if (!Array.isArray(grants) || grants.length === 0) throw invalid('grant_types', 'grant_types must list at least one grant type');
  for (const g of grants) {
    if (!isOneOf(GRANT_TYPES, g)) {
      throw invalid('grant_types', `"${g}" is not a supported grant type (${GRANT_TYPES.join(', ')})`);
    }
  }
  const grantTypes = [...new Set(grants)] as GrantType[];
  if (clientType === 'public') {
    for (const g of ['client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:token-exchange'] as const) {
      if (grantTypes.includes(g)) throw invalid('grant_types', `${g} needs client authentication: only confidential clients may use it`);
    }
  } else if (grantTypes.includes('implicit')) {
    throw invalid('grant_types', 'implicit is allowed only for public clients');
  }
  if (grantTypes.includes('refresh_token') && !grantTypes.some((g) => g === 'authorization_code' || g === 'password' || g === DEVICE_CODE_GRANT)) {
    throw invalid('grant_types', 'refresh_token needs a grant that issues refresh tokens (authorization_code, password or device_code)');
  }

  // A changed client type resets the authentication method unless the caller sets one.
  const typeChanged = current !== undefined && current.clientType !== clientType;
  const method = (input.token_endpoint_auth_method ??
    (!typeChanged ? current?.tokenEndpointAuthMethod : undefined) ??
    (clientType === 'public' ? 'none' : 'client_secret_basic')) as AuthMethod;
  if (!isOneOf(AUTH_METHODS, method)) {
    throw invalid('token_endpoint_auth_method', `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}`);
  }
  if (clientType === 'public' && method !== 'none') {
    throw invalid('token_endpoint_auth_method', 'public clients have no credentials: token_endpoint_auth_method must be "none"');
  }
  if (clientType === 'confidential' && method === 'none') {
    throw invalid('token_endpoint_auth_method', 'confidential clients must authenticate: "none" is only for public clients');
  }

  const redirectUris = uriList('redirect_uris', input.redirect_uris ?? current?.redirectUris, clientType);
  if ((grantTypes.includes('authorization_code') || grantTypes.includes('implicit')) && redirectUris.length === 0) {
    throw invalid('redirect_uris', 'at least one redirect URI is required for the authorization_code and implicit grants');
  }
  const postLogoutRedirectUris = uriList('post_logout_redirect_uris', input.post_logout_redirect_uris ?? current?.postLogoutRedirectUris, clientType);
  const allowedCorsOrigins = originList('allowed_cors_origins', input.allowed_cors_origins ?? current?.allowedCorsOrigins);

  const responseTypes =
    input.response_types !== undefined
      ? checkResponseTypes(input.response_types, grantTypes)
      : input.grant_types || !current
        ? defaultResponseTypes(grantTypes)
        : // Stored before the hybrid types were refused: what /authorize never served is dropped.
          checkResponseTypes(
            current.responseTypes.filter((rt) => isOneOf(RESPONSE_TYPES, rt)),
            grantTypes,
          );

  // A private-use redirect URI scheme belongs to a native app (RFC 8252 §7.1): unless the caller says otherwise,
  // such a client is native; otherwise web, OpenID Connect Registration's default.
  const applicationType = input.application_type ?? (hasPrivateScheme(redirectUris) ? 'native' : (current?.applicationType ?? 'web'));
  if (!isOneOf(APPLICATION_TYPES, applicationType)) throw invalid('application_type', `application_type must be one of ${APPLICATION_TYPES.join(', ')}`);
  if (applicationType === 'web' && hasPrivateScheme([...redirectUris, ...postLogoutRedirectUris])) {
    throw invalid('application_type', 'private-use URI schemes are for native apps: a web client redirects to https (or http on loopback) only');
  }

  const jwks = input.jwks === undefined ? (current?.jwks ?? null) : checkJwks(input.jwks);
  const jwksUri = input.jwks_uri === undefined ? (current?.jwksUri ?? null) : checkWebUrl('jwks_uri', input.jwks_uri);
  if (jwksUri && jwksUri.startsWith('http:')) throw invalid('jwks_uri', 'jwks_uri must use https');
  if (jwks && jwksUri) throw invalid('jwks', 'set jwks or jwks_uri, not both (RFC 7591 §2)');
  if (method === 'private_key_jwt' && !jwks && !jwksUri) {
    throw invalid('jwks', "private_key_jwt needs the client's public keys: set jwks or jwks_uri");
  }

  const refreshLimit = input.refresh_limit === undefined ? (current?.refreshLimit ?? null) : input.refresh_limit;
  if (refreshLimit !== null && (!Number.isInteger(refreshLimit) || refreshLimit < 0 || refreshLimit > MAX_REFRESH_LIMIT)) {
    throw invalid('refresh_limit', `refresh_limit must be null (unlimited) or a whole number from 0 to ${MAX_REFRESH_LIMIT}`);
  }
  const refreshTokenTtl = ttlToStore('refresh_token_ttl', input.refresh_token_ttl, current?.refreshTokenTtl ?? null);
  checkRefreshSettingsApply(input, current, grantTypes, refreshTokenTtl, refreshLimit);
  const accessTokenFormat = input.access_token_format ?? current?.accessTokenFormat ?? 'jwt';
  if (accessTokenFormat !== 'jwt' && accessTokenFormat !== 'opaque') {
    throw invalid('access_token_format', 'access_token_format must be "jwt" or "opaque"');
  }
  const contacts = input.contacts ?? current?.contacts ?? [];
  if (!Array.isArray(contacts) || contacts.length > 20) throw invalid('contacts', 'contacts must be a list of at most 20 e-mail addresses');
  for (const c of contacts) {
    if (typeof c !== 'string' || !EMAIL.test(c) || c.length > 320) throw invalid('contacts', `"${c}" is not an e-mail address`);
  }

  return {
    name,
    version,
    clientName: input.client_name !== undefined ? text('client_name', input.client_name, 1, 200) : (current?.clientName ?? name),
    description: input.description !== undefined ? text('description', input.description, 0, 2000) : (current?.description ?? ''),
    clientType,
    grantTypes,
    responseTypes,
    redirectUris,
    postLogoutRedirectUris,
    allowedCorsOrigins,
    tokenEndpointAuthMethod: method,
    ...(input.scope !== undefined
      ? splitScope(parseScope('scope', input.scope))
      : { scopes: current?.scopes ?? [], protocolScopes: current?.protocolScopes ?? [] }),
    jwks,
    jwksUri,
    accessTokenTtl: ttlToStore('access_token_ttl', input.access_token_ttl, current?.accessTokenTtl ?? null),
    refreshTokenTtl,
    refreshLimit,
    accessTokenFormat,
    logoUri: input.logo_uri !== undefined ? checkWebUrl('logo_uri', input.logo_uri) : (current?.logoUri ?? null),
    clientUri: input.client_uri !== undefined ? checkWebUrl('client_uri', input.client_uri) : (current?.clientUri ?? null),
    policyUri: input.policy_uri !== undefined ? checkWebUrl('policy_uri', input.policy_uri) : (current?.policyUri ?? null),
    tosUri: input.tos_uri !== undefined ? checkWebUrl('tos_uri', input.tos_uri) : (current?.tosUri ?? null),
    webhookUrl: input.webhook_url !== undefined ? checkWebUrl('webhook_url', input.webhook_url) : (current?.webhookUrl ?? null),
    contacts,
    active: input.active ?? current?.active ?? true,
    tokenEndpointAuthSigningAlg: checkAssertionAlg(input.token_endpoint_auth_signing_alg, current?.tokenEndpointAuthSigningAlg ?? null, method),
    idTokenSignedResponseAlg: checkIdTokenAlg(input.id_token_signed_response_alg, current?.idTokenSignedResponseAlg),
    applicationType,
    softwareId: optionalText('software_id', input.software_id, current?.softwareId ?? null),
    softwareVersion: optionalText('software_version', input.software_version, current?.softwareVersion ?? null),
    defaultMaxAge: checkDefaultMaxAge(input.default_max_age, current?.defaultMaxAge ?? null),
    requireAuthTime: checkBoolean('require_auth_time', input.require_auth_time, current?.requireAuthTime ?? false),
  };
}

/**
 * A refresh lifetime or limit on a client that is never given refresh tokens (no refresh_token in grant_types)
 * could never apply: refused, naming the field, rather than stored and silently ignored. "default" (inherit the
 * space), null limit (unlimited) and refresh_limit 0 (no refresh tokens) say nothing the grant types contradict
 * and stay allowed. Checked only when the request sets one of them or grant_types, so a client stored before this
 * rule can still be edited in other fields.
 */
function checkRefreshSettingsApply(
  input: ClientInput,
  current: ClientSpec | undefined,
  grantTypes: readonly string[],
  ttl: number | null,
  limit: number | null,
): void {
  if (grantTypes.includes('refresh_token')) return;
  const touched = !current || input.grant_types !== undefined || input.refresh_token_ttl !== undefined || input.refresh_limit !== undefined;
  if (!touched) return;
  const why = 'this client is never given refresh tokens: add "refresh_token" to grant_types, or leave it';
  if (ttl !== null) throw invalid('refresh_token_ttl', `refresh_token_ttl cannot apply: ${why} "default"`);
  if (limit !== null && limit !== 0) throw invalid('refresh_limit', `refresh_limit cannot apply: ${why} null`);
}

/** Whether this client authenticates with a shared secret that the server generates. */
export const usesSecret = (spec: Pick<ClientSpec, 'clientType' | 'tokenEndpointAuthMethod'>): boolean =>
  spec.clientType === 'confidential' && (spec.tokenEndpointAuthMethod === 'client_secret_basic' || spec.tokenEndpointAuthMethod === 'client_secret_post');
