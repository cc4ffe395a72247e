// The device verification page's parts (RFC 8628 §3.3), in the person's language: the code form, and the form that
// shows what the device's application asks for and takes the sign-in. Plain HTML, no JavaScript.
import { esc } from '../../html-page.js';
import { t, type Locale } from './i18n.js';

export const displayCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

const errorLine = (e?: string) => (e ? `<p class="error" role="alert">${esc(e)}</p>` : '');

export function codeForm(l: Locale, action: string, csrf: string, code = '', error?: string): string {
  return `${errorLine(error)}<p>${esc(t(l, 'enterCode'))}</p><form method="post" action="${esc(action)}">
<input type="hidden" name="csrf" value="${esc(csrf)}"><label for="user_code">${esc(t(l, 'code'))}</label>
<input id="user_code" name="user_code" type="text" value="${esc(code)}" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus>
<button type="submit">${esc(t(l, 'continue'))}</button></form>`;
}

/** `app`: the client's name, or undefined when it is gone (then a generic name in the page's language). */
export function confirmForm(
  l: Locale,
  a: { action: string; csrf: string; code: string; app: string | undefined; lines: string[]; username?: string; error?: string },
): string {
  const list = a.lines.length ? `<ul>${a.lines.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>` : `<p>${esc(t(l, 'noPermissions'))}</p>`;
  const asks = t(l, 'deviceAsks', { app: `<strong>${esc(a.app ?? t(l, 'anApplication'))}</strong>`, code: esc(displayCode(a.code)) });
  return `${errorLine(a.error)}<p>${asks}</p>${list}
<form method="post" action="${esc(a.action)}"><input type="hidden" name="csrf" value="${esc(a.csrf)}"><input type="hidden" name="user_code" value="${esc(a.code)}">
<label for="username">${esc(t(l, 'username'))}</label><input id="username" name="username" type="text" autocomplete="username" value="${esc(a.username ?? '')}">
<label for="password">${esc(t(l, 'password'))}</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" name="action" value="allow">${esc(t(l, 'allow'))}</button><button type="submit" name="action" value="deny" class="secondary" formnovalidate>${esc(t(l, 'deny'))}</button></form>`;
}

export const errorParagraph = (text: string): string => `<p class="error">${esc(text)}</p>`;
