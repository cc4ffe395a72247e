// The provider catalog through the admin API: list (with search), show, 404 and 401; any signed-in admin may read it,
// whatever their roles, and the answers are the catalog files as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ROOT } from '../../src/vault/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { api, expectError, expectStatus, type Api } from './support.js';

describe('admin API: providers', () => {
  let t: TestApp;
  let a: Api;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    a = api(t);
  });
  afterAll(async () => t?.close());

  it('lists the whole catalog', async () => {
    const { items } = expectStatus(await a.get('/providers'), 200);
    expect(items.length).toBe(t.services.catalog.list().length);
    expect(items.length).toBeGreaterThanOrEqual(30);
    const ids = items.map((p: { id: string }) => p.id);
    for (const id of ['exact-online', 'dracoon', 'redox', 'github', 'custom', 'oidc']) expect(ids).toContain(id);
  });

  it('searches id and name, any case', async () => {
    const ids = async (q: string) => expectStatus(await a.get(`/providers?q=${encodeURIComponent(q)}`), 200).items.map((p: { id: string }) => p.id);
    expect(await ids('EXACT')).toEqual(['exact-online']);
    expect(await ids('Entra')).toEqual(['microsoft']);
    expect(await ids('no such thing')).toEqual([]);
    expectError(await a.get(`/providers?q=${'x'.repeat(101)}`), 400);
    expectError(await a.get('/providers?search=x'), 400);
  });

  it('shows one provider exactly as its file says', async () => {
    const exact = expectStatus(await a.get('/providers/exact-online'), 200);
    expect(exact).toEqual(JSON.parse(readFileSync(path.join(CATALOG_ROOT, 'providers', 'exact-online.json'), 'utf8')));
    expect(exact.token_url).toBe('https://start.exactonline.{ext}/api/oauth2/token');
    expect(exact.config.ext.values).toEqual(['nl', 'be', 'de', 'fr', 'es', 'co.uk', 'com']);
    const redox = expectStatus(await a.get('/providers/redox'), 200);
    expect(redox.api_key_exchange.body).toEqual({ apiKey: '{api_key}', secret: '{secret}' });
  });

  it('answers 404 for an unknown provider', async () => {
    expect(expectError(await a.get('/providers/nope'), 404)).toMatchObject({ error: 'not_found', message: 'provider "nope" not found' });
  });

  it('needs a signed-in admin (401 without a token), and nothing more', async () => {
    const anonymous = api(t, null);
    expect(expectError(await anonymous.get('/providers'), 401).error).toBe('unauthorized');
    expectError(await anonymous.get('/providers/github'), 401);
    // An admin with a viewer role in one space only still reads the catalog.
    const viewer = await t.adminWith([{ space: 'default', role: 'viewer' }]);
    expect(expectStatus(await api(t, viewer.token).get('/providers/github'), 200).id).toBe('github');
    const nobody = await t.adminWith([]);
    expect(expectStatus(await api(t, nobody.token).get('/providers'), 200).items.length).toBeGreaterThanOrEqual(30);
  });

  it('is in the OpenAPI document with the entry schema and an example', async () => {
    const doc = (await t.app.inject({ url: '/admin/api/v1/openapi.json' })).json();
    expect(doc.paths['/providers'].get.operationId).toBe('listProviders');
    expect(doc.paths['/providers/{provider}'].get.operationId).toBe('getProvider');
    expect(doc.components.schemas.Provider.required).toEqual(expect.arrayContaining(['id', 'name', 'kinds']));
    expect(doc.components.schemas.Provider.examples[0].id).toBe('github');
  });
});
