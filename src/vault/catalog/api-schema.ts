// The catalog's JSON Schema as the admin API uses it for its answers and its OpenAPI document: the same schema with
// its `$defs` written out in place, since a local `#/$defs/…` reference would point into the wrong document once the
// schema sits under components/schemas.
type Json = Record<string, unknown>;

function inline(node: unknown, defs: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, defs));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  const ref = typeof o.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(o.$ref) : null;
  if (ref) {
    const { $ref: _ref, ...rest } = o;
    return { ...(inline(defs[ref[1]!], defs) as Json), ...rest };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, inline(v, defs)]));
}

/** The schema without `$schema`, `$id` and `$defs`, every local reference replaced by its definition. */
export function apiSchemaOf(schema: Json): Json {
  const { $schema: _s, $id: _i, $defs, ...rest } = schema;
  return inline(rest, ($defs ?? {}) as Json) as Json;
}
