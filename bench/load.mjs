// What `npm run bench` (bench/run.mjs) uses to run servers and load them: child processes, the load generators (wrk
// or autocannon for single requests, bench/flow-client.mjs for whole authorization code flows), and the CPU time
// and resident memory of a server's processes, read from /proc (Linux only).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const FLOW_LOOPS = Number(process.env.BENCH_FLOW_LOOPS ?? 8);
export const WARMUP = 2;
export const FORM = 'application/x-www-form-urlencoded';
const WRK_THREADS = Number(process.env.BENCH_WRK_THREADS ?? 1);
const hasWrk = () => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
export const GENERATOR = process.env.BENCH_GENERATOR ?? (hasWrk() ? 'wrk' : 'autocannon');
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
export const GENERATOR_TEXT = GENERATOR === 'wrk' ? `wrk (${WRK_THREADS} thread${WRK_THREADS === 1 ? '' : 's'}, its own process)` : 'autocannon (in this process)';

const children = [];
const cleanups = [];
export const onCleanup = (f) => cleanups.push(f);
export async function shutdown() {
  await Promise.all(children.map(stop));
  for (const f of cleanups.reverse()) await f().catch((err) => console.error('bench: clean-up failed:', err.message));
}
process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server (a Node script) and waits until a line of its stdout matches `ready`, then `settleMs` more for
 * start-up work to settle, and reads its memory then: the "idle after start" figure.
 */
export function start(name, args, env, ready, settleMs = 1000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${out}${err}`)), 60_000);
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out}${err}`));
    };
    child.stdout.on('data', (d) => {
      out += d;
      if (!ready.test(out)) return;
      ready = /(?!)/; // once
      clearTimeout(timer);
      child.off('exit', onExit);
      void sleep(settleMs).then(() => resolve({ name, child, pid: child.pid, idle: memoryOf(child.pid), end: undefined }));
    });
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', onExit);
  });
}

/** Stops a server (SIGTERM) and waits for its exit. */
export async function stop(serverOrChild) {
  const child = serverOrChild.child ?? serverOrChild;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.url} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export const basic = (id, secret) => 'Basic ' + Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');

/** [ppid, CPU seconds (user + system)] of a process. */
function procStat(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / 100];
}

/** A process and all its descendants (Keyward's cluster workers, the floors' workers). */
function processTree(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), procStat(entry)[0]);
    } catch {
      // exited meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** CPU seconds a server has used, with its descendants. On a busy machine req/s swings with the neighbours' load,
 * CPU time per request much less, so it is reported as well. `mainThreads`: only each process's main thread (the
 * event loop), without libuv's thread pool (where Argon2id runs), V8's helper threads and worker threads. */
export function cpuSeconds(pid, mainThreads = false) {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += procStat(mainThreads ? `${p}/task/${p}` : p)[1];
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/**
 * Resident memory of a server, summed over its processes, in MiB: rss (VmRSS now) and hwm (VmHWM, each process's
 * peak resident size; the sum is an upper bound of the server's peak, as the processes need not peak together).
 */
export function memoryOf(pid) {
  let rss = 0;
  let hwm = 0;
  let processes = 0;
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      hwm += Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      processes++;
    } catch {
      // exited meanwhile
    }
  }
  return { rss: rss / 1024, hwm: hwm / 1024, processes };
}

/** CPU seconds (user + system) used by this process's children that have exited and been waited for (wrk runs, flow
 * clients). */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

let scriptDir;
/**
 * A wrk Lua script sending one POST (or, with `paths`, GETs of those paths in turn); its done() prints the summary as
 * one JSON line (exact p99, counts, errors).
 */
function wrkScript(headers, body, paths) {
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
  const lines = paths ? ['wrk.method = "GET"'] : ['wrk.method = "POST"', `wrk.body = ${lit(body)}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`wrk.headers[${lit(k)}] = ${lit(v)}`);
  if (paths) {
    lines.push(
      `local paths = { ${paths.map(lit).join(', ')} }`,
      'local i = 0',
      'request = function()',
      '  i = i % #paths + 1',
      '  return wrk.format(nil, paths[i])',
      'end',
    );
  }
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

/** Runs a child process to its end and resolves with its stdout (rejects on a non-zero exit). */
function runChild(command, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${out}`));
      resolve(out);
    });
  });
}

async function wrk(url, script, connections, seconds) {
  const args = ['-t', String(Math.min(WRK_THREADS, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s', '--latency', '-s', script, url];
  const out = await runChild('wrk', args, {}, (seconds + 30) * 1000);
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk ${args.join(' ')} printed no result:\n${out}`);
  return JSON.parse(line.slice('WRK_RESULT '.length));
}

/**
 * A result: rate (per second), p99 (ms), cpuUs (the server's CPU µs per unit, all its processes), genCpuUs (the
 * generator's), failed, total; unit is 'req' or 'flow'. A form POST of `body` to `url`, or with `paths` (absolute
 * paths on url's server) GETs of those paths in turn, each connection walking the list.
 */
export async function load(title, server, url, headers, body, connections = CONNECTIONS, paths = undefined) {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`bench: refusing to load ${url} (127.0.0.1 only)`);
  const allHeaders = paths ? { ...headers } : { 'content-type': FORM, ...headers };
  let result;
  if (GENERATOR === 'wrk') {
    const script = wrkScript(allHeaders, body, paths);
    await wrk(url, script, connections, WARMUP);
    const cpu0 = cpuSeconds(server.pid);
    const gen0 = childCpuSeconds();
    const r = await wrk(url, script, connections, DURATION);
    const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / r.requests;
    const genCpuUs = ((childCpuSeconds() - gen0) * 1e6) / r.requests;
    const bad = r.status + r.connect + r.read + r.write + r.timeout;
    if (bad) console.error(`bench: ${title}: ${bad} failed requests of ${r.requests} (non-2xx/3xx ${r.status}, connect ${r.connect}, read ${r.read}, write ${r.write}, timeouts ${r.timeout})`);
    result = { rate: r.requests / (r.duration_us / 1e6), p99: Math.round(r.p99_us / 10) / 100, cpuUs, genCpuUs, failed: bad, total: r.requests };
  } else {
    const opts = paths
      ? { url, method: 'GET', headers: allHeaders, requests: paths.map((path) => ({ path })), connections, pipelining: 1 }
      : { url, method: 'POST', headers: allHeaders, body, connections, pipelining: 1 };
    await autocannon({ ...opts, duration: WARMUP });
    const cpu0 = cpuSeconds(server.pid);
    const gen0 = process.cpuUsage();
    const r = await autocannon({ ...opts, duration: DURATION });
    const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / r.requests.total;
    const g = process.cpuUsage(gen0);
    const genCpuUs = (g.user + g.system) / r.requests.total;
    const bad = r.non2xx + r.errors + r.timeouts;
    if (bad) console.error(`bench: ${title}: ${bad} failed requests of ${r.requests.total} (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})`);
    result = { rate: r.requests.average, p99: r.latency.p99, cpuUs, genCpuUs, failed: bad, total: r.requests.total };
  }
  server.end = memoryOf(server.pid);
  return { ...result, title, unit: 'req', connections };
}

/**
 * Whole authorization code + PKCE flows (bench/flow-client.mjs in its own process, FLOW_LOOPS loops): a warm-up run,
 * then the measured one. `flow` holds the flow client's environment (endpoints, client, user).
 */
export async function flowLoad(title, server, flow) {
  const env = { ...flow, LOOPS: String(FLOW_LOOPS) };
  const run = async (seconds) => {
    const out = await runChild(process.execPath, ['bench/flow-client.mjs'], { ...env, DURATION: String(seconds) }, (seconds + 60) * 1000);
    return JSON.parse(out.trim().split('\n').at(-1));
  };
  await run(WARMUP);
  const cpu0 = cpuSeconds(server.pid);
  const loop0 = cpuSeconds(server.pid, true);
  const gen0 = childCpuSeconds();
  const r = await run(DURATION);
  const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / r.flows;
  const loopCpuUs = ((cpuSeconds(server.pid, true) - loop0) * 1e6) / r.flows;
  const genCpuUs = ((childCpuSeconds() - gen0) * 1e6) / r.flows;
  if (r.failed) console.error(`bench: ${title}: ${r.failed} failed flows of ${r.flows + r.failed}; the first: ${r.error}`);
  server.end = memoryOf(server.pid);
  return { title, unit: 'flow', connections: FLOW_LOOPS, rate: r.flows / r.seconds, p99: r.p99_ms, cpuUs, loopCpuUs, genCpuUs, failed: r.failed, total: r.flows };
}
