// The provider catalog as data: every file is valid against catalog/provider.schema.json (checked here with Ajv on
// its own, and by the Catalog loader), the required providers are there, their placeholders are declared, and the
// facts the vault's renewal depends on for Exact Online are the ones the issue states.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { Catalog, CATALOG_ROOT, checkConfig, fillTemplate, placeholdersOf } from '../../src/vault/catalog/index.js';
import type { ProviderEntry } from '../../src/vault/catalog/types.js';

const PROVIDERS = path.join(CATALOG_ROOT, 'providers');
const files = readdirSync(PROVIDERS).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const REQUIRED = [
  ...['exact-online', 'dracoon', 'redox', 'github', 'google', 'microsoft', 'salesforce', 'xero', 'quickbooks', 'slack'],
  ...['hubspot', 'zendesk', 'atlassian', 'dropbox', 'box', 'zoom', 'custom', 'oidc'],
];

const catalog = new Catalog();
const entry = (id: string) => catalog.get(id)!;

describe('catalog files', () => {
  it('every file is valid against the schema (Ajv, JSON Schema 2020-12)', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(read(path.join(CATALOG_ROOT, 'provider.schema.json')));
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) expect(validate(read(path.join(PROVIDERS, file))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('loads at least 30 providers, the required ones among them, each file named after its id', () => {
    expect(catalog.list().length).toBe(files.length);
    expect(catalog.list().length).toBeGreaterThanOrEqual(30);
    for (const id of REQUIRED) expect(catalog.get(id), id).toBeDefined();
    expect(catalog.get('no-such-provider')).toBeUndefined();
  });

  it('declares every placeholder its URLs use, and says what it checked and what it could not', () => {
    for (const e of catalog.list()) {
      const urls = [
        e.authorization_url,
        e.token_url,
        e.api_base_url,
        e.revocation_url,
        e.discovery_url,
        e.api_key_exchange?.url,
        e.api_key_exchange?.refresh?.url,
      ];
      for (const name of urls.flatMap((u) => (u ? placeholdersOf(u) : []))) expect(e.config?.[name], `${e.id}: {${name}}`).toBeDefined();
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      // Everything but custom and oidc names its endpoints; those two take them from the client or from discovery.
      if (e.id === 'custom') expect(e.authorization_url ?? e.token_url ?? e.api_base_url).toBeUndefined();
      else if (e.id === 'oidc') expect(e.discovery_url).toBe('https://{issuer}/.well-known/openid-configuration');
      else expect(e.token_url ?? e.api_key_exchange?.url, e.id).toMatch(/^https:\/\//);
    }
  });

  it('states the Exact Online facts the renewal relies on', () => {
    const exact = entry('exact-online');
    expect(exact.token_url).toBe('https://start.exactonline.{ext}/api/oauth2/token');
    expect(exact.config?.ext?.values).toEqual(['nl', 'be', 'de', 'fr', 'es', 'co.uk', 'com']);
    expect(exact.refresh).toMatchObject({
      rotates: true,
      earliest_before_expiry_seconds: 30,
      unused_lifetime_seconds: 30 * 86400,
      assumed_access_token_lifetime_seconds: 600,
    });
    expect(exact.token_response?.expires_in_format ?? 'seconds').toBe('seconds'); // "600" as a string reads as seconds
    expect(exact.errors?.too_early_codes).toContain('Rate limit exceeded: access_token not expired');
  });

  it('carries the other quirks of the issue', () => {
    expect(entry('redox').kinds).toEqual(['oauth2_client_credentials', 'api_key_exchange']);
    expect(entry('redox')).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'RS384' });
    expect(entry('redox').api_key_exchange).toMatchObject({ url: 'https://{host}/auth/authenticate', refresh: { url: 'https://{host}/auth/refreshToken' } });
    expect(entry('redox').api_key_exchange?.response.expires_in_format).toBe('date');
    expect(entry('dracoon').config?.host).toBeDefined();
    expect(entry('google').authorize_params).toMatchObject({ access_type: 'offline', prompt: 'consent' });
    expect(entry('microsoft').authorization_url).toContain('{tenant}');
    expect(entry('salesforce').token_response?.metadata).toContain('instance_url');
    expect(entry('salesforce').refresh?.assumed_access_token_lifetime_seconds).toBeGreaterThan(0);
    expect(entry('quickbooks').redirect_metadata).toEqual(['realmId']);
    expect(entry('quickbooks').token_response?.refresh_token_expires_in).toEqual(['x_refresh_token_expires_in']);
    expect(entry('slack').scopes?.separator).toBe(',');
    expect(entry('slack').token_response?.access_token).toBe('authed_user.access_token');
    expect(entry('slack').errors?.success_flag).toEqual({ path: 'ok', value: true });
    expect(entry('zendesk').config?.subdomain).toBeDefined();
    expect(entry('atlassian').authorize_params?.audience).toBe('api.atlassian.com');
  });
});

describe('a broken catalog', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** A copy of the catalog with one file written over; returns the loader's error message. */
  function loadWith(file: string, content: unknown): string {
    dir = mkdtempSync(path.join(tmpdir(), 'keyward-catalog-'));
    cpSync(CATALOG_ROOT, dir, { recursive: true });
    writeFileSync(path.join(dir, 'providers', file), typeof content === 'string' ? content : JSON.stringify(content));
    try {
      new Catalog(dir);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('the broken catalog loaded');
  }
  const github = () => read(path.join(PROVIDERS, 'github.json')) as ProviderEntry;

  it('names the file and the path of the first schema error', () => {
    expect(loadWith('github.json', { ...github(), pkce: 'yes' })).toMatch(/github\.json is invalid at \/pkce: must be boolean/);
    expect(loadWith('github.json', { ...github(), tokn_url: 'https://x.example' })).toMatch(
      /github\.json is invalid at \/: must NOT have additional properties \("tokn_url"\)/,
    );
    expect(loadWith('github.json', { ...github(), token_url: 'http://plain.example/token' })).toMatch(
      /github\.json is invalid at \/token_url: must match pattern/,
    );
  });

  it('refuses an undeclared placeholder, a file named after another id, bad JSON and a default outside its values', () => {
    expect(loadWith('github.json', { ...github(), token_url: 'https://{tenant}.example/token' })).toMatch(
      /github\.json is invalid at \/token_url: placeholder \{tenant\} is not declared/,
    );
    expect(loadWith('github.json', { ...github(), id: 'gh' })).toMatch(/github\.json is invalid at \/id: "gh" does not match the file name/);
    expect(loadWith('github.json', '{ not json')).toMatch(/cannot read .*github\.json/);
    const exact = read(path.join(PROVIDERS, 'exact-online.json'));
    exact.config.ext.default = 'us';
    expect(loadWith('exact-online.json', exact)).toMatch(/exact-online\.json is invalid at \/config\/ext\/default: config\.ext must be one of/);
  });
});

describe('fillTemplate and checkConfig', () => {
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).toJSON();
    }
    throw new Error('no error');
  };

  it('fills placeholders, and names the one without a value', () => {
    expect(fillTemplate('https://start.exactonline.{ext}/api/oauth2/token', { ext: 'co.uk' })).toBe('https://start.exactonline.co.uk/api/oauth2/token');
    expect(catalog.fillTemplate('https://{host}/realms/{realm}/x', { host: 'kc.example.com:8443', realm: 'acme' })).toBe(
      'https://kc.example.com:8443/realms/acme/x',
    );
    expect(fillTemplate(entry('oidc').discovery_url!, { issuer: 'login.example.com/realms/acme' })).toBe(
      'https://login.example.com/realms/acme/.well-known/openid-configuration',
    );
    expect(error(() => fillTemplate('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token', {}))).toMatchObject({
      field: 'config',
      message: expect.stringContaining('{tenant}'),
    });
  });

  it('never lets a value move the token to another host', () => {
    for (const sub of ['evil.example/', 'evil.example#', 'x@evil.example', 'evil.example:443', 'a b', '..'])
      expect(error(() => fillTemplate('https://{subdomain}.zendesk.com/oauth/tokens', { subdomain: sub })).field).toBe('config');
    expect(error(() => fillTemplate('https://{host}/x', { host: 'evil.example?x=' })).field).toBe('config');
  });

  it('checks values against the entry: allowed values, patterns, defaults, unknown and missing ones', () => {
    expect(checkConfig(entry('exact-online'), { ext: 'be' })).toEqual({ ext: 'be' });
    expect(error(() => checkConfig(entry('exact-online'), { ext: 'us' }))).toEqual({
      error: 'invalid_request',
      field: 'config',
      message: 'config.ext must be one of nl, be, de, fr, es, co.uk, com (got "us")',
    });
    expect(error(() => checkConfig(entry('exact-online'), {})).message).toMatch(/config\.ext is required/);
    expect(catalog.checkConfig(entry('microsoft'))).toEqual({ tenant: 'common' });
    expect(checkConfig(entry('microsoft'), { tenant: 'contoso.onmicrosoft.com' })).toEqual({ tenant: 'contoso.onmicrosoft.com' });
    expect(error(() => checkConfig(entry('zendesk'), { subdomain: 'Not Valid!' })).message).toMatch(/config\.subdomain "Not Valid!" does not match/);
    expect(error(() => checkConfig(entry('github'), { tenant: 'x' })).message).toMatch(
      /config\.tenant is not a placeholder of provider "github" \(it has none\)/,
    );
  });
});
