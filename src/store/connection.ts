import { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors.js';

/** A Redis connection fit for BullMQ workers (blocking commands need `maxRetriesPerRequest: null`). */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    enableAutoPipelining: true,
  });
}

/** Pings Redis once with a short timeout; throws a one-line RedisUnavailableError when nothing answers. */
export async function assertRedis(url: string, timeoutMs = 2000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await Promise.race([
      probe.connect().then(() => probe.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
  } catch (cause) {
    throw new RedisUnavailableError(url, cause);
  } finally {
    probe.disconnect();
  }
}
