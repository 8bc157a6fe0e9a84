/**
 * Group commit: deliveries that arrive while earlier ones are being written wait and go
 * together in the next write, so concurrent deliver workers share one transaction or one
 * fsync instead of queueing for one each. Each caller's promise settles with its own item's
 * outcome, only once the write holding it has finished.
 */
export class GroupCommit<I, O> {
  private readonly queue: { item: I; resolve(o: O): void; reject(e: unknown): void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly idle = new Set<() => void>();

  constructor(
    /** Writes items at once; returns one outcome per item, in order. */
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly opts: {
      /** Items per write at most. @defaultValue 500 */
      maxBatch?: number;
      /** Writes running at once. @defaultValue 1 */
      maxInFlight?: number;
      /**
       * Whether a failed write of several items should be retried item by item, so one bad
       * item fails alone (a record the database refuses) rather than taking its batch with it.
       */
      isolate?: (err: unknown) => boolean;
    } = {},
  ) {}

  /** Queues one item; resolves with its outcome once written. */
  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Items pushed in the same tick (a deliverMany) go out together.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Queues many items; resolves with their outcomes in order. */
  pushMany(items: readonly I[]): Promise<O[]> {
    return Promise.all(items.map((i) => this.push(i)));
  }

  /** Resolves once nothing is queued or being written. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.queue.length && this.inFlight < (this.opts.maxInFlight ?? 1)) {
      const batch = this.queue.splice(0, this.opts.maxBatch ?? 500);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
        if (this.inFlight === 0 && this.queue.length === 0) {
          for (const done of this.idle) done();
          this.idle.clear();
        }
      });
    }
  }

  private async run(batch: { item: I; resolve(o: O): void; reject(e: unknown): void }[]): Promise<void> {
    try {
      const out = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (err) {
      if (batch.length > 1 && this.opts.isolate?.(err)) {
        for (const b of batch) {
          await this.write([b.item]).then(
            ([o]) => b.resolve(o!),
            (e: unknown) => b.reject(e),
          );
        }
      } else {
        for (const b of batch) b.reject(err);
      }
    }
  }
}
