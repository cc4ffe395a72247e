// Users of a space (seed 000): personal users sign in through the browser; service users only through the
// password grant, and only for clients that allow it. Passwords are Argon2id; disabling cuts off every token.
import { diff, recordAudit, type Actor } from '../events/audit.js';
import { conflict, invalid, notFound } from '../errors.js';
import type { Executor } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import type { RowLock } from '../store/locks.js';
import { cutOffUserTokens, deleteUser, findUser, insertUser, listUsers, updateUser, type UserRow } from '../store/users.js';
import { requireMatch, type IfMatch } from './etag.js';
import { mapPage, type Page, type PageRequest } from './page.js';
import { hashPassword, verifyPassword } from '../crypto/secrets.js';
import { claimColumns, claimsView, type ClaimsInput, type ClaimsView } from './user-claims.js';
import { isUuid } from '../store/ids.js';

export type { UserRow };
export type UserKind = 'personal' | 'service';

/** True when `user` may still be given tokens for a sign-in at `issuedAt`: enabled, and not cut off since. */
export const mayHaveTokens = (user: { disabled: boolean; tokensValidAfter: Date | null }, issuedAt: Date): boolean =>
  !user.disabled && !(user.tokensValidAfter && issuedAt.getTime() < user.tokensValidAfter.getTime());
type SpaceRef = { id: string; slug: string };

/** The standard claims (given_name, …, phone_number, address) come with ClaimsInput: see user-claims.ts. */
export interface UserInput extends ClaimsInput {
  username?: string;
  password?: string | null;
  email?: string | null;
  email_verified?: boolean;
  name?: string | null;
  kind?: UserKind;
  disabled?: boolean;
}

export interface UserView extends ClaimsView {
  id: string;
  space: string;
  username: string;
  email: string | null;
  email_verified: boolean;
  name: string | null;
  kind: UserKind;
  disabled: boolean;
  has_password: boolean;
  tokens_valid_after: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserListQuery extends PageRequest {
  /** Case-insensitive part of the username, e-mail or name. */
  q?: string;
  kind?: UserKind;
  disabled?: boolean;
}

// Printable, no spaces or control characters: usernames appear in tokens (preferred_username) and logs.
const USERNAME = /^[\p{L}\p{N}._@+-]{1,200}$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const MIN_PASSWORD = 8;

export const userView = (u: UserRow, space: string): UserView => ({
  id: u.id,
  space,
  username: u.username,
  email: u.email,
  email_verified: u.emailVerified,
  name: u.name,
  ...claimsView(u),
  kind: u.kind as UserKind,
  disabled: u.disabled,
  has_password: u.passwordHash !== null,
  tokens_valid_after: u.tokensValidAfter ? u.tokensValidAfter.toISOString() : null,
  created_at: u.createdAt.toISOString(),
  updated_at: u.updatedAt.toISOString(),
});

function auditable(v: UserView): Record<string, unknown> {
  const { updated_at: _u, created_at: _c, ...rest } = v;
  return rest;
}

function checkPassword(p: string | null | undefined): void {
  if (p === undefined || p === null) return;
  if (p.length < MIN_PASSWORD) throw invalid('password', `password must be at least ${MIN_PASSWORD} characters`);
  if (p.length > 1024) throw invalid('password', 'password must be at most 1024 characters');
}

/** Checks the fields given; returns the standard claims' columns to set. */
function checkFields(input: UserInput): Partial<UserRow> {
  if (input.email !== undefined && input.email !== null && !EMAIL.test(input.email)) throw invalid('email', 'email must be an e-mail address');
  if (input.name !== undefined && input.name !== null && input.name.length > 500) throw invalid('name', 'name must be at most 500 characters');
  checkPassword(input.password);
  return claimColumns(input);
}

// Verified against when the username is unknown, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export class UserService {
  constructor(private readonly db: Executor) {}

  async list(space: SpaceRef, q: UserListQuery): Promise<Page<UserView>> {
    return mapPage(await listUsers(this.db, space.id, q), (r) => userView(r, space.slug));
  }

  /**
   * A user by id, or by username (case-insensitive) when `ref` is not an id. With `lock`, locked until the end of
   * the transaction `db` (read-modify-write).
   */
  async row(space: SpaceRef, ref: string, db: Executor = this.db, lock?: RowLock): Promise<UserRow> {
    const key = ref.toLowerCase();
    const row = await findUser(db, space.id, { id: isUuid(ref) ? key : undefined, usernameKey: key }, lock);
    if (!row) throw notFound(`user "${ref}"`);
    return row;
  }

  /** Locks the user for a change and checks If-Match against the user as it is now. */
  private async lockedForChange(tx: Executor, space: SpaceRef, ref: string, ifMatch: IfMatch | undefined, lock: RowLock = 'no key update'): Promise<UserRow> {
    const row = await this.row(space, ref, tx, lock);
    requireMatch(ifMatch, userView(row, space.slug), `user "${ref}"`);
    return row;
  }

  async get(space: SpaceRef, ref: string): Promise<UserView> {
    return userView(await this.row(space, ref), space.slug);
  }

  private async uniqueOrConflict<T>(username: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`a user named "${username}" already exists in this space (usernames are not case-sensitive)`, 'username');
      throw err;
    }
  }

  async create(space: SpaceRef, input: UserInput, actor: Actor): Promise<UserView> {
    const username = input.username?.trim();
    if (!username) throw invalid('username', 'username is required');
    if (!USERNAME.test(username)) throw invalid('username', 'username must be 1 to 200 letters, digits or . _ @ + -');
    const kind = input.kind ?? 'personal';
    if (kind !== 'personal' && kind !== 'service') throw invalid('kind', 'kind must be personal or service');
    const claims = checkFields(input);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const view = await this.uniqueOrConflict(username, () =>
      this.db.transaction(async (tx) => {
        const row = await insertUser(tx, {
          spaceId: space.id,
          username,
          usernameKey: username.toLowerCase(),
          email: input.email ?? null,
          emailVerified: input.email_verified ?? false,
          name: input.name ?? null,
          ...claims,
          kind,
          passwordHash,
          disabled: input.disabled ?? false,
        });
        const v = userView(row, space.slug);
        await recordAudit(tx, actor, { space: space.slug, action: 'user.create', targetType: 'user', targetId: row.id, changes: auditable(v) });
        return v;
      }),
    );
    return view;
  }

  /** Changes password, e-mail, name, the standard claims, disabled (username and kind are fixed). Disabling cuts off every token. */
  async update(space: SpaceRef, ref: string, input: UserInput, actor: Actor, ifMatch?: IfMatch): Promise<UserView> {
    const checked = checkFields(input);
    const passwordHash = input.password ? await hashPassword(input.password) : input.password === null ? null : undefined;
    const view = await this.db.transaction(async (tx) => {
      const before = await this.lockedForChange(tx, space, ref, ifMatch);
      if (input.username !== undefined && input.username !== before.username) throw invalid('username', 'a username cannot be changed');
      if (input.kind !== undefined && input.kind !== before.kind) throw invalid('kind', 'the kind of a user cannot be changed');
      const now = new Date();
      // Again with the stored address: address fields given are merged into it.
      const claims = input.address ? claimColumns(input, before.address) : checked;
      const disabling = input.disabled === true && !before.disabled;
      const row = await updateUser(tx, before.id, {
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.email_verified !== undefined ? { emailVerified: input.email_verified } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...claims,
        ...(passwordHash !== undefined ? { passwordHash } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        // Every token issued until now stays invalid, also after the user is enabled again.
        ...(disabling ? { tokensValidAfter: now } : {}),
        updatedAt: now,
      });
      const v = userView(row, space.slug);
      const action = disabling ? 'user.disable' : input.disabled === false && before.disabled ? 'user.enable' : 'user.update';
      await recordAudit(tx, actor, {
        space: space.slug,
        action,
        targetType: 'user',
        targetId: before.id,
        changes: {
          ...diff(auditable(userView(before, space.slug)), auditable(v)),
          ...(passwordHash !== undefined ? { password: passwordHash ? 'changed' : 'removed' } : {}),
        },
      });
      return v;
    });
    return view;
  }

  async delete(space: SpaceRef, ref: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.lockedForChange(tx, space, ref, ifMatch, 'update');
      // Foreign keys cascade to grants, tokens, codes, consents and sessions.
      await deleteUser(tx, row.id);
      await recordAudit(tx, actor, { space: space.slug, action: 'user.delete', targetType: 'user', targetId: row.id, changes: { username: row.username } });
    });
  }

  /**
   * Cuts off every token of the user issued until `at` (without disabling). Used by "revoke all of a user", in its
   * transaction: the row is locked first, and the cut-off never moves back (a disable committed meanwhile may have
   * set a later one).
   */
  async cutOffTokens(tx: Executor, userId: string, at: Date): Promise<Date> {
    return cutOffUserTokens(tx, userId, at);
  }

  /**
   * The enabled user with this username and password, of either kind, or undefined. Argon2 runs in every case (with
   * a dummy hash for unknown users), so the answer time does not tell whether a username exists. The caller checks
   * the kind, so it can tell a user who proved the password that this way of signing in is not for their kind.
   */
  async checkPassword(spaceId: string, username: string, password: string): Promise<UserRow | undefined> {
    dummyHash ??= hashPassword('keyward-dummy-password-for-timing');
    const row = username.length <= 200 ? await findUser(this.db, spaceId, { usernameKey: username.trim().toLowerCase() }) : undefined;
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), password.slice(0, 1024));
    if (!row || !ok || !row.passwordHash || row.disabled) return undefined;
    return row;
  }
}
