// The rules of client registration, as pure functions: the admin API, the CLI (through the API) and dynamic
// registration all end here, so one set of rules holds for every client. Sources: seeds 000-004, RFC 7591,
// RFC 8252 (native apps) and RFC 9700 (security BCP).
import { invalid } from '../errors.js';

export const GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'password',
  'implicit',
  'urn:ietf:params:oauth:grant-type:device_code',
] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const RESPONSE_TYPES = ['code', 'token', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'] as const;

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
  contacts?: string[];
  active?: boolean;
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
  scopes: string[];
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
  contacts: string[];
  active: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
// Schemes that run code or read local data in a browser: never a redirect target.
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'about:', 'blob:', 'ws:', 'wss:']);
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

/**
 * A redirect URI must be an absolute URI without fragment (RFC 6749 §3.1.2), use https, or http on a loopback
 * host (RFC 8252 §7.3), or, for public (native) clients, a private-use scheme in reverse-domain form (§7.1).
 * Matching later is exact string comparison, so no wildcards are accepted here.
 */
export function checkRedirectUri(field: string, uri: string, clientType: 'confidential' | 'public'): string {
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > 2000) {
    throw invalid(field, `${field} entries must be URIs of 1 to 2000 characters`);
  }
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw invalid(field, `"${uri}" is not an absolute URI`);
  }
  if (uri.includes('#')) throw invalid(field, `"${uri}" must not contain a fragment (#)`);
  if (/\s/.test(uri)) throw invalid(field, `"${uri}" must not contain white space`);
  if (uri.includes('*')) throw invalid(field, `"${uri}" must not contain wildcards: redirect URIs match exactly`);
  if (u.username || u.password) throw invalid(field, `"${uri}" must not contain user credentials`);
  if (u.protocol === 'https:') {
    if (!u.hostname) throw invalid(field, `"${uri}" has no host`);
    return uri;
  }
  if (u.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(u.hostname)) return uri;
    throw invalid(field, `"${uri}" must use https (http is allowed only for 127.0.0.1, [::1] and localhost)`);
  }
  if (FORBIDDEN_SCHEMES.has(u.protocol)) throw invalid(field, `"${uri}" uses a forbidden scheme`);
  if (clientType !== 'public') {
    throw invalid(field, `"${uri}": private-use URI schemes are allowed only for public (native) clients`);
  }
  if (!u.protocol.slice(0, -1).includes('.')) {
    throw invalid(field, `"${uri}": a private-use scheme must be a reverse domain name such as com.example.app (RFC 8252)`);
  }
  return uri;
}

/** https URL (or http on loopback) for logo, client, policy and terms pages and jwks_uri. */
export function checkWebUrl(field: string, v: string | null | undefined): string | null {
  if (v === undefined || v === null || v === '') return null;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw invalid(field, `${field} must be an absolute URL`);
  }
  if (v.length > 2000) throw invalid(field, `${field} must be at most 2000 characters`);
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname))) return v;
  throw invalid(field, `${field} must use https`);
}

function uriList(field: string, list: string[] | undefined, clientType: 'confidential' | 'public'): string[] {
  const items = list ?? [];
  if (!Array.isArray(items) || items.length > 50) throw invalid(field, `${field} must be a list of at most 50 URIs`);
  const checked = items.map((u) => checkRedirectUri(field, u, clientType));
  if (new Set(checked).size !== checked.length) throw invalid(field, `${field} must not list a URI twice`);
  return checked;
}

/**
 * A CORS origin as browsers send it in the Origin header (RFC 6454 §6.2): scheme://host[:port], lower case, no
 * default port, no path. Matching is exact, so the entry must already have that form; https, or http on the
 * loopback hosts only, as for redirect URIs.
 */
export function checkCorsOrigin(field: string, origin: string): string {
  if (typeof origin !== 'string' || origin.length === 0 || origin.length > 300) throw invalid(field, `${field} entries must be origins of 1 to 300 characters`);
  if (origin.includes('*')) throw invalid(field, `"${origin}" must not contain wildcards: origins match exactly`);
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    throw invalid(field, `"${origin}" is not an origin (scheme://host[:port])`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalid(field, `"${origin}" must use https (or http on a loopback host)`);
  if (u.protocol === 'http:' && !LOOPBACK_HOSTS.has(u.hostname)) {
    throw invalid(field, `"${origin}" must use https (http is allowed only for 127.0.0.1, [::1] and localhost)`);
  }
  if (u.username || u.password || u.search || u.hash || /\s/.test(origin) || (u.pathname !== '/' && u.pathname !== '')) {
    throw invalid(field, `"${origin}" must be an origin only: scheme://host[:port], no path, query or fragment`);
  }
  if (origin !== u.origin) throw invalid(field, `"${origin}" is not written as browsers send it: use "${u.origin}"`);
  return origin;
}

function originList(field: string, list: string[] | undefined): string[] {
  const items = list ?? [];
  if (!Array.isArray(items) || items.length > 50) throw invalid(field, `${field} must be a list of at most 50 origins`);
  const checked = items.map((o) => checkCorsOrigin(field, o));
  if (new Set(checked).size !== checked.length) throw invalid(field, `${field} must not list an origin twice`);
  return checked;
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

function defaultResponseTypes(grants: GrantType[]): string[] {
  const out: string[] = [];
  if (grants.includes('authorization_code')) out.push('code');
  if (grants.includes('implicit')) out.push('token', 'id_token', 'id_token token');
  return out;
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
    if (!(GRANT_TYPES as readonly string[]).includes(g)) {
      throw invalid('grant_types', `"${g}" is not a supported grant type (${GRANT_TYPES.join(', ')})`);
    }
  }
  const grantTypes = [...new Set(grants)] as GrantType[];
  if (clientType === 'public') {
    for (const g of ['client_credentials', 'password'] as const) {
      if (grantTypes.includes(g)) throw invalid('grant_types', `${g} needs client authentication: only confidential clients may use it`);
    }
  } else if (grantTypes.includes('implicit')) {
    throw invalid('grant_types', 'implicit is allowed only for public clients');
  }
  if (
    grantTypes.includes('refresh_token') &&
    !grantTypes.some((g) => g === 'authorization_code' || g === 'password' || g === 'urn:ietf:params:oauth:grant-type:device_code')
  ) {
    throw invalid('grant_types', 'refresh_token needs a grant that issues refresh tokens (authorization_code, password or device_code)');
  }

  // A changed client type resets the authentication method unless the caller sets one.
  const typeChanged = current !== undefined && current.clientType !== clientType;
  const method = (input.token_endpoint_auth_method ??
    (!typeChanged ? current?.tokenEndpointAuthMethod : undefined) ??
    (clientType === 'public' ? 'none' : 'client_secret_basic')) as AuthMethod;
  if (!(AUTH_METHODS as readonly string[]).includes(method)) {
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

  const responseTypes = input.response_types ?? (input.grant_types || !current ? defaultResponseTypes(grantTypes) : current.responseTypes);
  for (const rt of responseTypes) {
    if (!(RESPONSE_TYPES as readonly string[]).includes(rt)) throw invalid('response_types', `"${rt}" is not a supported response type`);
    const parts = rt.split(' ');
    if (parts.includes('code') && !grantTypes.includes('authorization_code')) {
      throw invalid('response_types', `response type "${rt}" needs the authorization_code grant`);
    }
    if ((parts.includes('token') || parts.includes('id_token')) && !grantTypes.includes('implicit')) {
      throw invalid('response_types', `response type "${rt}" needs the implicit grant`);
    }
  }

  const jwks = input.jwks === undefined ? (current?.jwks ?? null) : checkJwks(input.jwks);
  const jwksUri = input.jwks_uri === undefined ? (current?.jwksUri ?? null) : checkWebUrl('jwks_uri', input.jwks_uri);
  if (jwksUri && jwksUri.startsWith('http:')) throw invalid('jwks_uri', 'jwks_uri must use https');
  if (jwks && jwksUri) throw invalid('jwks', 'set jwks or jwks_uri, not both (RFC 7591 §2)');
  if (method === 'private_key_jwt' && !jwks && !jwksUri) {
    throw invalid('jwks', 'private_key_jwt needs the client\'s public keys: set jwks or jwks_uri');
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
    scopes: input.scope !== undefined ? parseScope('scope', input.scope) : (current?.scopes ?? []),
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
    contacts,
    active: input.active ?? current?.active ?? true,
  };
}

/**
 * A refresh lifetime or limit on a client that is never given refresh tokens (no refresh_token in grant_types)
 * could never apply: refused, naming the field, rather than stored and silently ignored. "default" (inherit the
 * space), null limit (unlimited) and refresh_limit 0 (no refresh tokens) say nothing the grant types contradict
 * and stay allowed. Checked only when the request sets one of them or grant_types, so a client stored before this
 * rule can still be edited in other fields.
 */
function checkRefreshSettingsApply(input: ClientInput, current: ClientSpec | undefined, grantTypes: readonly string[], ttl: number | null, limit: number | null): void {
  if (grantTypes.includes('refresh_token')) return;
  const touched = !current || input.grant_types !== undefined || input.refresh_token_ttl !== undefined || input.refresh_limit !== undefined;
  if (!touched) return;
  const why = 'this client is never given refresh tokens: add "refresh_token" to grant_types, or leave it';
  if (ttl !== null) throw invalid('refresh_token_ttl', `refresh_token_ttl cannot apply: ${why} "default"`);
  if (limit !== null && limit !== 0) throw invalid('refresh_limit', `refresh_limit cannot apply: ${why} null`);
}

/** Whether this client authenticates with a shared secret that the server generates. */
export const usesSecret = (spec: Pick<ClientSpec, 'clientType' | 'tokenEndpointAuthMethod'>): boolean =>
  spec.clientType === 'confidential' &&
  (spec.tokenEndpointAuthMethod === 'client_secret_basic' || spec.tokenEndpointAuthMethod === 'client_secret_post');
