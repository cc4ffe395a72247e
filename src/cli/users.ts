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

// The standard claims (OpenID Connect Core §5.1) as options: [flag, API field, help]. "" clears a claim.
const CLAIM_OPTIONS: [flag: string, field: string, help: string][] = [
  ['--given-name <name>', 'given_name', 'given name(s) or first name(s)'],
  ['--family-name <name>', 'family_name', 'surname(s) or last name(s)'],
  ['--middle-name <name>', 'middle_name', 'middle name(s)'],
  ['--nickname <name>', 'nickname', 'casual name'],
  ['--profile <url>', 'profile', 'URL of the profile page (http or https)'],
  ['--picture <url>', 'picture', 'URL of a profile picture (http or https)'],
  ['--website <url>', 'website', 'URL of a web page or blog (http or https)'],
  ['--gender <gender>', 'gender', 'female, male, or another value'],
  ['--birthdate <date>', 'birthdate', 'YYYY-MM-DD, or YYYY (0000-MM-DD without the year)'],
  ['--zoneinfo <zone>', 'zoneinfo', 'IANA time zone, such as Europe/Paris'],
  ['--locale <tag>', 'locale', 'BCP 47 language tag, such as en-US'],
  ['--phone-number <number>', 'phone_number', 'E.164 number, such as +14255551212 (separators are dropped)'],
];
const ADDRESS_OPTIONS: [flag: string, field: string, help: string][] = [
  ['--address-formatted <text>', 'formatted', 'the full postal address for display ("\\n" for line breaks)'],
  ['--street-address <text>', 'street_address', 'street address'],
  ['--locality <city>', 'locality', 'city'],
  ['--region <region>', 'region', 'state, province or region'],
  ['--postal-code <code>', 'postal_code', 'postal code'],
  ['--country <country>', 'country', 'country'],
];

const camel = (flag: string) =>
  flag
    .slice(2)
    .split(' ')[0]!
    .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Adds the profile options shared by create and update. */
function claimOptions(cmd: Command, clears: boolean): Command {
  const tail = clears ? ' ("" clears)' : '';
  cmd
    .option('--email <email>', `e-mail address${tail}`)
    .option('--email-verified <bool>', 'whether the e-mail address is verified (default false)', bool)
    .option('--name <name>', `full name${tail}`);
  for (const [flag, , help] of CLAIM_OPTIONS) cmd.option(flag, help + tail);
  cmd.option('--phone-number-verified <bool>', 'whether the phone number is verified (default false)', bool);
  for (const [flag, , help] of ADDRESS_OPTIONS) cmd.option(flag, `address: ${help}${tail}`);
  if (clears) cmd.option('--no-address', 'remove the whole postal address');
  return cmd
    .option('--password-stdin', 'read the password (8+ characters) from stdin')
    .addHelpText(
      'after',
      '\nThe profile options are the standard claims of OpenID Connect, released to applications by the scopes profile, email, address and phone.',
    );
}

type Opts = Record<string, string | boolean | undefined>;

/** The body for the options given; only those go into it. */
async function bodyOf(opts: Opts): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  const text = (v: unknown) => (v === '' ? null : v);
  if (opts.email !== undefined) body.email = text(opts.email);
  if (opts.emailVerified !== undefined) body.email_verified = opts.emailVerified === 'true';
  if (opts.name !== undefined) body.name = text(opts.name);
  for (const [flag, field] of CLAIM_OPTIONS) if (opts[camel(flag)] !== undefined) body[field] = text(opts[camel(flag)]);
  if (opts.phoneNumberVerified !== undefined) body.phone_number_verified = opts.phoneNumberVerified === 'true';
  const address: Record<string, unknown> = {};
  for (const [flag, field] of ADDRESS_OPTIONS) {
    const v = opts[camel(flag)];
    if (v !== undefined) address[field] = field === 'formatted' && typeof v === 'string' ? text(v.replace(/\\n/g, '\n')) : text(v);
  }
  if (opts.address === false) body.address = null;
  else if (Object.keys(address).length) body.address = address;
  if (opts.passwordStdin) body.password = await readPassword();
  return body;
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
      printList(
        api.json,
        items,
        [
          ['id', (u) => u.id],
          ['username', (u) => u.username],
          ['kind', (u) => u.kind],
          ['email', (u) => u.email],
          ['name', (u) => u.name],
          ['disabled', (u) => u.disabled],
        ],
        'no users',
      );
    });

  apiCommand(users, 'get <user>', 'show a user (never the password)', { space: true }).action(async (ref: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api, await api.get<User>(userPath(api, ref)));
  });

  claimOptions(
    apiCommand(users, 'create <username>', 'create a user', { space: true }).addOption(
      new Option('--kind <kind>', 'personal: signs in through the browser; service: only through the password grant')
        .choices(['personal', 'service'])
        .default('personal'),
    ),
    false,
  ).action(async (username: string, opts: Opts & { kind: string }, cmd: Command) => {
    const api = apiOf(cmd);
    const body = { username, kind: opts.kind, ...(await bodyOf(opts)) };
    show(api, await api.post<User>(api.inSpace('/users'), body), 'Created');
  });

  claimOptions(
    apiCommand(users, 'update <user>', "change a user's e-mail, name, profile (standard claims) or password (only the options given)", { space: true }),
    true,
  ).action(async (ref: string, opts: Opts, cmd: Command) => {
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
