// `keyward login` and `keyward logout`: an admin signs in with e-mail and password, and the CLI keeps the token
// the server answers (it expires) in the credentials file, for that server's URL. No token is copied by hand.
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import { Api, apiCommand, CliError, type ApiOptions } from './api.js';
import { forgetLogin, saveLogin, storedLogin } from './credentials.js';
import { duration, out, printJson } from './output.js';
import { readPassword } from './password.js';

interface SignedIn {
  id: string;
  token: string;
  expires_at: string | null;
  admin_id: string;
  email: string;
}

export function registerLoginCommands(program: Command): void {
  program
    .command('login')
    .description('sign in with e-mail and password; keeps an admin API token that expires (7 days by default) for this server')
    .requiredOption('--email <email>', 'your admin e-mail address')
    .option('--password-stdin', 'read the password from standard input (otherwise it is asked for and not shown)')
    .option('--expires-in <duration>', 'token lifetime such as 8h or 30d, at most 90d (default 7d)', duration)
    .addOption(new Option('--url <url>', 'server base URL (env KEYWARD_URL, else KEYWARD_PUBLIC_URL, else http://localhost:$KEYWARD_PORT)'))
    .addOption(new Option('--json', 'print one JSON document (never the token)'))
    .action(async (opts: ApiOptions & { email: string; passwordStdin?: boolean; expiresIn?: number }) => {
      const api = new Api({ url: opts.url, json: opts.json }, process.env, true);
      if (!opts.passwordStdin && !process.stdin.isTTY) throw new CliError('no terminal to ask for the password on: pipe it in with --password-stdin');
      const password = await readPassword();
      if (!password) throw new CliError('an empty password cannot be right');
      const answer = await api.post<SignedIn>('/sign-in', {
        email: opts.email,
        password,
        token_name: `keyward login on ${hostname()}`.slice(0, 100),
        ...(opts.expiresIn !== undefined ? { expires_in: opts.expiresIn } : {}),
      });
      const file = saveLogin(api.base, {
        token: answer.token,
        token_id: answer.id,
        admin_id: answer.admin_id,
        email: answer.email,
        expires_at: answer.expires_at,
      });
      if (api.json) return printJson({ url: api.base, email: answer.email, expires_at: answer.expires_at, credentials_file: file });
      out(`Signed in to ${api.base} as ${answer.email}. The token expires at ${answer.expires_at}; it is kept in ${file} (mode 0600).`);
    });

  apiCommand(program, 'logout', 'revoke the token `keyward login` keeps for this server, and forget it').action(async (_o, cmd: Command) => {
    const base = new Api({ url: cmd.opts<ApiOptions>().url }, process.env, true).base;
    const login = storedLogin(base);
    if (!login) {
      forgetLogin(base); // an expired one too
      return out(`Not signed in to ${base}.`);
    }
    const api = new Api({ ...cmd.opts<ApiOptions>(), token: login.token });
    try {
      await api.delete(`/admins/me/tokens/${encodeURIComponent(login.token_id)}`);
    } catch (err) {
      // Already revoked or expired on the server: forgetting it is all that is left to do.
      if (!(err instanceof CliError) || (err.status !== 401 && err.status !== 404)) throw err;
    }
    forgetLogin(base);
    if (api.json) return printJson({ url: base, signed_out: true });
    out(`Signed out of ${base}; the token is revoked.`);
  });
}
