// Password check for the login page: personal users of the space only, not disabled. An unknown name costs the
// same Argon2 verification as a known one, so timing does not tell which usernames exist.
import { and, eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../registry/secrets.js';
import type { Db } from '../../store/db.js';
import { users } from '../../store/schema.js';
import type { UserRow } from './session.js';

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('keyward-dummy-password-for-timing'));

export async function verifyLogin(db: Db, spaceId: string, username: string, password: string): Promise<UserRow | undefined> {
  const key = username.trim().toLowerCase();
  const [u] = key.length > 0 && key.length <= 200 ? await db.select().from(users).where(and(eq(users.spaceId, spaceId), eq(users.usernameKey, key))) : [];
  const usable = u && u.kind === 'personal' && !u.disabled && u.passwordHash;
  const ok = await verifyPassword(usable ? u.passwordHash! : await dummyHash(), password.slice(0, 1024));
  return usable && ok ? u : undefined;
}
