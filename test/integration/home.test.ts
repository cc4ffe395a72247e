// `/` and each issuer URL: a page of links for a browser, JSON for an API client; never a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('home pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('/ answers a browser with links to the default issuer and the admin API', async () => {
    const res = await t.app.inject({ url: '/', headers: { accept: BROWSER } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('href="http://localhost:8080/spaces/default"');
    expect(res.body).toContain('href="http://localhost:8080/admin/api/v1/openapi.json"');
    expect(res.body).toContain('href="http://localhost:8080/admin/api/v1/docs"');
    expect(res.body).toContain('href="http://localhost:8080/console/"');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('/ answers an API client with JSON', async () => {
    const res = await t.app.inject({ url: '/', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'Keyward',
      console: 'http://localhost:8080/console/',
      default_issuer: 'http://localhost:8080/spaces/default',
      admin_api: 'http://localhost:8080/admin/api/v1',
      openapi: 'http://localhost:8080/admin/api/v1/openapi.json',
      api_reference: 'http://localhost:8080/admin/api/v1/docs',
    });
  });

  it('the issuer URL answers a page for a browser and its metadata links as JSON; an unknown space is a 404', async () => {
    const page = await t.app.inject({ url: '/spaces/default', headers: { accept: BROWSER } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="http://localhost:8080/spaces/default/.well-known/openid-configuration"');
    const json = await t.app.inject({ url: '/spaces/default' });
    expect(json.json()).toMatchObject({ issuer: 'http://localhost:8080/spaces/default', jwks_uri: 'http://localhost:8080/spaces/default/jwks' });
    expect((await t.app.inject({ url: '/spaces/nowhere' })).statusCode).toBe(404);
  });
});
