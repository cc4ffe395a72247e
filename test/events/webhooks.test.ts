// Webhook subscriptions and deliveries through the admin API, to a real HTTP receiver that verifies every message
// with the standardwebhooks library: what is sent for which change, retries with one webhook-id, the delivery log,
// manual retries, secret rotation with both signatures, switching off a subscription that keeps failing, and the
// client's own webhook (seed 001's webhook secret).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { api, type Api } from '../integration/support.js';

const S = '/spaces/default';
let t: TestApp;
let a: Api;
const rx = new WebhookReceiver();
let n = 0;

beforeAll(async () => {
  t = await createTestApp('pglite', { KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true', KEYWARD_WEBHOOK_RETRY_SCHEDULE: '0.2,0.2', KEYWARD_WEBHOOK_POLL_MS: '50' });
  a = api(t);
  await rx.start();
  await t.services.webhooks.dispatcher.start();
});
afterAll(async () => {
  await t.services.webhooks.dispatcher.stop();
  await rx.stop();
  await t.close();
});

async function subscribe(events: string[], extra: Record<string, unknown> = {}) {
  const path = `/hook-${++n}`;
  const res = await a.post(`${S}/webhooks`, { url: rx.url(path), events, description: `test ${n}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const sub = res.json() as { id: string; secret: string };
  rx.on(path, { secrets: [sub.secret] });
  return { ...sub, path };
}

interface DeliveryLog {
  id: string;
  event_type: string;
  status: string;
  attempts: { response_status?: number; response_body?: string; error?: string }[];
}

/** The subscription's newest delivery once it is no longer pending (the receiver hears a message before its attempt is written). */
async function settled(subscription: string): Promise<DeliveryLog> {
  for (let i = 0; ; i++) {
    const [d] = ((await a.get(`${S}/webhooks/${subscription}/deliveries`)).json() as { items: DeliveryLog[] }).items;
    if (d && d.status !== 'pending') return d;
    if (i > 200) throw new Error(`delivery of ${subscription} still pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const newClient = async (extra: Record<string, unknown> = {}) => {
  const res = await a.post(`${S}/clients`, { name: `hooked ${++n}`, grant_types: ['client_credentials'], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { client_id: string; client_secret: string };
};

describe('webhook subscriptions', () => {
  it('shows the whsec_ secret once, validates its input, and never lists a secret', async () => {
    const sub = await subscribe(['client.deactivated']);
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const got = await a.get(`${S}/webhooks/${sub.id}`);
    expect(got.json()).toMatchObject({ id: sub.id, events: ['client.deactivated'], active: true, disabled_reason: null });
    expect(got.body).not.toContain('whsec_');
    const list = await a.get(`${S}/webhooks`);
    expect(list.body).not.toContain('whsec_');
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(sub.id);

    const bad = async (body: unknown, field: string) => {
      const res = await a.post(`${S}/webhooks`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request', field });
    };
    await bad({ url: rx.url('/x'), events: ['client.exploded'] }, 'events');
    await bad({ url: rx.url('/x'), events: ['*', 'client.created'] }, 'events');
    await bad({ url: rx.url('/x'), events: [] }, 'events');
    await bad({ url: 'ftp://example.com/x', events: ['*'] }, 'url');
    await bad({ url: 'https://user:pw@example.com/x', events: ['*'] }, 'url');
    await bad({ events: ['*'] }, 'url');
    expect((await a.get(`${S}/webhooks/not-a-uuid`)).statusCode).toBe(404);
    expect((await a.get(`${S}/webhooks/00000000-0000-4000-8000-000000000000/deliveries`)).statusCode).toBe(404);
    expect((await a.get(`${S}/webhooks/${sub.id}/deliveries?status=lost`)).statusCode).toBe(400);
  });

  it('lists the event types a subscription may name, to any signed-in admin, and accepts each of them', async () => {
    const anonymous = api(t, null);
    expect((await anonymous.get('/event-types')).statusCode).toBe(401);
    const nobody = await t.adminWith([]);
    const res = await api(t, nobody.token).get('/event-types');
    expect(res.statusCode, res.body).toBe(200);
    const types = (res.json() as { items: { type: string }[] }).items.map((i) => i.type);
    expect(types).toEqual(expect.arrayContaining(['client.deactivated', 'connection.connected', 'connection.needs_reauth', 'webhook.disabled']));
    expect(types).not.toContain('*');
    expect(new Set(types).size).toBe(types.length);
    const sub = await subscribe(types);
    expect([...(await a.get(`${S}/webhooks/${sub.id}`)).json().events].sort()).toEqual([...types].sort());
  });

  it('refuses private, loopback and link-local addresses unless allowed', async () => {
    t.services.webhooks.attach({ allowPrivate: false }, undefined);
    try {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost:9/x',
        'http://169.254.169.254/latest',
        'http://[::1]/x',
        'http://10.1.2.3/x',
        'http://[::ffff:192.168.0.1]/x',
      ]) {
        const res = await a.post(`${S}/webhooks`, { url, events: ['*'] });
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ field: 'url' });
        expect(res.json().message).toContain('KEYWARD_WEBHOOK_ALLOW_PRIVATE');
      }
    } finally {
      t.services.webhooks.attach({ allowPrivate: true }, undefined);
    }
  });
});

describe('deliveries', () => {
  it('sends the events a subscription asked for, signed, once each, and nothing else', async () => {
    const all = await subscribe(['*']);
    const deactivations = await subscribe(['client.deactivated']);
    const c = await newClient();
    expect((await a.patch(`${S}/clients/${c.client_id}`, { active: false })).statusCode).toBe(200);

    const [msg] = await rx.waitFor(deactivations.path, 1);
    expect(msg!.verified).toBeDefined();
    expect(msg!.verified).toMatchObject({ type: 'client.deactivated', data: { space: 'default', object: 'client', id: c.client_id, client_id: c.client_id } });
    expect(msg!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    // Deliveries go out side by side: their order is not promised (the timestamp tells).
    const everything = await rx.waitFor(all.path, 2, 15_000, (m) => m.verified?.type.startsWith('client.') ?? false);
    expect(everything.map((m) => m.verified?.type).sort()).toEqual(['client.created', 'client.deactivated']);
    expect(everything.every((m) => m.verifiedBy.length === 1)).toBe(true);
    // No secret in any message, even for a change that made one.
    expect(everything.map((m) => m.body).join('')).not.toContain(c.client_secret);
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.at(deactivations.path)).toHaveLength(1);

    const d = await settled(deactivations.id);
    expect(d).toMatchObject({ event_type: 'client.deactivated', status: 'succeeded', webhook_id: msg!.id, next_attempt_at: null });
    expect(d.attempts).toMatchObject([{ response_status: 200, response_body: 'ok' }]);
    expect((await a.get(`${S}/webhooks/${deactivations.id}/deliveries`)).json().items).toHaveLength(1);
  });

  it('retries a failing receiver with the same webhook-id, and logs every attempt', async () => {
    const sub = await subscribe(['client.updated']);
    rx.on(sub.path, { secrets: [sub.secret], statuses: [500, 503] });
    const c = await newClient();
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'changed' });
    const got = await rx.waitFor(sub.path, 3);
    expect(got.map((m) => m.status)).toEqual([500, 503, 200]);
    expect(new Set(got.map((m) => m.id)).size).toBe(1);
    expect(got.every((m) => m.verified?.type === 'client.updated')).toBe(true);
    const d = await settled(sub.id);
    expect(d.status).toBe('succeeded');
    expect(d.attempts.map((x) => x.response_status)).toEqual([500, 503, 200]);
    expect(d.attempts[0]!.response_body).toBe('receiver says no (500)');
  });

  it('fails a delivery once its retries are spent, switches the subscription off with an event, and a manual retry sends it again', async () => {
    const watcher = await subscribe(['webhook.disabled']);
    const sub = await subscribe(['client.updated']);
    rx.on(sub.path, { secrets: [sub.secret], then: 500 });
    const c = await newClient();
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'doomed' });
    await rx.waitFor(sub.path, 3);
    const [disabled] = await rx.waitFor(watcher.path, 1);
    expect(disabled!.verified).toMatchObject({ type: 'webhook.disabled', data: { object: 'webhook', id: sub.id, actor: { type: 'system' } } });
    const view = (await a.get(`${S}/webhooks/${sub.id}`)).json();
    expect(view).toMatchObject({ active: false });
    expect(view.disabled_reason).toMatch(/failed/);
    const [d] = ((await a.get(`${S}/webhooks/${sub.id}/deliveries?status=failed`)).json() as { items: { id: string; attempts: unknown[] }[] }).items;
    expect(d!.attempts).toHaveLength(3);

    // Switched off: new events are not queued for it.
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'ignored' });
    // The receiver is fixed; an admin sends the failed one again by hand, with the same webhook-id.
    rx.on(sub.path, { secrets: [sub.secret] });
    const retried = await a.post(`${S}/webhooks/${sub.id}/deliveries/${d!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'succeeded' });
    expect(retried.json().attempts.at(-1)).toMatchObject({ response_status: 200, manual: true });
    const all = rx.at(sub.path);
    expect(all).toHaveLength(4);
    expect(new Set(all.map((m) => m.id)).size).toBe(1);
    // Switched on again, it receives what comes next.
    expect((await a.patch(`${S}/webhooks/${sub.id}`, { active: true })).json()).toMatchObject({ active: true, disabled_reason: null });
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'back' });
    await rx.waitFor(sub.path, 5);
  });

  it('counts an answer slower than the timeout as a failed attempt, and retries it', async () => {
    t.services.webhooks.attach({ timeoutMs: 300 }, undefined);
    try {
      const sub = await subscribe(['client.updated']);
      rx.on(sub.path, { secrets: [sub.secret], delayMs: 1_000 });
      const c = await newClient();
      await a.patch(`${S}/clients/${c.client_id}`, { description: 'slowly' });
      await rx.waitFor(sub.path, 1);
      rx.on(sub.path, { secrets: [sub.secret] });
      const d = await settled(sub.id);
      expect(d.status).toBe('succeeded');
      expect(d.attempts).toMatchObject([{ error: 'no answer within 300 ms' }, { response_status: 200 }]);
      expect(d.attempts[0]).not.toHaveProperty('response_status');
    } finally {
      t.services.webhooks.attach({ timeoutMs: 10_000 }, undefined);
    }
  });

  it('never follows a redirect: a 3xx is a failed attempt', async () => {
    const sub = await subscribe(['client.updated']);
    rx.on(sub.path, { secrets: [sub.secret], statuses: [307, 302], location: rx.url('/elsewhere') });
    const c = await newClient();
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'moved' });
    const d = await settled(sub.id);
    expect(d.attempts.map((x) => x.response_status)).toEqual([307, 302, 200]);
    expect(rx.at('/elsewhere')).toHaveLength(0);
  });

  it('lets a slow receiver hold one sender, not the queue', async () => {
    const slow = await subscribe(['client.updated']);
    rx.on(slow.path, { secrets: [slow.secret], delayMs: 3_000 });
    const fast = await subscribe(['client.updated']);
    const c = await newClient();
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'first' });
    await rx.waitFor(slow.path, 1);
    // The slow answer is still coming: a later event to the other receiver goes out meanwhile.
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'second' });
    await rx.waitFor(fast.path, 2, 2_000);
    expect((await settled(slow.id)).status).toBe('succeeded');
  });

  it('refuses, when sending, a URL that is (or resolves to) a private address', async () => {
    const byName = await subscribe(['client.updated']);
    const port = new URL(rx.url('/')).port;
    await a.patch(`${S}/webhooks/${byName.id}`, { url: `http://localhost:${port}${byName.path}` });
    const literal = await subscribe(['client.updated']);
    t.services.webhooks.attach({ allowPrivate: false }, undefined);
    try {
      const c = await newClient();
      await a.patch(`${S}/clients/${c.client_id}`, { description: 'private' });
      for (const sub of [byName, literal]) {
        const d = await settled(sub.id);
        expect(d.status).toBe('failed');
        expect(d.attempts).toHaveLength(3);
        for (const attempt of d.attempts)
          expect(attempt).toMatchObject({ error: expect.stringMatching(/address (127\.0\.0\.1|::1) is private, loopback or link-local/) });
        expect(rx.at(sub.path)).toHaveLength(0);
      }
    } finally {
      t.services.webhooks.attach({ allowPrivate: true }, undefined);
    }
  });

  it('signs with both secrets during a rotation, and with the new one alone after it', async () => {
    const sub = await subscribe(['client.updated']);
    const rotated = await a.post(`${S}/webhooks/${sub.id}/rotate-secret`, { grace_period: 3600 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret, previous_secret_expires_at } = rotated.json() as { secret: string; previous_secret_expires_at: string };
    expect(secret).toMatch(/^whsec_/);
    expect(Date.parse(previous_secret_expires_at)).toBeGreaterThan(Date.now() + 3500_000);
    rx.on(sub.path, { secrets: [sub.secret, secret] });
    const c = await newClient();
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'rotating' });
    const [during] = await rx.waitFor(sub.path, 1);
    expect(during!.verifiedBy).toEqual([0, 1]);

    const again = (await a.post(`${S}/webhooks/${sub.id}/rotate-secret`, { grace_period: 0 })).json() as { secret: string; previous_secret_expires_at: null };
    expect(again.previous_secret_expires_at).toBeNull();
    rx.on(sub.path, { secrets: [sub.secret, secret, again.secret] });
    await a.patch(`${S}/clients/${c.client_id}`, { description: 'rotated' });
    const [, after] = await rx.waitFor(sub.path, 2);
    expect(after!.verifiedBy).toEqual([2]);
    expect((await a.post(`${S}/webhooks/${sub.id}/rotate-secret`, { grace_period: 10 ** 7 })).statusCode).toBe(400);
  });

  it("tells a client's own webhook_url about itself, signed with its webhook secret, its deletion included", async () => {
    const c = await newClient({ webhook_url: rx.url('/client-own'), access_token_format: 'opaque' });
    const { webhook_secret } = (await a.post(`${S}/clients/${c.client_id}/webhook-secret`)).json() as { webhook_secret: string };
    rx.on('/client-own', { secrets: [webhook_secret] });
    expect((await a.get(`${S}/clients/${c.client_id}`)).json()).toMatchObject({ webhook_url: rx.url('/client-own'), has_webhook_secret: true });

    const token = await t.app.inject({
      method: 'POST',
      url: '/spaces/default/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64')}`,
      },
      payload: 'grant_type=client_credentials',
    });
    expect(token.statusCode, token.body).toBe(200);
    const tokens = (await a.get(`${S}/tokens?client_id=${c.client_id}`)).json() as { items: { id: string }[] };
    expect((await a.del(`${S}/tokens/${tokens.items[0]!.id}`)).statusCode).toBe(204);
    await a.patch(`${S}/clients/${c.client_id}`, { active: false });
    await a.patch(`${S}/clients/${c.client_id}`, { active: true });
    await a.post(`${S}/clients/${c.client_id}/rotate-secret`, {});
    expect((await a.del(`${S}/clients/${c.client_id}`)).statusCode).toBe(204);

    const byEvent = (m: { verified?: { data: Record<string, unknown> } }) => Number(m.verified?.data.event_id);
    const got = (await rx.waitFor('/client-own', 5)).sort((x, y) => byEvent(x) - byEvent(y));
    expect(got.map((m) => m.verified?.type)).toEqual(['token.revoked', 'client.deactivated', 'client.activated', 'client.secret_rotated', 'client.deleted']);
    expect(got.every((m) => (m.verified?.data as { client_id?: string }).client_id === c.client_id)).toBe(true);
    // Events about other clients never reach it.
    await newClient();
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.at('/client-own')).toHaveLength(5);
  });

  it('lists every event in the audit log with its type', async () => {
    const res = await a.get('/audit-log?type=client.deactivated&limit=5');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { action: string; type: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.type === 'client.deactivated' && i.action === 'client.deactivate')).toBe(true);
  });
});
