// Connections (seed 003's access token): a name unique in the space, a description, the provider client they go
// through, an environment label, placeholder values, and who may use them (every application of the space, or the
// one client they are bound to). A change applies at once wherever the connection is used; there are no versions.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFound } from '../errors.js';
import { diff, recordAudit, type Actor } from '../events/audit.js';
import { clientIdsByPk, findClient } from '../store/clients.js';
import {
  deleteConnection,
  findConnection,
  insertConnection,
  listConnections,
  updateConnection,
  type ConnectionRow,
  type NewConnectionRow,
} from '../store/connections.js';
import { replaceCredentials } from '../store/connection-renewal.js';
import type { Db, Executor } from '../store/db.js';
import { isUniqueViolation } from '../store/errors.js';
import type { Page, PageRequest } from '../store/paging.js';
import { providerClientsById } from '../store/provider-clients.js';
import { sealedAad } from '../store/sealed-columns.js';
import {
  CONNECTION_KINDS,
  CONNECTION_STATUSES,
  connectionView,
  renewalSecondsOf,
  STATIC_KINDS,
  type ConnectionKind,
  type ConnectionView,
} from './connection-view.js';
import type { ProviderEntry } from './catalog/types.js';
import type { ProviderClientService } from './provider-clients.js';
import { nextRenewal } from './renewal-outcome.js';
import type { Sealer } from './sealer.js';

type SpaceRef = { id: string; slug: string };

export interface ConnectionInput {
  name?: string;
  description?: string;
  kind?: string;
  provider_client?: string;
  environment?: string;
  config?: Record<string, string>;
  availability?: string;
  client_id?: string | null;
  renewal_rate?: string | number;
  credentials?: Record<string, string>;
  /** true stops renewal and use; false resumes. */
  disabled?: boolean;
}

// Seed 003: "letters, numbers, and spaces".
const NAME = /^[\p{L}\p{N}]([\p{L}\p{N} ]*[\p{L}\p{N}])?$/u;

/** The credentials each kind takes (write-only; sealed as one JSON value). */
const CREDENTIAL_FIELDS: Record<ConnectionKind, readonly string[]> = {
  oauth2_authorization_code: [],
  oauth2_client_credentials: [],
  api_key_exchange: ['api_key', 'secret'],
  api_key: ['api_key'],
  basic: ['username', 'password'],
};

function checkCredentials(kind: ConnectionKind, creds: Record<string, string>): void {
  const fields = CREDENTIAL_FIELDS[kind];
  if (typeof creds !== 'object' || creds === null || Array.isArray(creds)) throw invalid('credentials', 'credentials must be an object');
  if (fields.length === 0) throw invalid('credentials', `a ${kind} connection takes no credentials (the provider client holds them)`);
  for (const key of Object.keys(creds))
    if (!fields.includes(key)) throw invalid('credentials', `credentials.${key} is not used by a ${kind} connection (it takes ${fields.join(' and ')})`);
  for (const f of fields) {
    const v = creds[f];
    if (typeof v !== 'string' || v.length === 0 || v.length > 8000) throw invalid('credentials', `credentials.${f} is required (a non-empty string)`);
  }
}

export class ConnectionService {
  constructor(
    private readonly db: Db,
    private readonly providerClients: ProviderClientService,
    private readonly sealer: Sealer,
  ) {}

  /** Views of rows, with their provider's id and bound client's client_id. */
  async views(space: SpaceRef, rows: ConnectionRow[], db: Executor = this.db): Promise<ConnectionView[]> {
    const clientIds = await clientIdsByPk(
      db,
      rows.map((r) => r.boundClientPk).filter((pk): pk is string => pk !== null),
    );
    // One read for the page's provider clients (the foreign key keeps each one there; the space check keeps it ours).
    const providerClients = await providerClientsById(
      db,
      rows.map((r) => r.providerClientId),
    );
    const providers = new Map(providerClients.filter((pc) => pc.spaceId === space.id).map((pc) => [pc.id, pc.provider]));
    return rows.map((r) => {
      const provider = providers.get(r.providerClientId);
      if (provider === undefined) throw notFound(`provider client "${r.providerClientId}"`);
      return connectionView(r, provider, r.boundClientPk ? (clientIds.get(r.boundClientPk) ?? null) : null);
    });
  }

  async view(space: SpaceRef, row: ConnectionRow, db: Executor = this.db): Promise<ConnectionView> {
    return (await this.views(space, [row], db))[0]!;
  }

  async list(space: SpaceRef, req: PageRequest & { status?: string[]; provider_client?: string }): Promise<Page<ConnectionView>> {
    for (const s of req.status ?? []) {
      if (!CONNECTION_STATUSES.includes(s as never)) throw invalid('status', `status must be one of ${CONNECTION_STATUSES.join(', ')}`);
    }
    const page = await listConnections(this.db, space.id, { ...req, providerClientId: req.provider_client });
    return { items: await this.views(space, page.items), next_cursor: page.next_cursor };
  }

  async row(spaceId: string, id: string, db: Executor = this.db): Promise<ConnectionRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findConnection(db, spaceId, id) : undefined;
    if (!row) throw notFound(`connection "${id}"`);
    return row;
  }

  async get(space: SpaceRef, id: string): Promise<ConnectionView> {
    return this.view(space, await this.row(space.id, id));
  }

  /** The columns an input sets, checked; `before` on a change. */
  private async columns(tx: Executor, space: SpaceRef, id: string, input: ConnectionInput, before?: ConnectionRow): Promise<Partial<NewConnectionRow>> {
    const set: Partial<NewConnectionRow> = {};
    if (input.name !== undefined || !before) {
      const name = (input.name ?? '').trim();
      if (!NAME.test(name) || name.length > 100)
        throw invalid('name', 'name must be 1 to 100 letters, digits and spaces (seed 003), starting and ending with a letter or digit');
      set.name = name;
    }
    if (input.description !== undefined) {
      if (input.description.length > 4000) throw invalid('description', 'description must be at most 4000 characters');
      set.description = input.description;
    }
    const kind = (input.kind ?? before?.kind) as ConnectionKind | undefined;
    if (!kind || !CONNECTION_KINDS.includes(kind)) throw invalid('kind', `kind must be one of ${CONNECTION_KINDS.join(', ')}`);
    if (before && input.kind !== undefined && input.kind !== before.kind) throw invalid('kind', 'kind cannot change; create another connection');
    if (!before) set.kind = kind;
    const pcId = input.provider_client ?? before?.providerClientId;
    if (!pcId) throw invalid('provider_client', 'provider_client is required (the id of a provider client of this space)');
    const pc = await this.providerClients.row(space.id, pcId, tx).catch(() => {
      throw invalid('provider_client', `provider client "${pcId}" does not exist in this space`);
    });
    const entry = this.providerClients.entryOf(pc.provider);
    if (!entry.kinds.includes(kind)) throw invalid('kind', `provider "${entry.id}" supports ${entry.kinds.join(', ')}, not ${kind}`);
    if (input.provider_client !== undefined) set.providerClientId = pc.id;
    if (input.environment !== undefined) {
      if (input.environment.length > 100) throw invalid('environment', 'environment must be at most 100 characters');
      set.environment = input.environment.trim();
    }
    if (input.config !== undefined) {
      if (typeof input.config !== 'object' || input.config === null || Array.isArray(input.config))
        throw invalid('config', 'config must be an object of strings');
      for (const [k, v] of Object.entries(input.config)) if (typeof v !== 'string') throw invalid('config', `config.${k} must be a string`);
      set.config = input.config;
    }
    // Every placeholder the provider's URLs use must be known once the connection's and the client's are merged.
    this.providerClients.checkPlaceholders(entry, { ...pc.config, ...(set.config ?? before?.config ?? {}) });
    Object.assign(set, await this.availability(tx, space, input, before));
    if (input.renewal_rate !== undefined) {
      const seconds = renewalSecondsOf(input.renewal_rate);
      if (seconds === undefined) throw invalid('renewal_rate', 'renewal_rate must be disabled, 15m, 30m, 1h or a whole number of seconds from 60');
      set.renewalSeconds = seconds;
      if (before && seconds !== before.renewalSeconds) Object.assign(set, rescheduled(before, seconds, entry));
    }
    if (input.credentials !== undefined) {
      checkCredentials(kind, input.credentials);
      set.credentialsSealed = this.sealer.seal(JSON.stringify(input.credentials), sealedAad.connection(id, 'credentials'));
    } else if (!before && CREDENTIAL_FIELDS[kind].length > 0) {
      throw invalid('credentials', `a ${kind} connection needs credentials: ${CREDENTIAL_FIELDS[kind].join(' and ')}`);
    }
    return set;
  }

  private async availability(tx: Executor, space: SpaceRef, input: ConnectionInput, before?: ConnectionRow): Promise<Partial<NewConnectionRow>> {
    const availability = input.availability ?? before?.availability ?? 'global';
    if (availability !== 'global' && availability !== 'application') throw invalid('availability', 'availability must be global or application');
    if (availability === 'global') {
      if (input.client_id) throw invalid('client_id', 'client_id binds an application-level connection; set availability to application');
      return { availability, boundClientPk: null };
    }
    if (input.client_id === undefined && before?.boundClientPk) return { availability };
    if (!input.client_id) throw invalid('client_id', 'an application-level connection needs client_id: the registered client that may use it');
    const client = await findClient(tx, space.id, input.client_id);
    if (!client) throw invalid('client_id', `client "${input.client_id}" does not exist in this space`);
    return { availability, boundClientPk: client.id };
  }

  /** Creates the connection; `bind` forces it application-level for that client (the app-facing API). */
  async create(space: SpaceRef, input: ConnectionInput, actor: Actor): Promise<ConnectionRow> {
    const id = randomUUID();
    try {
      return await this.db.transaction(async (tx) => {
        const cols = await this.columns(tx, space, id, input);
        const kind = cols.kind as ConnectionKind;
        // Static credentials work at once; the others start pending until a first token is fetched.
        const ready = STATIC_KINDS.includes(kind);
        const row = await insertConnection(tx, {
          ...(cols as NewConnectionRow),
          id,
          spaceId: space.id,
          status: input.disabled ? 'disabled' : ready ? 'connected' : 'pending',
          connectedAt: ready ? new Date() : null,
        });
        await recordAudit(tx, actor, {
          space: space.slug,
          action: 'connection.create',
          targetType: 'connection',
          targetId: id,
          changes: auditable(await this.view(space, row, tx)),
        });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict(`a connection named "${input.name?.trim()}" already exists in this space (names compare case-insensitively)`, 'name');
      throw err;
    }
  }

  async update(space: SpaceRef, id: string, input: ConnectionInput, actor: Actor): Promise<ConnectionRow> {
    try {
      return await this.db.transaction(async (tx) => {
        const before = await findConnection(tx, space.id, id, 'no key update');
        if (!before) throw notFound(`connection "${id}"`);
        const cols = await this.columns(tx, space, id, input, before);
        if (input.disabled === true) cols.status = 'disabled';
        if (input.disabled === false && before.status === 'disabled')
          cols.status = before.accessTokenSealed || STATIC_KINDS.includes(before.kind as ConnectionKind) ? 'connected' : 'pending';
        // A new provider client makes the old tokens meaningless for the next renewal, and a renewal in flight with
        // the old client must not write its answer afterwards: replaceCredentials ends its lease (a new generation).
        const newClient = cols.providerClientId && cols.providerClientId !== before.providerClientId && !STATIC_KINDS.includes(before.kind as ConnectionKind);
        if (newClient) Object.assign(cols, { status: 'pending', accessTokenSealed: null, refreshTokenSealed: null, expiresAt: null, nextRefreshAt: null });
        const row = newClient ? await replaceCredentials(tx, id, cols) : await updateConnection(tx, id, { ...cols, updatedAt: new Date() });
        const { updated_at: _a, ...b } = auditable(await this.view(space, before, tx));
        const { updated_at: _b, ...a } = auditable(await this.view(space, row, tx));
        await recordAudit(tx, actor, { space: space.slug, action: 'connection.update', targetType: 'connection', targetId: id, changes: diff(b, a) });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict(`a connection named "${input.name?.trim()}" already exists in this space (names compare case-insensitively)`, 'name');
      throw err;
    }
  }

  async delete(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await findConnection(tx, space.id, id, 'update');
      if (!row) throw notFound(`connection "${id}"`);
      await deleteConnection(tx, id);
      await recordAudit(tx, actor, { space: space.slug, action: 'connection.delete', targetType: 'connection', targetId: id, changes: { name: row.name } });
    });
  }
}

/**
 * A new renewal rate applies to the renewal already scheduled, as if the last one had been made under it: else a
 * rate lowered from 1 h to 15 min would wait out the hour, and "disabled" would still renew once. Only a connected
 * connection with a fetched token has such a schedule (a failing one keeps its retry times; static keys have none);
 * a next time already past is simply due.
 */
function rescheduled(row: ConnectionRow, renewalSeconds: number, entry: ProviderEntry): Partial<NewConnectionRow> {
  if (row.status !== 'connected' || !row.lastRefreshAt || !row.expiresAt || STATIC_KINDS.includes(row.kind as ConnectionKind)) return {};
  const nextRefreshAt = nextRenewal({ ...row, renewalSeconds }, entry, row.lastRefreshAt.getTime(), row.expiresAt.getTime(), row.refreshTokenSealed !== null);
  return { nextRefreshAt };
}

/** The fields of a view worth an audit entry (renewal state changes all the time and is not an admin's change). */
function auditable(v: ConnectionView): Record<string, unknown> {
  return {
    name: v.name,
    description: v.description,
    kind: v.kind,
    provider_client: v.provider_client,
    environment: v.environment,
    config: v.config,
    availability: v.availability,
    client_id: v.client_id,
    renewal_rate: v.renewal_rate,
    status: v.status,
    has_credentials: v.has_credentials,
    updated_at: v.updated_at,
  };
}
