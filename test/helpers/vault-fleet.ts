// A fleet for the vault's concurrency and fault tests: `keyward serve` processes (the built CLI, as deployed) on one
// PostgreSQL database, connections in the connected state seeded from the test process through the vault's own
// store code, registered clients that ask the nodes for connection tokens, and reads of the connections' renewal
// state straight from the database.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { SYSTEM } from '../../src/events/audit.js';
import { createServices, type Services } from '../../src/services.js';
import { replaceCredentials } from '../../src/store/connection-renewal.js';
import { openStore, type Store } from '../../src/store/db.js';
import { sealedAad } from '../../src/store/sealed-columns.js';
import { requireBuild, run, type Proc } from '../server/process.js';
import type { QuirkProvider } from './providers/quirk-provider.js';

/** One public URL for every node: a client's Keyward access token from one node is good at the others. */
const PUBLIC_URL = 'http://keyward.fleet.test';

export interface KeywardProcess {
  base: string;
  proc: Proc;
  /** kill -9: no shutdown, no lease given back, answers in flight lost. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop (renewals in flight are finished and written). */
  stop(): Promise<void>;
}

/** Starts `node dist/cli.js serve` on the database with the given master key (base64) and extra settings. */
export async function startKeyward(databaseUrl: string, masterKey: string, env: Record<string, string> = {}): Promise<KeywardProcess> {
  requireBuild();
  const proc = run(['serve'], {
    KEYWARD_HOST: '127.0.0.1',
    KEYWARD_PORT: '0',
    KEYWARD_PUBLIC_URL: PUBLIC_URL,
    KEYWARD_DATABASE_URL: databaseUrl,
    KEYWARD_MASTER_KEY: masterKey,
    KEYWARD_LOG_FORMAT: 'json',
    KEYWARD_LOG_LEVEL: 'warn',
    ...env,
  });
  const [, base] = (await proc.waitFor(/listening on (http:\/\/[0-9.:]+)/, 60_000)) as unknown as [string, string];
  const ended = () => proc.child.exitCode !== null || proc.child.signalCode !== null;
  return {
    base,
    proc,
    kill: async () => {
      if (ended()) return;
      proc.child.kill('SIGKILL');
      await proc.exit;
    },
    stop: async () => {
      if (!ended()) {
        proc.child.kill('SIGTERM');
        await proc.exit;
      }
      if (process.env.KEYWARD_TEST_PROGRESS) writeFileSync(`/tmp/keyward-fleet-${proc.child.pid}.log`, proc.out());
    },
  };
}

/** The test process's own view of the database: services (same master key) for seeding, a pg client for reading. */
export interface FleetDb {
  store: Store;
  services: Services;
  space: { id: string; slug: string };
  /** One query on a connection of its own (a database restart between queries then harms nothing). */
  sql<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and the default space, as the nodes will see them. */
export async function openFleetDb(databaseUrl: string, masterKey: string): Promise<FleetDb> {
  const store = await openStore({ databaseUrl, poolSize: 8 });
  await store.migrate();
  const services = createServices(store, masterKeyFrom(Buffer.from(masterKey, 'base64')));
  await services.spaces.ensureDefault();
  await services.spaces.seedStandardScopes();
  const s = await services.spaces.get('default');
  const sql = async <R extends pg.QueryResultRow>(text: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await client.query<R>(text);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  return { store, services, space: { id: s.id, slug: s.slug }, sql, close: () => store.close() };
}

export const newMasterKey = (): string => randomBytes(32).toString('base64');

export interface SeededConnection {
  id: string;
  /** The provider's token family of the connection (its refresh count is the provider's side of the books). */
  family: string;
}

export interface SeedOptions {
  /** Seconds between scheduled renewals (the connection's renewal_rate; at least 60). */
  renewalSeconds: number;
  /** When each connection's first scheduled renewal is due (epoch ms), by its index. */
  firstRenewalAt: (index: number) => number;
}

/**
 * Creates `count` connections to the provider and puts each into the connected state as a consent would: a new
 * grant minted at the provider, its tokens sealed and stored through the store's own credential replacement.
 */
export async function seedConnections(db: FleetDb, provider: QuirkProvider, count: number, opts: SeedOptions): Promise<SeededConnection[]> {
  const { services, space } = db;
  const pc = await services.vault.providerClients.create(
    space,
    {
      provider: 'custom',
      name: `Quirk ${randomBytes(4).toString('hex')}`,
      client_id: 'quirk-client',
      client_secret: 'quirk-secret',
      authorization_url: provider.authorizationUrl,
      token_url: provider.tokenUrl,
      api_base_url: provider.apiBaseUrl,
    },
    SYSTEM,
  );
  const seeded: SeededConnection[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const row = await services.vault.connections.create(
        space,
        { name: `fleet ${i} ${randomBytes(3).toString('hex')}`, kind: 'oauth2_authorization_code', provider_client: pc.id, renewal_rate: opts.renewalSeconds },
        SYSTEM,
      );
      const minted = provider.mint();
      const now = Date.now();
      await replaceCredentials(db.store.db, row.id, {
        accessTokenSealed: services.keyring.seal(minted.access_token, sealedAad.connection(row.id, 'access_token')),
        refreshTokenSealed: services.keyring.seal(minted.refresh_token!, sealedAad.connection(row.id, 'refresh_token')),
        tokenType: 'Bearer',
        expiresAt: new Date(now + minted.expires_in * 1000),
        expiryKnown: true,
        refreshTokenUsedAt: new Date(now),
        status: 'connected',
        connectedAt: new Date(now),
        nextRefreshAt: new Date(opts.firstRenewalAt(i)),
      });
      seeded[i] = { id: row.id, family: minted.family };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return seeded;
}

/**
 * A first renewal a day away, for connections whose scheduled renewals the test starts itself (makeDue) once it has
 * set the stage, instead of guessing how long seeding and the stage take on a loaded machine.
 */
export const seedNotDue = (): number => Date.now() + 24 * 3_600_000;

/**
 * Makes due now every connection whose next renewal is still the one it was seeded with (`seededAt`, epoch ms), as if
 * that moment had come: a connection renewed since (a forced refresh) keeps the next renewal that renewal gave it.
 * How many were made due.
 */
export async function makeDue(db: FleetDb, seededAt: number): Promise<number> {
  const { rowCount } = await db.sql(
    `update connections set next_refresh_at = now() where next_refresh_at = '${new Date(seededAt).toISOString()}'::timestamptz`,
  );
  return rowCount ?? 0;
}

/** A registered client of the space allowed to use connections, and its Keyward access token (from `node`). */
export async function connectionsClient(db: FleetDb, node: string): Promise<string> {
  const created = await db.services.clients.create(
    db.space,
    { name: `app ${randomBytes(4).toString('hex')}`, client_type: 'confidential', grant_types: ['client_credentials'], scope: 'connections' } as never,
    SYSTEM,
  );
  const res = await fetch(`${node}/spaces/default/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${created.client_id}:${created.client_secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials&scope=connections',
  });
  if (res.status !== 200) throw new Error(`client_credentials at ${node}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface TokenAnswer {
  status: number;
  accessToken?: string;
  body: string;
}

/** GET /spaces/default/connections/{id}/token at `node` as the client holding `bearer`. */
export async function connectionToken(node: string, bearer: string, id: string, force = false): Promise<TokenAnswer> {
  const res = await fetch(`${node}/spaces/default/connections/${id}/token${force ? '?force_refresh=true' : ''}`, {
    headers: { authorization: `Bearer ${bearer}` },
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, body };
  return { status: 200, accessToken: (JSON.parse(body) as { access_token: string }).access_token, body: '' };
}

/** Whether the provider's API accepts the access token. */
export async function worksAtProvider(provider: QuirkProvider, accessToken: string): Promise<boolean> {
  const res = await fetch(`${provider.apiBaseUrl}/ping`, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  return res.status === 200;
}

export interface ConnectionState {
  id: string;
  status: string;
  refresh_count: number;
  last_error: string | null;
  /** A lease is named (live, or run out unfinished: its renewal is due again). */
  leased: boolean;
  due: boolean;
}

/** The renewal state of every connection, read from the database. */
export async function connectionStates(db: FleetDb): Promise<Map<string, ConnectionState>> {
  const { rows } = await db.sql<ConnectionState>(
    `select id, status, refresh_count, last_error,
            lease_owner is not null as leased,
            (next_refresh_at is not null and next_refresh_at <= now()) as due
       from connections`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Runs `fn` over the items, `concurrency` at a time. */
export async function eachLimited<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Progress lines on stderr (KEYWARD_TEST_PROGRESS=1), for a run that is slow to tell why. */
export const progress = (line: string): void => {
  if (process.env.KEYWARD_TEST_PROGRESS) process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => Promise<boolean> | boolean, ms: number, every = 250): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(every);
  }
}
