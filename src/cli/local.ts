// Commands that work on this machine's configuration and store: serve and migrate. The server and store modules
// load only when these commands run: they take ~0.5 s to import, which every admin command would pay otherwise.
import type { Command } from 'commander';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../config/index.js';

const configHelp =
  '\nConfiguration (environment or KEYWARD_CONFIG_FILE):\n' +
  Object.entries(CONFIG_KEYS)
    .map(([k, v]) => `  ${k.padEnd(34)} ${v}`)
    .join('\n');

function configOrExit() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`keyward: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export function registerLocalCommands(program: Command): void {
  program
    .command('serve')
    .description('start the server (embedded store in KEYWARD_DATA_DIR unless KEYWARD_DATABASE_URL is set)')
    .addHelpText('after', configHelp)
    .action(async () => {
      const config = configOrExit();
      const [{ createLogger }, { startServer, stopOnSignals }] = await Promise.all([import('../logger.js'), import('../server.js')]);
      const logger = createLogger(config.logLevel, undefined, config.logFormat);
      if (config.workers > 1) {
        const { isClusterWorker, runPrimary, runWorker } = await import('../cluster.js');
        return isClusterWorker() ? runWorker(config, logger) : runPrimary(config, logger);
      }
      await startServer(config, { logger, onListening: (server) => stopOnSignals(server, config, logger) });
    });

  program
    .command('recover-admin')
    .description(
      "the way back in when every owner credential is lost: on the server's host, with the store's own access, give an admin (made if missing) a new password and the owner role in every space",
    )
    .requiredOption('--email <email>', 'the admin to recover (or create)')
    .option('--password-stdin', 'read the new password (12+ characters) from standard input (otherwise it is asked for, not shown)')
    .addHelpText(
      'after',
      `${configHelp}
The embedded store is opened directly: stop the server first (it holds the store). With PostgreSQL the server may
keep running. Then sign in with \`keyward login --email <email>\`. The recovery is in the audit log (actor: system).`,
    )
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const config = configOrExit();
      const [{ openStore }, { AdminService }, { readPassword }, { CliError }] = await Promise.all([
        import('../store/db.js'),
        import('../admin/accounts.js'),
        import('./password.js'),
        import('./api.js'),
      ]);
      if (!opts.passwordStdin && !process.stdin.isTTY) throw new CliError('no terminal to ask for the password on: pipe it in with --password-stdin');
      const password = await readPassword();
      const notice = (_: object, msg: string) => void process.stderr.write(`keyward: ${msg}\n`);
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: { info: notice, warn: notice } });
      try {
        await store.migrate();
        const admin = await new AdminService(store.db).recoverOwner(opts.email, password);
        process.stdout.write(
          `Recovered ${admin.email}: new password set, enabled, owner of every space. Sign in with \`keyward login --email ${admin.email}\`.\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit (safe to run twice, or from several hosts at once)')
    .addHelpText('after', configHelp)
    .action(async () => {
      const config = configOrExit();
      const { openStore } = await import('../store/db.js');
      const notice = (_: object, msg: string) => void process.stderr.write(`keyward: ${msg}\n`);
      // The embedded store's lock applies here too: migrating under a running server would corrupt its files.
      const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: { info: notice, warn: notice } });
      try {
        process.stdout.write(`Migrating the ${store.kind === 'pglite' ? `embedded store in ${config.dataDir}` : 'PostgreSQL database'}…\n`);
        await store.migrate();
        process.stdout.write('Migrations are up to date.\n');
      } finally {
        await store.close();
      }
    });
}
