// `keyward audit`: the audit log of admin changes, newest first.
import type { Command } from 'commander';
import type { AuditEntryView } from '../admin/schemas.js';
import { apiCommand, apiOf, CliError } from './api.js';
import { integer, printList } from './output.js';

type Entry = AuditEntryView;

const PAGE_SIZE = 200;

export function registerAuditCommand(program: Command): void {
  apiCommand(program, 'audit', 'show the audit log of admin changes and vault events, newest first (admin role; others see their spaces only)')
    .option('--space <slug>', 'only entries about this space')
    .option('--action <action>', 'only this action, e.g. client.create, client.rotate_secret, admin.grant_role')
    .option('--type <type>', 'only this event type, e.g. client.deactivated, connection.needs_reauth (what webhooks carry)')
    .option('--limit <n>', 'how many entries to show at most', integer, 50)
    .option('--before <id>', 'only entries older than this entry id (to page back)', integer)
    .addHelpText('after', '\nWith --json it prints { "items": [...] }: up to --limit entries, newest first.')
    .action(async (opts: { space?: string; action?: string; type?: string; limit: number; before?: number }, cmd: Command) => {
      if (opts.limit < 1) throw new CliError('--limit must be at least 1');
      const api = apiOf(cmd);
      // The log can be long: fetch pages only until --limit entries are in.
      const items: Entry[] = [];
      let cursor = opts.before !== undefined ? String(opts.before) : undefined;
      do {
        const page = await api.get<{ items: Entry[]; next_cursor: string | null }>('/audit-log', {
          space: opts.space,
          action: opts.action,
          type: opts.type,
          limit: Math.min(PAGE_SIZE, opts.limit - items.length),
          cursor,
        });
        items.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor && items.length < opts.limit);
      printList(
        api.json,
        items,
        [
          ['id', (e) => e.id],
          ['at', (e) => e.at],
          ['actor', (e) => e.actor.email ?? e.actor.type],
          ['space', (e) => e.space],
          ['action', (e) => e.action],
          ['target', (e) => (e.target.id ? `${e.target.type} ${e.target.id}` : e.target.type)],
        ],
        'no entries',
      );
    });
}
