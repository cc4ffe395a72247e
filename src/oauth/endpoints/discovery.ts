// OpenID Connect discovery and RFC 8414 metadata, and the JWKS. Endpoints not served are not listed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OAuth } from '../context.js';
import { corsPreflight } from '../cors.js';
import { spaceOf } from '../http.js';
import type { OAuthSpace } from '../cache.js';
import { PROTOCOL_SCOPES } from '../scopes.js';
import { ACR_VALUES, PROMPTS, RESPONSE_MODES, RESPONSE_TYPES } from '../authz-request.js';
import { ASSERTION_SIGNING_ALGS, AUTH_METHODS, GRANT_TYPES, PKCE_METHODS, SIGNING_ALGS } from '../../registry/capabilities.js';
import { STANDARD_CLAIMS } from '../../registry/standard-scopes.js';
import { LOCALES } from '../interaction/i18n.js';

// Endpoints where a client must authenticate have no "none".
const AUTHENTICATED = AUTH_METHODS.filter((m) => m !== 'none');
// The ID token's own claims, then every claim the standard scopes release (OIDC Core §5.4).
const CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'acr', 'sid', 'azp', 'at_hash', 'c_hash', ...STANDARD_CLAIMS];

/**
 * The metadata of a space, all of it here: what each endpoint serves comes from the capability lists its module
 * checks requests against. `scopes` are the names of the space's scopes (scopes_supported lists them after openid).
 */
export function metadata(space: OAuthSpace, scopes: string[] = []): Record<string, unknown> {
  const iss = space.issuer;
  return {
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
    response_types_supported: [...RESPONSE_TYPES],
    subject_types_supported: ['public'],
    authorization_endpoint: `${iss}/authorize`,
    pushed_authorization_request_endpoint: `${iss}/par`,
    end_session_endpoint: `${iss}/logout`,
    response_modes_supported: [...RESPONSE_MODES],
    code_challenge_methods_supported: PKCE_METHODS.filter((m) => m !== 'plain' || space.settings.allow_plain_pkce),
    authorization_response_iss_parameter_supported: true,
    prompt_values_supported: [...PROMPTS],
    acr_values_supported: [...ACR_VALUES],
    require_pushed_authorization_requests: space.settings.require_par,
    claims_supported: CLAIMS,
    // The languages of the sign-in and consent pages (ui_locales picks one).
    ui_locales_supported: [...LOCALES],
    device_authorization_endpoint: `${iss}/device_authorization`,
    // Advertised only where registration is possible (RFC 8414 §2).
    ...(space.settings.registration === 'closed' ? {} : { registration_endpoint: `${iss}/register` }),
    userinfo_endpoint: `${iss}/userinfo`,
  };
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
