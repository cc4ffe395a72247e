// The device authorization grant (RFC 8628 §3.4, §3.5): the device polls with its device_code until the user
// has allowed or denied the request on the /device page. A device code is exchanged at most once.
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { sha256 } from '../../crypto/secrets.js';
import { deviceCodes, users } from '../../store/schema.js';
import { invalidGrant, invalidRequest, OAuthError } from '../errors.js';
import { tokenAnswer, type Grant } from './answer.js';

import { DEVICE_CODE_GRANT } from '../../registry/capabilities.js';

export { DEVICE_CODE_GRANT };
/** Seconds between polls (the `interval` of the device authorization response). */
export const POLL_INTERVAL = 5;
// Polls arrive a little early or late with network jitter; only clearly faster polling is slow_down.
const POLL_SLACK_MS = 1000;

export const deviceCodeGrant: Grant = {
  type: DEVICE_CODE_GRANT,
  async handle({ oauth, space, client, params }) {
    if (!params.device_code) throw invalidRequest('device_code is required');
    const hash = sha256(params.device_code);
    const d = deviceCodes;
    const [row] = await oauth.db
      .select()
      .from(d)
      .where(and(eq(d.deviceCodeHash, hash), eq(d.spaceId, space.row.id), eq(d.clientPk, client.row.id)));
    if (!row) throw invalidGrant('unknown device_code');
    if (row.status === 'consumed') throw invalidGrant('this device_code was already exchanged');
    if (row.expiresAt.getTime() <= Date.now()) throw new OAuthError('expired_token', 'the device_code has expired: start over');
    if (row.status === 'denied') throw new OAuthError('access_denied', 'the user denied the request');

    if (row.status === 'pending') {
      // Atomic: of two concurrent polls only one moves last_polled_at; the other is told to slow down.
      const now = new Date();
      const [polled] = await oauth.db
        .update(d)
        .set({ lastPolledAt: now })
        .where(
          and(
            eq(d.deviceCodeHash, hash),
            eq(d.status, 'pending'),
            or(isNull(d.lastPolledAt), lte(d.lastPolledAt, new Date(now.getTime() - POLL_INTERVAL * 1000 + POLL_SLACK_MS))),
          ),
        )
        .returning({ status: d.status });
      if (!polled) {
        const [again] = await oauth.db.select({ status: d.status }).from(d).where(eq(d.deviceCodeHash, hash));
        if (again?.status === 'pending') throw new OAuthError('slow_down', `poll at most every ${POLL_INTERVAL} seconds`);
      } else {
        throw new OAuthError('authorization_pending', 'the user has not yet finished on the verification page');
      }
    }

    // approved (or became so meanwhile): exactly one exchange wins the status update.
    const db = oauth.db;
    const [won] = await db
      .update(d)
      .set({ status: 'consumed' })
      .where(and(eq(d.deviceCodeHash, hash), eq(d.status, 'approved')))
      .returning();
    if (!won || !won.userId) {
      const [now] = await db.select({ status: d.status }).from(d).where(eq(d.deviceCodeHash, hash));
      if (now?.status === 'denied') throw new OAuthError('access_denied', 'the user denied the request');
      throw invalidGrant('this device_code was already exchanged');
    }
    const [u] = await db.select().from(users).where(eq(users.id, won.userId));
    if (!u || u.disabled) throw invalidGrant('the user who approved this request cannot sign in');
    const user = u;
    const subject = { space, client, grantType: DEVICE_CODE_GRANT, scope: won.scope, user, authTime: won.authTime };
    // Not one transaction: access token rows reach the store through the shared batch writer, after the grant.
    // The user entered their password on the device page for this request: acr "1" (authz-request.ts ACR_VALUES).
    const grantId = await oauth.tokens.createGrant(db, { ...subject, acr: '1' });
    const at = await oauth.tokens.issueAccessToken({ ...subject, grantId });
    const refresh = await oauth.tokens.issueRefreshToken(db, { ...subject, grantId });
    const idToken = won.scope.includes('openid')
      ? await oauth.tokens.issueIdToken({ ...subject, grantId }, { accessToken: at.access_token, acr: '1' })
      : undefined;
    return tokenAnswer(at, won.scope, { refresh: refresh, idToken });
  },
};
