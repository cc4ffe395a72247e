// The keyring: the current master key seals, older ones open what they sealed, a key that is not configured is
// named with the setting to add it to. And KEYWARD_MASTER_KEYS_PREVIOUS, which feeds it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { keyringFor, resolveMasterKey } from '../../src/config/master-key.js';
import { Keyring } from '../../src/crypto/keyring.js';
import { keyIdOf, masterKeyFrom, open, seal } from '../../src/crypto/seal.js';

const key = () => masterKeyFrom(randomBytes(32));

describe('Keyring', () => {
  const old = key();
  const older = key();
  const current = key();
  const ring = new Keyring(current, [old, older]);

  it('seals with the current key only', () => {
    const sealed = ring.seal('secret', 'row-1');
    expect(keyIdOf(sealed)).toBe(current.id);
    expect(ring.currentId).toBe(current.id);
    expect(ring.isCurrent(sealed)).toBe(true);
    expect(open(current, sealed, 'row-1')).toBe('secret');
    expect(ring.open(sealed, 'row-1')).toBe('secret');
  });

  it('opens values of every previous key, each with its own key, and says they are not current', () => {
    for (const mk of [old, older]) {
      const sealed = seal(mk, `under ${mk.id}`, 'row-2');
      expect(ring.open(sealed, 'row-2')).toBe(`under ${mk.id}`);
      expect(ring.isCurrent(sealed)).toBe(false);
    }
    expect(ring.previousIds).toEqual([old.id, older.id]);
  });

  it('still binds a value to its AAD and refuses a tampered one', () => {
    const sealed = seal(old, 'secret', 'row-3');
    expect(() => ring.open(sealed, 'row-4')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    expect(() => ring.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'row-3')).toThrow();
  });

  it('names a key that is not configured and where to add it', () => {
    const stranger = key();
    const sealed = seal(stranger, 'secret', 'row-5');
    expect(() => ring.open(sealed, 'row-5')).toThrow(`sealed with master key ${stranger.id}, which is not configured; add it to KEYWARD_MASTER_KEYS_PREVIOUS`);
    // Once the rotation is done and the old keys are removed, their values no longer open.
    expect(() => new Keyring(current).open(seal(old, 'x', 'r'), 'r')).toThrow(/KEYWARD_MASTER_KEYS_PREVIOUS/);
  });

  it('refuses a value of an unknown format', () => {
    expect(() => ring.open('plaintext', 'row')).toThrow(/unknown format/);
    expect(() => ring.isCurrent('v2.abc.def.ghi')).toThrow(/unknown format/);
  });

  it('takes the current key listed again among the previous ones, and a lone MasterKey as a ring of one', () => {
    const r = new Keyring(current, [current, old]);
    expect(r.previousIds).toEqual([old.id]);
    const one = Keyring.from(current);
    expect(one.currentId).toBe(current.id);
    expect(one.previousIds).toEqual([]);
    expect(Keyring.from(ring)).toBe(ring);
  });

  it('refuses two different keys with one id', () => {
    const a = key();
    expect(() => new Keyring(a, [{ id: a.id, key: randomBytes(32) }])).toThrow(/share the id/);
  });
});

describe('KEYWARD_MASTER_KEYS_PREVIOUS', () => {
  const b64 = () => randomBytes(32).toString('base64');

  it('defaults to none and reads a comma-separated list (spaces allowed)', () => {
    expect(loadConfig({}).previousMasterKeys).toEqual([]);
    const [a, b] = [b64(), b64()];
    const c = loadConfig({ KEYWARD_MASTER_KEYS_PREVIOUS: `${a}, ${b}` });
    expect(c.previousMasterKeys.map((k) => k.toString('base64'))).toEqual([a, b]);
  });

  it.each([['not base64!'], [`${b64()},short`], [`${b64()},`], [randomBytes(16).toString('base64')]])(
    'refuses %s naming the key and the bad item, never its value',
    (raw) => {
      let err: unknown;
      try {
        loadConfig({ KEYWARD_MASTER_KEYS_PREVIOUS: raw });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.key).toBe('KEYWARD_MASTER_KEYS_PREVIOUS');
      expect(e.message).toMatch(/^Invalid configuration: KEYWARD_MASTER_KEYS_PREVIOUS must list base64 encodings of exactly 32 random bytes/);
      expect(e.message).toMatch(/item \d of \d/);
      for (const item of raw.split(',')) if (item.trim().length > 3) expect(e.message).not.toContain(item.trim());
    },
  );

  it('feeds the keyring next to the resolved key (the key file of the embedded store)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-ring-'));
    const previous = b64();
    const config = loadConfig({ KEYWARD_DATA_DIR: dir, KEYWARD_MASTER_KEYS_PREVIOUS: previous });
    const resolved = resolveMasterKey(config);
    const ring = keyringFor(config, resolved);
    expect(ring.currentId).toBe(masterKeyFrom(resolved.key).id);
    expect(ring.previousIds).toEqual([masterKeyFrom(Buffer.from(previous, 'base64')).id]);
    expect(ring.open(seal(masterKeyFrom(Buffer.from(previous, 'base64')), 'old', 'row'), 'row')).toBe('old');
  });
});
