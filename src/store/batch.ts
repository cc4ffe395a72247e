// Group commit for token rows: concurrent requests that each need a durable insert share one multi-row INSERT.
// Every caller still waits until its own row is committed, so nothing is answered before it is stored.
export class BatchWriter<T> {
  private queue: { row: T; done: (err?: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  add(row: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests already in this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.write(batch.map((b) => b.row));
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.flushing = false;
  }
}

// Group reads for the token lookups of introspection: the lookups that arrive in one turn of the event loop share
// one `id = any($1)` query instead of a round trip each. Every lookup still reads the database after it was asked
// (nothing is cached), so a revocation committed before a lookup is seen by it.
export class BatchReader<T> {
  private queue: { key: string; resolve: (v: T | undefined) => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly read: (keys: string[]) => Promise<Map<string, T>>,
    private readonly maxBatch = 500,
  ) {}

  get(key: string): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const all = this.queue;
    this.queue = [];
    this.scheduled = false;
    for (let i = 0; i < all.length; i += this.maxBatch) {
      const batch = all.slice(i, i + this.maxBatch);
      this.read([...new Set(batch.map((b) => b.key))]).then(
        (found) => {
          for (const b of batch) b.resolve(found.get(b.key));
        },
        (err) => {
          for (const b of batch) b.reject(err);
        },
      );
    }
  }
}
