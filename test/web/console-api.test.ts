// The console's types come from one source, the admin API's OpenAPI document (issue 12). This test generates them
// with openapi-typescript and fails when the committed web/src/api/schema.d.ts differs: a route changed and the
// console was not regenerated. `npm run console:api` writes the file instead of comparing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../web/src/api/schema.d.ts', import.meta.url));
const RULES_FILE = fileURLToPath(new URL('../../web/src/api/rules.json', import.meta.url));

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[] };
const RULE_KEYS = ['type', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'format', 'maxItems', 'const'];

/** A property's rules, with a nullable union (anyOf [T, null]) read as T plus `nullable`. */
function rulesOf(schema: JsonSchema): Record<string, unknown> {
  const variants = schema.anyOf ?? [schema];
  const nonNull = variants.filter((v) => v.type !== 'null');
  const rule: Record<string, unknown> = {};
  if (nonNull.length === 1) for (const k of RULE_KEYS) if (nonNull[0]![k] !== undefined) rule[k] = nonNull[0]![k];
  if (nonNull.length > 1 && nonNull.every((v) => v.const !== undefined)) rule.enum = nonNull.map((v) => v.const);
  if (nonNull.length < variants.length) rule.nullable = true;
  return rule;
}

/**
 * The request body rules of every operation (operationId → field → rule): what the console's forms check as people
 * type, so they refuse exactly what the API would (issue 12, point 3).
 */
function formRules(doc: {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}) {
  const rules: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (!op.operationId || !body?.properties) continue;
      const fields: Record<string, Record<string, unknown>> = {};
      for (const [name, prop] of Object.entries(body.properties))
        fields[name] = { ...rulesOf(prop), ...(body.required?.includes(name) ? { required: true } : {}) };
      rules[op.operationId] = fields;
    }
  }
  return `${JSON.stringify(rules, null, 1)}\n`;
}
const HEADER = "// Generated from the admin API's OpenAPI document by `npm run console:api`: do not edit.\n";
const UPDATE = process.env.KEYWARD_UPDATE_CONSOLE_API === '1';

describe('console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('web/src/api/schema.d.ts is what the OpenAPI document generates', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const generated = HEADER + astToString(await openapiTS(res.json()));
    if (UPDATE) writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, 'the admin API changed: run `npm run console:api` and commit web/src/api/schema.d.ts').toBe(generated);
  });

  it('web/src/api/rules.json holds the request rules of the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/api/v1/openapi.json' });
    const generated = formRules(res.json());
    if (UPDATE) writeFileSync(RULES_FILE, generated);
    expect(readFileSync(RULES_FILE, 'utf8'), 'the admin API changed: run `npm run console:api` and commit web/src/api/rules.json').toBe(generated);
  });
});
