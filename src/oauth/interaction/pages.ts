// Server-rendered pages of the browser flow: login, consent, errors, logout and the form_post answer. Plain HTML
// forms that work without JavaScript; the only script anywhere is form_post's auto-submit, allowed by its hash.
import { createHash } from 'node:crypto';

import type { FastifyReply } from 'fastify';
import { esc, page, sourceOf, type PageBrand } from '../../html-page.js';
import { brandOf } from '../../registry/branding.js';
import type { OAuthSpace } from '../cache.js';
import { languageSwitch, t, type Locale } from './i18n.js';

export { esc, page, sourceOf };

/** The space's name, logo and accent colours for the header and buttons of its pages. */
export const spaceBrand = (space: OAuthSpace): PageBrand => brandOf(space.row.displayName, space.settings);

/** `here`: the page's own GET URL, for the language switch. */
export function loginPage(a: { action: string; csrf: string; clientName: string; username?: string; error?: string; locale: Locale; here: string }): string {
  const l = a.locale;
  return `${a.error ? `<p class="error" role="alert">${esc(a.error)}</p>` : ''}
<p>${t(l, 'signInTo', { client: `<strong>${esc(a.clientName)}</strong>` })}</p>
<form method="post" action="${esc(a.action)}">
<input type="hidden" name="csrf" value="${esc(a.csrf)}">
<label for="username">${esc(t(l, 'username'))}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${esc(a.username ?? '')}"${a.username ? '' : ' autofocus'}>
<label for="password">${esc(t(l, 'password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${a.username ? ' autofocus' : ''}>
<button type="submit">${esc(t(l, 'signInButton'))}</button>
</form>
${languageSwitch(l, a.here)}`;
}

/** `lines`: what the request asks for, in words (consent-text.ts), never raw scope names. */
export function consentPage(a: {
  action: string;
  csrf: string;
  clientName: string;
  logoUri: string | null;
  username: string;
  lines: string[];
  locale: Locale;
  here: string;
}): string {
  const l = a.locale;
  const logo = a.logoUri ? `<img src="${esc(a.logoUri)}" alt="" referrerpolicy="no-referrer">` : '';
  const items = a.lines.map((line) => `<li>${esc(line)}</li>`).join('');
  const wants = t(l, 'wantsAccess', { client: `<strong>${esc(a.clientName)}</strong>`, user: `<strong>${esc(a.username)}</strong>` });
  return `<div class="app">${logo}<p>${wants}</p></div>
${a.lines.length ? `<h2 style="font-size:1.05rem">${esc(t(l, 'asksTo'))}</h2><ul>${items}</ul>` : ''}
<form method="post" action="${esc(a.action)}">
<input type="hidden" name="csrf" value="${esc(a.csrf)}">
<button type="submit" name="decision" value="allow">${esc(t(l, 'allow'))}</button><button type="submit" name="decision" value="deny" class="secondary">${esc(t(l, 'deny'))}</button>
</form>
${languageSwitch(l, a.here)}`;
}

export function logoutConfirmPage(a: { action: string; csrf: string; hidden: Record<string, string>; locale: Locale }): string {
  const hidden = Object.entries(a.hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return `<p>${esc(t(a.locale, 'signOutQuestion'))}</p><form method="post" action="${esc(a.action)}">
<input type="hidden" name="csrf" value="${esc(a.csrf)}">${hidden}<button type="submit">${esc(t(a.locale, 'signOutButton'))}</button></form>`;
}

const AUTOSUBMIT = 'document.forms[0].submit();';
const AUTOSUBMIT_HASH = `sha256-${createHash('sha256').update(AUTOSUBMIT).digest('base64')}`;

/** OAuth 2.0 Form Post Response Mode: an auto-submitting form, with a button for browsers without script. */
export function formPost(reply: FastifyReply, target: string, fields: Record<string, string>): FastifyReply {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return reply
    .code(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      `default-src 'none'; script-src '${AUTOSUBMIT_HASH}'; form-action ${sourceOf(target)}; frame-ancestors 'none'; base-uri 'none'`,
    ).send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Continue</title></head><body>
<form method="post" action="${esc(target)}">${inputs}<noscript><p>Your browser does not run scripts: press the button to continue.</p><button type="submit">Continue</button></noscript></form>
<script>${AUTOSUBMIT}</script></body></html>`);
}

/** Wants a page rather than JSON: a browser's navigation (Accept: text/html …), not curl's or a library's. */
export const wantsHtml = (accept: string | undefined): boolean => !!accept && accept.includes('text/html');

/** A small page of labelled links (the server's and each issuer's home for people). */
export function linksPage(reply: FastifyReply, title: string, intro: string, links: [label: string, href: string][], spaceName?: string): FastifyReply {
  const items = links.map(([label, href]) => `<li><a href="${esc(href)}">${esc(label)}</a></li>`).join('');
  return page(reply, 200, title, `<p>${esc(intro)}</p><ul>${items}</ul>`, spaceName);
}
