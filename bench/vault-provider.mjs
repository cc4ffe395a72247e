// The provider of the vault workloads of `npm run bench` (bench/vault.mjs): the least OAuth 2.0 token endpoint that
// rotates refresh tokens (RFC 6749 §6), on node:http in one process. Its refresh tokens live in a Map (token → chain);
// a refresh answers a new access token and a new refresh token, and the old refresh token dies. A refresh token sent
// again after it was used is counted as reuse (a lost rotation: the renewer used a token it should have replaced),
// one never issued as unknown; both are answered invalid_grant. Client authentication: HTTP Basic with CLIENT_ID and
// CLIENT_SECRET. Prints {"port": N} on stdout once it listens on 127.0.0.1:PORT.
//   POST /token                   grant_type=refresh_token&refresh_token=…
//   POST /_bench/seed  n=N        N new chains; answers their first refresh tokens as a JSON array
//   GET  /_bench/stats            {"refreshes", "reuse", "unknown", "live", "badClient"}
import { randomBytes } from 'node:crypto';
import http from 'node:http';

const port = Number(process.env.PORT ?? 0);
const expectedAuth = 'Basic ' + Buffer.from(`${encodeURIComponent(process.env.CLIENT_ID)}:${encodeURIComponent(process.env.CLIENT_SECRET)}`).toString('base64');
const live = new Map();
const used = new Set();
const stats = { refreshes: 0, reuse: 0, unknown: 0, badClient: 0 };
let chains = 0;

const newToken = (prefix) => `${prefix}_${randomBytes(24).toString('base64url')}`;

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function token(req, res, form) {
  if (req.headers.authorization !== expectedAuth) {
    stats.badClient++;
    return send(res, 401, { error: 'invalid_client' });
  }
  if (form.get('grant_type') !== 'refresh_token') return send(res, 400, { error: 'unsupported_grant_type' });
  const old = form.get('refresh_token') ?? '';
  const chain = live.get(old);
  if (chain === undefined) {
    if (used.has(old)) stats.reuse++;
    else stats.unknown++;
    return send(res, 400, { error: 'invalid_grant', error_description: 'refresh token unknown or already used' });
  }
  live.delete(old);
  used.add(old);
  const next = newToken('rt');
  live.set(next, chain);
  stats.refreshes++;
  send(res, 200, { access_token: newToken('at'), token_type: 'Bearer', expires_in: 3600, refresh_token: next });
}

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const path = req.url.split('?')[0];
    if (req.method === 'POST' && path === '/token') return token(req, res, new URLSearchParams(body));
    if (req.method === 'POST' && path === '/_bench/seed') {
      const n = Number(new URLSearchParams(body).get('n'));
      const first = [];
      for (let i = 0; i < n; i++) {
        const t = newToken('rt');
        live.set(t, chains++);
        first.push(t);
      }
      return send(res, 200, first);
    }
    if (req.method === 'GET' && path === '/_bench/stats') return send(res, 200, { ...stats, live: live.size });
    send(res, 404, { error: 'not_found' });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
