// Client URIs and origins (redirect URIs, web pages, CORS origins): what a client may name as a place to send a
// browser or to be called from. Part of the rules of client registration (client-rules.ts), apart because the
// checks are many. Sources: RFC 6749 §3.1.2, RFC 8252 §7, RFC 9700 §4.1 and the Fetch standard's origins.
import { invalid } from '../errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
// Schemes that run code or read local data in a browser: never a redirect target.
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'about:', 'blob:', 'ws:', 'wss:']);

/**
 * A redirect URI must be an absolute URI without fragment (RFC 6749 §3.1.2), use https, or http on a loopback
 * host (RFC 8252 §7.3), or, for public (native) clients, a private-use scheme in reverse-domain form (§7.1).
 * Matching later is exact string comparison, so no wildcards are accepted here.
 */
export function checkRedirectUri(field: string, uri: string, clientType: 'confidential' | 'public'): string {
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > 2000) {
    throw invalid(field, `${field} entries must be URIs of 1 to 2000 characters`);
  }
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw invalid(field, `"${uri}" is not an absolute URI`);
  }
  if (uri.includes('#')) throw invalid(field, `"${uri}" must not contain a fragment (#)`);
  if (/\s/.test(uri)) throw invalid(field, `"${uri}" must not contain white space`);
  if (uri.includes('*')) throw invalid(field, `"${uri}" must not contain wildcards: redirect URIs match exactly`);
  if (u.username || u.password) throw invalid(field, `"${uri}" must not contain user credentials`);
  if (u.protocol === 'https:') {
    if (!u.hostname) throw invalid(field, `"${uri}" has no host`);
    return uri;
  }
  if (u.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(u.hostname)) return uri;
    throw invalid(field, `"${uri}" must use https (http is allowed only for 127.0.0.1, [::1] and localhost)`);
  }
  if (FORBIDDEN_SCHEMES.has(u.protocol)) throw invalid(field, `"${uri}" uses a forbidden scheme`);
  if (clientType !== 'public') {
    throw invalid(field, `"${uri}": private-use URI schemes are allowed only for public (native) clients`);
  }
  if (!u.protocol.slice(0, -1).includes('.')) {
    throw invalid(field, `"${uri}": a private-use scheme must be a reverse domain name such as com.example.app (RFC 8252)`);
  }
  return uri;
}

/** https URL (or http on loopback) for logo, client, policy and terms pages and jwks_uri. */
export function checkWebUrl(field: string, v: string | null | undefined): string | null {
  if (v === undefined || v === null || v === '') return null;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw invalid(field, `${field} must be an absolute URL`);
  }
  if (v.length > 2000) throw invalid(field, `${field} must be at most 2000 characters`);
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname))) return v;
  throw invalid(field, `${field} must use https`);
}

export function uriList(field: string, list: string[] | undefined, clientType: 'confidential' | 'public'): string[] {
  const items = list ?? [];
  if (!Array.isArray(items) || items.length > 50) throw invalid(field, `${field} must be a list of at most 50 URIs`);
  const checked = items.map((u) => checkRedirectUri(field, u, clientType));
  if (new Set(checked).size !== checked.length) throw invalid(field, `${field} must not list a URI twice`);
  return checked;
}

/**
 * A CORS origin as browsers send it in the Origin header (RFC 6454 §6.2): scheme://host[:port], lower case, no
 * default port, no path. Matching is exact, so the entry must already have that form; https, or http on the
 * loopback hosts only, as for redirect URIs.
 */
export function checkCorsOrigin(field: string, origin: string): string {
  if (typeof origin !== 'string' || origin.length === 0 || origin.length > 300) throw invalid(field, `${field} entries must be origins of 1 to 300 characters`);
  if (origin.includes('*')) throw invalid(field, `"${origin}" must not contain wildcards: origins match exactly`);
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    throw invalid(field, `"${origin}" is not an origin (scheme://host[:port])`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalid(field, `"${origin}" must use https (or http on a loopback host)`);
  if (u.protocol === 'http:' && !LOOPBACK_HOSTS.has(u.hostname)) {
    throw invalid(field, `"${origin}" must use https (http is allowed only for 127.0.0.1, [::1] and localhost)`);
  }
  if (u.username || u.password || u.search || u.hash || /\s/.test(origin) || (u.pathname !== '/' && u.pathname !== '')) {
    throw invalid(field, `"${origin}" must be an origin only: scheme://host[:port], no path, query or fragment`);
  }
  if (origin !== u.origin) throw invalid(field, `"${origin}" is not written as browsers send it: use "${u.origin}"`);
  return origin;
}

export function originList(field: string, list: string[] | undefined): string[] {
  const items = list ?? [];
  if (!Array.isArray(items) || items.length > 50) throw invalid(field, `${field} must be a list of at most 50 origins`);
  const checked = items.map((o) => checkCorsOrigin(field, o));
  if (new Set(checked).size !== checked.length) throw invalid(field, `${field} must not list an origin twice`);
  return checked;
}
