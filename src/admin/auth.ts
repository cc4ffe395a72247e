// Bearer authentication of the admin API. Every admin route runs behind this hook; the OpenAPI document does not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { bearerToken } from '../bearer.js';
import type { Services } from '../services.js';
import type { Actor } from '../events/audit.js';
import type { Principal } from './rbac.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function installAdminAuth(app: FastifyInstance, services: Services, publicPaths: Set<string>): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (publicPaths.has(req.routeOptions.url ?? '')) return;
    const token = bearerToken(req.headers.authorization, 500);
    if (token === undefined) throw new AppError('unauthorized', 'send an admin API token: Authorization: Bearer <token>');
    const principal = await services.admins.authenticate(token);
    if (!principal) throw new AppError('unauthorized', 'the admin API token is unknown, revoked or expired');
    req.principal = principal;
  });
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthorized', 'not authenticated');
  return req.principal;
}

export const actorOf = (req: FastifyRequest): Actor => {
  const p = principalOf(req);
  return { type: 'admin', id: p.adminId, email: p.email };
};
