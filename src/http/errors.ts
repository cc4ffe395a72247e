// Turns every failure into a JSON error body with the right status. Validation failures name the field;
// anything unexpected becomes a bare `server_error` (the details go to the log, never to the client).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { isStoreUnavailable, isTransactionCollision, STORE_RETRY_AFTER_SECONDS } from '../store/errors.js';

export const UNAVAILABLE_MESSAGE = 'the store is unavailable right now; retry shortly';

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

/**
 * A union (anyOf) reports one issue per branch and then its own summary: name every accepted form
 * ("must be integer, null or \"default\"") rather than the first branch's complaint.
 */
function describeAll(issues: ValidationIssue[], field: string): string {
  const first = issues[0]!;
  if (!issues.some((i) => i.keyword === 'anyOf' && i.instancePath === first.instancePath)) return describe(first, field);
  const forms = issues
    .filter((i) => i.instancePath === first.instancePath)
    .flatMap((i) => (i.keyword === 'type' ? [String(i.params.type)] : i.keyword === 'const' ? [JSON.stringify(i.params.allowedValue)] : []));
  if (forms.length < 2) return describe(issues.find((i) => i.keyword !== 'anyOf') ?? first, field);
  return `${field} must be ${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: ValidationIssue[] }, req, reply) => {
    if (err instanceof AppError) {
      if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="keyward-admin"');
      return reply.code(err.status).send(err.toJSON());
    }
    if (err.validation?.length) {
      const field = fieldOf(err.validation[0]!);
      return reply.code(400).send({ error: 'invalid_request', message: describeAll(err.validation, field), field });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, ...
      const message = status === 415 ? `content-type "${req.headers['content-type'] ?? ''}" is not accepted here; send application/json` : err.message;
      return reply.code(status).send({ error: status === 404 ? 'not_found' : 'invalid_request', message });
    }
    // A store outage is not a bug and will pass: say so, and when to come back (RFC 9110 §15.6.4, §10.2.3).
    if (isStoreUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'store unavailable');
      return reply.code(503).header('retry-after', String(STORE_RETRY_AFTER_SECONDS)).send({ error: 'temporarily_unavailable', message: UNAVAILABLE_MESSAGE });
    }
    if (isTransactionCollision(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'transaction collided with a concurrent one');
      return reply
        .code(409)
        .header('retry-after', '1')
        .send({ error: 'conflict', message: 'this change collided with a concurrent change and nothing was written; send it again' });
    }
    req.log.error({ err }, 'unexpected error');
    return reply.code(500).send({ error: 'server_error', message: 'internal error; see the server log' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0]}` }));
}
