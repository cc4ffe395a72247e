// The device authorization endpoint (RFC 8628 §3.1, §3.2) and the verification page /device (§3.3), where a
// person enters the user code, sees what is asked, signs in and allows or denies. Plain HTML, no JavaScript.
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, sha256 } from '../../crypto/secrets.js';
import { isUniqueViolation } from '../../store/errors.js';
import { countLogin } from '../../events/metrics.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import { corsPreflight } from '../cors.js';
import { unauthorizedClient } from '../errors.js';
import { DEVICE_CODE_GRANT, POLL_INTERVAL } from '../grants/device-code.js';
import { consentLines } from '../interaction/consent-text.js';
import { codeForm, confirmForm, displayCode, errorParagraph } from '../interaction/device-pages.js';
import { localeOf, t, type Locale, type MessageKey } from '../interaction/i18n.js';
import { esc, page, spaceBrand } from '../interaction/pages.js';
import { bindingOf, csrfMatches, csrfToken } from '../interaction/session.js';
import { noStore, params, requireForm, spaceOf, type Params } from '../http.js';
import { retryText } from '../login-guard.js';
import { grantedScopes } from '../scopes.js';

export const DEVICE_CODE_PREFIX = 'kwdc_';
// No vowels (no words) and no look-alikes (0/O, 1/I): 20^8 codes, typed on a phone keyboard without trouble.
const ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const CSRF_PURPOSE = 'device';

const newUserCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** What people type: any case, with or without the dash or spaces. */
const normalize = (input: string) => input.toUpperCase().replace(/[\s-]/g, '');

// The sign-in pages' layout, headers and policy, under the space's name, in the person's language.
const render = (reply: FastifyReply, status: number, space: OAuthSpace, l: Locale, title: MessageKey, body: string): FastifyReply =>
  page(reply, status, t(l, title), body, spaceBrand(space), undefined, l);

export function deviceAuthorizationEndpoint(app: FastifyInstance, oauth: OAuth): void {
  corsPreflight(app, '/device_authorization', 'client', 'POST');
  app.post('/device_authorization', { config: { cors: 'client', clientAuth: { endpoint: 'device_authorization' } } }, async (req, reply) => {
    noStore(reply);
    const space = spaceOf(req);
    const p = req.oauthParams!;
    const client = req.oauthClient!;
    if (!client.row.grantTypes.includes(DEVICE_CODE_GRANT)) throw unauthorizedClient('this client may not use the device authorization grant');
    const scope = grantedScopes(client, p.scope, { allowProtocol: true });
    const deviceCode = DEVICE_CODE_PREFIX + randomToken(32);
    const ttl = space.settings.device_code_ttl;
    for (let attempt = 0; ; attempt++) {
      const userCode = newUserCode();
      try {
        await oauth.deviceCodes.insert({
          deviceCodeHash: sha256(deviceCode),
          userCode: sha256(userCode),
          spaceId: space.row.id,
          clientPk: client.row.id,
          scope,
          expiresAt: new Date(Date.now() + ttl * 1000),
        });
      } catch (err) {
        if (isUniqueViolation(err) && attempt < 5) continue;
        throw err;
      }
      const uri = `${space.issuer}/device`;
      return reply.send({
        device_code: deviceCode,
        user_code: displayCode(userCode),
        verification_uri: uri,
        verification_uri_complete: `${uri}?user_code=${displayCode(userCode)}`,
        expires_in: ttl,
        interval: POLL_INTERVAL,
      });
    }
  });
}

/** The verification page, among the browser routes (their cookies): CSRF tokens bound to the browser, as sign-in's. */
export function devicePages(app: FastifyInstance, oauth: OAuth): void {
  const csrfOf = (req: FastifyRequest, reply: FastifyReply, space: OAuthSpace): string => csrfToken(bindingOf(oauth, space, req, reply), CSRF_PURPOSE);

  app.get('/device', async (req, reply) => {
    const space = spaceOf(req);
    const q = req.query as Record<string, unknown>;
    const code = typeof q.user_code === 'string' ? q.user_code.slice(0, 20) : '';
    const l = localeOf(req, reply);
    return render(reply, 200, space, l, 'deviceTitle', codeForm(l, `${space.issuer}/device`, csrfOf(req, reply, space), code));
  });

  app.post('/device', async (req, reply) => {
    const space = spaceOf(req);
    const action = `${space.issuer}/device`;
    const l = localeOf(req, reply);
    let p: Params;
    try {
      requireForm(req);
      p = params(req.body);
    } catch {
      return render(reply, 400, space, l, 'deviceTitle', errorParagraph(t(l, 'formUnreadable')));
    }
    if (p.csrf === undefined || !csrfMatches(req, CSRF_PURPOSE, p.csrf)) {
      return render(
        reply,
        403,
        space,
        l,
        'deviceTitle',
        `<p class="error">${esc(t(l, 'formExpired'))} <a href="${esc(action)}">${esc(t(l, 'startAgain'))}</a>.</p>`,
      );
    }
    // Wrong user codes per address (oauth.logins, shared across nodes with Redis); passwords are limited below.
    const closedFor = await oauth.logins.userCodeLocked(space, req.ip);
    if (closedFor) {
      reply.header('retry-after', String(closedFor));
      return render(reply, 429, space, l, 'deviceTitle', errorParagraph(t(l, 'tooManyCodes')));
    }

    const code = normalize(p.user_code ?? '').slice(0, 20);
    const found = code ? await oauth.deviceCodes.pendingByUserCode(sha256(code), space.row.id) : undefined;
    if (!found) {
      await oauth.logins.userCodeFailed(space, req.ip);
      return render(reply, 400, space, l, 'deviceTitle', codeForm(l, action, p.csrf, p.user_code ?? '', t(l, 'badCode')));
    }
    const row = found.code;

    if (p.action === 'deny') {
      await oauth.deviceCodes.deny(row.deviceCodeHash);
      return render(reply, 200, space, l, 'deniedTitle', `<p>${esc(t(l, 'denied'))}</p>`);
    }

    const client = await oauth.cache.client(space.row.id, found.clientId);
    // The same sentences as the consent page: never a raw scope name.
    const lines = consentLines(row.scope, client?.scopes ?? [], l);
    const app = client?.row.clientName;
    const confirm = (error?: string) => confirmForm(l, { action, csrf: p.csrf!, code, app, lines, username: p.username, error });

    if (p.action !== 'allow') return render(reply, 200, space, l, 'deviceTitle', confirm());
    const login = p.username && p.password ? await oauth.logins.verify(space, p.username, p.password, 'personal', req.ip) : { status: 'wrong' as const };
    countLogin('device', login.status);
    if (login.status === 'locked') {
      reply.header('retry-after', String(login.retryAfter));
      return render(reply, 429, space, l, 'deviceTitle', confirm(retryText(login.retryAfter, l)));
    }
    if (login.status !== 'ok') return render(reply, 401, space, l, 'deviceTitle', confirm(t(l, 'wrongCredentials')));
    if (!(await oauth.deviceCodes.approve(row.deviceCodeHash, login.user.id)))
      return render(reply, 400, space, l, 'deviceTitle', codeForm(l, action, p.csrf, '', t(l, 'usedCode')));
    return render(reply, 200, space, l, 'connectedTitle', `<p>${t(l, 'connected', { app: `<strong>${esc(app ?? t(l, 'theApplication'))}</strong>` })}</p>`);
  });
}
