// Keyward's own resource endpoints beyond userinfo (the vault's token and proxy): the calling client, from the
// access token it sends (RFC 6750 §2.1), active in this space and holding the scope the endpoint needs.
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../bearer.js';
import type { OAuth } from './context.js';
import { OAuthError } from './errors.js';
import { spaceOf } from './http.js';
import type { PageBrand } from '../html-page.js';
import { spaceBrand } from './interaction/pages.js';

const challenge = (error?: string) => `Bearer realm="keyward"${error ? `, error="${error}"` : ''}`;
const invalidToken = (description: string, error?: string) =>
  new OAuthError('invalid_token', description, { status: 401, headers: { 'www-authenticate': challenge(error) } });

export interface CallingClient {
  /** The client's primary key and client_id. */
  clientPk: string;
  clientId: string;
}

export async function callingClient(oauth: OAuth, req: FastifyRequest, scope: string): Promise<CallingClient> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw invalidToken('send an access token as Authorization: Bearer <token>');
  const space = spaceOf(req);
  const info = await oauth.tokens.introspect(space, token);
  if (!info.active || !info.client_id) throw invalidToken('the access token is invalid, expired or revoked', 'invalid_token');
  if (!(info.scope ?? '').split(' ').includes(scope)) {
    throw new OAuthError('insufficient_scope', `the access token lacks the ${scope} scope`, {
      status: 403,
      headers: { 'www-authenticate': `${challenge('insufficient_scope')}, scope="${scope}"` },
    });
  }
  const client = await oauth.cache.client(space.row.id, info.client_id);
  if (!client) throw invalidToken('the client of this access token no longer exists', 'invalid_token');
  return { clientPk: client.row.id, clientId: client.row.clientId };
}

/** The space a request under /spaces/:space addresses (resolved by the OAuth plumbing). */
export function requestSpace(req: FastifyRequest): { id: string; slug: string; displayName: string; brand: PageBrand } {
  const space = spaceOf(req);
  return { id: space.row.id, slug: space.row.slug, displayName: space.row.displayName, brand: spaceBrand(space) };
}
