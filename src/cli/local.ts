// Commands that work on this machine's configuration and store: serve and migrate. The server and store modules
// load only when these commands run: they take ~0.5 s to import, which every admin command would pay otherwise.
import type { Command } from 'commander';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../config/index.js';

const configHelp = '\nConfiguration (environment or KEYWARD_CONFIG_FILE):\n' +
  Object.entries(CONFIG_KEYS).map(([k, v]) => `  ${k.padEnd(34)} ${v}`).join('\n');

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
      const logger = createLogger(config.logLevel);
      if (config.workers > 1) {
        const { isClusterWorker, runPrimary, runWorker } = await import('../cluster.js');
        return isClusterWorker() ? runWorker(config, logger) : runPrimary(config, logger);
      }
      await startServer(config, { logger, onListening: (server) => stopOnSignals(server, config, logger) });
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
