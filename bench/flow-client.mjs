// The browser side of `npm run bench`'s `flow` workload: LOOPS concurrent loops, each running complete
// authorization code + PKCE flows one after another for DURATION seconds, each flow in a fresh "browser" (an empty
// cookie jar, so every flow signs in again and asks for consent again):
//   GET authorization endpoint (prompt=consent) → redirects on the server → login page: its form (hidden fields such
//   as Keyward's CSRF token) is posted with the user name and password → redirects → consent page: its form is posted
//   (Keyward: decision=allow) → redirects until one leaves the server: the client's redirect URI (nothing listens
//   there; only its Location is read) with the code → POST token endpoint (code, redirect_uri, code_verifier; a
//   public client) → 200 with an access token.
// The same code drives Keyward's pages and oidc-provider's development interactions (its login form names the field
// `login`, Keyward's `username`). Plain node:http with keep-alive connections, no browser engine: the bench measures
// the servers, so the client stays cheap. Prints one JSON line: {"flows", "failed", "seconds", "p99_ms", "error"}.
//   AUTHORIZE, TOKEN   the server's endpoints (127.0.0.1 only)
//   CLIENT_ID, REDIRECT_URI, USERNAME, PASSWORD, LOOPS, DURATION
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`flow-client: ${name} is missing`);
  return v;
};
const AUTHORIZE = env('AUTHORIZE');
const TOKEN = env('TOKEN');
const CLIENT_ID = env('CLIENT_ID');
const REDIRECT_URI = env('REDIRECT_URI');
const USERNAME = env('USERNAME');
const PASSWORD = env('PASSWORD');
const LOOPS = Number(process.env.LOOPS ?? 8);
const DURATION = Number(process.env.DURATION ?? 10);
const origin = new URL(AUTHORIZE).origin;
if (!origin.startsWith('http://127.0.0.1:')) throw new Error(`flow-client: refusing to load ${origin} (127.0.0.1 only)`);

const agent = new http.Agent({ keepAlive: true, maxSockets: LOOPS * 2 });

/** One HTTP request; resolves with status, headers and body text. */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A cookie jar honouring Path (oidc-provider scopes its interaction cookies to /interaction/<uid> and /auth/<uid>). */
class Jar {
  cookies = new Map(); // `${path}\n${name}` → { name, path, value }

  store(setCookies = []) {
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';').map((s) => s.trim());
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) || '/';
      const key = `${path}\n${name}`;
      if (value === '' || attrs.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a))) this.cookies.delete(key);
      else this.cookies.set(key, { name, path, value });
    }
  }

  header(pathname) {
    const sent = [...this.cookies.values()].filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`));
    return sent.length ? { cookie: sent.map((c) => `${c.name}=${c.value}`).join('; ') } : {};
  }
}

const decode = (s) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The page's (first) POST form: its action and hidden fields, plus what a user enters on a login or consent page. */
function fill(html, pageUrl) {
  const form = /<form\b[^>]*>/.exec(html);
  if (!form || !/method="post"/i.test(form[0])) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const fields = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) if (attr(tag, 'type') === 'hidden') fields[attr(tag, 'name')] = attr(tag, 'value') ?? '';
  if (/type="password"/.test(html)) {
    // Keyward: username + password; oidc-provider's development login: login + password (any login is accepted).
    fields[/name="login"/.test(html) ? 'login' : 'username'] = USERNAME;
    fields.password = PASSWORD;
  } else if (/name="decision" value="allow"/.test(html)) {
    fields.decision = 'allow';
  }
  return { action: new URL(attr(form[0], 'action'), pageUrl).toString(), body: new URLSearchParams(fields).toString() };
}

/** One flow in a fresh browser; resolves when the access token arrived. */
async function flow() {
  const jar = new Jar();
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const auth = new URL(AUTHORIZE);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid', state, prompt: 'consent',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  })) auth.searchParams.set(k, v);

  let url = auth.toString();
  let method = 'GET';
  let body;
  // Requests, redirects followed by hand, and forms posted, until a redirect leaves the server.
  for (let step = 0; step < 20; step++) {
    const { pathname } = new URL(url);
    const headers = { ...jar.header(pathname), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
    const res = await request(url, { method, headers, body });
    jar.store(res.headers['set-cookie']);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.location, url);
      if (next.origin !== origin) {
        const back = next.searchParams;
        if (!next.toString().startsWith(REDIRECT_URI) || back.get('state') !== state || !back.get('code')) throw new Error(`unexpected redirect: ${next}`);
        return token(back.get('code'), verifier);
      }
      [url, method, body] = [next.toString(), 'GET', undefined];
    } else if (res.status === 200) {
      const f = fill(res.text, url);
      [url, method, body] = [f.action, 'POST', f.body];
    } else {
      throw new Error(`${method} ${url} → ${res.status}: ${res.text.slice(0, 300)}`);
    }
  }
  throw new Error('the flow did not end within 20 requests');
}

async function token(code, verifier) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: CLIENT_ID }).toString();
  const res = await request(TOKEN, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  if (res.status !== 200 || !JSON.parse(res.text).access_token) throw new Error(`token endpoint → ${res.status}: ${res.text.slice(0, 300)}`);
}

const times = [];
let failed = 0;
let firstError;
const start = performance.now();
const end = start + DURATION * 1000;
await Promise.all(Array.from({ length: LOOPS }, async () => {
  while (performance.now() < end) {
    const t0 = performance.now();
    try {
      await flow();
      times.push(performance.now() - t0);
    } catch (err) {
      failed++;
      firstError ??= err.message;
    }
  }
}));
const seconds = (performance.now() - start) / 1000;
times.sort((a, b) => a - b);
const p99 = times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] : NaN;
process.stdout.write(JSON.stringify({ flows: times.length, failed, seconds, p99_ms: Math.round(p99 * 10) / 10, error: firstError }) + '\n');
agent.destroy();
