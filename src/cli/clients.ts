// `keyward clients …`: the apps that may call the space's APIs. The server checks every field (client-rules.ts);
// the CLI only maps options to the API's RFC 7591 field names.
import { Option, type Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import {
  bool,
  collect,
  details,
  duration,
  nullable,
  out,
  pick,
  printJson,
  printList,
  printSecret,
  readJson,
  refreshLimit,
  showDuration,
  ttl,
} from './output.js';
import { printScopes, type Scope } from './scopes.js';
import { APPLICATION_TYPES, ASSERTION_SIGNING_ALGS, AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES, SIGNING_ALGS } from '../registry/capabilities.js';

interface Client {
  client_id: string;
  name: string;
  version: string | null;
  client_type: string;
  grant_types: string[];
  scope: string;
  active: boolean;
  client_secret?: string;
}

const GRANTS = GRANT_TYPES.join(', ');

/** Option attribute → API field. Options that were not given are left out, so an update changes only those. */
const FIELDS: Record<string, string> = {
  name: 'name',
  version: 'version',
  clientName: 'client_name',
  description: 'description',
  type: 'client_type',
  grantType: 'grant_types',
  responseType: 'response_types',
  redirectUri: 'redirect_uris',
  postLogoutRedirectUri: 'post_logout_redirect_uris',
  allowedCorsOrigin: 'allowed_cors_origins',
  authMethod: 'token_endpoint_auth_method',
  scope: 'scope',
  jwksUri: 'jwks_uri',
  accessTokenTtl: 'access_token_ttl',
  refreshTokenTtl: 'refresh_token_ttl',
  refreshLimit: 'refresh_limit',
  tokenFormat: 'access_token_format',
  logoUri: 'logo_uri',
  clientUri: 'client_uri',
  policyUri: 'policy_uri',
  tosUri: 'tos_uri',
  webhookUrl: 'webhook_url',
  contact: 'contacts',
  authSigningAlg: 'token_endpoint_auth_signing_alg',
  idTokenAlg: 'id_token_signed_response_alg',
  applicationType: 'application_type',
  softwareId: 'software_id',
  softwareVersion: 'software_version',
  defaultMaxAge: 'default_max_age',
  requireAuthTime: 'require_auth_time',
};

// Fields where an option value maps to the API's null: "" clears, "never"/"unlimited" lift the limit.
const NULLABLE = [
  'version',
  'jwks_uri',
  'logo_uri',
  'client_uri',
  'policy_uri',
  'tos_uri',
  'webhook_url',
  'access_token_ttl',
  'refresh_token_ttl',
  'refresh_limit',
  'token_endpoint_auth_signing_alg',
  'software_id',
  'software_version',
  'default_max_age',
];

function withClientOptions(cmd: Command, isCreate: boolean): Command {
  if (isCreate) cmd.option('--name <name>', 'unique per space together with --version; fixed once created');
  const clear = isCreate ? '' : ' ("" clears)';
  return cmd
    .option('--version <label>', `version label; name + version is unique${clear}`)
    .option('--client-name <text>', 'display name on the consent page (default: the name)')
    .option('--description <text>', 'free text')
    .addOption(new Option('--type <type>', 'client type (create default: confidential)').choices(['confidential', 'public']))
    .option('--grant-type <grant>', `grant type, repeatable; replaces the list (default authorization_code): ${GRANTS}`, collect)
    .option('--response-type <type>', `response type, repeatable (default: derived from the grant types): ${RESPONSE_TYPES.join(', ')}`, collect)
    .option(
      '--redirect-uri <uri>',
      'exact redirect URI, repeatable; replaces the list (https, http on loopback, or a private-use scheme for public clients)',
      collect,
    )
    .option('--post-logout-redirect-uri <uri>', 'where logout may return to, repeatable; replaces the list', collect)
    .option(
      '--allowed-cors-origin <origin>',
      "browser origin (scheme://host[:port]) that may call the token, userinfo, revocation and device endpoints besides the redirect URIs' origins, repeatable; replaces the list",
      collect,
    )
    .addOption(new Option('--auth-method <method>', 'token endpoint auth method').choices([...AUTH_METHODS]))
    .option(
      '--auth-signing-alg <alg>',
      `private_key_jwt: the one algorithm its client assertions may use (default: any of ${ASSERTION_SIGNING_ALGS.join(', ')})${clear}`,
    )
    .option(
      '--scope <names>',
      isCreate
        ? 'space-separated names of existing scopes, and openid / offline_access if the client asks for them by default (default: the standard scopes profile, email, address, phone for a client acting for users; "" for none)'
        : "space-separated names of existing scopes, and openid / offline_access if the client asks for them by default; replaces the client's set",
    )
    .addOption(new Option('--id-token-alg <alg>', "algorithm of the client's ID tokens (default RS256)").choices([...SIGNING_ALGS]))
    .addOption(
      new Option('--application-type <type>', 'web or native (default: native when a redirect URI uses a private-use scheme, else web)').choices([
        ...APPLICATION_TYPES,
      ]),
    )
    .option('--software-id <id>', `identifier of the client software, the same for all its instances${clear}`)
    .option('--software-version <version>', `version of the client software${clear}`)
    .option(
      '--default-max-age <duration>',
      `sign-in age (such as 8h, or seconds) after which the user signs in again, when a request has no max_age${isCreate ? '' : ' ("none" clears)'}`,
      maxAge,
    )
    .option('--require-auth-time <bool>', 'true: auth_time always in the ID token (true or false)', (v: string) => bool(v) === 'true')
    .option('--access-token-ttl <ttl>', 'access token lifetime: a duration such as 90m, 8h or 30d (or seconds), "never" or "default" (the space\'s value)', ttl)
    .option(
      '--refresh-token-ttl <ttl>',
      'refresh token lifetime: a duration such as 30d (or seconds), "never" or "default"; other than "default" needs the refresh_token grant',
      ttl,
    )
    .option(
      '--refresh-limit <n>',
      'refreshes allowed per authorization (the last returns no refresh token), or "unlimited"; 0 = no refresh token; N > 0 needs the refresh_token grant',
      refreshLimit,
    )
    .addOption(new Option('--token-format <format>', 'access token format (default jwt)').choices(['jwt', 'opaque']))
    .option('--logo-uri <url>', `https URL of a logo for the consent page${clear}`)
    .option('--client-uri <url>', `https URL of the app's home page${clear}`)
    .option('--policy-uri <url>', `https URL of the privacy policy${clear}`)
    .option('--tos-uri <url>', `https URL of the terms of service${clear}`)
    .option('--webhook-url <url>', `https URL where the events about this client are POSTed, signed with its webhook secret${clear}`)
    .option('--contact <email>', 'contact e-mail, repeatable; replaces the list', collect)
    .option('--jwks-uri <url>', `https URL of the client's JWK Set, for private_key_jwt${clear}`)
    .option('--jwks-file <path>', 'JSON file with the client\'s public JWK Set ({"keys": [...]}), for private_key_jwt')
    .option('--from-file <path>', 'JSON file ("-" = stdin) with any API client fields; options given as well override it');
}

/** default_max_age: a duration, or "none" (the API's null; "" reaches nullable() as a clear). */
function maxAge(value: string): number | '' {
  if (value === 'none') return '';
  return duration(value);
}

/** The API body from --from-file, then the options, then the fields that need reading or clearing. */
function bodyOf(opts: Record<string, unknown>): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  if (typeof opts.fromFile === 'string') {
    const file = readJson(opts.fromFile, 'client file');
    if (!file || typeof file !== 'object' || Array.isArray(file)) throw new CliError('the --from-file JSON must be an object of client fields');
    body = { ...(file as Record<string, unknown>) };
  }
  const given = pick(opts, FIELDS);
  for (const f of NULLABLE) if (f in given) given[f] = nullable(given[f]);
  Object.assign(body, given);
  if (typeof opts.jwksFile === 'string') body.jwks = readJson(opts.jwksFile, 'JWK Set file');
  return body;
}

function show(api: Api, client: Client, verb?: string): void {
  if (api.json) return printJson(client);
  const { client_secret: secret, client_secret_expires_at: _e, ...rest } = client as Client & { client_secret_expires_at?: number };
  if (verb) out(`${verb} client "${client.name}" (${client.client_type}) in space "${api.space}".`);
  // null means "no limit" in these fields; say so rather than print an empty value.
  const r = rest as unknown as Record<string, unknown>;
  const never = (v: unknown, word: string) => (v === null ? word : showDuration(v));
  details({
    ...r,
    access_token_ttl: never(r.access_token_ttl, 'never expires'),
    refresh_token_ttl: never(r.refresh_token_ttl, 'never expires'),
    refresh_limit: r.refresh_limit === null ? 'unlimited' : r.refresh_limit,
    default_max_age: showDuration(r.default_max_age),
  });
  if (secret) printSecret('client_secret', secret, 'if it is lost, issue a new one with `keyward clients rotate-secret`');
}

const clientPath = (api: Api, id: string) => api.inSpace(`/clients/${enc(id)}`);

/** By client_id; else by name (case-insensitive, as names are unique per version), and version when given. */
async function clientByIdOrName(api: Api, ref: string, version: string | undefined): Promise<Client> {
  let notFound: CliError | undefined;
  if (version === undefined) {
    try {
      return await api.get<Client>(clientPath(api, ref));
    } catch (err) {
      if (!(err instanceof CliError) || err.status !== 404) throw err;
      notFound = err;
    }
  }
  const named = (await api.all<Client>(api.inSpace('/clients'), { name: ref })).filter((c) => c.name.toLowerCase() === ref.toLowerCase());
  const matches = version === undefined ? named : named.filter((c) => c.version === version);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    if (named.length === 0) throw notFound ?? new CliError(`no client named "${ref}" in space "${api.space}"`);
    throw new CliError(`client "${ref}" has no version "${version}" (versions: ${named.map((c) => c.version || '""').join(', ')})`);
  }
  throw new CliError(`${matches.length} clients are named "${ref}": choose one with --version (${matches.map((c) => c.version || '""').join(', ')})`);
}

export function registerClientCommands(program: Command): void {
  const clients = program
    .command('clients')
    .description('manage the clients (apps) of a space: registration, lifecycle, secrets and scopes')
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(clients, 'list', 'list clients', { space: true })
    .option('--name <text>', 'only clients whose name contains this text (not case-sensitive)')
    .option('--active <bool>', 'only active (true) or deactivated (false) clients', bool)
    .action(async (opts: { name?: string; active?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const items = await api.all<Client>(api.inSpace('/clients'), { name: opts.name, active: opts.active });
      printList(
        api.json,
        items,
        [
          ['client_id', (c) => c.client_id],
          ['name', (c) => c.name],
          ['version', (c) => c.version],
          ['type', (c) => c.client_type],
          ['active', (c) => c.active],
          ['grant types', (c) => c.grant_types],
          ['scope', (c) => c.scope],
        ],
        'no clients',
      );
    });

  apiCommand(clients, 'get <client>', 'show a client (never its secret), by client_id or by name', { space: true })
    .option('--version <label>', 'with a name: the version label to show, when several versions share the name')
    .action(async (ref: string, opts: { version?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      show(api, await clientByIdOrName(api, ref, opts.version));
    });

  withClientOptions(apiCommand(clients, 'create', "register a client; a confidential client's secret is printed this once", { space: true }), true).action(
    async (opts: Record<string, unknown>, cmd: Command) => {
      const body = bodyOf(opts);
      if (body.name === undefined) throw new CliError('--name is required (or "name" in --from-file)');
      const api = apiOf(cmd);
      show(api, await api.post<Client>(api.inSpace('/clients'), body), 'Created');
    },
  );

  withClientOptions(apiCommand(clients, 'update <client_id>', "change a client's settings (only the options given)", { space: true }), false).action(
    async (id: string, opts: Record<string, unknown>, cmd: Command) => {
      const body = bodyOf(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give at least one option (see --help)');
      const api = apiOf(cmd);
      show(api, await api.patch<Client>(clientPath(api, id), body), 'Updated');
    },
  );

  const lifecycle = (name: string, active: boolean, description: string) =>
    apiCommand(clients, `${name} <client_id>`, description, { space: true }).action(async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const client = await api.patch<Client>(clientPath(api, id), { active });
      if (api.json) printJson(client);
      else out(`${active ? 'Activated' : 'Deactivated'} client "${client.name}" (${id}).`);
    });
  lifecycle('deactivate', false, 'deactivate a client: it gets no tokens, and every token issued before stays invalid for good');
  lifecycle('activate', true, 'reactivate a deactivated client (tokens issued before the deactivation stay invalid)');

  apiCommand(clients, 'delete <client_id>', 'delete a client with all its secrets, tokens, codes and consents', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (id: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `client ${id}`);
      const api = apiOf(cmd);
      await api.delete(clientPath(api, id));
      if (api.json) printJson({ deleted: id });
      else out(`Deleted client ${id}.`);
    });

  apiCommand(clients, 'rotate-secret <client_id>', 'issue a new client secret (printed this once)', { space: true })
    .option(
      '--grace <duration>',
      'how long the previous secret stays valid, such as 1h or 7d (or seconds), up to 30d (default 0: it stops working now)',
      duration,
    )
    .action(async (id: string, opts: { grace?: number }, cmd: Command) => {
      const api = apiOf(cmd);
      const body = opts.grace !== undefined ? { grace_period: opts.grace } : {};
      const answer = await api.post<{ client_secret: string; previous_secret_expires_at: string }>(`${clientPath(api, id)}/rotate-secret`, body);
      if (api.json) return printJson(answer);
      out(
        `Issued a new secret for client ${id}; the previous one ${opts.grace ? `stays valid until ${answer.previous_secret_expires_at}` : 'no longer works'}.`,
      );
      printSecret('client_secret', answer.client_secret, 'if it is lost, rotate again');
    });

  apiCommand(clients, 'webhook-secret <client_id>', 'generate (or replace) the webhook signing secret (printed this once)', { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const answer = await api.post<{ webhook_secret: string }>(`${clientPath(api, id)}/webhook-secret`);
      if (api.json) return printJson(answer);
      out(`Generated a webhook signing secret for client ${id}.`);
      printSecret('webhook_secret', answer.webhook_secret, 'if it is lost, generate a new one with this command');
    },
  );

  apiCommand(clients, 'scopes <client_id>', 'list the scopes associated with a client', { space: true }).action(async (id: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    const { items } = await api.get<{ items: Scope[] }>(`${clientPath(api, id)}/scopes`);
    printScopes(api.json, items);
  });

  apiCommand(clients, 'associate-scopes <client_id> <name...>', 'associate existing scopes with a client (keeps its other scopes)', { space: true }).action(
    async (id: string, names: string[], _o, cmd: Command) => {
      const api = apiOf(cmd);
      const { items } = await api.post<{ items: Scope[] }>(`${clientPath(api, id)}/scopes`, { scopes: names });
      if (!api.json) out(`Client ${id} now has these scopes:`);
      printScopes(api.json, items);
    },
  );

  apiCommand(clients, 'disassociate-scope <client_id> <name>', 'remove a scope from a client (the scope itself stays)', { space: true }).action(
    async (id: string, name: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      await api.delete(`${clientPath(api, id)}/scopes/${enc(name)}`);
      if (api.json) printJson({ client_id: id, disassociated: name });
      else out(`Removed scope "${name}" from client ${id}.`);
    },
  );
}
