// `keyward users …`: the people (personal users, browser sign-in) and service users (password grant only) of a
// space. Passwords are read from stdin, never from the command line (it ends up in shell history).
import { Option, type Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { bool, details, out, printJson, printList } from './output.js';
import { readPassword } from './password.js';

interface User {
  id: string;
  username: string;
  email: string | null;
  email_verified: boolean;
  name: string | null;
  kind: string;
  disabled: boolean;
  has_password: boolean;
}


function show(api: Api, user: User, verb?: string): void {
  if (api.json) return printJson(user);
  if (verb) out(`${verb} ${user.kind} user "${user.username}" in space "${api.space}".`);
  details(user as unknown as Record<string, unknown>);
}

const userPath = (api: Api, ref: string) => api.inSpace(`/users/${enc(ref)}`);

/** Options shared by create and update; only those given go into the body. */
async function bodyOf(opts: { email?: string; emailVerified?: string; name?: string; passwordStdin?: boolean }): Promise<Record<string, unknown>> {
  return {
    ...(opts.email !== undefined ? { email: opts.email === '' ? null : opts.email } : {}),
    ...(opts.emailVerified !== undefined ? { email_verified: opts.emailVerified === 'true' } : {}),
    ...(opts.name !== undefined ? { name: opts.name === '' ? null : opts.name } : {}),
    ...(opts.passwordStdin ? { password: await readPassword() } : {}),
  };
}

export function registerUserCommands(program: Command): void {
  const users = program
    .command('users')
    .description('manage the users of a space: personal users (browser sign-in) and service users (password grant)')
    .addHelpText('after', `${CONNECTION_HELP}\nA user can be named by id or by username.`);

  apiCommand(users, 'list', 'list users', { space: true })
    .option('--search <text>', 'only users whose username, e-mail or name contains this text')
    .addOption(new Option('--kind <kind>', 'only this kind of user').choices(['personal', 'service']))
    .option('--disabled <bool>', 'only disabled (true) or enabled (false) users', bool)
    .action(async (opts: { search?: string; kind?: string; disabled?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const items = await api.all<User>(api.inSpace('/users'), { q: opts.search, kind: opts.kind, disabled: opts.disabled });
      printList(api.json, items, [
        ['id', (u) => u.id],
        ['username', (u) => u.username],
        ['kind', (u) => u.kind],
        ['email', (u) => u.email],
        ['name', (u) => u.name],
        ['disabled', (u) => u.disabled],
      ], 'no users');
    });

  apiCommand(users, 'get <user>', 'show a user (never the password)', { space: true }).action(async (ref: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api, await api.get<User>(userPath(api, ref)));
  });

  apiCommand(users, 'create <username>', 'create a user', { space: true })
    .addOption(new Option('--kind <kind>', 'personal: signs in through the browser; service: only through the password grant').choices(['personal', 'service']).default('personal'))
    .option('--email <email>', 'e-mail address')
    .option('--email-verified <bool>', 'whether the e-mail address is verified (default false)', bool)
    .option('--name <name>', 'full name')
    .option('--password-stdin', 'read the password (8+ characters) from stdin')
    .action(async (username: string, opts: { kind: string; email?: string; emailVerified?: string; name?: string; passwordStdin?: boolean }, cmd: Command) => {
      const api = apiOf(cmd);
      const body = { username, kind: opts.kind, ...(await bodyOf(opts)) };
      show(api, await api.post<User>(api.inSpace('/users'), body), 'Created');
    });

  apiCommand(users, 'update <user>', 'change a user\'s e-mail, name or password (only the options given)', { space: true })
    .option('--email <email>', 'e-mail address ("" clears)')
    .option('--email-verified <bool>', 'whether the e-mail address is verified', bool)
    .option('--name <name>', 'full name ("" clears)')
    .option('--password-stdin', 'read the new password (8+ characters) from stdin')
    .action(async (ref: string, opts: { email?: string; emailVerified?: string; name?: string; passwordStdin?: boolean }, cmd: Command) => {
      const body = await bodyOf(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give at least one option (see --help)');
      const api = apiOf(cmd);
      show(api, await api.patch<User>(userPath(api, ref), body), 'Updated');
    });

  const lifecycle = (name: string, disabled: boolean, description: string) =>
    apiCommand(users, `${name} <user>`, description, { space: true }).action(async (ref: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const user = await api.patch<User>(userPath(api, ref), { disabled });
      if (api.json) printJson(user);
      else out(`${disabled ? 'Disabled' : 'Enabled'} user "${user.username}" (${user.id}).`);
    });
  lifecycle('disable', true, 'disable a user: no sign-in, and every token issued before stays invalid for good');
  lifecycle('enable', false, 'enable a disabled user (tokens issued before the disabling stay invalid)');

  apiCommand(users, 'delete <user>', 'delete a user with their grants, tokens and consents', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (ref: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `user ${ref}`);
      const api = apiOf(cmd);
      await api.delete(userPath(api, ref));
      if (api.json) printJson({ deleted: ref });
      else out(`Deleted user ${ref}.`);
    });
}
