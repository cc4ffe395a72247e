// The vault's events, written with the renewal outcomes that cause them and delivered to a real receiver that
// verifies them with standardwebhooks: connected (a first token), refresh_failed (once, on the first failure of a
// working connection, not on each retry), recovered, needs_reauth, and created and deleted from the admin side. A
// routine refresh is not an event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, SYSTEM } from '../../src/events/audit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let p: QuirkProvider;
const rx = new WebhookReceiver();
let space: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp('pglite', { KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true', KEYWARD_WEBHOOK_POLL_MS: '50' });
  const s = await t.services.spaces.get('default');
  space = { id: s.id, slug: s.slug };
  p = await startQuirkProvider();
  await rx.start();
  await t.services.webhooks.dispatcher.start();
});
afterAll(async () => {
  await t.services.webhooks.dispatcher.stop();
  await rx.stop();
  await p.close();
  await t.close();
});

describe('vault events', () => {
  it('reports each change of a connection once, in order, and a routine refresh not at all', async () => {
    const sub = await t.services.webhooks.subscriptions.create(
      space,
      { url: rx.url('/vault'), events: ['created', 'connected', 'refresh_failed', 'recovered', 'needs_reauth', 'deleted'].map((e) => `connection.${e}`) },
      SYSTEM,
    );
    rx.on('/vault', { secrets: [sub.secret] });
    const pc = await t.services.vault.providerClients.create(
      space,
      {
        provider: 'custom',
        name: 'Quirk',
        client_id: 'quirk-client',
        client_secret: 'quirk-secret',
        authorization_url: p.authorizationUrl,
        token_url: p.tokenUrl,
      },
      SYSTEM,
    );
    const conn = await t.services.vault.createConnection(space, { name: 'Machine', kind: 'oauth2_client_credentials', provider_client: pc.id }, SYSTEM);
    const renew = async () => {
      const row = await t.services.vault.connections.row(space.id, conn.id);
      return t.services.vault.renewer.renew(space.id, conn.id, row.generation);
    };
    expect((await renew()).status).toBe('connected'); // routine: no event
    p.failNext({ status: 503 }, 2);
    expect((await renew()).status).toBe('error');
    expect((await renew()).status).toBe('error'); // still failing: no second event
    expect((await renew()).status).toBe('connected');
    p.failNext({ status: 400, body: { error: 'invalid_grant', error_description: 'grant revoked' } });
    expect((await renew()).status).toBe('needs_reauth');
    await t.services.vault.connections.delete(space, conn.id, SYSTEM);

    const expected = [
      'connection.created',
      'connection.connected',
      'connection.refresh_failed',
      'connection.recovered',
      'connection.needs_reauth',
      'connection.deleted',
    ];
    const got = (await rx.waitFor('/vault', expected.length)).sort((a, b) => Number(a.verified!.data.event_id) - Number(b.verified!.data.event_id));
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.at('/vault')).toHaveLength(expected.length);
    expect(got.map((m) => m.verified?.type)).toEqual(expected);
    const byType = Object.fromEntries(got.map((m) => [m.verified!.type, m.verified!.data]));
    expect(byType['connection.refresh_failed']).toMatchObject({
      object: 'connection',
      id: conn.id,
      actor: { type: 'system' },
      changes: { status: { from: 'connected', to: 'error' } },
    });
    expect((byType['connection.refresh_failed'] as { changes: { last_error: string } }).changes.last_error).toMatch(/HTTP 503/);
    expect(byType['connection.needs_reauth']).toMatchObject({
      changes: { status: { from: 'connected', to: 'needs_reauth' }, last_error: expect.stringMatching(/invalid_grant: grant revoked/) },
    });
    // The audit log is the same outbox: the same events, with the system as the actor.
    const audit = await listAudit(t.services.store.db, { type: 'connection.recovered', limit: 10 });
    expect(audit.items).toMatchObject([{ type: 'connection.recovered', actor: { type: 'system' }, target: { type: 'connection', id: conn.id } }]);
  });
});
