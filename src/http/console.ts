// The admin console (web/, issue 12): static files built by `npm run build` into dist/console. Hashed assets are
// cached for good; the page itself never is (it names the current assets and carries a nonce). Every other path below /console/ answers
// the page too, so the single-page app's own routes survive a reload or a shared link.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** dist/console at the project's root (this file runs as src/http/console.ts in tests, dist/http/console.js built). */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));
export const CONSOLE_PATH = '/console/';

// The console loads only its own files and talks only to its own origin. React Aria positions popovers with style
// properties set from script, which style-src does not govern; the two <style> elements it adds (touch-action while
// pressing, scroll locking under a dialog) carry the answer's nonce, which it reads from <meta name="csp-nonce">.
const consoleCsp = (nonce: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
const NONCE_SLOT = '{{csp-nonce}}';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyward console</title></head><body><main><h1>The console is not built</h1><p>Run <code>npm run build</code> (which <code>npm start</code> runs when sources change), then reload this page.</p></main></body></html>`;

export async function consoleRoutes(app: FastifyInstance, dir = CONSOLE_DIR): Promise<void> {
  const indexFile = `${dir}index.html`;
  // Read once: the built page is a few hundred bytes and changes only with a new build (and a restart).
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  const sendPage = (reply: FastifyReply) => {
    const nonce = randomBytes(16).toString('base64');
    // no-store: the page carries this answer's nonce, which must not be served again from a cache.
    reply.header('content-security-policy', consoleCsp(nonce)).header('cache-control', 'no-store');
    if (!index) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').send(index.replace(NONCE_SLOT, nonce));
  };
  app.get('/console', { schema: { hide: true } }, async (_req, reply) => reply.redirect(CONSOLE_PATH, 302));
  app.get(`${CONSOLE_PATH}*`, { schema: { hide: true } }, async (_req, reply) => sendPage(reply));
  if (existsSync(`${dir}assets`)) {
    await app.register(fastifyStatic, {
      root: `${dir}assets`,
      prefix: `${CONSOLE_PATH}assets/`,
      decorateReply: false,
      index: false,
      // File names carry their content's hash: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
    });
  }
}
