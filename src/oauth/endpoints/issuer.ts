// The issuer URL itself ({PUBLIC_URL}/spaces/{space}): a person who opens it in a browser gets a page with the
// links that matter; an API client gets the same as JSON. Neither is a protocol endpoint: discovery is.
import type { FastifyInstance } from 'fastify';
import { spaceOf } from '../http.js';
import { linksPage, wantsHtml } from '../interaction/pages.js';

export function issuerHome(app: FastifyInstance): void {
  app.get('', async (req, reply) => {
    const space = spaceOf(req);
    const links = {
      issuer: space.issuer,
      openid_configuration: `${space.issuer}/.well-known/openid-configuration`,
      oauth_authorization_server: `${space.issuer}/.well-known/oauth-authorization-server`,
      jwks_uri: `${space.issuer}/jwks`,
    };
    if (!wantsHtml(req.headers.accept)) return links;
    return linksPage(
      reply,
      'OpenID Connect issuer',
      `This is the issuer ${space.issuer}. Applications find every endpoint through its discovery document.`,
      [
        ['OpenID Connect discovery', links.openid_configuration],
        ['OAuth 2.0 authorization server metadata (RFC 8414)', links.oauth_authorization_server],
        ['Public signing keys (JWKS)', links.jwks_uri],
      ],
      space.row.displayName,
    );
  });
}
