// Mounts the authorization server of every space under /spaces/:space.
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { OAuth } from './context.js';
import { discoveryEndpoints } from './endpoints/discovery.js';
import { introspectionEndpoint } from './endpoints/introspect.js';
import { revocationEndpoint } from './endpoints/revoke.js';
import { tokenEndpoint } from './endpoints/token.js';
import { installOAuthPlumbing } from './http.js';

export async function oauthRoutes(app: FastifyInstance, oauth: OAuth): Promise<void> {
  await app.register(
    async (spaceApp) => {
      await spaceApp.register(formbody);
      installOAuthPlumbing(spaceApp, oauth);
      discoveryEndpoints(spaceApp, oauth);
      tokenEndpoint(spaceApp, oauth);
      introspectionEndpoint(spaceApp, oauth);
      revocationEndpoint(spaceApp, oauth);
    },
    { prefix: '/spaces/:space' },
  );
}
