// Token revocation (RFC 7009). A client revokes only its own tokens; anything else (unknown, foreign, already
// revoked) still answers 200, so the endpoint tells nothing about tokens it did not issue to the caller.
import type { FastifyInstance } from 'fastify';
import { authenticateClient } from '../client-auth/index.js';
import type { OAuth } from '../context.js';
import { admitOrigin, corsPreflight } from '../cors.js';
import { invalidRequest } from '../errors.js';
import { noStore, params, requireForm, spaceOf } from '../http.js';

export function revocationEndpoint(app: FastifyInstance, oauth: OAuth): void {
  corsPreflight(app, '/revoke', 'client', 'POST');
  app.post('/revoke', { config: { cors: 'client' } }, async (req, reply) => {
    noStore(reply);
    requireForm(req);
    const space = spaceOf(req);
    const p = params(req.body);
    const client = await authenticateClient({ db: oauth.db, cache: oauth.cache, space, endpointUrls: [`${space.issuer}/revoke`] }, req, p);
    admitOrigin(oauth, req, reply, client);
    if (!p.token) throw invalidRequest('token is required');
    await oauth.tokens.revoke(space, client, p.token);
    return reply.code(200).send();
  });
}
