// The client form's values and their mapping to and from the admin API. The form speaks in choices people make
// ("space default", "never expires", "unlimited"); the API in its own encoding (a lifetime is seconds, null for
// never, or "default"; a refresh limit is a number or null for unlimited), so the mapping lives here, once.
// '.js': this module is also imported by a Node test (test/web/client-form-model.test.ts), which resolves like Node.
import type { components, paths } from '../../api/schema.js';

export type Client = components['schemas']['Client'];
type Ttl = Client['access_token_ttl'];
/** What POST …/clients and PATCH …/clients/{client_id} take. */
export type ClientBody = NonNullable<paths['/spaces/{space}/clients']['post']['requestBody']>['content']['application/json'];

export type TtlMode = 'default' | 'never' | 'custom';
export type AuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

export interface ClientFormValues {
  name: string;
  version: string;
  client_name: string;
  description: string;
  client_type: 'confidential' | 'public';
  token_endpoint_auth_method: AuthMethod;
  jwks_uri: string;
  grant_types: string[];
  redirect_uris: string;
  post_logout_redirect_uris: string;
  allowed_cors_origins: string;
  access_ttl_mode: TtlMode;
  access_ttl: string;
  refresh_ttl_mode: TtlMode;
  refresh_ttl: string;
  refresh_limit_mode: 'unlimited' | 'limited';
  refresh_limit: string;
  access_token_format: 'jwt' | 'opaque';
  scope: string;
  logo_uri: string;
  client_uri: string;
  policy_uri: string;
  tos_uri: string;
  contacts: string;
  webhook_url: string;
}

/** The longest lifetime the API takes (registry/client-rules.ts MAX_TTL: ten years). */
export const MAX_TTL = 10 * 365 * 24 * 3600;
export const MAX_REFRESH_LIMIT = 1_000_000;

/** A new client: what the API would choose when a field is left out (seed 000: 8 hours, 30 days by default). */
export const NEW_CLIENT: ClientFormValues = {
  name: '',
  version: '',
  client_name: '',
  description: '',
  client_type: 'confidential',
  token_endpoint_auth_method: 'client_secret_basic',
  jwks_uri: '',
  grant_types: ['authorization_code', 'refresh_token'],
  redirect_uris: '',
  post_logout_redirect_uris: '',
  allowed_cors_origins: '',
  access_ttl_mode: 'default',
  access_ttl: '',
  refresh_ttl_mode: 'default',
  refresh_ttl: '',
  refresh_limit_mode: 'unlimited',
  refresh_limit: '',
  access_token_format: 'jwt',
  scope: '',
  logo_uri: '',
  client_uri: '',
  policy_uri: '',
  tos_uri: '',
  contacts: '',
  webhook_url: '',
};

const ttlMode = (v: Ttl): TtlMode => (v === 'default' ? 'default' : v === null ? 'never' : 'custom');
const ttlSeconds = (v: Ttl): string => (typeof v === 'number' ? String(v) : '');
const lines = (list: string[]) => list.join('\n');

/** The form's values for a stored client. */
export function formValuesOf(c: Client): ClientFormValues {
  return {
    name: c.name,
    version: c.version ?? '',
    client_name: c.client_name,
    description: c.description,
    client_type: c.client_type === 'public' ? 'public' : 'confidential',
    token_endpoint_auth_method: c.token_endpoint_auth_method as AuthMethod,
    jwks_uri: c.jwks_uri ?? '',
    grant_types: c.grant_types,
    redirect_uris: lines(c.redirect_uris),
    post_logout_redirect_uris: lines(c.post_logout_redirect_uris),
    allowed_cors_origins: lines(c.allowed_cors_origins),
    access_ttl_mode: ttlMode(c.access_token_ttl),
    access_ttl: ttlSeconds(c.access_token_ttl),
    refresh_ttl_mode: ttlMode(c.refresh_token_ttl),
    refresh_ttl: ttlSeconds(c.refresh_token_ttl),
    refresh_limit_mode: c.refresh_limit === null ? 'unlimited' : 'limited',
    refresh_limit: c.refresh_limit === null ? '' : String(c.refresh_limit),
    access_token_format: c.access_token_format === 'opaque' ? 'opaque' : 'jwt',
    scope: c.scope,
    logo_uri: c.logo_uri ?? '',
    client_uri: c.client_uri ?? '',
    policy_uri: c.policy_uri ?? '',
    tos_uri: c.tos_uri ?? '',
    contacts: lines(c.contacts),
    webhook_url: c.webhook_url ?? '',
  };
}

/** The non-empty lines of a one-per-line field, trimmed. */
export const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function ttlOf(mode: TtlMode, seconds: string): Ttl {
  if (mode === 'default') return 'default';
  if (mode === 'never') return null;
  return Number(seconds);
}

export const usesRefresh = (v: Pick<ClientFormValues, 'grant_types'>) => v.grant_types.includes('refresh_token');

/**
 * The request body for the form's values. A new client sends its name and scopes; an existing one keeps its name
 * (it cannot change) and its scopes (the scopes section changes them one by one). Refresh settings are sent as
 * "not applicable" without the refresh_token grant, which is what the API requires then.
 */
export function bodyOf(v: ClientFormValues, isNew: boolean): ClientBody {
  const refresh = usesRefresh(v);
  return {
    ...(isNew ? { name: v.name.trim() } : {}),
    version: orNull(v.version),
    ...(v.client_name.trim() ? { client_name: v.client_name.trim() } : isNew ? {} : { client_name: v.name.trim() }),
    description: v.description,
    client_type: v.client_type,
    token_endpoint_auth_method: v.token_endpoint_auth_method,
    ...(v.token_endpoint_auth_method === 'private_key_jwt' || !isNew ? { jwks_uri: orNull(v.jwks_uri) } : {}),
    grant_types: v.grant_types as ClientBody['grant_types'],
    redirect_uris: splitLines(v.redirect_uris),
    post_logout_redirect_uris: splitLines(v.post_logout_redirect_uris),
    allowed_cors_origins: splitLines(v.allowed_cors_origins),
    access_token_ttl: ttlOf(v.access_ttl_mode, v.access_ttl),
    refresh_token_ttl: refresh ? ttlOf(v.refresh_ttl_mode, v.refresh_ttl) : 'default',
    refresh_limit: refresh && v.refresh_limit_mode === 'limited' ? Number(v.refresh_limit) : null,
    access_token_format: v.access_token_format,
    ...(isNew && v.scope.trim() ? { scope: v.scope.trim() } : {}),
    logo_uri: orNull(v.logo_uri),
    client_uri: orNull(v.client_uri),
    policy_uri: orNull(v.policy_uri),
    tos_uri: orNull(v.tos_uri),
    contacts: splitLines(v.contacts),
    webhook_url: orNull(v.webhook_url),
  };
}

/** The API's field names the form shows errors on, and the form field each lands on when the names differ. */
export const API_FIELDS = [
  'name',
  'version',
  'client_name',
  'description',
  'client_type',
  'token_endpoint_auth_method',
  'jwks_uri',
  'grant_types',
  'redirect_uris',
  'post_logout_redirect_uris',
  'allowed_cors_origins',
  'access_ttl',
  'refresh_ttl',
  'refresh_limit',
  'access_token_format',
  'scope',
  'logo_uri',
  'client_uri',
  'policy_uri',
  'tos_uri',
  'contacts',
  'webhook_url',
] as const;
export const API_RENAME: Record<string, string> = {
  access_token_ttl: 'access_ttl',
  refresh_token_ttl: 'refresh_ttl',
  jwks: 'jwks_uri',
  // Derived by the API from fields the form does have: the error belongs where the cause was typed.
  application_type: 'redirect_uris',
  response_types: 'grant_types',
};
