// The login and consent pages of a pending authorization request (/interaction/:id). Each page and post works
// only in the browser that started the request (binding cookie); posts also need the form's CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMode, NoRedirect, trustedTarget, validateAuthz, type AuthzRequest } from '../authz-request.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import { OAuthError } from '../errors.js';
import { params, spaceOf } from '../http.js';
import { retryText } from '../login-guard.js';
import { countLogin } from '../../events/metrics.js';
import { consentLines } from './consent-text.js';
import { consentPage, loginPage, page, spaceBrand } from './pages.js';
import { localeOf, t, type Locale } from './i18n.js';
import { errorPage, expiredPage, finish, hasConsent, interactionUrl, needsLogin } from './flow.js';
import { deliverError } from './respond.js';
import { bindingCookie, browserMatches, csrfToken, currentSession, startSession, type BrowserSession } from './session.js';
import { completeInteraction, loadInteraction, type Interaction } from './store.js';

/**
 * The interaction, re-validated (the client may have changed meanwhile); undefined when the page that says why not
 * has been sent. (Not the reply itself: a FastifyReply is a thenable, and an async function returning it resolves to
 * what its then() gives, undefined.)
 */
async function load(
  oauth: OAuth,
  space: OAuthSpace,
  req: FastifyRequest,
  reply: FastifyReply,
  csrfPurpose?: string,
  token?: string,
): Promise<{ it: Interaction; r: AuthzRequest } | undefined> {
  const it = await loadInteraction(oauth, space, (req.params as { id: string }).id);
  if (!it) return void expiredPage(reply, space);
  if (!browserMatches(req, it.bindingHash, csrfPurpose ? { purpose: `${csrfPurpose}:${it.id}`, token } : undefined)) {
    const locale = localeOf(req, reply, it.params.ui_locales);
    return void page(reply, 403, t(locale, 'notAcceptedTitle'), `<p>${t(locale, 'notAccepted')}</p>`, spaceBrand(space), undefined, locale);
  }
  let target;
  try {
    target = await trustedTarget(oauth, space, it.params);
  } catch (err) {
    if (!(err instanceof NoRedirect)) throw err;
    await completeInteraction(oauth, it.id);
    return void errorPage(reply, space, err.description);
  }
  try {
    return { it, r: validateAuthz(space, target, it.params) };
  } catch (err) {
    if (!(err instanceof OAuthError)) throw err;
    await completeInteraction(oauth, it.id);
    return void deliverError(reply, space, { redirectUri: target.redirectUri, mode: errorMode(it.params), state: it.params.state }, err);
  }
}

function showLogin(
  reply: FastifyReply,
  space: OAuthSpace,
  req: FastifyRequest,
  it: Interaction,
  r: AuthzRequest,
  status = 200,
  error?: (locale: Locale) => string,
  username?: string,
) {
  const csrf = csrfToken(bindingCookie(req)!, `login:${it.id}`);
  const locale = localeOf(req, reply, it.params.ui_locales);
  return page(
    reply,
    status,
    t(locale, 'signInTitle'),
    loginPage({
      action: `${interactionUrl(space, it.id)}/login`,
      csrf,
      clientName: r.client.row.clientName,
      username: username ?? it.params.login_hint,
      error: error?.(locale),
      locale,
      here: interactionUrl(space, it.id),
    }),
    spaceBrand(space),
    r.redirectUri,
    locale,
  );
}

function showConsent(reply: FastifyReply, space: OAuthSpace, req: FastifyRequest, it: Interaction, r: AuthzRequest, s: BrowserSession) {
  const csrf = csrfToken(bindingCookie(req)!, `consent:${it.id}`);
  const locale = localeOf(req, reply, it.params.ui_locales);
  const lines = consentLines(r.scope, r.client.scopes, locale);
  return page(
    reply,
    200,
    t(locale, 'consentTitle', { client: r.client.row.clientName }),
    consentPage({
      action: `${interactionUrl(space, it.id)}/consent`,
      csrf,
      clientName: r.client.row.clientName,
      logoUri: r.client.row.logoUri,
      username: s.user.username,
      lines,
      locale,
      here: interactionUrl(space, it.id),
    }),
    spaceBrand(space),
    r.redirectUri,
    locale,
  );
}

/** Shows the next step the request needs, or finishes it. */
async function next(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply, it: Interaction, r: AuthzRequest) {
  const s = await currentSession(oauth, space, req, r.client);
  if (needsLogin(r, s, it)) return showLogin(reply, space, req, it, r);
  if (!hasConsent(r, s!)) return showConsent(reply, space, req, it, r, s!);
  return finish(oauth, space, reply, it, r, s!);
}

export function interactionRoutes(app: FastifyInstance, oauth: OAuth): void {
  app.get('/interaction/:id', async (req, reply) => {
    const space = spaceOf(req);
    const l = await load(oauth, space, req, reply);
    if (!l) return reply;
    return next(oauth, space, req, reply, l.it, l.r);
  });

  app.post('/interaction/:id/login', async (req, reply) => {
    const space = spaceOf(req);
    const body = params(req.body);
    const l = await load(oauth, space, req, reply, 'login', body.csrf);
    if (!l) return reply;
    const login = await oauth.logins.verify(space, body.username ?? '', (body.password ?? '').slice(0, 1024), 'personal', req.ip);
    countLogin('login_page', login.status);
    if (login.status === 'locked') {
      reply.header('retry-after', String(login.retryAfter));
      return showLogin(reply, space, req, l.it, l.r, 429, (locale) => retryText(login.retryAfter, locale), body.username);
    }
    // A service user's right password is refused like a wrong one: this page is for personal users only.
    if (login.status !== 'ok') return showLogin(reply, space, req, l.it, l.r, 401, (locale) => t(locale, 'wrongPassword'), body.username);
    await startSession(oauth, space, req, reply, login.user);
    return reply.code(303).header('cache-control', 'no-store').redirect(interactionUrl(space, l.it.id), 303);
  });

  app.post('/interaction/:id/consent', async (req, reply) => {
    const space = spaceOf(req);
    const body = params(req.body);
    const l = await load(oauth, space, req, reply, 'consent', body.csrf);
    if (!l) return reply;
    const s = await currentSession(oauth, space, req);
    if (!s || needsLogin(l.r, s, l.it)) return reply.code(303).redirect(interactionUrl(space, l.it.id), 303);
    if (body.decision === 'allow') return finish(oauth, space, reply, l.it, l.r, s, { consented: true });
    if (body.decision === 'deny') return finish(oauth, space, reply, l.it, l.r, s, { err: new OAuthError('access_denied', 'the user denied the request') });
    return showConsent(reply, space, req, l.it, l.r, s);
  });
}
