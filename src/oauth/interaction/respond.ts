// The authorization response: issues the code (or, for implicit, the tokens) and delivers it — or an error — to
// the redirect URI in the requested response mode, always with the issuer (RFC 9207).
import type { FastifyReply } from 'fastify';
import { randomToken, sha256 } from '../../crypto/secrets.js';
import type { NewAuthorizationCode } from '../../store/authorization-codes.js';
import type { AuthzRequest, ResponseMode } from '../authz-request.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';
import type { OAuthError } from '../errors.js';
import { formPost } from './pages.js';
import type { BrowserSession } from './session.js';

export interface Target {
  redirectUri: string;
  mode: ResponseMode;
  state?: string | undefined;
}

export function deliver(reply: FastifyReply, space: OAuthSpace, t: Target, fields: Record<string, string>): FastifyReply {
  const all: Record<string, string> = { ...fields, ...(t.state !== undefined ? { state: t.state } : {}), iss: space.issuer };
  if (t.mode === 'form_post') return formPost(reply, t.redirectUri, all);
  const u = new URL(t.redirectUri);
  if (t.mode === 'query') {
    for (const [k, v] of Object.entries(all)) u.searchParams.set(k, v);
  } else {
    u.hash = new URLSearchParams(all).toString();
  }
  return reply.code(303).header('cache-control', 'no-store').redirect(u.toString(), 303);
}

export function deliverError(reply: FastifyReply, space: OAuthSpace, t: Target, err: OAuthError): FastifyReply {
  return deliver(reply, space, t, { error: err.error, error_description: err.description });
}

/** A new authorization code for the response to `r`, and the row that stores it (as its SHA-256). */
export function newCode(space: OAuthSpace, r: AuthzRequest, session: BrowserSession, acr: string): { value: string; row: NewAuthorizationCode } {
  const p = r.params;
  const value = randomToken(32);
  const row = {
    codeHash: sha256(value),
    spaceId: space.row.id,
    clientPk: r.client.row.id,
    userId: session.user.id,
    redirectUri: r.redirectUri,
    scope: r.scope,
    codeChallenge: p.code_challenge ?? null,
    codeChallengeMethod: p.code_challenge ? (p.code_challenge_method ?? 'plain') : null,
    nonce: p.nonce ?? null,
    authTime: session.authTime,
    acr,
    sid: session.sid,
    expiresAt: new Date(Date.now() + space.settings.authorization_code_ttl * 1000),
  };
  return { value, row };
}

/**
 * Issues what response_type asks for to the signed-in user and delivers it. `code`: an authorization code already
 * stored (with the end of its interaction); without it a code is made and stored here.
 */
export async function respondSuccess(
  oauth: OAuth,
  space: OAuthSpace,
  reply: FastifyReply,
  r: AuthzRequest,
  session: BrowserSession,
  acr: string,
  code?: string,
): Promise<FastifyReply> {
  const { client } = r;
  const p = r.params;
  const target: Target = { redirectUri: r.redirectUri, mode: r.responseMode, state: p.state };
  const scope = r.scope;
  if (r.responseType === 'code') {
    if (code === undefined) {
      const made = newCode(space, r, session, acr);
      await oauth.codes.insert(made.row);
      code = made.value;
    }
    return deliver(reply, space, target, { code });
  }
  // Implicit (public clients registered for it): tokens straight from the authorization endpoint, no refresh token.
  const user = session.user;
  const subject = { space, client, grantType: 'implicit', scope, user: { id: user.id, username: user.username }, authTime: session.authTime };
  const fields: Record<string, string> = {};
  let accessToken: string | undefined;
  if (r.responseType === 'token' || r.responseType === 'id_token token') {
    const at = await oauth.tokens.issueAccessToken(subject);
    accessToken = at.access_token;
    Object.assign(fields, {
      access_token: at.access_token,
      token_type: 'Bearer',
      scope: scope.join(' '),
      ...(at.expires_in !== undefined ? { expires_in: String(at.expires_in) } : {}),
    });
  }
  if (r.responseType.startsWith('id_token')) {
    fields.id_token = await oauth.tokens.issueIdToken(
      { ...subject, user },
      { nonce: p.nonce ?? null, sid: session.sid, acr, ...(accessToken ? { accessToken } : {}) },
    );
  }
  return deliver(reply, space, target, fields);
}
