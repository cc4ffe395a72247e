// randomToken draws from a pool of CSPRNG bytes (src/crypto/secrets.ts): values must stay unique, of the right
// size, across pool refills and for any length.
import { describe, expect, it } from 'vitest';
import { randomToken } from '../../src/crypto/secrets.js';

describe('randomToken', () => {
  it('gives 256-bit base64url values, all different, across many pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const t = randomToken();
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      seen.add(t);
    }
    expect(seen.size).toBe(5000);
  });

  it('serves odd sizes and sizes larger than the pool', () => {
    expect(Buffer.from(randomToken(5), 'base64url')).toHaveLength(5);
    expect(Buffer.from(randomToken(24), 'base64url')).toHaveLength(24);
    expect(Buffer.from(randomToken(10_000), 'base64url')).toHaveLength(10_000);
    // Bytes are not all zero (the pool is filled before use, also after the first refill).
    for (let i = 0; i < 300; i++) expect(Buffer.from(randomToken(16), 'base64url').some((b) => b !== 0)).toBe(true);
  });
});
