// Initial access tokens for dynamic client registration (RFC 7591 §3) when a space's registration setting is
// "token". The token is shown once, on creation; the store keeps its SHA-256.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { pageOf, PageQuery, SpaceParams } from '../schemas.js';
import { optionalBody, pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['registration'];
const Nullable = <T extends ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

const InitialAccessToken = Type.Object({
  id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  uses_left: Nullable(Type.Integer({ description: 'registrations left; null for unlimited' })),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  active: Type.Boolean({ description: 'usable now: not revoked, expired or used up' }),
});
const CreatedToken = Type.Object({ ...InitialAccessToken.properties, token: Type.String({ description: 'the token, shown only in this answer' }) });
const TokenInput = Type.Object(
  {
    expires_in: Type.Optional(Nullable(Type.Integer({ description: 'seconds until it expires (60 to 31536000); absent or null: no expiry' }))),
    uses: Type.Optional(Nullable(Type.Integer({ description: 'how many registrations it allows; absent or null: unlimited' }))),
  },
  { additionalProperties: false },
);
const TokenParams = Type.Object({ space: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 100 }) });

export function registrationRoutes(app: Typed, services: Services): void {
  const registration = services.initialTokens;

  app.get(
    '/spaces/:space/initial-access-tokens',
    {
      schema: {
        tags,
        summary: 'List initial access tokens (never the tokens themselves)',
        params: SpaceParams,
        querystring: PageQuery,
        response: { 200: pageOf(InitialAccessToken) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return registration.listInitialTokens(space, pageRequest(req.query));
    },
  );

  app.post(
    '/spaces/:space/initial-access-tokens',
    {
      preValidation: optionalBody,
      schema: {
        tags,
        summary: 'Create an initial access token for dynamic client registration (shown once)',
        params: SpaceParams,
        body: TokenInput,
        response: { 201: CreatedToken },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      return reply.code(201).send(await registration.createInitialToken(space, req.body, actorOf(req)));
    },
  );

  app.delete(
    '/spaces/:space/initial-access-tokens/:id',
    {
      schema: { tags, summary: 'Revoke an initial access token', params: TokenParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'clients:write');
      await registration.revokeInitialToken(space, req.params.id, actorOf(req));
      return reply.code(204).send(null);
    },
  );
}
