// The token endpoint (RFC 6749 §3.2): authenticate the client, find the grant module, answer with no-store.
import type { FastifyInstance } from 'fastify';
import { authenticateClient } from '../client-auth/index.js';
import type { OAuth } from '../context.js';
import { admitOrigin, corsPreflight } from '../cors.js';
import { invalidRequest, OAuthError, unauthorizedClient } from '../errors.js';
import { GRANTS } from '../grants/index.js';
import { noStore, params, requireForm, spaceOf } from '../http.js';

export function tokenEndpoint(app: FastifyInstance, oauth: OAuth): void {
  corsPreflight(app, '/token', 'client', 'POST');
  app.post('/token', { config: { cors: 'client' } }, async (req, reply) => {
    noStore(reply);
    requireForm(req);
    const space = spaceOf(req);
    const p = params(req.body);
    if (!p.grant_type) throw invalidRequest('grant_type is required');
    const grant = GRANTS.get(p.grant_type);
    if (!grant) throw new OAuthError('unsupported_grant_type', `grant_type "${p.grant_type}" is not supported`);
    const client = await authenticateClient({ db: oauth.db, cache: oauth.cache, space, endpointUrls: [`${space.issuer}/token`] }, req, p);
    admitOrigin(oauth, req, reply, client);
    if (!client.row.grantTypes.includes(grant.type)) throw unauthorizedClient(`this client may not use the ${grant.type} grant`);
    return reply.send(await grant.handle({ oauth, space, client, params: p, ip: req.ip }));
  });
}
