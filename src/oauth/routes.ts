// Mounts the authorization server of every space under /spaces/:space.
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { OAuth } from './context.js';
import { authorizationEndpoints } from './endpoints/authorize.js';
import { parEndpoint } from './endpoints/par.js';
import { deviceEndpoints } from './endpoints/device.js';
import { discoveryEndpoints } from './endpoints/discovery.js';
import { introspectionEndpoint } from './endpoints/introspect.js';
import { issuerHome } from './endpoints/issuer.js';
import { registrationEndpoints } from './endpoints/register.js';
import { revocationEndpoint } from './endpoints/revoke.js';
import { tokenEndpoint } from './endpoints/token.js';
import { userinfoEndpoint } from './endpoints/userinfo.js';
import { installCors } from './cors.js';
import { installOAuthPlumbing } from './http.js';
import { installClientAuth } from './client-auth/index.js';

export async function oauthRoutes(app: FastifyInstance, oauth: OAuth): Promise<void> {
  await app.register(
    async (spaceApp) => {
      await spaceApp.register(formbody);
      installOAuthPlumbing(spaceApp, oauth);
      installCors(spaceApp, oauth);
      installClientAuth(spaceApp, oauth);
      issuerHome(spaceApp);
      discoveryEndpoints(spaceApp, oauth);
      tokenEndpoint(spaceApp, oauth);
      await authorizationEndpoints(spaceApp, oauth);
      parEndpoint(spaceApp, oauth);
      introspectionEndpoint(spaceApp, oauth);
      revocationEndpoint(spaceApp, oauth);
      userinfoEndpoint(spaceApp, oauth);
      registrationEndpoints(spaceApp, oauth);
      deviceEndpoints(spaceApp, oauth);
    },
    { prefix: '/spaces/:space' },
  );
}
