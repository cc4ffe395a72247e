// `npm run bench`: Keyward and oidc-provider 9 side by side on 127.0.0.1, each in its own process, loaded by the
// same generator with the same request shapes. Keyward runs on a fresh PostgreSQL database (created here, dropped at
// the end) so opaque tokens are stored durably. Needs `npm run build` first.
// The generator is wrk (C; Debian package `wrk`) when it is on the PATH: on a small machine autocannon (JavaScript,
// in this process) costs about as much CPU per request as the servers themselves and becomes the bottleneck, so
// req/s would measure the generator. Without wrk the bench says so and falls back to autocannon.
//   KEYWARD_BENCH_DATABASE_URL  server to create the database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 32), BENCH_CPU_PROF=<dir>: Keyward writes a .cpuprofile,
//   BENCH_ONLY=jwt,opaque,introspect,floor: a subset of the workloads (for profiling one of them),
//   BENCH_GENERATOR=wrk|autocannon (default: wrk if installed), BENCH_WRK_THREADS (default 1),
//   BENCH_KEYWARD_WORKERS: Keyward's KEYWARD_WORKERS (default auto: one process per CPU; oidc-provider has no such
//   mode: its in-memory store lives in one process)
// The client_credentials workloads come with their floors (bench/floor.mjs; BENCH_ONLY without `floor` leaves them
// out): node:http plus one ES256 signature, or plus Keyward's own group-commit INSERT, per request and nothing else, in
// as many processes as Keyward. No Node server does the workload much faster here, so floor / oidc-provider is about
// the highest ratio this machine allows, and Keyward / floor says how much of it Keyward reaches.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP = 2;
const adminUrl = process.env.KEYWARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const FORM = 'application/x-www-form-urlencoded';
const ONLY = new Set((process.env.BENCH_ONLY ?? 'jwt,opaque,introspect,floor').split(','));
const SKIPPED = { rps: NaN, p99: NaN, cpuUs: NaN, genCpuUs: NaN, failed: 0, total: 0 };
const WRK_THREADS = Number(process.env.BENCH_WRK_THREADS ?? 1);
const KW_WORKERS = process.env.BENCH_KEYWARD_WORKERS ?? 'auto';
const KW_PROCESSES = KW_WORKERS === 'auto' ? availableParallelism() : Number(KW_WORKERS);
const hasWrk = () => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
const GENERATOR = process.env.BENCH_GENERATOR ?? (hasWrk() ? 'wrk' : 'autocannon');
if (GENERATOR !== 'wrk' && GENERATOR !== 'autocannon') {
  console.error(`bench: BENCH_GENERATOR must be wrk or autocannon, not ${GENERATOR}`);
  process.exit(1);
}
if (GENERATOR === 'wrk' && !hasWrk()) {
  console.error('bench: BENCH_GENERATOR=wrk but wrk is not installed (Debian: apt-get install wrk)');
  process.exit(1);
}
if (GENERATOR === 'autocannon' && !process.env.BENCH_GENERATOR) {
  console.warn('bench: notice: wrk is not installed (Debian: apt-get install wrk); falling back to autocannon, which runs in\n' +
    'this process and may saturate a small machine before the servers do: read req/s with that in mind.');
}

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}

const children = [];
const cleanups = [];
async function shutdown() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  for (const f of cleanups.reverse()) await f().catch((err) => console.error('bench: clean-up failed:', err.message));
}
process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Starts a child process and waits until a line of its stdout matches `ready`. */
function start(name, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${out}${err}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out}${err}`));
    });
  });
}

async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const basic = (id, secret) => 'Basic ' + Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');

/** [ppid, CPU seconds (user + system)] of a process; Linux only. */
function procStat(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / 100];
}

/** CPU seconds a server has used, with its child processes (Keyward's cluster workers). On a busy machine req/s
 * swings with the neighbours' load, CPU time per request much less, so it is reported as well. */
function cpuSeconds(pid) {
  try {
    let total = procStat(pid)[1];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const [ppid, cpu] = procStat(entry);
        if (ppid === pid) total += cpu;
      } catch {
        // exited meanwhile
      }
    }
    return total;
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) used by this process's children that have exited and been waited for (wrk runs). */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

let scriptDir;
/** A wrk Lua script sending one POST; its done() prints the summary as one JSON line (exact p99, counts, errors). */
function wrkScript(headers, body) {
  if (!scriptDir) {
    scriptDir = mkdtempSync(join(tmpdir(), 'keyward-bench-'));
    const dir = scriptDir;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  // JSON string literals of printable ASCII are valid Lua string literals.
  const lit = (v) => {
    if (!/^[\x20-\x7e]*$/.test(v)) throw new Error('bench: wrk script values must be printable ASCII');
    return JSON.stringify(v);
  };
  const lines = ['wrk.method = "POST"', `wrk.body = ${lit(body)}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`wrk.headers[${lit(k)}] = ${lit(v)}`);
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format("WRK_RESULT {\\"requests\\":%d,\\"duration_us\\":%d,\\"p99_us\\":%d,\\"status\\":%d,\\"connect\\":%d,\\"read\\":%d,\\"write\\":%d,\\"timeout\\":%d}\\n",',
    '    summary.requests, summary.duration, latency:percentile(99), e.status, e.connect, e.read, e.write, e.timeout))',
    'end',
  );
  const file = join(scriptDir, `load-${randomBytes(4).toString('hex')}.lua`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function wrk(url, script, connections, seconds) {
  return new Promise((resolve, reject) => {
    const args = ['-t', String(Math.min(WRK_THREADS, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s', '--latency', '-s', script, url];
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`wrk ${args.join(' ')} failed (${code}):\n${out}`));
      resolve(JSON.parse(line.slice('WRK_RESULT '.length)));
    });
  });
}

async function load(title, server, url, headers, body, connections = CONNECTIONS) {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`bench: refusing to load ${url} (127.0.0.1 only)`);
  const allHeaders = { 'content-type': FORM, ...headers };
  if (GENERATOR === 'wrk') {
    const script = wrkScript(allHeaders, body);
    await wrk(url, script, connections, WARMUP);
    const cpu0 = cpuSeconds(server.pid);
    const gen0 = childCpuSeconds();
    const r = await wrk(url, script, connections, DURATION);
    const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / r.requests;
    const genCpuUs = ((childCpuSeconds() - gen0) * 1e6) / r.requests;
    const bad = r.status + r.connect + r.read + r.write + r.timeout;
    if (bad) console.error(`bench: ${title}: ${bad} failed requests of ${r.requests} (non-2xx/3xx ${r.status}, connect ${r.connect}, read ${r.read}, write ${r.write}, timeouts ${r.timeout})`);
    return { rps: r.requests / (r.duration_us / 1e6), p99: Math.round(r.p99_us / 10) / 100, cpuUs, genCpuUs, failed: bad, total: r.requests };
  }
  const opts = { url, method: 'POST', headers: allHeaders, body, connections, pipelining: 1 };
  await autocannon({ ...opts, duration: WARMUP });
  const cpu0 = cpuSeconds(server.pid);
  const gen0 = process.cpuUsage();
  const r = await autocannon({ ...opts, duration: DURATION });
  const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / r.requests.total;
  const g = process.cpuUsage(gen0);
  const genCpuUs = (g.user + g.system) / r.requests.total;
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad) console.error(`bench: ${title}: ${bad} failed requests of ${r.requests.total} (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})`);
  return { rps: r.requests.average, p99: r.latency.p99, cpuUs, genCpuUs, failed: bad, total: r.requests.total };
}

async function main() {
  // A fresh database for this run.
  const dbName = `keyward_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;

  const kwPort = await freePort();
  const kwBase = `http://127.0.0.1:${kwPort}`;
  const adminToken = randomBytes(32).toString('base64url');
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const keyward = await start('Keyward', [...nodeArgs, 'dist/cli.js', 'serve'], {
    KEYWARD_HOST: '127.0.0.1',
    KEYWARD_PORT: String(kwPort),
    KEYWARD_PUBLIC_URL: kwBase,
    KEYWARD_DATABASE_URL: dbUrl.toString(),
    KEYWARD_MASTER_KEY: randomBytes(32).toString('base64'),
    KEYWARD_LOG_LEVEL: 'warn',
    KEYWARD_WORKERS: KW_WORKERS,
    KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'bench@example.com',
    KEYWARD_BOOTSTRAP_ADMIN_TOKEN: adminToken,
  }, /Keyward is listening/);

  const opPort = await freePort();
  const opSecret = randomBytes(24).toString('base64url');
  const provider = await start('oidc-provider', ['bench/oidc-provider.mjs'], { PORT: String(opPort), CLIENT_SECRET: opSecret, NODE_ENV: 'production' }, /"port"/);
  const opBase = `http://127.0.0.1:${opPort}`;


  // Keyward: one scope, one JWT client, one opaque client (both client_secret_basic).
  const api = (method, path, body) =>
    fetch(`${kwBase}/admin/api/v1${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
  await api('POST', '/spaces/default/scopes', { name: 'api', description: 'bench', default: true });
  const jwtClient = await api('POST', '/spaces/default/clients', { name: 'bench-jwt', grant_types: ['client_credentials'], scope: 'api' });
  const opaqueClient = await api('POST', '/spaces/default/clients', { name: 'bench-opaque', grant_types: ['client_credentials'], scope: 'api', access_token_format: 'opaque' });
  const kwToken = `${kwBase}/spaces/default/token`;
  const kwJwtAuth = { authorization: basic(jwtClient.client_id, jwtClient.client_secret) };
  const kwOpaqueAuth = { authorization: basic(opaqueClient.client_id, opaqueClient.client_secret) };
  const opAuth = { authorization: basic('bench', opSecret) };

  // One token of each to introspect, and a check that both servers answer the workloads with 200.
  const cc = 'grant_type=client_credentials&scope=api';
  const kwOpaque = (await json(await fetch(kwToken, { method: 'POST', headers: { 'content-type': FORM, ...kwOpaqueAuth }, body: cc }))).access_token;
  const kwJwt = (await json(await fetch(kwToken, { method: 'POST', headers: { 'content-type': FORM, ...kwJwtAuth }, body: cc }))).access_token;
  if (!kwJwt.includes('.') || !kwOpaque.startsWith('kwat_')) throw new Error('unexpected Keyward token formats');
  const opToken = (await json(await fetch(`${opBase}/token`, { method: 'POST', headers: { 'content-type': FORM, ...opAuth }, body: cc }))).access_token;
  const check = async (url, headers, token) => {
    const r = await json(await fetch(url, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body: `token=${encodeURIComponent(token)}` }));
    if (r.active !== true) throw new Error(`${url}: the bench token is not active`);
  };
  await check(`${kwBase}/spaces/default/introspect`, kwOpaqueAuth, kwOpaque);
  await check(`${opBase}/token/introspection`, opAuth, opToken);

  // The floors: the JWT one needs nothing; the opaque one writes into Keyward's table for Keyward's opaque client.
  const floors = {};
  for (const mode of ['jwt', 'opaque']) {
    if (!ONLY.has('floor') || !ONLY.has(mode)) continue;
    const port = await freePort();
    const env = { PORT: String(port), MODE: mode, WORKERS: KW_WORKERS };
    if (mode === 'opaque') {
      const db = new pg.Client({ connectionString: dbUrl.toString() });
      await db.connect();
      const { rows } = await db.query('select id, space_id from clients where client_id = $1', [opaqueClient.client_id]);
      await db.end();
      Object.assign(env, { DATABASE_URL: dbUrl.toString(), CLIENT_PK: rows[0].id, SPACE_ID: rows[0].space_id });
    }
    floors[mode] = { server: await start(`floor (${mode})`, ['bench/floor.mjs'], env, /"port"/), url: `http://127.0.0.1:${port}/token` };
  }

  const gen = GENERATOR === 'wrk' ? `wrk (${WRK_THREADS} thread${WRK_THREADS === 1 ? '' : 's'}, its own process)` : 'autocannon (in this process)';
  console.log(`bench: generator ${gen}; ${DURATION} s per workload after ${WARMUP} s warm-up, ${CONNECTIONS} connections, 127.0.0.1, Node ${process.version}`);
  console.log(`bench: Keyward KEYWARD_WORKERS=${KW_WORKERS}${KW_WORKERS === 'auto' ? ` (${availableParallelism()} processes)` : ''}; oidc-provider: one process`);
  const opCc = ONLY.has('jwt') || ONLY.has('opaque') ? await load('oidc-provider client_credentials', provider, `${opBase}/token`, opAuth, cc) : SKIPPED;
  const kwJwtRun = ONLY.has('jwt') ? await load('Keyward client_credentials JWT', keyward, kwToken, kwJwtAuth, cc) : SKIPPED;
  const jwtFloor = floors.jwt ? await load('floor (jwt)', floors.jwt.server, floors.jwt.url, {}, cc) : undefined;
  const kwOpaqueRun = ONLY.has('opaque') ? await load('Keyward client_credentials opaque', keyward, kwToken, kwOpaqueAuth, cc) : SKIPPED;
  const opaqueFloor = floors.opaque ? await load('floor (opaque)', floors.opaque.server, floors.opaque.url, {}, cc) : undefined;
  const opIntro = ONLY.has('introspect') ? await load('oidc-provider introspection', provider, `${opBase}/token/introspection`, opAuth, `token=${opToken}`) : SKIPPED;
  const kwIntro = ONLY.has('introspect') ? await load('Keyward introspection', keyward, `${kwBase}/spaces/default/introspect`, kwOpaqueAuth, `token=${kwOpaque}`) : SKIPPED;

  const rows = ([
    ['client_credentials, JWT access token', kwJwtRun, opCc, (k, o) => k.rps >= 4 * o.rps && k.p99 <= 10, '>= 4x, p99 <= 10 ms'],
    ['client_credentials, opaque in PostgreSQL', kwOpaqueRun, opCc, (k, o) => k.rps >= 2 * o.rps, '>= 2x in-memory'],
    ['introspection of an opaque token', kwIntro, opIntro, (k, o) => k.rps >= 3 * o.rps, '>= 3x'],
  ]).filter((_, i) => ONLY.has(['jwt', 'opaque', 'introspect'][i]));
  const table = rows.map(([name, k, o, ok, target]) => ({
    workload: name,
    'Keyward req/s': Math.round(k.rps),
    'Keyward p99 ms': k.p99,
    'Keyward CPU µs/req': Math.round(k.cpuUs),
    'oidc-provider req/s': Math.round(o.rps),
    'oidc-provider p99 ms': o.p99,
    'oidc-provider CPU µs/req': Math.round(o.cpuUs),
    ratio: `${(k.rps / o.rps).toFixed(2)}x`,
    'generator CPU µs/req (K / o)': `${Math.round(k.genCpuUs)} / ${Math.round(o.genCpuUs)}`,
    target,
    met: k.failed || o.failed ? 'no (failed requests)' : ok(k, o) ? 'yes' : 'no',
  }));
  console.table(table);
  const floorLine = (name, what, floor, kw) => {
    if (!floor) return;
    console.log(`floor, ${name} (bench/floor.mjs: node:http + ${what} per request, nothing else; ${KW_PROCESSES} process${KW_PROCESSES === 1 ? '' : 'es'}): ` +
      `${Math.round(floor.rps)} req/s, p99 ${floor.p99} ms, CPU ${Math.round(floor.cpuUs)} µs/req = ${(floor.rps / opCc.rps).toFixed(2)}x oidc-provider; ` +
      `Keyward reaches ${Math.round((100 * kw.rps) / floor.rps)}% of it.`);
  };
  floorLine('JWT', 'one ES256 signature', jwtFloor, kwJwtRun);
  floorLine('opaque', "Keyward's group-commit INSERT", opaqueFloor, kwOpaqueRun);
  console.log('oidc-provider runs in memory (its default adapter) with opaque tokens; Keyward stores opaque tokens in PostgreSQL.');
  console.log('CPU µs/req: every process of the server (Keyward: primary and workers; not PostgreSQL\'s own processes).');
  console.log(`load generator: ${gen}; its CPU µs/req is shown per workload (Keyward / oidc-provider).`);
  console.log(`load average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).availableParallelism()} CPUs`);
}

main()
  .catch((err) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  })
  .finally(shutdown);
