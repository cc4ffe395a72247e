// `keyward provider-clients …`: the apps a space holds at other services (Exact Online, GitHub, …), which its
// connections go through. The client secret is read from stdin, never from an argument (shell history, ps).
import { Option, type Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { details, integer, nullable, out, pick, printJson, printList } from './output.js';
import { configPair, readStdinSecret } from './vault-input.js';

interface ProviderClient {
  id: string;
  provider: string;
  name: string;
  client_id: string;
  has_client_secret: boolean;
  token_endpoint_auth_method: string;
  redirect_uri: string;
  jwks: { keys: unknown[] } | null;
}

const FIELDS: Record<string, string> = {
  provider: 'provider',
  name: 'name',
  clientId: 'client_id',
  authorizationUrl: 'authorization_url',
  tokenUrl: 'token_url',
  apiBaseUrl: 'api_base_url',
  authMethod: 'token_endpoint_auth_method',
  scope: 'scope',
  accessTokenExpiresIn: 'access_token_expires_in',
  refreshTokenExpiresIn: 'refresh_token_expires_in',
  unit: 'expires_in_unit',
  config: 'config',
};
// "" clears these (the API's null): a URL back to none, a lifetime back to what the provider says.
const NULLABLE = ['authorization_url', 'token_url', 'api_base_url', 'access_token_expires_in', 'refresh_token_expires_in'];

/** A lifetime: a whole number, or "" (clears it on update). */
const lifetime = (v: string): number | '' => (v === '' ? '' : integer(v));

function withOptions(cmd: Command, isCreate: boolean): Command {
  const clear = isCreate ? '' : ' ("" clears it)';
  if (isCreate) cmd.requiredOption('--provider <id>', 'catalog id of the provider (keyward providers list), such as exact-online, github or custom');
  return cmd
    .option('--name <name>', `display name of the provider client${isCreate ? ' (required)' : ''}`)
    .option('--client-id <id>', 'the client ID the provider issued for your app (may be set later, once the provider has issued it)')
    .option('--client-secret-stdin', 'read the client secret the provider issued from stdin (never pass it as an argument)')
    .option('--authorization-url <url>', `the provider's authorization endpoint (default: from the catalog; {placeholders} allowed)${clear}`)
    .option('--token-url <url>', `the provider's token endpoint (default: from the catalog)${clear}`)
    .option('--api-base-url <url>', `base URL of the provider's API, where the connection proxy forwards calls (default: from the catalog)${clear}`)
    .addOption(
      new Option('--auth-method <method>', "how Keyward authenticates at the token endpoint (default: the catalog's, else client_secret_basic)").choices([
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ]),
    )
    .option('--scope <scopes>', "space-separated scopes to ask the provider for (default: the catalog's default scopes)")
    .option('--access-token-expires-in <n>', `Access Token Expires In, in --unit: for providers whose token answer does not say it${clear}`, lifetime)
    .option('--refresh-token-expires-in <n>', `Refresh Token Expires In, in --unit (Exact Online, in ms: 7775999999)${clear}`, lifetime)
    .addOption(new Option('--unit <unit>', 'unit of the two lifetimes: s (seconds, the default) or ms (milliseconds)').choices(['s', 'ms']))
    .option('--config <key=value>', 'value of a provider placeholder shared by its connections, repeatable (such as ext=nl for Exact Online)', configPair);
}

function bodyOf(opts: Record<string, unknown>): Record<string, unknown> {
  const body = pick(opts, FIELDS);
  for (const f of NULLABLE) if (f in body) body[f] = nullable(body[f]);
  if (opts.clientSecretStdin) body.client_secret = readStdinSecret('client secret');
  return body;
}

function show(api: Api, pc: ProviderClient, heading?: string): void {
  if (api.json) return printJson(pc);
  if (heading) out(heading);
  details(pc as unknown as Record<string, unknown>, ['redirect_uri']);
  out();
  out(`Register this redirect URI in your app at the provider: ${pc.redirect_uri}`);
  if (pc.jwks) out('private_key_jwt: register the public key in jwks above (keyward provider-clients show --json prints it whole).');
}

const pcPath = (api: Api, id: string) => api.inSpace(`/provider-clients/${enc(id)}`);

export function registerProviderClientCommands(program: Command): void {
  const pcs = program
    .command('provider-clients')
    .description("manage the provider clients of a space: your apps at other services, which the vault's connections go through")
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(pcs, 'list', 'list provider clients (never their secrets)', { space: true })
    .option('--provider <id>', 'only those of this catalog provider')
    .action(async (opts: { provider?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      printList(
        api.json,
        await api.all<ProviderClient>(api.inSpace('/provider-clients'), { provider: opts.provider }),
        [
          ['id', (p) => p.id],
          ['provider', (p) => p.provider],
          ['name', (p) => p.name],
          ['client id', (p) => p.client_id],
          ['secret', (p) => (p.has_client_secret ? 'set' : 'none')],
          ['auth method', (p) => p.token_endpoint_auth_method],
        ],
        'no provider clients',
      );
    });

  apiCommand(pcs, 'show <id>', 'show a provider client and the redirect URI to register at the provider', { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      show(api, await api.get<ProviderClient>(pcPath(api, id)));
    },
  );

  withOptions(apiCommand(pcs, 'create', 'register a provider client; prints the redirect URI to register at the provider', { space: true }), true).action(
    async (opts: Record<string, unknown>, cmd: Command) => {
      if (opts.name === undefined) throw new CliError('--name is required');
      const api = apiOf(cmd);
      const pc = await api.post<ProviderClient>(api.inSpace('/provider-clients'), bodyOf(opts));
      show(api, pc, `Created provider client "${pc.name}" (${pc.provider}) in space "${api.space}".`);
    },
  );

  withOptions(apiCommand(pcs, 'update <id>', 'change a provider client (only the options given; the provider is fixed)', { space: true }), false).action(
    async (id: string, opts: Record<string, unknown>, cmd: Command) => {
      const body = bodyOf(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give at least one option (see --help)');
      const api = apiOf(cmd);
      const pc = await api.patch<ProviderClient>(pcPath(api, id), body);
      show(api, pc, `Updated provider client "${pc.name}".`);
    },
  );

  apiCommand(pcs, 'delete <id>', 'delete a provider client (refused while connections use it)', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (id: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `provider client ${id}`);
      const api = apiOf(cmd);
      await api.delete(pcPath(api, id));
      if (api.json) printJson({ deleted: id });
      else out(`Deleted provider client ${id}.`);
    });
}
