// Resource owner password credentials (RFC 6749 §4.3), for service users only (seed 000): personal users sign in
// through the browser. The token endpoint has already checked that the client lists "password" in grant_types.
import { invalidGrant, invalidRequest } from '../errors.js';
import { tooManyAttempts } from '../login-guard.js';
import { grantedScopes } from '../scopes.js';
import { tokenAnswer, type Grant } from './index.js';

export const passwordGrant: Grant = {
  type: 'password',
  async handle({ oauth, space, client, params, req }) {
    if (!params.username) throw invalidRequest('username is required');
    if (params.password === undefined) throw invalidRequest('password is required');
    const scope = grantedScopes(client, params.scope, { allowProtocol: true });
    // One answer for unknown, wrong and disabled users: the endpoint tells nothing about accounts. The password is
    // checked before the user's kind, so only someone who proved the password of a personal user learns that this
    // grant is for service users (and is told what to do instead); everyone else gets the same answer.
    const login = await oauth.logins.verify(space, params.username, params.password, 'service', req.ip);
    if (login.status === 'locked') throw tooManyAttempts(login.retryAfter);
    if (login.status === 'wrong') throw invalidGrant('invalid username or password');
    if (login.status === 'other_kind') {
      throw invalidGrant('the password grant is only for service users: personal users sign in through the browser (authorization_code or device_code)');
    }
    const user = login.user;
    const authTime = new Date();
    const subject = { space, client, grantType: 'password', scope, user, authTime };
    // The password was entered for this request: acr "1" (authz-request.ts ACR_VALUES).
    const grantId = await oauth.tokens.createGrant(oauth.db, { ...subject, acr: '1' });
    const at = await oauth.tokens.issueAccessToken({ ...subject, grantId });
    const refresh = await oauth.tokens.issueRefreshToken(oauth.db, { ...subject, grantId });
    const idToken = scope.includes('openid') ? await oauth.tokens.issueIdToken({ ...subject, grantId }, { accessToken: at.access_token, acr: '1' }) : undefined;
    return tokenAnswer(at, scope, { refresh: refresh, idToken });
  },
};
