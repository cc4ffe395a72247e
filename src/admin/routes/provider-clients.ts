// Provider clients of the connection vault: the OAuth clients a space holds at other services (seed 001's "OAuth
// 2.0 client"). The client secret and private key go in and never come out; answers carry the redirect URI to
// register at the provider.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { pageOf, SpaceParams } from '../schemas.js';
import { ProviderClientInput, ProviderClientListQuery, ProviderClientParams } from '../vault-schemas.js';
import { pageRequest, spaceFor, type Typed } from './common.js';
import { vaultId } from './vault-ids.js';

const tags = ['vault'];

export function providerClientRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/provider-clients',
    {
      schema: {
        tags,
        summary: 'List the provider clients of the space (never their secrets)',
        params: SpaceParams,
        querystring: ProviderClientListQuery,
        response: { 200: pageOf(Type.Ref('ProviderClient')) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.vault.providerClients.list(space, { ...pageRequest(req.query), provider: req.query.provider });
    },
  );

  app.post(
    '/spaces/:space/provider-clients',
    {
      schema: {
        tags,
        summary: "Register a provider client (your app at a provider); the answer's redirect_uri is what to register there",
        params: SpaceParams,
        body: ProviderClientInput,
        response: { 201: Type.Ref('ProviderClient') },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply.code(201).send(await services.vault.providerClients.create(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/provider-clients/:id',
    {
      schema: { tags, summary: 'Get a provider client (never its secret)', params: ProviderClientParams, response: { 200: Type.Ref('ProviderClient') } },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return services.vault.providerClients.get(space, vaultId(req.params.id, 'provider client'));
    },
  );

  app.patch(
    '/spaces/:space/provider-clients/:id',
    {
      schema: {
        tags,
        summary: 'Change a provider client (every field but provider); its connections use the change at once',
        params: ProviderClientParams,
        body: ProviderClientInput,
        response: { 200: Type.Ref('ProviderClient') },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return services.vault.providerClients.update(space, vaultId(req.params.id, 'provider client'), req.body, actorOf(req));
    },
  );

  app.delete(
    '/spaces/:space/provider-clients/:id',
    {
      schema: {
        tags,
        summary: 'Delete a provider client (refused with 409 while connections use it)',
        params: ProviderClientParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await services.vault.providerClients.delete(space, vaultId(req.params.id, 'provider client'), actorOf(req));
      return reply.code(204).send(null);
    },
  );
}
