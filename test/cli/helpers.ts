// Runs the built `keyward` CLI as a child process against a real server on a real port: what a user types is
// what runs, with no mocks between the command line and the admin API.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { openStore } from '../../src/store/db.js';
import { migrationsKey } from '../helpers/store.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does it)`);
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without the caller's KEYWARD_* settings, so a developer's shell cannot steer the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('KEYWARD_')) env[k] = v;
  // A config directory of no one: the machine user's `keyward login` never leaks into a test.
  return { ...env, NO_COLOR: '1', KEYWARD_CONFIG_DIR: path.join(tmpdir(), 'keyward-tests-no-login'), ...extra };
}

/** Runs `node dist/cli.js ...args`; never throws on a non-zero exit (tests check `code`). */
export function runCli(args: string[], env: Record<string, string> = {}, input = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: cleanEnv(env), timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      if (code === null) reject(err);
      else resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

export interface CliServer {
  server: RunningServer;
  url: string;
  /** The bootstrap owner's admin API token. */
  token: string;
  /** Runs the CLI against this server, as the owner unless `env` says otherwise. */
  cli(args: string[], env?: Record<string, string>, input?: string): Promise<Result>;
  /** Runs the CLI with --json and parses stdout, failing with stderr when the command fails. */
  json<T = any>(args: string[], env?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A migrated embedded store in a directory, made once for these migrations and copied for each CLI server: the CLI
 * tests are about the command line, and a first start (initdb and every migration in a process of its own) took ~6 of
 * a server's ~9 s here. First starts on empty directories are serve.test.ts's, data-dir-lock.test.ts's and
 * memory.test.ts's to prove.
 */
async function migratedDataDir(): Promise<string> {
  const template = path.join(tmpdir(), `keyward-embedded-template-${migrationsKey()}`);
  if (!existsSync(template)) {
    const partial = await mkdtemp(`${template}.partial-`);
    const store = await openStore({ dataDir: partial });
    await store.migrate();
    await store.close();
    // Whole or not at all: a concurrent worker that made one first keeps its own, this one is dropped.
    try {
      renameSync(partial, template);
    } catch {
      await rm(partial, { recursive: true, force: true });
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'keyward-cli-'));
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}

/** `env`: more settings for the server (KEYWARD_*). */
export async function startCliServer(env: Record<string, string> = {}): Promise<CliServer> {
  const dataDir = await migratedDataDir();
  const token = randomBytes(32).toString('base64url');
  const config = loadConfig({
    KEYWARD_PORT: '0',
    KEYWARD_HOST: '127.0.0.1',
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_LOG_LEVEL: 'silent',
    KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'owner@example.com',
    KEYWARD_BOOTSTRAP_ADMIN_TOKEN: token,
    ...env,
  });
  const server = await startServer(config, { say: () => {}, logger: createLogger('silent') });
  const cli = (args: string[], env: Record<string, string> = {}, input = '') =>
    runCli(args, { KEYWARD_URL: server.url, KEYWARD_ADMIN_TOKEN: token, ...env }, input);
  return {
    server,
    url: server.url,
    token,
    cli,
    json: async (args, env) => {
      const r = await cli([...args, '--json'], env);
      if (r.code !== 0) throw new Error(`keyward ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
