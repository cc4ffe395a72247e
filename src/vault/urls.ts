// URLs the vault sends credentials to. Only https, except to this machine (http://127.0.0.1, localhost, [::1]) so
// that a provider under development and the tests can run without certificates; anything else in plain http would
// put client secrets and tokens on the wire unencrypted. `{placeholders}` are allowed where a connection fills them.
import { isIP } from 'node:net';
import { invalid } from '../errors.js';

export const isLoopbackHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
};

/** The URL checked: absolute, https (or http to loopback), no credentials or fragment. Placeholders may remain. */
export function checkedUrl(field: string, raw: string, placeholders = false): string {
  const value = raw.trim();
  const probe = placeholders ? value.replace(/\{[a-z_][a-z0-9_]*\}/gi, 'x') : value;
  let u: URL;
  try {
    u = new URL(probe);
  } catch {
    throw invalid(field, `${field} must be an absolute URL`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.hostname))) {
    throw invalid(field, `${field} must use https (plain http only to this machine: localhost, 127.0.0.1, [::1])`);
  }
  if (u.username || u.password) throw invalid(field, `${field} must not contain a user name or password`);
  if (u.hash) throw invalid(field, `${field} must not contain a fragment`);
  return value;
}
