// The three OAuth grants Keyward sends: authorization code (after the consent), refresh token, client credentials.
// The entry's extra parameters never replace the protocol's own (a catalog typo must not drop the refresh token), and
// a refresh's own parameters win over the token request's general ones.
import type { ProviderSettings, TokenResult } from './types.js';
import { configFailure } from './types.js';
import { interpretAnswer } from './answer.js';
import { clientAuthFor } from './client-auth.js';
import { checkUrl, DEFAULT_TIMEOUT_MS, sendForm, sendJsonGrant } from './transport.js';

export function joinScope(s: ProviderSettings): string {
  return s.scope.join(s.entry.scopes?.separator ?? ' ');
}

async function grant(
  s: ProviderSettings,
  grantType: string,
  own: Record<string, string>,
  extra: Record<string, string>,
  secrets: string[],
  now: Date,
): Promise<TokenResult> {
  const target = checkUrl(s.tokenUrl, 'token URL');
  if (!target.ok) return configFailure(target.description);
  const auth = await clientAuthFor(s);
  if (!auth.ok) return configFailure(auth.description);
  const request = {
    tokenUrl: target.url,
    clientId: s.clientId,
    auth: auth.auth,
    grantType,
    params: { ...extra, ...own },
    audience: s.entry.client_assertion_audience ?? s.tokenUrl,
    timeoutMs: s.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const sent = s.entry.token_request_format === 'json' ? await sendJsonGrant(request) : await sendForm(request);
  if (!sent.ok) return { ok: false, failure: sent.failure };
  return interpretAnswer(sent.answer, { settings: s, mapping: s.entry.token_response, now, secrets: [...secrets, ...auth.secrets] });
}

export function exchangeCode(s: ProviderSettings, p: { code: string; redirectUri: string; codeVerifier?: string }, now = new Date()): Promise<TokenResult> {
  const own: Record<string, string> = { code: p.code, redirect_uri: p.redirectUri };
  if (p.codeVerifier) own.code_verifier = p.codeVerifier;
  return grant(s, 'authorization_code', own, { ...s.entry.token_params }, [p.code, p.codeVerifier ?? ''], now);
}

export function refreshTokens(s: ProviderSettings, refreshToken: string, now = new Date()): Promise<TokenResult> {
  return grant(s, 'refresh_token', { refresh_token: refreshToken }, { ...s.entry.token_params, ...s.entry.refresh?.params }, [refreshToken], now);
}

export function clientCredentials(s: ProviderSettings, now = new Date()): Promise<TokenResult> {
  const own: Record<string, string> = {};
  const scope = joinScope(s);
  if (scope) own.scope = scope;
  return grant(s, 'client_credentials', own, { ...s.entry.token_params }, [], now);
}
