// How the quirk provider writes its answers: the token answer's lifetime style (seconds, a string, milliseconds, an
// absolute date, omitted), nesting (Slack's `authed_user`), extra metadata fields, and the error styles providers use
// (RFC 6749 400 JSON, Slack's HTTP 200 `{ok:false}`, GitHub's HTTP 200 `{error}`, invalid_grant under 401 or 403).
import type { ServerResponse } from 'node:http';
import type { IssuedTokens } from './quirk-tokens.js';

/**
 * `seconds` 600, `string` "600", `milliseconds` 600000, `date` an ISO 8601 string of the expiry, `epoch` the
 * expiry in epoch seconds, `omitted` no field at all.
 */
export type LifetimeStyle = 'seconds' | 'string' | 'milliseconds' | 'date' | 'epoch' | 'omitted';

export interface LifetimeField {
  style: LifetimeStyle;
  /** Field name; default `expires_in` (`expires_at` for date and epoch). */
  field?: string;
}

export type ErrorStyle = 'standard' | 'slack' | 'github';

export interface AnswerOptions {
  lifetime: LifetimeField;
  /** How the refresh token's own lifetime is given (`refresh_token_expires_in`, `x_refresh_token_expires_in`). */
  refreshLifetime?: LifetimeField;
  /** Token fields go under this key (Slack `authed_user`); the top level keeps `ok`, `team` and the extras. */
  nestUnder?: string;
  /** Fields added to every token answer at the top level (`instance_url`, `team: {id}`). */
  extraFields?: Record<string, unknown>;
  errorStyle: ErrorStyle;
  /** Status of invalid_grant answers in the standard style (default 400; some providers say 401 or 403). */
  invalidGrantStatus?: number;
  /** Provider-specific error codes in place of the standard ones (Slack `{invalid_grant: "invalid_refresh_token"}`,
   * GitHub `{invalid_grant: "bad_refresh_token"}`). */
  errorCodes?: Record<string, string>;
}

function writeLifetime(into: Record<string, unknown>, spec: LifetimeField, seconds: number, now: number): void {
  const numericName = spec.field ?? 'expires_in';
  const dateName = spec.field ?? 'expires_at';
  switch (spec.style) {
    case 'seconds':
      into[numericName] = seconds;
      break;
    case 'string':
      into[numericName] = String(seconds);
      break;
    case 'milliseconds':
      into[numericName] = seconds * 1000;
      break;
    case 'date':
      into[dateName] = new Date(now + seconds * 1000).toISOString();
      break;
    case 'epoch':
      into[dateName] = Math.floor(now / 1000) + seconds;
      break;
    case 'omitted':
      break;
  }
}

export function tokenAnswer(tokens: IssuedTokens, opts: AnswerOptions, now: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { access_token: tokens.access_token, token_type: 'Bearer' };
  writeLifetime(fields, opts.lifetime, tokens.expires_in, now);
  if (tokens.refresh_token !== undefined) fields.refresh_token = tokens.refresh_token;
  if (opts.refreshLifetime && tokens.refresh_expires_in !== undefined) {
    writeLifetime(
      fields,
      { style: opts.refreshLifetime.style, field: opts.refreshLifetime.field ?? 'refresh_token_expires_in' },
      tokens.refresh_expires_in,
      now,
    );
  }
  if (tokens.scope) fields.scope = tokens.scope;
  const top: Record<string, unknown> = opts.errorStyle === 'slack' ? { ok: true } : {};
  if (opts.nestUnder) top[opts.nestUnder] = fields;
  else Object.assign(top, fields);
  return Object.assign(top, opts.extraFields);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A token-endpoint error in the configured style. `status` is the standard style's (invalid_client 401). */
export function sendTokenError(res: ServerResponse, opts: AnswerOptions, standardError: string, description: string, status = 400): void {
  const error = opts.errorCodes?.[standardError] ?? standardError;
  switch (opts.errorStyle) {
    case 'slack':
      return sendJson(res, 200, { ok: false, error });
    case 'github':
      return sendJson(res, 200, { error, error_description: description, error_uri: 'https://docs.github.com/apps/oauth' });
    case 'standard': {
      const code = standardError === 'invalid_grant' ? (opts.invalidGrantStatus ?? status) : status;
      const headers: Record<string, string> = code === 401 && standardError === 'invalid_client' ? { 'www-authenticate': 'Basic realm="quirk"' } : {};
      return sendJson(res, code, { error, error_description: description }, headers);
    }
  }
}
