// Pushed authorization requests (RFC 9126): the client authenticates and sends the authorization parameters
// directly; the browser later carries only the one-time request_uri.
import type { FastifyInstance } from 'fastify';
import { NoRedirect, trustedTarget, validateAuthz } from '../authz-request.js';
import type { OAuth } from '../context.js';
import { invalidRequest, OAuthError } from '../errors.js';
import { noStore, spaceOf } from '../http.js';
import { PAR_TTL, pushRequest } from '../interaction/store.js';

export function parEndpoint(app: FastifyInstance, oauth: OAuth): void {
  app.post('/par', { config: { clientAuth: { endpoint: 'par' } } }, async (req, reply) => {
    noStore(reply);
    const space = spaceOf(req);
    const p = req.oauthParams!;
    const client = req.oauthClient!;
    if (p.request_uri !== undefined) throw invalidRequest('request_uri must not be sent to the pushed authorization request endpoint');
    let target;
    try {
      target = await trustedTarget(oauth, space, { ...p, client_id: client.row.clientId });
    } catch (err) {
      if (err instanceof NoRedirect) throw new OAuthError('invalid_request', err.description);
      throw err;
    }
    const r = validateAuthz(space, target, { ...p, client_id: client.row.clientId });
    const uri = await pushRequest(oauth, space, client, r.params);
    return reply.code(201).send({ request_uri: uri, expires_in: PAR_TTL });
  });
}
