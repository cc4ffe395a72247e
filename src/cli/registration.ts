// `keyward registration …`: initial access tokens for dynamic client registration (a space's registration
// setting "token"; change it with `keyward spaces update <slug> --setting registration=token`).
import type { Command } from 'commander';
import { apiCommand, apiOf, CONNECTION_HELP, enc } from './api.js';
import { details, duration, integer, out, printJson, printList, printSecret } from './output.js';
import type { InitialAccessTokenView } from '../registry/initial-access-tokens.js';

// The server's answer type (a type-only import: nothing of the server loads with the CLI).
type InitialAccessToken = InitialAccessTokenView & { token?: string };

export function registerRegistrationCommands(program: Command): void {
  const reg = program
    .command('registration')
    .description('manage initial access tokens for dynamic client registration (RFC 7591)')
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(reg, 'tokens', 'list initial access tokens (the tokens themselves are shown only when created)', { space: true }).action(
    async (_o, cmd: Command) => {
      const api = apiOf(cmd);
      printList(
        api.json,
        await api.all<InitialAccessToken>(api.inSpace('/initial-access-tokens')),
        [
          ['id', (t) => t.id],
          ['active', (t) => t.active],
          ['uses left', (t) => t.uses_left ?? 'unlimited'],
          ['expires', (t) => t.expires_at ?? 'never'],
          ['revoked', (t) => t.revoked_at ?? ''],
        ],
        'no initial access tokens',
      );
    },
  );

  apiCommand(reg, 'create-token', 'create an initial access token; it is shown only this once', { space: true })
    .option('--expires-in <duration>', 'lifetime such as 1h or 30d, or seconds (default: no expiry)', duration)
    .option('--uses <n>', 'how many registrations it allows (default: unlimited)', integer)
    .action(async (opts: { expiresIn?: number; uses?: number }, cmd: Command) => {
      const api = apiOf(cmd);
      const body = { ...(opts.expiresIn !== undefined ? { expires_in: opts.expiresIn } : {}), ...(opts.uses !== undefined ? { uses: opts.uses } : {}) };
      const created = await api.post<InitialAccessToken>(api.inSpace('/initial-access-tokens'), body);
      if (api.json) return printJson(created);
      const { token, ...rest } = created;
      out('Created an initial access token.');
      details(rest as unknown as Record<string, unknown>);
      printSecret('token', token!, 'revoke it with `keyward registration revoke-token <id>` and create another');
    });

  apiCommand(reg, 'revoke-token <id>', 'revoke an initial access token', { space: true }).action(async (id: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    await api.delete(api.inSpace(`/initial-access-tokens/${enc(id)}`));
    if (api.json) printJson({ revoked: id });
    else out(`Revoked initial access token ${id}.`);
  });
}
