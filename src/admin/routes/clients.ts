import { Type } from 'typebox';
import { clientETag } from '../../registry/clients.js';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { IfMatchHeaders, ifMatchOf, sendTagged, withETag } from '../conditional.js';
import {
  AssociateInput,
  ClientInput,
  ClientListQuery,
  ClientParams,
  ClientWithSecret,
  pageOf,
  RotateSecretAnswer,
  RotateSecretInput,
  SpaceParams,
  WebhookSecretAnswer,
} from '../schemas.js';
import { optionalBody, pageRequest, spaceFor, type Typed } from './common.js';
import { CLIENT_UPDATE_EXAMPLE } from '../examples.js';

const tags = ['clients'];
const ClientScopeParams = Type.Object({ ...ClientParams.properties, name: Type.String({ maxLength: 200 }) });
const noStore = { 'cache-control': 'no-store' };

export function clientRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/clients',
    {
      schema: {
        tags,
        summary: 'List clients, filtered by name, active and grant type',
        params: SpaceParams,
        querystring: ClientListQuery,
        response: { 200: pageOf(Type.Ref('Client')) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const active = req.query.active === undefined ? undefined : req.query.active === 'true';
      return services.clients.list(space, { ...pageRequest(req.query), name: req.query.name, active, grantType: req.query.grant_type });
    },
  );

  app.post(
    '/spaces/:space/clients',
    {
      schema: {
        tags,
        summary: "Register a client; a confidential client's client_secret is in this answer only",
        params: SpaceParams,
        body: ClientInput,
        response: { 201: ClientWithSecret },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply
        .code(201)
        .headers(noStore)
        .send(await services.clients.create(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/clients/:client_id',
    {
      schema: {
        tags,
        summary: 'Get a client (never its secret), with its ETag',
        params: ClientParams,
        response: { 200: withETag(Type.Ref('Client')) },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const client = await services.clients.get(space, req.params.client_id);
      return sendTagged(reply, clientETag(client), client);
    },
  );

  app.patch(
    '/spaces/:space/clients/:client_id',
    {
      schema: {
        tags,
        summary: 'Update a client (all but name); active=false deactivates, active=true reactivates',
        description:
          'When client_type changes to confidential, the new client_secret is in this answer only. With If-Match, only if the client is unchanged since.',
        params: ClientParams,
        headers: IfMatchHeaders,
        body: { ...ClientInput, examples: [CLIENT_UPDATE_EXAMPLE] },
        response: { 200: withETag(ClientWithSecret) },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      const client = await services.clients.update(space, req.params.client_id, req.body, actorOf(req), ifMatchOf(req));
      return reply.headers(noStore).send(sendTagged(reply, clientETag(client), client));
    },
  );

  app.delete(
    '/spaces/:space/clients/:client_id',
    {
      schema: {
        tags,
        summary: 'Delete a client with all its secrets, tokens, codes and consents',
        params: ClientParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await services.clients.delete(space, req.params.client_id, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/spaces/:space/clients/:client_id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Issue a new client secret; the previous one stays valid for grace_period seconds',
        params: ClientParams,
        headers: IfMatchHeaders,
        body: RotateSecretInput,
        response: { 200: RotateSecretAnswer },
      },
      preValidation: optionalBody,
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      const answer = await services.clients.rotateSecret(space, req.params.client_id, req.body.grace_period ?? 0, actorOf(req), ifMatchOf(req));
      return reply.headers(noStore).send(answer);
    },
  );

  app.post(
    '/spaces/:space/clients/:client_id/webhook-secret',
    {
      schema: {
        tags,
        summary: 'Generate (or replace) the webhook signing secret, shown only in this answer',
        params: ClientParams,
        headers: IfMatchHeaders,
        response: { 200: WebhookSecretAnswer },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply.headers(noStore).send(await services.clients.createWebhookSecret(space, req.params.client_id, actorOf(req), ifMatchOf(req)));
    },
  );

  app.get(
    '/spaces/:space/clients/:client_id/scopes',
    {
      schema: {
        tags,
        summary: 'Scopes associated with the client',
        params: ClientParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Scope')) }) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return { items: await services.clients.listScopes(space, req.params.client_id) };
    },
  );

  app.post(
    '/spaces/:space/clients/:client_id/scopes',
    {
      schema: {
        tags,
        summary: 'Associate existing scopes and/or create new scopes and associate them, in one call',
        params: ClientParams,
        headers: IfMatchHeaders,
        body: AssociateInput,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Scope')) }) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      const items = await services.clients.associateScopes(
        space,
        req.params.client_id,
        req.body.scopes ?? [],
        req.body.create ?? [],
        actorOf(req),
        ifMatchOf(req),
      );
      return { items };
    },
  );

  app.delete(
    '/spaces/:space/clients/:client_id/scopes/:name',
    {
      schema: {
        tags,
        summary: 'Disassociate a scope from the client (the scope itself stays)',
        params: ClientScopeParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await services.clients.disassociateScope(space, req.params.client_id, req.params.name, actorOf(req), ifMatchOf(req));
      return reply.code(204).send(null);
    },
  );
}
