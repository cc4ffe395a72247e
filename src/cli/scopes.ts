// `keyward scopes …`: the permissions a space's clients may ask for.
import type { Command } from 'commander';
import { apiCommand, apiOf, CliError, CONNECTION_HELP, enc, requireYes } from './api.js';
import { details, out, printJson, printList } from './output.js';

export interface Scope {
  name: string;
  description: string;
  default: boolean;
}

export function printScopes(json: boolean, items: Scope[]): void {
  printList(
    json,
    items,
    [
      ['name', (s) => s.name],
      ['default', (s) => s.default],
      ['description', (s) => s.description],
    ],
    'no scopes',
  );
}

function show(json: boolean, scope: Scope, heading?: string): void {
  if (json) return printJson(scope);
  if (heading) out(heading);
  details(scope as unknown as Record<string, unknown>);
}

const flags = (opts: { description?: string; default?: boolean }) => ({
  ...(opts.description !== undefined ? { description: opts.description } : {}),
  ...(opts.default !== undefined ? { default: opts.default } : {}),
});

export function registerScopeCommands(program: Command): void {
  const scopes = program.command('scopes').description('manage the scopes of a space (permissions clients may ask for)').addHelpText('after', CONNECTION_HELP);

  apiCommand(scopes, 'list', 'list scopes', { space: true })
    .option('--name <text>', 'only scopes whose name contains this text')
    .action(async (opts: { name?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      printScopes(api.json, await api.all<Scope>(api.inSpace('/scopes'), { name: opts.name }));
    });

  apiCommand(scopes, 'get <name>', 'show a scope', { space: true }).action(async (name: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api.json, await api.get<Scope>(api.inSpace(`/scopes/${enc(name)}`)));
  });

  apiCommand(scopes, 'create <name>', 'create a scope, and with --client associate it with that client in the same call', { space: true })
    .option('--description <text>', 'shown on the consent page')
    .option('--default', 'grant it when a client asks for no scope')
    .option('--client <client_id>', 'also associate the new scope with this client (all or nothing)')
    .action(async (name: string, opts: { description?: string; default?: boolean; client?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const input = { name, ...flags(opts) };
      if (!opts.client) return show(api.json, await api.post<Scope>(api.inSpace('/scopes'), input), `Created scope "${name}".`);
      // The client endpoint creates and associates in one transaction, so a bad client id leaves no stray scope.
      const { items } = await api.post<{ items: Scope[] }>(api.inSpace(`/clients/${enc(opts.client)}/scopes`), { create: [input] });
      const created = items.find((s) => s.name === name);
      if (!created) throw new CliError(`the server did not report scope "${name}" on client ${opts.client}`);
      show(api.json, created, `Created scope "${name}" and associated it with client ${opts.client}.`);
    });

  apiCommand(scopes, 'update <name>', "change a scope's description or default flag (a scope cannot be renamed)", { space: true })
    .option('--description <text>', 'shown on the consent page')
    .option('--default', 'grant it when a client asks for no scope')
    .option('--no-default', 'stop granting it by default')
    .action(async (name: string, opts: { description?: string; default?: boolean }, cmd: Command) => {
      const body = flags(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give --description, --default or --no-default');
      const api = apiOf(cmd);
      show(api.json, await api.patch<Scope>(api.inSpace(`/scopes/${enc(name)}`), body), `Updated scope "${name}".`);
    });

  apiCommand(scopes, 'delete <name>', 'delete a scope (it is removed from every client)', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (name: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `scope "${name}"`);
      const api = apiOf(cmd);
      await api.delete(api.inSpace(`/scopes/${enc(name)}`));
      if (api.json) printJson({ deleted: name });
      else out(`Deleted scope "${name}".`);
    });
}
