// The client form's mapping to the admin API's encoding (web/src/pages/clients/form-model.ts): the choices people
// make ("space default", "never expires", "unlimited") become "default", null and null; a client read back gives the
// same choices; refresh settings are "not applicable" without the refresh_token grant, as the API requires.
import { describe, expect, it } from 'vitest';
import { bodyOf, formValuesOf, NEW_CLIENT, splitLines, type Client } from '../../web/src/pages/clients/form-model.js';

describe('client form model', () => {
  it('sends the defaults of a new client as the API encodes them', () => {
    const body = bodyOf({ ...NEW_CLIENT, name: ' Portal ', redirect_uris: 'https://a.example/cb\n\n  https://b.example/cb  ' }, true);
    expect(body).toMatchObject({
      name: 'Portal',
      version: null,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://a.example/cb', 'https://b.example/cb'],
      access_token_ttl: 'default',
      refresh_token_ttl: 'default',
      refresh_limit: null,
      webhook_url: null,
    });
    expect(body).not.toHaveProperty('client_name');
    expect(body).not.toHaveProperty('scope');
  });

  it('maps never, custom seconds and a limit; drops refresh settings without the refresh grant', () => {
    const v = { ...NEW_CLIENT, name: 'x', access_ttl_mode: 'never' as const, refresh_ttl_mode: 'custom' as const, refresh_ttl: '3600' };
    expect(bodyOf({ ...v, refresh_limit_mode: 'limited', refresh_limit: '0' }, true)).toMatchObject({
      access_token_ttl: null,
      refresh_token_ttl: 3600,
      refresh_limit: 0,
    });
    expect(bodyOf({ ...v, grant_types: ['client_credentials'], refresh_limit_mode: 'limited', refresh_limit: '5' }, true)).toMatchObject({
      refresh_token_ttl: 'default',
      refresh_limit: null,
    });
  });

  it('reads a stored client back into the same choices, and an edit keeps name and scopes out of the body', () => {
    const stored = {
      name: 'Reports',
      version: null,
      client_name: 'Reports',
      description: '',
      client_type: 'confidential',
      token_endpoint_auth_method: 'client_secret_basic',
      jwks_uri: null,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://r.example/cb'],
      post_logout_redirect_uris: [],
      allowed_cors_origins: [],
      access_token_ttl: null,
      refresh_token_ttl: 7200,
      refresh_limit: 3,
      access_token_format: 'opaque',
      scope: 'files:read',
      logo_uri: null,
      client_uri: null,
      policy_uri: null,
      tos_uri: null,
      contacts: ['a@example.com'],
      webhook_url: null,
    } as unknown as Client;
    const v = formValuesOf(stored);
    expect(v).toMatchObject({ access_ttl_mode: 'never', refresh_ttl_mode: 'custom', refresh_ttl: '7200', refresh_limit_mode: 'limited', refresh_limit: '3' });
    const body = bodyOf(v, false);
    expect(body).toMatchObject({
      access_token_ttl: null,
      refresh_token_ttl: 7200,
      refresh_limit: 3,
      access_token_format: 'opaque',
      contacts: ['a@example.com'],
    });
    expect(body).not.toHaveProperty('name');
    expect(body).not.toHaveProperty('scope');
    expect(splitLines(' a \n\n b ')).toEqual(['a', 'b']);
  });
});
