/**
 * What a sink without storage of its own (a webhook) remembers it has delivered, so a record
 * version published again after its delivery job is gone is not sent twice.
 */
export interface DeliveryLedger {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
}

/** A ledger in memory, for one process (tests, `pressline process`). */
export class MemoryLedger implements DeliveryLedger {
  private readonly keys = new Set<string>();

  async has(key: string): Promise<boolean> {
    return this.keys.has(key);
  }

  async add(key: string): Promise<void> {
    this.keys.add(key);
  }
}
