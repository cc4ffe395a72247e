// client_secret_basic and client_secret_post: the presented secret's SHA-256 against every live stored hash, in
// constant time.
import { hash, timingSafeEqual } from 'node:crypto';
import type { OAuthClient } from '../cache.js';

type StoredSecret = OAuthClient['secrets'][number];

// The stored hashes (base64url SHA-256, as crypto/secrets.ts writes them) decoded once per cached secret row: the
// cache hands out the same objects until the client changes, so this is one decode per client and not per request.
const decoded = new WeakMap<StoredSecret, Buffer>();
function storedDigest(s: StoredSecret): Buffer {
  let d = decoded.get(s);
  if (!d) decoded.set(s, (d = Buffer.from(s.hash, 'base64url')));
  return d;
}

/** Whether `presented` is one of the client's secrets that has not expired: the token endpoint's rule, and RFC 7592's. */
export function secretMatches(client: Pick<OAuthClient, 'secrets'>, presented: string): boolean {
  // One hash per request (one-shot crypto.hash: no Hash object), compared as raw bytes.
  const given = hash('sha256', presented, 'buffer');
  const now = Date.now();
  let ok = false;
  for (const s of client.secrets) {
    const stored = storedDigest(s);
    // Every live secret is compared, so the time taken does not say which one (if any) matched.
    const live = !s.expiresAt || s.expiresAt.getTime() > now;
    if (stored.length === given.length && timingSafeEqual(stored, given) && live) ok = true;
  }
  return ok;
}

/** Form-urlencoded decoding of one Basic credential part (RFC 6749 §2.3.1); most ids and secrets need none. */
const formDecode = (v: string) => (v.includes('%') || v.includes('+') ? decodeURIComponent(v.replace(/\+/g, ' ')) : v);

/** Parses `Authorization: Basic` per RFC 6749 §2.3.1 (form-urlencoded id and secret). */
export function parseBasic(header: string | undefined): { id: string; secret: string } | undefined | 'malformed' {
  if (!header || header.length < 6 || header.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return 'malformed';
  try {
    return { id: formDecode(decoded.slice(0, i)), secret: formDecode(decoded.slice(i + 1)) };
  } catch {
    return 'malformed';
  }
}
