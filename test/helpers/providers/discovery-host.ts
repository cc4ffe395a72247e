// OpenID Connect issuers' discovery documents over HTTPS on 127.0.0.1, for provider clients of the catalog's `oidc`
// entry: its discovery URL is https://{issuer}/.well-known/openid-configuration, so plain http cannot stand in. Each
// tenant path is an issuer of its own (https://127.0.0.1:<port>/<tenant>) naming its own endpoints. The certificate
// is self-signed, made by openssl for the run. Node 20 cannot trust a new CA once running (NODE_EXTRA_CA_CERTS is
// read at start), so while the host is open this process skips certificate checks (NODE_TLS_REJECT_UNAUTHORIZED=0,
// read at each TLS connect); close() restores the setting.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const SUFFIX = '/.well-known/openid-configuration';

async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keyward-discovery-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    return { key: await readFile(key), cert: await readFile(cert) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startDiscoveryHost() {
  const requests = new Map<string, number>();
  const server = createServer(await selfSignedCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const tenant = url.pathname.endsWith(SUFFIX) ? url.pathname.slice(1, -SUFFIX.length) : '';
    if (!/^[a-z0-9-]+$/.test(tenant)) return void res.writeHead(404).end();
    requests.set(tenant, (requests.get(tenant) ?? 0) + 1);
    const issuer = `${origin}/${tenant}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const checks = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return {
    /** The issuer URL of a tenant. */
    issuer: (tenant: string) => `${origin}/${tenant}`,
    /** The `oidc` entry's `issuer` config value of a tenant (the issuer without https://). */
    configValue: (tenant: string) => `${origin.slice('https://'.length)}/${tenant}`,
    /** Discovery documents served for a tenant. */
    requests: (tenant: string) => requests.get(tenant) ?? 0,
    close: async () => {
      if (checks === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = checks;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type DiscoveryHost = Awaited<ReturnType<typeof startDiscoveryHost>>;
