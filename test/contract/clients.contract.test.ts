// Store contract: ClientService and ScopeService behave the same on PGlite and PostgreSQL: uniqueness,
// cascades, all-or-nothing writes, secrets stored only as hashes.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { createServices, type Services } from '../../src/services.js';
import { clients, clientScopes, clientSecrets, scopes } from '../../src/store/schema.js';
import { sha256 } from '../../src/crypto/secrets.js';
import type { SpaceRow } from '../../src/registry/spaces.js';
import { masterKeyFrom, open } from '../../src/crypto/seal.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';

pgNotice();
const web = { redirect_uris: ['https://app.example.com/cb'] };

describe.each(STORE_KINDS)('ClientService contract (%s)', (kind) => {
  let ts: TestStore;
  let s: Services;
  let space: SpaceRow;
  const mk = masterKeyFrom(randomBytes(32));
  beforeAll(async () => {
    ts = await openTestStore(kind);
    s = createServices(ts.store, mk);
    await s.spaces.ensureDefault();
    space = await s.spaces.get('default');
  });
  afterAll(async () => ts?.close());

  it('stores the secret only as its SHA-256 and never returns it again', async () => {
    const c = await s.clients.create(space, { name: 'Hashed', ...web }, SYSTEM);
    expect(c.client_secret).toBeDefined();
    const rows = await ts.store.db.select().from(clientSecrets);
    const mine = rows.filter((r) => r.secretHash === sha256(c.client_secret!));
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(c.client_secret);
    expect(JSON.stringify(await s.clients.get(space, c.client_id))).not.toContain(c.client_secret);
  });

  it('enforces name + version uniqueness case-insensitively, also under concurrency', async () => {
    await s.clients.create(space, { name: 'Unique', version: '1', ...web }, SYSTEM);
    await expect(s.clients.create(space, { name: 'UNIQUE', version: '1', ...web }, SYSTEM)).rejects.toMatchObject({ status: 409, field: 'name' });
    await expect(s.clients.create(space, { name: 'unique', version: '2', ...web }, SYSTEM)).resolves.toMatchObject({ version: '2' });
    const results = await Promise.allSettled([0, 1, 2].map(() => s.clients.create(space, { name: 'Race', ...web }, SYSTEM)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409, 409]);
  });

  it('leaves nothing behind when a create fails half-way (unknown scope)', async () => {
    const before = (await ts.store.db.select().from(clients)).length;
    await expect(s.clients.create(space, { name: 'Half', scope: 'nope', ...web }, SYSTEM)).rejects.toMatchObject({ status: 400, field: 'scope' });
    expect((await ts.store.db.select().from(clients)).length).toBe(before);
    expect((await ts.store.db.select().from(clients).where(eq(clients.name, 'Half'))).length).toBe(0);
  });

  it('deactivation stamps the time; reactivation keeps older tokens invalid', async () => {
    const c = await s.clients.create(space, { name: 'Life', ...web }, SYSTEM);
    const off = await s.clients.update(space, c.client_id, { active: false }, SYSTEM);
    expect(off.active).toBe(false);
    expect(off.deactivated_at).not.toBeNull();
    expect(off.tokens_valid_after).toBe(off.deactivated_at);
    const on = await s.clients.update(space, c.client_id, { active: true }, SYSTEM);
    expect(on).toMatchObject({ active: true, deactivated_at: null, tokens_valid_after: off.tokens_valid_after });
  });

  it('rotates secrets with a grace period and drops expired ones', async () => {
    const c = await s.clients.create(space, { name: 'Rotate', ...web }, SYSTEM);
    const pk = (await s.clients.row(space, c.client_id)).id;
    const r1 = await s.clients.rotateSecret(space, c.client_id, 3600, SYSTEM);
    let rows = await ts.store.db.select().from(clientSecrets).where(eq(clientSecrets.clientPk, pk));
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.secretHash === sha256(c.client_secret!))!;
    expect(old.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(rows.find((r) => r.secretHash === sha256(r1.client_secret))!.expiresAt).toBeNull();
    await s.clients.rotateSecret(space, c.client_id, 0, SYSTEM);
    rows = await ts.store.db.select().from(clientSecrets).where(eq(clientSecrets.clientPk, pk));
    expect(rows).toHaveLength(1);
  });

  it('seals the webhook secret with the master key, bound to the client row', async () => {
    const c = await s.clients.create(space, { name: 'Hook', ...web }, SYSTEM);
    const w = await s.clients.createWebhookSecret(space, c.client_id, SYSTEM);
    const row = await s.clients.row(space, c.client_id);
    expect(row.webhookSecretSealed).not.toContain(w.webhook_secret);
    expect(open(mk, row.webhookSecretSealed!, `client-webhook:${row.id}`)).toBe(w.webhook_secret);
  });

  it('associates, creates-and-associates and disassociates scopes; delete cascades', async () => {
    await s.scopes.create(space, { name: 'files:read', description: 'Read your files' }, SYSTEM);
    const c = await s.clients.create(space, { name: 'Scoped', scope: 'files:read', ...web }, SYSTEM);
    expect(c.scope).toBe('files:read');
    const list = await s.clients.associateScopes(space, c.client_id, [], [{ name: 'files:write', description: 'Change your files' }], SYSTEM);
    expect(list.map((x) => x.name)).toEqual(['files:read', 'files:write']);
    await expect(s.clients.associateScopes(space, c.client_id, ['missing'], [{ name: 'never-made' }], SYSTEM)).rejects.toMatchObject({ status: 400 });
    expect((await ts.store.db.select().from(scopes).where(eq(scopes.name, 'never-made'))).length).toBe(0);
    await s.clients.disassociateScope(space, c.client_id, 'files:read', SYSTEM);
    expect((await s.clients.get(space, c.client_id)).scope).toBe('files:write');
    const pk = (await s.clients.row(space, c.client_id)).id;
    await s.clients.delete(space, c.client_id, SYSTEM);
    expect(await ts.store.db.select().from(clientScopes).where(eq(clientScopes.clientPk, pk))).toEqual([]);
    expect(await ts.store.db.select().from(clientSecrets).where(eq(clientSecrets.clientPk, pk))).toEqual([]);
    await expect(s.scopes.get(space.id, 'files:write')).resolves.toBeDefined();
  });

  it('keeps spaces apart and deleting a space removes its clients', async () => {
    const other = await s.spaces.create({ slug: `iso-${kind}` }, SYSTEM);
    const otherRow = await s.spaces.get(other.slug);
    const c = await s.clients.create(otherRow, { name: 'Elsewhere', ...web }, SYSTEM);
    await expect(s.clients.get(space, c.client_id)).rejects.toMatchObject({ status: 404 });
    await s.spaces.delete(other.slug, SYSTEM);
    expect(await ts.store.db.select().from(clients).where(eq(clients.clientId, c.client_id))).toEqual([]);
  });

  it('filters by name and active state', async () => {
    await s.clients.create(space, { name: 'Filter Alpha', ...web }, SYSTEM);
    await s.clients.create(space, { name: 'Filter Beta', active: false, ...web }, SYSTEM);
    const byName = await s.clients.list(space, { limit: 50, name: 'filter a' });
    expect(byName.items.map((c) => c.name)).toEqual(['Filter Alpha']);
    const inactive = await s.clients.list(space, { limit: 50, name: 'filter', active: false });
    expect(inactive.items.map((c) => c.name)).toEqual(['Filter Beta']);
  });
});
