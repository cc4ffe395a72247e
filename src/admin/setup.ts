// First-run setup: when the store has no admin and no bootstrap variables are set, the server prints a one-time
// link. The page creates the first owner (all spaces) and shows an admin API token once. The code in the link is
// the only credential, so the form carries it and nothing else is trusted; it dies when used or at restart.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { safeEqual } from '../crypto/secrets.js';
import type { Services } from '../services.js';
import { AppError } from '../errors.js';

export interface SetupState {
  code: string | null;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The copy button's one script, allowed by its hash alone (no inline script otherwise). Without it the token can
// still be selected and copied by hand.
const COPY_SCRIPT =
  "document.getElementById('copy').addEventListener('click',function(){navigator.clipboard.writeText(document.getElementById('exports').textContent).then(function(){document.getElementById('copied').textContent='Copied.'},function(){document.getElementById('copied').textContent='Select the lines and copy them by hand.'})})";
const COPY_HASH = `'sha256-${createHash('sha256').update(COPY_SCRIPT).digest('base64')}'`;

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src ${COPY_HASH}; form-action 'self'; frame-ancestors 'none'`)
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · Keyward</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;font:inherit}button{margin-top:1.5rem;padding:.5rem 1.5rem;font:inherit}
code{word-break:break-all;background:#eee;padding:.2rem}.error{color:#a00}</style></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`);
}

function form(code: string, email = '', error = '') {
  return `${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<p>Create the first administrator. This account is owner of every space.</p>
<form method="post" action="/setup">
<input type="hidden" name="code" value="${esc(code)}">
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required value="${esc(email)}">
<label for="password">Password (at least 12 characters)</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
<button type="submit">Create administrator</button></form>`;
}

export function setupRoutes(app: FastifyInstance, services: Services, state: SetupState, publicUrl: () => string): void {
  const valid = (code: unknown) => typeof code === 'string' && state.code !== null && safeEqual(code, state.code);

  app.get('/setup', { schema: { hide: true } }, async (req, reply) => {
    const code = (req.query as Record<string, unknown>).code;
    // Another process of the cluster (or node) may have completed the setup: the store is the judge.
    if (state.code !== null && (await services.admins.count()) > 0) state.code = null;
    if (state.code === null)
      return page(
        reply,
        410,
        'Setup is done',
        '<p>An administrator already exists. Sign in to the <a href="/console/">admin console</a> with an admin\'s e-mail and password, or use an admin API token.</p>',
      );
    if (!valid(code)) return page(reply, 403, 'Setup link not valid', '<p>Use the link printed by the server at start-up.</p>');
    return page(reply, 200, 'Set up Keyward', form(code as string));
  });

  app.post('/setup', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (state.code === null) return page(reply, 410, 'Setup is done', '<p>An administrator already exists.</p>');
    if (!valid(body.code)) return page(reply, 403, 'Setup link not valid', '<p>Use the link printed by the server at start-up.</p>');
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    let created;
    try {
      created = await services.admins.createFirstOwner({ email, password, withToken: true, tokenName: 'setup' }, { type: 'setup' });
    } catch (err) {
      if (err instanceof AppError && err.status === 400) return page(reply, 400, 'Set up Keyward', form(body.code as string, email, err.message));
      throw err;
    }
    state.code = null;
    if (!created) return page(reply, 410, 'Setup is done', '<p>An administrator already exists.</p>');
    return page(
      reply,
      201,
      'Keyward is ready',
      `<p>Administrator <strong>${esc(created.admin.email)}</strong> created.</p>
<p>Your admin API token is shown <strong>only now</strong>. Copy these lines into your shell to use the CLI:</p>
<pre id="exports" style="white-space:pre-wrap;word-break:break-all;background:#eee;padding:.5rem">export KEYWARD_URL=${esc(publicUrl())}
export KEYWARD_ADMIN_TOKEN=<span id="token">${esc(created.token!.token)}</span></pre>
<button type="button" id="copy">Copy</button> <span id="copied" role="status"></span>
<p>Then try <code>keyward clients list</code>. Later, sign in again without this token: <code>keyward login --email ${esc(created.admin.email)}</code>.</p>
<p>Or open the <a href="${esc(publicUrl())}/console/">admin console</a> and sign in with this e-mail and password.</p>
<script>${COPY_SCRIPT}</script>`,
    );
  });
}
