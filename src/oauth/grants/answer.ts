// What every grant module shares: the request it handles and the answer it gives. Apart from index.ts so grant
// modules do not import the map that imports them (a cycle that breaks depending on which module loads first).
import type { FastifyRequest } from 'fastify';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import type { Params } from '../http.js';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope: string;
}

/** The token answer (RFC 6749 §5.1): fields that have no value are left out. */
export function tokenAnswer(
  at: { access_token: string; expires_in?: number },
  scope: string[],
  more: { refresh?: string; idToken?: string } = {},
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
  req: FastifyRequest;
}

export interface Grant {
  /** The grant_type value (and the client's grant_types entry that allows it). */
  type: string;
  handle(r: GrantRequest): Promise<TokenResponse>;
}
