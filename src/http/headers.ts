// Security headers on every answer. JSON answers never need scripts or framing; pages that do set their own CSP.
import type { FastifyInstance } from 'fastify';

export function securityHeaders(app: FastifyInstance): void {
  // Callback style: it runs on every answer, and an async hook costs a promise per request.
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    done(null, payload);
  });
}
