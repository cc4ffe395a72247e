// The proxy: an application calls `{issuer}/connections/{id}/proxy/{path}` and Keyward forwards the call to the
// connection's API base URL with the connection's credentials, then streams the provider's answer back as it is
// (status, headers except hop-by-hop ones, body). A 401 from the provider is retried once after a forced refresh
// (the request body is held in memory for that one replay); a 401 that remains is answered as it came.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../errors.js';
import type { ProviderEntry } from './catalog/types.js';
import type { ConnectionTokens, ResolvedConnection, TokenCaller } from './tokens.js';

export interface ProxyRequest {
  method: string;
  /** The path below the API base URL, as the application sent it (still percent-encoded). */
  path: string;
  /** The raw query string without "?" ('' for none). */
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: IncomingMessage;
}

// RFC 9110 §7.6.1 hop-by-hop fields, and what the proxy sets itself.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'host',
  'authorization',
  'cookie',
  'content-length',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
]);

/** The provider URL for `path` below `base`; refuses paths that would leave the base (dot segments, another host). */
export function targetUrl(base: string, path: string, query: string): URL {
  const decoded = (() => {
    try {
      return decodeURIComponent(path);
    } catch {
      throw new AppError('invalid_request', 'the proxied path is not valid percent-encoding');
    }
  })();
  if (decoded.split('/').some((s) => s === '..' || s === '.') || path.startsWith('/') || decoded.includes('\\')) {
    throw new AppError('invalid_request', 'the proxied path must stay below the API base URL (no "." or ".." segments)');
  }
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  url.search = query ? `?${query}` : '';
  return url;
}

/** Where and how the credential goes: the catalog's api_auth, else Authorization with the token's type. */
function applyCredential(headers: Record<string, string>, url: URL, resolved: ResolvedConnection): void {
  const { token, connection, entry } = resolved;
  if (connection.kind === 'basic') {
    headers.authorization = `Basic ${token.access_token}`;
    return;
  }
  const auth: NonNullable<ProviderEntry['api_auth']> = entry.api_auth ?? {};
  const scheme = auth.scheme ?? (connection.kind === 'api_key' ? 'Bearer' : /^bearer$/i.test(token.token_type) ? 'Bearer' : token.token_type);
  if (auth.in === 'query') {
    url.searchParams.set(auth.name ?? 'api_key', token.access_token);
    return;
  }
  headers[(auth.name ?? 'authorization').toLowerCase()] = scheme ? `${scheme} ${token.access_token}` : token.access_token;
}

export class ConnectionProxy {
  constructor(
    private readonly tokens: ConnectionTokens,
    private readonly timeoutMs = 60_000,
  ) {}

  async forward(spaceId: string, id: string, caller: TokenCaller, req: ProxyRequest): Promise<ProxyAnswer> {
    let resolved = await this.tokens.resolve(spaceId, id, caller);
    const first = await this.send(resolved, req);
    if (first.status !== 401 || resolved.connection.kind === 'api_key' || resolved.connection.kind === 'basic') return first;
    first.body.resume();
    resolved = await this.tokens.resolve(spaceId, id, caller, true);
    return this.send(resolved, req);
  }

  private send(resolved: ResolvedConnection, req: ProxyRequest): Promise<ProxyAnswer> {
    if (!resolved.apiBaseUrl) throw new AppError('conflict', "the connection's provider client has no api_base_url to forward to");
    const url = targetUrl(resolved.apiBaseUrl, req.path, req.query);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    applyCredential(headers, url, resolved);
    if (req.body?.length) headers['content-length'] = String(req.body.length);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const out = send(url, { method: req.method, headers, timeout: this.timeoutMs }, (res) => {
        const answerHeaders: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
        resolve({ status: res.statusCode ?? 502, headers: answerHeaders, body: res });
      });
      out.on('timeout', () => out.destroy(new Error('the provider did not answer in time')));
      out.on('error', (err) => reject(new ProxyError(`the provider could not be reached: ${err.message}`)));
      out.end(req.body);
    });
  }
}

/** The provider could not be reached: answered 502 Bad Gateway. */
export class ProxyError extends Error {}
