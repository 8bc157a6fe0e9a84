import type { Redis } from 'ioredis';

/**
 * What a sink without storage of its own (a webhook) remembers it has delivered, so a record
 * version published again after its delivery job is gone is not sent twice.
 */
export interface DeliveryLedger {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
}

/** A ledger in Redis: one key per delivered message, kept for `ttlSeconds`. */
export class RedisLedger implements DeliveryLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long a delivery is remembered. @defaultValue 90 days */
    private readonly ttlSeconds = 90 * 24 * 3600,
  ) {}

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:${key}`)) === 1;
  }

  async add(key: string): Promise<void> {
    await this.redis.set(`${this.prefix}:${key}`, Date.now().toString(), 'EX', this.ttlSeconds);
  }
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
