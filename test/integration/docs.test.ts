// The admin API's reference page: public like the OpenAPI document, Swagger UI from swagger-ui-dist's own files
// served by Keyward (cached for long under versioned URLs), under a Content-Security-Policy that allows no script
// but this server's files and the page's one start script, by its hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { API } from './support.js';

const require = createRequire(import.meta.url);
const dist = (file: string) => readFileSync(require.resolve(`swagger-ui-dist/${file}`));

describe('admin API reference page', () => {
  let t: TestApp;
  let page: Awaited<ReturnType<TestApp['app']['inject']>>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    page = await t.app.inject({ url: `${API}/docs`, headers: { authorization: 'Bearer nonsense' } });
  });
  afterAll(async () => t?.close());

  it('is an HTML page served without a token that loads Swagger UI and points it at ./openapi.json', () => {
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain("url:'./openapi.json'");
    expect(page.body).toMatch(/<script src="docs\/\d+\.\d+\.\d+\/swagger-ui-bundle\.js"><\/script>/);
    expect(page.body).toMatch(/<link rel="stylesheet" href="docs\/\d+\.\d+\.\d+\/swagger-ui\.css">/);
    expect(page.body).not.toMatch(/https?:\/\//); // nothing from elsewhere
  });

  it('allows scripts only from this server and the inline start script by its hash', () => {
    const csp = String(page.headers['content-security-policy']);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    const scripts = [...page.body.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`;
    expect(directives.get('script-src')).toEqual(["'self'", hash]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe');
  });

  it("serves swagger-ui-dist's files as they are, cached for a year", async () => {
    for (const [file, type] of [
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['favicon-32x32.png', 'image/png'],
    ] as const) {
      const url = file.endsWith('.png') ? /href="(docs\/[^"]+\.png)"/.exec(page.body)![1]! : /(docs\/\d+\.\d+\.\d+\/)/.exec(page.body)![1]! + file;
      const res = await t.app.inject({ url: `${API}/${url}` });
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type'], file).toBe(type);
      expect(res.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.equals(dist(file)), file).toBe(true);
    }
    expect((await t.app.inject({ url: `${API}/docs/0.0.0/swagger-ui.css` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${API}/docs/../../../package.json` })).statusCode).toBe(404);
  });
});
