// Runs the built `keyward` CLI as a child process against a real server on a real port: what a user types is
// what runs, with no mocks between the command line and the admin API.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { migratedDataDir } from '../helpers/data-dir.js';

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

/** `env`: more settings for the server (KEYWARD_*). */
export async function startCliServer(env: Record<string, string> = {}): Promise<CliServer> {
  // The CLI tests are about the command line, not a first start.
  const dataDir = await migratedDataDir('keyward-cli-');
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
