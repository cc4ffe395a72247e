// RFC 8693 token exchange, for the connection vault: a client trades its own Keyward access token (with the
// `connections` scope) for a connection's provider access token, so an application can ask with any OAuth client
// library. `resource` names the connection (urn:keyward:connection:{id}); a connection the client may not use, or
// one that does not exist, reads the same (invalid_target): the client learns nothing about it.
import { AppError } from '../../errors.js';
import { TOKEN_EXCHANGE_GRANT } from '../../registry/capabilities.js';
import { countTokenIssued } from '../../events/metrics.js';
import { invalidRequest, OAuthError } from '../errors.js';
import type { Grant } from './answer.js';

export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const CONNECTION_RESOURCE = /^urn:keyward:connection:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const tokenExchangeGrant: Grant = {
  type: TOKEN_EXCHANGE_GRANT,
  async handle({ oauth, space, client, params }) {
    if (!params.subject_token) throw invalidRequest('subject_token is required');
    if (params.subject_token_type !== ACCESS_TOKEN_TYPE) throw invalidRequest(`subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
    if (params.requested_token_type !== undefined && params.requested_token_type !== ACCESS_TOKEN_TYPE) {
      throw invalidRequest(`requested_token_type must be ${ACCESS_TOKEN_TYPE} (the provider's access token)`);
    }
    if (params.actor_token !== undefined) throw invalidRequest('actor_token is not supported');
    const target = CONNECTION_RESOURCE.exec(params.resource ?? '');
    if (!target) throw new OAuthError('invalid_target', 'resource must name a connection: urn:keyward:connection:{id}');
    const info = await oauth.tokens.introspect(space, params.subject_token);
    if (!info.active || info.client_id !== client.row.clientId) {
      throw new OAuthError('invalid_grant', 'subject_token must be an active access token issued to this client');
    }
    if (!(info.scope ?? '').split(' ').includes('connections')) {
      throw new OAuthError('invalid_scope', 'subject_token lacks the connections scope');
    }
    try {
      const token = await oauth.services.vault.tokens.token(
        space.row.id,
        target[1]!,
        { type: 'client', clientPk: client.row.id },
        params.force_refresh === 'true',
      );
      countTokenIssued(TOKEN_EXCHANGE_GRANT, 'provider');
      oauth.services.activity.count(space.row.id, 'token_issued', TOKEN_EXCHANGE_GRANT);
      const expiresIn = token.expires_at ? Math.max(0, Math.floor((Date.parse(token.expires_at) - Date.now()) / 1000)) : undefined;
      return {
        access_token: token.access_token,
        issued_token_type: ACCESS_TOKEN_TYPE,
        token_type: token.token_type,
        ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}),
      };
    } catch (err) {
      if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'not_found')) throw new OAuthError('invalid_target', err.message);
      // The connection exists and the client may use it, but it cannot give a token now (needs reauthorization).
      if (err instanceof AppError && err.code === 'conflict') throw new OAuthError('invalid_target', err.message);
      throw err;
    }
  },
};
