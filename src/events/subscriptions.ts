// Webhook subscriptions of a space (DESIGN.md "Events and webhooks"): where to send which events. The signing
// secret is a Standard Webhooks `whsec_` secret, shown once when made and sealed with the master key; a rotation
// keeps the previous secret signing beside the new one for a grace period, so receivers switch without a gap.
import { randomUUID } from 'node:crypto';
import { AppError, invalid, notFound } from '../errors.js';
import { newWebhookSecret } from '../crypto/webhooks.js';
import type { Db, Executor } from '../store/db.js';
import type { RowLock } from '../store/locks.js';
import { isUuid } from '../store/ids.js';
import { mapPage, type Page, type PageRequest } from '../store/paging.js';
import { sealedAad } from '../store/sealed-columns.js';
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  previousSecretLive,
  updateSubscription,
  type SubscriptionRow,
} from '../store/webhooks.js';
import { BlockedAddressError, checkPublicUrl } from './address-guard.js';
import { diff, recordAudit, type Actor } from './audit.js';
import { EVENT_TYPES } from './types.js';

type SpaceRef = { id: string; slug: string };

export interface SubscriptionInput {
  url?: string;
  events?: string[];
  description?: string;
  active?: boolean;
}

export interface SubscriptionView {
  id: string;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  /** Why Keyward switched the subscription off (its deliveries kept failing); null otherwise. */
  disabled_reason: string | null;
  /** While a rotation's previous secret still signs: when it stops. */
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookSealer {
  seal(plaintext: string, aad: string): string;
}

/** How long a rotated-out secret goes on signing, unless the rotation says otherwise, and at most. */
const DEFAULT_GRACE_S = 24 * 3600;
const MAX_GRACE_S = 7 * 24 * 3600;

export function subscriptionView(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    disabled_reason: row.disabledReason,
    previous_secret_expires_at: previousSecretLive(row) ? row.previousSecretExpiresAt!.toISOString() : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const auditable = (v: SubscriptionView) => ({ url: v.url, events: v.events, description: v.description, active: v.active });

export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly sealer: WebhookSealer,
    private readonly allowPrivate: () => boolean,
  ) {}

  async list(space: SpaceRef, req: PageRequest): Promise<Page<SubscriptionView>> {
    return mapPage(await listSubscriptions(this.db, space.id, req), subscriptionView);
  }

  async get(space: SpaceRef, id: string): Promise<SubscriptionView> {
    return subscriptionView(await this.row(space, id));
  }

  /** The subscription's row (the delivery log and retries check that a subscription is the space's). */
  async row(space: SpaceRef, id: string): Promise<SubscriptionRow> {
    return found(this.db, space, id);
  }

  async create(space: SpaceRef, input: SubscriptionInput, actor: Actor): Promise<SubscriptionView & { secret: string }> {
    if (input.url === undefined) throw invalid('url', 'url is required');
    if (input.events === undefined) throw invalid('events', 'events is required: the event types to receive, or ["*"] for all');
    const url = await this.checkedUrl(input.url);
    const events = checkedEvents(input.events);
    const secret = newWebhookSecret();
    const view = await this.db.transaction(async (tx) => {
      const id = randomUUID();
      const row = await insertSubscription(tx, {
        id,
        spaceId: space.id,
        url,
        events,
        description: checkedDescription(input.description) ?? '',
        active: input.active ?? true,
        secretSealed: this.sealer.seal(secret, sealedAad.webhookSubscription(id)),
      });
      const v = subscriptionView(row);
      await recordAudit(tx, actor, { space: space.slug, action: 'webhook.create', targetType: 'webhook', targetId: id, changes: auditable(v) });
      return v;
    });
    return { ...view, secret };
  }

  async update(space: SpaceRef, id: string, input: SubscriptionInput, actor: Actor): Promise<SubscriptionView> {
    const url = input.url === undefined ? undefined : await this.checkedUrl(input.url);
    const events = input.events === undefined ? undefined : checkedEvents(input.events);
    const description = checkedDescription(input.description);
    return this.db.transaction(async (tx) => {
      const before = await found(tx, space, id, 'no key update');
      const row = await updateSubscription(tx, id, {
        ...(url !== undefined ? { url } : {}),
        ...(events !== undefined ? { events } : {}),
        ...(description !== undefined ? { description } : {}),
        // Switching a subscription on again clears why Keyward had switched it off; its waiting deliveries resume.
        ...(input.active !== undefined ? { active: input.active, disabledReason: input.active ? null : before.disabledReason } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      });
      const v = subscriptionView(row);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'webhook.update',
        targetType: 'webhook',
        targetId: id,
        changes: diff(auditable(subscriptionView(before)), auditable(v)),
      });
      return v;
    });
  }

  async delete(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await found(tx, space, id, 'update');
      // Its deliveries go with it (foreign key): nothing is sent to a subscription that no longer exists.
      await deleteSubscription(tx, id);
      await recordAudit(tx, actor, { space: space.slug, action: 'webhook.delete', targetType: 'webhook', targetId: id, changes: { url: row.url } });
    });
  }

  /** A new signing secret, shown once; the previous one goes on signing beside it for `gracePeriod` seconds. */
  async rotateSecret(space: SpaceRef, id: string, gracePeriod: number | undefined, actor: Actor) {
    const grace = gracePeriod ?? DEFAULT_GRACE_S;
    if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_S)
      throw invalid('grace_period', `grace_period must be a whole number of seconds from 0 to ${MAX_GRACE_S} (7 days)`);
    const secret = newWebhookSecret();
    return this.db.transaction(async (tx) => {
      const row = await found(tx, space, id, 'no key update');
      const until = new Date(Date.now() + grace * 1000);
      await updateSubscription(tx, id, {
        secretSealed: this.sealer.seal(secret, sealedAad.webhookSubscription(id)),
        previousSecretSealed: grace > 0 ? row.secretSealed : null,
        previousSecretExpiresAt: grace > 0 ? until : null,
        version: row.version + 1,
        updatedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'webhook.rotate_secret',
        targetType: 'webhook',
        targetId: id,
        changes: { grace_period: grace },
      });
      return { id, secret, previous_secret_expires_at: grace > 0 ? until.toISOString() : null };
    });
  }

  private async checkedUrl(value: string): Promise<string> {
    const url = checkedUrlShape(value);
    if (!this.allowPrivate()) {
      try {
        await checkPublicUrl(url);
      } catch (err) {
        if (err instanceof BlockedAddressError) throw invalid('url', `url: ${err.message} (KEYWARD_WEBHOOK_ALLOW_PRIVATE=true allows them, for development)`);
        throw err;
      }
    }
    return url.toString();
  }
}

/** The space's subscription `id` (locked with `lock`), or a 404 (also for an id that is no uuid). */
async function found(db: Executor, space: SpaceRef, id: string, lock?: RowLock): Promise<SubscriptionRow> {
  const row = isUuid(id) ? await findSubscription(db, space.id, id, lock) : undefined;
  if (!row) throw notFound(`webhook "${id}"`);
  return row;
}

/** An http(s) URL without credentials or fragment (a receiver's address, not a page). */
export function checkedUrlShape(value: string, field = 'url'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, `${field} must be an absolute http or https URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(field, `${field} must be an http or https URL`);
  if (url.username || url.password) throw invalid(field, `${field} must not hold a user name or password`);
  if (url.hash) throw invalid(field, `${field} must not have a fragment`);
  if (value.length > 2000) throw invalid(field, `${field} must be at most 2000 characters`);
  return url;
}

function checkedEvents(events: string[]): string[] {
  if (!Array.isArray(events) || events.length === 0) throw invalid('events', 'events must list at least one event type, or be ["*"] for all');
  const unique = [...new Set(events)];
  if (unique.includes('*')) {
    if (unique.length > 1) throw invalid('events', 'events is either ["*"] (all) or a list of types, not both');
    return unique;
  }
  const unknown = unique.find((t) => !EVENT_TYPES.includes(t));
  if (unknown) throw invalid('events', `"${unknown}" is not an event type (known: ${EVENT_TYPES.join(', ')})`);
  return unique.sort();
}

function checkedDescription(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v.length > 500) throw invalid('description', 'description must be at most 500 characters');
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new AppError('invalid_request', 'description must not contain control characters', 'description');
  return v;
}
