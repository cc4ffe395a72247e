// `keyward webhooks` against a real server with its dispatcher running, and a real receiver verifying with the
// standardwebhooks library: subscribe (the secret printed once), a change made with the CLI arrives signed, the
// delivery log, a manual retry, rotation, pausing, deletion, and the errors a user meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

let s: CliServer;
const rx = new WebhookReceiver();
beforeAll(async () => {
  assertBuilt();
  await rx.start();
  s = await startCliServer({ KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true', KEYWARD_WEBHOOK_POLL_MS: '100' });
});
afterAll(async () => {
  await s?.close();
  await rx.stop();
});

describe('keyward webhooks', () => {
  it('subscribes, prints the secret once, and delivers a change made with the CLI', async () => {
    const created = await s.cli(['webhooks', 'create', '--endpoint', rx.url('/cli'), '--event', 'client.deactivated', '--description', 'ops']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Subscribed ${rx.url('/cli')} to client.deactivated in space "default".`);
    const secret = /secret: (whsec_\S+)/.exec(created.stdout)![1]!;
    expect(created.stdout).toContain('WARNING: the secret is shown only this once');
    rx.on('/cli', { secrets: [secret] });
    const id = /^id: +(\S+)$/m.exec(created.stdout)![1]!;

    const listed = await s.cli(['webhooks', 'list']);
    expect(listed.stdout).toMatch(/^ID +URL +EVENTS +ACTIVE +DESCRIPTION$/m);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain('whsec_');

    const client = await s.json(['clients', 'create', '--name', 'Told', '--grant-type', 'client_credentials']);
    expect((await s.cli(['clients', 'deactivate', client.client_id])).code).toBe(0);
    const [msg] = await rx.waitFor('/cli', 1);
    expect(msg!.verified).toMatchObject({ type: 'client.deactivated', data: { id: client.client_id } });

    let log = await s.json(['webhooks', 'deliveries', id]);
    for (let i = 0; log.items[0]?.status !== 'succeeded' && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = await s.json(['webhooks', 'deliveries', id]);
    }
    expect(log.items).toMatchObject([{ event_type: 'client.deactivated', status: 'succeeded', webhook_id: msg!.id }]);
    const table = await s.cli(['webhooks', 'deliveries', id]);
    expect(table.stdout).toMatch(/client\.deactivated +succeeded +1 +200 in \d+ ms/);

    const retried = await s.cli(['webhooks', 'retry', id, log.items[0].id]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(/^Sent delivery \S+ \(client\.deactivated\) again: 200 in \d+ ms; status succeeded\.$/m);
    expect(rx.at('/cli').map((m) => m.id)).toEqual([msg!.id, msg!.id]);

    const rotated = await s.cli(['webhooks', 'rotate-secret', id, '--grace-period', '60']);
    expect(rotated.stdout).toMatch(/Rotated\. The previous secret signs too until \S+\./);
    expect(rotated.stdout).toMatch(/secret: whsec_/);

    const paused = await s.json(['webhooks', 'update', id, '--active', 'false']);
    expect(paused.active).toBe(false);
    const gone = await s.cli(['webhooks', 'delete', id, '--yes']);
    expect(gone.stdout).toBe(`Deleted webhook subscription ${id}.\n`);
    expect((await s.cli(['webhooks', 'show', id])).stderr).toBe(`keyward: webhook "${id}" not found\n`);
  });

  it('fails with exit 1 and the API error for a bad event type or URL', async () => {
    const bad = await s.cli(['webhooks', 'create', '--endpoint', rx.url('/x'), '--event', 'client.exploded']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^keyward: "client\.exploded" is not an event type/);
    const url = await s.cli(['webhooks', 'create', '--endpoint', 'ftp://example.com/x']);
    expect(url.code).toBe(1);
    expect(url.stderr).toContain('url must be an http or https URL');
    const nothing = await s.cli(['webhooks', 'update', '00000000-0000-4000-8000-000000000000']);
    expect(nothing.stderr).toBe('keyward: nothing to update: give at least one option (see --help)\n');
  });
});
