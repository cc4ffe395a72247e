// Seeded randomness for the sweep tests: KEYWARD_SWEEP_SEED=<n> replays a run, and every failure names its seed.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

export const SWEEP_SEED = Number(process.env.KEYWARD_SWEEP_SEED ?? randomBytes(4).readUInt32LE());

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

/** encodeURIComponent, with 'x' for what it cannot encode (a lone surrogate). */
export function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return 'x';
  }
}

/** A log destination that keeps the lines at error level or above (pino's 50 and 60). */
export function errorLines(): { stream: Writable; errors: string[] } {
  const errors: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) if ((JSON.parse(line) as { level: number }).level >= 50) errors.push(line);
      done();
    },
  });
  return { stream, errors };
}
