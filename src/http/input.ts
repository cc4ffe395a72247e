// Input rules that hold for every route. PostgreSQL text and jsonb cannot hold NUL (U+0000): a string carrying
// one would fail in the database as a 500. No field has a use for it, so it is refused at the edge, naming the field.
import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.js';

/** The path of a string (or key) containing NUL in `value`, '' for `value` itself; undefined if there is none. */
export function findNul(value: unknown): string | undefined {
  // Iterative: a deeply nested body must not overflow the stack here.
  const todo: [unknown, string][] = [[value, '']];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [v, path] = next;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => todo.push([item, `${path}[${i}]`]));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return p;
        todo.push([item, p]);
      }
    }
  }
  return undefined;
}

export function refuseNul(app: FastifyInstance): void {
  // Callback style: it runs on every request, and an async hook costs a promise per request.
  app.addHook('preValidation', (req, _reply, done) => {
    for (const [part, value] of [
      ['path', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const path = findNul(value);
      if (path !== undefined) return done(invalid(path || part, `${path || part} must not contain NUL characters`));
    }
    done();
  });
}
