// The admin API's reference page (`…/docs`): Swagger UI over the OpenAPI document, from swagger-ui-dist's own
// files (no CDN, no @fastify/swagger-ui). Public like the document. The page runs under a strict
// Content-Security-Policy: scripts and styles only from this server, plus the one inline start script by its hash.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const VERSION = (require('swagger-ui-dist/package.json') as { version: string }).version;

/** The files the page loads; their URLs carry swagger-ui-dist's version, so a year's caching is safe. */
const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// Relative to the page (…/docs): the document next to it, the assets below it. No "Try it out" calls elsewhere
// than this server (connect-src), no validator badge fetched from swagger.io.
const START_SCRIPT =
  "window.addEventListener('load',function(){window.ui=SwaggerUIBundle({url:'./openapi.json',dom_id:'#swagger-ui',deepLinking:true,validatorUrl:null,tryItOutEnabled:false,displayOperationId:true})})";
const START_HASH = `'sha256-${createHash('sha256').update(START_SCRIPT).digest('base64')}'`;

// Swagger UI sets styles through the DOM (allowed) and draws icons from data: URIs in its stylesheet.
const CSP = `default-src 'none'; script-src 'self' ${START_HASH}; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** Where the page is, below the admin API's prefix. */
export const DOCS_PATH = '/docs';

/** Serves the page at `${prefix}/docs` and its assets at `${prefix}/docs/<version>/<file>`. */
export function docsRoutes(app: FastifyInstance, prefix: string, title: string): void {
  const assets = `docs/${VERSION}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><link rel="icon" type="image/png" href="${assets}/favicon-32x32.png"><link rel="stylesheet" href="${assets}/swagger-ui.css">
</head><body><noscript>This page needs JavaScript. The OpenAPI document itself: <a href="openapi.json">openapi.json</a>.</noscript>
<div id="swagger-ui"></div><script src="${assets}/swagger-ui-bundle.js"></script><script>${START_SCRIPT}</script></body></html>`;

  app.get(prefix + DOCS_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', CSP).send(html),
  );
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`${prefix}/${assets}/${file}`, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type(type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(createReadStream(path.join(DIST, file))),
    );
  }
}
