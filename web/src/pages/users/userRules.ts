// The checks the server makes after the schema's (registry/users.ts), mirrored so a form refuses as you type what
// the API would refuse after the submit.
import { t } from '../../i18n';

const USERNAME = /^[\p{L}\p{N}._@+-]{1,200}$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
export const MIN_PASSWORD = 8;

export const checkUsername = (v: unknown) => !v || USERNAME.test(String(v)) || t('users.badUsername');
export const checkEmail = (v: unknown) => !v || EMAIL.test(String(v)) || t('users.badEmail');
export const checkPassword = (v: unknown) => !v || String(v).length >= MIN_PASSWORD || t('users.passwordShort');

/** A strong password from the browser's cryptographic random source: 20 characters of letters and digits. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  // 256 % 57 leaves a slight bias, so draw again above the largest multiple of the alphabet's length.
  let out = '';
  let pool = bytes;
  while (out.length < 20) {
    for (const b of pool) if (b < 228 && out.length < 20) out += alphabet[b % alphabet.length];
    pool = crypto.getRandomValues(new Uint8Array(20));
  }
  return out;
}
