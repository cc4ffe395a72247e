// The client registration endpoint (RFC 7591) and the client configuration endpoint (RFC 7592).
import type { FastifyInstance } from 'fastify';
import type { OAuth } from '../context.js';
import { OAuthError } from '../errors.js';
import { noStore, spaceOf } from '../http.js';
import { RegistrationService } from '../registration.js';

export function registrationEndpoints(app: FastifyInstance, oauth: OAuth): void {
  const service = new RegistrationService(oauth.services, oauth.views);
  const requireJson = (type: string | undefined) => {
    if ((type ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      throw new OAuthError('invalid_client_metadata', 'send the client metadata as application/json');
    }
  };
  const clientIdOf = (p: unknown) => {
    const id = (p as { client_id?: string }).client_id ?? '';
    if (id.length > 200) throw new OAuthError('invalid_token', 'the registration access token is not valid for this client');
    return id;
  };

  app.post('/register', async (req, reply) => {
    noStore(reply);
    const space = spaceOf(req);
    if (space.settings.registration !== 'closed') requireJson(req.headers['content-type']);
    return reply.code(201).send(await service.register(space, req.headers.authorization, req.body));
  });

  app.get('/register/:client_id', async (req, reply) => {
    noStore(reply);
    return reply.send(await service.read(spaceOf(req), clientIdOf(req.params), req.headers.authorization));
  });

  app.put('/register/:client_id', async (req, reply) => {
    noStore(reply);
    const space = spaceOf(req);
    const clientId = clientIdOf(req.params);
    requireJson(req.headers['content-type']);
    return reply.send(await service.replace(space, clientId, req.headers.authorization, req.body));
  });

  app.delete('/register/:client_id', async (req, reply) => {
    noStore(reply);
    await service.remove(spaceOf(req), clientIdOf(req.params), req.headers.authorization);
    return reply.code(204).send();
  });
}
