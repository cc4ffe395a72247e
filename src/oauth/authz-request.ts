// Validation of authorization request parameters (RFC 6749 §4.1.1, §4.2.1; RFC 7636; OIDC Core §3.1.2.1),
// shared by the authorization endpoint and PAR (RFC 9126). Two kinds of failure: the client or redirect URI
// cannot be trusted (NoRedirect: never redirect, show a page), or anything else (an OAuthError sent back to the
// now-trusted redirect URI).
import type { OAuthClient, OAuthSpace } from './cache.js';
import type { OAuth } from './context.js';
import { invalidRequest, OAuthError } from './errors.js';
import type { Params } from './http.js';
import { grantedScopes } from './scopes.js';
import { isOneOf, PKCE_METHODS, RESPONSE_MODES, RESPONSE_TYPES } from '../registry/capabilities.js';
import { normalizeResponseType } from '../registry/client-rules.js';

export { RESPONSE_MODES, RESPONSE_TYPES };
export const PROMPTS = ['none', 'login', 'consent'] as const;
/**
 * Authentication context classes, as Keycloak names them: "1" when the user entered their password during this
 * authorization request, "0" when an existing browser session was reused (single sign-on).
 */
export const ACR_VALUES = ['0', '1'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** A request that must not be answered by redirecting (unknown client, unregistered redirect URI). */
export class NoRedirect extends Error {
  constructor(readonly description: string) {
    super(description);
  }
}

export interface AuthzRequest {
  client: OAuthClient;
  redirectUri: string;
  responseType: string;
  responseMode: ResponseMode;
  state?: string;
  scope: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  prompt: string[];
  maxAge?: number;
  /** acr_values asked for (voluntary, OIDC Core §3.1.2.1); unknown values are ignored. */
  acrValues: string[];
  /** The validated parameters as sent (kept in auth_requests for the interaction and PAR). */
  params: Record<string, string>;
}

const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)(:\d{1,5})?([/?#].*)?$/;
const dropPort = (uri: string) => uri.replace(/^(http:\/\/[^/?#]*?)(:\d{1,5})?(?=[/?#]|$)/, '$1');

/** Exact string match; for loopback redirect URIs any port matches (RFC 8252 §7.3). */
export function redirectMatches(registered: string, given: string): boolean {
  if (registered === given) return true;
  if (!LOOPBACK.test(registered) || !LOOPBACK.test(given) || !URL.canParse(given)) return false;
  return dropPort(registered) === dropPort(given);
}

/** The client and redirect URI: only after this succeeds may errors be sent to the redirect URI. */
export async function trustedTarget(oauth: OAuth, space: OAuthSpace, p: Params): Promise<{ client: OAuthClient; redirectUri: string }> {
  if (!p.client_id) throw new NoRedirect('The request names no application (client_id is missing).');
  const client = await oauth.cache.client(space.row.id, p.client_id);
  if (!client) throw new NoRedirect('The application is not known here.');
  if (!client.row.active) throw new NoRedirect('The application is deactivated.');
  const registered = client.row.redirectUris;
  if (p.redirect_uri === undefined) {
    if (registered.length !== 1) throw new NoRedirect('The request has no redirect_uri and the application registered several.');
    return { client, redirectUri: registered[0]! };
  }
  if (!registered.some((r) => redirectMatches(r, p.redirect_uri!))) throw new NoRedirect('The redirect URI is not registered for this application.');
  return { client, redirectUri: p.redirect_uri };
}

/** Checks everything but the client and redirect URI; throws OAuthError (to be sent to the redirect URI). */
export function validateAuthz(space: OAuthSpace, target: { client: OAuthClient; redirectUri: string }, p: Params): AuthzRequest {
  const { client } = target;
  const rt = p.response_type;
  if (!rt) throw invalidRequest('response_type is required');
  const normalized = normalizeResponseType(rt);
  if (!isOneOf(RESPONSE_TYPES, normalized)) throw new OAuthError('unsupported_response_type', `response_type "${rt}" is not supported`);
  if (!client.row.responseTypes.includes(normalized)) throw new OAuthError('unauthorized_client', `this client may not use response_type "${normalized}"`);
  const isCode = normalized === 'code';
  if (isCode && !client.row.grantTypes.includes('authorization_code'))
    throw new OAuthError('unauthorized_client', 'this client may not use the authorization_code grant');
  if (!isCode && !client.row.grantTypes.includes('implicit')) throw new OAuthError('unauthorized_client', 'this client may not use the implicit grant');

  const mode = (p.response_mode ?? (isCode ? 'query' : 'fragment')) as ResponseMode;
  if (!(RESPONSE_MODES as readonly string[]).includes(mode)) throw invalidRequest(`response_mode "${p.response_mode}" is not supported`);
  // Tokens never travel in a query string (OAuth 2.0 Multiple Response Type Encoding Practices §5).
  if (!isCode && mode === 'query') throw invalidRequest('response_mode query is not allowed when tokens are returned');

  if (p.request !== undefined) throw invalidRequest('request objects are not supported');
  const scope = grantedScopes(client, p.scope, { allowProtocol: true });
  if (normalized.includes('id_token') && !scope.includes('openid')) throw invalidRequest('response_type id_token needs the openid scope');
  if (normalized.includes('id_token') && !p.nonce) throw invalidRequest('nonce is required when an ID token is returned from the authorization endpoint');

  const prompt = (p.prompt ?? '').split(' ').filter(Boolean);
  for (const v of prompt) if (!(PROMPTS as readonly string[]).includes(v)) throw invalidRequest(`prompt value "${v}" is not supported`);
  if (prompt.includes('none') && prompt.length > 1) throw invalidRequest('prompt=none cannot be combined with other values');

  let maxAge: number | undefined;
  if (p.max_age !== undefined) {
    if (!/^\d{1,9}$/.test(p.max_age)) throw invalidRequest('max_age must be a non-negative whole number of seconds');
    maxAge = Number(p.max_age);
  } else if (client.row.defaultMaxAge !== null) {
    // OpenID Connect Registration §2 default_max_age: what the client asks for when it does not say.
    maxAge = client.row.defaultMaxAge;
  }

  const acrValues = (p.acr_values ?? '').split(' ').filter((v) => (ACR_VALUES as readonly string[]).includes(v));

  let method: string | undefined;
  if (isCode) {
    const pkceRequired = client.row.tokenEndpointAuthMethod === 'none' || space.settings.require_pkce;
    if (p.code_challenge === undefined) {
      if (pkceRequired) throw invalidRequest('code_challenge is required (PKCE, RFC 7636)');
      if (p.code_challenge_method !== undefined) throw invalidRequest('code_challenge_method without code_challenge');
    } else {
      method = p.code_challenge_method ?? 'plain';
      if (!isOneOf(PKCE_METHODS, method)) throw invalidRequest(`code_challenge_method "${method}" is not supported`);
      if (method === 'plain' && !space.settings.allow_plain_pkce) throw invalidRequest('code_challenge_method must be S256');
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(p.code_challenge)) throw invalidRequest('code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]');
    }
  } else if (p.code_challenge !== undefined) {
    throw invalidRequest('PKCE applies only to response_type code');
  }

  const kept: Record<string, string> = {};
  for (const k of [
    'client_id',
    'redirect_uri',
    'response_type',
    'response_mode',
    'scope',
    'state',
    'nonce',
    'code_challenge',
    'code_challenge_method',
    'prompt',
    'max_age',
    'login_hint',
    'acr_values',
    // The language the application asks the pages to speak (i18n.ts).
    'ui_locales',
  ]) {
    if (p[k] !== undefined) kept[k] = p[k]!;
  }
  return {
    client,
    redirectUri: target.redirectUri,
    responseType: normalized,
    responseMode: mode,
    ...(p.state !== undefined ? { state: p.state } : {}),
    scope,
    ...(p.nonce !== undefined ? { nonce: p.nonce } : {}),
    ...(p.code_challenge !== undefined ? { codeChallenge: p.code_challenge, codeChallengeMethod: method! } : {}),
    prompt,
    ...(maxAge !== undefined ? { maxAge } : {}),
    acrValues,
    params: kept,
  };
}

/** Where an error goes when validation fails after the target is trusted: response_mode if it was readable. */
export function errorMode(p: Params): ResponseMode {
  if (p.response_mode && (RESPONSE_MODES as readonly string[]).includes(p.response_mode)) return p.response_mode as ResponseMode;
  return p.response_type && p.response_type !== 'code' ? 'fragment' : 'query';
}
