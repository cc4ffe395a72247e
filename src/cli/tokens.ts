// `keyward tokens …`: what a space has issued (grants and stored access tokens) and the consents users gave;
// revoke one, or everything of a client or a user.
import type { Command } from 'commander';
import { apiCommand, apiOf, CliError, CONNECTION_HELP, enc } from './api.js';
import { out, printJson, printList } from './output.js';

interface Entry {
  id: string;
  kind: string;
  grant_type: string;
  scope: string;
  client_id: string | null;
  username: string | null;
  issued_at: string;
  expires_at: string;
  refresh_count: number | null;
  refresh_limit: number | string | null;
}

interface Consent {
  id: string;
  client_id: string;
  username: string;
  scope: string;
  updated_at: string;
}

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('list and revoke issued tokens and consents of a space').addHelpText('after', CONNECTION_HELP);

  apiCommand(tokens, 'list', 'list live grants (refresh token families) and stored access tokens, newest first', { space: true })
    .option('--client <client_id>', 'only tokens of this client')
    .option('--user <user>', 'only tokens of this user (id or username)')
    .action(async (opts: { client?: string; user?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const items = await api.all<Entry>(api.inSpace('/tokens'), { client_id: opts.client, user_id: opts.user });
      printList(
        api.json,
        items,
        [
          ['id', (e) => e.id],
          ['grant type', (e) => e.grant_type],
          ['client', (e) => e.client_id],
          ['user', (e) => e.username],
          ['scope', (e) => e.scope],
          ['issued', (e) => e.issued_at],
          ['expires', (e) => e.expires_at],
          ['refreshes', (e) => (e.kind === 'grant' ? `${e.refresh_count}/${e.refresh_limit}` : null)],
        ],
        'no tokens',
      );
    });

  apiCommand(tokens, 'revoke <id>', 'revoke one grant (with its refresh and access tokens) or one access token', { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      await api.delete(api.inSpace(`/tokens/${enc(id)}`));
      if (api.json) printJson({ revoked: id });
      else out(`Revoked ${id}.`);
    },
  );

  apiCommand(tokens, 'revoke-all', 'revoke every token of a client or of a user (the client stays active, the user enabled)', { space: true })
    .option('--client <client_id>', 'revoke all tokens of this client')
    .option('--user <user>', 'revoke all tokens of this user (id or username)')
    .action(async (opts: { client?: string; user?: string }, cmd: Command) => {
      if ((opts.client === undefined) === (opts.user === undefined)) throw new CliError('give either --client or --user');
      const api = apiOf(cmd);
      const body = opts.client !== undefined ? { client_id: opts.client } : { user_id: opts.user };
      const answer = await api.post<{ revoked_grants: number; revoked_access_tokens: number }>(api.inSpace('/tokens/revoke'), body);
      if (api.json) return printJson(answer);
      const who = opts.client !== undefined ? `client ${opts.client}` : `user ${opts.user}`;
      out(
        `Revoked every token of ${who}: ${answer.revoked_grants} grant(s) and ${answer.revoked_access_tokens} stored access token(s); tokens issued earlier no longer work.`,
      );
    });

  apiCommand(tokens, 'consents', 'list the consents users gave to clients', { space: true })
    .option('--client <client_id>', 'only consents for this client')
    .option('--user <user>', 'only consents of this user (id or username)')
    .action(async (opts: { client?: string; user?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const items = await api.all<Consent>(api.inSpace('/consents'), { client_id: opts.client, user_id: opts.user });
      printList(
        api.json,
        items,
        [
          ['id', (c) => c.id],
          ['client', (c) => c.client_id],
          ['user', (c) => c.username],
          ['scope', (c) => c.scope],
          ['updated', (c) => c.updated_at],
        ],
        'no consents',
      );
    });

  apiCommand(tokens, 'revoke-consent <id>', 'forget a consent: the user is asked again next time', { space: true }).action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      await api.delete(api.inSpace(`/consents/${enc(id)}`));
      if (api.json) printJson({ revoked: id });
      else out(`Revoked consent ${id}.`);
    },
  );
}
