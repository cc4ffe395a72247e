// `keyward keys …`: the space's signing keys (list, rotate). Private keys never leave the server.
import { Option, type Command } from 'commander';
import { apiCommand, apiOf, CliError, CONNECTION_HELP } from './api.js';
import { details, duration, out, printJson, printList } from './output.js';
import { SIGNING_ALGS } from '../registry/capabilities.js';

interface Key {
  kid: string;
  alg: string;
  state: string;
  active_at: string;
  retired_at: string | null;
  expires_at: string | null;
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('list and rotate the signing keys of a space').addHelpText('after', CONNECTION_HELP);

  apiCommand(keys, 'list', 'list signing keys (pending, active, and retired ones until they expire)', { space: true }).action(async (_o, cmd: Command) => {
    const api = apiOf(cmd);
    const { items } = await api.get<{ items: Key[] }>(api.inSpace('/keys'));
    printList(
      api.json,
      items,
      [
        ['kid', (k) => k.kid],
        ['alg', (k) => k.alg],
        ['state', (k) => k.state],
        ['active_at', (k) => k.active_at],
        ['retired_at', (k) => k.retired_at],
        ['expires_at', (k) => k.expires_at],
      ],
      'no keys yet: the first ones are made when the space first signs a token or publishes its JWKS',
    );
  });

  apiCommand(
    keys,
    'rotate',
    'add a new key for every algorithm the space signs with (its signing_alg, RS256 for ID tokens, and any a client asked for); they are published first and sign after the publish delay',
    { space: true },
  )
    .addOption(new Option('--alg <alg>', "make this the space's signing_alg, the access tokens' algorithm (default: keep it)").choices([...SIGNING_ALGS]))
    .option(
      '--publish-seconds <duration>',
      "how long the new key is published before it signs, such as 10m or seconds (default: the space's key_publish_seconds)",
      duration,
    )
    .option('--now', 'sign with the new key at once (--publish-seconds 0); clients that cache the JWKS may fail until they refetch it')
    .action(async (opts: { alg?: string; publishSeconds?: number; now?: boolean }, cmd: Command) => {
      if (opts.now && opts.publishSeconds !== undefined && opts.publishSeconds !== 0) throw new CliError('--now and --publish-seconds contradict each other');
      const api = apiOf(cmd);
      const publish = opts.now ? 0 : opts.publishSeconds;
      const key = await api.post<Key>(api.inSpace('/keys/rotate'), {
        ...(opts.alg ? { alg: opts.alg } : {}),
        ...(publish !== undefined ? { publish_seconds: publish } : {}),
      });
      if (api.json) return printJson(key);
      out(key.state === 'active' ? `New key ${key.kid} signs now.` : `New key ${key.kid} is published and signs from ${key.active_at}.`);
      details(key as unknown as Record<string, unknown>);
    });
}
