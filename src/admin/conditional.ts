// Conditional requests at the edge of the admin API (RFC 9110 §8.8.3, §13.1.1): single resources answer an ETag;
// writes to them take If-Match and answer 412 precondition_failed when the resource changed since. The tags and
// the check itself live in registry/etag.ts, inside the transaction that holds the row.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { invalid } from '../errors.js';
import type { IfMatch } from '../registry/etag.js';

/** Request headers of a write that may be conditional. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 4000,
      description:
        'change only if the resource\'s current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource',
    }),
  ),
});

/** A response schema that documents the ETag header the answer carries. */
export function withETag<T extends TSchema>(schema: T): T {
  return { ...schema, headers: { etag: { type: 'string', description: 'strong entity tag of this version of the resource; send it as If-Match' } } };
}

// One element of the list: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = "!" / %x23-7E / obs-text
// (RFC 9110 §8.8.3). A tag may contain commas, so the list is read tag by tag, not split.
const LIST_ITEM = /[ \t]*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")[ \t]*(,|$)/y;

/**
 * The request's If-Match: undefined without one, '*', or the strong tags it lists. Weak tags never match under
 * the strong comparison If-Match uses (§13.1.1), so they are left out (a list of weak tags only matches nothing).
 */
export function ifMatchOf(req: FastifyRequest): IfMatch | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
  if (value === '*') return '*';
  const malformed = () =>
    invalid('If-Match', 'If-Match must be "*" or a comma-separated list of entity tags, each in double quotes as the ETag header gave it');
  if (value === '') throw malformed();
  const tags: string[] = [];
  for (let at = 0; at < value.length;) {
    LIST_ITEM.lastIndex = at;
    const m = LIST_ITEM.exec(value);
    if (!m) throw malformed();
    if (!m[1]) tags.push(m[2]!);
    at = LIST_ITEM.lastIndex;
  }
  return tags;
}

/** Sends `body` with its ETag. */
export function sendTagged<T>(reply: FastifyReply, etag: string, body: T): T {
  reply.header('etag', etag);
  return body;
}
