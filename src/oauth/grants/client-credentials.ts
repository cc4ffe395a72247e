// client_credentials (RFC 6749 §4.4): the client acts for itself; no refresh token (§4.4.3), no user.
import { grantedScopes } from '../scopes.js';
import type { Grant } from './answer.js';

export const clientCredentialsGrant: Grant = {
  type: 'client_credentials',
  async handle({ oauth, space, client, params }) {
    const scope = grantedScopes(client, params.scope);
    const at = await oauth.tokens.issueAccessToken({ space, client, grantType: 'client_credentials', scope });
    return {
      access_token: at.access_token,
      token_type: 'Bearer',
      ...(at.expires_in !== undefined ? { expires_in: at.expires_in } : {}),
      scope: scope.join(' '),
    };
  },
};
