// A throwaway PostgreSQL cluster of a test's own (initdb in a temporary directory, another free port), for tests
// that stop, restart or break the database: the shared one on KEYWARD_TEST_DATABASE_URL is never touched.
// initdb and postgres refuse to run as root: as root they run as the `postgres` OS user (runuser).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const CI = !!process.env.CI && process.env.CI !== 'false';

/** The newest installed PostgreSQL's bin directory (Debian layout), or undefined. */
export function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** Whether the tests can make a cluster here; under CI they must (a missing binary fails instead of skipping). */
export function canMakeCluster(): boolean {
  if (pgBinDir()) return true;
  if (CI) throw new Error('PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin) are required under CI for the restart tests');
  process.stderr.write('NOTICE: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: the database restart tests are skipped.\n');
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } | undefined {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres') return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it (if running) and removes its files. */
  destroy(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries');
  const root = process.getuid?.() === 0;
  const owner = root ? postgresUid() : undefined;
  if (root && !owner) throw new Error('running as root needs a `postgres` OS user to run PostgreSQL as');
  const dir = mkdtempSync(path.join(tmpdir(), 'kw-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const as = (cmd: string, args: string[]) =>
    root ? exec('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : exec(path.join(bin, cmd), args);
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const ctl = (...args: string[]) => as('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-t', '60', ...args]);
  await ctl('-w', 'start');
  const pid = () => {
    try {
      return Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  };
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    pid,
    stop: async (mode = 'fast') => {
      await ctl('-w', '-m', mode, 'stop');
      running = false;
    },
    start: async () => {
      await ctl('-w', 'start');
      running = true;
    },
    restart: async () => {
      await ctl('-w', '-m', 'fast', 'restart');
      running = true;
    },
    destroy: async () => {
      if (running) {
        await ctl('-w', '-m', 'immediate', 'stop').catch(() => {
          const p = pid();
          if (p) process.kill(p, 'SIGQUIT');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
