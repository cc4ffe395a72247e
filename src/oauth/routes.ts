// Mounts the authorization server of every space under /spaces/:space.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { installClientAuth } from './client-auth/index.js';
import type { OAuth } from './context.js';
import { authorizationEndpoint } from './endpoints/authorize.js';
import { parEndpoint } from './endpoints/par.js';
import { deviceAuthorizationEndpoint, devicePages } from './endpoints/device.js';
import { discoveryEndpoints } from './endpoints/discovery.js';
import { introspectionEndpoint } from './endpoints/introspect.js';
import { issuerHome } from './endpoints/issuer.js';
import { logoutEndpoint } from './endpoints/logout.js';
import { registrationEndpoints } from './endpoints/register.js';
import { revocationEndpoint } from './endpoints/revoke.js';
import { tokenEndpoint } from './endpoints/token.js';
import { userinfoEndpoint } from './endpoints/userinfo.js';
import { installCors } from './cors.js';
import { installOAuthPlumbing } from './http.js';
import { interactionRoutes } from './interaction/routes.js';

export async function oauthRoutes(app: FastifyInstance, oauth: OAuth, mount?: (spaceApp: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(
    async (spaceApp) => {
      await spaceApp.register(formbody);
      installOAuthPlumbing(spaceApp, oauth);
      installCors(spaceApp, oauth);
      installClientAuth(spaceApp, oauth);
      issuerHome(spaceApp);
      discoveryEndpoints(spaceApp, oauth);
      tokenEndpoint(spaceApp, oauth);
      parEndpoint(spaceApp, oauth);
      introspectionEndpoint(spaceApp, oauth);
      revocationEndpoint(spaceApp, oauth);
      userinfoEndpoint(spaceApp, oauth);
      registrationEndpoints(spaceApp, oauth);
      deviceAuthorizationEndpoint(spaceApp, oauth);
      // More endpoints under the issuer, mounted by the app (the connection vault's).
      if (mount) await mount(spaceApp);
      // The pages people see, with the cookie parser in their own plugin context: its hooks stay off the API routes.
      await spaceApp.register(async (browser) => {
        await browser.register(cookie);
        authorizationEndpoint(browser, oauth);
        interactionRoutes(browser, oauth);
        logoutEndpoint(browser, oauth);
        devicePages(browser, oauth);
      });
    },
    { prefix: '/spaces/:space' },
  );
}
