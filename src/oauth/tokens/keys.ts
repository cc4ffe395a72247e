// Signing keys per space, one chain per algorithm: the space's signing_alg (access tokens, and ID tokens of clients
// that ask for it), RS256 (the ID token algorithm OpenID Connect Registration §2 makes the default, so every space
// has it), and any other algorithm a client's id_token_signed_response_alg names (made on first use). A new key is
// published in the JWKS before it signs (key_publish_seconds); a retired key stays published until every token it
// signed has expired. Rotation rotates every chain at once. Private keys are sealed with the master key.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Executor } from '../../store/db.js';
import type { ChangeBus } from '../../store/changes.js';
import { SigningKeyStore, type KeyRow } from '../../store/signing-keys.js';
import { recordAudit, type Actor } from '../../events/audit.js';
import type { Keyring } from '../../crypto/keyring.js';
import { sealedAad } from '../../store/sealed-columns.js';
import { settingsOf } from '../../registry/space-settings.js';
import { randomToken } from '../../crypto/secrets.js';
import { DEFAULT_ID_TOKEN_ALG, isOneOf, SIGNING_ALGS, type SigningAlg } from '../../registry/capabilities.js';
import { generateSigningKey, privateKeyFromPem, type SigningKey } from './jwt.js';
import { invalid } from '../../errors.js';

interface SpaceKeys {
  rows: KeyRow[];
  /** Signing keys by kid, opened once per load. */
  opened: Map<string, SigningKey>;
  loadedAt: number;
}

// Keys change rarely; a minute bounds staleness if a change notice from another node is lost.
const CACHE_MS = 60_000;

export interface KeyView {
  kid: string;
  alg: string;
  created_at: string;
  active_at: string;
  retired_at: string | null;
  expires_at: string | null;
  state: 'pending' | 'active' | 'retired';
}

const usable = (r: KeyRow, now: number) => r.activeAt.getTime() <= now && (!r.retiredAt || r.retiredAt.getTime() > now);
/** The algorithms a space always has a key for: its own and the default ID token algorithm. */
const requiredAlgs = (spaceAlg: SigningAlg): SigningAlg[] => [...new Set([spaceAlg, DEFAULT_ID_TOKEN_ALG])];

export class KeyService {
  private readonly cache = new Map<string, SpaceKeys>();
  private readonly store: SigningKeyStore;

  constructor(
    db: Executor,
    private readonly keyring: Keyring,
    private readonly bus?: ChangeBus,
  ) {
    this.store = new SigningKeyStore(db);
    bus?.on('key', (spaceId) => this.cache.delete(spaceId));
    bus?.on('space', () => this.cache.clear());
    bus?.onReset(() => this.cache.clear());
  }

  private async load(spaceId: string): Promise<SpaceKeys> {
    const cached = this.cache.get(spaceId);
    const now = Date.now();
    if (cached && now - cached.loadedAt < CACHE_MS && !this.stale(cached, now)) return cached;
    const rows = await this.store.list(spaceId);
    const entry: SpaceKeys = { rows, opened: new Map(), loadedAt: now };
    this.cache.set(spaceId, entry);
    return entry;
  }

  /** A pending key may have become active, or a signing key retired, since the cache was filled. */
  private stale(entry: SpaceKeys, now: number): boolean {
    return entry.rows.some(
      (r) =>
        (r.activeAt.getTime() <= now && r.activeAt.getTime() > entry.loadedAt) ||
        (r.retiredAt && r.retiredAt.getTime() <= now && r.retiredAt.getTime() > entry.loadedAt),
    );
  }

  private open(entry: SpaceKeys, row: KeyRow): SigningKey {
    let key = entry.opened.get(row.kid);
    if (!key) {
      key = { kid: row.kid, alg: row.alg as SigningAlg, privateKey: privateKeyFromPem(this.keyring.open(row.privateSealed, sealedAad.signingKey(row.kid))) };
      entry.opened.set(row.kid, key);
    }
    return key;
  }

  /** The newest key of `alg` that signs now. */
  private pick(entry: SpaceKeys, alg: string, now: number): KeyRow | undefined {
    return entry.rows.filter((r) => r.alg === alg && usable(r, now)).at(-1);
  }

  /**
   * The key that signs with `alg` now: access tokens ask for the space's signing_alg, ID tokens for the client's
   * id_token_signed_response_alg. A chain that does not exist yet is made at once (an older space's RS256 key, an
   * algorithm a client asked for). Right after the space switched to a new algorithm its first key may still wait
   * to be published: until then the space's previous keys sign (another algorithm first: RS256 is the companion).
   */
  async signer(spaceId: string, alg: SigningAlg): Promise<SigningKey> {
    let now = Date.now();
    let entry = await this.load(spaceId);
    let row = this.pick(entry, alg, now);
    if (row) return this.open(entry, row);
    if (!entry.rows.some((r) => r.alg === alg && (!r.retiredAt || r.retiredAt.getTime() > now))) {
      entry = await this.ensure(spaceId, [alg]);
      now = Date.now(); // the keys just made are active from the moment they were made
      row = this.pick(entry, alg, now);
    }
    row ??= entry.rows
      .filter((r) => usable(r, now))
      .sort((a, b) => Number(a.alg === DEFAULT_ID_TOKEN_ALG) - Number(b.alg === DEFAULT_ID_TOKEN_ALG) || b.activeAt.getTime() - a.activeAt.getTime())[0];
    if (!row) throw new Error(`no ${alg} signing key could be made active`);
    return this.open(entry, row);
  }

  /** Makes the keys a space lacks: its own algorithm's, RS256's, and `more`; one creator per space across nodes. */
  private async ensure(spaceId: string, more: SigningAlg[] = []): Promise<SpaceKeys> {
    const made = await this.store.locked(spaceId, async (tx) => {
      const algs = [...new Set([...requiredAlgs(settingsOf((await this.store.space(tx, spaceId))?.settings).signing_alg), ...more])];
      const now = new Date();
      const live = await this.store.liveAlgs(tx, spaceId, now);
      const missing = algs.filter((a) => !live.includes(a));
      for (const alg of missing) await this.insertKey(tx, spaceId, alg, now);
      return missing.length;
    });
    // Read again even when this node made nothing: another node may have made the keys just before (its notice
    // can come later), and the cached entry, fresh by age, would still lack them.
    this.cache.delete(spaceId);
    if (made) await this.bus?.publish('key', spaceId);
    return this.load(spaceId);
  }

  /** Whether the space has a key (signing or pending) for each algorithm it must always have. */
  private complete(entry: SpaceKeys, spaceAlg: SigningAlg): boolean {
    const now = Date.now();
    return requiredAlgs(spaceAlg).every((a) => entry.rows.some((r) => r.alg === a && (!r.retiredAt || r.retiredAt.getTime() > now)));
  }

  /** Public keys to publish: pending, active and retired ones until they expire (every algorithm). */
  async jwks(spaceId: string, spaceAlg: SigningAlg): Promise<{ keys: Record<string, unknown>[] }> {
    let entry = await this.load(spaceId);
    if (!this.complete(entry, spaceAlg)) entry = await this.ensure(spaceId);
    const now = Date.now();
    return {
      keys: entry.rows.filter((r) => !r.expiresAt || r.expiresAt.getTime() > now).map((r) => ({ ...r.publicJwk, kid: r.kid, alg: r.alg, use: 'sig' })),
    };
  }

  /**
   * The public key by kid, for verifying our own JWTs (introspection, id_token_hint, the vault's token reads),
   * imported once per cached key row: importing a JWK for every token cost ~13 % of a connection token read's CPU.
   */
  async verificationKey(spaceId: string, kid: string): Promise<{ key: KeyObject; alg: string } | undefined> {
    let row = (await this.load(spaceId)).rows.find((r) => r.kid === kid);
    if (!row) {
      this.cache.delete(spaceId);
      row = (await this.load(spaceId)).rows.find((r) => r.kid === kid);
    }
    if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
    let key = this.verificationKeys.get(row);
    if (!key) this.verificationKeys.set(row, (key = createPublicKey({ key: row.publicJwk as JsonWebKey, format: 'jwk' })));
    return { key, alg: row.alg };
  }

  // Keyed by the cached row object: a reload of the space's keys makes new rows, and the old entries go with them.
  private readonly verificationKeys = new WeakMap<KeyRow, KeyObject>();

  private async insertKey(db: Executor, spaceId: string, alg: SigningAlg, activeAt: Date): Promise<KeyRow> {
    const kid = randomToken(12);
    const { privatePem, publicJwk } = generateSigningKey(alg);
    return this.store.insert(db, { spaceId, kid, alg, publicJwk, privateSealed: this.keyring.seal(privatePem, sealedAad.signingKey(kid)), activeAt });
  }

  /**
   * Longest lifetime of a token signed now: the space's and its JWT clients' access token lifetimes and the
   * ID token lifetime. Undefined when some client's tokens never expire (then a retired key stays published).
   */
  private async maxTokenLifetime(db: Executor, spaceId: string): Promise<number | undefined> {
    const space = await this.store.space(db, spaceId);
    const clients = await this.store.jwtClientLifetimes(db, spaceId);
    if (clients.never) return undefined;
    return Math.max(space!.accessTokenTtl, settingsOf(space!.settings).id_token_ttl, clients.max ?? 0);
  }

  /**
   * Adds a key per algorithm the space signs with, each signing after `publishSeconds` (default: the space's
   * key_publish_seconds), and retires the current ones at that moment. `alg` makes that algorithm the space's
   * signing_alg (access tokens use it once its new key signs). Answers the new key of the space's algorithm.
   */
  async rotate(space: { id: string; slug: string }, opts: { alg?: string; publishSeconds?: number }, actor: Actor): Promise<KeyView> {
    if (opts.alg !== undefined && !isOneOf(SIGNING_ALGS, opts.alg)) {
      throw invalid('alg', `alg must be one of ${SIGNING_ALGS.join(', ')}`);
    }
    if (opts.publishSeconds !== undefined && (!Number.isInteger(opts.publishSeconds) || opts.publishSeconds < 0 || opts.publishSeconds > 7 * 86400)) {
      throw invalid('publish_seconds', 'publish_seconds must be a whole number from 0 to 604800');
    }
    let switched = false;
    const row = await this.store.locked(space.id, async (tx) => {
      const s = await this.store.space(tx, space.id);
      const settings = settingsOf(s?.settings);
      const alg = (opts.alg as SigningAlg | undefined) ?? settings.signing_alg;
      if (alg !== settings.signing_alg) {
        switched = true;
        await this.store.setSpaceSettings(tx, space.id, { ...(s?.settings ?? {}), signing_alg: alg });
      }
      const now = new Date();
      const activeAt = new Date(now.getTime() + 1000 * (opts.publishSeconds ?? settings.key_publish_seconds));
      const lifetime = await this.maxTokenLifetime(tx, space.id);
      const expiresAt = lifetime === undefined ? null : new Date(activeAt.getTime() + lifetime * 1000);
      // Every chain that still signs (or is about to) gets its successor, plus the ones a space always has.
      const live = (await this.store.liveAlgs(tx, space.id, now)) as SigningAlg[];
      const algs = [...new Set([alg, ...requiredAlgs(settings.signing_alg), ...live])];
      // Current (and pending) keys stop signing when the new ones start.
      await this.store.retireAt(tx, space.id, activeAt, expiresAt);
      let primary: KeyRow | undefined;
      for (const a of algs) {
        const created = await this.insertKey(tx, space.id, a, activeAt);
        if (a === alg) primary = created;
      }
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'key.rotate',
        targetType: 'signing_key',
        targetId: primary!.kid,
        changes: { alg, algs, active_at: activeAt.toISOString(), ...(switched ? { 'settings.signing_alg': { from: settings.signing_alg, to: alg } } : {}) },
      });
      return primary!;
    });
    this.cache.delete(space.id);
    await this.bus?.publish('key', space.id);
    // The space's settings changed: the OAuth cache must see the new signing_alg.
    if (switched) await this.bus?.publish('space', space.slug);
    return keyView(row, Date.now());
  }

  async list(spaceId: string): Promise<KeyView[]> {
    const rows = await this.store.list(spaceId);
    const now = Date.now();
    return rows.map((r) => keyView(r, now));
  }

  /**
   * Scheduled work: gives spaces made before every space had an RS256 key theirs, rotates keys older than
   * key_rotation_days, drops keys past their expiry.
   */
  async maintain(actor: Actor): Promise<{ rotated: string[]; removed: number }> {
    const removed = await this.store.deleteExpired(new Date());
    if (removed) this.cache.clear();
    const rotated: string[] = [];
    for (const s of await this.store.spaces()) {
      const settings = settingsOf(s.settings);
      const keys = await this.list(s.id);
      // Spaces without keys get theirs on first use, as before.
      if (keys.length && !requiredAlgs(settings.signing_alg).every((a) => keys.some((k) => k.alg === a && k.state !== 'retired'))) await this.ensure(s.id);
      if (settings.key_rotation_days === 0) continue;
      const newest = keys.filter((k) => k.alg === settings.signing_alg).at(-1);
      if (!newest || newest.state !== 'active') continue;
      if (Date.now() - new Date(newest.active_at).getTime() > settings.key_rotation_days * 86400_000) {
        await this.rotate(s, {}, actor);
        rotated.push(s.slug);
      }
    }
    return { rotated, removed };
  }
}

function keyView(r: KeyRow, now: number): KeyView {
  const state = r.activeAt.getTime() > now ? 'pending' : r.retiredAt && r.retiredAt.getTime() <= now ? 'retired' : 'active';
  return {
    kid: r.kid,
    alg: r.alg,
    created_at: r.createdAt.toISOString(),
    active_at: r.activeAt.toISOString(),
    retired_at: r.retiredAt?.toISOString() ?? null,
    expires_at: r.expiresAt?.toISOString() ?? null,
    state,
  };
}
