// Client authentication at the token, introspection, revocation, PAR and device endpoints. Exactly one method
// may be used, and it must be the one the client registered (RFC 7591 token_endpoint_auth_method).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../store/db.js';
import type { OAuthCache, OAuthClient, OAuthSpace } from '../cache.js';
import { invalidClient, invalidRequest } from '../errors.js';
import { ASSERTION_TYPE, verifyAssertion } from './private-key-jwt.js';
import { parseBasic, secretMatches } from './secret.js';

export interface ClientAuthContext {
  db: Db;
  cache: OAuthCache;
  space: OAuthSpace;
  /** URLs accepted as a client assertion's audience besides the issuer (the endpoint called). */
  endpointUrls: string[];
}

type Body = Record<string, string | undefined>;

export async function authenticateClient(ctx: ClientAuthContext, req: FastifyRequest, body: Body): Promise<OAuthClient> {
  const basic = parseBasic(req.headers.authorization);
  if (basic === 'malformed') throw invalidClient('malformed HTTP Basic credentials');
  const used = [
    basic ? 'client_secret_basic' : null,
    body.client_secret !== undefined ? 'client_secret_post' : null,
    body.client_assertion !== undefined ? 'private_key_jwt' : null,
  ].filter(Boolean);
  if (used.length > 1) throw invalidRequest(`use one client authentication method, not ${used.join(' and ')}`);
  const method = (used[0] ?? 'none') as string;

  const clientId = basic ? basic.id : body.client_id;
  if (method === 'private_key_jwt' && body.client_assertion_type !== ASSERTION_TYPE) {
    throw invalidRequest(`client_assertion_type must be ${ASSERTION_TYPE}`);
  }
  const assertedId = method === 'private_key_jwt' ? subjectOf(body.client_assertion!) : undefined;
  const id = clientId ?? assertedId;
  if (!id) throw invalidClient('client authentication is required (no client_id)', false);
  // Ids from Basic or an assertion skip the edge's NUL check; PostgreSQL text cannot hold NUL (would be a 500).
  if (id.includes('\u0000') || id.length > 500) throw invalidClient('unknown client', method === 'client_secret_basic');
  if (body.client_id !== undefined && basic && body.client_id !== basic.id) throw invalidRequest('client_id differs from the authenticated client');
  if (assertedId !== undefined && clientId !== undefined && assertedId !== clientId) throw invalidClient('client_assertion is for another client', false);

  const client = await ctx.cache.client(ctx.space.row.id, id);
  if (!client) throw invalidClient('unknown client', method === 'client_secret_basic');
  if (client.row.tokenEndpointAuthMethod !== method) {
    throw invalidClient(
      `this client must authenticate with ${client.row.tokenEndpointAuthMethod}`,
      client.row.tokenEndpointAuthMethod === 'client_secret_basic',
    );
  }
  if (method === 'client_secret_basic' || method === 'client_secret_post') {
    const secret = basic ? basic.secret : body.client_secret!;
    if (!secretMatches(client, secret)) throw invalidClient('client authentication failed', method === 'client_secret_basic');
  } else if (method === 'private_key_jwt') {
    await verifyAssertion(ctx.db, ctx.space, client, body.client_assertion!, ctx.endpointUrls);
  }
  if (!client.row.active) throw invalidClient('this client is deactivated', false);
  return client;
}

function subjectOf(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
