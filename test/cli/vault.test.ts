// `keyward vault status|rotate-key` against a real server running with a new master key and the old one among the
// previous keys: secrets sealed under the old key are re-sealed through the admin API until none is left, a run continues from where an earlier one
// stopped, --json prints one document, and on a terminal a progress bar is drawn on stderr.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { SYSTEM } from '../../src/events/audit.js';
import { createServices } from '../../src/services.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { assertBuilt, CLI, runCli } from './helpers.js';

const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const idOf = (b64: string) => masterKeyFrom(Buffer.from(b64, 'base64')).id;
const token = randomBytes(32).toString('base64url');
let dataDir: string;
let server: RunningServer;

function start(): Promise<RunningServer> {
  const config = loadConfig({
    KEYWARD_PORT: '0',
    KEYWARD_HOST: '127.0.0.1',
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_LOG_LEVEL: 'silent',
    KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'owner@example.com',
    KEYWARD_BOOTSTRAP_ADMIN_TOKEN: token,
    KEYWARD_MASTER_KEY: newKey,
    KEYWARD_MASTER_KEYS_PREVIOUS: oldKey,
  });
  return startServer(config, { say: () => {}, logger: createLogger('silent'), maintenance: false });
}

const cli = (args: string[]) => runCli(args, { KEYWARD_URL: server.url, KEYWARD_ADMIN_TOKEN: token });

/** Secrets sealed the way a node still running with the old key seals them: its services over the same store. */
async function sealUnderOldKey(webhooks: number): Promise<void> {
  const oldNode = createServices(server.services.store, masterKeyFrom(Buffer.from(oldKey, 'base64')));
  const space = await oldNode.spaces.get('default');
  for (let i = 0; i < webhooks; i++) {
    const c = await oldNode.clients.create(space, { name: `app ${randomBytes(4).toString('hex')}`, redirect_uris: ['https://app.example.com/cb'] }, SYSTEM);
    await oldNode.clients.createWebhookSecret(space, c.client_id, SYSTEM);
  }
}

// One start (an embedded store's first start takes half a minute on a busy machine): the node runs with the new
// key and the old one among the previous keys, as the procedure says.
beforeAll(async () => {
  assertBuilt();
  dataDir = await mkdtemp(path.join(tmpdir(), 'keyward-cli-vault-'));
  server = await start();
  await sealUnderOldKey(9);
  // The space's signing keys, made (and their private keys sealed) by the old node too.
  const oldNode = createServices(server.services.store, masterKeyFrom(Buffer.from(oldKey, 'base64')));
  await oldNode.keys.signer((await oldNode.spaces.get('default')).id, 'RS256');
}, 180_000);
afterAll(async () => {
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('keyward vault', () => {
  let total: number;

  it('status --json shows the keys by id and what remains', async () => {
    const r = await cli(['vault', 'status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status).toMatchObject({ current_key_id: idOf(newKey), previous_key_ids: [idOf(oldKey)] });
    expect(status.remaining).toBeGreaterThanOrEqual(10); // 9 webhook secrets and the signing keys
    total = status.remaining;
    expect(r.stdout + r.stderr).not.toContain(oldKey);
    expect(r.stdout + r.stderr).not.toContain(newKey);
    const text = await cli(['vault', 'status']);
    expect(text.stdout).toMatch(/current_key_id: +[0-9a-f]{8}/);
    expect(text.stdout).toContain('run `keyward vault rotate-key`');
  });

  it('rotate-key --json continues where an earlier run stopped and prints one document at the end', async () => {
    // An earlier run was interrupted after one batch of 2.
    expect(await server.services.masterKeyRotation.resealBatch(2)).toEqual({ resealed: 2, skipped: 0, remaining: total - 2 });
    const r = await cli(['vault', 'rotate-key', '--batch-size', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // not a terminal: no progress bar
    expect(JSON.parse(r.stdout)).toEqual({
      current_key_id: idOf(newKey),
      previous_key_ids: [idOf(oldKey)],
      resealed: total - 2,
      skipped: 0,
      batches: Math.ceil((total - 2) / 3),
      remaining: 0,
    });
    expect(JSON.parse((await cli(['vault', 'status', '--json'])).stdout).remaining).toBe(0);

    const again = await cli(['vault', 'rotate-key']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Nothing to re-seal: every value is under master key ${idOf(newKey)}.`);
    expect(again.stdout).toContain('KEYWARD_MASTER_KEYS_PREVIOUS can now be removed');
  });

  it('refuses a batch size outside 1..1000 before any request', async () => {
    const r = await cli(['vault', 'rotate-key', '--batch-size', '5000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keyward: option '--batch-size <n>' argument '5000' is invalid. expected a whole number from 1 to 1000/);
  });

  it.runIf(existsSync('/usr/bin/script'))('draws a progress bar and a final line on a terminal', async () => {
    await sealUnderOldKey(5);

    // util-linux script(1) runs the command on a pseudo-terminal.
    const command = `${process.execPath} ${CLI} vault rotate-key --batch-size 2`;
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        {
          env: {
            PATH: process.env.PATH,
            KEYWARD_URL: server.url,
            KEYWARD_ADMIN_TOKEN: token,
            KEYWARD_CONFIG_DIR: path.join(tmpdir(), 'keyward-tests-no-login'),
          },
        },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      ),
    );
    expect(output).toContain('[------------------------------] 0 / 5 values');
    expect(output).toContain('[############------------------] 2 / 5 values');
    expect(output).toContain('[##############################] 5 / 5 values');
    expect(output).toMatch(/Re-sealed 5 values under master key [0-9a-f]{8} in 3 batches; none is left under a previous key\./);
  });
});
