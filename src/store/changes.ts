// Change notices for in-memory caches: a service publishes after its transaction commits; every node's caches
// (this one at once, others through PostgreSQL NOTIFY) drop what changed. Caches also expire on their own, so a
// lost notice costs at most a short staleness window, never a permanent one. When the listening connection was lost
// and is back (a PostgreSQL restart, a failover), notices may have been missed: every cache forgets everything
// (`onReset`), so whatever any node changed meanwhile is read again.
import { EventEmitter } from 'node:events';
import type { Store } from './db.js';

export type ChangeTopic = 'space' | 'client' | 'scope' | 'key';
const CHANNEL = 'keyward_changes';

const RESET = 'reset';

export class ChangeBus {
  private readonly local = new EventEmitter();
  /** How many times the caches were told to forget everything (a resumed listener); for tests and metrics. */
  resets = 0;
  /**
   * False while the listening connection is lost: no notice can arrive then, so caches must not trust what they
   * hold (a client deactivated through another node meanwhile would go on being served until its entry expired).
   */
  live = true;
  constructor(private readonly store: Store) {
    this.local.setMaxListeners(50);
  }

  async start(): Promise<void> {
    await this.store.listen(
      CHANNEL,
      (payload) => {
        const [topic, id] = payload.split(':', 2) as [ChangeTopic, string];
        this.local.emit(topic, id ?? '');
      },
      {
        onLost: () => {
          this.live = false;
          this.reset();
        },
        onResume: () => {
          this.live = true;
          this.reset();
        },
      },
    );
  }

  on(topic: ChangeTopic, handler: (id: string) => void): void {
    this.local.on(topic, handler);
  }

  /** Every cache subscribes here too: it must drop all it holds, because changes may have gone unnoticed. */
  onReset(handler: () => void): void {
    this.local.on(RESET, handler);
  }

  reset(): void {
    this.resets++;
    this.local.emit(RESET);
  }

  /** `id` names what changed (a client_id, a space id, ...). */
  async publish(topic: ChangeTopic, id: string): Promise<void> {
    this.local.emit(topic, id);
    try {
      await this.store.notify(CHANNEL, `${topic}:${id}`);
    } catch {
      // Other nodes fall back on their caches' expiry.
    }
  }
}

/** Awaits a committed write, then tells caches what changed. */
export async function publishAfter<T>(bus: ChangeBus | undefined, topic: ChangeTopic, id: string, work: Promise<T>): Promise<T> {
  const result = await work;
  await bus?.publish(topic, id);
  return result;
}
