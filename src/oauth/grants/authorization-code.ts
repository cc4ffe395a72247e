// authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6, OIDC Core §3.1.3). Codes are single use: the exchange
// consumes the code atomically, and a replay revokes the grant the first exchange created: the code may have
// been stolen (RFC 6749 §4.1.2, RFC 9700 §4.1.1).
import { createHash } from 'node:crypto';
import { safeEqual, sha256 } from '../../crypto/secrets.js';
import type { AuthorizationCodeRow } from '../../store/authorization-codes.js';
import type { OAuth } from '../context.js';
import { invalidGrant, invalidRequest } from '../errors.js';
import { mayHaveTokens } from '../../registry/users.js';
import { issueTokens, type Grant } from './answer.js';

// Says what happened to the first exchange's tokens, so the developer of an honest client that sent the code twice
// knows why its tokens stopped working (RFC 6749 §4.1.2: they SHOULD be revoked, and they are).
const REPLAYED = 'the authorization code was already used; the tokens issued for it have been revoked';

function pkceOk(row: AuthorizationCodeRow, verifier: string | undefined): boolean {
  if (!row.codeChallenge) return verifier === undefined; // a verifier without a challenge is a downgrade attempt
  if (verifier === undefined || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = row.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return safeEqual(computed, row.codeChallenge);
}

async function replayed(oauth: OAuth, grantId: string | null): Promise<never> {
  if (grantId) await oauth.transaction((tx) => oauth.tokens.revokeGrant(tx, grantId));
  throw invalidGrant(REPLAYED);
}

export const authorizationCodeGrant: Grant = {
  type: 'authorization_code',
  async handle({ oauth, space, client, params }) {
    if (!params.code) throw invalidRequest('code is required');
    const hash = sha256(params.code);
    const found = await oauth.codes.find(hash, space.row.id);
    if (!found) throw invalidGrant('the authorization code is not valid');
    const { code: row, user } = found;
    if (row.consumedAt) return replayed(oauth, row.grantId);
    if (row.clientPk !== client.row.id) throw invalidGrant('the authorization code was issued to another client');
    if (row.expiresAt.getTime() <= Date.now()) throw invalidGrant('the authorization code has expired');
    // Required when the request could have named another URI (OAuth 2.1 drops it when only one is registered).
    if (params.redirect_uri === undefined ? client.row.redirectUris.length !== 1 : params.redirect_uri !== row.redirectUri) {
      throw invalidGrant('redirect_uri does not match the authorization request');
    }
    if (!pkceOk(row, params.code_verifier)) throw invalidGrant('code_verifier does not match the code_challenge');
    if (!mayHaveTokens(user, row.createdAt)) throw invalidGrant('the user can no longer be given tokens');

    const issue = {
      space,
      client,
      grantType: 'authorization_code',
      scope: row.scope,
      user,
      authTime: row.authTime,
      acr: row.acr,
      sid: row.sid,
      nonce: row.nonce,
    };
    // The grant starts in the code's consumption: a concurrent replay waits for it, then finds the grant id.
    return issueTokens(oauth, issue, {
      begin: async (work) => {
        const outcome = await oauth.codes.consume(hash, work);
        return outcome.status === 'consumed' ? outcome.value : replayed(oauth, outcome.grantId);
      },
    });
  },
};
