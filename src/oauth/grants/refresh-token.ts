// refresh_token (RFC 6749 §6) with rotation on every use (RFC 9700 §4.14.2): the presented token is marked used and
// its successor stored in one transaction (RefreshTokenStore.rotate); presenting a used token again is reuse and
// revokes the whole grant, unless the space allows a grace period (refresh_reuse_grace_seconds) and the token was
// rotated less than that long ago: then it is rotated again and the family lives (Hydra #1831, Keycloak #16081).
import { sha256 } from '../../crypto/secrets.js';
import { countRefreshTokenReuse } from '../../events/metrics.js';
import type { UserRow } from '../../registry/users.js';
import { invalidGrant, invalidRequest, invalidScope } from '../errors.js';
import type { OAuthClient } from '../cache.js';
import type { OAuth } from '../context.js';
import { isProtocolScope } from '../../registry/capabilities.js';
import { mayHaveTokens } from '../../registry/users.js';
import { issueTokens, type Grant } from './answer.js';
import type { IssuedAccessToken } from '../tokens/service.js';
import { userById } from './users.js';

const REUSED = 'the refresh token was already used; the authorization has been revoked';

async function reused(oauth: OAuth, grantId: string): Promise<never> {
  countRefreshTokenReuse();
  await oauth.transaction((tx) => oauth.tokens.revokeGrant(tx, grantId));
  throw invalidGrant(REUSED);
}

/** The grant's scopes the client may still have: a scope dissociated from the client or deleted is dropped. */
function stillAllowed(client: OAuthClient, scope: string[]): string[] {
  const allowed = new Set(client.scopes.map((s) => s.name));
  return scope.filter((s) => allowed.has(s) || isProtocolScope(s));
}

export const refreshTokenGrant: Grant = {
  type: 'refresh_token',
  async handle({ oauth, space, client, params }) {
    if (!params.refresh_token) throw invalidRequest('refresh_token is required');
    const hash = sha256(params.refresh_token);
    const store = oauth.tokens.refreshTokens;
    const found = await store.find(hash);
    // Another client's token is refused without touching it (RFC 6749 §6: bound to the client it was issued to).
    if (!found || found.grant.spaceId !== space.row.id || found.grant.clientPk !== client.row.id) throw invalidGrant('the refresh token is invalid');
    const { token: rt, grant: g } = found;
    if (g.revokedAt) throw invalidGrant('the refresh token has been revoked');
    const graceSeconds = space.settings.refresh_reuse_grace_seconds;
    if (rt.usedAt && Date.now() - rt.usedAt.getTime() >= graceSeconds * 1000) return reused(oauth, g.id);
    if (rt.expiresAt && rt.expiresAt.getTime() <= Date.now()) throw invalidGrant('the refresh token has expired');
    if (!oauth.tokens.clientAllows(client, g.createdAt)) throw invalidGrant('the authorization is no longer valid for this client');
    let user: UserRow | undefined;
    if (g.userId) {
      user = await userById(oauth, space, g.userId);
      if (!user || !mayHaveTokens(user, g.createdAt)) throw invalidGrant('the user of this authorization is disabled or was signed out');
    }

    // Scopes are checked again at every refresh: what the client lost since the grant began is dropped, from these
    // tokens and from the grant (re-associating a scope later does not bring it back without a new authorization).
    const grantScope = stillAllowed(client, g.scope);
    // RFC 6749 §6: a narrower scope may be asked for, never a wider one. A scope granted once but no longer allowed
    // is left out silently (the answer's `scope` says what was issued), so a client that always asks for its
    // original scope keeps working.
    let scope = grantScope;
    if (params.scope !== undefined) {
      const asked = [...new Set(params.scope.split(' ').filter(Boolean))];
      const extra = asked.filter((s) => !g.scope.includes(s));
      if (extra.length) throw invalidScope(`scope "${extra[0]}" was not granted originally`);
      scope = asked.filter((s) => grantScope.includes(s)).sort();
    }

    const limit = client.row.refreshLimit;
    const limitReached = () => invalidGrant(`the refresh limit of this client (${limit}) is reached: the user must authorize again`);
    if (limit !== null && g.refreshCount >= limit) throw limitReached(); // rotate() checks again, atomically

    // The access token is issued (and stored) BEFORE the rotation commits: if storing it fails, nothing was rotated
    // and the client's retry with the same refresh token is an ordinary refresh, not reuse. If the rotation does not
    // happen, the access token is withdrawn (on reuse the grant's revocation takes it anyway).
    const rotate = async (at: IssuedAccessToken): Promise<string | undefined> => {
      const next = oauth.tokens.nextRefreshToken({ space, client });
      const outcome = await store
        .rotate({ hash, grantId: g.id, limit, graceSeconds, grantScope, next: next ? { hash: next.hash, expiresAt: next.expiresAt } : null })
        .catch(async (err: unknown) => {
          await oauth.tokens.withdraw(at).catch(() => {});
          throw err;
        });
      if (outcome.status !== 'rotated' && outcome.status !== 'reused') await oauth.tokens.withdraw(at);
      switch (outcome.status) {
        case 'rotated':
          return outcome.issued ? next!.token : undefined;
        case 'reused':
          // A concurrent request used the same token first (outside any grace period): that is reuse too.
          return reused(oauth, g.id);
        case 'limit':
          throw limitReached();
        case 'revoked':
          throw invalidGrant('the refresh token has been revoked');
        case 'unknown':
          throw invalidGrant('the refresh token is invalid');
      }
    };
    const issue = { space, client, grantType: 'refresh_token', scope, user: user ?? null, authTime: g.authTime, acr: g.acr, sid: g.sid };
    return issueTokens(oauth, issue, { grantId: g.id, rotate });
  },
};
