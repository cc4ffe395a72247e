// POST /sign-in: e-mail and password for an admin API token that expires (`keyward login`). The one admin route
// without a bearer token; its failures are counted (admin/sign-in.ts).
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { AdminSignIn, SIGN_IN_TOKEN_SECONDS } from '../sign-in.js';
import { SIGNED_IN_EXAMPLE, SIGN_IN_EXAMPLE } from '../examples.js';
import { AdminTokenCreated } from '../schemas.js';
import type { Typed } from './common.js';

export const SIGN_IN_PATH = '/sign-in';

const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    token_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'to tell the token apart in listings (default "sign-in")' })),
    expires_in: Type.Optional(
      Type.Integer({ minimum: 60, maximum: 7_776_000, description: `seconds (default ${SIGN_IN_TOKEN_SECONDS}, 7 days; at most 90 days)` }),
    ),
  },
  { additionalProperties: false, examples: [SIGN_IN_EXAMPLE] },
);
const SignedIn = Type.Object({ ...AdminTokenCreated.properties, admin_id: Type.String(), email: Type.String() }, { examples: [SIGNED_IN_EXAMPLE] });

export function signInRoutes(app: Typed, services: Services): void {
  const signIn = new AdminSignIn(services.admins, services.limiter);
  app.post(
    SIGN_IN_PATH,
    {
      schema: {
        tags: ['admins'],
        summary: 'Sign in with e-mail and password; answers an admin API token that expires (shown only here)',
        security: [],
        body: SignInBody,
        response: { 201: SignedIn },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await signIn.signIn(req.body, req.ip)),
  );
}
