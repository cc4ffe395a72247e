// The master keys of a process: the current one, which seals every new value, and older ones that may still open
// values sealed before a rotation (KEYWARD_MASTER_KEYS_PREVIOUS). Each sealed value names the id of its key, so
// opening picks the right key; `keyward vault rotate-key` re-seals what is not under the current key, after which
// the older keys can be removed.
import { keyIdOf, open, seal, type MasterKey } from './seal.js';

export class Keyring {
  private readonly byId = new Map<string, MasterKey>();

  constructor(
    readonly current: MasterKey,
    previous: readonly MasterKey[] = [],
  ) {
    for (const mk of [current, ...previous]) {
      const known = this.byId.get(mk.id);
      // Ids are 32 bits of the key's hash: two different keys sharing one would make values ambiguous.
      if (known && !known.key.equals(mk.key)) throw new Error(`two different master keys share the id ${mk.id}; generate another key`);
      // The current key listed again among the previous ones is harmless (a common state right after a rotation).
      if (!known) this.byId.set(mk.id, mk);
    }
  }

  /** A keyring of one key, for callers that still hold a single MasterKey. */
  static from(keys: Keyring | MasterKey): Keyring {
    return keys instanceof Keyring ? keys : new Keyring(keys);
  }

  get currentId(): string {
    return this.current.id;
  }

  /** The ids of the older keys that may still open values, in the order configured. */
  get previousIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }

  /** Seals under the current key, always. */
  seal(plaintext: string, aad: string): string {
    return seal(this.current, plaintext, aad);
  }

  /** Opens with the key the value names; a key not in the ring is a configuration error, said as such. */
  open(sealed: string, aad: string): string {
    const keyId = keyIdOf(sealed);
    const mk = this.byId.get(keyId);
    if (!mk) throw new Error(`sealed with master key ${keyId}, which is not configured; add it to KEYWARD_MASTER_KEYS_PREVIOUS`);
    return open(mk, sealed, aad);
  }

  /** Whether the value is sealed under the current key (nothing to re-seal). */
  isCurrent(sealed: string): boolean {
    return keyIdOf(sealed) === this.current.id;
  }
}
