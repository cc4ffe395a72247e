// Users of a space: personal (browser sign-in) and service (password grant only) users.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { etagOf } from '../../registry/etag.js';
import { actorOf } from '../auth.js';
import { IfMatchHeaders, ifMatchOf, sendTagged, withETag } from '../conditional.js';
import { pageOf, SpaceParams } from '../schemas.js';
import { User, UserInput, UserListQuery, UserParams } from '../user-schemas.js';
import { pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['users'];

export function userRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/users',
    {
      schema: {
        tags,
        summary: 'List users, filtered by text, kind and disabled',
        params: SpaceParams,
        querystring: UserListQuery,
        response: { 200: pageOf(User) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const disabled = req.query.disabled === undefined ? undefined : req.query.disabled === 'true';
      return services.users.list(space, { ...pageRequest(req.query), q: req.query.q, kind: req.query.kind, disabled });
    },
  );

  app.post(
    '/spaces/:space/users',
    {
      schema: { tags, summary: 'Create a user', params: SpaceParams, body: UserInput, response: { 201: User } },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      return reply.code(201).send(await services.users.create(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/users/:user_id',
    {
      schema: {
        tags,
        summary: 'Get a user by id or username (never the password), with its ETag',
        params: UserParams,
        response: { 200: withETag(User) },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const user = await services.users.get(space, req.params.user_id);
      return sendTagged(reply, etagOf(user), user);
    },
  );

  app.patch(
    '/spaces/:space/users/:user_id',
    {
      schema: {
        tags,
        summary: 'Update password, e-mail, name, standard claims; disabled=true cuts off every token issued before (with If-Match: only if unchanged since)',
        params: UserParams,
        headers: IfMatchHeaders,
        body: UserInput,
        response: { 200: withETag(User) },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      const user = await services.users.update(space, req.params.user_id, req.body, actorOf(req), ifMatchOf(req));
      return sendTagged(reply, etagOf(user), user);
    },
  );

  app.delete(
    '/spaces/:space/users/:user_id',
    {
      schema: {
        tags,
        summary: 'Delete a user with their grants, tokens and consents',
        params: UserParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      await services.users.delete(space, req.params.user_id, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );
}
