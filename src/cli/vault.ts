// `keyward vault …`: the master keys that seal stored secrets. `status` shows which key seals and how many values
// are still under an older one; `rotate-key` re-seals them batch after batch through the admin API until none is
// left. It keeps no state of its own: the server picks only values not under the current key, so a run that is
// interrupted continues where it stopped when started again.
import { InvalidArgumentError, type Command } from 'commander';
import { apiCommand, apiOf, CliError, CONNECTION_HELP } from './api.js';
import { details, out, printJson } from './output.js';
import { count, ProgressBar } from './progress.js';

interface MasterKeyStatus {
  current_key_id: string;
  previous_key_ids: string[];
  remaining: number;
}

interface ResealResult {
  resealed: number;
  skipped: number;
  remaining: number;
}

// Batches in a row that re-seal nothing while values remain: some writer keeps sealing under an older key.
const STALLED_BATCHES = 10;

function batchSize(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000.');
  return Number(value);
}

const PROCEDURE = `
Rotating the master key (the key that seals client webhook secrets, signing keys and the vault's credentials):
  1. Make a new key:            openssl rand -base64 32
  2. On every node, set KEYWARD_MASTER_KEY to the new key and KEYWARD_MASTER_KEYS_PREVIOUS to the old one
     (comma-separated if there are several), then restart the node. New values are sealed with the new key;
     values sealed with the old one still open. (Embedded store: the old key is the data directory's
     master.key file; KEYWARD_MASTER_KEY, when set, takes its place.)
  3. Run \`keyward vault rotate-key\`: it re-seals every value still under an old key, in batches, while the
     servers keep running (a value a renewal changes meanwhile is left to that writer). If it is interrupted,
     run it again: it continues with what is left.
  4. When it reports nothing left (\`keyward vault status\` says remaining 0), remove KEYWARD_MASTER_KEYS_PREVIOUS
     on every node and restart them. Then the old key can be destroyed.
Needs the owner role for all spaces. With --json it prints one JSON document at the end:
  { "current_key_id", "previous_key_ids", "resealed", "skipped", "batches", "remaining" }.`;

export function registerVaultCommands(program: Command): void {
  const vault = program
    .command('vault')
    .description('the master keys that seal stored secrets: status and re-sealing after a key rotation')
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(vault, 'status', 'show the current master key id, the previous ones configured, and how many values are still sealed under them').action(
    async (_o, cmd: Command) => {
      const api = apiOf(cmd);
      const status = await api.get<MasterKeyStatus>('/vault/master-key');
      if (api.json) return printJson(status);
      details({ ...status, remaining: count(status.remaining) });
      if (status.remaining > 0) out(`\n${count(status.remaining)} values are still under a previous key: run \`keyward vault rotate-key\`.`);
      else if (status.previous_key_ids.length) out('\nEvery value is under the current key: KEYWARD_MASTER_KEYS_PREVIOUS can be removed from every node.');
    },
  );

  apiCommand(vault, 'rotate-key', 're-seal every stored secret still under a previous master key with the current one (resumable; safe while servers run)')
    .option('--batch-size <n>', 'values re-sealed per request, from 1 to 1000', batchSize, 200)
    .addHelpText('after', PROCEDURE)
    .action(async (opts: { batchSize: number }, cmd: Command) => {
      const api = apiOf(cmd);
      const start = await api.get<MasterKeyStatus>('/vault/master-key');
      const bar = new ProgressBar('values');
      let resealed = 0;
      let skipped = 0;
      let batches = 0;
      let stalled = 0;
      let remaining = start.remaining;
      bar.update(0, remaining);
      try {
        while (remaining > 0) {
          const r = await api.post<ResealResult>('/vault/rotate-key', { batch_size: opts.batchSize });
          batches++;
          resealed += r.resealed;
          skipped += r.skipped;
          remaining = r.remaining;
          // The total grows if writers still seal under an old key meanwhile: done plus what is left.
          bar.update(resealed, resealed + remaining);
          stalled = r.resealed === 0 ? stalled + 1 : 0;
          if (stalled >= STALLED_BATCHES && remaining > 0) {
            throw new CliError(
              `${count(remaining)} values are still under a previous key but ${STALLED_BATCHES} batches in a row re-sealed none: is a node still running with the old KEYWARD_MASTER_KEY? Restart it with the new key and run this again`,
            );
          }
        }
      } finally {
        bar.end();
      }
      const result = { current_key_id: start.current_key_id, previous_key_ids: start.previous_key_ids, resealed, skipped, batches, remaining };
      if (api.json) return printJson(result);
      const meanwhile = skipped ? ` (${count(skipped)} changed meanwhile and were left to their writer)` : '';
      out(
        resealed === 0 && batches === 0
          ? `Nothing to re-seal: every value is under master key ${start.current_key_id}.`
          : `Re-sealed ${count(resealed)} values under master key ${start.current_key_id} in ${count(batches)} batches${meanwhile}; none is left under a previous key.`,
      );
      if (start.previous_key_ids.length) out('KEYWARD_MASTER_KEYS_PREVIOUS can now be removed from every node (then restart them).');
    });
}
