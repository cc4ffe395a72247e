// Authentication of the admin API: a bearer token, or the console's session cookie with its CSRF header on anything
// that changes state (console-session.ts). Every admin route runs behind this hook; the OpenAPI document does not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { bearerToken } from '../bearer.js';
import type { Services } from '../services.js';
import type { Actor } from '../events/audit.js';
import type { Principal } from './rbac.js';
import { CONSOLE_COOKIE, CSRF_HEADER, csrfHolds } from './console-session.js';

function consoleCookie(req: FastifyRequest): string | undefined {
  const v = req.cookies?.[CONSOLE_COOKIE];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The console session's token when the cookie (not a bearer token) authenticated this request. */
    consoleSession: string | null;
  }
}

/** `publicRoutes` holds "METHOD /full/path" of the routes that need no authentication (sign-in, the document). */
export function installAdminAuth(app: FastifyInstance, services: Services, publicRoutes: Set<string>): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('consoleSession', null);
  app.addHook('onRequest', async (req) => {
    if (publicRoutes.has(`${req.method} ${req.routeOptions.url ?? ''}`)) return;
    const session = req.headers.authorization === undefined ? consoleCookie(req) : undefined;
    const token = session ?? bearerToken(req.headers.authorization, 500);
    if (token === undefined) throw new AppError('unauthorized', 'send an admin API token: Authorization: Bearer <token>');
    const principal = await services.admins.authenticate(token);
    if (!principal) {
      throw new AppError('unauthorized', session ? 'the console session has ended: sign in again' : 'the admin API token is unknown, revoked or expired');
    }
    if (session && !csrfHolds(req.method, session, req.headers[CSRF_HEADER])) {
      throw new AppError('forbidden', `the console's CSRF token is missing or wrong: send the ${CSRF_HEADER} header from GET /console/session`);
    }
    req.principal = principal;
    req.consoleSession = session ?? null;
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
