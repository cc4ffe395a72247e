// Admin accounts, their roles per space, and their API tokens. Tokens are shown once and stored as SHA-256.
import { AppError, conflict, invalid, notFound } from '../errors.js';
import type { Executor } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import type { RowLock } from '../store/locks.js';
import {
  countAdmins,
  deleteAdmin,
  deleteRole,
  findAdmin,
  findAdminByEmail,
  findUsableAdminToken,
  hasAdminsLocked,
  insertAdmin,
  insertAdminToken,
  insertRole,
  listAdmins,
  listAdminTokens,
  revokeAdminToken,
  rolesOf,
  touchAdminToken,
  updateAdmin,
  type AdminRow,
  type AdminTokenRow,
} from '../store/admins.js';
import { findSpace } from '../store/spaces.js';
import { requireMatch, type IfMatch } from '../registry/etag.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../crypto/secrets.js';
import { recordAudit, type Actor } from '../events/audit.js';
import { GLOBAL, ROLES, type Principal, type Role } from './rbac.js';

export const TOKEN_PREFIX = 'kw_';
const EMAIL = /^[^\s@]+@[^\s@]+$/;
// last_used_at is a hint for people, not an audit trail: write it at most once a minute per token.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface RoleGrant {
  space: string;
  role: Role;
}

export interface AdminView {
  id: string;
  email: string;
  disabled: boolean;
  has_password: boolean;
  roles: RoleGrant[];
  created_at: string;
  updated_at: string;
}

export interface TokenView {
  id: string;
  name: string;
  hint: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const tokenView = (t: AdminTokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  hint: t.hint,
  created_at: t.createdAt.toISOString(),
  expires_at: t.expiresAt?.toISOString() ?? null,
  last_used_at: t.lastUsedAt?.toISOString() ?? null,
  revoked_at: t.revokedAt?.toISOString() ?? null,
});

export function checkRole(field: string, role: unknown): Role {
  if (!(ROLES as readonly unknown[]).includes(role)) throw invalid(field, `role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

function checkPassword(password: string): void {
  if (password.length < 12 || password.length > 1024) throw invalid('password', 'password must be 12 to 1024 characters long');
}

let dummyHash: Promise<string> | undefined;

export class AdminService {
  constructor(private readonly db: Executor) {}

  private async rolesByAdmin(db: Executor, adminIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const out = new Map<string, RoleGrant[]>();
    for (const r of await rolesOf(db, adminIds)) {
      out.set(r.adminId, [...(out.get(r.adminId) ?? []), { space: r.space ?? GLOBAL, role: r.role as Role }]);
    }
    for (const list of out.values()) list.sort((a, b) => a.space.localeCompare(b.space));
    return out;
  }

  private view(a: AdminRow, roles: RoleGrant[]): AdminView {
    return {
      id: a.id,
      email: a.email,
      disabled: a.disabled,
      has_password: a.passwordHash !== null,
      roles,
      created_at: a.createdAt.toISOString(),
      updated_at: a.updatedAt.toISOString(),
    };
  }

  async count(): Promise<number> {
    return countAdmins(this.db);
  }

  /** All admins, or those holding a role in one of `onlySpaces`. */
  async list(onlySpaces?: string[]): Promise<AdminView[]> {
    let rows = await listAdmins(this.db);
    const roles = await this.rolesByAdmin(
      this.db,
      rows.map((r) => r.id),
    );
    if (onlySpaces) rows = rows.filter((r) => (roles.get(r.id) ?? []).some((g) => onlySpaces.includes(g.space)));
    return rows.map((r) => this.view(r, roles.get(r.id) ?? []));
  }

  /** An admin with their roles; with `lock`, the admin's row is locked until the end of the transaction `db`. */
  async get(id: string, db: Executor = this.db, lock?: RowLock): Promise<AdminView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`admin "${id}"`);
    const row = await findAdmin(db, id, lock);
    if (!row) throw notFound(`admin "${id}"`);
    return this.view(row, (await this.rolesByAdmin(db, [row.id])).get(row.id) ?? []);
  }

  /**
   * Locks the admin for a change and checks If-Match against them as they are now. Role changes lock the admin's
   * row too, so changes of one admin's roles run one after the other and log the role they really replaced.
   */
  private async lockedForChange(tx: Executor, id: string, ifMatch: IfMatch | undefined, lock: RowLock = 'no key update'): Promise<AdminView> {
    const view = await this.get(id, tx, lock);
    requireMatch(ifMatch, view, `admin "${id}"`);
    return view;
  }

  private async spaceId(db: Executor, space: string, field: string): Promise<string | null> {
    if (space === GLOBAL) return null;
    const row = await findSpace(db, space);
    if (!row) throw invalid(field, `space "${space}" does not exist`);
    return row.id;
  }

  async create(input: { email?: string; password?: string; roles?: RoleGrant[] }, actor: Actor, db: Executor = this.db): Promise<AdminView> {
    const email = (input.email ?? '').trim();
    if (!EMAIL.test(email) || email.length > 320) throw invalid('email', 'email must be an e-mail address');
    if (input.password !== undefined) checkPassword(input.password);
    const roles = input.roles ?? [];
    roles.forEach((r, i) => checkRole(`roles[${i}].role`, r.role));
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
    const work = async (tx: Executor) => {
      let row: AdminRow;
      try {
        row = await insertAdmin(tx, { email, emailKey: email.toLowerCase(), passwordHash });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`an admin with e-mail ${email} already exists`, 'email');
        throw err;
      }
      for (const r of roles) {
        await insertRole(tx, row.id, await this.spaceId(tx, r.space, 'roles'), r.role);
      }
      await recordAudit(tx, actor, { action: 'admin.create', targetType: 'admin', targetId: row.id, changes: { email, roles } });
      return this.get(row.id, tx);
    };
    return db === this.db ? this.db.transaction((tx) => work(tx)) : work(db);
  }

  async update(id: string, input: { password?: string; disabled?: boolean }, actor: Actor, ifMatch?: IfMatch): Promise<AdminView> {
    if (input.password !== undefined) checkPassword(input.password);
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    return this.db.transaction(async (tx) => {
      const before = await this.lockedForChange(tx, id, ifMatch);
      await updateAdmin(tx, id, {
        ...(passwordHash ? { passwordHash } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        updatedAt: new Date(),
      });
      const changes: Record<string, unknown> = {};
      if (passwordHash) changes.password = 'changed';
      if (input.disabled !== undefined && input.disabled !== before.disabled) changes.disabled = { from: before.disabled, to: input.disabled };
      await recordAudit(tx, actor, { action: 'admin.update', targetType: 'admin', targetId: id, changes });
      return this.get(id, tx);
    });
  }

  async delete(id: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.lockedForChange(tx, id, ifMatch, 'update');
      await deleteAdmin(tx, id);
      await recordAudit(tx, actor, { action: 'admin.delete', targetType: 'admin', targetId: id, changes: { email: before.email } });
    });
  }

  async setRole(id: string, space: string, role: Role | null, actor: Actor, ifMatch?: IfMatch): Promise<AdminView> {
    return this.db.transaction(async (tx) => {
      await this.lockedForChange(tx, id, ifMatch);
      const spaceId = await this.spaceId(tx, space, 'space');
      const replaced = await deleteRole(tx, id, spaceId);
      if (role) await insertRole(tx, id, spaceId, role);
      else if (replaced === undefined) throw new AppError('not_found', `this admin has no role in "${space}"`);
      await recordAudit(tx, actor, {
        space: space === GLOBAL ? null : space,
        action: role ? 'admin.grant_role' : 'admin.revoke_role',
        targetType: 'admin',
        targetId: id,
        changes: { space, role: { from: replaced ?? null, to: role } },
      });
      return this.get(id, tx);
    });
  }

  /**
   * The way back in when every owner credential is lost (`keyward admins recover`, run on the server's host with
   * the store's own access, so no admin API token is needed): the admin with this e-mail, made if missing, gets
   * this password, is enabled and is an owner of every space. Audited as the system.
   */
  async recoverOwner(email: string, password: string): Promise<AdminView> {
    checkPassword(password);
    const actor: Actor = { type: 'system' };
    return this.db.transaction(async (tx) => {
      const row = await findAdminByEmail(tx, email.trim().toLowerCase(), 'update');
      if (!row) return this.create({ email, password, roles: [{ space: GLOBAL, role: 'owner' }] }, actor, tx);
      await updateAdmin(tx, row.id, { passwordHash: await hashPassword(password), disabled: false, updatedAt: new Date() });
      await deleteRole(tx, row.id, null);
      await insertRole(tx, row.id, null, 'owner');
      await recordAudit(tx, actor, {
        action: 'admin.recover',
        targetType: 'admin',
        targetId: row.id,
        changes: { password: 'changed', disabled: false, role: 'owner of every space' },
      });
      return this.get(row.id, tx);
    });
  }

  /**
   * The admin whose e-mail and password these are, else undefined: unknown, disabled and password-less admins are
   * alike. Unknown addresses cost a verification too (a dummy hash), so the time taken tells nothing.
   */
  async checkPassword(email: string, password: string): Promise<AdminView | undefined> {
    const row = await findAdminByEmail(this.db, email.trim().toLowerCase());
    dummyHash ??= hashPassword('keyward-dummy-admin-password');
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), password.slice(0, 1024));
    if (!row || !row.passwordHash || row.disabled || !ok) return undefined;
    return this.get(row.id);
  }

  async listTokens(adminId: string): Promise<TokenView[]> {
    return (await listAdminTokens(this.db, adminId)).map(tokenView);
  }

  /** Creates an API token; `value` is only given by the bootstrap (KEYWARD_BOOTSTRAP_ADMIN_TOKEN). */
  async createToken(adminId: string, input: { name?: string; expires_in?: number | null }, actor: Actor, db: Executor = this.db, value?: string) {
    const name = (input.name ?? 'api').trim();
    if (!name || name.length > 100) throw invalid('name', 'name must be 1 to 100 characters');
    const expiresIn = input.expires_in ?? null;
    if (expiresIn !== null && (!Number.isInteger(expiresIn) || expiresIn < 60 || expiresIn > 5 * 365 * 86400)) {
      throw invalid('expires_in', 'expires_in must be null (no expiry) or seconds from 60 to 157680000');
    }
    const token = value ?? TOKEN_PREFIX + randomToken(32);
    const row = await insertAdminToken(db, {
      adminId,
      name,
      tokenHash: sha256(token),
      hint: token.slice(0, 7),
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    });
    await recordAudit(db, actor, { action: 'admin_token.create', targetType: 'admin_token', targetId: row.id, changes: { admin: adminId, name } });
    return { ...tokenView(row), token };
  }

  async revokeToken(adminId: string, tokenId: string, actor: Actor): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(tokenId)) throw notFound(`token "${tokenId}"`);
    await this.db.transaction(async (tx) => {
      const row = await revokeAdminToken(tx, adminId, tokenId);
      if (!row) throw notFound(`active token "${tokenId}"`);
      await recordAudit(tx, actor, { action: 'admin_token.revoke', targetType: 'admin_token', targetId: tokenId, changes: { admin: adminId, name: row.name } });
    });
  }

  /** Resolves a bearer token to its admin and roles; undefined when unknown, revoked, expired or disabled. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const now = new Date();
    const row = await findUsableAdminToken(this.db, sha256(token), now);
    if (!row) return undefined;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await touchAdminToken(this.db, row.tokenId, now);
    }
    const grants = (await this.rolesByAdmin(this.db, [row.adminId])).get(row.adminId) ?? [];
    return {
      adminId: row.adminId,
      email: row.email,
      tokenId: row.tokenId,
      tokenExpiresAt: row.expiresAt,
      roles: new Map(grants.map((g) => [g.space, g.role])),
    };
  }

  /**
   * Creates the first owner when the store has no admin at all. The advisory lock makes two nodes starting at
   * once (or two setup forms posted at once) create one owner, not two.
   */
  async createFirstOwner(input: { email: string; password?: string; token?: string; withToken: boolean; tokenName: string }, actor: Actor) {
    return this.db.transaction(async (tx) => {
      if (await hasAdminsLocked(tx)) return undefined;
      const admin = await this.create({ email: input.email, password: input.password, roles: [{ space: GLOBAL, role: 'owner' }] }, actor, tx);
      const token = input.withToken ? await this.createToken(admin.id, { name: input.tokenName }, actor, tx, input.token) : undefined;
      return { admin, token };
    });
  }
}
