// OpenID Connect discovery and RFC 8414 metadata, and the JWKS. Endpoints not yet served are not listed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OAuth } from '../context.js';
import { corsPreflight } from '../cors.js';
import { spaceOf } from '../http.js';
import type { OAuthSpace } from '../cache.js';
import { PROTOCOL_SCOPES } from '../scopes.js';
import { ASSERTION_SIGNING_ALGS, AUTH_METHODS, GRANT_TYPES, SIGNING_ALGS } from '../../registry/capabilities.js';

// Endpoints where a client must authenticate have no "none".
const AUTHENTICATED = AUTH_METHODS.filter((m) => m !== 'none');

type Metadata = Record<string, unknown>;
/** Endpoint modules add their metadata here when they register (authorize, userinfo, device, ...). */
export const metadataParts: ((space: OAuthSpace) => Metadata)[] = [];

/** The metadata of a space; `scopes` are the names of its scopes (scopes_supported lists them after openid). */
export function metadata(space: OAuthSpace, scopes: string[] = []): Metadata {
  const iss = space.issuer;
  const base: Metadata = {
    issuer: iss,
    token_endpoint: `${iss}/token`,
    jwks_uri: `${iss}/jwks`,
    introspection_endpoint: `${iss}/introspect`,
    revocation_endpoint: `${iss}/revoke`,
    grant_types_supported: [...GRANT_TYPES],
    token_endpoint_auth_methods_supported: [...AUTH_METHODS],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_SIGNING_ALGS],
    introspection_endpoint_auth_methods_supported: AUTHENTICATED,
    introspection_endpoint_auth_signing_alg_values_supported: [...ASSERTION_SIGNING_ALGS],
    revocation_endpoint_auth_methods_supported: [...AUTH_METHODS],
    revocation_endpoint_auth_signing_alg_values_supported: [...ASSERTION_SIGNING_ALGS],
    // Every space has an RS256 key (OpenID Connect Discovery §3 requires RS256 here), and its own algorithm's.
    id_token_signing_alg_values_supported: [...SIGNING_ALGS],
    scopes_supported: [...new Set([...PROTOCOL_SCOPES, ...scopes])],
    response_types_supported: [] as string[],
    subject_types_supported: ['public'],
  };
  return Object.assign(base, ...metadataParts.map((part) => part(space)));
}

export function discoveryEndpoints(app: FastifyInstance, oauth: OAuth): void {
  const serve = async (req: FastifyRequest) => {
    const space = spaceOf(req);
    return metadata(space, await oauth.cache.scopeNames(space.row.id));
  };
  // Public documents: any origin may read them (a browser app starts here).
  for (const path of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']) {
    app.get(path, { config: { cors: 'public' } }, serve);
    corsPreflight(app, path, 'public', 'GET');
  }
  corsPreflight(app, '/jwks', 'public', 'GET');
  app.get('/jwks', { config: { cors: 'public' } }, async (req, reply) => {
    const space = spaceOf(req);
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('content-type', 'application/jwk-set+json')
      .send(await oauth.keys.jwks(space.row.id, space.settings.signing_alg));
  });
}
