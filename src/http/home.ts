// `/`: what a newcomer who opens the server's address sees. A browser gets a page of links (the default issuer,
// the admin API's reference page and its OpenAPI document); an API client gets the same as JSON. Not a 404.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';
import { linksPage, wantsHtml } from '../oauth/interaction/pages.js';

export function homeRoute(app: FastifyInstance, config: Config, adminPrefix: string, openapiPath: string, docsPath: string): void {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const base = config.publicUrl;
    const links = {
      name: 'Keyward',
      console: `${base}/console/`,
      default_issuer: `${base}/spaces/default`,
      admin_api: `${base}${adminPrefix}`,
      openapi: `${base}${adminPrefix}${openapiPath}`,
      api_reference: `${base}${adminPrefix}${docsPath}`,
    };
    if (!wantsHtml(req.headers.accept)) return links;
    return linksPage(reply, 'Keyward', 'A self-hosted OAuth 2.0 and OpenID Connect server. Each space is an issuer of its own.', [
      ["Admin console (sign in with an admin's e-mail and password)", links.console],
      ['The default space (issuer and discovery)', links.default_issuer],
      ['Admin API reference', links.api_reference],
      ['Admin API (OpenAPI document)', links.openapi],
    ]);
  });
}
