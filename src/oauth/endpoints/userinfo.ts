// OIDC Core §5.3 UserInfo: the claims of the user an access token (with openid) acts for. Bearer token in the
// Authorization header (RFC 6750 §2.1) or, on POST, in the form body (§2.2).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuth } from '../context.js';
import { admitOrigin, corsPreflight } from '../cors.js';
import { OAuthError } from '../errors.js';
import { bearerToken } from '../../bearer.js';
import { noStore, params, spaceOf } from '../http.js';
import { userClaims } from '../claims.js';

const challenge = (error?: string, description?: string) =>
  `Bearer realm="keyward"${error ? `, error="${error}"` : ''}${description ? `, error_description="${description}"` : ''}`;

const invalidToken = (d: string) => new OAuthError('invalid_token', d, { status: 401, headers: { 'www-authenticate': challenge('invalid_token', d) } });

function bearerOf(req: FastifyRequest): string {
  const header = req.headers.authorization;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = req.method === 'POST' && type === 'application/x-www-form-urlencoded' ? params(req.body).access_token : undefined;
  if (header !== undefined) {
    const token = bearerToken(header);
    if (token === undefined || body !== undefined)
      throw new OAuthError('invalid_request', 'send the access token as Authorization: Bearer <token>', {
        headers: { 'www-authenticate': challenge('invalid_request') },
      });
    return token;
  }
  if (body !== undefined) return body;
  // RFC 6750 §3.1: no credentials at all gets a bare challenge, without an error code.
  throw new OAuthError('invalid_token', 'an access token is required', { status: 401, headers: { 'www-authenticate': challenge() } });
}

export function userinfoEndpoint(app: FastifyInstance, oauth: OAuth): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    noStore(reply);
    const space = spaceOf(req);
    const token = bearerOf(req);
    const info = await oauth.tokens.introspect(space, token);
    if (!info.active || !info.sub) throw invalidToken('the access token is invalid, expired or revoked');
    // The token names the client: a page may read the claims only from an origin that client may use.
    if (req.headers.origin !== undefined) {
      const client = info.client_id ? await oauth.cache.client(space.row.id, info.client_id) : undefined;
      if (!client) throw invalidToken('the client of this access token no longer exists');
      admitOrigin(oauth, req, reply, client);
    }
    const scope = (info.scope ?? '').split(' ');
    if (!scope.includes('openid')) {
      throw new OAuthError('insufficient_scope', 'the access token lacks the openid scope', {
        status: 403,
        headers: { 'www-authenticate': `${challenge('insufficient_scope')}, scope="openid"` },
      });
    }
    // A client_credentials token has the client as subject: there is no user to describe.
    if (info.sub === info.client_id || !/^[0-9a-f-]{36}$/.test(info.sub)) throw invalidToken('the access token does not act for a user');
    const user = await oauth.views.user(info.sub, space.row.id);
    if (!user) throw invalidToken('the user of this access token no longer exists');
    return reply.send({ sub: user.id, ...userClaims(user, scope) });
  };
  corsPreflight(app, '/userinfo', 'client', 'GET, POST');
  app.get('/userinfo', { config: { cors: 'client' } }, handler);
  app.post('/userinfo', { config: { cors: 'client' } }, handler);
}
