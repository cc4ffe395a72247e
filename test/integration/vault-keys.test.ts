// The admin API of master key rotation: GET /vault/master-key and POST /vault/rotate-key, for owners of every space
// only. Webhook secrets sealed under an old key are re-sealed batch by batch; bad batch sizes are refused; a value
// under a key nobody configured stops the batch with a 409 that says which key to add, and no secret.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { Keyring } from '../../src/crypto/keyring.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { SYSTEM } from '../../src/events/audit.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/services.js';
import type { TestApp } from '../helpers/app.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';
import { api, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

describe.each(STORE_KINDS)('admin API: vault master key (%s)', (kind) => {
  const oldKey = masterKeyFrom(randomBytes(32));
  const newKey = masterKeyFrom(randomBytes(32));
  let ts: TestStore;
  let t: TestApp;
  let owner: Api;
  const secrets: string[] = [];
  const clientIds: string[] = [];

  beforeAll(async () => {
    ts = await openTestStore(kind);
    // Webhook secrets made while the old key was the current one.
    const old = createServices(ts.store, oldKey);
    await old.spaces.ensureDefault();
    const space = await old.spaces.get('default');
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const c = await old.clients.create(space, webApp(name), SYSTEM);
      clientIds.push(c.client_id);
      secrets.push((await old.clients.createWebhookSecret(space, c.client_id, SYSTEM)).webhook_secret);
    }
    // Restarted with the new key and the old one among the previous keys.
    const services = createServices(ts.store, new Keyring(newKey, [oldKey]));
    const first = await services.admins.createFirstOwner({ email: 'owner@example.com', withToken: true, tokenName: 'test' }, SYSTEM);
    const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_PUBLIC_URL: 'http://localhost:8080', KEYWARD_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, services, logger: false });
    await app.ready();
    let n = 0;
    t = {
      app,
      services,
      config,
      testStore: ts,
      ownerToken: first!.token!.token,
      ownerId: first!.admin.id,
      adminWith: async (roles) => {
        const admin = await services.admins.create({ email: `admin${++n}@example.com`, roles: roles as never }, SYSTEM);
        return { id: admin.id, token: (await services.admins.createToken(admin.id, { name: 'test' }, SYSTEM)).token };
      },
      close: async () => {
        await app.close();
        await ts.close();
      },
    };
    owner = api(t);
  });
  afterAll(async () => t?.close());

  it('is for owners of every space only', async () => {
    for (const roles of [[{ space: '*', role: 'admin' }], [{ space: 'default', role: 'owner' }]]) {
      const other = api(t, (await t.adminWith(roles)).token);
      expect(expectError(await other.get('/vault/master-key'), 403).message).toMatch(/owner role for all spaces/);
      expectError(await other.post('/vault/rotate-key', {}), 403);
    }
    expectError(await api(t, null).get('/vault/master-key'), 401);
    expectError(await api(t, null).post('/vault/rotate-key', {}), 401);
  });

  it('refuses a batch size outside 1..1000 and unknown fields, naming the field', async () => {
    for (const batch_size of [0, 1001, 2.5, 'ten', null]) expectError(await owner.post('/vault/rotate-key', { batch_size }), 400, 'batch_size');
    expectError(await owner.post('/vault/rotate-key', { batch: 5 }), 400, 'batch');
    expect(await owner.get('/vault/master-key').then((r) => r.json().remaining)).toBe(5); // nothing was done
  });

  it('shows the keys and what remains, then re-seals batch by batch until nothing remains', async () => {
    const etags = await Promise.all(clientIds.map(async (id) => (await owner.get(`/spaces/default/clients/${id}`)).headers.etag));
    expect(expectStatus(await owner.get('/vault/master-key'), 200)).toEqual({ current_key_id: newKey.id, previous_key_ids: [oldKey.id], remaining: 5 });
    expect(expectStatus(await owner.post('/vault/rotate-key', { batch_size: 2 }), 200)).toEqual({ resealed: 2, skipped: 0, remaining: 3 });
    expect(expectStatus(await owner.post('/vault/rotate-key', { batch_size: 1 }), 200)).toEqual({ resealed: 1, skipped: 0, remaining: 2 });
    // No body: the default batch of 200.
    expect(expectStatus(await owner.call('POST', '/vault/rotate-key'), 200)).toEqual({ resealed: 2, skipped: 0, remaining: 0 });
    expect(expectStatus(await owner.post('/vault/rotate-key', {}), 200)).toEqual({ resealed: 0, skipped: 0, remaining: 0 });
    expect(expectStatus(await owner.get('/vault/master-key'), 200).remaining).toBe(0);

    // The secrets are what they were, now under the new key alone; the clients' representations did not change.
    const onlyNew = new Keyring(newKey);
    const space = await t.services.spaces.get('default');
    for (const [i, id] of clientIds.entries()) {
      const row = await t.services.clients.row(space, id);
      expect(onlyNew.open(row.webhookSecretSealed!, `client-webhook:${row.id}`)).toBe(secrets[i]);
      expect((await owner.get(`/spaces/default/clients/${id}`)).headers.etag).toBe(etags[i]);
    }

    const audit = expectStatus(await owner.get('/audit-log?action=vault.master_key_reseal'), 200).items;
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      actor: { type: 'admin', email: 'owner@example.com' },
      target: { type: 'master_key', id: newKey.id },
      changes: { values: 2 },
    });
  });

  it('answers 409 naming a key that is not configured, and never a secret', async () => {
    const stranger = masterKeyFrom(randomBytes(32));
    const elsewhere = createServices(ts.store, stranger);
    const secret = (await elsewhere.clients.createWebhookSecret(await elsewhere.spaces.get('default'), clientIds[0]!, SYSTEM)).webhook_secret;
    expect(expectStatus(await owner.get('/vault/master-key'), 200).remaining).toBe(1);
    const res = await owner.post('/vault/rotate-key', {});
    const err = expectError(res, 409);
    expect(err.message).toContain(`sealed with master key ${stranger.id}, which is not configured; add it to KEYWARD_MASTER_KEYS_PREVIOUS`);
    expect(err.message).toContain('clients.webhook_secret_sealed');
    expect(res.body).not.toContain(secret);
  });
});
