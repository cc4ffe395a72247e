// Turns every failure into a JSON error body with the right status. Validation failures name the field;
// anything unexpected becomes a bare `server_error` (the details go to the log, never to the client).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(v: ValidationIssue): string {
  const path = v.instancePath.split('/').filter(Boolean);
  if (v.keyword === 'required') path.push(String(v.params.missingProperty));
  if (v.keyword === 'additionalProperties') path.push(String(v.params.additionalProperty));
  return path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join('') || 'body';
}

function describe(v: ValidationIssue, field: string): string {
  if (v.keyword === 'additionalProperties') return `${field} is not a known field`;
  if (v.keyword === 'required') return `${field} is required`;
  if (v.keyword === 'enum') return `${field} must be one of ${(v.params.allowedValues as unknown[]).join(', ')}`;
  return `${field} ${v.message ?? 'is invalid'}`;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: ValidationIssue[] }, req, reply) => {
    if (err instanceof AppError) {
      if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="keyward-admin"');
      return reply.code(err.status).send(err.toJSON());
    }
    if (err.validation?.length) {
      // A union (anyOf) reports every branch; the first issue that is not the union's summary reads best.
      const v = err.validation.find((i) => i.keyword !== 'anyOf') ?? err.validation[0]!;
      const field = fieldOf(v);
      return reply.code(400).send({ error: 'invalid_request', message: describe(v, field), field });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, ...
      return reply.code(status).send({ error: status === 404 ? 'not_found' : 'invalid_request', message: err.message });
    }
    req.log.error({ err }, 'unexpected error');
    return reply.code(500).send({ error: 'server_error', message: 'internal error; see the server log' });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0]}` }),
  );
}
