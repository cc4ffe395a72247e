// The authorization endpoint (RFC 6749 §3.1); its login and consent pages are interaction/routes.ts.
// An untrusted client or redirect URI gets an error page, never a redirect (RFC 6749 §4.1.2.1, RFC 9700 §4.1).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuthSpace } from '../cache.js';
import { errorMode, NoRedirect, trustedTarget, validateAuthz } from '../authz-request.js';
import type { OAuth } from '../context.js';
import { OAuthError } from '../errors.js';
import type { Params } from '../http.js';
import { browserRequest, errorPage, startAuthorization } from '../interaction/flow.js';
import { deliverError } from '../interaction/respond.js';
import { takePushed } from '../interaction/store.js';

async function authorize(oauth: OAuth, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const parsed = browserRequest(req, reply);
  if (!parsed) return reply;
  const { space } = parsed;
  let p = parsed.p;
  let target;
  const viaPar = p.request_uri !== undefined;
  try {
    if (viaPar) p = await pushed(oauth, space, p);
    target = await trustedTarget(oauth, space, p);
  } catch (err) {
    if (err instanceof NoRedirect) return errorPage(reply, space, err.description);
    throw err;
  }
  // RFC 9126 §5: with PAR required, a request sent in the URL is refused (its redirect URI is registered: trusted).
  if (space.settings.require_par && !viaPar) {
    return deliverError(
      reply,
      space,
      { redirectUri: target.redirectUri, mode: errorMode(p), state: p.state },
      new OAuthError('invalid_request', 'this server requires pushed authorization requests (RFC 9126): send the parameters to the PAR endpoint first'),
    );
  }
  try {
    return await startAuthorization(oauth, space, req, reply, validateAuthz(space, target, p));
  } catch (err) {
    if (err instanceof OAuthError) return deliverError(reply, space, { redirectUri: target.redirectUri, mode: errorMode(p), state: p.state }, err);
    throw err;
  }
}

/** RFC 9126 §4: the pushed parameters replace the request's; client_id must name the client that pushed them. */
async function pushed(oauth: OAuth, space: OAuthSpace, p: Params): Promise<Params> {
  const client = p.client_id ? await oauth.cache.client(space.row.id, p.client_id) : undefined;
  if (!client || !client.row.active) throw new NoRedirect('The application is not known here.');
  const stored = await takePushed(oauth, space, client, p.request_uri!);
  if (!stored) throw new NoRedirect('The request_uri is unknown, expired, already used, or belongs to another application.');
  return stored;
}

export function authorizationEndpoint(app: FastifyInstance, oauth: OAuth): void {
  app.get('/authorize', (req, reply) => authorize(oauth, req, reply));
  app.post('/authorize', (req, reply) => authorize(oauth, req, reply));
}
