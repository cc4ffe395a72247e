// Recognizes database errors so that the layers above need not know driver internals: by SQLSTATE through
// Drizzle's wrapper (PGlite and pg both carry `code`), and by the network errors of the pg driver.

/** The causes of an error, outermost first (Drizzle wraps the driver's error; AggregateError holds several). */
function* chain(err: unknown): Generator<{ code?: unknown; message?: unknown; errors?: unknown }> {
  const queue: unknown[] = [err];
  for (let i = 0; i < queue.length && i < 8; i++) {
    const e = queue[i] as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined;
    if (!e || typeof e !== 'object') continue;
    yield e;
    if (e.cause) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
}

function sqlState(err: unknown): string | undefined {
  for (const e of chain(err)) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

export const isUniqueViolation = (err: unknown): boolean => sqlState(err) === '23505';
export const isForeignKeyViolation = (err: unknown): boolean => sqlState(err) === '23503';

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL aborted this transaction, not the request's
 * fault, so nothing was written and the same request may simply be sent again (two admin writes that lock the same
 * rows in opposite order, such as a scope delete cascading into a client's scope list being re-set).
 */
export const isTransactionCollision = (err: unknown): boolean => {
  const state = sqlState(err);
  return state === '40P01' || state === '40001';
};

// SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
// (starting up, shutting down, recovery), 53300 too many connections.
const UNAVAILABLE_STATE = /^(08...|57P0[1-3]|53300)$/;
// The pg driver's and Node's ways of saying that there is no usable connection.
const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGE = [
  'Connection terminated', // unexpectedly, or due to connection timeout
  'timeout exceeded when trying to connect', // the pool's connectionTimeoutMillis
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection refused',
  '/.s.PGSQL.', // a unix socket that is not there (ENOENT): the server is down
];

/**
 * True when the store cannot be reached right now (down, restarting, unreachable, out of connections), as opposed
 * to a query it refused. Callers answer 503 and let clients retry: the same request may well succeed in a moment.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (typeof e.code === 'string' && (UNAVAILABLE_STATE.test(e.code) || UNAVAILABLE_NET.has(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.some((m) => (e.message as string).includes(m))) return true;
  }
  return false;
}

/** Seconds a client is asked to wait (Retry-After) when the store is unavailable: about one reconnect round. */
export const STORE_RETRY_AFTER_SECONDS = 5;
