// Grouped signing of access tokens (src/oauth/tokens/sign-worker.ts): on the signing thread and on the event loop
// the signatures must be the real thing — verified here by jose with the public keys.
import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { signingPlace, SignWorker, type SigningPlace } from '../../src/oauth/tokens/sign-worker.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const KEYS = {
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  EdDSA: generateKeyPairSync('ed25519'),
};

describe.each<SigningPlace>(['thread', 'loop'])('SignWorker on the %s', (place) => {
  it.each(Object.keys(KEYS) as (keyof typeof KEYS)[])('makes %s signatures jose verifies, for a whole group at once', async (alg) => {
    const w = new SignWorker(place);
    const pair = KEYS[alg];
    const key = { kid: `k-${alg}`, alg, privateKey: pair.privateKey };
    const publicKey = await importJWK(pair.publicKey.export({ format: 'jwk' }) as never, alg);
    const inputs = Array.from({ length: 25 }, (_, i) => `${b64({ alg, kid: key.kid })}.${b64({ n: i })}`);
    const sigs = await Promise.all(inputs.map((input) => w.sign(key, input)));
    for (const [i, sig] of sigs.entries()) {
      const { payload } = await compactVerify(`${inputs[i]}.${sig}`, publicKey);
      expect(JSON.parse(Buffer.from(payload).toString())).toEqual({ n: i });
    }
    expect(w.where).toBe(place);
  });

  it('tells keys with the same kid apart by their material', async () => {
    const w = new SignWorker(place);
    const a = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const b = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const input = `${b64({ alg: 'ES256' })}.${b64({})}`;
    const [sa, sb] = await Promise.all([
      w.sign({ kid: 'same', alg: 'ES256', privateKey: a.privateKey }, input),
      w.sign({ kid: 'same', alg: 'ES256', privateKey: b.privateKey }, input),
    ]);
    await expect(compactVerify(`${input}.${sa}`, a.publicKey)).resolves.toBeTruthy();
    await expect(compactVerify(`${input}.${sb}`, b.publicKey)).resolves.toBeTruthy();
    await expect(compactVerify(`${input}.${sb}`, a.publicKey)).rejects.toThrow();
  });
});

describe('signingPlace', () => {
  it('uses a thread only when a CPU is to spare, unless KEYWARD_SIGN_THREAD says otherwise', () => {
    expect(signingPlace(1024, {})).toBe('loop');
    expect(signingPlace(1024, { KEYWARD_SIGN_THREAD: '1' })).toBe('thread');
    expect(signingPlace(1, { KEYWARD_SIGN_THREAD: '0' })).toBe('loop');
  });
});
