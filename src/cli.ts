#!/usr/bin/env node
// The `keyward` command. `serve` and `migrate` work on the store; every other command talks to a running
// server's admin API (see src/cli/), so RBAC and the audit log apply and the embedded store (one process
// at a time) can stay open in the server.
import { Command } from 'commander';
import { registerLocalCommands } from './cli/local.js';

const program = new Command('keyward')
  .description('Keyward: self-hosted OAuth 2.0 / OpenID Connect authorization server and connection vault')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)');

registerLocalCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`keyward: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
