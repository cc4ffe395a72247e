// `keyward spaces …`: isolated issuers, each with its own clients, scopes, keys and tokens.
import type { Command } from 'commander';
import { apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { collect, details, duration, out, pick, printJson, printList, showDuration } from './output.js';

interface Space {
  slug: string;
  display_name: string;
  access_token_ttl: number;
  refresh_token_ttl: number;
  issuer: string;
}

/** `--setting key=value`: numbers and booleans are sent as such; the server checks keys and values. */
function settingsOf(pairs: string[] | undefined): { settings?: Record<string, unknown> } {
  if (!pairs?.length) return {};
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CliError(`--setting must be key=value, got "${pair}"`);
    const raw = pair.slice(at + 1);
    settings[pair.slice(0, at)] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  return { settings };
}

const FIELDS = { displayName: 'display_name', accessTokenTtl: 'access_token_ttl', refreshTokenTtl: 'refresh_token_ttl' };

function withSpaceOptions(cmd: Command): Command {
  return cmd
    .option('--display-name <name>', 'name shown to people')
    .option('--access-token-ttl <duration>', "default access token lifetime for the space's clients, such as 8h (or seconds)", duration)
    .option('--refresh-token-ttl <duration>', "default refresh token lifetime for the space's clients, such as 30d (or seconds)", duration);
}

function show(json: boolean, space: Space, verb?: string): void {
  if (json) return printJson(space);
  if (verb) out(`${verb} space "${space.slug}".`);
  details({ ...space, access_token_ttl: showDuration(space.access_token_ttl), refresh_token_ttl: showDuration(space.refresh_token_ttl) } as Record<
    string,
    unknown
  >);
}

export function registerSpaceCommands(program: Command): void {
  const spaces = program
    .command('spaces')
    .description('manage spaces: isolated issuers, each with its own clients, scopes, users and keys')
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(spaces, 'list', 'list the spaces you may see').action(async (_o, cmd: Command) => {
    const api = apiOf(cmd);
    const items = await api.all<Space>('/spaces');
    printList(
      api.json,
      items,
      [
        ['slug', (s) => s.slug],
        ['display name', (s) => s.display_name],
        ['access ttl', (s) => showDuration(s.access_token_ttl)],
        ['refresh ttl', (s) => showDuration(s.refresh_token_ttl)],
        ['issuer', (s) => s.issuer],
      ],
      'no spaces',
    );
  });

  apiCommand(spaces, 'get <slug>', 'show a space and its issuer URL').action(async (slug: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api.json, await api.get<Space>(`/spaces/${enc(slug)}`));
  });

  withSpaceOptions(
    apiCommand(spaces, 'create <slug>', 'create a space (needs the admin role for all spaces); the slug is part of the issuer URL and fixed once created'),
  )
    .option('--setting <key=value>', 'a setting other than its default, e.g. registration=open (repeatable)', collect)
    .action(async (slug: string, opts: Record<string, unknown>, cmd: Command) => {
      const api = apiOf(cmd);
      show(api.json, await api.post<Space>('/spaces', { slug, ...pick(opts, FIELDS), ...settingsOf(opts.setting as string[] | undefined) }), 'Created');
    });

  withSpaceOptions(apiCommand(spaces, 'update <slug>', "change a space's display name, default token lifetimes or settings"))
    .option('--setting <key=value>', 'change a setting, e.g. registration=open, device_code_ttl=900 or refresh_reuse_grace_seconds=5 (repeatable)', collect)
    .action(async (slug: string, opts: Record<string, unknown>, cmd: Command) => {
      const api = apiOf(cmd);
      const body = { ...pick(opts, FIELDS), ...settingsOf(opts.setting as string[] | undefined) };
      show(api.json, await api.patch<Space>(`/spaces/${enc(slug)}`, body), 'Updated');
    });

  apiCommand(spaces, 'delete <slug>', 'delete a space with all its clients, scopes, users, tokens and connections (owner)')
    .option('--yes', 'confirm the deletion')
    .action(async (slug: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `space "${slug}" and everything in it`);
      const api = apiOf(cmd);
      await api.delete(`/spaces/${enc(slug)}`);
      if (api.json) printJson({ deleted: slug });
      else out(`Deleted space "${slug}".`);
    });
}
