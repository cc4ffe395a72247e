// Token revocation (RFC 7009). A client revokes only its own tokens; anything else (unknown, foreign, already
// revoked) still answers 200, so the endpoint tells nothing about tokens it did not issue to the caller.
import type { FastifyInstance } from 'fastify';
import type { OAuth } from '../context.js';
import { corsPreflight } from '../cors.js';
import { invalidRequest } from '../errors.js';
import { noStore, spaceOf } from '../http.js';

export function revocationEndpoint(app: FastifyInstance, oauth: OAuth): void {
  corsPreflight(app, '/revoke', 'client', 'POST');
  app.post('/revoke', { config: { cors: 'client', clientAuth: { endpoint: 'revoke' } } }, async (req, reply) => {
    noStore(reply);
    const p = req.oauthParams!;
    if (!p.token) throw invalidRequest('token is required');
    await oauth.tokens.revoke(spaceOf(req), req.oauthClient!, p.token);
    return reply.code(200).send();
  });
}
