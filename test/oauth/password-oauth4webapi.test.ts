// The password grant driven by oauth4webapi (openid-client covers it in password-refresh.test.ts): a service
// user gets tokens, the ID token passes oauth4webapi's checks, and a personal user is refused.
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.each(STORE_KINDS)('password grant with oauth4webapi (%s)', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read' });
    await s.admin('POST', '/spaces/default/users', { username: 'svc', password: 'svc-password-1', kind: 'service' });
    await s.admin('POST', '/spaces/default/users', { username: 'person', password: 'person-password-1', kind: 'personal' });
  });
  afterAll(async () => s?.close());

  it('issues tokens to a service user and refuses a personal one', async () => {
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'pw',
      grant_types: ['password', 'refresh_token'],
      scope: 'files:read',
      token_endpoint_auth_method: 'client_secret_post',
    });
    const as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
    const cl: oauth.Client = { client_id: c.client_id };
    const auth = oauth.ClientSecretPost(c.client_secret);
    const grant = (username: string, password: string) =>
      oauth.genericTokenEndpointRequest(as, cl, auth, 'password', new URLSearchParams({ username, password, scope: 'openid files:read' }), insecure);
    const ok = await oauth.processGenericTokenEndpointResponse(as, cl, await grant('svc', 'svc-password-1'));
    expect(ok.refresh_token).toMatch(/^kwrt_/);
    expect(oauth.getValidatedIdTokenClaims(ok)).toMatchObject({ iss: s.issuer, aud: c.client_id });
    const res = await oauth.introspectionRequest(as, cl, auth, ok.access_token, insecure);
    expect(await oauth.processIntrospectionResponse(as, cl, res)).toMatchObject({ active: true, username: 'svc' });
    await expect(oauth.processGenericTokenEndpointResponse(as, cl, await grant('person', 'person-password-1'))).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});
