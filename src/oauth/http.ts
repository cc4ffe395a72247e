// HTTP plumbing shared by the OAuth endpoints: form parameters, the space of the request, and errors in the
// RFC 6749 shape ({ error, error_description }) with no-store caching.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuthSpace } from './cache.js';
import type { OAuth } from './context.js';
import { AppError } from '../errors.js';
import { invalidRequest, OAuthError } from './errors.js';
import { isStoreUnavailable, isTransactionCollision, STORE_RETRY_AFTER_SECONDS } from '../store/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    oauthSpace: OAuthSpace | null;
  }
}

export type Params = Record<string, string | undefined>;

/** Form or query parameters; a parameter sent twice is an error (RFC 6749 §3.1, §3.2). */
export function params(raw: unknown): Params {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object') throw invalidRequest('parameters must be sent as application/x-www-form-urlencoded');
  const out: Params = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(v)) throw invalidRequest(`parameter ${k} must not be repeated`);
    if (typeof v !== 'string') throw invalidRequest(`parameter ${k} must be a string`);
    if (v.length > 8192) throw invalidRequest(`parameter ${k} is too long`);
    // Empty values count as absent (RFC 6749 §3.1).
    if (v !== '') out[k] = v;
  }
  return out;
}

export function requireForm(req: FastifyRequest): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalidRequest('send the request body as application/x-www-form-urlencoded');
  }
}

export function spaceOf(req: FastifyRequest): OAuthSpace {
  if (!req.oauthSpace) throw new OAuthError('invalid_request', 'unknown space', { status: 404 });
  return req.oauthSpace;
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/** Resolves `:space` for every route of the plugin and installs the OAuth error serializer. */
export function installOAuthPlumbing(app: FastifyInstance, oauth: OAuth): void {
  app.decorateRequest('oauthSpace', null);
  // Callback style, synchronous when the space is cached: this hook runs on every OAuth request.
  app.addHook('onRequest', (req, _reply, done) => {
    const slug = (req.params as { space?: string }).space;
    if (!slug) return done();
    const cached = oauth.cache.cachedSpace(slug);
    if (cached) {
      req.oauthSpace = cached;
      return done();
    }
    oauth.cache.space(slug).then((space) => {
      req.oauthSpace = space ?? null;
      done();
    }, done);
  });
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    noStore(reply);
    if (err instanceof OAuthError) {
      if (err.detail) req.log.info({ error: err.error, detail: err.detail }, 'oauth error');
      return reply.code(err.status).headers(err.headers).send(err.toJSON());
    }
    // Edge checks shared with the admin API (NUL bytes, src/http/input.ts) throw AppError: same refusal, OAuth shape.
    // The vault's endpoints under the issuer answer its AppErrors (403, 404, 409) in the same shape.
    if (err instanceof AppError)
      return reply.code(err.status).send({ error: err.status === 400 ? 'invalid_request' : err.code, error_description: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status === 415 ? 400 : status)
        .send({ error: 'invalid_request', error_description: status === 415 ? 'send the request body as application/x-www-form-urlencoded' : err.message });
    }
    // A store outage will pass: clients may retry (RFC 6749 §4.1.2.1 temporarily_unavailable; Retry-After).
    if (isStoreUnavailable(err) || isTransactionCollision(err)) {
      req.log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'store unavailable');
      return reply
        .code(503)
        .header('retry-after', String(STORE_RETRY_AFTER_SECONDS))
        .send({ error: 'temporarily_unavailable', error_description: 'the service is unavailable right now; retry shortly' });
    }
    req.log.error({ err }, 'unexpected error in an OAuth endpoint');
    return reply.code(500).send({ error: 'server_error', error_description: 'internal error' });
  });
}
