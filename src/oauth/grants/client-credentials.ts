// client_credentials (RFC 6749 §4.4): the client acts for itself; no refresh token (§4.4.3), no user.
import { grantedScopes } from '../scopes.js';
import { issueTokens, type Grant } from './answer.js';

export const clientCredentialsGrant: Grant = {
  type: 'client_credentials',
  async handle({ oauth, space, client, params }) {
    const scope = grantedScopes(client, params.scope);
    return issueTokens(oauth, { space, client, grantType: 'client_credentials', scope, user: null }, null);
  },
};
