// Entity tags of admin resources (RFC 9110 §8.8.3) and the If-Match precondition (§13.1.1), so an editor that
// read a resource can refuse to overwrite a change made since by somebody else.
//
// The tag is a hash of the resource's representation (the JSON the admin API answers), not of updated_at: every
// change anyone can see changes it — also those that do not touch updated_at (a revoke-all moves
// tokens_valid_after only) and two changes within the same millisecond — and nothing else does, which is what a
// strong validator promises. A change that leaves the representation as it was keeps the tag: there is then
// nothing an editor could overwrite unseen.
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';

/** A parsed If-Match: `*` (any current representation) or the strong entity tags it lists. */
export type IfMatch = '*' | string[];

/** JSON with object keys sorted at every depth, so the tag does not depend on the order fields were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The strong entity tag of a representation: 128 bits of its SHA-256, quoted as RFC 9110 wants. */
export function etagOf(representation: object): string {
  return `"${createHash('sha256').update(canonical(representation)).digest('base64url').slice(0, 22)}"`;
}

/**
 * Throws 412 unless `ifMatch` (absent: no precondition) matches `current`, the representation as it is now in the
 * transaction that will change it. Call it with the row locked, so nobody changes it between the check and the
 * write, and before checking the request's content (RFC 9110 §13.2.1: preconditions come first).
 */
export function requireMatch(ifMatch: IfMatch | undefined, current: object, what: string): void {
  if (ifMatch === undefined || ifMatch === '*') return;
  if (ifMatch.includes(etagOf(current))) return;
  throw new AppError(
    'precondition_failed',
    `${what} has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag`,
  );
}
