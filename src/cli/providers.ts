// `keyward providers …`: the connection vault's provider catalog, read-only.
import type { Command } from 'commander';
import { apiCommand, apiOf, CONNECTION_HELP, enc } from './api.js';
import { details, out, printJson, printList } from './output.js';

export interface Provider {
  id: string;
  name: string;
  kinds: string[];
  [field: string]: unknown;
}

export function registerProviderCommands(program: Command): void {
  const providers = program
    .command('providers')
    .description("browse the connection vault's provider catalog (external services Keyward can connect to)")
    .addHelpText('after', CONNECTION_HELP);

  apiCommand(providers, 'list', 'list the providers of the catalog')
    .option('--search <text>', 'only providers whose id or name contains this text (any case)')
    .action(async (opts: { search?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const { items } = await api.get<{ items: Provider[] }>('/providers', { q: opts.search });
      printList(
        api.json,
        items,
        [
          ['id', (p) => p.id],
          ['name', (p) => p.name],
          ['kinds', (p) => p.kinds],
        ],
        opts.search ? `no provider matches "${opts.search}"` : 'no providers',
      );
    });

  apiCommand(providers, 'show <id>', 'show a provider: its URLs, placeholders, token and refresh rules, and sources').action(
    async (id: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const provider = await api.get<Provider>(`/providers/${enc(id)}`);
      if (api.json) return printJson(provider);
      details(provider, ['config', 'sources', 'unverified']);
      const config = Object.entries((provider.config ?? {}) as Record<string, { description: string; values?: string[]; default?: string; pattern?: string }>);
      if (config.length) {
        out('placeholders:');
        for (const [name, spec] of config) {
          const allowed = spec.values ? ` one of ${spec.values.join(', ')}` : spec.pattern ? ` matching ${spec.pattern}` : '';
          out(`  {${name}}: ${spec.description}${allowed}${spec.default ? ` (default ${spec.default})` : ''}`);
        }
      }
      for (const key of ['sources', 'unverified'] as const) {
        const list = (provider[key] ?? []) as string[];
        if (list.length) {
          out(`${key}:`);
          for (const line of list) out(`  - ${line}`);
        }
      }
    },
  );
}
