// The device authorization grant (RFC 8628 §3.4, §3.5): the device polls with its device_code until the user
// has allowed or denied the request on the /device page. A device code is exchanged at most once.
import { sha256 } from '../../crypto/secrets.js';
import { invalidGrant, invalidRequest, OAuthError } from '../errors.js';
import { issueTokens, type Grant } from './answer.js';
import { userById } from './users.js';

import { DEVICE_CODE_GRANT } from '../../registry/capabilities.js';

export { DEVICE_CODE_GRANT };
/** Seconds between polls (the `interval` of the device authorization response). */
export const POLL_INTERVAL = 5;
// Polls arrive a little early or late with network jitter; only clearly faster polling is slow_down.
const POLL_SLACK_MS = 1000;

const denied = () => new OAuthError('access_denied', 'the user denied the request');

export const deviceCodeGrant: Grant = {
  type: DEVICE_CODE_GRANT,
  async handle({ oauth, space, client, params }) {
    if (!params.device_code) throw invalidRequest('device_code is required');
    const hash = sha256(params.device_code);
    const row = await oauth.deviceCodes.find(hash, space.row.id, client.row.id);
    if (!row) throw invalidGrant('unknown device_code');
    if (row.status === 'consumed') throw invalidGrant('this device_code was already exchanged');
    if (row.expiresAt.getTime() <= Date.now()) throw new OAuthError('expired_token', 'the device_code has expired: start over');
    if (row.status === 'denied') throw denied();

    if (row.status === 'pending') {
      // Of two concurrent polls only one is recorded; the other is told to slow down.
      const polled = await oauth.deviceCodes.poll(hash, POLL_INTERVAL * 1000 - POLL_SLACK_MS);
      if (polled === 'polled') throw new OAuthError('authorization_pending', 'the user has not yet finished on the verification page');
      if (polled === 'pending') throw new OAuthError('slow_down', `poll at most every ${POLL_INTERVAL} seconds`);
    }

    // approved (or became so meanwhile): exactly one exchange wins.
    const won = await oauth.deviceCodes.consume(hash);
    if (!('row' in won) || !won.row.userId) {
      if ('status' in won && won.status === 'denied') throw denied();
      throw invalidGrant('this device_code was already exchanged');
    }
    const { row: code } = won;
    const user = await userById(oauth, space, code.userId!);
    if (!user || user.disabled) throw invalidGrant('the user who approved this request cannot sign in');
    // The user entered their password on the device page for this request: acr "1" (authz-request.ts ACR_VALUES).
    return issueTokens(oauth, { space, client, grantType: DEVICE_CODE_GRANT, scope: code.scope, user, authTime: code.authTime, acr: '1' }, {});
  },
};
