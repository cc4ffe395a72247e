// The floors for `npm run bench`: the least a Node.js token endpoint must do per request, and nothing more.
// node:http reads the form POST and writes the JSON answer; in between,
//   MODE=jwt     a JWT with Keyward's claims is signed with ES256 through node:crypto (grouped per event-loop turn, as
//                Keyward does);
//   MODE=opaque  a random token's hash is stored with Keyward's own group-commit INSERT (dist/store/access-tokens.js)
//                into Keyward's access_tokens table in the bench's PostgreSQL database (DATABASE_URL, CLIENT_PK,
//                SPACE_ID: a client Keyward registered there), one statement per event-loop turn, as Keyward does;
//   MODE=argon2  one Argon2id verification of PASSWORD against HASH (@node-rs/argon2's verify, on libuv's thread pool
//                as in Keyward; HASH is the one Keyward stored for the bench user, so its parameters are Keyward's),
//                answered 200 with a small JSON body: the machine's Argon2id verification limit, the floor of a
//                sign-in (and so of the authorization code flow, which checks one password per flow).
//   MODE=vault-read  GET /spaces/…/connections/{id}/token: the Bearer JWT's signature is verified with node:crypto
//                (ES256 or RS256, the key by kid from the space's JWKS, JWKS_URL, fetched once) and its exp checked,
//                the connection row is read by primary key from PostgreSQL (DATABASE_URL, a pool of 10 as Keyward's)
//                and its sealed access token opened (AES-256-GCM with MASTER_KEY, Keyward's format and additional
//                data); the answer is Keyward's JSON shape.
// No framework, no client authentication, no checks. It runs as many processes as Keyward (node:cluster), so its req/s
// is about the most a Node server on this machine reaches for the workload: the ceiling for the Keyward/oidc-provider
// ratio here. Prints {"port": N} on stdout once every process listens on 127.0.0.1:PORT.
import cluster from 'node:cluster';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, verify as verifySignature } from 'node:crypto';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { verify } from '@node-rs/argon2';
import pg from 'pg';

const port = Number(process.env.PORT);
const mode = process.env.MODE ?? 'jwt';
const workers = process.env.WORKERS === 'auto' ? availableParallelism() : Number(process.env.WORKERS ?? 1);
const TTL = 3600;

function answer(res, token) {
  const body = JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: TTL, scope: 'api' });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Requests of one event-loop turn go to `work` together. */
function grouped(work) {
  let queue = [];
  return (item) => {
    queue.push(item);
    if (queue.length === 1) {
      setImmediate(() => {
        const jobs = queue;
        queue = [];
        work(jobs);
      });
    }
  };
}

function jwtIssuer() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = b64({ alg: 'ES256', typ: 'at+jwt', kid: randomBytes(8).toString('hex') });
  const issuer = `http://127.0.0.1:${port}/spaces/default`;
  const client = randomBytes(16).toString('base64url');
  const signAll = grouped((jobs) => {
    for (const [res, input] of jobs) {
      const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
      answer(res, `${input}.${sig}`);
    }
  });
  return (res) => {
    const iat = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, sub: client, aud: issuer, client_id: client, scope: 'api', jti: randomBytes(16).toString('base64url'), iat, exp: iat + TTL };
    signAll([res, `${header}.${b64(claims)}`]);
  };
}

async function opaqueIssuer() {
  const insertModule = '../dist/store/access-tokens.js';
  const { insertAccessTokens } = await import(insertModule).catch((err) => {
    throw new Error(`floor (opaque) uses Keyward's own group-commit INSERT from ${insertModule} (run \`npm run build\`; if the module moved, update this path): ${err.message}`);
  });
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const store = { run: async (name, text, values) => void (await pool.query({ name, text, values })) };
  // One INSERT in flight at a time; what arrives meanwhile waits for the next (Keyward's BatchWriter does the same).
  let waiting = [];
  let writing = false;
  const write = async () => {
    while (waiting.length) {
      const jobs = waiting;
      waiting = [];
      try {
        await insertAccessTokens(store, jobs.map(([, row]) => row));
        for (const [res, , token] of jobs) answer(res, token);
      } catch (err) {
        for (const [res] of jobs) res.writeHead(500).end(String(err.message));
      }
    }
    writing = false;
  };
  return (res) => {
    const token = `kwat_${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    waiting.push([res, {
      id: createHash('sha256').update(token).digest('base64url'), spaceId: process.env.SPACE_ID, clientPk: process.env.CLIENT_PK,
      grantType: 'client_credentials', format: 'opaque', scope: ['api'], createdAt: now, expiresAt: new Date(now.getTime() + TTL * 1000),
    }, token]);
    if (!writing) {
      writing = true;
      setImmediate(write);
    }
  };
}

function argon2Checker() {
  const { HASH: hash, PASSWORD: password } = process.env;
  if (!hash?.startsWith('$argon2id$') || !password) throw new Error('floor (argon2): HASH (an Argon2id hash) and PASSWORD are required');
  return (res) =>
    verify(hash, password).then(
      (ok) => (ok ? answer(res, 'verified') : res.writeHead(401).end('wrong password')),
      (err) => res.writeHead(500).end(String(err.message)),
    );
}

async function vaultReader() {
  const { masterKeyFrom, open } = await import('../dist/crypto/seal.js');
  const { sealedAad } = await import('../dist/store/sealed-columns.js');
  const mk = masterKeyFrom(Buffer.from(process.env.MASTER_KEY, 'base64'));
  const { keys } = await (await fetch(process.env.JWKS_URL)).json();
  const byKid = new Map(keys.map((k) => [k.kid, { alg: k.alg, key: createPublicKey({ key: k, format: 'jwk' }) }]));
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const fail = (res, status, error) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
  return async (res, req) => {
    const jwt = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const [h, p, s] = jwt.split('.');
    const header = JSON.parse(Buffer.from(h ?? '', 'base64url').toString() || '{}');
    const k = byKid.get(header.kid);
    const ok = k && k.alg === header.alg && verifySignature('sha256', Buffer.from(`${h}.${p}`), k.alg === 'ES256' ? { key: k.key, dsaEncoding: 'ieee-p1363' } : k.key, Buffer.from(s, 'base64url'));
    const claims = ok ? JSON.parse(Buffer.from(p, 'base64url').toString()) : undefined;
    if (!claims || claims.exp * 1000 <= Date.now()) return fail(res, 401, 'invalid_token');
    const id = req.url.split('/')[4];
    try {
      const { rows } = await pool.query({ name: 'vault-read', text: 'select * from connections where id = $1', values: [id] });
      const row = rows[0];
      if (!row) return fail(res, 403, 'forbidden');
      const body = JSON.stringify({
        access_token: open(mk, row.access_token_sealed, sealedAad.connection(row.id, 'access_token')),
        token_type: row.token_type ?? 'Bearer',
        expires_at: row.expires_at?.toISOString() ?? null,
        metadata: row.metadata,
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err.message));
    }
  };
}

async function serve() {
  const issue = mode === 'opaque' ? await opaqueIssuer() : mode === 'argon2' ? argon2Checker() : mode === 'vault-read' ? await vaultReader() : jwtIssuer();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => issue(res, req));
  });
  server.listen(port, '127.0.0.1', () => process.send?.('listening') ?? process.stdout.write(JSON.stringify({ port }) + '\n'));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (m) => {
      if (m === 'listening' && ++listening === workers) process.stdout.write(JSON.stringify({ port }) + '\n');
    });
  }
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers)) w?.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  });
} else {
  await serve();
}
