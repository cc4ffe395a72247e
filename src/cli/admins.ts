// `keyward admins …`: admin accounts, their roles per space, and their admin API tokens.
import { InvalidArgumentError, type Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { details, out, printJson, printList, printSecret } from './output.js';
import { readPassword } from './password.js';
import type { TokenView } from '../admin/accounts.js';

interface Admin {
  id: string;
  email: string;
  disabled: boolean;
  has_password: boolean;
  roles: { space: string; role: string }[];
}

// The server's own answer types (type-only imports: nothing of the server loads with the CLI).
type Token = TokenView & { token?: string };

const ROLES = ['viewer', 'client-manager', 'admin', 'owner'];
const ROLE_HELP = `roles: ${ROLES.join(', ')}; space: a slug, or * for every space`;

function roleGrant(value: string, previous: { space: string; role: string }[] | undefined) {
  const at = value.indexOf(':');
  if (at < 1) throw new InvalidArgumentError('expected <space>:<role>, e.g. default:client-manager or *:viewer.');
  return [...(previous ?? []), { space: value.slice(0, at), role: value.slice(at + 1) }];
}

/** "me", an id, or an e-mail address (looked up in the admins you may list). */
async function adminId(api: Api, ref: string): Promise<string> {
  if (!ref.includes('@')) return ref;
  const { items } = await api.get<{ items: Admin[] }>('/admins');
  const found = items.find((a) => a.email.toLowerCase() === ref.toLowerCase());
  if (!found) throw new CliError(`admin ${ref} not found`);
  return found.id;
}

const roles = (a: Admin) => a.roles.map((r) => `${r.space}:${r.role}`);

function show(json: boolean, admin: Admin, verb?: string): void {
  if (json) return printJson(admin);
  if (verb) out(`${verb} admin ${admin.email}.`);
  details({ ...admin, roles: roles(admin) });
}

const printTokens = (json: boolean, items: Token[]) =>
  printList(
    json,
    items,
    [
      ['id', (t) => t.id],
      ['name', (t) => t.name],
      ['hint', (t) => `${t.hint}…`],
      ['created', (t) => t.created_at],
      ['expires', (t) => t.expires_at ?? 'never'],
      ['last used', (t) => t.last_used_at],
      ['revoked', (t) => t.revoked_at],
    ],
    'no tokens',
  );

export function registerAdminCommands(program: Command): void {
  const admins = program
    .command('admins')
    .description('manage admin accounts, their roles per space, and admin API tokens')
    .addHelpText('after', `${CONNECTION_HELP}\nAn admin can be named by id, by e-mail address, or as "me".`);

  apiCommand(admins, 'list', 'list admins (all for a global owner, else those in spaces you own)').action(async (_o, cmd: Command) => {
    const api = apiOf(cmd);
    const { items } = await api.get<{ items: Admin[] }>('/admins');
    printList(
      api.json,
      items,
      [
        ['id', (a) => a.id],
        ['email', (a) => a.email],
        ['disabled', (a) => a.disabled],
        ['password', (a) => a.has_password],
        ['roles', roles],
      ],
      'no admins',
    );
  });

  apiCommand(admins, 'get <admin>', 'show an admin and their roles ("me" for yourself)').action(async (ref: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api.json, await api.get<Admin>(`/admins/${enc(await adminId(api, ref))}`));
  });

  apiCommand(admins, 'create', 'create an admin account (needs the owner role in every space granted)')
    .requiredOption('--email <email>', 'e-mail address, used to sign in to the console')
    .option('--role <space:role>', `role to grant, repeatable (${ROLE_HELP})`, roleGrant)
    .option('--password-stdin', 'read a console password (12+ characters) from stdin; without it the admin signs in with API tokens only')
    .action(async (opts: { email: string; role?: { space: string; role: string }[]; passwordStdin?: boolean }, cmd: Command) => {
      const api = apiOf(cmd);
      const body = { email: opts.email, roles: opts.role ?? [], ...(opts.passwordStdin ? { password: await readPassword() } : {}) };
      show(api.json, await api.post<Admin>('/admins', body), 'Created');
    });

  apiCommand(admins, 'update <admin>', "change an admin's password (yourself or a global owner), or disable/enable them (global owner)")
    .option('--disable', 'disable the account: its tokens stop working')
    .option('--enable', 'enable a disabled account')
    .option('--password-stdin', 'read the new password (12+ characters) from stdin')
    .action(async (ref: string, opts: { disable?: boolean; enable?: boolean; passwordStdin?: boolean }, cmd: Command) => {
      if (opts.disable && opts.enable) throw new CliError('give --disable or --enable, not both');
      if (!opts.disable && !opts.enable && !opts.passwordStdin) throw new CliError('nothing to update: give --disable, --enable or --password-stdin');
      const api = apiOf(cmd);
      const body = {
        ...(opts.disable || opts.enable ? { disabled: !!opts.disable } : {}),
        ...(opts.passwordStdin ? { password: await readPassword() } : {}),
      };
      show(api.json, await api.patch<Admin>(`/admins/${enc(await adminId(api, ref))}`, body), 'Updated');
    });

  apiCommand(admins, 'delete <admin>', 'delete an admin and their tokens (global owner)')
    .option('--yes', 'confirm the deletion')
    .action(async (ref: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `admin ${ref}`);
      const api = apiOf(cmd);
      await api.delete(`/admins/${enc(await adminId(api, ref))}`);
      if (api.json) printJson({ deleted: ref });
      else out(`Deleted admin ${ref}.`);
    });

  apiCommand(admins, 'grant <admin> <space> <role>', `grant or change an admin's role in a space (${ROLE_HELP})`).action(
    async (ref: string, space: string, role: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      show(api.json, await api.put<Admin>(`/admins/${enc(await adminId(api, ref))}/roles/${enc(space)}`, { role }), 'Updated');
    },
  );

  apiCommand(admins, 'revoke <admin> <space>', "remove an admin's role in a space (* = the all-spaces role)").action(
    async (ref: string, space: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      show(api.json, await api.request<Admin>('DELETE', `/admins/${enc(await adminId(api, ref))}/roles/${enc(space)}`), 'Updated');
    },
  );

  apiCommand(admins, 'tokens [admin]', "list an admin's API tokens, never their values (default: yours)").action(
    async (ref: string | undefined, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const { items } = await api.get<{ items: Token[] }>(`/admins/${enc(await adminId(api, ref ?? 'me'))}/tokens`);
      printTokens(api.json, items);
    },
  );

  apiCommand(admins, 'create-token', 'create an API token for yourself (printed this once)')
    .option('--name <name>', 'a name to tell tokens apart', 'cli')
    .option('--expires-in <seconds>', 'lifetime in seconds (60 to 157680000), or "never"', 'never')
    .action(async (opts: { name: string; expiresIn: string }, cmd: Command) => {
      if (opts.expiresIn !== 'never' && !/^\d+$/.test(opts.expiresIn)) throw new CliError('--expires-in must be seconds or "never"');
      const api = apiOf(cmd);
      const expires = opts.expiresIn === 'never' ? null : Number(opts.expiresIn);
      const created = await api.post<Token>('/admins/me/tokens', { name: opts.name, expires_in: expires });
      if (api.json) return printJson(created);
      out(`Created API token "${created.name}" (id ${created.id}, expires ${created.expires_at ?? 'never'}).`);
      printSecret('token', created.token!, 'use it as KEYWARD_ADMIN_TOKEN; if it is lost, revoke it and create another');
    });

  apiCommand(admins, 'revoke-token <token_id>', "revoke an API token (yours, or any admin's as a global owner)")
    .option('--admin <admin>', 'whose token it is (default: yours)', 'me')
    .action(async (tokenId: string, opts: { admin: string }, cmd: Command) => {
      const api = apiOf(cmd);
      await api.delete(`/admins/${enc(await adminId(api, opts.admin))}/tokens/${enc(tokenId)}`);
      if (api.json) printJson({ revoked: tokenId });
      else out(`Revoked API token ${tokenId}.`);
    });
}
