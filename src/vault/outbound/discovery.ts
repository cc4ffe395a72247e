// OpenID Connect / RFC 8414 discovery for the catalog's "oidc" entry. The document's issuer must match the URL it was
// fetched from (oauth4webapi's check, the specs' defence against mix-up); a provider whose document names another
// issuer (Microsoft's multi-tenant "common") has its own catalog entry instead.
import * as oauth from 'oauth4webapi';
import { checkUrl, DEFAULT_TIMEOUT_MS } from './transport.js';

export interface DiscoveredProvider {
  authorization_endpoint: string;
  token_endpoint: string;
  issuer: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
}

const OIDC_SUFFIX = '/.well-known/openid-configuration';
const OAUTH_INFIX = '/.well-known/oauth-authorization-server';

/** The issuer a discovery URL belongs to, and which well-known rule turns one into the other. */
function issuerOf(url: URL): { issuer: URL; algorithm: 'oidc' | 'oauth2' } {
  const path = url.pathname;
  if (path.endsWith(OIDC_SUFFIX)) return { issuer: new URL(path.slice(0, -OIDC_SUFFIX.length) || '/', url.origin), algorithm: 'oidc' };
  if (path.startsWith(OAUTH_INFIX)) return { issuer: new URL(path.slice(OAUTH_INFIX.length) || '/', url.origin), algorithm: 'oauth2' };
  return { issuer: url, algorithm: 'oidc' };
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export async function discover(discoveryUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DiscoveredProvider> {
  const target = checkUrl(discoveryUrl, 'discovery URL');
  if (!target.ok) throw new Error(target.description);
  const { issuer, algorithm } = issuerOf(target.url);
  let doc: oauth.AuthorizationServer;
  try {
    const res = await oauth.discoveryRequest(issuer, {
      algorithm,
      signal: AbortSignal.timeout(timeoutMs),
      ...(target.insecure ? { [oauth.allowInsecureRequests]: true } : {}),
    });
    doc = await oauth.processDiscoveryResponse(issuer, res);
  } catch (err) {
    const name = err instanceof Error ? err.name : 'Error';
    if (name === 'TimeoutError') throw new Error(`discovery at ${target.url.origin} gave no answer within ${timeoutMs} ms`, { cause: err });
    const why = err instanceof oauth.OperationProcessingError || err instanceof oauth.ResponseBodyError ? err.message : `network error (${name})`;
    throw new Error(`discovery at ${target.url.origin} failed: ${why}`, { cause: err });
  }
  const { authorization_endpoint, token_endpoint } = doc;
  if (typeof authorization_endpoint !== 'string' || typeof token_endpoint !== 'string') {
    throw new Error(`discovery at ${target.url.origin} failed: the document names no authorization_endpoint or token_endpoint`);
  }
  const found: DiscoveredProvider = { issuer: doc.issuer, authorization_endpoint, token_endpoint };
  const methods = strings(doc.token_endpoint_auth_methods_supported);
  if (methods) found.token_endpoint_auth_methods_supported = methods;
  const challenges = strings(doc.code_challenge_methods_supported);
  if (challenges) found.code_challenge_methods_supported = challenges;
  return found;
}
