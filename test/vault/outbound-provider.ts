// A small provider on node:http for the outbound protocol's tests: each test says how it answers, and every request
// it saw is kept (method, path, headers, raw body, the parsed form or JSON) so the test can check what Keyward sent.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderEntry } from '../../src/vault/catalog/types.js';
import type { ProviderSettings } from '../../src/vault/outbound/index.js';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  form: URLSearchParams;
  json: any;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (sent with application/json). */
  json?: unknown;
  /** A raw body, sent as is. */
  text?: string;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Send the status and half the body, then wait this long before the rest (a provider stalling mid-answer). */
  stallBodyMs?: number;
}

export type Handler = (req: SeenRequest) => Reply | Promise<Reply>;

export interface TestProvider {
  url: string;
  seen: SeenRequest[];
  handler: Handler;
  close(): Promise<void>;
}

export async function startProvider(): Promise<TestProvider> {
  const provider: TestProvider = {
    url: '',
    seen: [],
    handler: () => ({ status: 500, json: { error: 'no_handler' } }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let json: any;
    try {
      json = raw ? JSON.parse(raw) : undefined;
    } catch {
      json = undefined;
    }
    const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, form: new URLSearchParams(raw), json };
    provider.seen.push(seen);
    const reply = await provider.handler(seen);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const headers: Record<string, string> = { ...reply.headers };
    let body = reply.text ?? '';
    if (reply.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(reply.json);
    }
    res.writeHead(reply.status ?? 200, headers);
    if (reply.stallBodyMs) {
      res.write(body.slice(0, body.length >> 1));
      await new Promise((r) => setTimeout(r, reply.stallBodyMs));
      if (res.destroyed) return;
      body = body.slice(body.length >> 1);
    }
    res.end(body);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  provider.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return provider;
}

export function testEntry(patch: Partial<ProviderEntry> = {}): ProviderEntry {
  return {
    id: 'test',
    name: 'Test provider',
    sources: [],
    kinds: ['oauth2_authorization_code', 'oauth2_client_credentials'],
    token_endpoint_auth_method: 'client_secret_basic',
    pkce: true,
    ...patch,
  };
}

export function testSettings(provider: TestProvider, entry: Partial<ProviderEntry> = {}, patch: Partial<ProviderSettings> = {}): ProviderSettings {
  return {
    entry: testEntry(entry),
    clientId: 'keyward-client',
    clientSecret: 'client-secret-value',
    authMethod: 'client_secret_basic',
    authorizationUrl: `${provider.url}/authorize`,
    tokenUrl: `${provider.url}/token`,
    scope: ['read', 'write'],
    overrides: {},
    ...patch,
  };
}

/** A token answer with a fresh access token and the given extra fields. */
export function tokenAnswer(fields: Record<string, unknown> = {}): Reply {
  return { json: { access_token: 'new-access-token', token_type: 'bearer', expires_in: 3600, ...fields } };
}
