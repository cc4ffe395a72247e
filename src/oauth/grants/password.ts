// Resource owner password credentials (RFC 6749 §4.3), for service users only (seed 000): personal users sign in
// through the browser. The token endpoint has already checked that the client lists "password" in grant_types.
import { invalidGrant, invalidRequest } from '../errors.js';
import { countSignIn, tooManyAttempts } from '../login-guard.js';
import { grantedScopes } from '../scopes.js';
import { issueTokens, type Grant } from './answer.js';

export const passwordGrant: Grant = {
  type: 'password',
  async handle({ oauth, space, client, params, ip }) {
    if (!params.username) throw invalidRequest('username is required');
    if (params.password === undefined) throw invalidRequest('password is required');
    const scope = grantedScopes(client, params.scope, { allowProtocol: true });
    // One answer for unknown, wrong and disabled users: the endpoint tells nothing about accounts. The password is
    // checked before the user's kind, so only someone who proved the password of a personal user learns that this
    // grant is for service users (and is told what to do instead); everyone else gets the same answer.
    const login = await oauth.logins.verify(space, params.username, params.password, 'service', ip);
    countSignIn(oauth.services.activity, space, 'password_grant', login);
    if (login.status === 'locked') throw tooManyAttempts(login.retryAfter);
    if (login.status === 'wrong') throw invalidGrant('invalid username or password');
    if (login.status === 'other_kind') {
      throw invalidGrant('the password grant is only for service users: personal users sign in through the browser (authorization_code or device_code)');
    }
    // The password was entered for this request: acr "1" (authz-request.ts ACR_VALUES).
    return issueTokens(oauth, { space, client, grantType: 'password', scope, user: login.user, authTime: new Date(), acr: '1' }, {});
  },
};
