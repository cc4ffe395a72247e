// The master key seals secrets at rest. With PostgreSQL it must be configured (config/index.ts refuses to start
// otherwise); the embedded store creates a key file (mode 0600) beside its data on first start and says so.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Keyring } from '../crypto/keyring.js';
import { masterKeyFrom } from '../crypto/seal.js';
import { parseMasterKey, type Config } from './index.js';

export interface ResolvedKey {
  key: Buffer;
  /** Set when this call created the key file. */
  createdFile?: string;
  file?: string;
}

export function resolveMasterKey(config: Config): ResolvedKey {
  if (config.masterKey) return { key: config.masterKey };
  const file = path.join(config.dataDir, 'master.key');
  if (existsSync(file)) {
    return { key: parseMasterKey(`master key file ${file}`, readFileSync(file, 'utf8').trim()), file };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, file, createdFile: file };
}

/** The process's keyring: the resolved master key seals; it and KEYWARD_MASTER_KEYS_PREVIOUS open. */
export function keyringFor(config: Config, resolved: ResolvedKey): Keyring {
  return new Keyring(masterKeyFrom(resolved.key), config.previousMasterKeys.map(masterKeyFrom));
}
