// Client authentication at the token, introspection, revocation, PAR and device endpoints, as one preHandler hook
// of the OAuth routes: a route opts in with `config.clientAuth`, and its handler finds the parsed form and the
// authenticated client on the request. Exactly one method may be used, and it must be the one the client
// registered (RFC 7591 token_endpoint_auth_method).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import { admitOrigin } from '../cors.js';
import { invalidClient, invalidRequest } from '../errors.js';
import { params, requireForm, spaceOf, type Params } from '../http.js';
import { ASSERTION_TYPE, verifyAssertion } from './private-key-jwt.js';
import { parseBasic, secretMatches } from './secret.js';

/** How a route takes client authentication. One constant object per route: nothing is made per request. */
export interface ClientAuthRoute {
  /** The endpoint's path under the issuer: a client assertion may name it as audience besides the issuer. */
  endpoint: string;
  /** Checks of the parameters that come before authentication (the token endpoint's grant_type). */
  before?: (p: Params) => void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    clientAuth?: ClientAuthRoute;
  }
  interface FastifyRequest {
    /** The form parameters of a route with `clientAuth`, once the hook has read them. */
    oauthParams: Params | null;
    /** The client a route with `clientAuth` serves, once the hook has authenticated it. */
    oauthClient: OAuthClient | null;
  }
}

type Method = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

/**
 * Installs the hook. Callback style and synchronous when the client is cached and authenticates with a secret (or
 * none): the token endpoint is the hot path, and it gets there without a promise of its own.
 */
export function installClientAuth(app: FastifyInstance, oauth: OAuth): void {
  app.decorateRequest('oauthParams', null);
  app.decorateRequest('oauthClient', null);
  app.addHook('preHandler', (req, reply, done) => {
    const route = req.routeOptions.config.clientAuth;
    if (route === undefined) return done();
    requireForm(req);
    const space = spaceOf(req);
    const p = (req.oauthParams = params(req.body));
    route.before?.(p);
    const client = authenticate(oauth, space, req, p, route);
    if (!(client instanceof Promise)) return admit(oauth, req, reply, client, done);
    client.then((c) => admit(oauth, req, reply, c, done), done);
  });
}

/** A route with the client policy of CORS refuses an origin its client may not use, before anything happens. */
function admit(oauth: OAuth, req: FastifyRequest, reply: FastifyReply, client: OAuthClient, done: (err?: Error) => void): void {
  try {
    if (req.routeOptions.config.cors === 'client') admitOrigin(oauth, req, reply, client);
  } catch (err) {
    return done(err as Error);
  }
  req.oauthClient = client;
  done();
}

/** Every check that needs no client first, then the client: at once when cached, else once the store answers. */
function authenticate(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, body: Params, route: ClientAuthRoute): OAuthClient | Promise<OAuthClient> {
  const basic = parseBasic(req.headers.authorization);
  if (basic === 'malformed') throw invalidClient('malformed HTTP Basic credentials');
  const post = body.client_secret !== undefined;
  const jwt = body.client_assertion !== undefined;
  if (Number(!!basic) + Number(post) + Number(jwt) > 1) {
    const used = [basic ? 'client_secret_basic' : '', post ? 'client_secret_post' : '', jwt ? 'private_key_jwt' : ''];
    throw invalidRequest(`use one client authentication method, not ${used.filter(Boolean).join(' and ')}`);
  }
  const method: Method = basic ? 'client_secret_basic' : post ? 'client_secret_post' : jwt ? 'private_key_jwt' : 'none';

  const clientId = basic ? basic.id : body.client_id;
  if (jwt && body.client_assertion_type !== ASSERTION_TYPE) throw invalidRequest(`client_assertion_type must be ${ASSERTION_TYPE}`);
  const assertedId = jwt ? subjectOf(body.client_assertion!) : undefined;
  const id = clientId ?? assertedId;
  if (!id) throw invalidClient('client authentication is required (no client_id)', false);
  // Ids from Basic or an assertion skip the edge's NUL check; PostgreSQL text cannot hold NUL (would be a 500).
  if (id.includes('\u0000') || id.length > 500) throw invalidClient('unknown client', method === 'client_secret_basic');
  if (body.client_id !== undefined && basic && body.client_id !== basic.id) throw invalidRequest('client_id differs from the authenticated client');
  if (assertedId !== undefined && clientId !== undefined && assertedId !== clientId) throw invalidClient('client_assertion is for another client', false);

  const secret = basic ? basic.secret : body.client_secret;
  const hit = oauth.cache.cachedClient(id);
  if (hit) return verify(oauth, space, hit.spaceId === space.row.id ? hit.value : undefined, method, secret, body, route);
  return oauth.cache.client(space.row.id, id).then((client) => verify(oauth, space, client, method, secret, body, route));
}

/** The client's proof by its registered method; a private_key_jwt assertion is checked (and its jti stored) async. */
function verify(
  oauth: OAuth,
  space: OAuthSpace,
  client: OAuthClient | undefined,
  method: Method,
  secret: string | undefined,
  body: Params,
  route: ClientAuthRoute,
): OAuthClient | Promise<OAuthClient> {
  if (!client) throw invalidClient('unknown client', method === 'client_secret_basic');
  if (client.row.tokenEndpointAuthMethod !== method) {
    throw invalidClient(
      `this client must authenticate with ${client.row.tokenEndpointAuthMethod}`,
      client.row.tokenEndpointAuthMethod === 'client_secret_basic',
    );
  }
  if (method === 'private_key_jwt') {
    const endpointUrl = `${space.issuer}/${route.endpoint}`;
    return verifyAssertion(oauth.assertions, space, client, body.client_assertion!, [endpointUrl]).then(() => active(client));
  }
  if (secret !== undefined && !secretMatches(client, secret)) throw invalidClient('client authentication failed', method === 'client_secret_basic');
  return active(client);
}

function active(client: OAuthClient): OAuthClient {
  if (!client.row.active) throw invalidClient('this client is deactivated', false);
  return client;
}

function subjectOf(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
