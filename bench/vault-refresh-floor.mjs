// The floor of the vault-refresh workload of `npm run bench` (bench/vault.mjs): what one Node process must do to renew
// connections with rotating refresh tokens, and nothing more. It reads the connections named NAME_PREFIX… in batches
// of BATCH (primary key order), and for each, CONCURRENCY at a time: opens its sealed refresh token (AES-256-GCM,
// Keyward's format and additional data), sends one refresh request to the provider (node:http, keep-alive, HTTP
// Basic), seals the new access and refresh tokens and stores them with one UPDATE by primary key (the durable write a
// rotated refresh token needs before it may be used). No lease, no fence, no retries, no framework. PostgreSQL pool of
// 10, as Keyward's. Prints one JSON line: {"refreshed", "failed", "seconds", "cpuUs"} (cpuUs: this process's CPU per
// refresh).
import http from 'node:http';
import pg from 'pg';

const env = process.env;
const { masterKeyFrom, open, seal } = await import('../dist/crypto/seal.js');
const { sealedAad } = await import('../dist/store/sealed-columns.js');
const mk = masterKeyFrom(Buffer.from(env.MASTER_KEY, 'base64'));
const tokenUrl = new URL(env.TOKEN_URL);
const auth = 'Basic ' + Buffer.from(`${encodeURIComponent(env.CLIENT_ID)}:${encodeURIComponent(env.CLIENT_SECRET)}`).toString('base64');
const concurrency = Number(env.CONCURRENCY ?? 64);
const batch = Number(env.BATCH ?? 200);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });

function refresh(refreshToken) {
  const body = `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      tokenUrl,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: auth,
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`provider ${res.statusCode}: ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function renew(row) {
  const answer = await refresh(open(mk, row.refresh_token_sealed, sealedAad.connection(row.id, 'refresh_token')));
  await pool.query({
    name: 'floor-renew',
    text: 'update connections set access_token_sealed = $2, refresh_token_sealed = $3, expires_at = $4, last_refresh_at = now(), refresh_count = refresh_count + 1 where id = $1',
    values: [
      row.id,
      seal(mk, answer.access_token, sealedAad.connection(row.id, 'access_token')),
      seal(mk, answer.refresh_token, sealedAad.connection(row.id, 'refresh_token')),
      new Date(Date.now() + answer.expires_in * 1000),
    ],
  });
}

const started = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let refreshed = 0;
let failed = 0;
let firstError;
let after = '00000000-0000-0000-0000-000000000000';
for (;;) {
  const { rows } = await pool.query({
    name: 'floor-batch',
    text: 'select id, refresh_token_sealed from connections where name like $1 and id > $2 order by id limit $3',
    values: [`${env.NAME_PREFIX}%`, after, batch],
  });
  if (!rows.length) break;
  after = rows.at(-1).id;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      try {
        await renew(row);
        refreshed++;
      } catch (err) {
        failed++;
        firstError ??= err.message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpu0);
await pool.end();
agent.destroy();
process.stdout.write(JSON.stringify({ refreshed, failed, seconds, cpuUs: (cpu.user + cpu.system) / Math.max(1, refreshed), firstError }) + '\n');
