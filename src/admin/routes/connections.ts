// Connections of the connection vault: settings and renewal state (read), their lifecycle (clients:write), and the
// two actions that hand out something secret, the token and the connect link (space:write, the admin role): a
// viewer may see that a connection works without being able to act as it.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { pageOf, SpaceParams } from '../schemas.js';
import { ConnectionInput, ConnectionListQuery, ConnectionParams, ConnectionToken, ConnectLink, NoInput, TokenQuery } from '../vault-schemas.js';
import { optionalBody, pageRequest, spaceFor, type Typed } from './common.js';
import { vaultId } from './vault-ids.js';

const tags = ['vault'];

export function connectionRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/connections',
    {
      schema: {
        tags,
        summary: 'List the connections of the space, with their status (never a credential)',
        params: SpaceParams,
        querystring: ConnectionListQuery,
        response: { 200: pageOf(Type.Ref('Connection')) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const status = req.query.status?.split(',');
      return services.vault.connections.list(space, { ...pageRequest(req.query), status, provider_client: req.query.provider_client });
    },
  );

  app.post(
    '/spaces/:space/connections',
    {
      schema: {
        tags,
        summary: 'Create a connection; client credentials and API-key exchanges fetch their first token at once',
        params: SpaceParams,
        body: ConnectionInput,
        response: { 201: Type.Ref('Connection') },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply.code(201).send(await services.vault.createConnection(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/connections/:id',
    { schema: { tags, summary: 'Get a connection and its renewal state', params: ConnectionParams, response: { 200: Type.Ref('Connection') } } },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.vault.connections.get(space, vaultId(req.params.id, 'connection'));
    },
  );

  app.patch(
    '/spaces/:space/connections/:id',
    {
      schema: {
        tags,
        summary: 'Change a connection (every field but kind); it applies at once wherever the connection is used',
        params: ConnectionParams,
        body: ConnectionInput,
        response: { 200: Type.Ref('Connection') },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return services.vault.updateConnection(space, vaultId(req.params.id, 'connection'), req.body, actorOf(req));
    },
  );

  app.delete(
    '/spaces/:space/connections/:id',
    { schema: { tags, summary: 'Delete a connection and its stored tokens', params: ConnectionParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await services.vault.connections.delete(space, vaultId(req.params.id, 'connection'), actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/spaces/:space/connections/:id/connect',
    {
      schema: {
        tags,
        summary: "A one-time link that runs the provider's consent for an oauth2_authorization_code connection and stores its tokens",
        params: ConnectionParams,
        body: NoInput,
        response: { 200: ConnectLink },
      },
      preValidation: optionalBody,
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      const link = await services.vault.connectLink(space, vaultId(req.params.id, 'connection'));
      return reply.header('cache-control', 'no-store').send(link);
    },
  );

  app.post(
    '/spaces/:space/connections/:id/refresh',
    {
      schema: {
        tags,
        summary: 'Renew the token now (a failure shows in status and last_error); the connection after the attempt',
        params: ConnectionParams,
        body: NoInput,
        response: { 200: Type.Ref('Connection') },
      },
      preValidation: optionalBody,
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return services.vault.refreshNow(space, vaultId(req.params.id, 'connection'));
    },
  );

  app.get(
    '/spaces/:space/connections/:id/token',
    {
      schema: {
        tags,
        summary: "The connection's current access token (renewed first when close to expiry, or with force_refresh=true)",
        params: ConnectionParams,
        querystring: TokenQuery,
        response: { 200: ConnectionToken },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      const force = req.query.force_refresh === 'true';
      const token = await services.vault.tokens.token(space.id, vaultId(req.params.id, 'connection'), { type: 'admin' }, force);
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
    },
  );
}
