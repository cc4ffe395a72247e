/**
 * Calls that arrive in one turn of the event loop share one `run` (one statement), and each caller gets its own
 * answer back: `run` answers its items in order. Nothing is cached: every call reaches the database after it was
 * made, so a change committed before a call is seen by it.
 *
 * `sequential`: one run at a time; calls that arrive meanwhile wait and share the next run (group commit: the
 * busier the store, the larger the groups). Otherwise each turn's calls start their run at once.
 */
export class BatchCall<I, O> {
  private queue: { item: I; resolve: (v: O) => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
    private readonly sequential = false,
  ) {}

  call(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled && !this.running) {
        this.scheduled = true;
        // Let the calls already in this turn of the event loop join the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.sequential ? this.queue.splice(0, this.maxBatch) : this.queue.splice(0);
    if (this.sequential) this.running = true;
    for (let i = 0; i < all.length; i += this.maxBatch) {
      const batch = all.slice(i, i + this.maxBatch);
      this.run(batch.map((b) => b.item))
        .then(
          (answers) => batch.forEach((b, j) => b.resolve(answers[j] as O)),
          (err) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          if (!this.sequential) return;
          this.running = false;
          if (this.queue.length) this.flush();
        });
    }
  }
}

// Group commit for token rows: concurrent requests that each need a durable insert share one multi-row INSERT, one
// at a time. Every caller still waits until its own row is committed, so nothing is answered before it is stored.
export class BatchWriter<T> {
  private readonly calls: BatchCall<T, void>;

  constructor(write: (rows: T[]) => Promise<void>, maxBatch = 500) {
    this.calls = new BatchCall<T, void>(
      async (rows) => {
        await write(rows);
        return rows.map(() => undefined);
      },
      maxBatch,
      true,
    );
  }

  add(row: T): Promise<void> {
    return this.calls.call(row);
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
