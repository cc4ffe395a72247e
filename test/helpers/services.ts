// The services over a fresh test store, for tests that call them directly (no HTTP).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createServices, type Services } from '../../src/services.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { openTestStore, type StoreKind, type TestStore } from './store.js';

/** For one describe block: a migrated store of `kind`, the services over it and the default space; read in tests. */
export function useServices(kind: StoreKind): { readonly ts: TestStore; readonly s: Services } {
  const env = {} as { ts: TestStore; s: Services };
  beforeAll(async () => {
    env.ts = await openTestStore(kind);
    env.s = createServices(env.ts.store, masterKeyFrom(randomBytes(32)));
    await env.s.spaces.ensureDefault();
  });
  afterAll(async () => env.ts?.close());
  return env;
}
