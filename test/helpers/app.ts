// A Keyward app over a test store with a global owner and their admin API token, for HTTP tests via inject()
// or on a real port (listen()).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config/index.js';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { createServices, type Services } from '../../src/services.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { openTestStore, type StoreKind, type TestStore } from './store.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  config: Config;
  testStore: TestStore;
  /** Admin API token of a global owner. */
  ownerToken: string;
  ownerId: string;
  /** Makes an admin with the given roles and returns their token. */
  adminWith(roles: { space: string; role: string }[]): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

export async function createTestApp(kind: StoreKind = 'pglite', env: Record<string, string> = {}): Promise<TestApp> {
  const testStore = await openTestStore(kind);
  const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_PUBLIC_URL: 'http://localhost:8080', KEYWARD_LOG_LEVEL: 'silent', ...env });
  const services = createServices(testStore.store, masterKeyFrom(randomBytes(32)));
  await services.spaces.ensureDefault();
  const first = await services.admins.createFirstOwner({ email: 'owner@example.com', withToken: true, tokenName: 'test' }, { type: 'system' });
  const app = await buildApp({ config, services, logger: false });
  await app.ready();
  let n = 0;
  return {
    app,
    services,
    config,
    testStore,
    ownerToken: first!.token!.token,
    ownerId: first!.admin.id,
    adminWith: async (roles) => {
      const admin = await services.admins.create(
        { email: `admin${++n}-${randomBytes(3).toString('hex')}@example.com`, roles: roles as never },
        { type: 'system' },
      );
      const token = await services.admins.createToken(admin.id, { name: 'test' }, { type: 'system' });
      return { id: admin.id, token: token.token };
    },
    close: async () => {
      await app.close();
      await testStore.close();
    },
  };
}
