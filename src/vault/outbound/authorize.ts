// The consent redirect: the provider's authorization URL with the request's parameters, and PKCE (S256 only).
import * as oauth from 'oauth4webapi';
import type { ProviderSettings } from './types.js';
import { joinScope } from './grants.js';
import { checkUrl } from './transport.js';

/**
 * The URL to send the person to. The entry's extra parameters (Google's access_type=offline, Atlassian's audience)
 * come first and cannot replace the protocol's own. Throws when the provider client has no usable authorization URL:
 * that is a setup error the caller checks before offering a connect link.
 */
export function authorizationUrl(s: ProviderSettings, p: { redirectUri: string; state: string; codeChallenge?: string }): string {
  const raw = s.authorizationUrl ?? s.entry.authorization_url;
  if (!raw) throw new Error(`provider ${s.entry.id} has no authorization URL`);
  const target = checkUrl(raw, 'authorization URL');
  if (!target.ok) throw new Error(target.description);
  const url = target.url;
  for (const [name, value] of Object.entries(s.entry.authorize_params ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', s.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  const scope = joinScope(s);
  if (scope) url.searchParams.set('scope', scope);
  url.searchParams.set('state', p.state);
  if (p.codeChallenge) {
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.href;
}

export async function newPkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}
