// Keyset pagination over (created_at, id): stable under concurrent inserts, unlike offsets. And the escaped ILIKE
// pattern of the lists' "name contains" filters.
import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { invalid } from '../errors.js';
import { isUuid } from './ids.js';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

// A cursor is only what encodeCursor makes: a forged id or date (not a uuid, a year PostgreSQL cannot store)
// would otherwise reach the database and fail there as a 500.
const ISO_MS = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof at !== 'string' || !ISO_MS.test(at) || Number.isNaN(date.getTime())) throw new Error('bad');
    if (typeof id !== 'string' || !isUuid(id)) throw new Error('bad');
    return { at: date, id };
  } catch {
    throw invalid('cursor', 'cursor is not one this server issued');
  }
}

export const encodeCursor = (at: Date, id: string): string => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

/** The WHERE condition that continues after `cursor`. */
export function after(createdAt: PgColumn, id: PgColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return or(gt(createdAt, c.at), and(eq(createdAt, c.at), gt(id, c.id)));
}

/** Rows were fetched with limit + 1: the extra row tells whether another page exists. */
export function toPage<R extends { createdAt: Date; id: string }>(rows: R[], limit: number): Page<R> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, next_cursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The page with each item mapped (a row to its view), the cursor as it was. */
export const mapPage = <R, T>(page: Page<R>, map: (row: R) => T): Page<T> => ({ items: page.items.map(map), next_cursor: page.next_cursor });

/** An ILIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
