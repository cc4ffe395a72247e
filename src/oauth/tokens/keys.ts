// Signing keys per space: created on first use, rotated on demand and on schedule. A new key is published in the
// JWKS before it signs (key_publish_seconds); a retired key stays published until every token it signed has
// expired. Private keys are sealed with the master key.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../store/db.js';
import type { ChangeBus } from '../../store/changes.js';
import { clients, signingKeys, spaces } from '../../store/schema.js';
import { recordAudit, type Actor } from '../../admin/audit.js';
import { open, seal, type MasterKey } from '../../vault/crypto.js';
import { settingsOf } from '../../registry/space-settings.js';
import { randomToken } from '../../registry/secrets.js';
import { generateSigningKey, privateKeyFromPem, SIGNING_ALGS, type SigningAlg, type SigningKey } from './jwt.js';
import { invalid } from '../../errors.js';

type KeyRow = typeof signingKeys.$inferSelect;

interface SpaceKeys {
  rows: KeyRow[];
  signer: SigningKey | undefined;
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

export class KeyService {
  private readonly cache = new Map<string, SpaceKeys>();

  constructor(
    private readonly db: Db,
    private readonly masterKey: MasterKey,
    private readonly bus?: ChangeBus,
  ) {
    bus?.on('key', (spaceId) => this.cache.delete(spaceId));
    bus?.on('space', () => this.cache.clear());
    bus?.onReset(() => this.cache.clear());
  }

  private aad = (kid: string) => `signing-key:${kid}`;

  private async load(spaceId: string): Promise<SpaceKeys> {
    const cached = this.cache.get(spaceId);
    const now = Date.now();
    if (cached && now - cached.loadedAt < CACHE_MS && !this.signerStale(cached, now)) return cached;
    const rows = await this.db.select().from(signingKeys).where(eq(signingKeys.spaceId, spaceId)).orderBy(asc(signingKeys.activeAt));
    const entry: SpaceKeys = { rows, signer: this.pickSigner(rows, now), loadedAt: now };
    this.cache.set(spaceId, entry);
    return entry;
  }

  /** A pending key may have become active (or the signer retired) since the cache was filled. */
  private signerStale(entry: SpaceKeys, now: number): boolean {
    const current = entry.rows.find((r) => r.kid === entry.signer?.kid);
    if (current?.retiredAt && current.retiredAt.getTime() <= now) return true;
    return entry.rows.some((r) => r.activeAt.getTime() <= now && r.activeAt.getTime() > entry.loadedAt);
  }

  private pickSigner(rows: KeyRow[], now: number): SigningKey | undefined {
    const usable = rows.filter((r) => r.activeAt.getTime() <= now && (!r.retiredAt || r.retiredAt.getTime() > now));
    const row = usable[usable.length - 1];
    if (!row) return undefined;
    return { kid: row.kid, alg: row.alg as SigningAlg, privateKey: privateKeyFromPem(open(this.masterKey, row.privateSealed, this.aad(row.kid))) };
  }

  /** The key that signs now; the first one is created on first use. */
  async signer(spaceId: string): Promise<SigningKey> {
    const entry = await this.load(spaceId);
    if (entry.signer) return entry.signer;
    await this.db.transaction(async (tx) => {
      // One creator per space even when several requests (or nodes) arrive at once.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'keys:' + spaceId}))`);
      const [existing] = await tx.select({ kid: signingKeys.kid }).from(signingKeys).where(eq(signingKeys.spaceId, spaceId)).limit(1);
      if (!existing) await this.insertKey(tx as Db, spaceId, await this.algOf(tx as Db, spaceId), new Date());
    });
    this.cache.delete(spaceId);
    await this.bus?.publish('key', spaceId);
    const fresh = await this.load(spaceId);
    if (!fresh.signer) throw new Error('no signing key could be made active');
    return fresh.signer;
  }

  /** Public keys to publish: pending, active and retired ones until they expire. */
  async jwks(spaceId: string): Promise<{ keys: Record<string, unknown>[] }> {
    await this.signer(spaceId);
    const now = Date.now();
    const { rows } = await this.load(spaceId);
    return {
      keys: rows
        .filter((r) => !r.expiresAt || r.expiresAt.getTime() > now)
        .map((r) => ({ ...r.publicJwk, kid: r.kid, alg: r.alg, use: 'sig' })),
    };
  }

  /** Public key by kid, for verifying our own JWTs (introspection, id_token_hint). */
  async publicJwk(spaceId: string, kid: string): Promise<Record<string, unknown> | undefined> {
    let row = (await this.load(spaceId)).rows.find((r) => r.kid === kid);
    if (!row) {
      this.cache.delete(spaceId);
      row = (await this.load(spaceId)).rows.find((r) => r.kid === kid);
    }
    if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
    return { ...row.publicJwk, alg: row.alg };
  }

  private async algOf(db: Db, spaceId: string): Promise<SigningAlg> {
    const [space] = await db.select({ settings: spaces.settings }).from(spaces).where(eq(spaces.id, spaceId));
    return settingsOf(space?.settings).signing_alg;
  }

  private async insertKey(db: Db, spaceId: string, alg: SigningAlg, activeAt: Date): Promise<KeyRow> {
    const kid = randomToken(12);
    const { privatePem, publicJwk } = generateSigningKey(alg);
    const [row] = await db
      .insert(signingKeys)
      .values({ spaceId, kid, alg, publicJwk, privateSealed: seal(this.masterKey, privatePem, this.aad(kid)), activeAt })
      .returning();
    return row!;
  }

  /**
   * Longest lifetime of a token signed now: the space's and its JWT clients' access token lifetimes and the
   * ID token lifetime. Undefined when some client's tokens never expire (then a retired key stays published).
   */
  private async maxTokenLifetime(db: Db, spaceId: string): Promise<number | undefined> {
    const [space] = await db.select().from(spaces).where(eq(spaces.id, spaceId));
    const [row] = await db
      .select({ never: sql<number>`count(*) filter (where ${clients.accessTokenTtl} = 0)::int`, max: sql<number | null>`max(${clients.accessTokenTtl})` })
      .from(clients)
      .where(and(eq(clients.spaceId, spaceId), eq(clients.accessTokenFormat, 'jwt')));
    if ((row?.never ?? 0) > 0) return undefined;
    return Math.max(space!.accessTokenTtl, settingsOf(space!.settings).id_token_ttl, row?.max ?? 0);
  }

  /**
   * Adds a key that signs after `publishSeconds` (default: the space's key_publish_seconds) and retires the
   * current ones at that moment.
   */
  async rotate(space: { id: string; slug: string }, opts: { alg?: string; publishSeconds?: number }, actor: Actor): Promise<KeyView> {
    if (opts.alg !== undefined && !(SIGNING_ALGS as readonly string[]).includes(opts.alg)) {
      throw invalid('alg', `alg must be one of ${SIGNING_ALGS.join(', ')}`);
    }
    if (opts.publishSeconds !== undefined && (!Number.isInteger(opts.publishSeconds) || opts.publishSeconds < 0 || opts.publishSeconds > 7 * 86400)) {
      throw invalid('publish_seconds', 'publish_seconds must be a whole number from 0 to 604800');
    }
    const row = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'keys:' + space.id}))`);
      const [s] = await tx.select().from(spaces).where(eq(spaces.id, space.id));
      const settings = settingsOf(s?.settings);
      const activeAt = new Date(Date.now() + 1000 * (opts.publishSeconds ?? settings.key_publish_seconds));
      const lifetime = await this.maxTokenLifetime(tx as Db, space.id);
      const expiresAt = lifetime === undefined ? null : new Date(activeAt.getTime() + lifetime * 1000);
      // Current (and pending) keys stop signing when the new one starts.
      await tx
        .update(signingKeys)
        .set({ retiredAt: activeAt, expiresAt })
        .where(and(eq(signingKeys.spaceId, space.id), sql`(${signingKeys.retiredAt} is null or ${signingKeys.retiredAt} > ${activeAt})`));
      const created = await this.insertKey(tx as Db, space.id, (opts.alg as SigningAlg | undefined) ?? settings.signing_alg, activeAt);
      await recordAudit(tx as Db, actor, { space: space.slug, action: 'key.rotate', targetType: 'signing_key', targetId: created.kid, changes: { alg: created.alg, active_at: activeAt.toISOString() } });
      return created;
    });
    this.cache.delete(space.id);
    await this.bus?.publish('key', space.id);
    return keyView(row, Date.now());
  }

  async list(spaceId: string): Promise<KeyView[]> {
    const rows = await this.db.select().from(signingKeys).where(eq(signingKeys.spaceId, spaceId)).orderBy(asc(signingKeys.activeAt));
    const now = Date.now();
    return rows.map((r) => keyView(r, now));
  }

  /** Scheduled work: rotate keys older than key_rotation_days, drop keys past their expiry. */
  async maintain(actor: Actor): Promise<{ rotated: string[]; removed: number }> {
    const removed = await this.db.delete(signingKeys).where(lt(signingKeys.expiresAt, new Date())).returning({ kid: signingKeys.kid });
    const rotated: string[] = [];
    for (const s of await this.db.select().from(spaces)) {
      const days = settingsOf(s.settings).key_rotation_days;
      if (days === 0) continue;
      const keys = await this.list(s.id);
      const newest = keys[keys.length - 1];
      if (!newest || newest.state !== 'active') continue;
      if (Date.now() - new Date(newest.active_at).getTime() > days * 86400_000) {
        await this.rotate(s, {}, actor);
        rotated.push(s.slug);
      }
    }
    if (removed.length) this.cache.clear();
    return { rotated, removed: removed.length };
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
