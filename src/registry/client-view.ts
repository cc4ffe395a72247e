// A client as the store keeps it and as the API shows it: the mapping between the two (the rules' ClientSpec, the
// row's columns, the answer's RFC 7591 names), its entity tag and what the audit log compares. Pure functions;
// clients.ts stores and audits.
import type { ClientRow } from '../store/clients.js';
import { etagOf } from './etag.js';
import { ttlFromStore, type ClientSpec, type Ttl } from './client-rules.js';
import type { PageRequest } from './page.js';

export type { ClientRow };

export interface ClientView {
  client_id: string;
  space: string;
  name: string;
  version: string | null;
  client_name: string;
  description: string;
  client_type: 'confidential' | 'public';
  grant_types: string[];
  response_types: string[];
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  allowed_cors_origins: string[];
  token_endpoint_auth_method: string;
  scope: string;
  jwks: { keys: Record<string, unknown>[] } | null;
  jwks_uri: string | null;
  access_token_ttl: Ttl;
  refresh_token_ttl: Ttl;
  refresh_limit: number | null;
  access_token_format: 'jwt' | 'opaque';
  logo_uri: string | null;
  client_uri: string | null;
  policy_uri: string | null;
  tos_uri: string | null;
  webhook_url: string | null;
  contacts: string[];
  active: boolean;
  token_endpoint_auth_signing_alg: string | null;
  id_token_signed_response_alg: string;
  application_type: string;
  software_id: string | null;
  software_version: string | null;
  default_max_age: number | null;
  require_auth_time: boolean;
  deactivated_at: string | null;
  tokens_valid_after: string | null;
  has_webhook_secret: boolean;
  previous_secret_expires_at: string | null;
  client_id_issued_at: number;
  created_at: string;
  updated_at: string;
}

export type ClientWithSecret = ClientView & { client_secret?: string; client_secret_expires_at?: number };

export interface ClientListQuery extends PageRequest {
  name?: string;
  active?: boolean;
  /** Only clients whose grant_types include it. */
  grantType?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function specOf(row: ClientRow, scopeNames: string[]): ClientSpec {
  return {
    name: row.name,
    version: row.version,
    clientName: row.clientName,
    description: row.description,
    clientType: row.clientType as ClientSpec['clientType'],
    grantTypes: row.grantTypes as ClientSpec['grantTypes'],
    responseTypes: row.responseTypes,
    redirectUris: row.redirectUris,
    postLogoutRedirectUris: row.postLogoutRedirectUris,
    allowedCorsOrigins: row.allowedCorsOrigins,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod as ClientSpec['tokenEndpointAuthMethod'],
    scopes: scopeNames,
    jwks: row.jwks ?? null,
    jwksUri: row.jwksUri,
    accessTokenTtl: row.accessTokenTtl,
    refreshTokenTtl: row.refreshTokenTtl,
    refreshLimit: row.refreshLimit,
    accessTokenFormat: row.accessTokenFormat as ClientSpec['accessTokenFormat'],
    logoUri: row.logoUri,
    clientUri: row.clientUri,
    policyUri: row.policyUri,
    tosUri: row.tosUri,
    webhookUrl: row.webhookUrl,
    contacts: row.contacts,
    active: row.active,
    tokenEndpointAuthSigningAlg: row.tokenEndpointAuthSigningAlg as ClientSpec['tokenEndpointAuthSigningAlg'],
    idTokenSignedResponseAlg: row.idTokenSignedResponseAlg as ClientSpec['idTokenSignedResponseAlg'],
    applicationType: row.applicationType as ClientSpec['applicationType'],
    softwareId: row.softwareId,
    softwareVersion: row.softwareVersion,
    defaultMaxAge: row.defaultMaxAge,
    requireAuthTime: row.requireAuthTime,
    protocolScopes: row.protocolScopes,
  };
}

export function columnsOf(spec: ClientSpec) {
  const { scopes: _scopes, ...columns } = spec;
  return columns;
}

/**
 * The API's view of a client. `previousSecretUntil`: when the secret its last rotation replaced stops (or stopped)
 * working, null when none is kept; the stored deadline, never the clock's verdict, so the representation (and its
 * ETag) changes only when something is written.
 */
export function clientView(row: ClientRow, space: string, scopeNames: string[], previousSecretUntil: Date | null): ClientView {
  return {
    client_id: row.clientId,
    space,
    name: row.name,
    version: row.version === '' ? null : row.version,
    client_name: row.clientName,
    description: row.description,
    client_type: row.clientType as ClientView['client_type'],
    grant_types: row.grantTypes,
    response_types: row.responseTypes,
    redirect_uris: row.redirectUris,
    post_logout_redirect_uris: row.postLogoutRedirectUris,
    allowed_cors_origins: row.allowedCorsOrigins,
    token_endpoint_auth_method: row.tokenEndpointAuthMethod,
    // The space's scopes and the protocol's (openid, offline_access) in one list, as the client registered them.
    scope: [...scopeNames, ...row.protocolScopes].sort().join(' '),
    jwks: row.jwks ?? null,
    jwks_uri: row.jwksUri,
    access_token_ttl: ttlFromStore(row.accessTokenTtl),
    refresh_token_ttl: ttlFromStore(row.refreshTokenTtl),
    refresh_limit: row.refreshLimit,
    access_token_format: row.accessTokenFormat as ClientView['access_token_format'],
    logo_uri: row.logoUri,
    client_uri: row.clientUri,
    policy_uri: row.policyUri,
    tos_uri: row.tosUri,
    webhook_url: row.webhookUrl,
    contacts: row.contacts,
    active: row.active,
    token_endpoint_auth_signing_alg: row.tokenEndpointAuthSigningAlg,
    id_token_signed_response_alg: row.idTokenSignedResponseAlg,
    application_type: row.applicationType,
    software_id: row.softwareId,
    software_version: row.softwareVersion,
    default_max_age: row.defaultMaxAge,
    require_auth_time: row.requireAuthTime,
    deactivated_at: iso(row.deactivatedAt),
    tokens_valid_after: iso(row.tokensValidAfter),
    has_webhook_secret: row.webhookSecretSealed !== null,
    previous_secret_expires_at: iso(previousSecretUntil),
    client_id_issued_at: Math.floor(row.createdAt.getTime() / 1000),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The client's entity tag: of its view, without the one-time secret an answer may carry. */
export function clientETag(v: ClientWithSecret): string {
  const { client_secret: _s, client_secret_expires_at: _e, ...view } = v;
  return etagOf(view);
}

/**
 * The view without timestamps that change on every write, nor the replaced secret's deadline (a rotation's own audit
 * entry says it): what the audit log compares.
 */
export function auditable(v: ClientView): Record<string, unknown> {
  const { updated_at: _u, created_at: _c, client_id_issued_at: _i, previous_secret_expires_at: _p, ...rest } = v;
  return rest;
}
