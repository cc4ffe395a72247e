// The jtis of client assertions (private_key_jwt) already accepted, kept until the assertion expires: an assertion
// is accepted once (RFC 7523 §3). The primary key (client, jti) makes the check and the record one statement, so two
// concurrent uses of one assertion cannot both pass.
import type { Db } from './db.js';
import { isUniqueViolation } from './errors.js';
import { assertionJtis } from './schema.js';

export class ClientAssertionStore {
  constructor(private readonly db: Db) {}

  /** Records the client's assertion jti; false when it was recorded before (a replay). */
  async remember(a: { clientPk: string; jti: string; expiresAt: Date }): Promise<boolean> {
    try {
      await this.db.insert(assertionJtis).values(a);
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
