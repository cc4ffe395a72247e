// The console's session (admin/console-session.ts): sign in with e-mail and password for an http-only cookie, read
// the session (who, which roles, the CSRF token), sign out. The cookie is scoped to the admin API's path and is
// SameSite=Strict; the token behind it is an ordinary admin API token named "console" that expires in 12 hours.
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { AdminSignIn } from '../sign-in.js';
import { principalOf } from '../auth.js';
import { CONSOLE_COOKIE, CONSOLE_SESSION_SECONDS, CONSOLE_TOKEN_NAME, sessionView } from '../console-session.js';
import { AppError } from '../../errors.js';
import type { Typed } from './common.js';

export const CONSOLE_SESSION_PATH = '/console/session';

const Credentials = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
const RoleName = Type.Union([Type.Literal('viewer'), Type.Literal('client-manager'), Type.Literal('admin'), Type.Literal('owner')]);
const ConsoleSession = Type.Object({
  admin_id: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.Object({ space: Type.String({ description: 'a space slug, or * for every space' }), role: RoleName })),
  role_order: Type.Array(RoleName, { description: 'roles from weakest to strongest' }),
  permissions: Type.Record(Type.String(), RoleName, { description: 'each permission and the weakest role that has it' }),
  csrf_token: Type.String({ description: 'send it as the x-csrf-token header on every request that changes something' }),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export function consoleSessionRoutes(app: Typed, services: Services, secureCookies: boolean, prefix: string): void {
  const signIn = new AdminSignIn(services.admins, services.limiter);
  const cookie = { path: prefix, httpOnly: true, sameSite: 'strict' as const, secure: secureCookies };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post(
    CONSOLE_SESSION_PATH,
    {
      schema: {
        tags: ['admins'],
        summary: "Sign in to the console: sets the session's http-only cookie and answers the CSRF token",
        security: [],
        body: Credentials,
        response: { 201: ConsoleSession },
      },
    },
    async (req, reply) => {
      const made = await signIn.signIn({ ...req.body, token_name: CONSOLE_TOKEN_NAME, expires_in: CONSOLE_SESSION_SECONDS }, req.ip);
      const principal = await services.admins.authenticate(made.token);
      if (!principal) throw new AppError('unauthorized', 'wrong e-mail or password');
      reply.setCookie(CONSOLE_COOKIE, made.token, { ...cookie, maxAge: CONSOLE_SESSION_SECONDS });
      return noStore(reply)
        .code(201)
        .send(sessionView(principal, made.token, made.expires_at));
    },
  );

  app.get(
    CONSOLE_SESSION_PATH,
    {
      schema: {
        tags: ['admins'],
        summary: "The console session: who is signed in, their roles and the session's CSRF token",
        response: { 200: ConsoleSession },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!req.consoleSession) throw new AppError('unauthorized', 'no console session: this route is for the console cookie, not a bearer token');
      return noStore(reply).send(sessionView(principal, req.consoleSession, principal.tokenExpiresAt?.toISOString() ?? null));
    },
  );

  app.delete(
    CONSOLE_SESSION_PATH,
    { schema: { tags: ['admins'], summary: 'Sign out of the console: ends the session and clears its cookie', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const principal = principalOf(req);
      if (req.consoleSession && principal.tokenId) {
        await services.admins.revokeToken(principal.adminId, principal.tokenId, { type: 'admin', id: principal.adminId, email: principal.email });
      }
      reply.clearCookie(CONSOLE_COOKIE, cookie);
      return reply.code(204).send(null);
    },
  );
}
