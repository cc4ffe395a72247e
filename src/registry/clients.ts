// Clients of a space: create, read, update, lifecycle (deactivate, reactivate, delete), secrets and scopes.
// Field rules live in client-rules.ts; this file stores the result and keeps the audit log.
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { diff, recordAudit, type Actor } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import { publishAfter, type ChangeBus } from '../store/changes.js';
import { isUniqueViolation } from '../store/errors.js';
import type { RowLock } from '../store/locks.js';
import {
  addClientSecret,
  deleteClient,
  deleteClientSecrets,
  expireClientSecrets,
  findClient,
  insertClient,
  listClients,
  removeClientScope,
  replacedSecretDeadlines,
  scopeNamesOf,
  scopesOfClient,
  setClientScopes,
  updateClient,
} from '../store/clients.js';
import { scopesNamed } from '../store/scopes.js';
import type { Keyring } from '../crypto/keyring.js';
import { sealedAad } from '../store/sealed-columns.js';
import { requireMatch, type IfMatch } from './etag.js';
import { auditable, clientView, columnsOf, specOf, type ClientListQuery, type ClientRow, type ClientView, type ClientWithSecret } from './client-view.js';
import { buildClientSpec, usesSecret, type ClientInput, type ClientSpec } from './client-rules.js';
import { mapPage, type Page } from './page.js';
import { newClientId, randomToken, sha256 } from '../crypto/secrets.js';
import { newWebhookSecret } from '../crypto/webhooks.js';
import type { ScopeInput, ScopeService, ScopeView } from './scopes.js';
import { scopeView } from './scopes.js';
import { STANDARD_SCOPE_NAMES } from './standard-scopes.js';

export { clientETag, clientView, type ClientListQuery, type ClientRow, type ClientView, type ClientWithSecret } from './client-view.js';

// Grants whose tokens act for a user: only these can use the standard scopes' claims.
const USER_GRANTS = new Set(['authorization_code', 'implicit', 'password', 'urn:ietf:params:oauth:grant-type:device_code']);

type SpaceRef = { id: string; slug: string };

export class ClientService {
  constructor(
    private readonly db: Executor,
    private readonly keyring: Keyring,
    private readonly scopeService: ScopeService,
    private readonly bus?: ChangeBus,
  ) {}

  async list(space: SpaceRef, q: ClientListQuery): Promise<Page<ClientView>> {
    const page = await listClients(this.db, space.id, q);
    const pks = page.items.map((r) => r.id);
    const [names, deadlines] = await Promise.all([scopeNamesOf(this.db, pks), replacedSecretDeadlines(this.db, pks)]);
    return mapPage(page, (r) => clientView(r, space.slug, names.get(r.id) ?? [], deadlines.get(r.id) ?? null));
  }

  /** The client's row; with `lock`, locked until the end of the transaction `db` (read-modify-write). */
  async row(space: SpaceRef, clientId: string, db: Executor = this.db, lock?: RowLock): Promise<ClientRow> {
    const row = await findClient(db, space.id, clientId, lock);
    if (!row) throw notFound(`client "${clientId}"`);
    return row;
  }

  /**
   * Locks the client for a change and checks If-Match against it as it is now; returns the row, its scopes and the
   * deadline of the secret its last rotation replaced.
   */
  private async lockedForChange(tx: Executor, space: SpaceRef, clientId: string, ifMatch: IfMatch | undefined, lock: RowLock = 'no key update') {
    const row = await this.row(space, clientId, tx, lock);
    const { scopeNames, previousSecretUntil } = await this.related(tx, row);
    requireMatch(ifMatch, clientView(row, space.slug, scopeNames, previousSecretUntil), `client "${clientId}"`);
    return { row, scopeNames, previousSecretUntil };
  }

  /** What a client's view reads besides its row. */
  private async related(db: Executor, row: ClientRow): Promise<{ scopeNames: string[]; previousSecretUntil: Date | null }> {
    // One after the other: `db` may be a transaction, which runs one statement at a time.
    const scopeNames = (await scopeNamesOf(db, [row.id])).get(row.id) ?? [];
    return { scopeNames, previousSecretUntil: (await replacedSecretDeadlines(db, [row.id])).get(row.id) ?? null };
  }

  async get(space: SpaceRef, clientId: string): Promise<ClientView> {
    const row = await this.row(space, clientId);
    const { scopeNames, previousSecretUntil } = await this.related(this.db, row);
    return clientView(row, space.slug, scopeNames, previousSecretUntil);
  }

  /** Replaces the client's scope associations with `names`, which must all exist in the space. */
  private async setScopes(tx: Executor, space: SpaceRef, clientPk: string, names: string[]): Promise<void> {
    const found = await scopesNamed(tx, space.id, names);
    const missing = names.filter((n) => !found.some((f) => f.name === n));
    if (missing.length) throw invalid('scope', `unknown scope${missing.length > 1 ? 's' : ''} in this space: ${missing.join(', ')}`);
    await setClientScopes(
      tx,
      clientPk,
      found.map((f) => f.id),
    );
  }

  private async addSecret(tx: Executor, clientPk: string): Promise<string> {
    const secret = randomToken(32);
    await addClientSecret(tx, clientPk, sha256(secret));
    return secret;
  }

  private async insertOrConflict<T>(work: () => Promise<T>, spec: ClientSpec): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict(
          `a client named "${spec.name}"${spec.version ? ` version "${spec.version}"` : ''} already exists in this space (names are not case-sensitive)`,
          'name',
        );
      }
      throw err;
    }
  }

  /**
   * The scopes of a client created without `scope`: RFC 7591 §2 lets the server register a default set. A client
   * that acts for users gets the space's standard scopes (OIDC Core §5.4) that exist, so a relying party registered
   * with its usual metadata can ask for `openid profile email`; a client_credentials-only client has no user to
   * describe and gets none. Like any association, an admin can remove them.
   */
  private async defaultScopes(tx: Executor, space: SpaceRef, spec: ClientSpec): Promise<string[]> {
    if (!spec.grantTypes.some((g) => USER_GRANTS.has(g))) return [];
    return (await scopesNamed(tx, space.id, STANDARD_SCOPE_NAMES)).map((r) => r.name).sort();
  }

  async create(space: SpaceRef, input: ClientInput, actor: Actor): Promise<ClientWithSecret> {
    const given = buildClientSpec(input);
    return this.insertOrConflict(
      () =>
        this.db.transaction(async (tx) => {
          const spec = input.scope === undefined ? { ...given, scopes: await this.defaultScopes(tx, space, given) } : given;
          const now = new Date();
          const row = await insertClient(tx, {
            ...columnsOf(spec),
            spaceId: space.id,
            clientId: newClientId(),
            deactivatedAt: spec.active ? null : now,
            tokensValidAfter: spec.active ? null : now,
          });
          await this.setScopes(tx, space, row.id, spec.scopes);
          const secret = usesSecret(spec) ? await this.addSecret(tx, row.id) : undefined;
          const view = clientView(row, space.slug, spec.scopes, null);
          await recordAudit(tx, actor, { space: space.slug, action: 'client.create', targetType: 'client', targetId: row.clientId, changes: auditable(view) });
          return secret ? { ...view, client_secret: secret, client_secret_expires_at: 0 } : view;
        }),
      given,
    ).then(async (created) => {
      // Caches that derive from all of a space's clients (CORS origins) must see the new one.
      await this.bus?.publish('client', created.client_id);
      return created;
    });
  }

  async update(space: SpaceRef, clientId: string, input: ClientInput, actor: Actor, ifMatch?: IfMatch): Promise<ClientWithSecret> {
    return publishAfter(
      this.bus,
      'client',
      clientId,
      this.db.transaction(async (tx) => {
        const { row: before, scopeNames: beforeScopes, previousSecretUntil } = await this.lockedForChange(tx, space, clientId, ifMatch);
        const current = specOf(before, beforeScopes);
        const spec = buildClientSpec(input, current);
        const now = new Date();
        const lifecycle =
          current.active && !spec.active
            ? { deactivatedAt: now, tokensValidAfter: now } // every token issued until now is invalid for good
            : !current.active && spec.active
              ? { deactivatedAt: null }
              : {};
        const row = await this.insertOrConflict(() => updateClient(tx, before.id, { ...columnsOf(spec), ...lifecycle, updatedAt: now }), spec);
        if (input.scope !== undefined) await this.setScopes(tx, space, before.id, spec.scopes);
        let secret: string | undefined;
        if (!usesSecret(spec)) await deleteClientSecrets(tx, before.id);
        else if (!usesSecret(current)) secret = await this.addSecret(tx, before.id);
        // A client that stops using a secret loses all of them, the replaced ones too; otherwise they stay as they were.
        const view = clientView(row, space.slug, spec.scopes, usesSecret(spec) ? previousSecretUntil : null);
        const action = lifecycle.tokensValidAfter ? 'client.deactivate' : 'deactivatedAt' in lifecycle ? 'client.reactivate' : 'client.update';
        await recordAudit(tx, actor, {
          space: space.slug,
          action,
          targetType: 'client',
          targetId: clientId,
          changes: {
            ...diff(auditable(clientView(before, space.slug, beforeScopes, previousSecretUntil)), auditable(view)),
            ...(secret ? { client_secret: 'generated' } : {}),
          },
        });
        return secret ? { ...view, client_secret: secret, client_secret_expires_at: 0 } : view;
      }),
    );
  }

  async delete(space: SpaceRef, clientId: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { row } = await this.lockedForChange(tx, space, clientId, ifMatch, 'update');
      // The event first: its delivery to the client's own webhook copies the URL and secret from the row.
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'client.delete',
        targetType: 'client',
        targetId: clientId,
        changes: { name: row.name, version: row.version },
      });
      // Foreign keys cascade to secrets, scope links, and (later) tokens, codes and consents.
      await deleteClient(tx, row.id);
    });
    await this.bus?.publish('client', clientId);
  }

  /**
   * Issues a new secret. Older secrets stay valid for `graceSeconds` (0: they stop working now), so a deployment
   * can roll the new secret out without downtime.
   */
  async rotateSecret(space: SpaceRef, clientId: string, graceSeconds: number, actor: Actor, ifMatch?: IfMatch) {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > 30 * 24 * 3600) {
      throw invalid('grace_period', 'grace_period must be a whole number of seconds from 0 to 2592000 (30 days)');
    }
    return publishAfter(
      this.bus,
      'client',
      clientId,
      this.db.transaction(async (tx) => {
        const { row } = await this.lockedForChange(tx, space, clientId, ifMatch);
        if (!usesSecret(specOf(row, []))) {
          throw invalid('client_id', `this client authenticates with ${row.tokenEndpointAuthMethod}: it has no secret to rotate`);
        }
        const now = Date.now();
        const until = new Date(now + graceSeconds * 1000);
        // Secrets already expiring keep the earlier of their deadline and the new one.
        await expireClientSecrets(tx, row.id, until, new Date(now));
        const secret = await this.addSecret(tx, row.id);
        await recordAudit(tx, actor, {
          space: space.slug,
          action: 'client.rotate_secret',
          targetType: 'client',
          targetId: clientId,
          changes: { grace_period: graceSeconds },
        });
        return { client_id: clientId, client_secret: secret, client_secret_expires_at: 0, previous_secret_expires_at: until.toISOString() };
      }),
    );
  }

  /** Generates the webhook signing secret (seed 001): returned once, kept sealed with the master key. */
  async createWebhookSecret(space: SpaceRef, clientId: string, actor: Actor, ifMatch?: IfMatch) {
    return publishAfter(
      this.bus,
      'client',
      clientId,
      this.db.transaction(async (tx) => {
        const { row } = await this.lockedForChange(tx, space, clientId, ifMatch);
        // A Standard Webhooks secret (whsec_…), so the client verifies its messages with any such library.
        const secret = newWebhookSecret();
        const now = new Date();
        await updateClient(tx, row.id, {
          webhookSecretSealed: this.keyring.seal(secret, sealedAad.clientWebhook(row.id)),
          webhookSecretCreatedAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, actor, {
          space: space.slug,
          action: 'client.webhook_secret',
          targetType: 'client',
          targetId: clientId,
          changes: { webhook_secret: 'generated' },
        });
        return { client_id: clientId, webhook_secret: secret, created_at: now.toISOString() };
      }),
    );
  }

  async listScopes(space: SpaceRef, clientId: string): Promise<ScopeView[]> {
    const row = await this.row(space, clientId);
    return (await scopesOfClient(this.db, row.id)).map(scopeView);
  }

  /**
   * Associates existing scopes (`names`) and scopes created in the same call (`create`), all or nothing
   * (seed 004: "Associate Existing Scopes" and "Associate New Scope").
   */
  async associateScopes(space: SpaceRef, clientId: string, names: string[], create: ScopeInput[], actor: Actor, ifMatch?: IfMatch): Promise<ScopeView[]> {
    await this.db.transaction(async (tx) => {
      const { row, scopeNames: current } = await this.lockedForChange(tx, space, clientId, ifMatch);
      const created = [];
      for (const input of create) created.push((await this.scopeService.insert(tx, space, input, actor)).name);
      const wanted = [...new Set([...current, ...names, ...created])];
      await this.setScopes(tx, space, row.id, wanted);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'client.associate_scopes',
        targetType: 'client',
        targetId: clientId,
        changes: { scope: { from: current.join(' '), to: wanted.sort().join(' ') } },
      });
    });
    await this.bus?.publish('client', clientId);
    if (create.length) await this.bus?.publish('scope', space.id);
    return this.listScopes(space, clientId);
  }

  async disassociateScope(space: SpaceRef, clientId: string, name: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { row } = await this.lockedForChange(tx, space, clientId, ifMatch);
      const scope = await this.scopeService.get(space.id, name, tx);
      if (!(await removeClientScope(tx, row.id, scope.id))) throw new AppError('not_found', `scope "${name}" is not associated with this client`);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'client.disassociate_scope',
        targetType: 'client',
        targetId: clientId,
        changes: { scope: name },
      });
    });
    await this.bus?.publish('client', clientId);
  }
}
