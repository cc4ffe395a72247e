import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/crypto/secrets.js';
import { clients, clientScopes, clientSecrets, scopes } from '../../src/store/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, webApp, type Api } from './support.js';
import { Webhook } from 'standardwebhooks';
import { webhookHeaders } from '../../src/crypto/webhooks.js';

pgNotice();

const CLIENTS = '/spaces/default/clients';

describe.each(STORE_KINDS)('admin API: client lifecycle (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let n = 0;
  const make = async (extra: Record<string, unknown> = {}) => expectStatus(await a.post(CLIENTS, webApp(`Lifecycle ${++n}`, extra)), 201);
  const row = async (clientId: string) => (await t.services.store.db.select().from(clients).where(eq(clients.clientId, clientId)))[0];
  const secretsOf = async (clientPk: string) => t.services.store.db.select().from(clientSecrets).where(eq(clientSecrets.clientPk, clientPk));
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
  });
  afterAll(async () => t?.close());

  it('stores the client secret hashed, never in plain text', async () => {
    const c = await make();
    const r = await row(c.client_id);
    const secrets = await secretsOf(r!.id);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.secretHash).not.toBe(c.client_secret);
    expect(secrets[0]!.secretHash).not.toContain(c.client_secret);
    expect(secrets[0]!.secretHash).toBe(sha256(c.client_secret));
    expect(secrets[0]!.expiresAt).toBeNull();
  });

  it('deactivation stores deactivated_at and tokens_valid_after; reactivation keeps tokens_valid_after', async () => {
    const c = await make();
    const before = Date.now();
    const off = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: false }), 200);
    expect(off.active).toBe(false);
    expect(off.deactivated_at).not.toBeNull();
    expect(off.tokens_valid_after).toBe(off.deactivated_at);
    let r = await row(c.client_id);
    expect(r!.active).toBe(false);
    expect(r!.deactivatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(r!.tokensValidAfter!.toISOString()).toBe(off.tokens_valid_after);

    // Deactivating again changes nothing: tokens issued before the first deactivation stay invalid.
    const again = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: false }), 200);
    expect(again.tokens_valid_after).toBe(off.tokens_valid_after);

    const on = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: true }), 200);
    expect(on.active).toBe(true);
    expect(on.deactivated_at).toBeNull();
    expect(on.tokens_valid_after).toBe(off.tokens_valid_after);
    r = await row(c.client_id);
    expect(r!.deactivatedAt).toBeNull();
    expect(r!.tokensValidAfter!.toISOString()).toBe(off.tokens_valid_after);
    // The secret survives deactivation.
    expect(await secretsOf(r!.id)).toHaveLength(1);
  });

  it('a second deactivation moves tokens_valid_after forward', async () => {
    const c = await make();
    const first = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: false }), 200);
    expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: true }), 200);
    await new Promise((r) => setTimeout(r, 5));
    const second = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { active: false }), 200);
    expect(Date.parse(second.tokens_valid_after)).toBeGreaterThan(Date.parse(first.tokens_valid_after));
  });

  it('a client created inactive is deactivated from the start', async () => {
    const c = await make({ active: false });
    expect(c.active).toBe(false);
    expect(c.deactivated_at).not.toBeNull();
    expect(c.tokens_valid_after).not.toBeNull();
  });

  it('delete removes the client, its secrets and its scope links, but not the scopes', async () => {
    expectStatus(await a.post('/spaces/default/scopes', { name: 'lifecycle:read' }), 201);
    const c = await make({ scope: 'lifecycle:read' });
    const r = await row(c.client_id);
    expect(await secretsOf(r!.id)).toHaveLength(1);
    expect(await t.services.store.db.select().from(clientScopes).where(eq(clientScopes.clientPk, r!.id))).toHaveLength(1);

    const res = await a.del(`${CLIENTS}/${c.client_id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await row(c.client_id)).toBeUndefined();
    expect(await secretsOf(r!.id)).toHaveLength(0);
    expect(await t.services.store.db.select().from(clientScopes).where(eq(clientScopes.clientPk, r!.id))).toHaveLength(0);
    expect(await t.services.store.db.select().from(scopes).where(eq(scopes.name, 'lifecycle:read'))).toHaveLength(1);
    expectError(await a.get(`${CLIENTS}/${c.client_id}`), 404);
    expectError(await a.del(`${CLIENTS}/${c.client_id}`), 404);
  });

  it('rotate-secret with a grace period keeps the old secret until expires_at', async () => {
    const c = await make();
    const r = await row(c.client_id);
    const before = Date.now();
    const res = await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: 3600 });
    const rot = expectStatus(res, 200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(rot.client_id).toBe(c.client_id);
    expect(rot.client_secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(rot.client_secret).not.toBe(c.client_secret);
    expect(rot.client_secret_expires_at).toBe(0);
    const until = Date.parse(rot.previous_secret_expires_at);
    expect(until).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);

    const secrets = await secretsOf(r!.id);
    expect(secrets).toHaveLength(2);
    const old = secrets.find((s) => s.secretHash === sha256(c.client_secret));
    const fresh = secrets.find((s) => s.secretHash === sha256(rot.client_secret));
    expect(old!.expiresAt!.toISOString()).toBe(rot.previous_secret_expires_at);
    expect(fresh!.expiresAt).toBeNull();
    expect((await a.get(`${CLIENTS}/${c.client_id}`)).body).not.toContain(rot.client_secret);
  });

  it('rotate-secret with grace 0 (or no body) ends the old secret now', async () => {
    const c = await make();
    const r = await row(c.client_id);
    const rot = expectStatus(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: 0 }), 200);
    let secrets = await secretsOf(r!.id);
    const live = secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > Date.now());
    expect(live.map((s) => s.secretHash)).toEqual([sha256(rot.client_secret)]);

    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/api/v1${CLIENTS}/${c.client_id}/rotate-secret`,
      headers: { authorization: `Bearer ${t.ownerToken}` },
    });
    const rot2 = expectStatus(res, 200);
    secrets = await secretsOf(r!.id);
    expect(secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > Date.now()).map((s) => s.secretHash)).toEqual([sha256(rot2.client_secret)]);
  });

  it('a later rotation never extends an earlier grace period', async () => {
    const c = await make();
    const r = await row(c.client_id);
    const first = expectStatus(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: 60 }), 200);
    expectStatus(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: 86400 }), 200);
    const secrets = await secretsOf(r!.id);
    const original = secrets.find((s) => s.secretHash === sha256(c.client_secret));
    expect(original!.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    const second = secrets.find((s) => s.secretHash === sha256(first.client_secret));
    expect(second!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
  });

  it("shows the replaced secret's deadline as previous_secret_expires_at in reads, the list and a change's answer", async () => {
    const c = await make();
    const path = `${CLIENTS}/${c.client_id}`;
    expect(c.previous_secret_expires_at).toBeNull();
    const tag0 = (await a.get(path)).headers.etag;
    const rot = expectStatus(await a.post(`${path}/rotate-secret`, { grace_period: 3600 }), 200);
    const got = await a.get(path);
    expect(got.json().previous_secret_expires_at).toBe(rot.previous_secret_expires_at);
    // A visible change, so a new ETag.
    expect(got.headers.etag).not.toBe(tag0);
    const listed = expectStatus(await a.get(`${CLIENTS}?limit=200&name=${encodeURIComponent(c.name)}`), 200).items;
    expect(listed.map((x: { previous_secret_expires_at: string }) => x.previous_secret_expires_at)).toEqual([rot.previous_secret_expires_at]);
    // A change answers it too, with the ETag a read then gives; the audit entry compares settings, not the deadline.
    const changed = await a.patch(path, { description: 'rotated' });
    expect(expectStatus(changed, 200).previous_secret_expires_at).toBe(rot.previous_secret_expires_at);
    expect(changed.headers.etag).toBe((await a.get(path)).headers.etag);
    const audit = expectStatus(await a.get(`/audit-log?target_id=${c.client_id}&action=client.update`), 200).items;
    expect(Object.keys(audit[0].changes)).toEqual(['description']);

    // Past its deadline, the replaced secret is still stored (until the next rotation): the time stays, now in the past,
    // so the representation and its ETag change only with a write, never with the clock.
    const r = await row(c.client_id);
    const passed = new Date(Date.now() - 60_000);
    await t.services.store.db
      .update(clientSecrets)
      .set({ expiresAt: passed })
      .where(eq(clientSecrets.secretHash, sha256(c.client_secret)));
    expect((await a.get(path)).json().previous_secret_expires_at).toBe(passed.toISOString());
    // Rotated with no grace period, nothing replaced is kept: null.
    expectStatus(await a.post(`${path}/rotate-secret`, { grace_period: 0 }), 200);
    expect((await secretsOf(r!.id)).length).toBe(1);
    expect((await a.get(path)).json().previous_secret_expires_at).toBeNull();
    // A client that stops using a secret loses the replaced ones too.
    expectStatus(await a.post(`${path}/rotate-secret`, { grace_period: 600 }), 200);
    expect(
      expectStatus(await a.patch(path, { client_type: 'public', redirect_uris: ['https://app.example.com/cb'] }), 200).previous_secret_expires_at,
    ).toBeNull();
  });

  it('refuses a bad grace period', async () => {
    const c = await make();
    expectError(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: -1 }), 400, 'grace_period');
    expectError(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: 31 * 86400 }), 400, 'grace_period');
    expectError(await a.post(`${CLIENTS}/${c.client_id}/rotate-secret`, { grace_period: '60' }), 400, 'grace_period');
    expectError(await a.post(`${CLIENTS}/nope/rotate-secret`, {}), 404);
  });

  it('changing to a public client drops its secrets; back to confidential issues a new one', async () => {
    const c = await make({ redirect_uris: ['https://app.example.com/cb'] });
    const r = await row(c.client_id);
    const pub = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { client_type: 'public' }), 200);
    expect(pub).not.toHaveProperty('client_secret');
    expect(pub.token_endpoint_auth_method).toBe('none');
    expect(await secretsOf(r!.id)).toHaveLength(0);
    const conf = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { client_type: 'confidential' }), 200);
    const secrets = await secretsOf(r!.id);
    expect(secrets.map((s) => s.secretHash)).toEqual([sha256(conf.client_secret)]);
  });

  it('the webhook secret is shown once, then only has_webhook_secret; it is stored sealed', async () => {
    const c = await make();
    expect(c.has_webhook_secret).toBe(false);
    const res = await a.post(`${CLIENTS}/${c.client_id}/webhook-secret`);
    const w = expectStatus(res, 200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(w.client_id).toBe(c.client_id);
    // A Standard Webhooks secret: whsec_ and the base64 of 32 random bytes.
    expect(w.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const signed = { id: 'msg_1', timestamp: new Date(), body: '{"type":"client.updated"}' };
    expect(new Webhook(w.webhook_secret).verify(signed.body, webhookHeaders([w.webhook_secret], signed))).toEqual({ type: 'client.updated' });
    expect(Date.parse(w.created_at)).not.toBeNaN();

    const got = await a.get(`${CLIENTS}/${c.client_id}`);
    expect(got.json().has_webhook_secret).toBe(true);
    expect(got.body).not.toContain(w.webhook_secret);
    expect((await a.get(`${CLIENTS}?limit=200`)).body).not.toContain(w.webhook_secret);

    const r = await row(c.client_id);
    expect(r!.webhookSecretSealed).toBeTruthy();
    expect(r!.webhookSecretSealed).not.toContain(w.webhook_secret);
    expect(r!.webhookSecretSealed).not.toContain(Buffer.from(w.webhook_secret.slice('whsec_'.length), 'base64').toString('hex'));
    expect(t.services.keyring.open(r!.webhookSecretSealed!, `client-webhook:${r!.id}`)).toBe(w.webhook_secret);
    // Sealed to this row: the same ciphertext does not open for another one.
    expect(() => t.services.keyring.open(r!.webhookSecretSealed!, 'client-webhook:other')).toThrow();

    const w2 = expectStatus(await a.post(`${CLIENTS}/${c.client_id}/webhook-secret`), 200);
    expect(w2.webhook_secret).not.toBe(w.webhook_secret);
    const r2 = await row(c.client_id);
    expect(t.services.keyring.open(r2!.webhookSecretSealed!, `client-webhook:${r2!.id}`)).toBe(w2.webhook_secret);
    expectError(await a.post(`${CLIENTS}/nope/webhook-secret`), 404);
  });
});
