// What a valid authorization request still needs: a login (none yet, prompt=login, max_age passed), a consent
// (none remembered covering the scopes, or prompt=consent), or nothing — then the response is issued.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../crypto/secrets.js';
import type { AuthzRequest } from '../authz-request.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import { OAuthError } from '../errors.js';
import { params, requireForm, type Params } from '../http.js';
import { esc, page, spaceBrand } from './pages.js';
import { localeOf, t } from './i18n.js';
import { deliverError, newCode, respondSuccess, type Target } from './respond.js';
import { bindingOf, currentSession, type BrowserSession } from './session.js';
import { completeInteraction, createInteraction, type Interaction } from './store.js';

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

/** True when the user consented to every scope of the request before (`s` looked up with the request's client). */
export function hasConsent(r: AuthzRequest, s: BrowserSession): boolean {
  if (r.prompt.includes('consent')) return false;
  const allowed = s.consented;
  return !!allowed && r.scope.every((n) => allowed.includes(n));
}

export const interactionUrl = (space: OAuthSpace, id: string) => `${space.issuer}/interaction/${id}`;

/** At the authorization endpoint: answer at once, or hand over to the login/consent pages. */
export async function startAuthorization(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply, r: AuthzRequest): Promise<FastifyReply> {
  const session = await currentSession(oauth, space, req, r.client);
  const login = needsLogin(r, session);
  const consent = !login && !hasConsent(r, session!);
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

/**
 * Ends an interaction with the response (remembering the consent given on its page, when `consented`); a second
 * browser tab racing for it gets an error page.
 */
export async function finish(
  oauth: OAuth,
  space: OAuthSpace,
  reply: FastifyReply,
  it: Interaction,
  r: AuthzRequest,
  s: BrowserSession,
  end: { consented?: boolean; err?: OAuthError } = {},
): Promise<FastifyReply> {
  const acr = acrOf(s, it);
  // The code and the consent are stored with the interaction's end, in one statement.
  const code = !end.err && r.responseType === 'code' ? newCode(space, r, s, acr) : undefined;
  const consent = end.consented ? { spaceId: space.row.id, userId: s.user.id, clientPk: r.client.row.id, scope: r.scope } : undefined;
  if (!(await completeInteraction(oauth, it.id, { consent, code: code?.row }))) return expiredPage(reply, space);
  return end.err ? deliverError(reply, space, targetOf(r), end.err) : respondSuccess(oauth, space, reply, r, s, acr, code?.value);
}

export function expiredPage(reply: FastifyReply, space: OAuthSpace) {
  const l = localeOf(reply.request, reply);
  return page(reply, 400, t(l, 'expiredTitle'), `<p>${esc(t(l, 'expired'))}</p>`, spaceBrand(space), undefined, l);
}

/** `description`: what is wrong, as the protocol says it (OAuthError's text, English); the rest of the page is in the person's language. */
export function errorPage(reply: FastifyReply, space: OAuthSpace | null, description: string, status = 400) {
  const l = localeOf(reply.request, reply);
  return page(
    reply,
    status,
    t(l, 'invalidTitle'),
    `<p lang="en">${esc(description)}</p><p>${esc(t(l, 'goBack'))}</p>`,
    space ? spaceBrand(space) : undefined,
    undefined,
    l,
  );
}

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
