// The reference server for `npm run bench`: oidc-provider 9 with its in-memory adapter, one client allowed the
// client_credentials grant, introspection on, opaque access tokens. Runs in its own process; prints
// {"port": N} on stdout once it listens on 127.0.0.1.
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 0);
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'bench', alg: 'ES256', use: 'sig' };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  // No adapter given: oidc-provider's own in-memory (LRU) adapter.
  clients: [
    {
      client_id: 'bench',
      client_secret: process.env.CLIENT_SECRET ?? 'bench-secret-0123456789',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
      scope: 'api',
    },
  ],
  scopes: ['api'],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: false },
  },
  jwks: { keys: [jwk] },
  cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
  ttl: { ClientCredentials: 28800 },
});
// Errors are part of the load (none are expected); keep them off the terminal.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
