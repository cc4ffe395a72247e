import { Type } from 'typebox';
import type { Config } from '../../config/index.js';
import { spaceView, type SpaceRow } from '../../registry/spaces.js';
import type { Services } from '../../services.js';
import { actorOf, principalOf } from '../auth.js';
import { GLOBAL, requirePermission, visibleSpaces } from '../rbac.js';
import { errorResponses, pageOf, PageQuery, Space, SpaceInput, SpaceParams } from '../schemas.js';
import { pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['spaces'];

export function spaceRoutes(app: Typed, services: Services, config: Config): void {
  const issuer = (slug: string) => `${config.publicUrl}/spaces/${slug}`;
  const withIssuer = <T extends { slug: string }>(v: T) => ({ ...v, issuer: issuer(v.slug) });
  const view = (row: SpaceRow) => withIssuer(spaceView(row));

  app.get('/spaces', {
    schema: { tags, summary: 'List the spaces the caller may see', querystring: PageQuery, response: { 200: pageOf(Type.Ref('Space')), ...errorResponses } },
  }, async (req) => {
    const page = await services.spaces.list(pageRequest(req.query), visibleSpaces(principalOf(req)));
    return { ...page, items: page.items.map(withIssuer) };
  });

  app.post('/spaces', {
    schema: { tags, summary: 'Create a space (needs the admin role for all spaces)', body: SpaceInput, response: { 201: Type.Ref('Space'), ...errorResponses } },
  }, async (req, reply) => {
    requirePermission(principalOf(req), 'space:write', GLOBAL);
    return reply.code(201).send(withIssuer(await services.spaces.create(req.body, actorOf(req))));
  });

  app.get('/spaces/:space', {
    schema: { tags, summary: 'Get a space', params: SpaceParams, response: { 200: Type.Ref('Space'), ...errorResponses } },
  }, async (req) => view(await spaceFor(services, req, req.params.space, 'read')));

  app.patch('/spaces/:space', {
    schema: { tags, summary: 'Update a space\'s display name, default token lifetimes or settings', params: SpaceParams, body: SpaceInput, response: { 200: Type.Ref('Space'), ...errorResponses } },
  }, async (req) => {
    requirePermission(principalOf(req), 'space:write', req.params.space);
    return withIssuer(await services.spaces.update(req.params.space, req.body, actorOf(req)));
  });

  app.delete('/spaces/:space', {
    schema: { tags, summary: 'Delete a space with everything in it', params: SpaceParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    requirePermission(principalOf(req), 'space:delete', req.params.space);
    await services.spaces.delete(req.params.space, actorOf(req));
    return reply.code(204).send(null);
  });
}
