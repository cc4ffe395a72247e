// Sealing of secrets that must be read again (webhook secrets, vault credentials): AES-256-GCM with a fresh
// 96-bit nonce per value, and additional data binding the ciphertext to its row and purpose so a sealed value
// copied into another row does not open. The key id is stored so a master key rotation can re-wrap.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export const masterKeyFrom = (key: Buffer): MasterKey => ({
  key,
  id: createHash('sha256').update(key).digest('hex').slice(0, 8),
});

const VERSION = 'v1';

/** Returns `v1.<keyId>.<nonce>.<ciphertext+tag>` (base64url parts). */
export function seal(mk: MasterKey, plaintext: string, aad: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', mk.key, nonce);
  cipher.setAAD(Buffer.from(`${VERSION}|${mk.id}|${aad}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, mk.id, nonce.toString('base64url'), body.toString('base64url')].join('.');
}

/** The id of the master key a sealed value was made with, read from its format without opening it. */
export function keyIdOf(sealed: string): string {
  const [version, keyId] = sealed.split('.', 2);
  if (version !== VERSION || !keyId) throw new Error('sealed value: unknown format');
  return keyId;
}

export function open(mk: MasterKey, sealed: string, aad: string): string {
  const [version, keyId, nonceB64, bodyB64] = sealed.split('.');
  if (version !== VERSION || !nonceB64 || !bodyB64) throw new Error('sealed value: unknown format');
  if (keyId !== mk.id) throw new Error(`sealed value: made with master key ${keyId}, not ${mk.id}`);
  const body = Buffer.from(bodyB64, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', mk.key, Buffer.from(nonceB64, 'base64url'));
  decipher.setAAD(Buffer.from(`${version}|${keyId}|${aad}`));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}
