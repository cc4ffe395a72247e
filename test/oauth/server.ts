// A real Keyward server on a free port of 127.0.0.1 over a test store, with an owner's admin token.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { createServices, type Services } from '../../src/services.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { openTestStore, type StoreKind } from '../helpers/store.js';

export interface TestServer {
  url: string;
  issuer: string;
  app: FastifyInstance;
  services: Services;
  config: Config;
  ownerToken: string;
  /** Calls the admin API as the owner; throws unless the answer is 2xx. */
  admin(method: string, path: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

/** `logger`: a pino logger for the app (tests that read what the server logs); none by default. */
export async function startTestServer(kind: StoreKind = 'pglite', env: Record<string, string> = {}, logger: Logger | false = false): Promise<TestServer> {
  const ts = await openTestStore(kind);
  const config = loadConfig({ KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0', KEYWARD_LOG_LEVEL: 'silent', ...env });
  const services = createServices(ts.store, masterKeyFrom(randomBytes(32)));
  await services.spaces.ensureDefault();
  const first = await services.admins.createFirstOwner({ email: 'owner@example.com', withToken: true, tokenName: 'test' }, { type: 'system' });
  const app = await buildApp({ config, services, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  const ownerToken = first!.token!.token;
  return {
    url,
    issuer: `${url}/spaces/default`,
    app,
    services,
    config,
    ownerToken,
    admin: async (method, path, body) => {
      const res = await fetch(`${url}/admin/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ownerToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    close: async () => {
      await app.close();
      await ts.close();
    },
  };
}
