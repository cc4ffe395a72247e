// Token management (seed 004): list and revoke grants and stored access tokens; list and revoke consents.
// Reading needs the viewer role; revoking needs admin.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { pageOf, SpaceParams } from '../schemas.js';
import {
  Consent,
  ConsentQuery,
  RevokeAllAnswer,
  RevokeAllInput,
  TokenCount,
  TokenCountQuery,
  TokenEntry,
  TokenListQuery,
  TokenParams,
} from '../user-schemas.js';
import { optionalBody, pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['tokens'];

export function tokenRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/tokens',
    {
      schema: {
        tags,
        summary: 'List live grants (refresh token families) and stored access tokens, newest first',
        params: SpaceParams,
        querystring: TokenListQuery,
        response: { 200: pageOf(TokenEntry) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.tokenAdmin.list(space, { ...pageRequest(req.query), client_id: req.query.client_id, user_id: req.query.user_id });
    },
  );

  app.get(
    '/spaces/:space/tokens/count',
    {
      schema: {
        tags,
        summary: 'How many entries the token listing has for a client, a user or the space (what deleting a client deletes)',
        description:
          'JWT access tokens outside a grant are never stored, so they are not counted; they stop working when their client is deleted or deactivated.',
        params: SpaceParams,
        querystring: TokenCountQuery,
        response: { 200: TokenCount },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.tokenAdmin.count(space, { client_id: req.query.client_id, user_id: req.query.user_id });
    },
  );

  app.delete(
    '/spaces/:space/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one grant (with its refresh and access tokens) or one stored access token',
        params: TokenParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      await services.tokenAdmin.revoke(space, req.params.id, actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/spaces/:space/tokens/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke every token of a client or of a user (the client stays active, the user enabled)',
        params: SpaceParams,
        body: RevokeAllInput,
        response: { 200: RevokeAllAnswer },
      },
      preValidation: optionalBody,
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      return services.tokenAdmin.revokeAll(space, req.body, actorOf(req));
    },
  );

  app.get(
    '/spaces/:space/consents',
    {
      schema: {
        tags,
        summary: 'List consents users gave to clients',
        params: SpaceParams,
        querystring: ConsentQuery,
        response: { 200: pageOf(Consent) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.tokenAdmin.listConsents(space, { ...pageRequest(req.query), client_id: req.query.client_id, user_id: req.query.user_id });
    },
  );

  app.delete(
    '/spaces/:space/consents/:id',
    {
      schema: {
        tags,
        summary: 'Forget a consent: the user is asked again next time (issued tokens stay)',
        params: TokenParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      await services.tokenAdmin.revokeConsent(space, req.params.id, actorOf(req));
      return reply.code(204).send(null);
    },
  );
}
