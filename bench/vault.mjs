// The connection vault's workloads of `npm run bench` (bench/run.mjs), against a minimal local provider
// (bench/vault-provider.mjs: rotating refresh tokens, counting any reuse):
//   vault-refresh  due renewals per second on one node: VAULT_CONNECTIONS connections, all due at once, renewed by one
//                  Keyward process (KEYWARD_WORKERS=1, scheduler every 50 ms); the time from marking them due until
//                  the database shows every one renewed (polled every 50 ms), checked: each renewed exactly once,
//                  the provider saw no reuse and no unknown token. Floor: bench/vault-refresh-floor.mjs.
//   vault-read     GET /spaces/default/connections/{id}/token with a client's JWT access token (scope connections)
//                  across VAULT_READ_CONNECTIONS connections whose tokens are far from expiry (no provider call),
//                  each load connection walking the list of URLs (a wrk Lua script). Floor: bench/floor.mjs
//                  MODE=vault-read, in as many processes as Keyward.
// The provider client and connections are written straight into the bench's database (the vault's admin routes
// are not part of this build): sealed with Keyward's master key through its own seal() and additional data
// (dist/crypto/seal.js, dist/store/sealed-columns.js), so Keyward opens them as its own.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { CONNECTIONS, basic, cpuSeconds, freePort, json, load, memoryOf, root, start, stop } from './load.mjs';

export const VAULT_CONNECTIONS = Number(process.env.BENCH_VAULT_CONNECTIONS ?? 10_000);
export const VAULT_READ_CONNECTIONS = Number(process.env.BENCH_VAULT_READ_CONNECTIONS ?? 100);
// Keyward's renewal scheduler (src/vault/renewal.ts DEFAULT_RENEWAL): 64 renewals in flight, batches of 200.
export const VAULT_CONCURRENCY = 64;
const VAULT_BATCH = 200;
const REFRESH_PREFIX = 'bench refresh ';
const READ_PREFIX = 'bench read ';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function seal() {
  const { masterKeyFrom, seal: sealWith } = await import('../dist/crypto/seal.js');
  const { sealedAad } = await import('../dist/store/sealed-columns.js');
  return { masterKeyFrom, sealWith, sealedAad };
}

/** Inserts the provider client and `count` connections named prefix + i with the given refresh tokens. */
async function seedConnections(db, sealing, mk, spaceId, providerClientId, prefix, refreshTokens, expiresAt, nextRefreshAt) {
  const { sealWith, sealedAad } = sealing;
  const ids = [];
  for (let from = 0; from < refreshTokens.length; from += 2000) {
    const chunk = refreshTokens.slice(from, from + 2000);
    const cols = { id: [], name: [], at: [], rt: [] };
    chunk.forEach((rt, j) => {
      const id = randomUUID();
      cols.id.push(id);
      cols.name.push(`${prefix}${from + j + 1}`);
      cols.at.push(sealWith(mk, `at_${randomBytes(24).toString('base64url')}`, sealedAad.connection(id, 'access_token')));
      cols.rt.push(sealWith(mk, rt, sealedAad.connection(id, 'refresh_token')));
      ids.push(id);
    });
    await db.query(
      `insert into connections (id, space_id, name, kind, provider_client_id, status, access_token_sealed, refresh_token_sealed,
         token_type, expires_at, next_refresh_at, connected_at, refresh_token_used_at)
       select u.id, $5, u.name, 'oauth2_authorization_code', $6, 'connected', u.at, u.rt, 'Bearer', $7, $8, now(), now()
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as u(id, name, at, rt)`,
      [cols.id, cols.name, cols.at, cols.rt, spaceId, providerClientId, expiresAt, nextRefreshAt],
    );
  }
  return ids;
}

function runFloor(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/vault-refresh-floor.mjs'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`vault-refresh-floor failed (${code}):\n${out}`))));
  });
}

/**
 * Runs the chosen vault workloads into R (kwVaultRead, vaultReadFloor, kwRefresh, refreshFloor). Keyward's other
 * servers must be stopped: this starts its own on kwEnv (same port and database), and the servers it starts are
 * pushed onto `servers` (the memory table).
 */
export async function vaultWorkloads({ only, kwEnv, kwBase, adminToken, kwWorkers, nodeArgs, dbUrl, servers, R }) {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const sealing = await seal();
    const mk = sealing.masterKeyFrom(Buffer.from(kwEnv.KEYWARD_MASTER_KEY, 'base64'));
    const clientId = 'bench-vault';
    const clientSecret = randomBytes(24).toString('base64url');
    const port = await freePort();
    const provider = await start('vault provider (bench/vault-provider.mjs)', ['bench/vault-provider.mjs'], { PORT: String(port), CLIENT_ID: clientId, CLIENT_SECRET: clientSecret }, /"port"/);
    provider.port = port;
    servers.push(provider);
    return await runAll({ only, kwEnv, kwBase, adminToken, kwWorkers, nodeArgs, dbUrl, servers, R, db, sealing, mk, clientId, clientSecret, provider });
  } finally {
    await db.end();
  }
}

async function runAll(c) {
  const { only, kwEnv, kwBase, adminToken, kwWorkers, nodeArgs, dbUrl, servers, R, db, sealing, mk, clientId, clientSecret, provider } = c;
  const providerUrl = `http://127.0.0.1:${provider.port}`;
  const stats = async () => json(await fetch(`${providerUrl}/_bench/stats`));
  const firstTokens = async (n) => json(await fetch(`${providerUrl}/_bench/seed`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `n=${n}` }));

  const [{ id: spaceId }] = (await db.query("select id from spaces where slug = 'default'")).rows;
  const pcId = randomUUID();
  await db.query(
    `insert into provider_clients (id, space_id, provider, name, client_id, client_secret_sealed, authorization_url, token_url, token_endpoint_auth_method, scope)
     values ($1, $2, 'custom', 'bench provider', $3, $4, $5, $6, 'client_secret_basic', '')`,
    [pcId, spaceId, clientId, sealing.sealWith(mk, clientSecret, sealing.sealedAad.providerClient(pcId, 'client_secret')), `${providerUrl}/authorize`, `${providerUrl}/token`],
  );
  const day = new Date(Date.now() + 86_400_000);

  if (only.has('vault-read')) {
    const ids = await seedConnections(db, sealing, mk, spaceId, pcId, READ_PREFIX, await firstTokens(VAULT_READ_CONNECTIONS), day, day);
    const kw = await start(`Keyward, vault reads (KEYWARD_WORKERS=${kwWorkers})`, [...nodeArgs, 'dist/cli.js', 'serve'], kwEnv, /Keyward is listening/);
    servers.push(kw);
    const api = async (method, path, body, okStatus = []) => {
      const res = await fetch(`${kwBase}/admin/api/v1${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (okStatus.includes(res.status)) return undefined;
      return json(res);
    };
    await api('POST', '/spaces/default/scopes', { name: 'connections', description: 'bench: connection tokens' }, [409]);
    const client = await api('POST', '/spaces/default/clients', { name: 'bench-vault-reader', grant_types: ['client_credentials'], scope: 'connections' });
    const tokenRes = await json(
      await fetch(`${kwBase}/spaces/default/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client.client_id, client.client_secret) },
        body: 'grant_type=client_credentials&scope=connections',
      }),
    );
    const jwt = tokenRes.access_token;
    if (jwt.split('.').length !== 3) throw new Error('vault-read: the client access token is not a JWT');
    const auth = { authorization: `Bearer ${jwt}` };
    const paths = ids.map((id) => `/spaces/default/connections/${id}/token`);
    const checkRead = async (base, what) => {
      const body = await json(await fetch(`${base}${paths[0]}`, { headers: auth }));
      if (!body.access_token?.startsWith('at_')) throw new Error(`vault-read: ${what} answered no access token: ${JSON.stringify(body)}`);
    };
    await checkRead(kwBase, 'Keyward');
    const before = await stats();
    R.kwVaultRead = await load(`Keyward connection token reads (${ids.length} connections)`, kw, `${kwBase}${paths[0]}`, auth, '', CONNECTIONS, paths);
    const after = await stats();
    if (after.refreshes !== before.refreshes) throw new Error('vault-read: Keyward called the provider during the reads');
    if (only.has('floor')) {
      const port = await freePort();
      const floor = await start(
        'floor (vault-read)',
        ['bench/floor.mjs'],
        { PORT: String(port), MODE: 'vault-read', WORKERS: kwWorkers, DATABASE_URL: dbUrl, MASTER_KEY: kwEnv.KEYWARD_MASTER_KEY, JWKS_URL: `${kwBase}/spaces/default/jwks` },
        /"port"/,
      );
      servers.push(floor);
      const floorBase = `http://127.0.0.1:${port}`;
      await checkRead(floorBase, 'the floor');
      R.vaultReadFloor = await load(`floor (vault-read, ${ids.length} connections)`, floor, `${floorBase}${paths[0]}`, auth, '', CONNECTIONS, paths);
      await stop(floor);
    }
    await stop(kw);
  }

  if (only.has('vault-refresh')) {
    const n = VAULT_CONNECTIONS;
    const ids = await seedConnections(db, sealing, mk, spaceId, pcId, REFRESH_PREFIX, await firstTokens(n), new Date(Date.now() + 3_600_000), null);
    const kw = await start(
      'Keyward, vault refresh (KEYWARD_WORKERS=1)',
      [...nodeArgs, 'dist/cli.js', 'serve'],
      { ...kwEnv, KEYWARD_WORKERS: '1', KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: '50' },
      /Keyward is listening/,
    );
    servers.push(kw);
    const s0 = await stats();
    const cpu0 = cpuSeconds(kw.pid);
    const prov0 = cpuSeconds(provider.pid);
    const t0 = process.hrtime.bigint();
    await db.query('update connections set next_refresh_at = now() where name like $1', [`${REFRESH_PREFIX}%`]);
    const deadline = Date.now() + Math.max(120_000, n * 20);
    let done = 0;
    while (done < n && Date.now() < deadline) {
      await sleep(50);
      done = Number((await db.query('select count(*) from connections where name like $1 and refresh_count >= 1', [`${REFRESH_PREFIX}%`])).rows[0].count);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpuUs = ((cpuSeconds(kw.pid) - cpu0) * 1e6) / Math.max(1, done);
    const providerCpuUs = ((cpuSeconds(provider.pid) - prov0) * 1e6) / Math.max(1, done);
    kw.end = memoryOf(kw.pid);
    await stop(kw);
    // None lost: every connection renewed exactly once, connected, its lease given back; the provider saw exactly n
    // refreshes, no reuse of a rotated refresh token and no unknown one.
    const [check] = (
      await db.query(
        `select count(*) filter (where refresh_count = 1 and status = 'connected' and last_error is null and lease_owner is null
           and next_refresh_at > now())::int as good, count(*)::int as total
         from connections where name like $1`,
        [`${REFRESH_PREFIX}%`],
      )
    ).rows;
    const s1 = await stats();
    const refreshes = s1.refreshes - s0.refreshes;
    const problems = [];
    if (check.good !== n) problems.push(`${n - check.good} of ${n} connections not renewed exactly once`);
    if (refreshes !== n) problems.push(`the provider saw ${refreshes} refreshes for ${n} connections`);
    for (const k of ['reuse', 'unknown', 'badClient']) if (s1[k] !== s0[k]) problems.push(`provider ${k}: ${s1[k] - s0[k]}`);
    if (problems.length) console.error(`bench: vault-refresh: ${problems.join('; ')}`);
    R.kwRefresh = {
      title: `Keyward due refreshes (${n} connections, one process)`,
      unit: 'refresh',
      connections: VAULT_CONCURRENCY,
      rate: done / seconds,
      seconds,
      cpuUs,
      providerCpuUs,
      genCpuUs: NaN,
      failed: problems.length ? Math.max(1, n - check.good, Math.abs(refreshes - n)) : 0,
      total: done,
      reuse: s1.reuse - s0.reuse,
    };

    if (only.has('floor')) {
      const sf0 = await stats();
      const provF0 = cpuSeconds(provider.pid);
      const r = await runFloor({
        DATABASE_URL: dbUrl,
        MASTER_KEY: kwEnv.KEYWARD_MASTER_KEY,
        TOKEN_URL: `${providerUrl}/token`,
        CLIENT_ID: clientId,
        CLIENT_SECRET: clientSecret,
        NAME_PREFIX: REFRESH_PREFIX,
        CONCURRENCY: String(VAULT_CONCURRENCY),
        BATCH: String(VAULT_BATCH),
      });
      const sf1 = await stats();
      // The floor renews the same connections again from the refresh tokens Keyward stored: any token Keyward had
      // lost shows here as unknown or reuse at the provider.
      const floorProblems = [];
      if (r.refreshed !== ids.length || r.failed) floorProblems.push(`${r.failed} failed (first: ${r.firstError})`);
      for (const k of ['reuse', 'unknown']) if (sf1[k] !== sf0[k]) floorProblems.push(`provider ${k}: ${sf1[k] - sf0[k]}`);
      if (floorProblems.length) console.error(`bench: vault-refresh floor: ${floorProblems.join('; ')}`);
      R.refreshFloor = {
        title: `floor (vault-refresh, ${n} connections, one process)`,
        unit: 'refresh',
        connections: VAULT_CONCURRENCY,
        rate: r.refreshed / r.seconds,
        seconds: r.seconds,
        cpuUs: r.cpuUs,
        providerCpuUs: ((cpuSeconds(provider.pid) - provF0) * 1e6) / Math.max(1, r.refreshed),
        genCpuUs: NaN,
        failed: floorProblems.length ? Math.max(1, r.failed) : 0,
        total: r.refreshed,
      };
    }
  }
  provider.end = memoryOf(provider.pid);
}
