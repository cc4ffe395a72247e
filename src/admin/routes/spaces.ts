import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config/index.js';
import { etagOf } from '../../registry/etag.js';
import { spaceView, type SpaceView } from '../../registry/spaces.js';
import type { Services } from '../../services.js';
import { actorOf, principalOf } from '../auth.js';
import { IfMatchHeaders, ifMatchOf, sendTagged, withETag } from '../conditional.js';
import { GLOBAL, requirePermission, visibleSpaces } from '../rbac.js';
import { pageOf, PageQuery, SpaceInput, SpaceParams } from '../schemas.js';
import { pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['spaces'];

export function spaceRoutes(app: Typed, services: Services, config: Config): void {
  const issuer = (slug: string) => `${config.publicUrl}/spaces/${slug}`;
  const withIssuer = <T extends { slug: string }>(v: T) => ({ ...v, issuer: issuer(v.slug) });
  // The ETag is of the stored representation: the issuer is derived from the slug, which never changes.
  const tagged = (reply: FastifyReply, v: SpaceView) => sendTagged(reply, etagOf(v), withIssuer(v));

  app.get(
    '/spaces',
    {
      schema: { tags, summary: 'List the spaces the caller may see', querystring: PageQuery, response: { 200: pageOf(Type.Ref('Space')) } },
    },
    async (req) => {
      const page = await services.spaces.list(pageRequest(req.query), visibleSpaces(principalOf(req)));
      return { ...page, items: page.items.map(withIssuer) };
    },
  );

  app.post(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Create a space (needs the admin role for all spaces)',
        body: SpaceInput,
        response: { 201: Type.Ref('Space') },
      },
    },
    async (req, reply) => {
      requirePermission(principalOf(req), 'space:write', GLOBAL);
      return reply.code(201).send(withIssuer(await services.spaces.create(req.body, actorOf(req))));
    },
  );

  app.get(
    '/spaces/:space',
    {
      schema: {
        tags,
        summary: 'Get a space (settings included), with its ETag',
        params: SpaceParams,
        response: { 200: withETag(Type.Ref('Space')) },
      },
    },
    async (req, reply) => tagged(reply, spaceView(await spaceFor(services, req, req.params.space, 'read'))),
  );

  app.patch(
    '/spaces/:space',
    {
      schema: {
        tags,
        summary: "Update a space's display name, default token lifetimes or settings (with If-Match: only if unchanged since)",
        params: SpaceParams,
        headers: IfMatchHeaders,
        body: SpaceInput,
        response: { 200: withETag(Type.Ref('Space')) },
      },
    },
    async (req, reply) => {
      requirePermission(principalOf(req), 'space:write', req.params.space);
      return tagged(reply, await services.spaces.update(req.params.space, req.body, actorOf(req), ifMatchOf(req)));
    },
  );

  app.delete(
    '/spaces/:space',
    {
      schema: {
        tags,
        summary: 'Delete a space with everything in it',
        params: SpaceParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      requirePermission(principalOf(req), 'space:delete', req.params.space);
      await services.spaces.delete(req.params.space, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );
}
