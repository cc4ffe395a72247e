import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  buildClientSpec,
  checkCorsOrigin,
  checkRedirectUri,
  parseScope,
  ttlFromStore,
  ttlToStore,
  usesSecret,
  type ClientInput,
} from '../../src/registry/client-rules.js';

const web = { name: 'App', redirect_uris: ['https://app.example.com/cb'] } satisfies ClientInput;

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.field;
    throw err;
  }
  throw new Error('expected a rule violation');
}

describe('allowed_cors_origins (origins as browsers send them)', () => {
  it.each(['https://app.example.com', 'https://app.example.com:8443', 'http://127.0.0.1:5173', 'http://localhost:3000', 'http://[::1]:8080'])(
    'accepts %s',
    (o) => expect(checkCorsOrigin('allowed_cors_origins', o)).toBe(o),
  );

  it.each([
    ['http://app.example.com', /https/],
    ['https://*.example.com', /wildcard/],
    ['https://app.example.com/', /use "https:\/\/app.example.com"/],
    ['https://app.example.com/cb', /no path/],
    ['https://app.example.com?x=1', /no path, query/],
    ['https://app.example.com#x', /fragment/],
    ['https://App.Example.com', /use "https:\/\/app.example.com"/],
    ['https://app.example.com:443', /use "https:\/\/app.example.com"/],
    ['https://user@app.example.com', /origin only/],
    ['com.example.app://cb', /https/],
    ['null', /not an origin/],
    ['app.example.com', /not an origin/],
  ])('refuses %s', (o, why) => expect(() => checkCorsOrigin('allowed_cors_origins', o)).toThrow(why));

  it('defaults to none, keeps the list across updates, and refuses duplicates', () => {
    expect(buildClientSpec(web).allowedCorsOrigins).toEqual([]);
    const spec = buildClientSpec({ ...web, allowed_cors_origins: ['https://spa.example.com'] });
    expect(spec.allowedCorsOrigins).toEqual(['https://spa.example.com']);
    expect(buildClientSpec({ description: 'x' }, spec).allowedCorsOrigins).toEqual(['https://spa.example.com']);
    expect(buildClientSpec({ allowed_cors_origins: [] }, spec).allowedCorsOrigins).toEqual([]);
    expect(fieldOf(() => buildClientSpec({ ...web, allowed_cors_origins: ['https://a.example', 'https://a.example'] }))).toBe('allowed_cors_origins');
  });
});

describe('redirect URIs (RFC 6749 §3.1.2, RFC 8252, RFC 9700)', () => {
  it.each([
    'https://app.example.com/cb',
    'https://app.example.com:8443/cb?x=1',
    'http://127.0.0.1/cb',
    'http://127.0.0.1:53127/cb',
    'http://[::1]:8080/cb',
    'http://localhost:3000/cb',
  ])('accepts %s', (uri) => expect(checkRedirectUri('redirect_uris', uri, 'confidential')).toBe(uri));

  it.each([
    ['http://app.example.com/cb', /https/],
    ['https://app.example.com/cb#frag', /fragment/],
    ['https://*.example.com/cb', /wildcard/],
    ['/relative/cb', /absolute/],
    ['javascript:alert(1)', /forbidden scheme/],
    ['data:text/html,hi', /forbidden scheme/],
    ['https://user:pw@app.example.com/cb', /credentials/],
    ['http://127.0.0.2.example.com/cb', /https/],
  ])('refuses %s', (uri, why) => {
    expect(() => checkRedirectUri('redirect_uris', uri, 'public')).toThrow(why);
  });

  it('allows private-use schemes in reverse-domain form for public clients only', () => {
    expect(checkRedirectUri('redirect_uris', 'com.example.app:/oauth2redirect', 'public')).toBe('com.example.app:/oauth2redirect');
    expect(() => checkRedirectUri('redirect_uris', 'com.example.app:/cb', 'confidential')).toThrow(/public/);
    expect(() => checkRedirectUri('redirect_uris', 'myapp:/cb', 'public')).toThrow(/reverse domain/);
  });
});

describe('client registration rules', () => {
  it('fills the defaults of a confidential web client', () => {
    const spec = buildClientSpec(web);
    expect(spec).toMatchObject({
      name: 'App',
      version: '',
      clientName: 'App',
      clientType: 'confidential',
      grantTypes: ['authorization_code'],
      responseTypes: ['code'],
      tokenEndpointAuthMethod: 'client_secret_basic',
      accessTokenTtl: null,
      refreshTokenTtl: null,
      refreshLimit: null,
      accessTokenFormat: 'jwt',
      active: true,
    });
    expect(usesSecret(spec)).toBe(true);
  });

  it('requires a name and trims it', () => {
    expect(fieldOf(() => buildClientSpec({ redirect_uris: web.redirect_uris }))).toBe('name');
    expect(fieldOf(() => buildClientSpec({ ...web, name: '   ' }))).toBe('name');
    expect(buildClientSpec({ ...web, name: '  App  ' }).name).toBe('App');
  });

  it('keeps the name immutable but tolerates the same name in another case', () => {
    const current = buildClientSpec(web);
    expect(fieldOf(() => buildClientSpec({ name: 'Other' }, current))).toBe('name');
    expect(buildClientSpec({ name: 'APP', description: 'x' }, current).name).toBe('App');
  });

  it('needs a redirect URI for authorization_code and implicit (seed 004)', () => {
    expect(fieldOf(() => buildClientSpec({ name: 'A' }))).toBe('redirect_uris');
    expect(fieldOf(() => buildClientSpec({ name: 'A', client_type: 'public', grant_types: ['implicit'] }))).toBe('redirect_uris');
    expect(buildClientSpec({ name: 'A', grant_types: ['client_credentials'] }).redirectUris).toEqual([]);
  });

  it('allows implicit only for public clients', () => {
    expect(fieldOf(() => buildClientSpec({ ...web, grant_types: ['implicit'] }))).toBe('grant_types');
    const spec = buildClientSpec({ ...web, client_type: 'public', grant_types: ['implicit'] });
    expect(spec.responseTypes).toEqual(['token', 'id_token', 'id_token token']);
  });

  it('gives public clients no credentials and refuses grants that need them', () => {
    const spec = buildClientSpec({ ...web, client_type: 'public' });
    expect(spec.tokenEndpointAuthMethod).toBe('none');
    expect(usesSecret(spec)).toBe(false);
    expect(fieldOf(() => buildClientSpec({ ...web, client_type: 'public', grant_types: ['client_credentials'] }))).toBe('grant_types');
    expect(fieldOf(() => buildClientSpec({ ...web, client_type: 'public', grant_types: ['authorization_code', 'password'] }))).toBe('grant_types');
    expect(fieldOf(() => buildClientSpec({ ...web, client_type: 'public', token_endpoint_auth_method: 'client_secret_basic' }))).toBe(
      'token_endpoint_auth_method',
    );
    expect(fieldOf(() => buildClientSpec({ ...web, token_endpoint_auth_method: 'none' }))).toBe('token_endpoint_auth_method');
  });

  it('needs a grant that issues refresh tokens before refresh_token', () => {
    expect(fieldOf(() => buildClientSpec({ name: 'A', grant_types: ['client_credentials', 'refresh_token'] }))).toBe('grant_types');
    expect(buildClientSpec({ name: 'A', grant_types: ['password', 'refresh_token'] }).grantTypes).toEqual(['password', 'refresh_token']);
  });

  it('refuses unknown grant types and response types that do not match the grants', () => {
    expect(fieldOf(() => buildClientSpec({ ...web, grant_types: ['magic'] }))).toBe('grant_types');
    expect(fieldOf(() => buildClientSpec({ ...web, response_types: ['token'] }))).toBe('response_types');
    expect(fieldOf(() => buildClientSpec({ ...web, grant_types: [] }))).toBe('grant_types');
  });

  it('needs keys for private_key_jwt, public ones only, and not both jwks and jwks_uri', () => {
    const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
    expect(fieldOf(() => buildClientSpec({ ...web, token_endpoint_auth_method: 'private_key_jwt' }))).toBe('jwks');
    const spec = buildClientSpec({ ...web, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [key] } });
    expect(usesSecret(spec)).toBe(false);
    expect(fieldOf(() => buildClientSpec({ ...web, jwks: { keys: [{ ...key, d: 'secret' }] } }))).toBe('jwks');
    expect(fieldOf(() => buildClientSpec({ ...web, jwks: { keys: [{ kty: 'oct', k: 'abc' }] } }))).toBe('jwks');
    expect(fieldOf(() => buildClientSpec({ ...web, jwks: { keys: [key] }, jwks_uri: 'https://app.example.com/jwks' }))).toBe('jwks');
    expect(fieldOf(() => buildClientSpec({ ...web, jwks_uri: 'http://app.example.com/jwks' }))).toBe('jwks_uri');
  });

  it('encodes lifetimes: seconds, null = never expires, "default" = the space value', () => {
    expect(buildClientSpec({ ...web, access_token_ttl: 3600 }).accessTokenTtl).toBe(3600);
    expect(buildClientSpec({ ...web, access_token_ttl: null }).accessTokenTtl).toBe(0);
    expect(buildClientSpec({ ...web, access_token_ttl: 'default' }).accessTokenTtl).toBe(null);
    expect(fieldOf(() => buildClientSpec({ ...web, access_token_ttl: 0 }))).toBe('access_token_ttl');
    expect(fieldOf(() => buildClientSpec({ ...web, refresh_token_ttl: -5 }))).toBe('refresh_token_ttl');
    expect(fieldOf(() => buildClientSpec({ ...web, access_token_ttl: 1.5 }))).toBe('access_token_ttl');
    expect([null, 0, 60].map((v) => ttlFromStore(v))).toEqual(['default', null, 60]);
    expect(ttlToStore('x', undefined, 42)).toBe(42);
  });

  it('accepts refresh limits null (unlimited), 0 (no refresh token) and N', () => {
    const refreshing = { ...web, grant_types: ['authorization_code', 'refresh_token'] };
    expect(buildClientSpec({ ...refreshing, refresh_limit: null }).refreshLimit).toBe(null);
    expect(buildClientSpec({ ...refreshing, refresh_limit: 0 }).refreshLimit).toBe(0);
    expect(buildClientSpec({ ...refreshing, refresh_limit: 5 }).refreshLimit).toBe(5);
    expect(fieldOf(() => buildClientSpec({ ...refreshing, refresh_limit: -1 }))).toBe('refresh_limit');
  });

  it('refuses refresh settings that can never apply (no refresh_token grant), naming the field', () => {
    const cc = { name: 'Job', grant_types: ['client_credentials'] };
    expect(fieldOf(() => buildClientSpec({ ...web, refresh_limit: 5 }))).toBe('refresh_limit');
    expect(fieldOf(() => buildClientSpec({ ...cc, refresh_token_ttl: 60 }))).toBe('refresh_token_ttl');
    expect(fieldOf(() => buildClientSpec({ ...cc, refresh_token_ttl: null }))).toBe('refresh_token_ttl');
    expect(buildClientSpec({ ...cc, refresh_token_ttl: 'default', refresh_limit: 0 })).toMatchObject({ refreshTokenTtl: null, refreshLimit: 0 });
    // A stored client that predates the rule can still be edited in other fields.
    const legacy = { ...buildClientSpec(cc), refreshTokenTtl: 60 };
    expect(buildClientSpec({ description: 'edited' }, legacy).refreshTokenTtl).toBe(60);
    expect(fieldOf(() => buildClientSpec({ grant_types: ['client_credentials'] }, legacy))).toBe('refresh_token_ttl');
  });

  it('checks web URLs and contacts', () => {
    expect(fieldOf(() => buildClientSpec({ ...web, logo_uri: 'http://cdn.example.com/logo.png' }))).toBe('logo_uri');
    expect(fieldOf(() => buildClientSpec({ ...web, client_uri: 'not a url' }))).toBe('client_uri');
    expect(fieldOf(() => buildClientSpec({ ...web, contacts: ['nobody'] }))).toBe('contacts');
    expect(buildClientSpec({ ...web, contacts: ['ops@example.com'] }).contacts).toEqual(['ops@example.com']);
  });

  it('refuses duplicate redirect URIs and keeps several distinct ones', () => {
    expect(fieldOf(() => buildClientSpec({ ...web, redirect_uris: ['https://a.example/cb', 'https://a.example/cb'] }))).toBe('redirect_uris');
    expect(buildClientSpec({ ...web, redirect_uris: ['https://a.example/cb', 'https://b.example/cb'] }).redirectUris).toHaveLength(2);
  });

  it('re-checks the whole client on update: a change of type resets the auth method', () => {
    const confidential = buildClientSpec({ ...web, grant_types: ['authorization_code', 'client_credentials'] });
    expect(fieldOf(() => buildClientSpec({ client_type: 'public' }, confidential))).toBe('grant_types');
    const pub = buildClientSpec({ client_type: 'public', grant_types: ['authorization_code'] }, confidential);
    expect(pub.tokenEndpointAuthMethod).toBe('none');
    expect(buildClientSpec({ client_type: 'confidential' }, pub).tokenEndpointAuthMethod).toBe('client_secret_basic');
  });

  it('parses scope strings as RFC 6749 scope-tokens', () => {
    expect(parseScope('scope', 'openid  profile openid')).toEqual(['openid', 'profile']);
    expect(parseScope('scope', '')).toEqual([]);
    expect(() => parseScope('scope', 'bad"scope')).toThrow(/scope-token/);
  });
});

describe('client ids', () => {
  it('are 22 URL-safe characters that never start with "-" or "_"', async () => {
    const { newClientId } = await import('../../src/crypto/secrets.js');
    const ids = Array.from({ length: 2000 }, newClientId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
