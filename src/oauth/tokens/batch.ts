// Group commit for token rows: concurrent requests that each need a durable insert share one multi-row INSERT.
// Every caller still waits until its own row is committed, so nothing is answered before it is stored.
// Up to `maxInFlight` batches are written at once (on separate pool connections), so the rows that arrive while
// one batch waits for its commit (fsync) need not wait for it to finish before their own INSERT starts.
export class BatchWriter<T> {
  private queue: { row: T; done: (err?: unknown) => void }[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 500,
    private readonly maxInFlight = 4,
  ) {}

  add(row: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // Let the requests already in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight++;
    // More rows than one batch holds: start the next one at once.
    this.schedule();
    try {
      await this.write(batch.map((b) => b.row));
      for (const b of batch) b.done();
    } catch (err) {
      for (const b of batch) b.done(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
