// RP-Initiated Logout 1.0 (end_session_endpoint). With a valid id_token_hint the session ends at once; without
// one the user confirms on a CSRF-protected page, so a foreign page cannot sign anyone out. The browser goes back
// only to a post_logout_redirect_uri registered for the client the hint (or client_id) names.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import type { Params } from '../http.js';
import { browserRequest, errorPage } from '../interaction/flow.js';
import { esc, logoutConfirmPage, page, spaceBrand } from '../interaction/pages.js';
import { bindingOf, csrfMatches, csrfToken, endSession } from '../interaction/session.js';
import { localeOf, t, type Locale } from '../interaction/i18n.js';
import { verifyOwnJwt } from '../tokens/verify.js';

async function logout(oauth: OAuth, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const parsed = browserRequest(req, reply);
  if (!parsed) return reply;
  const { space, p } = parsed;
  const hint = p.id_token_hint ? await verifyOwnJwt(oauth.keys, space, p.id_token_hint, { ignoreExpiry: true }) : undefined;
  if (p.id_token_hint && !hint) return errorPage(reply, space, 'The id_token_hint is not an ID token issued here.');
  const hintClient = typeof hint?.aud === 'string' ? hint.aud : Array.isArray(hint?.aud) ? hint.aud[0] : undefined;
  if (p.client_id && hintClient && p.client_id !== hintClient) return errorPage(reply, space, 'client_id does not match the id_token_hint.');
  const clientId = hintClient ?? p.client_id;
  let client: OAuthClient | undefined;
  if (clientId) client = await oauth.cache.client(space.row.id, clientId);
  if (p.post_logout_redirect_uri !== undefined && (!client || !client.row.active || !client.row.postLogoutRedirectUris.includes(p.post_logout_redirect_uri))) {
    return errorPage(reply, space, 'The post_logout_redirect_uri is not registered for this application.');
  }

  const confirmed = req.method === 'POST' && csrfMatches(req, 'logout', p.csrf);
  // RP-Initiated Logout's ui_locales, as the authorization request's.
  const locale = localeOf(req, reply, p.ui_locales);
  if (!hint && !confirmed) {
    if (req.method === 'POST' && p.csrf !== undefined)
      return page(reply, 403, t(locale, 'notAcceptedTitle'), `<p>${esc(t(locale, 'formNotVerified'))}</p>`, spaceBrand(space), undefined, locale);
    const keep: Record<string, string> = {};
    for (const k of ['client_id', 'post_logout_redirect_uri', 'state', 'ui_locales']) if (p[k] !== undefined) keep[k] = p[k]!;
    const csrf = csrfToken(bindingOf(oauth, space, req, reply), 'logout');
    // form-action governs the redirect that answers the form too (CSP 3): allow the one checked return address.
    return page(
      reply,
      200,
      t(locale, 'signOutTitle'),
      logoutConfirmPage({ action: `${space.issuer}/logout`, csrf, hidden: keep, locale }),
      spaceBrand(space),
      p.post_logout_redirect_uri,
      locale,
    );
  }
  await endSession(oauth, space, req, reply);
  return signedOut(reply, space, p, locale);
}

function signedOut(reply: FastifyReply, space: OAuthSpace, p: Params, locale: Locale): FastifyReply {
  if (p.post_logout_redirect_uri) {
    const u = new URL(p.post_logout_redirect_uri);
    if (p.state !== undefined) u.searchParams.set('state', p.state);
    return reply.code(303).header('cache-control', 'no-store').redirect(u.toString(), 303);
  }
  return page(reply, 200, t(locale, 'signedOutTitle'), `<p>${esc(t(locale, 'signedOut'))}</p>`, spaceBrand(space), undefined, locale);
}

export function logoutEndpoint(app: FastifyInstance, oauth: OAuth): void {
  app.get('/logout', (req, reply) => logout(oauth, req, reply));
  app.post('/logout', (req, reply) => logout(oauth, req, reply));
}
