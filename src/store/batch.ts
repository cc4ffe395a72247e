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

/**
 * Calls that arrive in one turn of the event loop share one `run` (one statement), and each caller gets its own
 * answer back: `run` answers its items in order. Nothing is cached: every call reaches the database after it was
 * made, so a change committed before a call is seen by it.
 */
export class BatchCall<I, O> {
  private queue: { item: I; resolve: (v: O) => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
  ) {}

  call(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
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
      this.run(batch.map((b) => b.item)).then(
        (answers) => batch.forEach((b, j) => b.resolve(answers[j] as O)),
        (err) => batch.forEach((b) => b.reject(err)),
      );
    }
  }
}

// Group reads by key (the token lookups of introspection, connection rows for tokens): the lookups of one turn share
// one `id = any($1)` query instead of a round trip each.
export class BatchReader<T> {
  private readonly calls: BatchCall<string, T | undefined>;

  constructor(read: (keys: string[]) => Promise<Map<string, T>>, maxBatch = 500) {
    this.calls = new BatchCall(async (keys) => {
      const found = await read([...new Set(keys)]);
      return keys.map((k) => found.get(k));
    }, maxBatch);
  }

  get(key: string): Promise<T | undefined> {
    return this.calls.call(key);
  }
}
