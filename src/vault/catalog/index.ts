// The provider catalog: catalog/providers/<id>.json, each checked against catalog/provider.schema.json when the
// catalog loads (at start, so a broken entry stops the server with the file and the path at fault rather than
// failing the first connection that uses it), plus the checks a schema cannot make: the file is named after the id,
// every `{placeholder}` a URL uses is declared in `config`, and each declared pattern compiles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { invalid } from '../../errors.js';
import { apiSchemaOf } from './api-schema.js';
import type { PlaceholderSpec, ProviderEntry } from './types.js';

export type { ProviderEntry } from './types.js';

/** The repository's catalog folder: `../../../catalog` from both src/vault/catalog/ and dist/vault/catalog/. */
export const CATALOG_ROOT = fileURLToPath(new URL('../../../catalog/', import.meta.url));

/** Body values of an API-key exchange filled from the connection's credentials, not from `config`. */
const CREDENTIAL_PLACEHOLDERS = new Set(['api_key', 'secret', 'refresh_token']);

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Characters no placeholder value may hold: they would start a query, a fragment or user info, or hide one. */
const NEVER = /[?#@\\%\s]/;

/**
 * Where a placeholder stands: `host` when it is the whole authority (`https://{host}/…`), so its value may carry a
 * port and a path; `part` when it is a piece of the authority or of the path (`{subdomain}.zendesk.com`).
 */
function placeOf(template: string, start: number, end: number): 'host' | 'part' {
  const authorityStart = template.indexOf('://') + 3;
  const slash = template.indexOf('/', authorityStart);
  const authorityEnd = slash === -1 ? template.length : slash;
  return start === authorityStart && end === authorityEnd ? 'host' : 'part';
}

/**
 * Fills `{name}` in a URL template. Values are checked against the entry first (checkConfig); this refuses, in any
 * case, characters that would move a value out of its place (`{subdomain}` set to `evil.example/` or
 * `x@evil.example`), so a placeholder can never send a token to a host other than the one the template names.
 * Only a placeholder that is the whole host may bring a port and a path (`{issuer}` of OpenID Connect discovery).
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(PLACEHOLDER, (all, name: string, offset: number) => {
    const value = values[name];
    if (value === undefined || value === '') throw invalid('config', `placeholder {${name}} has no value: set config.${name}`);
    if (NEVER.test(value)) throw invalid('config', `config.${name} must not contain "?", "#", "@", "\\", "%" or spaces`);
    if (placeOf(template, offset, offset + all.length) === 'part' && (/[/:]/.test(value) || /^\.{1,2}$/.test(value))) {
      throw invalid('config', `config.${name} must not contain "/" or ":", nor be "." or ".." (it is part of a host name or a path segment)`);
    }
    return value;
  });
}

const fullMatch = (pattern: string) => new RegExp(`^(?:${pattern})$`);

/** Why a value does not suit its placeholder, or undefined when it does. */
function misfit(name: string, spec: PlaceholderSpec, value: string): string | undefined {
  if (spec.values && !spec.values.includes(value)) return `config.${name} must be one of ${spec.values.join(', ')} (got "${value}")`;
  if (spec.pattern && !fullMatch(spec.pattern).test(value)) return `config.${name} "${value}" does not match ${spec.pattern} (${spec.description})`;
  return undefined;
}

/**
 * The placeholder values of a connection or provider client, checked against the entry: each must be declared,
 * allowed and present (or have a default). Returns them with the defaults filled in.
 */
export function checkConfig(entry: ProviderEntry, values: Record<string, string> = {}, opts: { partial?: boolean } = {}): Record<string, string> {
  const specs = entry.config ?? {};
  for (const name of Object.keys(values)) {
    if (!specs[name]) {
      const known = Object.keys(specs);
      throw invalid(
        'config',
        `config.${name} is not a placeholder of provider "${entry.id}"${known.length ? ` (it has ${known.join(', ')})` : ' (it has none)'}`,
      );
    }
  }
  const filled: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name] ?? spec.default;
    if (value === undefined || value === '') {
      // A provider client may leave placeholders to its connections (partial); a connection must have them all.
      if (opts.partial) continue;
      throw invalid('config', `config.${name} is required for provider "${entry.id}": ${spec.description}`);
    }
    const wrong = misfit(name, spec, value);
    if (wrong) throw invalid('config', wrong);
    filled[name] = value;
  }
  return filled;
}

/** The URL templates of an entry, by where they stand (for the placeholder check and its message). */
function templatesOf(entry: ProviderEntry): [where: string, template: string][] {
  const x = entry.api_key_exchange;
  const found: [string, string | undefined][] = [
    ['authorization_url', entry.authorization_url],
    ['token_url', entry.token_url],
    ['api_base_url', entry.api_base_url],
    ['revocation_url', entry.revocation_url],
    ['discovery_url', entry.discovery_url],
    ['client_assertion_audience', entry.client_assertion_audience],
    ['api_key_exchange.url', x?.url],
    ['api_key_exchange.refresh.url', x?.refresh?.url],
  ];
  return found.filter((f): f is [string, string] => f[1] !== undefined);
}

/** What is wrong with an entry beyond its schema, or undefined. */
function entryProblem(entry: ProviderEntry, file: string): string | undefined {
  if (`${entry.id}.json` !== file) return `/id: "${entry.id}" does not match the file name (expected ${entry.id}.json)`;
  const specs = entry.config ?? {};
  for (const [where, template] of templatesOf(entry)) {
    for (const name of placeholdersOf(template)) if (!specs[name]) return `/${where.replace(/\./g, '/')}: placeholder {${name}} is not declared in config`;
  }
  const bodies = [entry.api_key_exchange?.body, entry.api_key_exchange?.refresh?.body];
  for (const value of bodies.flatMap((b) => Object.values(b ?? {}))) {
    for (const name of placeholdersOf(value)) {
      if (!specs[name] && !CREDENTIAL_PLACEHOLDERS.has(name)) return `/api_key_exchange: placeholder {${name}} is neither a credential nor declared in config`;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.pattern) {
      try {
        fullMatch(spec.pattern);
      } catch (err) {
        return `/config/${name}/pattern: not a regular expression (${(err as Error).message})`;
      }
    }
    const wrongDefault = spec.default !== undefined ? misfit(name, spec, spec.default) : undefined;
    if (wrongDefault) return `/config/${name}/default: ${wrongDefault}`;
  }
  return undefined;
}

const describeError = (e: ErrorObject): string =>
  `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`;

export class Catalog {
  private readonly entries = new Map<string, ProviderEntry>();
  /** The entry schema as the admin API's OpenAPI document and response serializer take it ($defs inlined). */
  readonly apiSchema: Record<string, unknown>;

  /** Loads and checks every entry under `root` (catalog/ by default); throws on the first invalid file. */
  constructor(readonly root: string = CATALOG_ROOT) {
    const schemaFile = path.join(root, 'provider.schema.json');
    const schema = readJson(schemaFile) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile<ProviderEntry>(schema);
    this.apiSchema = apiSchemaOf(schema);
    const dir = path.join(root, 'providers');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const file of files) {
      const where = path.join(dir, file);
      const entry = readJson(where);
      if (!validate(entry)) throw new Error(`provider catalog: ${where} is invalid at ${describeError(validate.errors![0]!)}`);
      const problem = entryProblem(entry, file);
      if (problem) throw new Error(`provider catalog: ${where} is invalid at ${problem}`);
      this.entries.set(entry.id, entry);
    }
    if (this.entries.size === 0) throw new Error(`provider catalog: no entries in ${dir}`);
  }

  /** Every entry, by id. */
  list(): ProviderEntry[] {
    return [...this.entries.values()];
  }

  /** Entries whose id or name contains `text` (any case). */
  search(text: string): ProviderEntry[] {
    const needle = text.toLowerCase();
    return this.list().filter((e) => e.id.includes(needle) || e.name.toLowerCase().includes(needle));
  }

  get(id: string): ProviderEntry | undefined {
    return this.entries.get(id);
  }

  /** See fillTemplate: `{name}` filled from `values`, an error naming the first placeholder without one. */
  fillTemplate(template: string, values: Record<string, string | undefined>): string {
    return fillTemplate(template, values);
  }

  /** See checkConfig: the values checked against the entry's placeholders, defaults filled in. */
  checkConfig(entry: ProviderEntry, values: Record<string, string> = {}, opts: { partial?: boolean } = {}): Record<string, string> {
    return checkConfig(entry, values, opts);
  }
}

let shared: Catalog | undefined;

/**
 * The repository's catalog, loaded (and checked) on first use and then shared: the files do not change while the
 * process runs, and every Services bundle (tests build many) would otherwise compile the schema again.
 */
export function defaultCatalog(): Catalog {
  shared ??= new Catalog();
  return shared;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`provider catalog: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
}
