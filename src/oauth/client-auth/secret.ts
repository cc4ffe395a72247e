// client_secret_basic and client_secret_post: the presented secret's SHA-256 against every live stored hash, in
// constant time.
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../../registry/secrets.js';
import type { OAuthClient } from '../cache.js';

export function secretMatches(client: OAuthClient, presented: string): boolean {
  const given = Buffer.from(sha256(presented));
  const now = Date.now();
  let ok = false;
  for (const s of client.secrets) {
    const stored = Buffer.from(s.hash);
    // Every live secret is compared, so the time taken does not say which one (if any) matched.
    const live = !s.expiresAt || s.expiresAt.getTime() > now;
    if (stored.length === given.length && timingSafeEqual(stored, given) && live) ok = true;
  }
  return ok;
}

/** Parses `Authorization: Basic` per RFC 6749 §2.3.1 (form-urlencoded id and secret). */
export function parseBasic(header: string | undefined): { id: string; secret: string } | undefined | 'malformed' {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return 'malformed';
  try {
    return { id: decodeURIComponent(decoded.slice(0, i).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(i + 1).replace(/\+/g, ' ')) };
  } catch {
    return 'malformed';
  }
}
