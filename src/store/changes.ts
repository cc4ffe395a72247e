// Change notices for in-memory caches: a service publishes after its transaction commits; every node's caches
// (this one at once, others through PostgreSQL NOTIFY) drop what changed. Caches also expire on their own, so a
// lost notice costs at most a short staleness window, never a permanent one.
import { EventEmitter } from 'node:events';
import type { Store } from './db.js';

export type ChangeTopic = 'space' | 'client' | 'scope' | 'user' | 'key';
const CHANNEL = 'keyward_changes';

export class ChangeBus {
  private readonly local = new EventEmitter();
  constructor(private readonly store: Store) {
    this.local.setMaxListeners(50);
  }

  async start(): Promise<void> {
    await this.store.listen(CHANNEL, (payload) => {
      const [topic, id] = payload.split(':', 2) as [ChangeTopic, string];
      this.local.emit(topic, id ?? '');
    });
  }

  on(topic: ChangeTopic, handler: (id: string) => void): void {
    this.local.on(topic, handler);
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
