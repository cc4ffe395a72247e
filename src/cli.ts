#!/usr/bin/env node
// The `keyward` command. `serve` and `migrate` work on the store; every other command talks to a running
// server's admin API (see src/cli/api.ts), so RBAC and the audit log apply and the embedded store (one process
// at a time) can stay open in the server.
import { Command, Help, type Option } from 'commander';
import { registerAdminCommands } from './cli/admins.js';
import { registerAuditCommand } from './cli/audit.js';
import { registerClientCommands } from './cli/clients.js';
import { registerConnectionCommands } from './cli/connections.js';
import { registerKeyCommands } from './cli/keys.js';
import { registerLocalCommands } from './cli/local.js';
import { registerLoginCommands } from './cli/login.js';
import { registerProviderClientCommands } from './cli/provider-clients.js';
import { registerWebhookCommands } from './cli/webhooks.js';
import { registerProviderCommands } from './cli/providers.js';
import { registerRegistrationCommands } from './cli/registration.js';
import { registerScopeCommands } from './cli/scopes.js';
import { registerSpaceCommands } from './cli/spaces.js';
import { registerTokenCommands } from './cli/tokens.js';
import { registerUserCommands } from './cli/users.js';
import { registerVaultCommands } from './cli/vault.js';

const program = new Command('keyward')
  .description('Keyward: self-hosted OAuth 2.0 / OpenID Connect authorization server and connection vault')
  .version('0.1.0')
  // Program options only before the command name: `clients create --version 2` is the client's version.
  .enablePositionalOptions()
  .showHelpAfterError('(run with --help for usage)')
  // Usage errors read like every other failure: `keyward: <message>` on stderr, exit 1.
  .configureOutput({ outputError: (str, write) => write(str.replace(/^error: /, 'keyward: ')) })
  // Subcommands inherit this: a command's own options come first, the shared "Connection options:" after them.
  .configureHelp({
    groupItems<T extends Command | Option>(unsorted: T[], visible: T[], getGroup: (item: T) => string) {
      const groups = Help.prototype.groupItems(unsorted, visible, getGroup);
      return new Map([...groups].sort(([a], [b]) => Number(b === 'Options:') - Number(a === 'Options:')));
    },
  })
  .addHelpText(
    'after',
    `
Admin commands talk to a running server's admin API:
  KEYWARD_URL          server base URL (else KEYWARD_PUBLIC_URL, else http://localhost:$KEYWARD_PORT or :8080)
  KEYWARD_ADMIN_TOKEN  admin API token (prefer it to --token, which ends up in shell history);
                       without either, the token \`keyward login\` keeps for that URL
Add --json to print one JSON document; run \`keyward <command> --help\` for details.`,
  );

registerLocalCommands(program);
registerLoginCommands(program);
registerSpaceCommands(program);
registerClientCommands(program);
registerScopeCommands(program);
registerUserCommands(program);
registerTokenCommands(program);
registerAdminCommands(program);
registerAuditCommand(program);
registerRegistrationCommands(program);
registerKeyCommands(program);
registerProviderClientCommands(program);
registerWebhookCommands(program);
registerConnectionCommands(program);
registerProviderCommands(program);
registerVaultCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`keyward: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
