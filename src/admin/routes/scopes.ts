import { Type } from 'typebox';
import { scopeView } from '../../registry/scopes.js';
import type { Services } from '../../services.js';
import { etagOf } from '../../registry/etag.js';
import { actorOf } from '../auth.js';
import { IfMatchHeaders, ifMatchOf, sendTagged, withETag } from '../conditional.js';
import { pageOf, PageQuery, ScopeInput, SpaceParams } from '../schemas.js';
import { pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['scopes'];
const ScopeParams = Type.Object({ space: Type.String({ maxLength: 100 }), name: Type.String({ maxLength: 200 }) });
const ScopeUsage = Type.Object({
  total: Type.Integer({ description: 'how many clients have the scope' }),
  clients: Type.Array(Type.Object({ client_id: Type.String(), name: Type.String() }), { description: 'the first ten, by name' }),
});
const ScopeListQuery = Type.Object({ ...PageQuery.properties, name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });

export function scopeRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/scopes',
    {
      schema: {
        tags,
        summary: 'List scopes',
        params: SpaceParams,
        querystring: ScopeListQuery,
        response: { 200: pageOf(Type.Ref('Scope')) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.scopes.list(space.id, { ...pageRequest(req.query), name: req.query.name });
    },
  );

  app.post(
    '/spaces/:space/scopes',
    {
      schema: { tags, summary: 'Create a scope', params: SpaceParams, body: ScopeInput, response: { 201: Type.Ref('Scope') } },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply.code(201).send(await services.scopes.create(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/scopes/:name',
    {
      schema: { tags, summary: 'Get a scope, with its ETag', params: ScopeParams, response: { 200: withETag(Type.Ref('Scope')) } },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const scope = scopeView(await services.scopes.get(space.id, req.params.name));
      return sendTagged(reply, etagOf(scope), scope);
    },
  );

  app.get(
    '/spaces/:space/scopes/:name/usage',
    {
      schema: {
        tags,
        summary: 'Which clients have the scope: how many, and the first ten by name (what deleting it removes it from)',
        params: ScopeParams,
        response: { 200: ScopeUsage },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.scopes.usage(space.id, req.params.name);
    },
  );

  app.patch(
    '/spaces/:space/scopes/:name',
    {
      schema: {
        tags,
        summary: "Update a scope's description or default flag (with If-Match: only if unchanged since)",
        params: ScopeParams,
        headers: IfMatchHeaders,
        body: ScopeInput,
        response: { 200: withETag(Type.Ref('Scope')) },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      const scope = await services.scopes.update(space, req.params.name, req.body, actorOf(req), ifMatchOf(req));
      return sendTagged(reply, etagOf(scope), scope);
    },
  );

  app.delete(
    '/spaces/:space/scopes/:name',
    {
      schema: {
        tags,
        summary: 'Delete a scope (it is removed from every client)',
        params: ScopeParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await services.scopes.delete(space, req.params.name, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );
}
