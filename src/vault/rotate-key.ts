// Master key rotation: re-seals every sealed value not under the current master key, a batch at a time, while the
// servers run. Each value is opened with the key it names (the keyring holds the previous ones) and written back
// with a compare-and-set, so a value a renewal replaced meanwhile is left alone (skipped) and, if still under an
// older key, found again by the next batch. Nothing is remembered between batches: a run stopped anywhere resumes.
import type { Keyring } from '../crypto/keyring.js';
import { conflict } from '../errors.js';
import { recordAudit, type Actor } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import { countSealedNotUnder, replaceSealed, sealedNotUnder } from '../store/sealed-columns.js';

export interface MasterKeyStatus {
  current_key_id: string;
  previous_key_ids: string[];
  /** Sealed values not yet under the current key. */
  remaining: number;
}

export interface ResealResult {
  resealed: number;
  /** Values that changed between reading and writing: left to their writer, picked again if still under an old key. */
  skipped: number;
  remaining: number;
}

export class MasterKeyRotation {
  constructor(
    private readonly db: Executor,
    private readonly keyring: Keyring,
  ) {}

  remaining(): Promise<number> {
    return countSealedNotUnder(this.db, this.keyring.currentId);
  }

  async status(): Promise<MasterKeyStatus> {
    return { current_key_id: this.keyring.currentId, previous_key_ids: this.keyring.previousIds, remaining: await this.remaining() };
  }

  /** Re-seals up to `limit` values under the current key; an entry in the audit log says how many. */
  async resealBatch(limit: number, actor?: Actor): Promise<ResealResult> {
    const values = await sealedNotUnder(this.db, this.keyring.currentId, limit);
    let resealed = 0;
    let skipped = 0;
    for (const value of values) {
      let plaintext: string;
      try {
        plaintext = this.keyring.open(value.sealed, value.aad);
      } catch (err) {
        // A key missing from the ring, or a value that does not open: a configuration matter, never a secret shown.
        throw conflict(`cannot re-seal ${value.table}.${value.column} of row ${value.id}: ${(err as Error).message}`);
      }
      if (await replaceSealed(this.db, value, this.keyring.seal(plaintext, value.aad))) resealed++;
      else skipped++;
    }
    if (actor && resealed > 0) {
      await recordAudit(this.db, actor, {
        action: 'vault.master_key_reseal',
        targetType: 'master_key',
        targetId: this.keyring.currentId,
        changes: { values: resealed, skipped },
      });
    }
    return { resealed, skipped, remaining: await this.remaining() };
  }
}
