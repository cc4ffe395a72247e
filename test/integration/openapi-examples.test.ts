// The examples of the OpenAPI document are valid against their schemas: each is validated with Ajv (JSON Schema
// 2020-12, the dialect of OpenAPI 3.1, with the formats) against the schema it stands next to in the served
// document, $refs and all. The main requests and answers must have one.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { API } from './support.js';

type Json = Record<string, unknown>;
const pointer = (parts: string[]) => parts.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** Every example in the document with the JSON pointer of its schema: media examples and schema `examples`. */
function examplesIn(node: unknown, at: string[] = [], out: { schema: string; example: unknown }[] = []) {
  if (!node || typeof node !== 'object') return out;
  const o = node as Json;
  if (o.schema && typeof o.schema === 'object') {
    if ('example' in o) out.push({ schema: pointer([...at, 'schema']), example: o.example });
    for (const e of Object.values((o.examples ?? {}) as Record<string, { value: unknown }>)) out.push({ schema: pointer([...at, 'schema']), example: e.value });
  } else if (Array.isArray(o.examples) && at.at(-1) !== 'properties') {
    for (const example of o.examples) out.push({ schema: pointer(at), example });
  }
  for (const [k, v] of Object.entries(o)) examplesIn(v, [...at, k], out);
  return out;
}

describe('admin API: OpenAPI examples', () => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    doc = (await t.app.inject({ url: `${API}/openapi.json` })).json();
  });
  afterAll(async () => t?.close());

  it('every example is valid against its schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'doc');
    const found = examplesIn(doc);
    expect(found.length).toBeGreaterThan(15);
    for (const { schema, example } of found) {
      const validate = ajv.compile({ $ref: `doc#${schema}` });
      expect(validate(example), `${schema}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('a wrong example would fail: the check is real', () => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(doc, 'doc');
    const validate = ajv.compile({ $ref: 'doc#/components/schemas/Client' });
    expect(validate({ ...doc.components.schemas.Client.examples[0], active: 'yes' })).toBe(false);
    expect(validate({ ...doc.components.schemas.Client.examples[0], client_secret: 'leaked' })).toBe(true); // answers are not closed
  });

  it('the main resources, requests and answers have examples', () => {
    for (const name of ['Error', 'Space', 'Scope', 'Client', 'AdminToken', 'ProviderClient', 'Connection'])
      expect(doc.components.schemas[name].examples, name).toHaveLength(1);
    const media = (path: string, method: string, status?: string) =>
      status ? doc.paths[path][method].responses[status].content['application/json'] : doc.paths[path][method].requestBody.content['application/json'];
    const hasExample = (m: any) => m.example !== undefined || m.examples !== undefined || m.schema.examples !== undefined || m.schema.$ref !== undefined;
    for (const [path, method, status] of [
      ['/spaces/{space}/clients', 'post'],
      ['/spaces/{space}/clients', 'post', '201'],
      ['/spaces/{space}/clients/{client_id}', 'patch'],
      ['/spaces/{space}/clients/{client_id}', 'get', '200'],
      ['/spaces/{space}/scopes', 'post'],
      ['/spaces/{space}/users', 'post'],
      ['/spaces/{space}/users', 'post', '201'],
      ['/spaces', 'post'],
      ['/admins/{admin_id}/tokens', 'post'],
      ['/admins/{admin_id}/tokens', 'post', '201'],
      ['/sign-in', 'post'],
      ['/sign-in', 'post', '201'],
      ['/spaces/{space}/provider-clients', 'post'],
      ['/spaces/{space}/connections', 'post'],
      ['/spaces/{space}/connections/{id}/token', 'get', '200'],
      ['/spaces/{space}/connections/{id}/connect', 'post', '200'],
    ] as const) {
      expect(hasExample(media(path, method, status)), `${method} ${path} ${status ?? 'body'}`).toBe(true);
    }
    expect(media('/spaces/{space}/tokens', 'get', '200').schema.properties.items.items.examples).toHaveLength(1);
    expect(media('/spaces/{space}/clients/{client_id}', 'patch').example).not.toHaveProperty('name');
  });
});
