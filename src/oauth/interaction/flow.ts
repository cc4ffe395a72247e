// What a valid authorization request still needs: a login (none yet, prompt=login, max_age passed), a consent
// (none remembered covering the scopes, or prompt=consent), or nothing — then the response is issued.
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../crypto/secrets.js';
import { consents } from '../../store/schema.js';
import type { AuthzRequest } from '../authz-request.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import { OAuthError } from '../errors.js';
import { params, requireForm, type Params } from '../http.js';
import { esc, page } from './pages.js';
import { deliverError, respondSuccess, type Target } from './respond.js';
import { bindingOf, currentSession, type BrowserSession } from './session.js';
import { consumeRequest, createInteraction, type Interaction } from './store.js';

export const targetOf = (r: AuthzRequest): Target => ({ redirectUri: r.redirectUri, mode: r.responseMode, state: r.state });

/** True when the user signed in during this interaction (acr "1"), not before it. */
const signedInDuring = (s: BrowserSession, interaction?: Interaction) => !!interaction && s.authTime.getTime() >= interaction.createdAt.getTime();

/** The acr of a response: "1" with a password entered for this request, "0" for a reused session. */
export const acrOf = (s: BrowserSession, interaction?: Interaction): string => (signedInDuring(s, interaction) ? '1' : '0');

/**
 * Login is needed without a session, for prompt=login, after max_age, or when acr_values asks for "1" only (a
 * password entered now) — unless the login happened in this interaction.
 */
export function needsLogin(r: AuthzRequest, s: BrowserSession | null, interaction?: Interaction): boolean {
  if (!s) return true;
  if (signedInDuring(s, interaction)) return false;
  if (r.maxAge !== undefined && Date.now() - s.authTime.getTime() > r.maxAge * 1000) return true;
  if (r.acrValues.length && !r.acrValues.includes('0')) return true;
  return r.prompt.includes('login');
}

export async function hasConsent(oauth: OAuth, r: AuthzRequest, s: BrowserSession): Promise<boolean> {
  if (r.prompt.includes('consent')) return false;
  const [row] = await oauth.db
    .select({ scope: consents.scope })
    .from(consents)
    .where(and(eq(consents.userId, s.user.id), eq(consents.clientPk, r.client.row.id)));
  return !!row && r.scope.every((n) => row.scope.includes(n));
}

/** Remembers the user's consent: the union of every scope they allowed this client. */
export async function storeConsent(oauth: OAuth, space: OAuthSpace, r: AuthzRequest, s: BrowserSession): Promise<void> {
  await oauth.db
    .insert(consents)
    .values({ spaceId: space.row.id, userId: s.user.id, clientPk: r.client.row.id, scope: r.scope })
    .onConflictDoUpdate({
      target: [consents.userId, consents.clientPk],
      set: { scope: sql`ARRAY(SELECT DISTINCT unnest(${consents.scope} || excluded.scope) ORDER BY 1)`, updatedAt: new Date() },
    });
}

export const interactionUrl = (space: OAuthSpace, id: string) => `${space.issuer}/interaction/${id}`;

/** At the authorization endpoint: answer at once, or hand over to the login/consent pages. */
export async function startAuthorization(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply, r: AuthzRequest): Promise<FastifyReply> {
  const session = await currentSession(oauth, space, req);
  const login = needsLogin(r, session);
  const consent = !login && !(await hasConsent(oauth, r, session!));
  if (!login && !consent) return respondSuccess(oauth, space, reply, r, session!, acrOf(session!));
  if (r.prompt.includes('none')) {
    const err = login
      ? new OAuthError('login_required', 'the user is not signed in')
      : new OAuthError('consent_required', 'the user has not consented to this request');
    return deliverError(reply, space, targetOf(r), err);
  }
  const id = await createInteraction(oauth, space, r.client, r.params, sha256(bindingOf(oauth, space, req, reply)));
  return reply.code(303).header('cache-control', 'no-store').redirect(interactionUrl(space, id), 303);
}

/** Ends an interaction with the response; a second browser tab racing for it gets an error page. */
export async function finish(
  oauth: OAuth,
  space: OAuthSpace,
  reply: FastifyReply,
  it: Interaction,
  r: AuthzRequest,
  s: BrowserSession,
  err?: OAuthError,
): Promise<FastifyReply> {
  if (!(await consumeRequest(oauth, it.id, 'interaction'))) return expiredPage(reply, space);
  return err ? deliverError(reply, space, targetOf(r), err) : respondSuccess(oauth, space, reply, r, s, acrOf(s, it));
}

export const expiredPage = (reply: FastifyReply, space: OAuthSpace) =>
  page(
    reply,
    400,
    'Sign-in request not valid',
    '<p>This sign-in request has expired or was already completed. Go back to the application and start again.</p>',
    space.row.displayName,
  );

export const errorPage = (reply: FastifyReply, space: OAuthSpace | null, description: string, status = 400) =>
  page(reply, status, 'Request not valid', `<p>${esc(description)}</p><p>Go back to the application and try again.</p>`, space?.row.displayName);

/**
 * The space and parameters of a browser-facing endpoint (GET query or POST form); when they are unusable an
 * error page has been sent and the answer is undefined. Such endpoints never answer with JSON.
 */
export function browserRequest(req: FastifyRequest, reply: FastifyReply): { space: OAuthSpace; p: Params } | undefined {
  const space = req.oauthSpace;
  if (!space) return void errorPage(reply, null, 'This space does not exist.', 404);
  try {
    if (req.method === 'POST') requireForm(req);
    return { space, p: params(req.method === 'POST' ? req.body : req.query) };
  } catch (err) {
    if (err instanceof OAuthError) return void errorPage(reply, space, err.description);
    throw err;
  }
}
