// One list of protocol capabilities (src/registry/capabilities.ts): what may be registered, what discovery
// advertises, what the token endpoint and the signer handle all come from it.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { ASSERTION_SIGNING_ALGS, AUTH_METHODS, GRANT_TYPES, PKCE_METHODS, RESPONSE_TYPES, SIGNING_ALGS } from '../../src/registry/capabilities.js';
import { buildClientSpec, type ClientInput } from '../../src/registry/client-rules.js';
import { metadata } from '../../src/oauth/endpoints/discovery.js';
import { GRANTS } from '../../src/oauth/grants/index.js';
import { SIGN_PARAMS } from '../../src/oauth/tokens/sign-worker.js';
import { settingsOf } from '../../src/registry/space-settings.js';
import type { OAuthSpace } from '../../src/oauth/cache.js';

const fieldOf = (fn: () => unknown): { field?: string; message: string } => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('no error');
};
const spec = (input: Partial<ClientInput>) => buildClientSpec({ name: 'A', redirect_uris: ['https://a.example.com/cb'], ...input });

describe('protocol capabilities', () => {
  const space = { issuer: 'https://as.example.com/spaces/x', settings: settingsOf({ allow_plain_pkce: true }), row: {} } as unknown as OAuthSpace;
  const meta = metadata(space);

  it('discovery advertises exactly the listed grant types, response types, auth methods and algorithms', () => {
    expect(meta.grant_types_supported).toEqual([...GRANT_TYPES]);
    expect(meta.response_types_supported).toEqual([...RESPONSE_TYPES]);
    expect(meta.token_endpoint_auth_methods_supported).toEqual([...AUTH_METHODS]);
    expect(meta.token_endpoint_auth_signing_alg_values_supported).toEqual([...ASSERTION_SIGNING_ALGS]);
    expect(meta.id_token_signing_alg_values_supported).toEqual([...SIGNING_ALGS]);
    expect(meta.id_token_signing_alg_values_supported).toContain('RS256');
    expect(meta.code_challenge_methods_supported).toEqual([...PKCE_METHODS]);
  });

  it('discovery is one function of the space: every endpoint is there without any endpoint module loaded', () => {
    for (const name of ['token', 'authorize', 'par', 'introspect', 'revoke', 'userinfo', 'device_authorization', 'logout', 'jwks']) {
      expect(Object.values(meta), name).toContain(`${space.issuer}/${name}`);
    }
    expect(meta.registration_endpoint).toBeUndefined();
    expect(metadata({ ...space, settings: { ...space.settings, registration: 'open' } }).registration_endpoint).toBe(`${space.issuer}/register`);
  });

  it('the token endpoint serves every listed grant type but implicit (served by /authorize)', () => {
    expect([...GRANTS.keys(), 'implicit'].sort()).toEqual([...GRANT_TYPES].sort());
  });

  it('the signer knows how to sign with every algorithm keys are made for, and none other', () => {
    expect(Object.keys(SIGN_PARAMS).sort()).toEqual([...SIGNING_ALGS].sort());
  });

  it.each(['code id_token', 'code token', 'code id_token token', 'none'])('refuses to register response type "%s", which /authorize does not serve', (rt) => {
    const e = fieldOf(() => spec({ client_type: 'public', grant_types: ['authorization_code', 'implicit'], response_types: [rt] }));
    expect(e.field).toBe('response_types');
    expect(e.message).toMatch(/not a response type the authorization endpoint serves/);
  });

  it('takes response types in any order, as /authorize does', () => {
    expect(spec({ client_type: 'public', grant_types: ['implicit'], response_types: ['token id_token', 'id_token token'] }).responseTypes).toEqual([
      'id_token token',
    ]);
  });

  it("keeps openid and offline_access apart from the space's scopes", () => {
    expect(spec({ scope: 'offline_access files:read openid' })).toMatchObject({ scopes: ['files:read'], protocolScopes: ['offline_access', 'openid'] });
  });

  it('token_endpoint_auth_signing_alg: an advertised algorithm, for private_key_jwt only', () => {
    const jwks = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] };
    expect(
      spec({
        grant_types: ['client_credentials'],
        redirect_uris: [],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks,
        token_endpoint_auth_signing_alg: 'PS256',
      }).tokenEndpointAuthSigningAlg,
    ).toBe('PS256');
    expect(fieldOf(() => spec({ token_endpoint_auth_method: 'private_key_jwt', jwks, token_endpoint_auth_signing_alg: 'HS256' })).field).toBe(
      'token_endpoint_auth_signing_alg',
    );
    expect(fieldOf(() => spec({ token_endpoint_auth_signing_alg: 'ES256' })).message).toMatch(/private_key_jwt only/);
    // Switching away from private_key_jwt drops the algorithm rather than refusing the change.
    const current = spec({ token_endpoint_auth_method: 'private_key_jwt', jwks, token_endpoint_auth_signing_alg: 'ES256' });
    expect(buildClientSpec({ token_endpoint_auth_method: 'client_secret_basic' }, current).tokenEndpointAuthSigningAlg).toBeNull();
  });
});
