// The connection to a provider's token endpoint: sockets are kept alive and reused between token requests (the
// renewal's hot path), and an answer longer than a token answer can be is not read to its end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokens, type TokenResult } from '../../src/vault/outbound/index.js';
import { BODY_MAX } from '../../src/vault/outbound/http-post.js';
import { testSettings } from './outbound-provider.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
let server: Server;
let url: string;
const sockets = new Set<string>();
let answer: (res: import('node:http').ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(`${req.socket.remotePort}`);
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const settings = () => testSettings({ url, seen: [], handler: () => ({}), close: async () => undefined });
const refresh = (): Promise<TokenResult> => refreshTokens(settings(), 'the-refresh-token', NOW);

describe('the connection to the provider', () => {
  it('reuses one socket for token requests one after another', async () => {
    sockets.clear();
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'a', expires_in: 600 }));
    for (let i = 0; i < 5; i++) expect((await refresh()).ok).toBe(true);
    expect(sockets.size).toBe(1);
  });

  it('stops reading an answer longer than a token answer, declared or streamed', async () => {
    const big = 'x'.repeat(BODY_MAX + 1);
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length) }).end(big);
    expect(await refresh()).toEqual({ ok: false, failure: { kind: 'rejected', status: 200, description: 'HTTP 200 with a body that is not JSON' } });

    // No length declared: the body arrives in chunks and reading stops once it passes the limit.
    let written = 0;
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!res.destroyed && written < 64 * BODY_MAX) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('close', () => undefined);
      more();
    };
    expect(await refresh()).toEqual({ ok: false, failure: { kind: 'rejected', status: 200, description: 'HTTP 200 with a body that is not JSON' } });
    expect(written).toBeLessThan(16 * BODY_MAX);
  });
});
