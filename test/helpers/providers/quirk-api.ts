// The quirk provider's protected API under /api/*: what the vault's proxy forwards to. It checks the access token
// (Authorization: Bearer by default, or where `apiAuth` says), answers 401 with WWW-Authenticate when the token is
// unknown or expired (or when a test forced the next calls to fail), and echoes the request as JSON. /api/stream
// sends a large body slowly so a test can see the proxy stream it rather than buffer it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './quirk-answers.js';
import { readBody } from './quirk-client-auth.js';
import type { AccessTokenRecord, TokenBook } from './quirk-tokens.js';

export interface ApiAuthOptions {
  /** Header name (default authorization) or query parameter name when `in` is query. */
  name?: string;
  in?: 'header' | 'query';
  /** Text before the token in the header (default "Bearer"; empty: the token alone). */
  scheme?: string;
}

export interface ApiState {
  book: TokenBook;
  auth: () => ApiAuthOptions;
  /** Calls left that answer 401 whatever the token. */
  forced401: number;
  /** Requests whose client went away before a stream ended. */
  streamsAborted: number;
}

function presentedToken(req: IncomingMessage, url: URL, auth: ApiAuthOptions): string | undefined {
  if (auth.in === 'query') return url.searchParams.get(auth.name ?? 'access_token') ?? undefined;
  const value = req.headers[(auth.name ?? 'authorization').toLowerCase()];
  if (typeof value !== 'string') return undefined;
  const scheme = auth.scheme ?? 'Bearer';
  if (!scheme) return value;
  return value.toLowerCase().startsWith(scheme.toLowerCase() + ' ') ? value.slice(scheme.length + 1) : undefined;
}

function unauthorized(res: ServerResponse, state: ApiState, description: string): void {
  state.book.stats.apiUnauthorized++;
  sendJson(
    res,
    401,
    { error: 'invalid_token', error_description: description },
    { 'www-authenticate': `Bearer realm="quirk", error="invalid_token", error_description="${description}"` },
  );
}

export async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, state: ApiState): Promise<void> {
  const book = state.book;
  book.stats.apiCalls++;
  const token = presentedToken(req, url, state.auth());
  const record: AccessTokenRecord | undefined = token === undefined ? undefined : book.checkAccessToken(token);
  if (state.forced401 > 0) {
    state.forced401--;
    return unauthorized(res, state, 'forced by the test');
  }
  if (!token) return unauthorized(res, state, 'no access token');
  if (!record) return unauthorized(res, state, 'unknown or expired access token');
  if (url.pathname === '/api/stream') return stream(req, res, url, state);
  const text = await readBody(req);
  let body: unknown = text;
  if ((req.headers['content-type'] ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  // The credential itself is never echoed: answers of the proxy are searched for secrets by the vault's tests.
  const { authorization: _a, ...headers } = req.headers;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (k !== (state.auth().name ?? 'access_token') || state.auth().in !== 'query') query[k] = v;
  const status = Number(url.searchParams.get('status') ?? 200);
  sendJson(res, status >= 200 && status <= 599 ? status : 200, {
    method: req.method,
    path: url.pathname,
    query,
    headers,
    body,
    scope: record.scope,
    token_expires_at: new Date(record.expiresAt).toISOString(),
  });
}

/** `?bytes=` (default 1 MiB) in chunks of `?chunk=` bytes (default 64 KiB), `?interval=` ms apart (default 20). */
function stream(req: IncomingMessage, res: ServerResponse, url: URL, state: ApiState): void {
  const total = Number(url.searchParams.get('bytes') ?? 1 << 20);
  const chunkSize = Number(url.searchParams.get('chunk') ?? 1 << 16);
  const interval = Number(url.searchParams.get('interval') ?? 20);
  req.resume();
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-stream-bytes': String(total) });
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  res.on('close', () => {
    clearTimeout(timer);
    if (sent < total) state.streamsAborted++;
  });
  const next = (): void => {
    if (res.destroyed) return;
    const size = Math.min(chunkSize, total - sent);
    // Each chunk is its index repeated, so a reader can check order and completeness.
    const chunk = Buffer.alloc(size, 0x61 + ((sent / chunkSize) % 26));
    sent += size;
    if (sent >= total) return void res.end(chunk);
    res.write(chunk);
    timer = setTimeout(next, interval);
  };
  next();
}
