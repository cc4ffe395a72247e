// CORS (WHATWG Fetch, "CORS protocol") for browser-based apps: a single-page app on its own origin reads discovery
// and the JWKS (any origin: they are public) and calls the token, userinfo, revocation and device authorization
// endpoints, but only from an origin its client may use: the origins of its redirect URIs and its
// allowed_cors_origins (Hydra's name). Everyone else gets no Access-Control-Allow-Origin at all.
//
// A preflight carries no body, so no client_id: it is answered for any origin that some active client of the space
// allows (as Hydra does). The real request is checked again once its client is known (admitOrigin), and refused
// before anything happens when this client may not use the origin: a code is not used up by a page that could
// never read the answer. Introspection is left out on purpose: it serves resource servers, not browsers.
// Kept here rather than in http/ because the policy needs the space's clients (http/ sits above oauth/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClientRow, OAuthClient } from './cache.js';
import type { OAuth } from './context.js';
import { OAuthError } from './errors.js';

/** `public`: any origin (`*`); `client`: the origins of the space's clients, then of the request's client. */
export type CorsPolicy = 'public' | 'client';

declare module 'fastify' {
  interface FastifyContextConfig {
    cors?: CorsPolicy;
  }
}

const ALLOW_HEADERS = 'Authorization, Content-Type, DPoP';
// Bearer errors (RFC 6750 §3) and DPoP nonces travel in headers the page must be able to read.
const EXPOSE_HEADERS = 'WWW-Authenticate, DPoP-Nonce';
const MAX_AGE = '600';

function originOf(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Every origin a client may call from: its http(s) redirect URIs' origins and its allowed_cors_origins. */
export function originsOfClient(row: Pick<ClientRow, 'redirectUris' | 'allowedCorsOrigins'>): Set<string> {
  const out = new Set(row.allowedCorsOrigins);
  for (const uri of row.redirectUris) {
    const o = originOf(uri);
    if (o) out.add(o);
  }
  return out;
}

/** Same-origin requests send Origin too (POST); they need no CORS and are never refused. */
const isSelf = (oauth: OAuth, origin: string): boolean => origin === originOf(oauth.config.publicUrl);

function allow(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSE_HEADERS);
}

/** The onRequest hook: answers CORS headers by the route's policy. Runs after the space is resolved. */
export function installCors(app: FastifyInstance, oauth: OAuth): void {
  // Callback style and synchronous while the origin set is cached: the token endpoint is the hot path.
  app.addHook('onRequest', (req, reply, done) => {
    const policy = req.routeOptions.config.cors;
    if (!policy) return done();
    if (policy === 'public') {
      reply.header('access-control-allow-origin', '*');
      return done();
    }
    reply.header('vary', 'Origin');
    const origin = req.headers.origin;
    const space = req.oauthSpace;
    if (!origin || !space || isSelf(oauth, origin)) return done();
    const cached = oauth.cache.cachedCorsOrigins(space.row.id);
    if (cached) {
      if (cached.has(origin)) allow(reply, origin);
      return done();
    }
    oauth.cache.corsOrigins(space.row.id).then((set) => {
      if (set.has(origin)) allow(reply, origin);
      done();
    }, done);
  });
}

/** The preflight (OPTIONS) of a path: allowed methods and headers when the hook allowed the origin, else nothing. */
export function corsPreflight(app: FastifyInstance, path: string, policy: CorsPolicy, methods: string): void {
  app.options(path, { config: { cors: policy } }, (_req, reply) => {
    if (reply.hasHeader('access-control-allow-origin')) {
      reply.header('access-control-allow-methods', methods).header('access-control-allow-headers', ALLOW_HEADERS).header('access-control-max-age', MAX_AGE);
    }
    return reply.code(204).send();
  });
}

/**
 * Once the request's client is known: a cross-origin request from an origin this client may not use is refused
 * before the grant (or revocation, or device authorization) runs, and its answer carries no CORS headers.
 */
export function admitOrigin(oauth: OAuth, req: FastifyRequest, reply: FastifyReply, client: OAuthClient): void {
  const origin = req.headers.origin;
  if (origin === undefined || isSelf(oauth, origin)) return;
  if (client.row.allowedCorsOrigins.includes(origin) || client.row.redirectUris.some((u) => originOf(u) === origin)) return;
  reply.removeHeader('access-control-allow-origin');
  reply.removeHeader('access-control-expose-headers');
  throw new OAuthError('invalid_request', 'this client may not be used from the origin of this request (CORS)', {
    status: 403,
    detail: `origin ${origin.slice(0, 300)} is not allowed for client ${client.row.clientId}`,
  });
}
