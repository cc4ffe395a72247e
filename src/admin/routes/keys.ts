// Signing keys of a space: list (public facts only, never private material) and rotate.
import { Type } from 'typebox';
import { SIGNING_ALGS } from '../../registry/capabilities.js';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { SpaceParams } from '../schemas.js';
import { optionalBody, spaceFor, type Typed } from './common.js';

const tags = ['keys'];
const KeyView = Type.Object({
  kid: Type.String(),
  alg: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('retired')]),
  created_at: Type.String(),
  active_at: Type.String(),
  retired_at: Type.Union([Type.String(), Type.Null()]),
  expires_at: Type.Union([Type.String(), Type.Null()]),
});
const RotateInput = Type.Object(
  {
    alg: Type.Optional(
      Type.Union(
        SIGNING_ALGS.map((a) => Type.Literal(a)),
        { description: "make this the space's signing_alg (access tokens); every algorithm the space signs with gets a new key" },
      ),
    ),
    publish_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 604800 })),
  },
  { additionalProperties: false },
);

export function keyRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/keys',
    {
      schema: {
        tags,
        summary: 'List the signing keys of the space (pending, active, retired until expired)',
        params: SpaceParams,
        response: { 200: Type.Object({ items: Type.Array(KeyView) }) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      return { items: await services.keys.list(space.id) };
    },
  );

  app.post(
    '/spaces/:space/keys/rotate',
    {
      schema: {
        tags,
        summary: "Add a signing key that signs after publish_seconds (default: the space's key_publish_seconds); current keys retire then",
        params: SpaceParams,
        body: RotateInput,
        response: { 201: KeyView },
      },
      preValidation: optionalBody,
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      const key = await services.keys.rotate(space, { alg: req.body.alg, publishSeconds: req.body.publish_seconds }, actorOf(req));
      return reply.code(201).send(key);
    },
  );
}
