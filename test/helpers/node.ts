// A Keyward node in the test process, listening on a real port over a PostgreSQL database that other nodes share:
// what a multi-node deployment is, minus the process boundary.
import type { Config } from '../../src/config/index.js';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/services.js';
import { openStore, type StoreOptions } from '../../src/store/db.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';

export interface NodeOptions {
  /** The store's log lines (connection losses, reconnections) are kept in `lines`. */
  listenBackoff?: StoreOptions['listenBackoff'];
}

export async function startNode(url: string, key: Buffer, opts: NodeOptions = {}) {
  const lines: string[] = [];
  const log = { info: (_o: object, m: string) => void lines.push(m), warn: (_o: object, m: string) => void lines.push(m) };
  const store = await openStore({ databaseUrl: url, poolSize: 4, log, listenBackoff: opts.listenBackoff });
  await store.migrate();
  const services = createServices(store, masterKeyFrom(key));
  await services.bus.start();
  await services.spaces.ensureDefault();
  const config: Config = loadConfig({ KEYWARD_LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, services, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  config.publicUrl = base;
  return { store, services, app, base, lines, close: async () => (await app.close(), await store.close()) };
}
export type TestNode = Awaited<ReturnType<typeof startNode>>;
