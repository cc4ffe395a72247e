// `keyward connections …`: the vault's connections to other services, their consent links, renewal and tokens.
// Credentials are read from stdin as JSON, never from an argument; `token` prints a secret and says so in its help.
import { Option, type Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { details, out, pick, printJson, printList } from './output.js';
import { configPair, readStdinObject } from './vault-input.js';

interface Connection {
  id: string;
  name: string;
  kind: string;
  provider: string;
  status: string;
  availability: string;
  client_id: string | null;
  expires_at: string | null;
  last_error: string | null;
  warning: string | null;
}

interface ConnectionToken {
  access_token: string;
  token_type: string;
  expires_at: string | null;
  metadata: Record<string, unknown>;
}

const KINDS = ['oauth2_authorization_code', 'oauth2_client_credentials', 'api_key_exchange', 'api_key', 'basic'];
const STATUSES = ['pending', 'connected', 'needs_reauth', 'error', 'disabled'];

const FIELDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  kind: 'kind',
  providerClient: 'provider_client',
  environment: 'environment',
  config: 'config',
  availability: 'availability',
  client: 'client_id',
  renewalRate: 'renewal_rate',
};

/** disabled, 15m, 30m, 1h stay words; whole seconds become a number (the server checks both). */
const renewalRate = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

function withOptions(cmd: Command, isCreate: boolean): Command {
  if (isCreate) cmd.requiredOption('--name <name>', 'letters, digits and spaces; unique in the space');
  else cmd.option('--name <name>', 'new name: letters, digits and spaces; unique in the space');
  cmd.option('--description <text>', 'free text');
  if (isCreate) {
    cmd
      .addOption(new Option('--kind <kind>', 'how the connection gets its credentials (fixed once created)').choices(KINDS).makeOptionMandatory())
      .requiredOption('--provider-client <id>', 'id of the provider client it goes through (keyward provider-clients list)');
  } else cmd.option('--provider-client <id>', 'move it to another provider client (an OAuth connection must then be connected again)');
  return cmd
    .option('--environment <label>', 'a label such as production or sandbox')
    .option('--config <key=value>', "value of a provider placeholder for this connection, repeatable (over the provider client's)", configPair)
    .addOption(
      new Option('--availability <who>', 'global: any client of the space with the connections scope (default); application: only --client').choices([
        'global',
        'application',
      ]),
    )
    .option('--client <client_id>', 'with --availability application: the registered client that may use it')
    .option('--renewal-rate <rate>', 'how often the token is renewed: disabled, 15m, 30m, 1h (default) or whole seconds from 60', renewalRate)
    .option(
      '--credentials-stdin',
      'read the credentials as a JSON object from stdin: api_key_exchange {"api_key","secret"}, api_key {"api_key"}, basic {"username","password"}',
    );
}

function bodyOf(opts: Record<string, unknown>): Record<string, unknown> {
  const body = pick(opts, FIELDS);
  if (opts.credentialsStdin) body.credentials = readStdinObject('credentials');
  if (opts.disable) body.disabled = true;
  if (opts.enable) body.disabled = false;
  if (opts.disable && opts.enable) throw new CliError('give --disable or --enable, not both');
  return body;
}

function show(api: Api, c: Connection, heading?: string): void {
  if (api.json) return printJson(c);
  if (heading) out(heading);
  details(c as unknown as Record<string, unknown>);
  if (c.warning) out(`\nWARNING: ${c.warning}`);
}

const connPath = (api: Api, id: string, action = '') => api.inSpace(`/connections/${enc(id)}${action}`);

export function registerConnectionCommands(program: Command): void {
  const conns = program
    .command('connections')
    .description("manage the vault's connections: tokens for other services, kept valid and handed to your applications")
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(conns, 'list', 'list connections and their status (never their credentials)', { space: true })
    .option('--status <status>', `only connections in this status, or several separated by commas: ${STATUSES.join(', ')}`)
    .option('--provider-client <id>', 'only connections through this provider client')
    .action(async (opts: { status?: string; providerClient?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const items = await api.all<Connection>(api.inSpace('/connections'), { status: opts.status, provider_client: opts.providerClient });
      printList(
        api.json,
        items,
        [
          ['id', (c) => c.id],
          ['name', (c) => c.name],
          ['kind', (c) => c.kind],
          ['provider', (c) => c.provider],
          ['status', (c) => c.status],
          ['expires at', (c) => c.expires_at],
          ['last error', (c) => c.last_error],
        ],
        'no connections',
      );
    });

  apiCommand(conns, 'show <id>', 'show a connection and its renewal state', { space: true }).action(async (id: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api, await api.get<Connection>(connPath(api, id)));
  });

  withOptions(
    apiCommand(conns, 'create', 'create a connection (client credentials and API-key exchanges fetch a token at once)', { space: true }),
    true,
  ).action(async (opts: Record<string, unknown>, cmd: Command) => {
    const api = apiOf(cmd);
    const c = await api.post<Connection>(api.inSpace('/connections'), bodyOf(opts));
    show(api, c, `Created connection "${c.name}" (${c.kind}, ${c.status}) in space "${api.space}".`);
    if (!api.json && c.kind === 'oauth2_authorization_code') out(`\nNext: keyward connections connect ${c.id} --space ${api.space}  (a consent link)`);
  });

  withOptions(apiCommand(conns, 'update <id>', 'change a connection (only the options given; the kind is fixed)', { space: true }), false)
    .option('--disable', 'stop renewing and handing out its token')
    .option('--enable', 'renew and hand out its token again')
    .action(async (id: string, opts: Record<string, unknown>, cmd: Command) => {
      const body = bodyOf(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give at least one option (see --help)');
      const api = apiOf(cmd);
      show(api, await api.patch<Connection>(connPath(api, id), body), 'Updated connection.');
    });

  apiCommand(conns, 'delete <id>', 'delete a connection and its stored tokens', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (id: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `connection ${id}`);
      const api = apiOf(cmd);
      await api.delete(connPath(api, id));
      if (api.json) printJson({ deleted: id });
      else out(`Deleted connection ${id}.`);
    });

  apiCommand(conns, 'connect <id>', "make a one-time link that runs the provider's consent (open it in a browser)", { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const link = await api.post<{ connect_url: string; expires_at: string }>(connPath(api, id, '/connect'));
      if (api.json) return printJson(link);
      out('Open this link in a browser and sign in at the provider to connect (it works once):');
      out();
      out(`  ${link.connect_url}`);
      out();
      out(`It expires at ${link.expires_at}.`);
    },
  );

  apiCommand(conns, 'refresh <id>', 'renew the token now; prints the connection after the attempt', { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const c = await api.post<Connection>(connPath(api, id, '/refresh'));
      show(api, c, c.status === 'connected' ? 'Renewed.' : `The renewal did not succeed (status ${c.status}).`);
    },
  );

  apiCommand(conns, 'token <id>', "print the connection's current access token: this prints a SECRET (keep it out of logs and shared terminals)", {
    space: true,
  })
    .option('--force-refresh', 'renew first, even if the token is still valid (unless the provider forbids a refresh this early)')
    .action(async (id: string, opts: { forceRefresh?: boolean }, cmd: Command) => {
      const api = apiOf(cmd);
      const token = await api.get<ConnectionToken>(connPath(api, id, '/token'), opts.forceRefresh ? { force_refresh: 'true' } : {});
      // Only the token's own fields: nothing else of the answer, whatever the server adds later.
      const shown = { access_token: token.access_token, token_type: token.token_type, expires_at: token.expires_at, metadata: token.metadata };
      if (api.json) return printJson(shown);
      details(shown);
    });
}
