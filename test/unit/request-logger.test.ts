// The per-request logger is made on first use: a request that writes nothing at an enabled level costs no pino
// child; one that does writes the same line a pino child would, request id included.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestLogger } from '../../src/logger.js';

function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

/** A pino logger whose child() calls are counted. */
function counted(level: 'warn' | 'debug') {
  const { lines, stream } = sink();
  const parent = createLogger(level, stream);
  let children = 0;
  const child = parent.child.bind(parent);
  parent.child = ((...args: Parameters<typeof child>) => {
    children++;
    return child(...args);
  }) as typeof parent.child;
  return { parent, lines, children: () => children };
}

describe('RequestLogger', () => {
  it('makes no child for lines below the level, and writes nothing', () => {
    const { parent, lines, children } = counted('warn');
    const log = requestLogger(parent, { reqId: 'req-1' }, {});
    log.debug({ a: 1 }, 'refused');
    log.info('hello');
    log.trace('x');
    expect(children()).toBe(0);
    expect(lines).toEqual([]);
    expect(log.level).toBe('warn');
  });

  it('writes enabled lines through one child with the bindings, redaction kept', () => {
    const { parent, lines, children } = counted('debug');
    const log = requestLogger(parent, { reqId: 'req-2' }, {});
    log.debug({ client_secret: 's3cret' }, 'refused');
    log.error({ err: new Error('boom') }, 'failed');
    expect(children()).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 20, reqId: 'req-2', client_secret: '[redacted]', msg: 'refused' });
    expect(lines[1]).toMatchObject({ level: 50, reqId: 'req-2', msg: 'failed', err: { message: 'boom' } });
  });

  it('lets a route log level (child options) decide', () => {
    const { parent, lines } = counted('warn');
    const log = requestLogger(parent, { reqId: 'req-3' }, { level: 'debug' });
    expect(log.level).toBe('debug');
    log.debug('route debug');
    expect(lines).toMatchObject([{ reqId: 'req-3', msg: 'route debug' }]);
  });

  it('hands out grandchildren with both bindings', () => {
    const { lines, stream } = sink();
    requestLogger(createLogger('info', stream), { reqId: 'req-4' }, {}).child({ part: 'x' }).info('nested');
    expect(lines).toMatchObject([{ reqId: 'req-4', part: 'x', msg: 'nested' }]);
  });
});
