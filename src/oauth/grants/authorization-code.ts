// authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6, OIDC Core §3.1.3). Codes are single use: the exchange
// consumes the code atomically, and a replay revokes the grant the first exchange created: the code may have
// been stolen (RFC 6749 §4.1.2, RFC 9700 §4.1.1).
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { safeEqual, sha256 } from '../../crypto/secrets.js';
import { authorizationCodes, users } from '../../store/schema.js';
import { invalidGrant, invalidRequest } from '../errors.js';
import { tokenAnswer, type Grant } from './answer.js';

type CodeRow = typeof authorizationCodes.$inferSelect;

// Says what happened to the first exchange's tokens, so the developer of an honest client that sent the code twice
// knows why its tokens stopped working (RFC 6749 §4.1.2: they SHOULD be revoked, and they are).
const REPLAYED = 'the authorization code was already used; the tokens issued for it have been revoked';

function pkceOk(row: CodeRow, verifier: string | undefined): boolean {
  if (!row.codeChallenge) return verifier === undefined; // a verifier without a challenge is a downgrade attempt
  if (verifier === undefined || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = row.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return safeEqual(computed, row.codeChallenge);
}

export const authorizationCodeGrant: Grant = {
  type: 'authorization_code',
  async handle({ oauth, space, client, params }) {
    if (!params.code) throw invalidRequest('code is required');
    const hash = sha256(params.code);
    const [row] = await oauth.db
      .select()
      .from(authorizationCodes)
      .where(and(eq(authorizationCodes.codeHash, hash), eq(authorizationCodes.spaceId, space.row.id)));
    if (!row) throw invalidGrant('the authorization code is not valid');
    if (row.consumedAt) {
      if (row.grantId) await oauth.tokens.revokeGrant(oauth.db, row.grantId);
      throw invalidGrant(REPLAYED);
    }
    if (row.clientPk !== client.row.id) throw invalidGrant('the authorization code was issued to another client');
    if (row.expiresAt.getTime() <= Date.now()) throw invalidGrant('the authorization code has expired');
    // Required when the request could have named another URI (OAuth 2.1 drops it when only one is registered).
    if (params.redirect_uri === undefined ? client.row.redirectUris.length !== 1 : params.redirect_uri !== row.redirectUri) {
      throw invalidGrant('redirect_uri does not match the authorization request');
    }
    if (!pkceOk(row, params.code_verifier)) throw invalidGrant('code_verifier does not match the code_challenge');
    const user = await oauth.tokens.liveUser(row.userId, row.createdAt);
    if (!user) throw invalidGrant('the user can no longer be given tokens');

    const subject = { space, client, grantType: 'authorization_code', scope: row.scope, user, authTime: row.authTime };
    // Consume and start the grant in one transaction: a concurrent replay waits for it, then finds the grant id.
    const result = await oauth.db.transaction(async (tx) => {
      const used = await tx
        .update(authorizationCodes)
        .set({ consumedAt: new Date() })
        .where(and(eq(authorizationCodes.codeHash, hash), isNull(authorizationCodes.consumedAt)))
        .returning({ codeHash: authorizationCodes.codeHash });
      if (used.length !== 1) return undefined;
      const grantId = await oauth.tokens.createGrant(tx, { ...subject, acr: row.acr, sid: row.sid });
      await tx.update(authorizationCodes).set({ grantId }).where(eq(authorizationCodes.codeHash, hash));
      const refresh = await oauth.tokens.issueRefreshToken(tx, { ...subject, grantId });
      return { grantId, refresh };
    });
    if (!result) {
      const [again] = await oauth.db.select({ grantId: authorizationCodes.grantId }).from(authorizationCodes).where(eq(authorizationCodes.codeHash, hash));
      if (again?.grantId) await oauth.tokens.revokeGrant(oauth.db, again.grantId);
      throw invalidGrant(REPLAYED);
    }

    const at = await oauth.tokens.issueAccessToken({ ...subject, grantId: result.grantId });
    let idToken: string | undefined;
    if (row.scope.includes('openid')) {
      const [u] = await oauth.db.select().from(users).where(eq(users.id, user.id));
      idToken = await oauth.tokens.issueIdToken(
        { ...subject, user: u ?? { id: user.id, username: user.username } },
        { nonce: row.nonce, accessToken: at.access_token, acr: row.acr, sid: row.sid },
      );
    }
    return tokenAnswer(at, row.scope, { refresh: result.refresh, idToken });
  },
};
