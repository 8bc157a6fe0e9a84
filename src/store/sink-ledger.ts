import type { RedisClient } from './connection.js';
import type { DeliveryLedger } from '../sinks/ledger.js';

/** A sink's DeliveryLedger in Redis: one key per delivered message, kept for `ttlSeconds`. */
export class RedisLedger implements DeliveryLedger {
  constructor(
    private readonly redis: RedisClient,
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
