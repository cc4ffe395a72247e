// What every grant module shares: the request it handles, the issuing tail and the answer it gives. Apart from
// index.ts so grant modules do not import the map that imports them (a cycle that breaks depending on which module
// loads first).
import type { Executor } from '../../store/db.js';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { ClaimSource } from '../claims.js';
import type { OAuth } from '../context.js';
import type { Params } from '../http.js';
import type { IssuedAccessToken } from '../tokens/service.js';

export interface TokenResponse {
  access_token: string;
  /** Bearer for Keyward's own tokens; a token exchange answers the provider's type. */
  token_type: string;
  /** RFC 8693 §2.2.1: what a token exchange issued. */
  issued_token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

/** The token answer (RFC 6749 §5.1): fields that have no value are left out. */
function tokenAnswer(
  at: { access_token: string; expires_in?: number },
  scope: string[],
  more: { refresh?: string | undefined; idToken?: string | undefined } = {},
): TokenResponse {
  return {
    access_token: at.access_token,
    token_type: 'Bearer',
    ...(at.expires_in !== undefined ? { expires_in: at.expires_in } : {}),
    ...(more.refresh ? { refresh_token: more.refresh } : {}),
    ...(more.idToken ? { id_token: more.idToken } : {}),
    scope: scope.join(' '),
  };
}

export interface GrantRequest {
  oauth: OAuth;
  space: OAuthSpace;
  client: OAuthClient;
  params: Params;
  /** The client's address (as the server's trust_proxy setting reads it): the sign-in limits count by it. */
  ip: string;
}

export interface Grant {
  /** The grant_type value (and the client's grant_types entry that allows it). */
  type: string;
  handle(r: GrantRequest): Promise<TokenResponse>;
}

/** What a grant decided to issue: to whom, which scopes, and what the grant and the ID token record of the sign-in. */
export interface Issue {
  space: OAuthSpace;
  client: OAuthClient;
  grantType: string;
  scope: string[];
  /** The user, with the columns the ID token's claims are made of; null when the client acts for itself. */
  user: ({ id: string; tokensValidAfter?: Date | null } & ClaimSource) | null;
  authTime?: Date | null;
  acr?: string | null;
  sid?: string | null;
  /** The authorization request's nonce, for the ID token. */
  nonce?: string | null;
}

/** A new grant and its first refresh token (none when the client gets none). */
export interface Started {
  grantId: string;
  refresh: string | undefined;
}

/** Opens the transaction a new grant is written in and gives back what `work` returned. */
export type Begin = (work: (tx: Executor) => Promise<Started>) => Promise<Started>;

/** How the tokens belong to a grant. */
export type GrantStart =
  /** No grant: the client acts for itself (client_credentials), so no refresh token (RFC 6749 §4.4.3). */
  | null
  /** A new grant and its first refresh token, in the transaction `begin` opens (by default one of their own). */
  | { begin?: Begin }
  /** The grant exists (refresh_token): `rotate` stores its next refresh token once the access token is stored. */
  | { grantId: string; rotate: (at: IssuedAccessToken) => Promise<string | undefined> };

/**
 * The issuing tail every grant ends with: grant, access token, refresh token, ID token (to a user who was granted
 * openid), answer. A grant module only decides what is issued (`issue`) and how the grant starts.
 */
export async function issueTokens(oauth: OAuth, issue: Issue, grant: GrantStart): Promise<TokenResponse> {
  const { acr, sid, nonce, ...subject } = issue;
  if (!grant) return tokenAnswer(await oauth.tokens.issueAccessToken(subject), issue.scope);
  let grantId: string;
  let refresh: string | undefined;
  if ('grantId' in grant) grantId = grant.grantId;
  else {
    ({ grantId, refresh } = await (grant.begin ?? oauth.transaction)(async (tx) => {
      const id = await oauth.tokens.createGrant(tx, { ...subject, acr, sid });
      return { grantId: id, refresh: await oauth.tokens.issueRefreshToken(tx, { ...subject, grantId: id }) };
    }));
  }
  const at = await oauth.tokens.issueAccessToken({ ...subject, grantId });
  if ('rotate' in grant) refresh = await grant.rotate(at);
  const { user } = issue;
  const idToken =
    user && issue.scope.includes('openid')
      ? await oauth.tokens.issueIdToken({ ...subject, user, grantId }, { nonce, accessToken: at.access_token, acr, sid })
      : undefined;
  return tokenAnswer(at, issue.scope, { refresh, idToken });
}
