// The one error type of the authorization server (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1; RFC 7591 §3.2.2;
// RFC 8628 §3.5; RFC 9126). `description` is public; `detail` goes to the log only.
// server_error and temporarily_unavailable are never thrown: the error handler (http.ts) answers them itself for
// failures that are not OAuthErrors.
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'login_required'
  | 'consent_required'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'invalid_target';

const DEFAULT_STATUS: Partial<Record<OAuthErrorCode, number>> = {
  invalid_client: 401,
  invalid_token: 401,
  insufficient_scope: 403,
};

export class OAuthError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    opts: { status?: number; headers?: Record<string, string>; detail?: string } = {},
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
    this.status = opts.status ?? DEFAULT_STATUS[error] ?? 400;
    this.headers = opts.headers ?? {};
    this.detail = opts.detail;
  }
  readonly detail: string | undefined;

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidRequest = (d: string) => new OAuthError('invalid_request', d);
export const invalidGrant = (d: string) => new OAuthError('invalid_grant', d);
export const invalidScope = (d: string) => new OAuthError('invalid_scope', d);
export const unauthorizedClient = (d: string) => new OAuthError('unauthorized_client', d);

/** 401 invalid_client; with a Basic challenge when the client tried (or should try) HTTP Basic (RFC 6749 §5.2). */
export const invalidClient = (d: string, basic = true) =>
  new OAuthError('invalid_client', d, { headers: basic ? { 'www-authenticate': 'Basic realm="keyward", charset="UTF-8"' } : {} });
