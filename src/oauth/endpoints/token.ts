// The token endpoint (RFC 6749 §3.2): the client-auth hook authenticates the client, the grant module answers, with
// no-store.
import type { FastifyInstance } from 'fastify';
import type { ClientAuthRoute } from '../client-auth/index.js';
import type { OAuth } from '../context.js';
import { corsPreflight } from '../cors.js';
import { invalidRequest, OAuthError, unauthorizedClient } from '../errors.js';
import { GRANTS } from '../grants/index.js';
import { noStore, spaceOf, type Params } from '../http.js';

// A missing or unknown grant type is refused before the client authenticates.
const TOKEN_AUTH: ClientAuthRoute = {
  endpoint: 'token',
  before: (p: Params) => {
    if (!p.grant_type) throw invalidRequest('grant_type is required');
    if (!GRANTS.has(p.grant_type)) throw new OAuthError('unsupported_grant_type', `grant_type "${p.grant_type}" is not supported`);
  },
};

export function tokenEndpoint(app: FastifyInstance, oauth: OAuth): void {
  corsPreflight(app, '/token', 'client', 'POST');
  app.post('/token', { config: { cors: 'client', clientAuth: TOKEN_AUTH } }, async (req, reply) => {
    noStore(reply);
    const p = req.oauthParams!;
    const client = req.oauthClient!;
    const grant = GRANTS.get(p.grant_type!)!;
    if (!client.row.grantTypes.includes(grant.type)) throw unauthorizedClient(`this client may not use the ${grant.type} grant`);
    return reply.send(await grant.handle({ oauth, space: spaceOf(req), client, params: p, ip: req.ip }));
  });
}
