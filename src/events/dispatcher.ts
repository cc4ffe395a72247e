// The delivery of webhook messages. Every node runs a dispatcher: it takes due deliveries under a lease (SKIP
// LOCKED: exactly one node makes a given attempt), sends each signed by the Standard Webhooks specification, and
// writes the attempt. A failed attempt is retried on the schedule (about three days by default, with jitter); when
// the schedule is spent the delivery is `failed`, and a subscription with no success since is switched off, with a
// `webhook.disabled` event of its own. A node killed mid-send leaves a lease that runs out: the attempt is made again
// with the same webhook-id, so receivers drop the duplicate.
import { randomUUID } from 'node:crypto';
import { webhookHeaders } from '../crypto/webhooks.js';
import type { Executor, Store } from '../store/db.js';
import { isStoreUnavailable } from '../store/errors.js';
import { WEBHOOK_CHANNEL } from '../store/events.js';
import { sealedAad } from '../store/sealed-columns.js';
import { findSubscriptionWithSpace, updateSubscription } from '../store/webhooks.js';
import {
  claimDelivery,
  claimDueDeliveries,
  finishAttempt,
  releaseDeliveryLeases,
  succeededSince,
  type DeliveryRow,
  type SendableDelivery,
} from '../store/webhook-deliveries.js';
import { recordAudit, SYSTEM } from './audit.js';
import { messageOf, webhookIdOf } from './message.js';
import { sendWebhook, type WebhookAnswer } from './webhook-post.js';

export interface DispatcherOptions {
  /** Seconds to wait before each retry; the delivery fails once they are spent. */
  retrySchedule: readonly number[];
  allowPrivate: boolean;
  timeoutMs: number;
  /** How often the queue is looked at when no notice came (notices wake a PostgreSQL node at once). */
  pollMs: number;
  /** Deliveries taken and sent at a time. */
  batch?: number;
}

export interface DispatcherLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Opener {
  open(sealed: string, aad: string): string;
}

/** The wait before retry `n` (1-based) with ±20 % jitter, so that a receiver back from an outage is not hit by every retry at once. */
export function retryDelayMs(schedule: readonly number[], n: number, random = Math.random): number | undefined {
  const base = schedule[n - 1];
  if (base === undefined) return undefined;
  return Math.round(base * 1000 * (0.8 + 0.4 * random()));
}

/** Told of each attempt's outcome (metrics count them). */
export type AttemptListener = (outcome: 'succeeded' | 'retrying' | 'failed') => void;

export class WebhookDispatcher {
  readonly owner = `node-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private wake: (() => void) | undefined;
  private stopped = true;
  private readonly inflight = new Set<Promise<unknown>>();
  onAttempt: AttemptListener | undefined;

  constructor(
    private readonly store: Store,
    private readonly opener: Opener,
    private readonly options: DispatcherOptions,
    private readonly log: DispatcherLog,
  ) {}

  private get leaseMs(): number {
    // Long enough for the send and the write of its outcome; a dead node's attempts wait this long at most.
    return this.options.timeoutMs * 2 + 5_000;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.store
      .listen(WEBHOOK_CHANNEL, () => this.kick())
      .catch((err: unknown) => this.log.warn({ err }, 'webhooks: not listening for notices; polling only'));
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks at the queue now (or, while a run is sending, has it look again as soon as a sender is free). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      this.wake?.();
      return;
    }
    this.running = this.runDue()
      .then(() => undefined)
      .catch((err: unknown) => {
        if (!isStoreUnavailable(err)) this.log.error({ err }, 'webhooks: the dispatcher failed; it tries again');
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Sends due deliveries, up to `batch` at a time; how many it took. A sender that finishes takes the next due
   * delivery at once, so one slow receiver holds one sender, not the queue.
   */
  async runDue(): Promise<number> {
    const senders = this.options.batch ?? 16;
    const sending = new Set<Promise<unknown>>();
    let taken = 0;
    let drained = false;
    while (!this.stopped) {
      if ((!drained || this.again) && sending.size < senders) {
        this.again = false;
        const free = senders - sending.size;
        const claimed = await claimDueDeliveries(this.store.db, this.owner, this.leaseMs, free);
        drained = claimed.length < free;
        taken += claimed.length;
        for (const d of claimed) {
          const p: Promise<unknown> = this.track(this.attempt(d, false))
            .catch((err: unknown) =>
              this.log.warn({ err, delivery: d.delivery.id }, 'webhooks: an attempt could not be written; it is made again when its lease runs out'),
            )
            .finally(() => sending.delete(p));
          sending.add(p);
        }
      }
      if (sending.size === 0) break;
      // Until a sender is free, or a notice or the poll says there may be more to take.
      await Promise.race([...sending, new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = undefined;
    }
    return taken;
  }

  /** Sends one delivery of the subscription now, whatever its status (a manual retry); the row after the attempt. */
  async retryNow(subscriptionId: string, id: string): Promise<DeliveryRow | undefined> {
    const claimed = await claimDelivery(this.store.db, subscriptionId, id, this.owner, this.leaseMs);
    if (!claimed) return undefined;
    return this.track(this.attempt(claimed, true));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    return p.finally(() => this.inflight.delete(p));
  }

  private async attempt(d: SendableDelivery, manual: boolean): Promise<DeliveryRow | undefined> {
    const at = new Date();
    const answer = await this.send(d, at);
    const ok = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
    const n = d.delivery.attemptCount + 1;
    const wait = retryDelayMs(this.options.retrySchedule, n);
    const schedule = ok
      ? { status: 'succeeded' as const, nextAttemptAt: null }
      : manual
        ? {} // a manual retry that failed leaves the delivery as it was: finished, or pending on its schedule
        : wait === undefined
          ? { status: 'failed' as const, nextAttemptAt: null }
          : { status: 'pending' as const, nextAttemptAt: new Date(Date.now() + wait) };
    const row = await this.store.db.transaction(async (tx) => {
      const written = await finishAttempt(tx, {
        id: d.delivery.id,
        owner: this.owner,
        attempt: {
          at: at.toISOString(),
          ...(answer.status !== undefined ? { response_status: answer.status } : {}),
          duration_ms: answer.durationMs,
          ...(answer.error ? { error: answer.error } : {}),
          ...(answer.body ? { response_body: answer.body } : {}),
          ...(manual ? { manual: true } : {}),
        },
        ...schedule,
      });
      if (written && schedule.status === 'failed' && d.delivery.subscriptionId) await this.switchOffIfDead(tx, d.delivery);
      return written;
    });
    if (!row) this.log.warn({ delivery: d.delivery.id }, 'webhooks: the delivery lease was taken over before the attempt was written');
    this.onAttempt?.(ok ? 'succeeded' : schedule.status === 'failed' ? 'failed' : 'retrying');
    return row;
  }

  private async send(d: SendableDelivery, at: Date): Promise<WebhookAnswer> {
    if (!d.url) return { durationMs: 0, error: 'the target has no webhook URL any more' };
    let secrets: string[];
    try {
      secrets = d.secrets.map((s) =>
        this.opener.open(s.sealed, s.kind === 'client' ? sealedAad.clientWebhook(s.aadId) : sealedAad.webhookSubscription(s.aadId)),
      );
    } catch {
      return { durationMs: 0, error: 'the signing secret cannot be opened with the configured master keys' };
    }
    if (!secrets.length) return { durationMs: 0, error: 'the target has no webhook secret' };
    const body = messageOf(d.event);
    const headers = webhookHeaders(secrets, { id: webhookIdOf(d.delivery.id), timestamp: at, body });
    return sendWebhook(new URL(d.url), headers, body, { timeoutMs: this.options.timeoutMs, allowPrivate: this.options.allowPrivate });
  }

  /** A delivery spent its retries: the subscription is switched off unless another delivery to it succeeded since this one began. */
  private async switchOffIfDead(tx: Executor, d: DeliveryRow): Promise<void> {
    if (await succeededSince(tx, d.subscriptionId!, d.createdAt)) return;
    const sub = await findSubscriptionWithSpace(tx, d.subscriptionId!);
    if (!sub || !sub.active) return;
    const reason = `deliveries failed for ${Math.round((Date.now() - d.createdAt.getTime()) / 3_600_000)} hours without a success`;
    await updateSubscription(tx, sub.id, { active: false, disabledReason: reason, version: sub.version + 1, updatedAt: new Date() });
    await recordAudit(tx, SYSTEM, {
      space: sub.spaceSlug,
      action: 'webhook.disable',
      targetType: 'webhook',
      targetId: sub.id,
      changes: { url: sub.url, reason },
    });
    this.log.warn({ webhook: sub.id }, 'webhooks: a subscription whose deliveries keep failing was switched off');
  }

  /** Stops sending: waits for attempts in flight, then gives back this node's leases. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.wake?.();
    await Promise.allSettled([this.running, ...this.inflight]);
    await releaseDeliveryLeases(this.store.db, this.owner).catch(() => undefined);
  }
}
