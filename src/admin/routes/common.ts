import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { invalid } from '../../errors.js';
import type { PageRequest } from '../../registry/page.js';
import type { SpaceRow } from '../../registry/spaces.js';
import type { Services } from '../../services.js';
import { principalOf } from '../auth.js';
import { requirePermission, type Permission } from '../rbac.js';

export const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();
export type Typed = ReturnType<typeof typed>;

export function pageRequest(q: { limit?: string; cursor?: string }): PageRequest {
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('limit', 'limit must be from 1 to 200');
  return { limit, cursor: q.cursor };
}

/**
 * preValidation hook for routes whose body may be left out: Fastify validates a missing body as `undefined`
 * against the object schema ("body must be object"), so an absent body becomes `{}` first.
 */
export async function optionalBody(req: FastifyRequest): Promise<void> {
  if (req.body === undefined) req.body = {};
}

/** Checks the caller's permission in the space named by the route, then loads the space. */
export async function spaceFor(services: Services, req: FastifyRequest, slug: string, permission: Permission): Promise<SpaceRow> {
  requirePermission(principalOf(req), permission, slug);
  return services.spaces.get(slug);
}
