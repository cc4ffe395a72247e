// Token introspection (RFC 7662) for the space's confidential clients (resource servers).
import type { FastifyInstance } from 'fastify';
import type { OAuth } from '../context.js';
import { invalidClient, invalidRequest } from '../errors.js';
import { noStore, spaceOf } from '../http.js';

export function introspectionEndpoint(app: FastifyInstance, oauth: OAuth): void {
  app.post('/introspect', { config: { clientAuth: { endpoint: 'introspect' } } }, async (req, reply) => {
    noStore(reply);
    const p = req.oauthParams!;
    const client = req.oauthClient!;
    // A public client proves nothing about itself: it must not learn about tokens (RFC 7662 §4).
    if (client.row.tokenEndpointAuthMethod === 'none') throw invalidClient('public clients may not introspect tokens', false);
    if (!p.token) throw invalidRequest('token is required');
    // token_type_hint is accepted and not needed: the token's own form says what it is (TokenService.introspect).
    return reply.send(await oauth.tokens.introspect(spaceOf(req), p.token, client));
  });
}
