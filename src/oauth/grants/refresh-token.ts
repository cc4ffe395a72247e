// refresh_token (RFC 6749 §6) with rotation on every use (RFC 9700 §4.14.2): the presented token is marked used
// atomically and a new one issued; presenting a used token again is reuse and revokes the whole grant.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { sha256 } from '../../registry/secrets.js';
import type { Db } from '../../store/db.js';
import { grants, refreshTokens, users } from '../../store/schema.js';
import { invalidGrant, invalidRequest, invalidScope } from '../errors.js';
import { tokenAnswer, type Grant } from './answer.js';

class Reused extends Error {}

export const refreshTokenGrant: Grant = {
  type: 'refresh_token',
  async handle({ oauth, space, client, params }) {
    if (!params.refresh_token) throw invalidRequest('refresh_token is required');
    const hash = sha256(params.refresh_token);
    const [found] = await oauth.db
      .select({ rt: refreshTokens, g: grants })
      .from(refreshTokens)
      .innerJoin(grants, eq(grants.id, refreshTokens.grantId))
      .where(eq(refreshTokens.tokenHash, hash));
    // Another client's token is refused without touching it (RFC 6749 §6: bound to the client it was issued to).
    if (!found || found.g.spaceId !== space.row.id || found.g.clientPk !== client.row.id) throw invalidGrant('the refresh token is invalid');
    const { rt, g } = found;
    if (g.revokedAt) throw invalidGrant('the refresh token has been revoked');
    if (rt.usedAt) {
      await oauth.tokens.revokeGrant(oauth.db, g.id);
      throw invalidGrant('the refresh token was already used; the authorization has been revoked');
    }
    if (rt.expiresAt && rt.expiresAt.getTime() <= Date.now()) throw invalidGrant('the refresh token has expired');
    if (!oauth.tokens.clientAllows(client, g.createdAt)) throw invalidGrant('the authorization is no longer valid for this client');
    let user: typeof users.$inferSelect | undefined;
    if (g.userId) {
      if (!(await oauth.tokens.liveUser(g.userId, g.createdAt))) throw invalidGrant('the user of this authorization is disabled or was signed out');
      [user] = await oauth.db.select().from(users).where(eq(users.id, g.userId));
      if (!user) throw invalidGrant('the user of this authorization no longer exists');
    }

    // RFC 6749 §6: a narrower scope may be asked for, never a wider one; the grant itself keeps its scope.
    let scope = g.scope;
    if (params.scope !== undefined) {
      const asked = [...new Set(params.scope.split(' ').filter(Boolean))];
      const extra = asked.filter((s) => !g.scope.includes(s));
      if (extra.length) throw invalidScope(`scope "${extra[0]}" was not granted originally`);
      scope = asked.sort();
    }

    const limit = client.row.refreshLimit;
    try {
      await oauth.db.transaction(async (tx) => {
        // The count goes up only while below the limit, in one statement, so concurrent refreshes cannot pass it.
        const counted = await tx
          .update(grants)
          .set({ refreshCount: sql`${grants.refreshCount} + 1` })
          .where(and(eq(grants.id, g.id), isNull(grants.revokedAt), limit !== null ? lt(grants.refreshCount, limit) : undefined))
          .returning({ n: grants.refreshCount });
        if (counted.length === 0) {
          throw invalidGrant(limit !== null ? `the refresh limit of this client (${limit}) is reached: the user must authorize again` : 'the refresh token has been revoked');
        }
        const used = await tx
          .update(refreshTokens)
          .set({ usedAt: new Date() })
          .where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.usedAt)))
          .returning({ grantId: refreshTokens.grantId });
        if (used.length === 0) throw new Reused();
      });
    } catch (err) {
      if (!(err instanceof Reused)) throw err;
      // A concurrent request used the same token first: that is reuse too.
      await oauth.tokens.revokeGrant(oauth.db, g.id);
      throw invalidGrant('the refresh token was already used; the authorization has been revoked');
    }

    const subject = { space, client, grantType: 'refresh_token', scope, user: user ?? null, grantId: g.id, authTime: g.authTime };
    const at = await oauth.tokens.issueAccessToken(subject);
    const refresh = await oauth.tokens.issueRefreshToken(oauth.db as Db, subject);
    const idToken = user && scope.includes('openid')
      ? await oauth.tokens.issueIdToken({ ...subject, user }, { accessToken: at.access_token, acr: g.acr, sid: g.sid })
      : undefined;
    return tokenAnswer(at, scope, { refresh: refresh, idToken });
  },
};
