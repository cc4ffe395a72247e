// Webhooks: the subscriptions of each space, their delivery log and manual retries, and the dispatcher that sends.
// The settings (KEYWARD_WEBHOOK_*) and the logger are the app's: it attaches them when it mounts the routes.
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE } from '../config/index.js';
import type { Store } from '../store/db.js';
import { findDelivery, listDeliveries, type DeliveryWithType } from '../store/webhook-deliveries.js';
import type { DeliveryAttempt } from '../store/webhook-deliveries.js';
import { mapPage, type Page, type PageRequest } from '../store/paging.js';
import { isUuid } from '../store/ids.js';
import { AppError, invalid, notFound } from '../errors.js';
import { WebhookDispatcher, type DispatcherLog, type DispatcherOptions, type Opener } from './dispatcher.js';
import { webhookIdOf } from './message.js';
import { WebhookService, type WebhookSealer } from './subscriptions.js';

type SpaceRef = { id: string; slug: string };

export interface DeliveryView {
  id: string;
  event_type: string;
  /** The webhook-id header: the same on every attempt, so a receiver drops duplicates. */
  webhook_id: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
  created_at: string;
}

export function deliveryView(row: DeliveryWithType): DeliveryView {
  return {
    id: row.id,
    event_type: row.eventType,
    webhook_id: webhookIdOf(row.id),
    status: row.status as DeliveryView['status'],
    attempts: row.attempts,
    next_attempt_at: row.status === 'pending' && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    created_at: row.createdAt.toISOString(),
  };
}

const SILENT: DispatcherLog = { info() {}, warn() {}, error() {} };
const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'];

export class Webhooks {
  readonly subscriptions: WebhookService;
  readonly dispatcher: WebhookDispatcher;
  private readonly options: DispatcherOptions = {
    retrySchedule: DEFAULT_WEBHOOK_RETRY_SCHEDULE,
    allowPrivate: false,
    timeoutMs: 10_000,
    pollMs: 1000,
  };
  private log: DispatcherLog = SILENT;

  constructor(
    private readonly store: Store,
    keyring: Opener & WebhookSealer,
  ) {
    this.subscriptions = new WebhookService(store.db, keyring, () => this.options.allowPrivate);
    this.dispatcher = new WebhookDispatcher(store, keyring, this.options, {
      info: (o, m) => this.log.info(o, m),
      warn: (o, m) => this.log.warn(o, m),
      error: (o, m) => this.log.error(o, m),
    });
  }

  /** The app's webhook settings (KEYWARD_WEBHOOK_*) and logger. */
  attach(settings: Partial<DispatcherOptions> | undefined, log: DispatcherLog | undefined): void {
    if (settings) Object.assign(this.options, settings);
    if (log) this.log = log;
  }

  async deliveries(space: SpaceRef, subscriptionId: string, q: PageRequest & { status?: string }): Promise<Page<DeliveryView>> {
    if (q.status !== undefined && !DELIVERY_STATUSES.includes(q.status)) throw invalid('status', `status must be one of ${DELIVERY_STATUSES.join(', ')}`);
    const sub = await this.subscriptions.row(space, subscriptionId);
    return mapPage(await listDeliveries(this.store.db, sub.id, q), deliveryView);
  }

  async delivery(space: SpaceRef, subscriptionId: string, id: string): Promise<DeliveryView> {
    const sub = await this.subscriptions.row(space, subscriptionId);
    const row = isUuid(id) ? await findDelivery(this.store.db, sub.id, id) : undefined;
    if (!row) throw notFound(`delivery "${id}"`);
    return deliveryView(row);
  }

  /** Sends the delivery again now (its webhook-id unchanged); the delivery with the new attempt. */
  async retry(space: SpaceRef, subscriptionId: string, id: string): Promise<DeliveryView> {
    const sub = await this.subscriptions.row(space, subscriptionId);
    const found = isUuid(id) ? await findDelivery(this.store.db, sub.id, id) : undefined;
    if (!found) throw notFound(`delivery "${id}"`);
    const row = await this.dispatcher.retryNow(sub.id, id);
    if (!row) throw new AppError('conflict', 'the delivery is being sent right now; look at it again in a moment');
    return deliveryView({ ...row, eventType: found.eventType });
  }
}
