// The console's own session (issue 12): the browser never holds an admin API token where scripts can read it. Signing
// in to the console makes a short-lived admin API token (named "console") that lives only in an http-only,
// SameSite=Strict cookie scoped to the admin API's path. Requests that change something must also carry the session's
// CSRF token in a header; it is derived from the cookie's value (a keyed hash), so the server keeps no second secret
// and a page on another origin, which can neither read the cookie nor the answer of GET /console/session, cannot
// forge it.
import { createHash } from 'node:crypto';
import { safeEqual } from '../crypto/secrets.js';
import { PERMISSIONS, ROLES, type Principal } from './rbac.js';

export const CONSOLE_COOKIE = 'kw_console';
export const CSRF_HEADER = 'x-csrf-token';
/** A console session lasts a working day; signing in again is cheap, a stolen cookie ages out. */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;
export const CONSOLE_TOKEN_NAME = 'console';

/** Methods that read only; everything else needs the CSRF header when the cookie authenticates. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfTokenFor = (sessionToken: string): string => createHash('sha256').update('keyward console csrf\0').update(sessionToken).digest('base64url');

export function csrfHolds(method: string, sessionToken: string, header: string | string[] | undefined): boolean {
  if (SAFE_METHODS.has(method)) return true;
  return typeof header === 'string' && safeEqual(header, csrfTokenFor(sessionToken));
}

/** What the console needs to offer only what the role allows: the grants, and each permission's weakest role. */
export function sessionView(principal: Principal, sessionToken: string, expiresAt: string | null) {
  return {
    admin_id: principal.adminId,
    email: principal.email,
    roles: [...principal.roles].map(([space, role]) => ({ space, role })),
    role_order: [...ROLES],
    permissions: { ...PERMISSIONS },
    csrf_token: csrfTokenFor(sessionToken),
    expires_at: expiresAt,
  };
}
