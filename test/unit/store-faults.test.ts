// How the store tells an outage from a refused query, and how the listening connection spaces its retries.
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable, isTransactionCollision, isUniqueViolation } from '../../src/store/errors.js';
import { backoffDelay } from '../../src/store/listener.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** As Drizzle wraps a driver error. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isStoreUnavailable', () => {
  it('recognizes connection failures, server shutdowns and pool time-outs, also wrapped', () => {
    for (const err of [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      Object.assign(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]), { code: undefined }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('connect ENOENT /var/run/postgresql/.s.PGSQL.5432'),
    ]) {
      expect(isStoreUnavailable(err), String(err)).toBe(true);
      expect(isStoreUnavailable(wrapped(err)), `wrapped ${String(err)}`).toBe(true);
    }
  });

  it('leaves refused queries and other failures alone', () => {
    for (const err of [pgError('23505'), pgError('22P02'), pgError('42P01'), new Error('boom'), new TypeError('x is undefined'), undefined, 'text']) {
      expect(isStoreUnavailable(err)).toBe(false);
      expect(isStoreUnavailable(wrapped(err))).toBe(false);
    }
    expect(isUniqueViolation(wrapped(pgError('23505')))).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles from the first delay up to the cap, with half of each delay random', () => {
    const opts = { initialMs: 100, maxMs: 2_000 };
    expect([0, 1, 2, 3, 4, 5, 10, 100].map((n) => backoffDelay(n, opts, () => 0))).toEqual([50, 100, 200, 400, 800, 1000, 1000, 1000]);
    expect([0, 1, 5, 100].map((n) => backoffDelay(n, opts, () => 1))).toEqual([100, 200, 2000, 2000]);
  });
});

describe('isTransactionCollision', () => {
  it('recognizes deadlocks and serialization failures, also wrapped, and nothing else', () => {
    for (const code of ['40P01', '40001']) {
      expect(isTransactionCollision(pgError(code))).toBe(true);
      expect(isTransactionCollision(wrapped(pgError(code)))).toBe(true);
    }
    for (const err of [pgError('23505'), pgError('57P01'), new Error('deadlock'), undefined]) expect(isTransactionCollision(err)).toBe(false);
  });
});
