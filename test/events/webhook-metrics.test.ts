// /metrics shows what the webhook dispatcher did (issue 11's "Done when": the same counts as the receiver saw):
// attempts by outcome, and the queue's depth read from the store. A real receiver (standardwebhooks verifies every
// message) answers the first attempt 500 and the retry 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrape, valueOf } from '../helpers/metrics.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

const TOKEN = 'metrics-token-webhooks-41d7';
const rx = new WebhookReceiver();
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer('pglite', {
    KEYWARD_METRICS_TOKEN: TOKEN,
    KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true',
    KEYWARD_WEBHOOK_RETRY_SCHEDULE: '0.2,0.2',
    KEYWARD_WEBHOOK_POLL_MS: '50',
  });
  await rx.start();
});
afterAll(async () => {
  await s?.services.webhooks.dispatcher.stop();
  await rx.stop();
  await s?.close();
});

describe('webhook metrics', () => {
  it('count a failed attempt and its successful retry, and the queue before and after', async () => {
    const sub = await s.admin('POST', '/spaces/default/webhooks', { url: rx.url('/hook'), events: ['client.deactivated'] });
    rx.on('/hook', { secrets: [sub.secret], statuses: [500] });
    const before = await scrape(`${s.url}/metrics`, TOKEN);
    expect(valueOf(before, 'keyward_webhook_queue_depth')).toBe(0);

    // The dispatcher is not running yet: the event waits in the queue.
    const c = await s.admin('POST', '/spaces/default/clients', { name: 'hooked', grant_types: ['client_credentials'] });
    await s.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { active: false });
    expect(valueOf(await scrape(`${s.url}/metrics`, TOKEN), 'keyward_webhook_queue_depth')).toBe(1);

    await s.services.webhooks.dispatcher.start();
    let settled: { status: string } | undefined;
    for (let i = 0; i < 200 && settled?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      [settled] = (await s.admin('GET', `/spaces/default/webhooks/${sub.id}/deliveries`)).items;
    }
    expect(settled?.status).toBe('succeeded');
    const heard = rx.received.filter((m) => m.path === '/hook');
    expect(heard.map((m) => [m.status, m.verified?.type])).toEqual([
      [500, 'client.deactivated'],
      [200, 'client.deactivated'],
    ]);

    const after = await scrape(`${s.url}/metrics`, TOKEN);
    const delta = (outcome: string) =>
      valueOf(after, 'keyward_webhook_deliveries_total', { outcome }) - valueOf(before, 'keyward_webhook_deliveries_total', { outcome });
    expect([delta('retrying'), delta('succeeded'), delta('failed')]).toEqual([1, 1, 0]);
    expect(valueOf(after, 'keyward_webhook_queue_depth')).toBe(0);
  });
});
