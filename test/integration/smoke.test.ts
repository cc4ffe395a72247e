import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('admin API smoke (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('creates a confidential client whose secret is shown once', async () => {
    const auth = { authorization: `Bearer ${t.ownerToken}` };
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/api/v1/spaces/default/clients',
      headers: auth,
      payload: { name: 'Intrexx Portal', grant_types: ['authorization_code', 'refresh_token', 'password'], redirect_uris: ['https://portal.example.com/cb'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const got = await t.app.inject({ method: 'GET', url: `/admin/api/v1/spaces/default/clients/${created.client_id}`, headers: auth });
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain(created.client_secret);
    expect(got.json()).not.toHaveProperty('client_secret');
  });
});
