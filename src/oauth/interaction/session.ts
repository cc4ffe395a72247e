// Browser state, all in cookies scoped to the space's path: the sign-in session (random id, stored hashed in
// browser_sessions) and a binding secret that ties interactions and their CSRF tokens to this one browser.
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, safeEqual, sha256 } from '../../crypto/secrets.js';
import type { UserRow } from '../../registry/users.js';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';

export const SESSION_COOKIE = 'kw_session';
export const BIND_COOKIE = 'kw_bind';

export interface BrowserSession {
  idHash: string;
  user: UserRow;
  sid: string;
  authTime: Date;
  /** The scopes the user consented to for the client the session was looked up for (null: none, or not asked). */
  consented: string[] | null;
}

function cookieOptions(oauth: OAuth, space: OAuthSpace) {
  return { path: `/spaces/${space.row.slug}/`, httpOnly: true, sameSite: 'lax' as const, secure: oauth.config.publicUrl.startsWith('https:') };
}

const cookie = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.cookies?.[name];
  return typeof v === 'string' && v.length > 0 && v.length < 200 ? v : undefined;
};

/**
 * The signed-in session of this browser, or null (none, expired, or its user is disabled or gone). With `client`,
 * the user's consent for that client comes with it (same statement).
 */
export async function currentSession(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, client?: OAuthClient): Promise<BrowserSession | null> {
  const id = cookie(req, SESSION_COOKIE);
  if (!id) return null;
  const row = await oauth.sessions.find(sha256(id), space.row.id, client?.row.id);
  if (!row || row.user.disabled || row.user.kind !== 'personal') return null;
  return { idHash: row.session.idHash, user: row.user, sid: row.session.sid, authTime: row.session.authTime, consented: row.consented };
}

/** A new session after a successful login; the old one (if any) ends, so a planted id never gains a login. */
export async function startSession(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply, user: UserRow): Promise<BrowserSession> {
  await endSession(oauth, space, req, reply, false);
  const id = randomToken(32);
  const now = new Date();
  const s = { idHash: sha256(id), user, sid: randomUUID(), authTime: now, consented: null };
  await oauth.sessions.insert({
    idHash: s.idHash,
    spaceId: space.row.id,
    userId: user.id,
    sid: s.sid,
    authTime: now,
    expiresAt: new Date(now.getTime() + space.settings.session_ttl * 1000),
  });
  reply.setCookie(SESSION_COOKIE, id, { ...cookieOptions(oauth, space), maxAge: space.settings.session_ttl });
  return s;
}

export async function endSession(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply, clear = true): Promise<void> {
  const id = cookie(req, SESSION_COOKIE);
  if (!id) return;
  await oauth.sessions.delete(sha256(id), space.row.id);
  if (clear) reply.clearCookie(SESSION_COOKIE, cookieOptions(oauth, space));
}

/** This browser's binding secret, created (and set as a cookie) when missing. */
export function bindingOf(oauth: OAuth, space: OAuthSpace, req: FastifyRequest, reply: FastifyReply): string {
  const existing = cookie(req, BIND_COOKIE);
  if (existing) return existing;
  const fresh = randomToken(32);
  reply.setCookie(BIND_COOKIE, fresh, cookieOptions(oauth, space));
  return fresh;
}

/** The CSRF token of one form: derived from the browser's binding secret, so only that browser can have it. */
export const csrfToken = (binding: string, purpose: string): string => createHmac('sha256', binding).update(purpose).digest('base64url');

/** True when the request comes from the browser holding `bindingHash` (and, with a purpose, has its CSRF token). */
export function browserMatches(req: FastifyRequest, bindingHash: string | undefined, csrf?: { purpose: string; token: string | undefined }): boolean {
  const binding = cookie(req, BIND_COOKIE);
  if (!binding || !bindingHash || !safeEqual(sha256(binding), bindingHash)) return false;
  if (!csrf) return true;
  return typeof csrf.token === 'string' && safeEqual(csrf.token, csrfToken(binding, csrf.purpose));
}

/** The CSRF check of a form not tied to an interaction (logout): token derived from this browser's binding. */
export function csrfMatches(req: FastifyRequest, purpose: string, token: string | undefined): boolean {
  const binding = cookie(req, BIND_COOKIE);
  return !!binding && typeof token === 'string' && safeEqual(token, csrfToken(binding, purpose));
}

export const bindingCookie = (req: FastifyRequest): string | undefined => cookie(req, BIND_COOKIE);
