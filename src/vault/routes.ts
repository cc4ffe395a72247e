// The connection vault under each issuer (DESIGN.md "Connection vault"): the connect link and the provider's
// callback for people's browsers; the token, the proxy and the creation of application-level connections for
// registered clients, which authenticate with their own Keyward access token carrying the `connections` scope.
// Thin: the vault (services.vault) holds the rules.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { esc, page, type PageBrand } from '../html-page.js';
import { localeOf, type Locale } from '../page-locale.js';
import { ConnectError } from './connect.js';
import { t } from './i18n.js';
import type { Vault } from './index.js';
import { ProxyError } from './proxy.js';
import type { TokenCaller } from './tokens.js';

const STATE_COOKIE = 'kw_connect';
/** The language the connect link was opened in, for the callback's page (the provider's redirect carries none). */
const LANG_COOKIE = 'kw_connect_lang';

/** What the vault's endpoints need from the authorization server they are mounted in (injected by http/app.ts). */
export interface VaultMount {
  /** The calling client from its access token (with the connections scope); throws the OAuth error otherwise. */
  caller(req: FastifyRequest): Promise<{ clientPk: string; clientId: string }>;
  space(req: FastifyRequest): { id: string; slug: string; displayName: string; brand: PageBrand };
  secureCookies: boolean;
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('pragma', 'no-cache');

async function callerOf(mount: VaultMount, req: FastifyRequest): Promise<TokenCaller & { clientId: string }> {
  const c = await mount.caller(req);
  return { type: 'client', clientPk: c.clientPk, clientId: c.clientId };
}

/** The page after a connect step, under the space's brand and in the person's language (no switch: a callback cannot be replayed). */
function connectPage(reply: FastifyReply, status: number, locale: Locale, title: string, message: string, brand: PageBrand): FastifyReply {
  return page(reply, status, title, `<p role="${status < 400 ? 'status' : 'alert'}">${esc(message)}</p>`, brand, undefined, locale);
}

const notMade = (reply: FastifyReply, err: ConnectError, locale: Locale, brand: PageBrand) =>
  connectPage(reply, err.status, locale, t(locale, 'notMadeTitle'), t(locale, err.key, err.vars), brand);

function browserRoutes(app: FastifyInstance, vault: Vault, mount: VaultMount): void {
  // ui_locales (as on an authorization request) or lang: the language of the pages the person sees after the consent.
  app.get('/connections/connect/:link', async (req, reply) => {
    const space = mount.space(req);
    const { link } = req.params as { link: string };
    const uiLocales = (req.query as { ui_locales?: unknown }).ui_locales;
    const locale = localeOf(req, reply, typeof uiLocales === 'string' ? uiLocales : undefined);
    try {
      const opened = await vault.connect.open({ id: space.id, slug: space.slug }, link);
      const cookie = {
        path: `/spaces/${space.slug}/connections/callback`,
        httpOnly: true,
        sameSite: 'lax' as const,
        secure: mount.secureCookies,
        maxAge: 3600,
      };
      reply.setCookie(STATE_COOKIE, opened.state, cookie);
      reply.setCookie(LANG_COOKIE, locale, cookie);
      return noStore(reply).redirect(opened.redirectTo, 302);
    } catch (err) {
      if (err instanceof ConnectError) return notMade(reply, err, locale, space.brand);
      throw err;
    }
  });

  app.get('/connections/callback', async (req, reply) => {
    const space = mount.space(req);
    const query = req.query as Record<string, string | undefined>;
    const path = `/spaces/${space.slug}/connections/callback`;
    const locale = localeOf(req, reply, req.cookies[LANG_COOKIE]);
    reply.clearCookie(STATE_COOKIE, { path });
    reply.clearCookie(LANG_COOKIE, { path });
    try {
      const row = await vault.connect.complete({ id: space.id, slug: space.slug }, query, req.cookies[STATE_COOKIE]);
      return connectPage(reply, 200, locale, t(locale, 'madeTitle'), t(locale, 'made', { name: row.name }), space.brand);
    } catch (err) {
      if (err instanceof ConnectError) return notMade(reply, err, locale, space.brand);
      throw err;
    }
  });
}

function applicationRoutes(app: FastifyInstance, vault: Vault, mount: VaultMount): void {
  app.get('/connections/:id/token', async (req, reply) => {
    noStore(reply);
    const caller = await callerOf(mount, req);
    const { id } = req.params as { id: string };
    const force = (req.query as { force_refresh?: string }).force_refresh === 'true';
    return reply.send(await vault.tokens.token(mount.space(req).id, id, caller, force));
  });

  // An application creates a connection for one of its own end users: bound to it, with a connect link to hand on.
  app.post('/connections', async (req, reply) => {
    noStore(reply);
    const caller = await callerOf(mount, req);
    const space = mount.space(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid_request', 'send a JSON object');
    const allowed = ['name', 'provider_client', 'kind', 'description', 'config', 'environment'];
    for (const key of Object.keys(body))
      if (!allowed.includes(key)) throw new AppError('invalid_request', `${key} is not a field an application may set (${allowed.join(', ')})`);
    const ref = { id: space.id, slug: space.slug };
    const view = await vault.createConnection(
      ref,
      { ...(body as Record<string, never>), availability: 'application', client_id: caller.clientId },
      { type: 'client', id: caller.clientId },
    );
    const link = view.kind === 'oauth2_authorization_code' ? await vault.connectLink(ref, view.id) : null;
    return reply.code(201).send({ ...view, connect_url: link?.connect_url ?? null });
  });
}

function proxyRoutes(app: FastifyInstance, vault: Vault, mount: VaultMount): void {
  // Bodies pass through as bytes whatever their type (JSON, forms, files), up to 10 MB.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.all('/connections/:id/proxy/*', async (req, reply) => {
    const caller = await callerOf(mount, req);
    const { id, '*': path } = req.params as { id: string; '*': string };
    const q = req.url.indexOf('?');
    const rawPath = req.url
      .slice(0, q === -1 ? undefined : q)
      .split('/proxy/')
      .slice(1)
      .join('/proxy/');
    try {
      const answer = await vault.proxy.forward(mount.space(req).id, id, caller, {
        method: req.method,
        path: rawPath || path,
        query: q === -1 ? '' : req.url.slice(q + 1),
        headers: req.headers,
        body: Buffer.isBuffer(req.body) ? req.body : undefined,
      });
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    } catch (err) {
      if (err instanceof ProxyError) return reply.code(502).send({ error: 'bad_gateway', error_description: err.message });
      throw err;
    }
  });
}

/** Mounts the vault's endpoints in a space's plugin (its space resolution and error handling apply). */
export async function vaultEndpoints(app: FastifyInstance, vault: Vault, mount: VaultMount): Promise<void> {
  await app.register(async (browser) => {
    await browser.register(cookie);
    browserRoutes(browser, vault, mount);
  });
  applicationRoutes(app, vault, mount);
  await app.register(async (proxy) => proxyRoutes(proxy, vault, mount));
}
