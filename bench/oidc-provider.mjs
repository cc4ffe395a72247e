// The reference server for `npm run bench`: oidc-provider 9 with its in-memory adapter, one client allowed the
// client_credentials grant, introspection on, opaque access tokens; and, for the `flow` workload, a public client
// of the authorization code flow (PKCE) signing in through oidc-provider's built-in development interactions
// (devInteractions, on by default: a login form that accepts any login WITHOUT checking a password, then a consent
// form). Runs in its own process; prints {"port": N} on stdout once it listens on 127.0.0.1.
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 0);
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
// ID tokens of the flow are signed with RS256, oidc-provider's default and Keyward's.
const { privateKey: rsaKey } = await generateKeyPair('RS256', { extractable: true });
const rsaJwk = { ...(await exportJWK(rsaKey)), kid: 'bench-rs', alg: 'RS256', use: 'sig' };

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
    {
      client_id: 'bench-flow',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [process.env.REDIRECT_URI ?? 'http://127.0.0.1:9/callback'],
      token_endpoint_auth_method: 'none',
    },
  ],
  // Any login is an account whose only claim is its subject (no store behind it).
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  scopes: ['api'],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: true }, // the default; written out because the flow workload relies on it
  },
  jwks: { keys: [jwk, rsaJwk] },
  cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
  ttl: { ClientCredentials: 28800 },
});
// Errors are part of the load (none are expected); keep them off the terminal.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
