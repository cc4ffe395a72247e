// `keyward webhooks …`: a space's webhook subscriptions, their delivery log and manual retries. The signing secret
// is printed once, when made or rotated.
import type { Command } from 'commander';
import { type Api, apiCommand, apiOf, CliError, enc, requireYes } from './api.js';
import { collect, details, integer, out, printJson, printList, printSecret } from './output.js';
import type { DeliveryView as Delivery } from '../events/index.js';
import type { SubscriptionView as Webhook } from '../events/subscriptions.js';

const hookPath = (api: Api, id: string) => api.inSpace(`/webhooks/${enc(id)}`);

function bodyOf(opts: { endpoint?: string; event?: string[]; description?: string; active?: string }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (opts.endpoint !== undefined) body.url = opts.endpoint;
  if (opts.event !== undefined) body.events = opts.event;
  if (opts.description !== undefined) body.description = opts.description;
  if (opts.active !== undefined) {
    if (opts.active !== 'true' && opts.active !== 'false') throw new CliError('--active must be true or false');
    body.active = opts.active === 'true';
  }
  return body;
}

function show(api: Api, w: Webhook, heading?: string): void {
  if (api.json) return printJson(w);
  if (heading) out(heading);
  details(w as unknown as Record<string, unknown>, []);
}

const lastAttempt = (d: Delivery) => {
  const a = d.attempts.at(-1);
  return a ? `${a.response_status ?? a.error ?? '-'} in ${a.duration_ms} ms` : '-';
};

export function registerWebhookCommands(program: Command): void {
  const hooks = program
    .command('webhooks')
    .description('manage the webhook subscriptions of a space: signed messages (Standard Webhooks) about its events, and their delivery log');

  apiCommand(hooks, 'list', 'list webhook subscriptions (never their secrets)', { space: true }).action(async (_o, cmd: Command) => {
    const api = apiOf(cmd);
    printList(
      api.json,
      await api.all<Webhook>(api.inSpace('/webhooks')),
      [
        ['id', (w) => w.id],
        ['url', (w) => w.url],
        ['events', (w) => w.events.join(',')],
        ['active', (w) => (w.active ? 'yes' : w.disabled_reason ? 'off (failing)' : 'no')],
        ['description', (w) => w.description],
      ],
      'no webhook subscriptions',
    );
  });

  apiCommand(hooks, 'show <id>', 'show a webhook subscription', { space: true }).action(async (id: string, _o, cmd: Command) => {
    const api = apiOf(cmd);
    show(api, await api.get<Webhook>(hookPath(api, id)));
  });

  apiCommand(hooks, 'create', 'subscribe a URL to events of the space; prints the signing secret once', { space: true })
    .requiredOption('--endpoint <url>', 'where messages are POSTed (an http(s) URL at a public address; --url names the Keyward server)')
    .option('--event <type>', 'an event type to receive (such as client.deactivated), repeatable; "*" for all (the default)', collect)
    .option('--description <text>', 'what the subscription is for')
    .action(async (opts: { endpoint: string; event?: string[]; description?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      const created = await api.post<Webhook & { secret: string }>(api.inSpace('/webhooks'), bodyOf({ ...opts, event: opts.event ?? ['*'] }));
      if (api.json) return printJson(created);
      const { secret, ...w } = created;
      show(api, w, `Subscribed ${w.url} to ${w.events.join(', ')} in space "${api.space}".`);
      printSecret('secret', secret, 'if it is lost, rotate it with `keyward webhooks rotate-secret`');
    });

  apiCommand(hooks, 'update <id>', 'change a webhook subscription (only the options given)', { space: true })
    .option('--endpoint <url>', 'where messages are POSTed')
    .option('--event <type>', 'an event type to receive, repeatable; replaces the list ("*" for all)', collect)
    .option('--description <text>', 'what the subscription is for')
    .option('--active <bool>', 'false pauses deliveries (they wait); true resumes them, also after Keyward switched it off')
    .action(async (id: string, opts: { endpoint?: string; event?: string[]; description?: string; active?: string }, cmd: Command) => {
      const body = bodyOf(opts);
      if (Object.keys(body).length === 0) throw new CliError('nothing to update: give at least one option (see --help)');
      const api = apiOf(cmd);
      show(api, await api.patch<Webhook>(hookPath(api, id), body), 'Updated the webhook subscription.');
    });

  apiCommand(hooks, 'delete <id>', 'delete a webhook subscription and its delivery log', { space: true })
    .option('--yes', 'confirm the deletion')
    .action(async (id: string, opts: { yes?: boolean }, cmd: Command) => {
      requireYes(opts, `webhook subscription ${id}`);
      const api = apiOf(cmd);
      await api.delete(hookPath(api, id));
      if (api.json) printJson({ deleted: id });
      else out(`Deleted webhook subscription ${id}.`);
    });

  apiCommand(hooks, 'rotate-secret <id>', 'make a new signing secret (printed once); the old one signs beside it for the grace period', { space: true })
    .option('--grace-period <seconds>', 'how long the old secret goes on signing (default 86400; 0 stops it at once)', integer)
    .action(async (id: string, opts: { gracePeriod?: number }, cmd: Command) => {
      const api = apiOf(cmd);
      const r = await api.post<{ secret: string; previous_secret_expires_at: string | null }>(
        `${hookPath(api, id)}/rotate-secret`,
        opts.gracePeriod !== undefined ? { grace_period: opts.gracePeriod } : {},
      );
      if (api.json) return printJson(r);
      out(
        r.previous_secret_expires_at
          ? `Rotated. The previous secret signs too until ${r.previous_secret_expires_at}.`
          : 'Rotated. The previous secret no longer signs.',
      );
      printSecret('secret', r.secret, 'if it is lost, rotate it again');
    });

  apiCommand(hooks, 'deliveries <id>', 'the delivery log of a subscription, newest first', { space: true })
    .option('--status <status>', 'only pending, succeeded or failed deliveries')
    .action(async (id: string, opts: { status?: string }, cmd: Command) => {
      const api = apiOf(cmd);
      printList(
        api.json,
        await api.all<Delivery>(`${hookPath(api, id)}/deliveries`, { status: opts.status }),
        [
          ['id', (d) => d.id],
          ['event', (d) => d.event_type],
          ['status', (d) => d.status],
          ['attempts', (d) => String(d.attempts.length)],
          ['last answer', lastAttempt],
          ['next attempt', (d) => d.next_attempt_at ?? '-'],
        ],
        'no deliveries',
      );
    });

  apiCommand(hooks, 'retry <id> <delivery_id>', 'send a delivery again now, with the same webhook-id', { space: true }).action(
    async (id: string, deliveryId: string, _o, cmd: Command) => {
      const api = apiOf(cmd);
      const d = await api.post<Delivery>(`${hookPath(api, id)}/deliveries/${enc(deliveryId)}/retry`, {});
      if (api.json) return printJson(d);
      out(`Sent delivery ${d.id} (${d.event_type}) again: ${lastAttempt(d)}; status ${d.status}.`);
    },
  );
}
