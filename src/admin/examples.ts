// Examples of the admin API's main requests and answers, shown by the OpenAPI document (and its reference page)
// next to their schemas. test/integration/openapi-examples.test.ts validates each against its schema, so an
// example cannot drift from what the API accepts and answers.
import { DEFAULT_SETTINGS } from '../registry/space-settings.js';

const CREATED = '2026-03-02T09:15:00.000Z';
const UPDATED = '2026-03-09T17:40:12.000Z';

export const ERROR_EXAMPLE = {
  error: 'invalid_request',
  message: 'redirect_uris[0] must be an https URL (http only on a loopback address)',
  field: 'redirect_uris[0]',
};

/** An error answer for each status, as the operations give it. */
export const ERROR_EXAMPLES: Record<number, { error: string; message: string; field?: string }> = {
  400: ERROR_EXAMPLE,
  401: { error: 'unauthorized', message: 'the admin API token is unknown, revoked or expired' },
  403: { error: 'forbidden', message: 'this action needs the client-manager role in space "default"' },
  404: { error: 'not_found', message: 'client "zqn7fvAaWJRCl7WMB6YHcQ" not found' },
  409: { error: 'conflict', message: 'a client named "gallery" already exists in this space (names are not case-sensitive)', field: 'name' },
  412: {
    error: 'precondition_failed',
    message:
      'client "zqn7fvAaWJRCl7WMB6YHcQ" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag',
  },
  413: { error: 'invalid_request', message: 'Request body is too large' },
  415: { error: 'invalid_request', message: 'content-type "text/xml" is not accepted here; send application/json' },
  429: { error: 'too_many_requests', message: 'too many failed sign-in attempts; try again in 840 seconds' },
  503: { error: 'temporarily_unavailable', message: 'the store is unavailable right now; retry shortly' },
};

export const SPACE_INPUT_EXAMPLE = { slug: 'staging', display_name: 'Staging', settings: { registration: 'token' } };

export const SPACE_EXAMPLE = {
  slug: 'staging',
  display_name: 'Staging',
  access_token_ttl: 28800,
  refresh_token_ttl: 2592000,
  settings: { ...DEFAULT_SETTINGS, registration: 'token' },
  issuer: 'https://auth.example.com/spaces/staging',
  created_at: CREATED,
  updated_at: UPDATED,
};

export const SCOPE_INPUT_EXAMPLE = { name: 'photos:read', description: 'See your photos', default: false };

export const SCOPE_EXAMPLE = { ...SCOPE_INPUT_EXAMPLE, created_at: CREATED, updated_at: CREATED };

export const CLIENT_INPUT_EXAMPLE = {
  name: 'gallery',
  client_name: 'Gallery',
  redirect_uris: ['https://gallery.example.com/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  scope: 'openid photos:read',
};

export const CLIENT_UPDATE_EXAMPLE = { redirect_uris: ['https://gallery.example.com/callback', 'https://gallery.example.com/cb2'], active: true };

export const CLIENT_EXAMPLE = {
  client_id: 'zqn7fvAaWJRCl7WMB6YHcQ',
  space: 'default',
  name: 'gallery',
  version: null,
  client_name: 'Gallery',
  description: '',
  client_type: 'confidential',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: ['https://gallery.example.com/callback'],
  post_logout_redirect_uris: [],
  allowed_cors_origins: [],
  token_endpoint_auth_method: 'client_secret_basic',
  scope: 'openid photos:read',
  jwks: null,
  jwks_uri: null,
  access_token_ttl: 'default',
  refresh_token_ttl: 'default',
  refresh_limit: null,
  access_token_format: 'jwt',
  logo_uri: null,
  client_uri: null,
  policy_uri: null,
  tos_uri: null,
  webhook_url: null,
  contacts: [],
  active: true,
  token_endpoint_auth_signing_alg: null,
  id_token_signed_response_alg: 'RS256',
  application_type: 'web',
  software_id: null,
  software_version: null,
  default_max_age: null,
  require_auth_time: false,
  deactivated_at: null,
  tokens_valid_after: null,
  has_webhook_secret: false,
  previous_secret_expires_at: null,
  client_id_issued_at: 1772442900,
  created_at: CREATED,
  updated_at: CREATED,
};

export const CLIENT_CREATED_EXAMPLE = { ...CLIENT_EXAMPLE, client_secret: 'igOsE-xh-MG8SgMxqJFwGunBLVbaYLitaAzmxRx0ct4', client_secret_expires_at: 0 };

export const USER_INPUT_EXAMPLE = { username: 'alice', password: 'correct horse battery staple', email: 'alice@example.com', name: 'Alice Liddell' };

export const USER_EXAMPLE = {
  id: '2cd8e766-259f-49d9-851f-e2b0d3b0d81c',
  space: 'default',
  username: 'alice',
  email: 'alice@example.com',
  email_verified: false,
  name: 'Alice Liddell',
  given_name: 'Alice',
  family_name: 'Liddell',
  middle_name: null,
  nickname: null,
  profile: null,
  picture: null,
  website: null,
  gender: null,
  birthdate: null,
  zoneinfo: 'Europe/London',
  locale: 'en-GB',
  phone_number: null,
  phone_number_verified: false,
  address: null,
  kind: 'personal',
  disabled: false,
  has_password: true,
  tokens_valid_after: null,
  created_at: CREATED,
  updated_at: UPDATED,
};

export const TOKEN_ENTRY_EXAMPLE = {
  id: '6f1c1b0e-54a2-4d0c-9a57-2f3e7b1f0c11',
  kind: 'grant',
  grant_type: 'authorization_code',
  scope: 'openid photos:read offline_access',
  client_id: 'zqn7fvAaWJRCl7WMB6YHcQ',
  client_name: 'gallery',
  user_id: '2cd8e766-259f-49d9-851f-e2b0d3b0d81c',
  username: 'alice',
  issued_at: UPDATED,
  expires_at: '2026-04-08T17:40:12.000Z',
  refresh_count: 3,
  refresh_limit: 'unlimited',
  active: true,
  revoked_at: null,
};

export const ADMIN_TOKEN_INPUT_EXAMPLE = { name: 'ci', expires_in: 2592000 };

export const ADMIN_TOKEN_EXAMPLE = {
  id: 'b013cd80-a7c0-435a-9c5e-c142171be300',
  name: 'ci',
  hint: 'kw_24kQ',
  created_at: CREATED,
  expires_at: '2026-04-01T09:15:00.000Z',
  last_used_at: UPDATED,
  revoked_at: null,
};

export const ADMIN_TOKEN_CREATED_EXAMPLE = { ...ADMIN_TOKEN_EXAMPLE, last_used_at: null, token: 'kw_24kQstVMEDGAHyhfUrTSblenOEdo7Qus3y3bsqAQzTQ' };

export const SIGN_IN_EXAMPLE = { email: 'ada@example.com', password: 'a long admin passphrase' };

export const SIGNED_IN_EXAMPLE = {
  ...ADMIN_TOKEN_CREATED_EXAMPLE,
  name: 'sign-in',
  expires_at: '2026-03-09T09:15:00.000Z',
  admin_id: '5b0e9a4c-8f0e-4a7e-9d1b-3c2a1f6e7d80',
  email: 'ada@example.com',
};

export const PROVIDER_CLIENT_INPUT_EXAMPLE = {
  provider: 'exact-online',
  name: 'Exact Online (Netherlands)',
  client_id: '2b3c6f0e-8d51-4b5e-9a5e-0f5d7c1e2a44',
  client_secret: 'Xq3v-ExampleSecret',
  access_token_expires_in: 3599999,
  refresh_token_expires_in: 7775999999,
  expires_in_unit: 'ms',
  config: { ext: 'nl' },
};

export const PROVIDER_CLIENT_EXAMPLE = {
  id: '8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10',
  provider: 'exact-online',
  name: 'Exact Online (Netherlands)',
  client_id: '2b3c6f0e-8d51-4b5e-9a5e-0f5d7c1e2a44',
  has_client_secret: true,
  has_private_key: false,
  jwks: null,
  authorization_url: 'https://start.exactonline.{ext}/api/oauth2/auth',
  token_url: 'https://start.exactonline.{ext}/api/oauth2/token',
  api_base_url: 'https://start.exactonline.{ext}/api',
  token_endpoint_auth_method: 'client_secret_post',
  scope: '',
  access_token_expires_in: 3599999,
  refresh_token_expires_in: 7775999999,
  expires_in_unit: 'ms',
  config: { ext: 'nl' },
  redirect_uri: 'https://auth.example.com/spaces/default/connections/callback',
  created_at: CREATED,
  updated_at: UPDATED,
};

export const CONNECTION_INPUT_EXAMPLE = {
  name: 'Exact Finance',
  description: 'Bookkeeping of the Dutch branch',
  kind: 'oauth2_authorization_code',
  provider_client: '8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10',
  environment: 'production',
  availability: 'global',
  renewal_rate: '1h',
};

export const CONNECTION_EXAMPLE = {
  id: '0c9a7d3e-51f2-4f8e-b0a4-6d2e9c1b7a53',
  name: 'Exact Finance',
  description: 'Bookkeeping of the Dutch branch',
  kind: 'oauth2_authorization_code',
  provider_client: '8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10',
  provider: 'exact-online',
  environment: 'production',
  config: {},
  availability: 'global',
  client_id: null,
  renewal_rate: '1h',
  status: 'connected',
  expires_at: '2026-03-09T18:40:11.999Z',
  expiry_known: true,
  last_refresh_at: UPDATED,
  next_refresh_at: '2026-03-09T18:39:42.000Z',
  refresh_count: 12,
  last_error: null,
  last_error_at: null,
  refresh_token_expires_at: '2026-06-07T17:40:11.999Z',
  has_credentials: false,
  warning: null,
  metadata: {},
  connected_at: CREATED,
  created_at: CREATED,
  updated_at: CREATED,
};

export const CONNECTION_TOKEN_EXAMPLE = {
  access_token: 'gAAAAABl-example-access-token',
  token_type: 'Bearer',
  expires_at: '2026-03-09T18:40:11.999Z',
  metadata: {},
};

export const CONNECT_LINK_EXAMPLE = {
  connect_url: 'https://auth.example.com/spaces/default/connections/connect/3oVh1c2Lr0S6eQm8yQ9kZpWbXn4uT7aJdF5gHsK1LmE',
  expires_at: '2026-03-09T18:40:12.000Z',
};
